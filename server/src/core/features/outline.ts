import type { HeadingInfo, Section, StarDocument, Story } from '../model/types';
import { characterBoundary, type OffsetRange } from '../text';
import type { OutlineMode } from '../settings';
import { FRAMEWORKS } from '../model/frameworks';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: 'story' | 'section' | 'heading';
  range: OffsetRange;
  selectionRange: OffsetRange;
  children: OutlineNode[];
}

/** "S T · R", "P A R", "C A ·": which sections of its framework a story has, at a glance. */
export function completeness(story: Story): string {
  const present = new Set(story.sections.flatMap((section) => section.kinds));
  return FRAMEWORKS[story.framework.id].slots.map((slot) => (slot.kinds.some((kind) => present.has(kind)) ? slot.letter : '·')).join(' ');
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

function storyNode(doc: StarDocument, story: Story): OutlineNode {
  return {
    name: story.title,
    detail: completeness(story),
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
export function outline(doc: StarDocument, mode: OutlineMode): OutlineNode[] {
  if (mode === 'stories') return doc.stories.map((story) => storyNode(doc, story));

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
    ...storyNode(doc, story),
    children: story.sections.filter((section) => section.style.type !== 'heading').map((section) => sectionNode(doc, section)),
  });
  // Stories of no heading of their own (a whole document, a table's rows) sit under the heading they are in.
  const headless = doc.stories.filter((story) => !story.heading);
  let next = 0;
  const placeHeadless = (before: number) => {
    for (; next < headless.length && headless[next].range[0] < before; next++) {
      (stack.length ? stack[stack.length - 1].node.children : roots).push(storyNode(doc, headless[next]));
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
