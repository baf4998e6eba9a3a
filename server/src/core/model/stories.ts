import type { Root } from 'mdast';
import { labelMatcher } from './labels';
import { markerEvents, type BreakEvent, type Marker, type MarkerEvent } from './events';
import { applyFramework, chooseFramework, FRAMEWORKS, frameworkOfTag, headingTag } from './frameworks';
import { countWords, shiftRange, skipWhitespace, startOfLine, trimEnd, type OffsetRange } from '../text';
import { DOCUMENT_STORY_TITLE, isStarKind, STAR_KINDS, type FrameworkId, type HeadingInfo, type Section, type SectionKind, type StarDocument, type Story } from './types';
import type { Settings } from '../settings';

export type ModelSettings = Pick<Settings, 'aliases' | 'frameworks'>;

/** Builds the STAR model: which headings are stories, and which sections each has. */
export function buildModel(text: string, root: Root, settings: ModelSettings): StarDocument {
  return assembleModel(text, root, markerEvents(text, root, labelMatcher(settings.aliases)), settings.frameworks);
}

/**
 * The model from the marker events of the whole document; takes ownership of the events.
 * `count` lets a caller that sees the same section text again remember its word count.
 */
export function assembleModel(
  text: string,
  root: Root,
  events: MarkerEvent[],
  frameworks: readonly FrameworkId[],
  count: (text: string) => number = countWords,
  built?: BuiltStories,
): StarDocument {
  const headings = events.flatMap((event) => (event.type === 'heading' ? [event.info] : []));
  assignLevels(text, headings);
  assignSubtrees(headings, text.length);
  const kept = withoutMetadata(withoutStrayLetters(text, withOutlinerTitles(events)));
  return { text, root, stories: groupStories(text, kept, { frameworks, declared: frontMatterFramework(text), count, built }), headings };
}

/**
 * The stories under each heading of the last version, by the text of the heading's subtree:
 * what is built from a heading's markers depends on that text alone (and on the settings and
 * front matter, which the key holds too), so an unchanged story is moved, not built again.
 */
export class BuiltStories {
  #last = new Map<string, { start: number; stories: readonly Story[] }>();
  #next = new Map<string, { start: number; stories: readonly Story[] }>();

