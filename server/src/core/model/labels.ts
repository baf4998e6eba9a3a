import type { Settings } from '../settings';
import type { FrameworkTerm, SectionKind } from './types';

/** What a label says about the section it starts. */
export interface LabelMeaning {
  /** One kind, or several for a combined label (`Situation & Task`, `S/T`). */
  kinds: readonly SectionKind[];
  /** Written in letters: counts only with enough letters around it (stories.ts). */
  letters: boolean;
  /**
   * Strong evidence of a story. Situation, Task, Action, Result, "What I did" and the letters are
   * interview words; the other built-in aliases are common in design docs, retros and meeting
   * notes (Context, Goal, Outcome, a list of Actions), so they count only together (stories.ts).
   * Labels the user added are as strong as the canonical ones.
   */
  strong: boolean;
  term?: FrameworkTerm;
}

export interface LabelMatcher {
  /** The sections a label names, or undefined. Case-insensitive (letters excepted); singular or plural. */
  read(label: string): LabelMeaning | undefined;
}

/** Default labels per section; user aliases are added to these, never replace them. */
export const DEFAULT_ALIASES: Readonly<Record<SectionKind, readonly string[]>> = {
  situation: ['Situation', 'Context', 'Background'],
  task: ['Task', 'Goal', 'Objective', 'Responsibility'],
  action: ['Action', 'Actions', 'Approach', 'What I did'],
  result: ['Result', 'Results', 'Outcome', 'Outcomes', 'Impact'],
  learning: ['Learning', 'Learnings', 'Lesson', 'Lessons', 'Lessons learned', 'Reflection', 'Takeaway', 'Takeaways'],
  challenges: ['Challenge', 'Challenges', 'Problem', 'Obstacle'],
  notes: ['Note', 'Notes'],
};

/**
 * Built-in labels that are everyday words outside interviews: weak evidence of a story. "Actions"
 * (a retro's list) is one, "Action" is not; the others count in either number.
 */
const WEAK_LABELS = new Set(['context', 'background', 'goal', 'objective', 'responsibility', 'approach', 'outcome', 'impact', 'actions', 'problem', 'challenge', 'obstacle']);

const TERMS: Readonly<Record<string, FrameworkTerm>> = { problem: 'problem', challenge: 'challenge', obstacle: 'obstacle', context: 'context' };

/** Capitals only: a lower-case `a:` or `s:` is no label. "ST" is the one run of letters people write for two sections. */
const LETTERS: Readonly<Record<string, readonly SectionKind[]>> = {
  S: ['situation'], T: ['task'], A: ['action'], R: ['result'], L: ['learning'], ST: ['situation', 'task'],
};

const COMBINER = /(?<!\s)\s*(?:\/|&|\+|\band\b)\s*/i;

const normalize = (label: string): string =>
  label
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

const singular = (key: string): string => (key.endsWith('s') ? key.slice(0, -1) : key);

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
  const word = (label: string): LabelMeaning | undefined => {
    const key = normalize(label);
    if (key.length === 0 || key.length > 40) return undefined;
    const kind = table.get(key) ?? (key.endsWith('s') ? table.get(key.slice(0, -1)) : table.get(`${key}s`));
    if (!kind) return undefined;
    const strong = !(WEAK_LABELS.has(key) || WEAK_LABELS.has(singular(key))) || user.has(key) || user.has(singular(key));
    return { kinds: [kind], letters: false, strong, term: TERMS[singular(key)] ?? TERMS[key] };
  };
  const single = (label: string): LabelMeaning | undefined => {
    const trimmed = label.trim();
    return Object.hasOwn(LETTERS, trimmed) ? { kinds: LETTERS[trimmed], letters: true, strong: true } : word(trimmed);
  };
  return {
    read(label) {
      const whole = single(label);
      if (whole) return whole;
      const parts = label.split(COMBINER);
      if (parts.length < 2 || parts.length > 3) return undefined;
      const meanings = parts.map(single);
      if (meanings.some((meaning) => !meaning || meaning.term || meaning.kinds.length > 1)) return undefined;
      const kinds = [...new Set(meanings.flatMap((meaning) => meaning!.kinds))];
      if (kinds.length !== parts.length) return undefined;
      return { kinds, letters: meanings.every((meaning) => meaning!.letters), strong: meanings.some((meaning) => meaning!.strong) };
    },
  };
}

/**
 * Heading text that names a section: "Situation", "Results:", "S – Situation", "(S) Situation",
 * "1. Task", "Action (A)". Returns what the label means, the label, and any text after a colon.
 */
export function splitHeadingLabel(text: string, matcher: LabelMatcher): (LabelMeaning & { label: string; rest: string }) | undefined {
  // An emoji may stand before the number or letter, or after it: `## 🎯 1. Task`, `## 1. 🎯 Task`.
  const unnumbered = withoutLeadingEmoji(text).replace(/^\s*(?:\d{1,2}[.)]\s*|[A-Za-z](?:\s*[:.)–—-])\s*|\([A-Za-z]\)\s*)/, '');
  const stripped = withoutLeadingEmoji(unnumbered)
    // Only the start of a run of spaces may begin the match: a bare `\s*…$` rescans the run from each space.
    .replace(/(?<!\s)\s*\([A-Za-z]\)\s*$/, '');
  for (const candidate of [stripped, text]) {
    const colon = candidate.search(/[:：]/);
    const label = (colon >= 0 ? candidate.slice(0, colon) : candidate).trim();
    const meaning = matcher.read(label);
    if (meaning) return { ...meaning, label, rest: colon >= 0 ? candidate.slice(colon + 1).trim() : '' };
  }
  return undefined;
}

