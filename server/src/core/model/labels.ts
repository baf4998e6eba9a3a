import type { Settings } from '../settings';
import type { SectionKind } from './types';

export interface LabelMatcher {
  /** The section a label names, or undefined. Case-insensitive; singular or plural. */
  kindOf(label: string): SectionKind | undefined;
  /**
   * Whether a label is strong evidence of a story. Situation, Task, Action, Result and "What I did"
   * are interview words; the other built-in aliases are common in design docs, retros and meeting
   * notes (Context, Goal, Outcome, a list of Actions), so they count only together (stories.ts).
   * Labels the user added are as strong as the canonical ones.
   */
  isStrong(label: string): boolean;
}

/** Default labels per section; user aliases are added to these, never replace them. */
export const DEFAULT_ALIASES: Readonly<Record<SectionKind, readonly string[]>> = {
  situation: ['Situation', 'Context', 'Background'],
  task: ['Task', 'Goal', 'Objective', 'Responsibility'],
  action: ['Action', 'Actions', 'Approach', 'What I did'],
  result: ['Result', 'Results', 'Outcome', 'Outcomes', 'Impact'],
  learning: ['Learning', 'Learnings', 'Lesson', 'Lessons', 'Lessons learned', 'Reflection', 'Takeaway', 'Takeaways'],
  challenges: ['Challenge', 'Challenges'],
  notes: ['Note', 'Notes'],
};

/**
 * Built-in labels that are everyday words outside interviews: weak evidence of a story. "Actions"
 * (a retro's list) is one, "Action" is not; the others count in either number.
 */
const WEAK_LABELS = new Set(['context', 'background', 'goal', 'objective', 'responsibility', 'approach', 'outcome', 'impact', 'actions']);

const normalize = (label: string): string =>
  label
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

export function labelMatcher(aliases: Settings['aliases']): LabelMatcher {
  const table = new Map<string, SectionKind>();
  /** Labels beyond the built-in ones: the settings add to the defaults, which come first. */
  const user = new Set<string>();
  for (const [kind, labels] of Object.entries(aliases) as [SectionKind, readonly string[]][]) {
    for (const label of labels) {
      const key = normalize(label);
      if (!table.has(key)) table.set(key, kind);
      if (!DEFAULT_ALIASES[kind].some((builtIn) => normalize(builtIn) === key)) user.add(key);
    }
  }
  return {
    kindOf(label) {
      const key = normalize(label);
      if (key.length === 0 || key.length > 40) return undefined;
      return table.get(key) ?? (key.endsWith('s') ? table.get(key.slice(0, -1)) : table.get(`${key}s`));
    },
    isStrong(label) {
      const key = normalize(label);
      const singular = key.endsWith('s') ? key.slice(0, -1) : key;
      return !(WEAK_LABELS.has(key) || WEAK_LABELS.has(singular)) || user.has(key) || user.has(singular);
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
