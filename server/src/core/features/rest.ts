import { FRAMEWORKS, rankIn, type Slot } from '../model/frameworks';
import type { Section, StarDocument, Story, WrittenStyle } from '../model/types';
import { endOfLine, lineBreakOf, startOfLine, trimEnd, type OffsetRange } from '../text';
import type { OffsetEdit } from './fixes';
import { promptText } from './prompts';
import { escapeSnippet, gapAfter, isListStyle, labelLike, markerText, nextInList } from './style';

/** Inserted markdown twice over: as plain text, and as a snippet whose prompts are tab stops. */
export interface Written {
  text: string;
  snippet: string;
}

/** What parts two sections written in a style: a line break between bullets, a blank line otherwise. */
export function sectionGap(style: WrittenStyle, eol: string): string {
  return isListStyle(style) ? eol : eol + eol;
}

/** A snippet tab stop holding `text` as its placeholder. */
export function tabStop(stop: number, text: string): string {
  return `\${${stop}:${escapeSnippet(text)}}`;
}

/**
 * Sections for `slots` in `style`, each marker followed by its slot's prompt. The plain text keeps
 * the prompts too, so a client without snippets still shows what each section asks for (and the
 * rules still see a template left unfilled). Tab stops count from `firstStop`.
 */
export function writeSections(slots: readonly Slot[], style: WrittenStyle, eol: string, reference?: Section, firstStop = 1, numberAfter = false): Written {
  const pieces = slots.map((slot, i) => {
    const written = markerText(style, labelLike(slot.name, reference));
    // After `3. Action - `, the rest is `4. Result - `, `5. …`.
    const marker = (numberAfter ? nextInList(written, i + 1) : written) + (style.type === 'heading' ? eol + eol : '');
    const prompt = promptText(slot.prompt);
    return { text: marker + prompt, snippet: escapeSnippet(marker) + tabStop(firstStop + i, prompt) };
  });
  const gap = sectionGap(style, eol);
  return { text: pieces.map((piece) => piece.text).join(gap), snippet: pieces.map((piece) => piece.snippet).join(gap) };
}

/** The framework's required slots that no section of the story fills, in framework order. */
export function missingSlots(story: Story): Slot[] {
  const present = new Set(story.sections.flatMap((section) => section.kinds));
  return FRAMEWORKS[story.framework.id].slots.filter((slot) => !slot.optional && !slot.kinds.some((kind) => present.has(kind)));
}

/** Slots that go in at the same place, written like the section they go next to. */
interface Insertion {
  at: number;
  slots: Slot[];
  reference: Section;
  /** After the reference section's last line, or on the line where it starts. */
  after: boolean;
}

const FOLLOWING_LINE = /(?:\r\n|\n|\r)[ \t]*\S/y;
const BLANK = /^[ \t]*$/;
const LIST_ITEM = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]/;

/**
 * One edit that writes every missing required section of a story, in its framework's order and in
 * the style of the section each lands next to (heading of the same level, bullet, bold label).
 * Sections that go in at different places (a missing Situation and a missing Action around a Task)
 * make one edit spanning both places, the text between them unchanged.
 *
 * With `at`, an offset on a blank line in the story, the sections are written there instead: the
 * rest of the story from where the writer is. Only when that is where they all belong: no section
 * the framework puts after them above the line, none it puts before them below it, and the line
 * inside no section's text. Nothing for a story table, whose columns are its sections.
 */
export function restOfStoryEdit(doc: StarDocument, story: Story, at?: number): { edit: OffsetEdit; snippet: string } | undefined {
  const missing = missingSlots(story);
  if (missing.length === 0 || story.sections.some((section) => section.style.type === 'cell')) return undefined;
  const written = at === undefined ? writeInPlace(doc, story, missing) : writeAt(doc, story, missing, at);
  return written && { edit: { range: written.range, text: written.text, snippet: written.snippet }, snippet: written.snippet };
}

