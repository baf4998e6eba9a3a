import type { Root } from 'mdast';
import type { OffsetRange } from '../text';

export const STAR_KINDS = ['situation', 'task', 'action', 'result'] as const;
export type StarKind = (typeof STAR_KINDS)[number];
export const EXTRA_KINDS = ['learning', 'challenges', 'notes'] as const;
export type ExtraKind = (typeof EXTRA_KINDS)[number];
export type SectionKind = StarKind | ExtraKind;

export function isStarKind(kind: SectionKind): kind is StarKind {
  return (STAR_KINDS as readonly string[]).includes(kind);
}

/** How a section marker is written, so fixes and completions can write the same way. */
export type SectionStyle =
  | { type: 'heading'; depth: number }
  /** `template` is the marker line up to its content with the label replaced by `{label}`, e.g. `- **{label}:** `. */
  | { type: 'label'; template: string }
  /** A cell of a story table: nothing can be inserted or moved there. */
  | { type: 'cell' };

/** A style a new marker can be written in: not a table cell. */
export type WrittenStyle = Exclude<SectionStyle, { type: 'cell' }>;

/** A framework's own word for a section: it picks the framework where the STAR words it replaces are missing (frameworks.ts). */
export type FrameworkTerm = 'problem' | 'challenge' | 'obstacle' | 'context';

export interface Section {
  /**
   * The sections this one counts as, in the story's framework: one, or several for a combined
   * marker (`Situation/Task:`) or a framework's word (a PAR Problem is its Situation and Task).
   */
  kinds: readonly SectionKind[];
  /** What the section is called in messages: "Situation", "Situation / Task", "Problem". */
  name: string;
  /** The label as the writer wrote it ("Results", "What I did", "S"). */
  label: string;
  term?: FrameworkTerm;
  /** Written in letters (`S:`, `S/T`), which count only with enough evidence around them (stories.ts). */
  letters: boolean;
  /** An interview word (Situation, What I did), not an everyday one (Context, Outcome): see `LabelMatcher.isStrong`. */
  strong: boolean;
  style: SectionStyle;
  /** Where the marker's block begins: the heading's `#`, the list item's bullet, the paragraph. */
  blockStart: number;
  /** The marker: a whole heading, or the label with its separator. */
  markerRange: OffsetRange;
  /** The section's own text, trimmed; empty when start === end. */
  contentRange: OffsetRange;
  words: number;
}

export interface StoryHeading {
  text: string;
  depth: number;
  range: OffsetRange;
}

export interface Story {
  title: string;
  /** Absent when the markers sit under no heading and the whole document is the story. */
  heading?: StoryHeading;
  /** Where findings about the whole story go: its heading, its question, its table row, else its first marker. */
  anchor: OffsetRange;
  range: OffsetRange;
  sections: Section[];
  framework: ChosenFramework;
}

export interface ChosenFramework {
  id: FrameworkId;
  /** Why, for the hover on the story: "it has a Problem and no Situation or Task". */
  reason: string;
}

export const FRAMEWORK_IDS = ['star', 'star-l', 'car', 'car-l', 'par', 'soar', 'sar'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export interface HeadingInfo extends StoryHeading {
  /**
   * How deep it nests: its depth, but half a level deeper for a section heading written at the
   * level of the story title right above it (`### Rebuilding on-call` / `### Situation`).
   */
  level: number;
  /** The heading and everything below it up to the next heading of the same or higher level. */
  subtree: [start: number, end: number];
  /** The section this heading names, if it is a section marker. */
  marker?: SectionKind;
}

export interface StarDocument {
  text: string;
  root: Root;
  stories: Story[];
  headings: HeadingInfo[];
}

export const DOCUMENT_STORY_TITLE = 'this document';
