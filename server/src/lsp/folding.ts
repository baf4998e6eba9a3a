import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { trimEnd, type OffsetRange } from '../core/text';
import { toRange } from './convert';

/** Stories and their sections fold; bullet-style sections have no heading fold of their own. */
export function foldingRanges(document: TextDocument, analysis: Analysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (range: OffsetRange) => {
    const { start, end } = toRange(document, range);
    const [startLine, endLine] = [start.line, end.line];
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  };
  for (const story of analysis.doc.stories) {
    add([story.range[0], trimEnd(analysis.doc.text, story.range[0], story.range[1])]);
    for (const section of story.sections) add([section.blockStart, Math.max(section.markerRange[1], section.contentRange[1])]);
  }
  return ranges;
}