function writeInPlace(doc: StarDocument, story: Story, missing: readonly Slot[]): Written & { range: OffsetRange } {
  const { text } = doc;
  const eol = lineBreakOf(text);
  const framework = FRAMEWORKS[story.framework.id];
  const rank = (section: Section) => rankIn(framework, section);
  const insertions: Insertion[] = [];
  for (const slot of missing) {
    const wanted = framework.slots.indexOf(slot);
    const before = story.sections.filter((section) => rank(section) >= 0 && rank(section) < wanted).pop();
    const next = story.sections.find((section) => rank(section) > wanted);
    const reference = before ?? next ?? story.sections[0];
    const point = before
      ? trimEnd(text, before.markerRange[0], Math.max(before.contentRange[1], before.markerRange[1]))
      : startOfLine(text, reference.blockStart);
    const last = insertions[insertions.length - 1];
    if (last && last.at === point) last.slots.push(slot);
    else insertions.push({ at: point, slots: [slot], reference, after: !!before });
  }
  insertions.sort((a, b) => a.at - b.at);

  let stop = 1;
  let plain = '';
  let snippet = '';
  insertions.forEach((insertion, i) => {
    if (i > 0) {
      const between = text.slice(insertions[i - 1].at, insertion.at);
      plain += between;
      snippet += escapeSnippet(between);
    }
    const style = insertion.reference.style as WrittenStyle;
    const sections = writeSections(insertion.slots, style, eol, insertion.reference, stop, insertion.after);
    stop += insertion.slots.length;
    const gap = sectionGap(style, eol);
    let lead = '';
    let close = gap;
    if (insertion.after) {
      lead = gapAfter(text, insertion.reference, insertion.at, gap, eol);
      // Text on the very next line would run on into a paragraph written after the section.
      FOLLOWING_LINE.lastIndex = insertion.at;
      close = gap !== eol && FOLLOWING_LINE.test(text) ? eol : '';
    }
    plain += lead + sections.text + close;
    snippet += escapeSnippet(lead) + sections.snippet + escapeSnippet(close);
  });
  return { range: [insertions[0].at, insertions[insertions.length - 1].at], text: plain, snippet };
}

function writeAt(doc: StarDocument, story: Story, missing: readonly Slot[], at: number): (Written & { range: OffsetRange }) | undefined {
  const { text } = doc;
  const lineStart = startOfLine(text, at);
  const lineEnd = endOfLine(text, at);
  if (!BLANK.test(text.slice(lineStart, lineEnd))) return undefined;
  const framework = FRAMEWORKS[story.framework.id];
  const first = framework.slots.indexOf(missing[0]);
  const last = framework.slots.indexOf(missing[missing.length - 1]);
  for (const section of story.sections) {
    const rank = rankIn(framework, section);
    if (section.blockStart < at && section.contentRange[1] > lineStart) return undefined;
    if (rank < 0) continue;
    if (section.blockStart < at ? rank > first : rank < last) return undefined;
  }
  const reference = story.sections.filter((section) => section.blockStart < at).pop() ?? story.sections[0];
  return { range: [lineStart, lineEnd], ...writeOnBlankLine(text, [lineStart, lineEnd], missing, reference.style as WrittenStyle, reference) };
}

/**
 * Sections written over a blank line (`line`, without its break), parted from the lines around it
 * as their style needs: a paragraph or heading written straight after a line of text would join
 * it or look like part of it; bullets run on into a list below, anything else keeps a blank line.
 */
export function writeOnBlankLine(text: string, line: OffsetRange, slots: readonly Slot[], style: WrittenStyle, reference?: Section): Written {
  const eol = lineBreakOf(text);
  const sections = writeSections(slots, style, eol, reference);
  const list = isListStyle(style);
  const lead = !list && line[0] > 0 && !BLANK.test(lineBefore(text, line[0])) ? eol : '';
  const after = lineAfter(text, line[1]);
  const close = !BLANK.test(after) && !(list && LIST_ITEM.test(after)) ? eol : '';
  return { text: lead + sections.text + close, snippet: escapeSnippet(lead) + sections.snippet + escapeSnippet(close) };
}

/** The line before the one that starts at `lineStart`; empty at the start of the text. */
export function lineBefore(text: string, lineStart: number): string {
  const end = lineStart - (text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? 2 : 1);
  return end < 0 ? '' : text.slice(startOfLine(text, end), end);
}

/** The line after the one that ends at `lineEnd`; empty at the end of the text. */
export function lineAfter(text: string, lineEnd: number): string {
  const start = lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
  return start > text.length ? '' : text.slice(start, endOfLine(text, start));
}
