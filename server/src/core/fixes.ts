import type { HeadingInfo, Section, StarDocument, Story } from './model';
import { STAR_PROMPTS } from './sections';
import { escapeSnippet, isListStyle, labelLike, markerText } from './style';
import { lineBreakOf, startOfLine, trimEnd } from './text';
import { isStarKind, STAR_KINDS, type OffsetRange, type StarKind } from './types';

/** A text edit in offsets; `snippet` is the same insertion with tab stops, for clients that take them. */
export interface OffsetEdit {
  range: OffsetRange;
  text: string;
  snippet?: string;
}

const FOLLOWING_LINE = /(?:\r\n|\n|\r)[ \t]*\S/y;

/** Two line breaks with only spaces between; a CRLF is one break, never a CR and then an LF. */
const BLANK_LINE = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r)/;

const rank = (section: Section): number => (isStarKind(section.kind) ? STAR_KINDS.indexOf(section.kind) : -1);

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The innermost story that contains an offset. */
export function storyAt(doc: StarDocument, offset: number): Story | undefined {
  let found: Story | undefined;
  for (const story of doc.stories) {
    if (story.range[0] <= offset && offset <= story.range[1] && (!found || story.range[0] >= found.range[0])) found = story;
  }
  return found;
}

/**
 * Inserts a skeleton for a missing section where STAR order puts it, written the way
 * the neighbouring section is written (heading of the same level, bullet, bold label).
 */
export function insertSectionEdit(doc: StarDocument, story: Story, kind: StarKind): OffsetEdit {
  const { text } = doc;
  const eol = lineBreakOf(text);
  const wanted = STAR_KINDS.indexOf(kind);
  const before = story.sections.filter((section) => rank(section) >= 0 && rank(section) < wanted).pop();
  const after = story.sections.find((section) => rank(section) > wanted);
  const reference = before ?? after ?? story.sections[0];
  const marker = markerText(reference.style, labelLike(kind, reference));
  const prompt = `\${1:${escapeSnippet(capitalize(STAR_PROMPTS[kind]))}}`;
  const isHeading = reference.style.type === 'heading';
  const gap = isListStyle(reference.style) ? eol : eol + eol;

  if (before) {
    const at = Math.max(before.contentRange[1], before.markerRange[1]);
    const end = trimEnd(text, before.markerRange[0], at);
    const lead = `${gap}${marker}`.trimEnd();
    // Text on the very next line (a setext heading's, say) would run on into an inserted paragraph.
    FOLLOWING_LINE.lastIndex = end;
    const close = gap === eol || !FOLLOWING_LINE.test(text) ? '' : eol;
    return {
      range: [end, end],
      text: lead + close,
      snippet: (isHeading ? `${escapeSnippet(lead)}${eol}${eol}${prompt}` : `${escapeSnippet(`${gap}${marker}`)}${prompt}`) + close,
    };
  }
  const at = startOfLine(text, (after ?? reference).blockStart);
  const head = marker.trimEnd();
  return {
    range: [at, at],
    text: `${head}${gap}`,
    snippet: isHeading ? `${escapeSnippet(head)}${eol}${eol}${prompt}${gap}` : `${escapeSnippet(marker)}${prompt}${gap}`,
  };
}

/** Rewrites a story's sections in STAR order; extra sections travel with the section before them. */
export function reorderEdit(doc: StarDocument, story: Story): OffsetEdit | undefined {
  const { text } = doc;
  const sections = story.sections;
  if (sections.length < 2) return undefined;
  const eol = lineBreakOf(text);
  const starts = sections.map((section) => startOfLine(text, section.blockStart));
  // A bullet nested under another, or quoted, means something only where it is: moved, it would become code or join another list.
  const nesting = sections.map((section, i) => (section.style.type === 'heading' ? '' : text.slice(starts[i], section.blockStart)));
  if (nesting.some((prefix) => prefix !== nesting[0])) return undefined;
  const last = sections[sections.length - 1];
  const spanEnd = trimEnd(text, starts[starts.length - 1], Math.max(last.contentRange[1], last.markerRange[1]));

  const segments = sections.map((section, i): Segment => {
    const end = i + 1 < sections.length ? starts[i + 1] : spanEnd;
    const body = trimEnd(text, starts[i], end);
    return { section, start: starts[i], end, body: text.slice(starts[i], body), separator: text.slice(body, end) };
  });

  const groups: { rank: number; members: typeof segments }[] = [];
  for (const segment of segments) {
    const r = rank(segment.section);
    if (r >= 0 || groups.length === 0) groups.push({ rank: r, members: [segment] });
    else groups[groups.length - 1].members.push(segment);
  }
  const ordered = groups
    .map((group, index) => ({ ...group, index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .flatMap((group) => group.members);
  if (ordered.every((segment, i) => segment === segments[i])) return undefined;
  if (!keepsOtherHeadingsInPlace(doc, story, segments, ordered)) return undefined;

  const joined = ordered
    .map((segment, i) => {
      if (i === ordered.length - 1) return segment.body;
      const next = ordered[i + 1];
      if (segments[segments.indexOf(segment) + 1] === next) return segment.body + segment.separator;
      const separator = segments[i].separator || eol;
      const bothList = isListStyle(segment.section.style) && isListStyle(next.section.style);
      return segment.body + (bothList || BLANK_LINE.test(separator) ? separator : eol + eol);
    })
    .join('');
  return { range: [starts[0], spanEnd], text: joined };
}

interface Segment {
  section: Section;
  start: number;
  end: number;
  body: string;
  separator: string;
}

/**
 * Whether every heading that is not one of the story's sections, among its sections or just after
 * them, stays under the same headings when the segments move: another story's heading (as when
 * the whole document is a story around others) must not end up inside a moved section heading.
 */
function keepsOtherHeadingsInPlace(doc: StarDocument, story: Story, before: readonly Segment[], after: readonly Segment[]): boolean {
  const own = new Set(story.sections.flatMap((section) => (section.style.type === 'heading' ? [section.blockStart] : [])));
  const end = before[before.length - 1].end;
  const following = doc.headings[firstHeadingFrom(doc.headings, end)];
  /** For each other heading, the headings open above it, in this order of the segments. */
  const above = (order: readonly Segment[]): Map<HeadingInfo, HeadingInfo[]> => {
    const open: HeadingInfo[] = [];
    const found = new Map<HeadingInfo, HeadingInfo[]>();
    const place = (heading: HeadingInfo) => {
      while (open.length && open[open.length - 1].depth >= heading.depth) open.pop();
      if (!own.has(heading.range[0])) found.set(heading, [...open]);
    };
    for (const segment of order) {
      for (let i = firstHeadingFrom(doc.headings, segment.start); i < doc.headings.length && doc.headings[i].range[0] < segment.end; i++) {
        place(doc.headings[i]);
        open.push(doc.headings[i]);
      }
    }
    if (following) place(following);
    return found;
  };
  const was = above(before);
  const will = above(after);
  return [...was].every(([heading, headings]) => {
    const moved = will.get(heading)!;
    return headings.length === moved.length && headings.every((open, i) => open === moved[i]);
  });
}

/** Index of the first heading that starts at or after `offset`; headings are in document order. */
function firstHeadingFrom(headings: readonly HeadingInfo[], offset: number): number {
  let low = 0;
  let high = headings.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (headings[middle].range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
