import type { HeadingInfo, Section, StarDocument, Story } from '../model/types';
import { characterBoundary, type OffsetRange } from '../text';
import type { OutlineMode, Settings } from '../settings';
import { storyProgress } from '../model/progress';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: 'story' | 'section' | 'heading';
  range: OffsetRange;
  selectionRange: OffsetRange;
  children: OutlineNode[];
}

/** What the outline needs of the settings: what makes a section unfinished. */
export type OutlineSettings = Pick<Settings, 'minWords'>;

/**
 * "S T · R", "P A R", "C A ·": which sections of its framework a story has, at a glance. A
 * section that is empty or still the template's prompt is a `·`, as if it were not there.
 */
export function completeness(story: Story, text: string, settings: OutlineSettings): string {
  return storyProgress(story, text, settings)
    .map(({ slot, state }) => (state === 'missing' ? '·' : slot.letter))
    .join(' ');
}

function sectionNode(doc: StarDocument, section: Section): OutlineNode {
  const [start, end] = section.contentRange;
  const preview = doc.text.slice(start, characterBoundary(doc.text, Math.min(end, start + 60))).replace(/\s+/g, ' ').trim();
  return {
    // Letters and combined labels are shown by what they stand for: "Situation / Task", not "S/T".
    name: section.letters || section.kinds.length > 1 ? section.name : section.label,
    detail: section.words === 0 ? 'empty' : preview,
    kind: 'section',
    range: [section.blockStart, Math.max(section.markerRange[1], section.contentRange[1])],
    selectionRange: section.markerRange,
    children: [],
  };
}

function storyNode(doc: StarDocument, story: Story, settings: OutlineSettings): OutlineNode {
  return {
    name: story.title,
    detail: completeness(story, doc.text, settings),
    kind: 'story',
    range: story.range,
    selectionRange: story.anchor,
    children: story.sections.map((section) => sectionNode(doc, section)),
  };
}

/**
 * `stories`: only stories and their sections, because VS Code's markdown support already
 * shows the heading tree. `headings`: the whole heading tree, for clients without one.
 */
export function outline(doc: StarDocument, mode: OutlineMode, settings: OutlineSettings): OutlineNode[] {
  if (mode === 'stories') return doc.stories.map((story) => storyNode(doc, story, settings));

  const byHeading = new Map<number, Story[]>();
  for (const story of doc.stories) {
    if (!story.heading) continue;
    const under = byHeading.get(story.heading.range[0]);
    if (under) under.push(story);
    else byHeading.set(story.heading.range[0], [story]);
  }
  const roots: OutlineNode[] = [];
  const stack: { heading: HeadingInfo; node: OutlineNode }[] = [];
  const withoutHeadings = (story: Story): OutlineNode => ({
    ...storyNode(doc, story, settings),
    children: story.sections.filter((section) => section.style.type !== 'heading').map((section) => sectionNode(doc, section)),
  });
  // Stories of no heading of their own (a whole document, a table's rows) sit under the heading they are in.
  const headless = doc.stories.filter((story) => !story.heading);
  let next = 0;
  const placeHeadless = (before: number) => {
    for (; next < headless.length && headless[next].range[0] < before; next++) {
      (stack.length ? stack[stack.length - 1].node.children : roots).push(storyNode(doc, headless[next], settings));
    }
  };
  for (const heading of doc.headings) {
    placeHeadless(heading.range[0]);
    // The heading's first story is the heading; more stories under it (after a question or a break) are its children.
    const [story, ...more] = byHeading.get(heading.range[0]) ?? [];
    const node: OutlineNode = story
      ? { ...withoutHeadings(story), range: heading.subtree, children: [...withoutHeadings(story).children, ...more.map(withoutHeadings)] }
      : { name: heading.text || '(empty heading)', detail: heading.marker ? 'section' : '', kind: 'heading', range: heading.subtree, selectionRange: heading.range, children: [] };
    while (stack.length && stack[stack.length - 1].heading.level >= heading.level) stack.pop();
    (stack.length ? stack[stack.length - 1].node.children : roots).push(node);
    stack.push({ heading, node });
  }
  placeHeadless(Infinity);
  return roots;
}
