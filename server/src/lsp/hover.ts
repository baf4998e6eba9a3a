import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { explainStory } from '../core/features/explain';
import { toOffset, toRange } from './convert';

/** On a story's heading: which framework it is held to, and why. */
export function storyHover(document: TextDocument, analysis: Analysis, position: Position): Hover | null {
  const explanation = explainStory(analysis.doc, toOffset(document, position));
  if (!explanation) return null;
  return { contents: { kind: MarkupKind.Markdown, value: explanation.markdown }, range: toRange(document, explanation.range) };
}
