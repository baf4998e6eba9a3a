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
  | { type: 'label'; template: string };

export interface Section {
  kind: SectionKind;
  /** The label as the writer wrote it ("Results", "What I did"). */
  label: string;
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
  range: OffsetRange;
  sections: Section[];
}

export interface HeadingInfo extends StoryHeading {
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

/** A section's place in STAR order; -1 for extra sections, which have none. */
export function starRank(kind: SectionKind): number {
  return (STAR_KINDS as readonly string[]).indexOf(kind);
}
