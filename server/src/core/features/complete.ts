import { storyAt } from './fixes';
import { FRAMEWORKS, slotOf, storyLabel, type Slot } from '../model/frameworks';
import { type HeadingInfo, type Section, type SectionKind, type StarDocument, type Story, type WrittenStyle } from '../model/types';
import { endOfLine, startOfLine, type OffsetRange } from '../text';
import type { Settings } from '../settings';
import { SECTION_NAMES } from '../model/sections';
import { layoutAt } from './newStory';
import { promptSnippet } from './prompts';
import { missingSlots, restOfStoryEdit, writeOnBlankLine } from './rest';
import { DEFAULT_STYLE, escapeSnippet, labelLike, markerAfterBullet, markerAfterIndent } from './style';

export interface MarkerCompletion {
  label: string;
  kind: SectionKind;
  /** Missing STAR sections come first, then other labels for the same sections. */
  isMissing: boolean;
  detail: string;
  filterText: string;
  range: OffsetRange;
  snippet: string;
}

/** Indentation or quote, then an optional bullet or heading hashes, then at most a partly typed label. */
const LINE_SO_FAR = /^([ \t>]*)((?:[-*+]|\d{1,9}[.)])[ \t]+|#{1,6}[ \t]+)?((?:\*\*|__|\*|_)?)(\p{L}[\p{L} ]{0,24})?$/u;

/** Section markers to offer where a line could start one: the story's missing sections, then aliases. */
export function markerCompletions(doc: StarDocument, offset: number, settings: Pick<Settings, 'aliases'>): MarkerCompletion[] {
  const lineStart = startOfLine(doc.text, offset);
  const match = LINE_SO_FAR.exec(doc.text.slice(lineStart, offset));
  if (!match) return [];
  const story = storyAt(doc, offset);
  if (!story && !headingAbove(doc.headings, offset)) return [];
  const [, indent, prefix = '', emphasis] = match;
  const present = new Set<SectionKind>(story?.sections.flatMap((section) => section.kinds));
  const reference = story ? nearestSection(story, offset) : undefined;
  // A table row takes no markers: new sections go in the story's own style, else in bullets.
  const style: WrittenStyle = reference && reference.style.type !== 'cell' ? reference.style : DEFAULT_STYLE;
  const framework = FRAMEWORKS[story?.framework.id ?? 'star'];
  const range: OffsetRange = [lineStart + indent.length, offset];

  const item = (label: string, kind: SectionKind, isMissing: boolean, detail: string): MarkerCompletion => {
    const prompt = promptSnippet(slotOf(framework, kind)?.prompt);
    let marker: string;
    if (prefix.startsWith('#')) marker = `${escapeSnippet(prefix + label)}\n\n${prompt}`;
    else if (prefix) marker = escapeSnippet(prefix + markerAfterBullet(style, label)) + prompt;
    else if (style.type === 'heading') marker = `${escapeSnippet(markerAfterIndent(style, label))}\n\n${prompt}`;
    else marker = escapeSnippet(markerAfterIndent(style, label)) + prompt;
    return { label, kind, isMissing, detail, filterText: `${prefix}${emphasis}${label}`, range, snippet: marker };
  };

  const items: MarkerCompletion[] = framework.slots
    .filter((slot) => !slot.optional && !slot.kinds.some((kind) => present.has(kind)))
    .map((slot) => item(labelLike(slot.name, reference), slot.kinds[0], true, `missing ${slot.name} section`));
  for (const [kind, labels] of Object.entries(settings.aliases) as [SectionKind, readonly string[]][]) {
    for (const label of labels) {
      if (items.some((existing) => existing.label.toLowerCase() === label.toLowerCase())) continue;
      items.push(item(label, kind, false, label.toLowerCase() === SECTION_NAMES[kind].toLowerCase() ? 'section' : `another name for ${SECTION_NAMES[kind]}`));
    }
  }
  return items;
}

/** One item that writes several sections at once: the rest of a story, or a whole one under a bare heading. */
export interface RestCompletion {
  label: string;
  detail: string;
  range: OffsetRange;
  snippet: string;
}

/**
 * At a blank line in a story, every section it still lacks, in order, when there are two or more
 * and they all belong at that line. Under a heading with no story yet, the whole of a STAR story,
 * written like the stories around it.
 */
export function restCompletion(doc: StarDocument, offset: number): RestCompletion | undefined {
  const { text } = doc;
  const line: OffsetRange = [startOfLine(text, offset), endOfLine(text, offset)];
  if (/\S/.test(text.slice(...line))) return undefined;
  const story = storyAt(doc, offset);
  if (story) {
    const slots = missingSlots(story);
    const rest = slots.length > 1 ? restOfStoryEdit(doc, story, offset) : undefined;
    return rest && { label: names(slots), detail: `the rest of ${storyLabel(story)}`, range: rest.edit.range, snippet: rest.snippet };
  }
  const heading = doc.headings.filter((candidate) => !candidate.marker && candidate.range[1] < offset && offset <= candidate.subtree[1]).pop();
  if (!heading) return undefined;
  const layout = layoutAt(doc, offset);
  // The heading is the title: sections sit as far below it as the nearest story's sit below theirs.
  const style: WrittenStyle = layout.style.type === 'heading' ? { type: 'heading', depth: Math.min(6, heading.depth + layout.style.depth - layout.titleDepth) } : layout.style;
  const slots = FRAMEWORKS.star.slots;
  return { label: names(slots), detail: 'a whole STAR story', range: line, snippet: writeOnBlankLine(text, line, slots, style, layout.reference).snippet };
}

const names = (slots: readonly Slot[]) => slots.map((slot) => slot.name).join(', ');

function headingAbove(headings: readonly HeadingInfo[], offset: number): HeadingInfo | undefined {
  return headings.find((heading) => heading.range[1] < offset && offset <= heading.subtree[1]);
}

/** The section written closest before the cursor, else the first: its style is the one to follow. */
function nearestSection(story: Story, offset: number): Section | undefined {
  return story.sections.filter((section) => section.blockStart < offset).pop() ?? story.sections[0];
}
