import type { Heading, ListItem, Paragraph, Root, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { EMOJI_RUNS, matchLabel, splitHeadingLabel, type LabelMatcher, type LabelMeaning } from './labels';
import { countWords, endOfLine, shiftRange, skipWhitespace, startOfLine, trimEnd, trimStart, type OffsetRange } from '../text';
import { scaffoldOf } from './scaffolds';
import type { HeadingInfo, Section, SectionKind } from './types';

/** A section marker as written, before its story's framework says what it counts as. */
export type Marker = Omit<Section, 'contentRange' | 'words' | 'kinds' | 'name'> & {
  raw: readonly SectionKind[];
  contentStart: number;
  /** An everyday label (`**Context:** Hospital queue project`) among metadata lines (`**Competency:** …`): maybe metadata too (stories.ts). */
  metadata?: true;
};

export interface HeadingEvent {
  type: 'heading';
  start: number;
  info: HeadingInfo;
  marker?: Marker;
}
export interface LabelEvent {
  type: 'label';
  start: number;
  marker: Marker;
}
/**
 * Where a new story may begin under the same heading: a thematic break, or a question (a whole
 * bold paragraph, or one that begins `Q:`). It does only when the sections after it begin again.
 */
export interface BreakEvent {
  type: 'break';
  start: number;
  range: OffsetRange;
  question?: string;
  /** A `---` or a `Q:` line ends the section before it; a bold line may be the section's own emphasis. */
  ends: boolean;
  /**
   * An outliner bullet that may title a story (`open`) and the end of that bullet (`close`), nested
   * as the bullets are. Whether it does depends on what comes before it in the whole document, so
   * the model decides (stories.ts `withOutlinerTitles`).
   */
  outliner?: 'open' | 'close';
  marker?: undefined;
}
/** A story table: one story per row, or one for the whole table when its first column names the sections. */
export interface TableEvent {
  type: 'table';
  start: number;
  stories: TableStory[];
  marker?: undefined;
}
export interface TableStory {
  /** The row's first column that is no section; absent for a table that is one story. */
  title?: string;
  anchor: OffsetRange;
  range: OffsetRange;
  sections: (Marker & { contentEnd: number })[];
}
/** What the model takes from the syntax tree: each heading, each label that starts a section, each possible story break, each story table. */
export type MarkerEvent = HeadingEvent | LabelEvent | BreakEvent | TableEvent;

/**
 * The marker events of a tree, in document order. Each depends only on its own node, so a caller
 * that parses in pieces can keep them per piece and move them with `shiftEvents`.
 */
export function markerEvents(text: string, root: Root, matcher: LabelMatcher): MarkerEvent[] {
  const events: MarkerEvent[] = [];
  const items: { node: ListItem; from: number }[] = [];
  visit(root, (node, index, parent) => {
    if (node.type === 'listItem') items.push({ node, from: events.length });
    if (node.type === 'heading') {
      events.push(headingEvent(text, node, matcher));
      return 'skip';
    }
    if (node.type === 'thematicBreak') {
      const start = node.position?.start.offset ?? 0;
      events.push({ type: 'break', start, range: [start, node.position?.end.offset ?? start], ends: true });
      return 'skip';
    }
    if (node.type === 'paragraph') {
      const inListItemHead = parent?.type === 'listItem' && index === 0;
      const labels = labelEvents(text, node, inListItemHead ? parent.position?.start.offset : undefined, matcher);
      events.push(...labels);
      if (labels.length === 0 && (parent?.type === 'root' || parent?.type === 'blockquote' || inListItemHead)) {
        const start = node.position?.start.offset ?? 0;
        if (QUESTIONS_LINE.test(text.slice(start, start + 40))) {
          const from = inListItemHead ? (parent.position?.start.offset ?? start) : start;
          events.push({ type: 'break', start: from, range: [from, node.position?.end.offset ?? start], ends: true });
          return 'skip';
        }
      }
      if (labels.length === 0 && (parent?.type === 'root' || parent?.type === 'blockquote')) {
        const question = questionEvent(text, node);
        if (question) events.push(question);
      }
      return 'skip';
    }
    if (node.type === 'table') {
      const table = tableEvent(text, node, matcher);
      if (table) events.push(table);
      return 'skip';
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'definition') return 'skip';
    return undefined;
  });
  return items.length === 0 ? events : withOutlinerStories(text, events, items);
}

/**
 * Outliners (Logseq, Roam, Workflowy) have no headings: a story is a bullet whose nested
 * bullets, or later lines, are its sections. Such a bullet is a break titled by its first line,
 * as a question is, and its end is a break too, so the story's last section ends with it. A
 * bullet whose own first line is a section (`- Action:` with the steps under it) is no title.
 */
function withOutlinerStories(text: string, events: MarkerEvent[], items: readonly { node: ListItem; from: number }[]): MarkerEvent[] {
  const inserts: { at: number; order: number; event: BreakEvent }[] = [];
  items.forEach(({ node, from }, n) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const head = node.children[0];
    if (start === undefined || end === undefined || head?.type !== 'paragraph') return;
    const lineEnd = Math.min(endOfLine(text, start), end);
    let until = from;
    let sections = false;
    for (; until < events.length && events[until].start < end; until++) {
      const event = events[until];
      if (event.type !== 'label') continue;
      // Its own first line names a section: the bullet is that section, not a title.
      if (event.marker.markerRange[0] < lineEnd) return;
      sections = true;
    }
    if (!sections) return;
    const title = toString(head).split(/\r\n|\r|\n/)[0].replace(/\s+/g, ' ').trim();
    if (!title || title.length > 300) return;
    // On the next line: a section ends at the start of its closing event's line.
    const after = end + (text.startsWith('\r\n', end) ? 2 : text[end] === '\n' || text[end] === '\r' ? 1 : 0);
    // Where breaks meet: bullets end before the next begins, an inner one before the one around it; an outer one begins first.
    inserts.push({ at: from, order: 1 + n, event: { type: 'break', start, range: [start, trimEnd(text, start, lineEnd)], question: title, ends: true, outliner: 'open' } });
    inserts.push({ at: until, order: -1 - n, event: { type: 'break', start: after, range: [after, after], ends: true, outliner: 'close' } });
  });
  if (inserts.length === 0) return events;
  inserts.sort((a, b) => a.at - b.at || a.order - b.order);
  const merged: MarkerEvent[] = [];
  let next = 0;
  for (let i = 0; i <= events.length; i++) {
    while (next < inserts.length && inserts[next].at === i) merged.push(inserts[next++].event);
    if (i < events.length) merged.push(events[i]);
  }
  return merged;
}

