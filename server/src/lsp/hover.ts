import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { explainStory, type Explanation } from '../core/features/explain';
import { toOffset, toRange } from './convert';

/**
 * On a story's heading: which framework it is held to, and why. On a spelling finding: which
 * dialect the note was checked in, and why (`spelling` knows, from the last check).
 */
export function starNotesHover(document: TextDocument, analysis: Analysis, position: Position, spelling: (offset: number) => Explanation | undefined): Hover | null {
  const offset = toOffset(document, position);
  const explanation = explainStory(analysis.doc, offset) ?? spelling(offset);
  if (!explanation) return null;
  return { contents: { kind: MarkupKind.Markdown, value: explanation.markdown }, range: toRange(document, explanation.range) };
}
