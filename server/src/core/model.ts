import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { labelMatcher, splitHeadingLabel, type LabelMatcher } from './labels';
import type { Settings } from './settings';
import { countWords, skipWhitespace, startOfLine, trimEnd, trimStart } from './text';
import { isStarKind, type OffsetRange, type SectionKind } from './types';

/** How a section marker is written, so fixes and completions can write the same way. */
export type SectionStyle =
  | { type: 'heading'; depth: number }
  /** `template` is the marker line up to its content with the label replaced by `{label}`, e.g. `- **{label}:** `. */
  | { type: 'label'; template: string };

export interface Section {
  kind: SectionKind;
  /** The label as the writer wrote it ("Results", "What I did"). */
  label: string;
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

export interface HeadingEvent {
  type: 'heading';
  start: number;
  info: HeadingInfo;
  marker?: Omit<Section, 'contentRange' | 'words'> & { contentStart: number };
}
export interface LabelEvent {
  type: 'label';
  start: number;
  marker: Omit<Section, 'contentRange' | 'words'> & { contentStart: number };
}
/** What the model takes from the syntax tree: each heading, and each label that starts a section. */
export type MarkerEvent = HeadingEvent | LabelEvent;

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

/** Builds the STAR model: which headings are stories, and which sections each has. */
export function buildModel(text: string, root: Root, settings: Pick<Settings, 'aliases'>): StarDocument {
  return assembleModel(text, root, markerEvents(text, root, labelMatcher(settings.aliases)));
}

/**
 * The marker events of a tree, in document order. Each depends only on its own node, so a caller
 * that parses in pieces can keep them per piece and move them with `shiftEvents`.
 */
export function markerEvents(text: string, root: Root, matcher: LabelMatcher): MarkerEvent[] {
  const events: MarkerEvent[] = [];
  visit(root, (node, index, parent) => {
    if (node.type === 'heading') {
      events.push(headingEvent(text, node, matcher));
      return 'skip';
    }
    if (node.type === 'paragraph') {
      const inListItemHead = parent?.type === 'listItem' && index === 0;
      events.push(...labelEvents(text, node, inListItemHead ? parent.position?.start.offset : undefined, matcher));
      return 'skip';
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'table' || node.type === 'definition') return 'skip';
    return undefined;
  });
  return events;
}

/**
 * The model from the marker events of the whole document; takes ownership of the events.
 * `count` lets a caller that sees the same section text again remember its word count.
 */
export function assembleModel(text: string, root: Root, events: MarkerEvent[], count: (text: string) => number = countWords): StarDocument {
  const headings = events.flatMap((event) => (event.type === 'heading' ? [event.info] : []));
  assignSubtrees(headings, text.length);
  return { text, root, stories: groupStories(text, events, count), headings };
}

/** Copies of `events` moved by `delta` characters; copies, because the model completes them in place. */
export function shiftEvents(events: readonly MarkerEvent[], delta: number): MarkerEvent[] {
  const range = ([start, end]: OffsetRange): [number, number] => [start + delta, end + delta];
  const marker = <M extends LabelEvent['marker']>(m: M): M => ({
    ...m,
    blockStart: m.blockStart + delta,
    markerRange: range(m.markerRange),
    contentStart: m.contentStart + delta,
  });
  return events.map((event) =>
    event.type === 'label'
      ? { ...event, start: event.start + delta, marker: marker(event.marker) }
      : {
          ...event,
          start: event.start + delta,
          info: { ...event.info, range: range(event.info.range), subtree: range(event.info.subtree) },
          marker: event.marker && marker(event.marker),
        },
  );
}

function headingEvent(text: string, node: Heading, matcher: LabelMatcher): HeadingEvent {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const headingText = toString(node).trim();
  const split = splitHeadingLabel(headingText, matcher);
  const info: HeadingInfo = { text: headingText, depth: node.depth, range: [start, end], subtree: [start, end] as [number, number], marker: split?.kind };
  if (!split) return { type: 'heading', start, info };
  let contentStart = end;
  if (split.rest) {
    const colon = text.slice(start, end).search(/[:：]/);
    if (colon >= 0) contentStart = trimStart(text, start + colon + 1, end);
  }
  return {
    type: 'heading',
    start,
    info,
    marker: { kind: split.kind, label: split.label, style: { type: 'heading', depth: node.depth }, blockStart: start, markerRange: [start, end], contentStart },
  };
}

/**
 * Labels at the start of the paragraph and at the start of any later line of it: people write
 * `Situation: …` / `Task: …` on consecutive lines with no blank line between them.
 */
function labelEvents(text: string, node: Paragraph, listItemStart: number | undefined, matcher: LabelMatcher): LabelEvent[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const events: LabelEvent[] = [];
  for (let lineStart = start; lineStart < end; ) {
    const event = labelEventAt(text, lineStart, end, lineStart === start ? (listItemStart ?? start) : lineStart, matcher);
    if (event) events.push(event);
    const lineEnd = text.slice(lineStart, end).search(/\r\n|\r|\n/);
    if (lineEnd < 0) break;
    lineStart = lineStart + lineEnd + (text.startsWith('\r\n', lineStart + lineEnd) ? 2 : 1);
    while (lineStart < end && /[ \t>]/.test(text[lineStart])) lineStart++;
  }
  return events;
}

function labelEventAt(text: string, start: number, end: number, blockStart: number, matcher: LabelMatcher): LabelEvent | undefined {
  const match = matchLabel(text.slice(start, Math.min(end, start + 120)), matcher);
  if (!match) return undefined;
  const lineStart = startOfLine(text, blockStart);
  const contentStart = trimStart(text, start + match.markerEnd, end);
  const template =
    text.slice(lineStart, start + match.labelStart) + '{label}' + text.slice(start + match.labelEnd, start + match.markerEnd).trimEnd() + ' ';
  return {
    type: 'label',
    start: blockStart,
    marker: {
      kind: match.kind,
      label: match.label,
      style: { type: 'label', template },
      blockStart,
      markerRange: [start, start + match.markerEnd],
      contentStart,
    },
  };
}

function assignSubtrees(headings: HeadingInfo[], textEnd: number): void {
  const open: HeadingInfo[] = [];
  for (const heading of headings) {
    while (open.length && open[open.length - 1].depth >= heading.depth) open.pop()!.subtree[1] = heading.range[0];
    open.push(heading);
  }
  for (const heading of open) heading.subtree[1] = textEnd;
}

function groupStories(text: string, events: MarkerEvent[], count: (text: string) => number): Story[] {
  const stories = new Map<HeadingInfo | undefined, Story>();
  const stack: HeadingInfo[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (event.type === 'heading') {
      while (stack.length && stack[stack.length - 1].depth >= event.info.depth) stack.pop();
    }
    if (event.marker) {
      const owner = storyHeading(stack);
      let story = stories.get(owner);
      if (!story) {
        story = owner
          ? { title: owner.text, heading: { text: owner.text, depth: owner.depth, range: owner.range }, range: owner.subtree, sections: [] }
          : { title: DOCUMENT_STORY_TITLE, range: [0, text.length], sections: [] };
        stories.set(owner, story);
      }
      const contentEnd = Math.min(sectionEnd(text, events, i), story.range[1]);
      const { contentStart, ...marker } = event.marker;
      const end = trimEnd(text, contentStart, Math.max(contentStart, contentEnd));
      const start = skipWhitespace(text, contentStart, end);
      story.sections.push({ ...marker, contentRange: [start, end], words: count(text.slice(start, end)) });
    }
    if (event.type === 'heading') stack.push(event.info);
  }
  // Extra sections alone ("# Notes", "- Challenges: …") don't make a story.
  return [...stories.values()].filter((story) => story.sections.some((section) => isStarKind(section.kind))).sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * The deepest heading above the marker that is not itself a STAR section heading, nor inside one.
 * Extra-section headings are passed over: "# Notes" or "## Challenges" often hold whole stories.
 */
export function storyHeading(stack: readonly HeadingInfo[]): HeadingInfo | undefined {
  let owner: HeadingInfo | undefined;
  for (const heading of stack) {
    if (heading.marker && isStarKind(heading.marker)) break;
    if (!heading.marker) owner = heading;
  }
  return owner;
}

/**
 * A section runs to the line of the next marker, or of a heading that closes it: not into that
 * line's quote marks or indentation, which belong to what follows.
 */
function sectionEnd(text: string, events: readonly MarkerEvent[], index: number): number {
  const section = events[index];
  const depth = section.type === 'heading' ? section.info.depth : Infinity;
  for (let j = index + 1; j < events.length; j++) {
    const next = events[j];
    if (next.marker || (next.type === 'heading' && (section.type === 'label' || next.info.depth <= depth))) return startOfLine(text, next.start);
  }
  return text.length;
}