const EMPHASIZED = /^(\*\*|__|\*|_)([^*_\n]{1,40}?)\1/;
/** A Google Docs export bolds a whole line, label and text: `**Result: Month-end down to 5 days.**` */
const BOLD_LINE = /^(\*\*|__)([^*_\n:：]{1,40}?)[ \t]*[:：][ \t]*(?=[^\s*_])/;
const SEPARATOR = /^[ \t]*(?:[:：]|[-–—](?=\s|$))/;
const PLAIN = /^([^\n:：*_`[\]<>]{1,40}?)[ \t]*(?:[:：]|[ \t][-–—](?=\s|$))/;
/** `S- …`: a letter needs no space before its dash; `S) …`, as a numbered list's letters; either with nothing after it yet, as a quick fix writes it. */
const LETTER_DASH = /^([STARL])(?:[-–—]|\))(?=[ \t\r\n]|$)/;

export interface LabelMatch extends LabelMeaning {
  /** Set for a bold run that holds the text too: its closing delimiter is at the end of the text. */
  openBold?: string;
  label: string;
  labelStart: number;
  labelEnd: number;
  markerEnd: number;
}

/**
 * Notion and Obsidian templates put an emoji before each label: `🎯 Task:`, `🛠️ **Action:**`,
 * `1️⃣ Situation`. Skin tones, variation selectors and ZWJ sequences belong to their emoji. Every
 * run of them is also what a section written like its neighbour leaves out: that emoji is the neighbour's.
 */
export const EMOJI_RUNS = /(?:(?:\p{Extended_Pictographic}|[0-9#*]\uFE0F?\u20E3|\p{Regional_Indicator}{2})[\uFE0F\u200D\p{Emoji_Modifier}\p{Extended_Pictographic}]*[ \t]*)+/gu;

/** How long the run of emoji (and the spaces after it) that `text` starts with is; 0 for none. */
function leadingEmoji(text: string): number {
  EMOJI_RUNS.lastIndex = 0;
  const run = EMOJI_RUNS.exec(text);
  return run?.index === 0 ? run[0].length : 0;
}

const withoutLeadingEmoji = (text: string) => text.slice(leadingEmoji(text));

/** A label at the start of a paragraph: `Task: …`, `**Action:** …`, `**Action**: …`, `*Result* – …`, `S - …`, after an emoji or not. */
export function matchLabel(source: string, matcher: LabelMatcher): LabelMatch | undefined {
  const skip = leadingEmoji(source);
  const rest = skip > 0 ? source.slice(skip) : source;
  const match = emphasizedLabel(rest, matcher) ?? boldLine(rest, matcher) ?? plainLabel(rest, matcher);
  if (!match) return undefined;
  const shifted = skip > 0 ? { ...match, labelStart: match.labelStart + skip, labelEnd: match.labelEnd + skip, markerEnd: match.markerEnd + skip } : match;
  return withSpelledOut(source, shifted);
}

function emphasizedLabel(source: string, matcher: LabelMatcher): LabelMatch | undefined {
  const emphasized = EMPHASIZED.exec(source);
  if (!emphasized) return undefined;
  const inner = emphasized[2];
  const innerColon = /[:：][ \t]*$/.exec(inner);
  const label = withoutLeadingEmoji((innerColon ? inner.slice(0, innerColon.index) : inner).trim());
  const meaning = matcher.read(label);
  if (!meaning) return undefined;
  let markerEnd = emphasized[0].length;
  const after = source.slice(markerEnd);
  const separator = SEPARATOR.exec(after);
  if (separator) markerEnd += separator[0].length;
  else if (!innerColon && !/^[ \t]*(?:\r?\n|\r|$)/.test(after)) return undefined;
  const labelStart = emphasized[1].length + inner.indexOf(label);
  return { ...meaning, label, labelStart, labelEnd: labelStart + label.length, markerEnd };
}

function boldLine(source: string, matcher: LabelMatcher): LabelMatch | undefined {
  const bold = BOLD_LINE.exec(source);
  if (!bold) return undefined;
  const label = withoutLeadingEmoji(bold[2].trim());
  const meaning = matcher.read(label);
  if (!meaning) return undefined;
  const labelStart = bold[1].length + bold[2].indexOf(label);
  return { ...meaning, openBold: bold[1], label, labelStart, labelEnd: labelStart + label.length, markerEnd: bold[0].length };
}

function plainLabel(source: string, matcher: LabelMatcher): LabelMatch | undefined {
  const plain = PLAIN.exec(source) ?? LETTER_DASH.exec(source);
  if (!plain) return undefined;
  const label = plain[1].trim();
  const meaning = matcher.read(label);
  if (!meaning) return undefined;
  const labelStart = plain[1].indexOf(label);
  return { ...meaning, label, labelStart, labelEnd: labelStart + label.length, markerEnd: plain[0].length };
}

const SPELLED_OUT: Readonly<Record<string, RegExp>> = {
  S: /^[ \t]*Situation\b[ \t]*(?:[:：–—-][ \t]*)?/i,
  T: /^[ \t]*Task\b[ \t]*(?:[:：–—-][ \t]*)?/i,
  A: /^[ \t]*Action\b[ \t]*(?:[:：–—-][ \t]*)?/i,
  R: /^[ \t]*Result\b[ \t]*(?:[:：–—-][ \t]*)?/i,
  L: /^[ \t]*(?:Learning|Lesson)s?\b[ \t]*(?:[:：–—-][ \t]*)?/i,
};

/** `S – Situation: …` says the section twice: the name belongs to the marker, not the content. */
function withSpelledOut(source: string, match: LabelMatch): LabelMatch {
  const name = match.letters ? SPELLED_OUT[match.label] : undefined;
  const spelled = name?.exec(source.slice(match.markerEnd));
  return spelled ? { ...match, letters: false, markerEnd: match.markerEnd + spelled[0].length } : match;
}
