import { FRAMEWORKS } from '../model/frameworks';
import { STORY_TITLE_PROMPT } from '../model/sections';
import type { FrameworkId, HeadingInfo, Section, StarDocument, Story, WrittenStyle } from '../model/types';
import { endOfLine, lineBreakOf, startOfLine, trimEnd } from '../text';
import { storyAt, type OffsetEdit } from './fixes';
import { escapeSnippet } from './style';
import { lineAfter, lineBefore, tabStop, writeSections, type Written } from './rest';

/** How a new story is written where it lands: its title's heading depth, its sections' style. */
export interface StoryLayout {
  titleDepth: number;
  style: WrittenStyle;
  /** A section whose label casing the new labels follow. */
  reference?: Section;
}

/** A file with no stories to follow gets the snippets' shape: a `##` title, `###` sections. */
export const DEFAULT_LAYOUT: StoryLayout = { titleDepth: 2, style: { type: 'heading', depth: 3 } };

/** The frameworks a story is started in. A CAR story becomes CAR-L when given a Learning; SAR is only for writers who ask for it. */
export const NEW_STORY_FRAMEWORKS: readonly FrameworkId[] = ['star', 'star-l', 'car', 'par', 'soar'];

/**
 * How the stories near `offset` are written, for a new one there. Its title is a sibling of the
 * story the cursor is in, else a child of the heading it is under, as deep as the stories under
 * headings of that depth already are (a `##` theme holding `###` stories gives `###`). Its
 * sections follow the nearest story: headings as many levels below the title, or the same bullet
 * or bold label, without the indentation or quote that story sat in.
 */
export function layoutAt(doc: StarDocument, offset: number): StoryLayout {
  const titleDepth = titleDepthAt(doc, offset);
  const story = nearestStory(doc, offset);
  const section = story?.sections.find((candidate) => candidate.style.type !== 'cell');
  if (!story || !section) return { titleDepth, style: { type: 'heading', depth: Math.min(6, titleDepth + 1) } };
  // Letters stand only for STAR's sections, and count only with enough of them around: a new story spells its labels out.
  const reference = section.letters ? undefined : section;
  const style = section.style as WrittenStyle;
  if (style.type === 'heading') {
    const step = story.heading ? style.depth - story.heading.depth : 1;
    return { titleDepth, style: { type: 'heading', depth: Math.max(titleDepth, Math.min(6, titleDepth + step)) }, reference };
  }
  return { titleDepth, style: { type: 'label', template: style.template.replace(/^[ \t>]*/, '') }, reference };
}

/** What a new story is to be: its framework, and the question or theme it answers. */
export interface NewStory {
  framework: FrameworkId;
  /** The title, a tab stop; the title prompt when empty. */
  title?: string;
  /** A question theme from the story bank, declared on a `Questions:` line under the title. */
  theme?: string;
}

/** A whole story: its title (tab stop 1), a `Questions:` line for its theme, and the framework's sections. */
export function storySkeleton(story: NewStory, layout: StoryLayout, eol: string): Written {
  const heading = `${'#'.repeat(layout.titleDepth)} `;
  const title = oneLine(story.title) || STORY_TITLE_PROMPT;
  const theme = oneLine(story.theme) ? `Questions: ${oneLine(story.theme)}${eol}${eol}` : '';
  const sections = writeSections(FRAMEWORKS[story.framework].slots, layout.style, eol, layout.reference, 2);
  return {
    text: `${heading}${title}${eol}${eol}${theme}${sections.text}`,
    snippet: `${escapeSnippet(heading)}${tabStop(1, title)}${eol}${eol}${escapeSnippet(theme)}${sections.snippet}`,
  };
}

/**
 * Inserts a new story at the cursor, written like the notes around it. Inside a story with more of
 * it below the cursor, the new one goes after that story instead of cutting it in two; on a line of
 * text, after the paragraph the line is in.
 */
export function newStoryEdit(doc: StarDocument, offset: number, story: NewStory): OffsetEdit {
  const { text } = doc;
  const eol = lineBreakOf(text);
  const skeleton = storySkeleton(story, layoutAt(doc, offset), eol);
  const { range, onBlankLine } = placeFor(doc, offset);
  const lead = range[0] === 0 || (onBlankLine && isBlank(lineBefore(text, range[0]))) ? '' : onBlankLine ? eol : eol + eol;
  const close = isBlank(lineAfter(text, range[1])) ? '' : eol;
  return { range, text: lead + skeleton.text + close, snippet: escapeSnippet(lead) + skeleton.snippet + escapeSnippet(close) };
}

/** The blank line to write over, or the end of the line to write after. */
function placeFor(doc: StarDocument, offset: number): { range: [number, number]; onBlankLine: boolean } {
  const { text } = doc;
  const story = storyAt(doc, offset);
  const lineEnd = endOfLine(text, offset);
  if (story && /\S/.test(text.slice(lineEnd, story.range[1]))) {
    const end = trimEnd(text, story.range[0], story.range[1]);
    return { range: [end, end], onBlankLine: false };
  }
  const lineStart = startOfLine(text, offset);
  if (isBlank(text.slice(lineStart, lineEnd))) return { range: [lineStart, lineEnd], onBlankLine: true };
  let end = lineEnd;
  while (end < text.length && !isBlank(lineAfter(text, end))) end = endOfLine(text, end + (text.startsWith('\r\n', end) ? 2 : 1));
  return { range: [end, end], onBlankLine: false };
}

function titleDepthAt(doc: StarDocument, offset: number): number {
  const here = storyAt(doc, offset)?.heading;
  if (here) return here.depth;
  const containers = doc.headings.filter((heading) => !heading.marker);
  const storyHeadings = doc.stories.flatMap((story) => (story.heading ? [story.heading.range[0]] : []));
  const isStory = (heading: HeadingInfo) => storyHeadings.includes(heading.range[0]);
  const under = containers.filter((heading) => heading.range[0] < offset && offset <= heading.subtree[1]).pop();
  if (under && isStory(under)) return under.depth;
  // Stories elsewhere under a heading as deep as this one show how deep a story goes here.
  const siblings = containers.filter((heading) => isStory(heading) && parentOf(containers, heading)?.depth === under?.depth);
  if (siblings.length > 0) return siblings[0].depth;
  return under ? Math.min(6, under.depth + 1) : DEFAULT_LAYOUT.titleDepth;
}

function parentOf(headings: readonly HeadingInfo[], heading: HeadingInfo): HeadingInfo | undefined {
  const before = headings.slice(0, headings.indexOf(heading));
  return before.filter((candidate) => candidate.depth < heading.depth && heading.range[0] <= candidate.subtree[1]).pop();
}

/** The story the cursor is in, else the closest one above it, else the first: the one a new story is written like. */
function nearestStory(doc: StarDocument, offset: number): Story | undefined {
  const written = doc.stories.filter((story) => story.sections.some((section) => section.style.type !== 'cell'));
  return storyAt(doc, offset) ?? written.filter((story) => story.range[0] <= offset).pop() ?? written[0];
}

const isBlank = (line: string) => !/\S/.test(line);

/** A title or theme as one line: a line break in it would end the heading. */
const oneLine = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
