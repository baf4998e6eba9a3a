import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { OffsetRange } from '../core/text';

/** Stories and their sections fold; bullet-style sections have no heading fold of their own. */
export function foldingRanges(document: TextDocument, analysis: Analysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = ([start, end]: OffsetRange) => {
    const startLine = document.positionAt(start).line;
    const endLine = document.positionAt(end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  };
  for (const story of analysis.doc.stories) {
    add([story.range[0], Math.max(story.range[0], trimmedEnd(document, story.range[1]))]);
    for (const section of story.sections) add([section.blockStart, Math.max(section.markerRange[1], section.contentRange[1])]);
  }
  return ranges;
}

function trimmedEnd(document: TextDocument, end: number): number {
  const text = document.getText();
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