  /** The stories built for this subtree, moved to `start`, or those `build` gives. */
  under(key: string, start: number, build: () => Story[]): Story[] {
    const found = this.#next.get(key) ?? this.#last.get(key);
    const stories = found ? found.stories.map((story) => movedStory(story, start - found.start)) : build();
    if (!found) this.#next.set(key, { start, stories });
    else if (!this.#next.has(key)) this.#next.set(key, found);
    return stories;
  }

  /** The version is done: what it did not use is forgotten. */
  done(): void {
    this.#last = this.#next;
    this.#next = new Map();
  }
}

function movedStory(story: Story, by: number): Story {
  if (by === 0) return story;
  return {
    ...story,
    heading: story.heading && { ...story.heading, range: shiftRange(story.heading.range, by) },
    anchor: shiftRange(story.anchor, by),
    range: shiftRange(story.range, by),
    sections: story.sections.map((section) => ({
      ...section,
      blockStart: section.blockStart + by,
      markerRange: shiftRange(section.markerRange, by),
      contentRange: shiftRange(section.contentRange, by),
    })),
  };
}

/**
 * A STAR section heading right under a story title of the same level, with nothing between, is
 * that story's: the writer gave title and sections one level. So are the section headings after it.
 */
function assignLevels(text: string, headings: readonly HeadingInfo[]): void {
  for (let i = 1; i < headings.length; i++) {
    const [previous, heading] = [headings[i - 1], headings[i]];
    if (!heading.marker || !isStarKind(heading.marker) || previous.depth !== heading.depth) continue;
    const title = !previous.marker && !/\S/.test(text.slice(previous.range[1], heading.range[0]));
    if (title || (previous.marker && previous.level > previous.depth)) heading.level = heading.depth + 0.5;
  }
}

function assignSubtrees(headings: HeadingInfo[], textEnd: number): void {
  const open: HeadingInfo[] = [];
  for (const heading of headings) {
    while (open.length && open[open.length - 1].level >= heading.level) open.pop()!.subtree[1] = heading.range[0];
    open.push(heading);
  }
  for (const heading of open) heading.subtree[1] = textEnd;
}

/**
 * `framework: sar` in the front matter: the writer's framework for every story in the file. Read
 * from the text, not the tree: a caller that parses in pieces builds the whole tree only on demand.
 */
function frontMatterFramework(text: string): FrameworkId | undefined {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', from)) return undefined;
  const block = FRONT_MATTER.exec(text.slice(from, 65_536));
  const match = block && /^framework:[ \t]*["']?([\w-]+)/im.exec(block[1]);
  return match ? frameworkOfTag(match[1]) : undefined;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Each event with the heading whose story it would belong to. */
function* owned(events: readonly MarkerEvent[]): Generator<{ event: MarkerEvent; index: number; owner: HeadingInfo | undefined }> {
  const stack: HeadingInfo[] = [];
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (event.type === 'heading') {
      while (stack.length && stack[stack.length - 1].level >= event.info.level) stack.pop();
    }
    if (event.marker || event.type === 'break' || event.type === 'table') yield { event, index, owner: storyHeading(stack) };
    if (event.type === 'heading') stack.push(event.info);
  }
}

/**
 * An outliner bullet titles a story (events.ts `withOutlinerStories`) unless the story's sections
 * have begun outside any titled bullet since the last heading or break: then it is a step or a
 * phase of that story (`- Phase 1` with its Action and Result nested, after a Situation and a
 * Task). Decided over the whole document, as the pieces it was parsed in can't see each other.
 */
function withOutlinerTitles(events: MarkerEvent[]): MarkerEvent[] {
  if (!events.some((event) => event.type === 'break' && event.outliner)) return events;
  let loose = false;
  /** Whether each bullet opened and not yet closed titles its story; how many of them do. */
  const open: boolean[] = [];
  let titled = 0;
  return events.filter((event) => {
    if (event.type === 'break' && event.outliner === 'open') {
      open.push(!loose);
      if (!loose) titled++;
      return !loose;
    }
    if (event.type === 'break' && event.outliner === 'close') {
      const kept = open.pop() ?? false;
      if (kept) titled--;
      return kept;
    }
    if ((event.type === 'heading' && !event.marker) || (event.type === 'break' && (event.question || event.ends))) loose = false;
    else if (event.marker && titled === 0) loose = true;
    return true;
  });
}

/**
 * Letters (`S:`, `T:`) are labels only where a heading's letters make a story: three different
 * ones followed by prose, the first of them S or T, or two in STAR order. So a lesson transcript's `T:` and `S:` (teacher,
 * student), an address block's `A:` and `T:`, and a match log's `T: 10:30 KO` / `R: won 3-1` are
 * left as text.
 */
function withoutStrayLetters(text: string, events: MarkerEvent[]): MarkerEvent[] {
  if (!events.some((event) => event.marker?.letters)) return events;
  const letters = new Map<HeadingInfo | undefined, { index: number; withText: boolean }[]>();
  for (const { event, index, owner } of owned(events)) {
    if (!event.marker?.letters) continue;
    const end = sectionEnd(text, events, index);
    const withText = isProse(text.slice(event.marker.contentStart, Math.max(event.marker.contentStart, end)));
    let found = letters.get(owner);
    if (!found) letters.set(owner, (found = []));
    found.push({ index, withText });
  }
  const stray = new Set<number>();
  // How many possible story breaks come before each event: letters with a break between them belong to different turns.
  const breaks: number[] = [];
  let count = 0;
  for (const event of events) breaks.push(event.type === 'break' ? ++count : count);
  for (const found of letters.values()) {
    const order: number[] = [];
    for (const { index, withText } of found) {
      if (!withText) continue;
      for (const kind of events[index].marker!.raw) {
        const rank = (STAR_KINDS as readonly string[]).indexOf(kind);
        if (rank >= 0 && !order.includes(rank)) order.push(rank);
      }
    }
    // A story starts with its scene or its job; a record's fields come in any fixed order (`A:` ground, `T:` kick-off).
    const enough = ((order.length >= 3 && order[0] <= 1) || (order.length === 2 && order[0] < order[1])) && !takesTurns(found, events, breaks);
    if (!enough) found.forEach(({ index }) => stray.add(index));
  }
  if (stray.size === 0) return events;
  return events.flatMap((event, index) => {
    if (!stray.has(index)) return [event];
    if (event.type !== 'heading') return [];
    event.info.marker = undefined;
    return [{ ...event, marker: undefined }];
  });
}

/**
 * Letters that come back again and again between two breaks, `S: … T: … S: … T: …`, are
 * speakers taking turns, not sections; stories told one after another are parted by a `---` or a question.
 */
function takesTurns(letters: readonly { index: number }[], events: readonly MarkerEvent[], breaks: readonly number[]): boolean {
  let returns = 0;
  let seen = new Set<SectionKind>();
  let previous: { kind: SectionKind; breaks: number } | undefined;
  for (const { index } of letters) {
    const kind = events[index].marker!.raw[0];
    if (previous && previous.breaks !== breaks[index]) seen = new Set();
    else if (previous && kind !== previous.kind && seen.has(kind)) returns++;
    seen.add(kind);
    previous = { kind, breaks: breaks[index] };
  }
  return returns >= 2;
}

/**
 * A phrase, not a value: three words or more, two of them words of letters ("3 subs used", not
 * "10:30 KO"), and no question: a transcript's `T: Which part was hard?` is a turn, not a Task.
 */
function isProse(content: string): boolean {
  return countWords(content) >= 3 && (content.match(/\p{L}{2,}/gu)?.length ?? 0) >= 2 && !/\?\s*$/.test(content);
}

/**
 * An everyday alias among metadata lines (`**Competency:** …`, `**Context:** Hospital queue
 * project`) is metadata when the story goes on to name that section in an interview word
 * (`**Situation:** …`); else it is the section, so a CAR story in bold labels keeps its Context.
 */
function withoutMetadata(events: MarkerEvent[]): MarkerEvent[] {
  if (!events.some((event) => event.marker?.metadata)) return events;
  const stray = new Set<number>();
  /** Per story heading, the metadata aliases waiting for a later interview word of their kind. */
  const waiting = new Map<HeadingInfo | undefined, Map<SectionKind, number[]>>();
  for (const { event, index, owner } of owned(events)) {
    if (!event.marker) continue;
    let byKind = waiting.get(owner);
    if (!byKind) waiting.set(owner, (byKind = new Map()));
    if (event.marker.strong) {
      for (const kind of event.marker.raw) {
        byKind.get(kind)?.forEach((candidate) => stray.add(candidate));
        byKind.delete(kind);
      }
    }
    if (event.type === 'label' && event.marker.metadata) {
      for (const kind of event.marker.raw) {
        const list = byKind.get(kind);
        if (list) list.push(index);
        else byKind.set(kind, [index]);
      }
    }
  }
  return stray.size === 0 ? events : events.filter((_, index) => !stray.has(index));
}

interface Part {
  start: number;
  question?: BreakEvent;
  /** Kinds told so far, as written: a break followed by one of them starts a new story. */
  told: Set<string>;
  markers: number[];
}

interface GroupOptions {
  frameworks: readonly FrameworkId[];
  declared?: FrameworkId;
  count: (text: string) => number;
  built?: BuiltStories;
}

/** What a marker tells, for finding where a story begins again: a framework's word tells the STAR section it stands for in STAR. */
function told(marker: Marker): readonly SectionKind[] {
  return (marker.term && FRAMEWORKS.star.terms[marker.term]) || marker.raw.filter((kind) => kind !== 'notes');
}

type Item = { index: number; told: readonly SectionKind[] } | BreakEvent;

function groupStories(text: string, events: MarkerEvent[], options: GroupOptions): Story[] {
  const byOwner = new Map<HeadingInfo | undefined, Item[]>();
  const stories: Story[] = [];
  for (const { event, index, owner } of owned(events)) {
    if (event.type === 'table') {
      for (const table of event.stories) {
        const raw = table.sections.map((marker) => rawSection(text, marker, marker.contentEnd, options.count));
        const story = finishStory(raw, { title: table.title ?? owner?.text ?? 'table', anchor: table.anchor, range: table.range }, options);
        if (story) stories.push(story);
      }
      continue;
    }
    let items = byOwner.get(owner);
    if (!items) byOwner.set(owner, (items = []));
    items.push(event.type === 'break' ? event : { index, told: told(event.marker!) });
  }
  for (const [owner, items] of byOwner) {
    const build = () => {
      const parts = splitParts(items, owner?.subtree[0] ?? 0);
      const end = owner?.subtree[1] ?? text.length;
      return parts.flatMap((part, n) => buildStory(text, events, owner, part, n, [part.start, n + 1 < parts.length ? parts[n + 1].start : end], options) ?? []);
    };
    const { built } = options;
    const own = owner && built ? built.under(`${options.frameworks.join()} ${options.declared ?? ''}\n${text.slice(...owner.subtree)}`, owner.subtree[0], build) : build();
    for (const story of own) stories.push(story);
  }
  return stories.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * A heading's markers, split into stories at the breaks after which the sections begin again:
 * some section between this break and the next tells a kind told before it. So a `---` between
 * an Action and its Result splits nothing, and a question right under the heading is its story's.
 */
function splitParts(items: readonly Item[], start: number): Part[] {
  const parts: Part[] = [];
  let part: Part | undefined;
  let pending: BreakEvent[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if ('type' in item) {
      pending.push(item);
      continue;
    }
    if (!part) {
      part = { start, question: pending.filter((pending) => pending.question).pop(), told: new Set(), markers: [] };
      parts.push(part);
    } else if (pending.length > 0 && beginsAgain(items, i, part.told)) {
      part = { start: pending[0].start, question: pending.filter((pending) => pending.question).pop(), told: new Set(), markers: [] };
      parts.push(part);
    }
    pending = [];
    for (const kind of item.told) part.told.add(kind);
    part.markers.push(item.index);
  }
  return parts;
}

/** Whether a marker from `from` up to the next break tells a kind already told. */
function beginsAgain(items: readonly Item[], from: number, toldBefore: ReadonlySet<string>): boolean {
  for (let j = from; j < items.length; j++) {
    const item = items[j];
    if ('type' in item) return false;
    if (item.told.some((kind) => toldBefore.has(kind))) return true;
  }
  return false;
}


const DEFINITION = /^[ \t>]{0,3}\[[^\]\r\n]{1,200}\]:[ \t]*\S[^\r\n]*$/;

/**
 * `end`, moved back over the HTML comments and link definitions a section's text ends with:
 * they are no part of what the writer said (a `<!-- star-notes-disable -->` before the next
 * story, `[1]: https://…`), so the words a section ends on are its last prose.
 */
function withoutTrailingAsides(text: string, start: number, end: number): number {
  for (;;) {
    const lineStart = Math.max(start, startOfLine(text, end));
    let cut: number | undefined;
    if (text.startsWith('-->', end - 3)) {
      // Within the section only: a search back through the whole text would be quadratic over many sections.
      const within = text.slice(start, end - 3).lastIndexOf('<!--');
      const open = within < 0 ? -1 : start + within;
      if (open >= start && !/\S/.test(text.slice(Math.max(start, startOfLine(text, open)), open))) cut = Math.max(start, startOfLine(text, open));
    } else if (DEFINITION.test(text.slice(lineStart, end))) cut = lineStart;
    if (cut === undefined) return end;
    end = trimEnd(text, start, cut);
  }
}

/** A section with the kinds its marker names; its story's framework may change them (`applyFramework`). */
function rawSection(text: string, marker: Marker, contentEnd: number, count: (text: string) => number): Section {
  const end = withoutTrailingAsides(text, marker.contentStart, trimEnd(text, marker.contentStart, Math.max(marker.contentStart, contentEnd)));
  const start = skipWhitespace(text, marker.contentStart, end);
  // Written out, not spread: this runs for every section of every version, and spreads copy slowly.
  return {
    kinds: marker.raw,
    name: '',
    label: marker.label,
    term: marker.term,
    letters: marker.letters,
    strong: marker.strong,
    style: marker.style,
    blockStart: marker.blockStart,
    markerRange: marker.markerRange,
    contentRange: [start, end],
    words: count(text.slice(start, end)),
  };
}

function buildStory(
  text: string,
  events: readonly MarkerEvent[],
  owner: HeadingInfo | undefined,
  part: Part,
  n: number,
  range: OffsetRange,
  options: GroupOptions,
): Story | undefined {
  const raw = part.markers.map((index) => rawSection(text, events[index].marker!, Math.min(sectionEnd(text, events, index), range[1]), options.count));
  // A question under a heading is that story's own; under no heading it names the story.
  const ownTitle = n === 0 && owner ? owner.text : part.question?.question;
  const title = ownTitle ?? (n === 0 ? DOCUMENT_STORY_TITLE : `${owner?.text ?? DOCUMENT_STORY_TITLE} (story ${n + 1})`);
  const anchor = n === 0 && owner ? owner.range : (part.question?.range ?? raw[0].markerRange);
  const heading = owner ? { text: owner.text, depth: owner.depth, range: owner.range } : undefined;
  return finishStory(raw, { title, heading, anchor, range }, options, ownTitle);
}

/** The story's framework, what its sections count as in it, and whether that is a story at all. */
function finishStory(sections: Section[], story: Omit<Story, 'sections' | 'framework'>, { frameworks, declared }: GroupOptions, tagSource = story.title): Story | undefined {
  const tagged = tagSource ? headingTag(tagSource) : undefined;
  const framework = chooseFramework(
    sections,
    frameworks,
    tagged ? { id: tagged, why: `its title says (${FRAMEWORKS[tagged].name})` } : declared ? { id: declared, why: `the front matter says framework: ${declared}` } : undefined,
  );
  applyFramework(sections, FRAMEWORKS[framework.id]);
  return isStory(sections) ? { ...story, sections, framework } : undefined;
}

/**
 * Whether a heading's sections are evidence enough of a story: two different STAR sections, one
 * of them named in an interview word, or three different ones in any words (Context, Goal,
 * Approach, Outcome is a story told in aliases). So an ADR's Context, a design doc's Context and
 * Goals, a retro's Actions or meeting notes' lone Result are not stories; extra sections alone
 * ("# Notes", "- Challenges: …") never are. A lone Situation is: a writer beginning a story.
 * A framework's word (a PAR Problem) is one piece of evidence, however many kinds it stands for.
 */
function isStory(sections: readonly Section[]): boolean {
  // A framework's word (Problem, Challenge) backs an interview word up, never stands in for one: Problem, Goals, Approach is a design doc.
  const backed = sections.some((section) => section.strong && !section.term);
  const evidence = new Map<string, boolean>();
  for (const section of sections) {
    const star = section.kinds.filter(isStarKind);
    if (star.length === 0 || (section.term && section.term !== 'context' && !backed)) continue;
    // A combined label is one piece of evidence: "Background and Goals" is one heading, not two.
    const key = section.term ?? star.join('+');
    evidence.set(key, (evidence.get(key) ?? false) || section.strong);
  }
  const strong = [...evidence.values()].some(Boolean);
  if (evidence.size >= 3 || (evidence.size >= 2 && strong)) return true;
  return evidence.size === 1 && sections.some((section) => section.strong && section.kinds.includes('situation'));
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
 * A section runs to the line of the next marker, of a thematic break or `Q:` line, or of a heading that closes
 * it: not into that line's quote marks or indentation, which belong to what follows.
 */
function sectionEnd(text: string, events: readonly MarkerEvent[], index: number): number {
  const section = events[index];
  const level = section.type === 'heading' ? section.info.level : Infinity;
  for (let j = index + 1; j < events.length; j++) {
    const next = events[j];
    const closes = next.type === 'heading' ? section.type === 'label' || next.info.level <= level : next.type === 'break' && next.ends;
    if (next.marker || closes) return startOfLine(text, next.start);
  }
  return text.length;
}