/** A cell without its pipes and the spaces inside them. */
function cellRange(text: string, cell: TableCell): { inner: OffsetRange; content: OffsetRange } {
  let start = cell.position?.start.offset ?? 0;
  let end = cell.position?.end.offset ?? start;
  if (text[start] === '|') start++;
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  const contentStart = skipWhitespace(text, start, end);
  const contentEnd = trimEnd(text, contentStart, end);
  // An empty cell's content is where the writer's text would go: right after its pipe.
  return { inner: [start, end], content: contentStart < contentEnd ? [contentStart, contentEnd] : [start, start] };
}

function cellMarker(text: string, cell: TableCell, label: string, meaning: LabelMeaning, content: OffsetRange): Marker & { contentEnd: number } {
  const { inner } = cellRange(text, cell);
  return {
    raw: meaning.kinds,
    label,
    term: meaning.term,
    letters: meaning.letters,
    strong: meaning.strong,
    style: { type: 'cell' },
    blockStart: inner[0],
    markerRange: inner,
    contentStart: content[0],
    contentEnd: content[1],
  };
}

/**
 * A story table names the scene or the job in interview words or letters (Situation, Task, S, T):
 * tables of Objective, Approach, Outcome or Issue, Action, Outcome are plans and retros.
 */
const namesTheScene = (meanings: readonly (LabelMeaning | undefined)[]): boolean =>
  meanings.some((meaning) => meaning?.strong && !meaning.term && meaning.kinds.some((kind) => kind === 'situation' || kind === 'task'));

