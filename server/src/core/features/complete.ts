import { storyAt } from './fixes';
import { FRAMEWORKS, slotOf } from '../model/frameworks';
import { type HeadingInfo, type Section, type SectionKind, type StarDocument, type Story, type WrittenStyle } from '../model/types';
import { startOfLine, type OffsetRange } from '../text';
import type { Settings } from '../settings';
import { SECTION_NAMES } from '../model/sections';
import { promptSnippet } from './prompts';
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

function headingAbove(headings: readonly HeadingInfo[], offset: number): HeadingInfo | undefined {
  return headings.find((heading) => heading.range[1] < offset && offset <= heading.subtree[1]);
}

/** The section written closest before the cursor, else the first: its style is the one to follow. */
function nearestSection(story: Story, offset: number): Section | undefined {
  return story.sections.filter((section) => section.blockStart < offset).pop() ?? story.sections[0];
}
