/** Offsets are UTF-16 code-unit indices into the document text, end exclusive. */
export type OffsetRange = readonly [start: number, end: number];

export type Level = 'off' | 'hint' | 'information' | 'warning' | 'error';

export const STAR_KINDS = ['situation', 'task', 'action', 'result'] as const;
export type StarKind = (typeof STAR_KINDS)[number];
export const EXTRA_KINDS = ['learning', 'challenges', 'notes'] as const;
export type ExtraKind = (typeof EXTRA_KINDS)[number];
export type SectionKind = StarKind | ExtraKind;

export function isStarKind(kind: SectionKind): kind is StarKind {
  return (STAR_KINDS as readonly string[]).includes(kind);
}

/** A finding is plain data; the LSP edge turns it into a Diagnostic. */
export interface Finding {
  code: string;
  range: OffsetRange;
  message: string;
  severity: Level;
  data?: unknown;
}
