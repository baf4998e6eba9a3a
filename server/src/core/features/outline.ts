import { STAR_KINDS, type HeadingInfo, type Section, type StarDocument, type Story } from '../model/types';
import { characterBoundary, type OffsetRange } from '../text';
import type { OutlineMode } from '../settings';
import { SECTION_NAMES } from '../model/sections';

export interface OutlineNode {
  name: string;
  detail: string;
  kind: 'story' | 'section' | 'heading';
  range: OffsetRange;
  selectionRange: OffsetRange;
  children: OutlineNode[];
}

/** "S T · R": which STAR sections a story has, at a glance. */
export function completeness(story: Story): string {
  const present = new Set(story.sections.map((section) => section.kind));
  return STAR_KINDS.map((kind) => (present.has(kind) ? SECTION_NAMES[kind][0] : '·')).join(' ');
}

function sectionNode(doc: StarDocument, section: Section): OutlineNode {
  const [start, end] = section.contentRange;
  const preview = doc.text.slice(start, characterBoundary(doc.text, Math.min(end, start + 60))).replace(/\s+/g, ' ').trim();
  return {
    name: section.label,
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
    selectionRange: story.heading?.range ?? story.sections[0].markerRange,
    children: story.sections.map((section) => sectionNode(doc, section)),
  };
}

/**
 * `stories`: only stories and their sections, because VS Code's markdown support already
 * shows the heading tree. `headings`: the whole heading tree, for clients without one.
 */
export function outline(doc: StarDocument, mode: OutlineMode): OutlineNode[] {
  if (mode === 'stories') return doc.stories.map((story) => storyNode(doc, story));

  const byHeading = new Map(doc.stories.filter((story) => story.heading).map((story) => [story.heading!.range[0], story]));
  const roots: OutlineNode[] = doc.stories.filter((story) => !story.heading).map((story) => storyNode(doc, story));
  const stack: { heading: HeadingInfo; node: OutlineNode }[] = [];
  for (const heading of doc.headings) {
    const story = byHeading.get(heading.range[0]);
    const node: OutlineNode = story
      ? { ...storyNode(doc, story), children: story.sections.filter((section) => section.style.type !== 'heading').map((section) => sectionNode(doc, section)) }
      : { name: heading.text || '(empty heading)', detail: heading.marker ? 'section' : '', kind: 'heading', range: heading.subtree, selectionRange: heading.range, children: [] };
    while (stack.length && stack[stack.length - 1].heading.depth >= heading.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].node.children : roots).push(node);
    stack.push({ heading, node });
  }
  return roots;
}