/** Different sections named, the notes aside: three make a table a story table, so an action tracker (`| Action | Owner | Due |`) is none. */
const enoughSections = (meanings: readonly (LabelMeaning | undefined)[]): boolean =>
  new Set(meanings.flatMap((meaning) => meaning?.kinds ?? []).filter((kind) => kind !== 'notes')).size >= 3;

function tableEvent(text: string, table: Table, matcher: LabelMatcher): TableEvent | undefined {
  const [header, ...rows] = table.children;
  if (!header) return undefined;
  const start = table.position?.start.offset ?? 0;
  const columns = header.children.map((cell) => toString(cell).trim());
  const meanings = columns.map((label) => matcher.read(label));
  if (enoughSections(meanings) && namesTheScene(meanings)) return { type: 'table', start, stories: rows.flatMap((row, n) => rowStory(text, row, n, columns, meanings)) };

  // A vertical story may start in the header row: `| Situation | Two billing systems… |`.
  const all = [header, ...rows];
  const firsts = all.map((row) => (row.children[0] ? matcher.read(toString(row.children[0]).trim()) : undefined));
  if (!enoughSections(firsts) || !namesTheScene(firsts)) return undefined;
  const sections = all.flatMap((row, n) => {
    const meaning = firsts[n];
    const [first, ...rest] = row.children;
    if (!meaning || rest.length === 0) return [];
    const from = cellRange(text, rest[0]).content;
    const to = cellRange(text, rest[rest.length - 1]).content;
    return [cellMarker(text, first, toString(first).trim(), meaning, [from[0], Math.max(from[0], to[1])])];
  });
  const end = table.position?.end.offset ?? start;
  return { type: 'table', start, stories: sections.length ? [{ anchor: sections[0].markerRange, range: [start, end], sections }] : [] };
}

function rowStory(text: string, row: TableRow, n: number, columns: readonly string[], meanings: readonly (LabelMeaning | undefined)[]): TableStory[] {
  const cells = row.children;
  const start = row.position?.start.offset ?? 0;
  const end = row.position?.end.offset ?? start;
  // A row of values (`| Sam | 3 | 4 | 2 |`) is a record; a story row tells its sections in phrases.
  const phrases = cells.filter((cell, i) => meanings[i] && countWords(toString(cell)) >= 3).length;
  if (phrases < 2) return [];
  const titleCell = cells.find((cell, i) => !meanings[i] && /\p{L}/u.test(toString(cell)));
  const sections = cells.flatMap((cell, i) => {
    const meaning = meanings[i];
    return meaning ? [cellMarker(text, cell, columns[i], meaning, cellRange(text, cell).content)] : [];
  });
  return [{
    title: titleCell ? toString(titleCell).replace(/\s+/g, ' ').trim() : `row ${n + 1}`,
    anchor: titleCell ? cellRange(text, titleCell).inner : [start, end],
    range: [start, end],
    sections,
  }];
}

/**
 * `Questions: conflict, failure`, `**Questions:** …`, `- Themes: …`: the line a writer adds to say
 * which questions a story answers (core/bank/declared.ts reads the list). It ends the section
 * before it: the list is no part of the Result. Plural only: `Question: …` is an interview question.
 */
export const QUESTIONS_LINE = /^(?:\*\*|__)?(?:questions|themes)(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*([^\r\n]*)/i;

/** `Q: …`, `- **Q:** …`, `Question 3: …`: an interview question, whose `A:` is an answer, not an Action. */
const QUESTION_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\*\*|__)?(?:Q|Question)(?:[ \t]?\d{1,3})?[ \t]*[:.]/;

