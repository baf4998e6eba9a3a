import { DiagnosticSeverity, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Level } from '../core/findings';
import type { OffsetRange } from '../core/text';

/** The one place offsets become UTF-16 line/character positions. */
export function toRange(document: TextDocument, [start, end]: OffsetRange): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toOffsets(document: TextDocument, range: Range): OffsetRange {
  return [toOffset(document, range.start), toOffset(document, range.end)];
}

export function toOffset(document: TextDocument, position: Position): number {
  return document.offsetAt(position);
}

export const SEVERITY: Readonly<Record<Exclude<Level, 'off'>, DiagnosticSeverity>> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

export const SOURCE = 'star-notes';
