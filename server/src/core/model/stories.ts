import type { Root } from 'mdast';
import { labelMatcher } from './labels';
import { markerEvents, type MarkerEvent } from './events';
import { countWords, skipWhitespace, startOfLine, trimEnd } from '../text';
import { DOCUMENT_STORY_TITLE, isStarKind, type HeadingInfo, type StarDocument, type Story } from './types';
import type { Settings } from '../settings';

/** Builds the STAR model: which headings are stories, and which sections each has. */
export function buildModel(text: string, root: Root, settings: Pick<Settings, 'aliases'>): StarDocument {
  return assembleModel(text, root, markerEvents(text, root, labelMatcher(settings.aliases)));
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
  return [...stories.values()].filter(isStory).sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * Whether a heading's sections are evidence enough of a story: two different STAR sections, one
 * of them named in an interview word, or three different ones in any words (Context, Goal,
 * Approach, Outcome is a story told in aliases). So an ADR's Context, a design doc's Context and
 * Goals, a retro's Actions or meeting notes' lone Result are not stories; extra sections alone
 * ("# Notes", "- Challenges: …") never are. A lone Situation is: a writer beginning a story.
 */
function isStory(story: Story): boolean {
  const star = story.sections.filter((section) => isStarKind(section.kind));
  const kinds = new Set(star.map((section) => section.kind));
  const strong = new Set(star.filter((section) => section.strong).map((section) => section.kind));
  if (kinds.size >= 3 || (kinds.size === 2 && strong.size > 0)) return true;
  return kinds.size === 1 && strong.has('situation');
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