/** `**Competency:** Ownership`, `Company: Monzo`: a label line whose label names no section. */
const METADATA_LINE = /^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?(\p{L}[\p{L}\p{N} &'/-]{0,30}?)[ \t]*[:：]/u;

function isMetadataLine(line: string, matcher: LabelMatcher): boolean {
  const label = METADATA_LINE.exec(line)?.[1];
  return label !== undefined && !matcher.read(label);
}

/** Whether the nearest non-blank line before or after the line at `lineStart` is a metadata line. */
function besideMetadata(text: string, lineStart: number, matcher: LabelMatcher): boolean {
  const before = lineBefore(text, lineStart, /\s/);
  if (before !== undefined && isMetadataLine(before.slice(0, 80), matcher)) return true;
  const lineEnd = text.slice(lineStart, lineStart + 4096).search(/\r|\n/);
  if (lineEnd < 0) return false;
  let after = lineStart + lineEnd;
  while (after < text.length && /\s/.test(text[after])) after++;
  return isMetadataLine(text.slice(after, after + 80), matcher);
}

/** Whether the last non-blank line before `lineStart` asks a question; a line of quote marks alone is blank. */
function followsQuestion(text: string, lineStart: number): boolean {
  const before = lineBefore(text, lineStart, /[\s>]/);
  return before !== undefined && QUESTION_PREFIX.test(before.slice(0, 40));
}

/** The nearest line before `lineStart` with a character `blank` does not match, up to that last character; undefined at the start. */
function lineBefore(text: string, lineStart: number, blank: RegExp): string | undefined {
  let end = lineStart;
  while (end > 0 && blank.test(text[end - 1])) end--;
  return end === 0 ? undefined : text.slice(startOfLine(text, end - 1), end);
}

/** A paragraph that is a question or one bold line: where a new story may start. */
function questionEvent(text: string, node: Paragraph): BreakEvent | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const wholeBold = node.children.length === 1 && node.children[0].type === 'strong';
  const asks = QUESTION_PREFIX.test(text.slice(start, Math.min(end, start + 20)));
  if (!wholeBold && !asks) return undefined;
  const question = toString(node).replace(/^[ \t]*(?:Q|Question)(?:[ \t]?\d{1,3})?[ \t]*[:.]/, '').replace(/\s+/g, ' ').trim();
  if (question.length > 300) return undefined;
  // A `Q:` still to be written is a question all the same: the section before it ends there.
  return { type: 'break', start, range: [start, end], question: question || 'Q:', ends: asks };
}

/** Copies of `events` moved by `delta` characters; copies, because the model completes them in place. */
export function shiftEvents(events: readonly MarkerEvent[], delta: number): MarkerEvent[] {
  const range = (offsets: OffsetRange) => shiftRange(offsets, delta);
  const marker = <M extends LabelEvent['marker']>(m: M): M => ({
    ...m,
    blockStart: m.blockStart + delta,
    markerRange: range(m.markerRange),
    contentStart: m.contentStart + delta,
  });
  const table = (story: TableStory): TableStory => ({
    ...story,
    anchor: range(story.anchor),
    range: range(story.range),
    sections: story.sections.map((section) => ({ ...marker(section), contentEnd: section.contentEnd + delta })),
  });
  return events.map((event) =>
    event.type === 'table'
      ? { ...event, start: event.start + delta, stories: event.stories.map(table) }
      : event.type === 'break'
      ? { ...event, start: event.start + delta, range: range(event.range) }
      : event.type === 'label'
      ? { ...event, start: event.start + delta, marker: marker(event.marker) }
      : {
          ...event,
          start: event.start + delta,
          info: { ...event.info, range: range(event.info.range), subtree: range(event.info.subtree) },
          marker: event.marker && marker(event.marker),
        },
  );
}

function headingEvent(text: string, node: Heading, matcher: LabelMatcher): HeadingEvent {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const headingText = toString(node).trim();
  const split = splitHeadingLabel(headingText, matcher);
  const info: HeadingInfo = { text: headingText, depth: node.depth, level: node.depth, range: [start, end], subtree: [start, end] as [number, number], marker: split?.kinds[0] };
  if (!split) return { type: 'heading', start, info };
  let contentStart = end;
  if (split.rest) {
    const colon = text.slice(start, end).search(/[:：]/);
    if (colon >= 0) contentStart = trimStart(text, start + colon + 1, end);
  }
  return {
    type: 'heading',
    start,
    info,
    marker: {
      raw: split.kinds,
      label: split.label,
      term: split.term,
      letters: split.letters,
      strong: split.strong,
      style: { type: 'heading', depth: node.depth },
      blockStart: start,
      markerRange: [start, end],
      contentStart,
    },
  };
}

/**
 * Labels at the start of the paragraph and at the start of any later line of it: people write
 * `Situation: …` / `Task: …` on consecutive lines with no blank line between them. An `A:` right
 * after a question is its answer; a paragraph of another template's lines (scaffolds.ts) has none.
 */
function labelEvents(text: string, node: Paragraph, listItemStart: number | undefined, matcher: LabelMatcher): LabelEvent[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const events: LabelEvent[] = [];
  if (endOfLine(text, start) < end) {
    const labels = text.slice(start, end).split(/\r\n|\r|\n/).map((line) => METADATA_LINE.exec(line)?.[1] ?? '');
    if (scaffoldOf(labels, (label) => matcher.read(label)?.kinds.join('+'))) return [];
  }
  for (let lineStart = start; lineStart < end; ) {
    const event = labelEventAt(text, lineStart, end, lineStart === start ? (listItemStart ?? start) : lineStart, matcher);
    const answer = event?.marker.letters && event.marker.raw[0] === 'action' && followsQuestion(text, startOfLine(text, event.start));
    if (event && !event.marker.strong && besideMetadata(text, lineStart, matcher)) event.marker.metadata = true;
    if (event && !answer) events.push(event);
    const lineEnd = text.slice(lineStart, end).search(/\r\n|\r|\n/);
    if (lineEnd < 0) break;
    lineStart = lineStart + lineEnd + (text.startsWith('\r\n', lineStart + lineEnd) ? 2 : 1);
    while (lineStart < end && /[ \t>]/.test(text[lineStart])) lineStart++;
  }
  return events;
}

/** A bullet a Google Docs export escaped, `\- **Result:** …`: the writer's bullet all the same. */
const ESCAPED_BULLET = /^\\[-*+][ \t]+/;

function labelEventAt(text: string, at: number, end: number, blockStart: number, matcher: LabelMatcher): LabelEvent | undefined {
  const start = at + (ESCAPED_BULLET.exec(text.slice(at, at + 4))?.[0].length ?? 0);
  const match = matchLabel(text.slice(start, Math.min(end, start + 120)), matcher);
  if (!match) return undefined;
  const lineStart = startOfLine(text, blockStart);
  const contentStart = trimStart(text, start + match.markerEnd, end);
  // A new section after `**Result: text**` is written as a bold label, `**Task:** `: it has no text of its own to close the bold.
  const template = match.openBold
    ? `${text.slice(lineStart, start).replace(EMOJI_RUNS, '')}${match.openBold}{label}:${match.openBold} `
    : text.slice(lineStart, start + match.labelStart).replace(EMOJI_RUNS, '') + '{label}' + text.slice(start + match.labelEnd, start + match.markerEnd).trimEnd() + ' ';
  return {
    type: 'label',
    start: blockStart,
    marker: {
      raw: match.kinds,
      label: match.label,
      term: match.term,
      letters: match.letters,
      strong: match.strong,
      style: { type: 'label', template },
      blockStart,
      markerRange: [start, start + match.markerEnd],
      contentStart,
    },
  };
}
