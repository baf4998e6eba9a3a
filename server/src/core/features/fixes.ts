import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { storyHeading } from '../model/stories';
import { FRAMEWORKS, rankIn, slotOf } from '../model/frameworks';
import type { HeadingInfo, Section, StarDocument, StarKind, Story } from '../model/types';
import { lineBreakOf, startOfLine, trimEnd, type OffsetRange } from '../text';
import { parseMarkdown } from '../parse/parse';
import { promptSnippet } from './prompts';
import { BLANK_LINE, escapeSnippet, gapAfter, isListStyle, labelLike, markerText, nextInList } from './style';

/** A text edit in offsets; `snippet` is the same insertion with tab stops, for clients that take them. */
export interface OffsetEdit {
  range: OffsetRange;
  text: string;
  snippet?: string;
}

const FOLLOWING_LINE = /(?:\r\n|\n|\r)[ \t]*\S/y;

/** A section's place in its story's framework. */
const ranker = (story: Story) => {
  const framework = FRAMEWORKS[story.framework.id];
  return (section: Section): number => rankIn(framework, section);
};

/** The innermost story that contains an offset. */
export function storyAt(doc: StarDocument, offset: number): Story | undefined {
  let found: Story | undefined;
  for (const story of doc.stories) {
    if (story.range[0] <= offset && offset <= story.range[1] && (!found || story.range[0] >= found.range[0])) found = story;
  }
  return found;
}

/**
 * Inserts a skeleton for a missing section where the story's framework puts it, named as the
 * framework names it and written the way the neighbouring section is written (heading of the
 * same level, bullet, bold label). Nothing for a story table, whose columns are its sections.
 */
export function insertSectionEdit(doc: StarDocument, story: Story, kind: StarKind): OffsetEdit | undefined {
  const { text } = doc;
  const eol = lineBreakOf(text);
  const framework = FRAMEWORKS[story.framework.id];
  const slot = slotOf(framework, kind);
  if (!slot) return undefined;
  const rank = ranker(story);
  const wanted = framework.slots.indexOf(slot);
  const before = story.sections.filter((section) => rank(section) >= 0 && rank(section) < wanted).pop();
  const after = story.sections.find((section) => rank(section) > wanted);
  const reference = before ?? after ?? story.sections[0];
  if (reference.style.type === 'cell') return undefined;
  const marker = markerText(reference.style, labelLike(slot.name, reference));
  const prompt = promptSnippet(slot.prompt);
  const isHeading = reference.style.type === 'heading';
  const gap = isListStyle(reference.style) ? eol : eol + eol;

  if (before) {
    const at = Math.max(before.contentRange[1], before.markerRange[1]);
    const end = trimEnd(text, before.markerRange[0], at);
    const spacing = gapAfter(text, before, end, gap, eol);
    const next = nextInList(marker);
    const lead = `${spacing}${next}`.trimEnd();
    // Text on the very next line (a setext heading's, say) would run on into an inserted paragraph.
    FOLLOWING_LINE.lastIndex = end;
    const close = gap === eol || !FOLLOWING_LINE.test(text) ? '' : eol;
    return {
      range: [end, end],
      text: lead + close,
      snippet: (isHeading ? `${escapeSnippet(lead)}${eol}${eol}${prompt}` : `${escapeSnippet(`${spacing}${next}`)}${prompt}`) + close,
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
  if (sections.length < 2 || sections.some((section) => section.style.type === 'cell')) return undefined;
  const rank = ranker(story);
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
  if (!keepsStructure(doc, story, segments, ordered)) return undefined;

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
  // Moved text must still parse into the same blocks: an unclosed fence or comment carried along would swallow what now follows it.
  const before = blocksOf(text.slice(starts[0], spanEnd));
  if (before !== blocksOf(joined)) return undefined;
  // A `---` among the sections parts what the writer kept apart: moving sections across it would mix them.
  if (before.split('\n').some((block) => block.startsWith('thematicBreak'))) return undefined;
  return { range: [starts[0], spanEnd], text: joined };
}

/** The paragraphs, headings, code and HTML of some markdown, as a sorted list: what reordering may move but not change. */
function blocksOf(markdown: string): string {
  const blocks: string[] = [];
  visit(parseMarkdown(markdown), (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code' || node.type === 'html' || node.type === 'table' || node.type === 'thematicBreak') {
      blocks.push(`${node.type} ${toString(node)}`);
      return 'skip';
    }
    return undefined;
  });
  return blocks.sort().join('\n');
}

interface Segment {
  section: Section;
  start: number;
  end: number;
  body: string;
  separator: string;
}

/**
 * Whether moving the segments keeps the shape of the document: each section still belongs to the
 * story it belonged to, every other heading among or just after the sections (another story's, as
 * when the whole document is a story around others) sits under the same headings as before, and so
 * does any text between the sections and the next heading. A section moved to the front sees the
 * headings its story's first section heading used to close.
 */
function keepsStructure(doc: StarDocument, story: Story, before: readonly Segment[], after: readonly Segment[]): boolean {
  const { headings } = doc;
  const start = before[0].start;
  const end = before[before.length - 1].end;
  const following = headings[firstHeadingFrom(headings, end)];
  const key = (heading: HeadingInfo | undefined) => heading?.range[0] ?? -1;
  const trace = (order: readonly Segment[]): Map<unknown, string> => {
    const open = ancestorsFrom(headings, firstHeadingFrom(headings, start) - 1);
    const found = new Map<unknown, string>();
    const place = (heading: HeadingInfo) => {
      while (open.length && open[open.length - 1].level >= heading.level) open.pop();
    };
    for (const segment of order) {
      if (segment.section.style.type !== 'heading') found.set(segment.section, `owner ${key(storyHeading(open))}`);
      for (let i = firstHeadingFrom(headings, segment.start); i < headings.length && headings[i].range[0] < segment.end; i++) {
        const heading = headings[i];
        place(heading);
        const own = heading.range[0] === segment.section.blockStart && segment.section.style.type === 'heading';
        found.set(own ? segment.section : heading, own ? `owner ${key(storyHeading(open))}` : open.map(key).join(' '));
        open.push(heading);
      }
    }
    // What follows the sections, up to the next heading, now follows whichever comes last.
    found.set('after', open.map(key).join(' '));
    if (following) {
      place(following);
      found.set(following, open.map(key).join(' '));
    }
    return found;
  };
  const was = trace(before);
  const will = trace(after);
  const same = (item: unknown) => was.get(item) === will.get(item);
  if (!same('after') && /\S/.test(doc.text.slice(end, following?.range[0] ?? doc.text.length))) return false;
  return [...was.keys()].every((item) => item === 'after' || same(item));
}

/** The heading at `index` and the headings it sits under, outermost first; none for -1. */
function ancestorsFrom(headings: readonly HeadingInfo[], index: number): HeadingInfo[] {
  const chain: HeadingInfo[] = [];
  for (let i = index; i >= 0; i--) {
    if (chain.length === 0 || headings[i].level < chain[0].level) chain.unshift(headings[i]);
    if (chain[0].level === 1) break;
  }
  return chain;
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
