import type { Settings } from '../settings';
import type { SectionKind } from './types';

export interface LabelMatcher {
  /** The section a label names, or undefined. Case-insensitive; singular or plural. */
  kindOf(label: string): SectionKind | undefined;
}

const normalize = (label: string): string =>
  label
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

export function labelMatcher(aliases: Settings['aliases']): LabelMatcher {
  const table = new Map<string, SectionKind>();
  for (const [kind, labels] of Object.entries(aliases) as [SectionKind, readonly string[]][]) {
    for (const label of labels) {
      const key = normalize(label);
      if (!table.has(key)) table.set(key, kind);
    }
  }
  return {
    kindOf(label) {
      const key = normalize(label);
      if (key.length === 0 || key.length > 40) return undefined;
      return table.get(key) ?? (key.endsWith('s') ? table.get(key.slice(0, -1)) : table.get(`${key}s`));
    },
  };
}

/**
 * Heading text that names a section: "Situation", "Results:", "S – Situation",
 * "1. Task", "Action (A)". Returns the label and any text after a colon.
 */
export function splitHeadingLabel(text: string, matcher: LabelMatcher): { kind: SectionKind; label: string; rest: string } | undefined {
  const stripped = text
    .replace(/^\s*(?:\d{1,2}[.)]\s*|[A-Za-z](?:\s*[:.)–—-])\s*)/, '')
    // Only the start of a run of spaces may begin the match: a bare `\s*…$` rescans the run from each space.
    .replace(/(?<!\s)\s*\([A-Za-z]\)\s*$/, '');
  for (const candidate of [stripped, text]) {
    const colon = candidate.search(/[:：]/);
    const label = (colon >= 0 ? candidate.slice(0, colon) : candidate).trim();
    const kind = matcher.kindOf(label);
    if (kind) return { kind, label, rest: colon >= 0 ? candidate.slice(colon + 1).trim() : '' };
  }
  return undefined;
}

const EMPHASIZED = /^(\*\*|__|\*|_)([^*_\n]{1,40}?)\1/;
const SEPARATOR = /^[ \t]*(?:[:：]|[-–—](?=\s|$))/;
const PLAIN = /^([^\n:：*_`[\]<>]{1,40}?)[ \t]*(?:[:：]|[ \t][-–—](?=\s|$))/;

/** A label at the start of a paragraph: `Task: …`, `**Action:** …`, `**Action**: …`, `*Result* – …`. */
export function matchLabel(
  source: string,
  matcher: LabelMatcher,
): { kind: SectionKind; label: string; labelStart: number; labelEnd: number; markerEnd: number } | undefined {
  const emphasized = EMPHASIZED.exec(source);
  if (emphasized) {
    const inner = emphasized[2];
    const innerColon = /[:：][ \t]*$/.exec(inner);
    const label = (innerColon ? inner.slice(0, innerColon.index) : inner).trim();
    const kind = matcher.kindOf(label);
    if (!kind) return undefined;
    let markerEnd = emphasized[0].length;
    const after = source.slice(markerEnd);
    const separator = SEPARATOR.exec(after);
    if (separator) markerEnd += separator[0].length;
    else if (!innerColon && !/^[ \t]*(?:\r?\n|\r|$)/.test(after)) return undefined;
    const labelStart = emphasized[1].length + inner.indexOf(label);
    return { kind, label, labelStart, labelEnd: labelStart + label.length, markerEnd };
  }
  const plain = PLAIN.exec(source);
  if (!plain) return undefined;
  const label = plain[1].trim();
  const kind = matcher.kindOf(label);
  if (!kind) return undefined;
  const labelStart = plain[1].indexOf(label);
  return { kind, label, labelStart, labelEnd: labelStart + label.length, markerEnd: plain[0].length };
}
