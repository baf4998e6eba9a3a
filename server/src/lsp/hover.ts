import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { explainSection, explainStory, type Explanation, type PaceSettings } from '../core/features/explain';
import type { OutlineSettings } from '../core/features/outline';
import { toOffset, toRange } from './convert';

/**
 * On a story's heading: which framework it is held to and why, how long it takes to tell and its
 * balance. On a section marker: its length and what a strong section of its kind holds (both, when
 * a story with no heading is anchored on its first marker). On a spelling finding: which dialect
 * the note was checked in, and why (`spelling` knows, from the last check).
 */
export function starNotesHover(
  document: TextDocument,
  analysis: Analysis,
  position: Position,
  settings: PaceSettings & OutlineSettings,
  spelling: (offset: number) => Explanation | undefined,
): Hover | null {
  const offset = toOffset(document, position);
  const found = [explainStory(analysis.doc, offset, settings), explainSection(analysis.doc, offset, settings)].filter((explanation) => explanation !== undefined);
  const explanation = found.length > 0 ? { range: found[found.length - 1].range, markdown: found.map(({ markdown }) => markdown).join('\n\n---\n\n') } : spelling(offset);
  if (!explanation) return null;
  return { contents: { kind: MarkupKind.Markdown, value: explanation.markdown }, range: toRange(document, explanation.range) };
}
