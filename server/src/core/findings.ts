import type { OffsetRange } from './text';

export type Level = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** A finding is plain data; the LSP edge turns it into a Diagnostic. */
export interface Finding {
  code: string;
  range: OffsetRange;
  message: string;
  severity: Level;
  data?: unknown;
}

/** Document order: by start, then by end. Every list of findings a user sees is in this order. */
export function byPosition(a: Pick<Finding, 'range'>, b: Pick<Finding, 'range'>): number {
  return a.range[0] - b.range[0] || a.range[1] - b.range[1];
}
