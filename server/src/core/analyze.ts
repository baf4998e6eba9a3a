import type { Root, RootContent } from 'mdast';
import { Directives } from './directives';
import { BlockParser, finish, type Piece, type PlacedPiece } from './parse/pieces';
import { labelMatcher } from './model/labels';
import { assembleModel, buildModel, BuiltStories } from './model/stories';
import { markerEvents, shiftEvents, type MarkerEvent } from './model/events';
import { STAR_KINDS, type StarDocument, type Story } from './model/types';
import { LineIndex, commonPrefix, commonSuffix, countWords } from './text';
import { byPosition, type Finding } from './findings';
import { STORY_RULES, type RuleContext, type RuleFinding, type StoryRule } from './rules';
import type { Settings } from './settings';

/** A piece of the document that was parsed on its own; its nodes are in `doc.root` too. */
export interface AnalyzedBlock {
  start: number;
  text: string;
  children: readonly RootContent[];
}

export interface Analysis {
  doc: StarDocument;
  directives: Directives;
  /** STAR findings with the user's severities applied and disabled ones removed. */
  findings: Finding[];
  /**
   * The pieces the text was parsed in, in order. A piece whose text is unchanged from the last
   * version parsed the same, so work per piece (spelling) can be remembered by its text.
   */
  blocks: readonly AnalyzedBlock[];
}

/**
 * The analysis of one version, from the whole tree, with nothing remembered. It parses in pieces
 * all the same: remark's parse of a whole text takes time in the square of its setext headings
 * (micromark copies the event list of everything before each one), minutes for a 1 MB story bank.
 */
export function analyze(text: string, settings: Settings): Analysis {
  const { root, pieces } = new BlockParser().parse(text);
  const doc = buildModel(text, root, settings);
  const lines = new LineIndex(text);
  const directives = new Directives(text, root, lines);
  return { doc, directives, findings: directives.filter(starFindings(doc, settings, (story) => checkStory(story, { text, settings, lines }))), blocks: blocksOf(pieces) };
}

function blocksOf(pieces: readonly PlacedPiece[]): AnalyzedBlock[] {
  return pieces.map((placed) => ({ start: placed.offset, text: placed.piece.text, get children() { return placed.children; } }));
}

/**
 * False when `text` cannot hold a story, so a caller may skip parsing it: every story has a
 * marker whose label, ignoring case, spacing and a plural "s", is a STAR alias, or a section
 * letter. Only a character reference in a heading could spell one without the letters showing.
 */
export function mayHaveStories(text: string, aliases: Settings['aliases']): boolean {
  const labels = STAR_KINDS.flatMap((kind) => aliases[kind]);
  if (/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(text) || labels.some((label) => /[^\p{L}\s]/u.test(label))) return true;
  const words = labels.map((label) => label.trim().replace(/s$/i, '').split(/\s+/).join('[\\s\\u00a0]+'));
  return new RegExp(words.join('|'), 'i').test(text) || LETTER_LABEL.test(text) || LETTER_HEADING.test(text);
}

/** A section letter as a label, `S:`, `**T**:`, `A -`, `| R |`, `S/T`, or as a heading, `### S`: worth a parse. */
const LETTER_LABEL = /(?<![\p{L}\p{N}])(?:ST|[STARL])(?:\*\*|__|\*|_)?[ \t]?[:：|/)–—-]/u;
const LETTER_HEADING = /^#{1,6}[ \t]+\(?[STARL]\)?[ \t]*$/m;

function starFindings(doc: StarDocument, settings: Settings, check: (story: Story) => readonly RuleFinding[]): Finding[] {
  const findings: Finding[] = [];
  for (const story of doc.stories) {
    for (const finding of check(story)) {
      const severity = settings.severity[finding.code] ?? 'warning';
      if (severity !== 'off') findings.push({ ...finding, severity });
    }
  }
  return findings.sort(byPosition);
}

function checkStory(story: Story, context: RuleContext): RuleFinding[] {
  return activeRules(context.settings).flatMap((rule) => rule.check(story, context));
}

/** A rule whose every code is off is not run: hints a writer turned off cost nothing. */
const ACTIVE = new WeakMap<Settings, readonly StoryRule[]>();
function activeRules(settings: Settings): readonly StoryRule[] {
  let rules = ACTIVE.get(settings);
  if (!rules) ACTIVE.set(settings, (rules = STORY_RULES.filter((rule) => Object.keys(rule.codes).some((code) => settings.severity[code] !== 'off'))));
  return rules;
}

/**
 * `analyze` for one document across its versions: it parses in pieces and re-parses only the
 * pieces an edit touched (incremental.ts), keeps each piece's marker events, word counts per
 * section text, and rule findings per story, so a one-character edit re-checks one story.
 * Gives the same analysis as `analyze`.
 */
export class DocumentAnalyzer {
  readonly #parser = new BlockParser();
  readonly #events = new WeakMap<Piece, { aliases: Settings['aliases']; events: MarkerEvent[]; directives: boolean }>();
  #words = new Map<string, number>();
  #built = new BuiltStories();
  #last?: { text: string; settings: Settings; stories: readonly CheckedStory[] };

  analyze(text: string, settings: Settings): Analysis {
    return finish(this.steps(text, settings));
  }

  /** The same analysis, pausing after each piece it parses so a caller can let other work through. */
  *steps(text: string, settings: Settings): Generator<void, Analysis> {
    const { root, pieces } = yield* this.#parser.steps(text);
    const matcher = labelMatcher(settings.aliases);
    const events: MarkerEvent[] = [];
    const withDirectives: RootContent[] = [];
    for (const placed of pieces) {
      const { piece, offset } = placed;
      let known = this.#events.get(piece);
      if (!known || known.aliases !== settings.aliases) {
        const own: Root = { type: 'root', children: piece.ownChildren };
        known = { aliases: settings.aliases, events: markerEvents(piece.text, own, matcher), directives: piece.text.includes('star-notes-') };
        this.#events.set(piece, known);
        yield;
      }
      for (const event of shiftEvents(known.events, offset)) events.push(event);
      if (known.directives) withDirectives.push(...placed.children);
    }

    const words = new Map<string, number>();
    // Stories built with other settings' aliases are of no use: the events differ.
    if (this.#last?.settings !== settings) this.#built = new BuiltStories();
    const doc = assembleModel(
      text,
      root,
      events,
      settings.frameworks,
      (section) => {
        let count = this.#words.get(section) ?? words.get(section);
        if (count === undefined) count = countWords(section);
        words.set(section, count);
        return count;
      },
      this.#built,
    );
    this.#built.done();
    this.#words = words;

    const lines = new LineIndex(text);
    const context: RuleContext = { text, settings, lines };
    const directives = new Directives(text, { type: 'root', children: withDirectives }, lines);
    const checked = new Map<Story, CheckedStory>();
    const reuse = this.#last?.settings === settings ? reusable(this.#last, text) : () => undefined;
    for (const story of doc.stories) {
      const base = story.range[0];
      const line = lines.lineAt(base);
      let relative = reuse(story, line);
      if (!relative) {
        relative = checkStory(story, context).map((finding) => ({ ...finding, range: [finding.range[0] - base, finding.range[1] - base] as const }));
        yield;
      }
      checked.set(story, { story, line, relative });
    }
    const findings = directives.filter(
      starFindings(doc, settings, (story) => {
        const base = story.range[0];
        return checked.get(story)!.relative.map((finding) => ({ ...finding, range: [finding.range[0] + base, finding.range[1] + base] }));
      }),
    );
    this.#last = { text, settings, stories: [...checked.values()] };
    return { doc, directives, findings, blocks: blocksOf(pieces) };
  }
}

interface CheckedStory {
  story: Story;
  line: number;
  /** Rule findings with ranges relative to the story's start. */
  relative: readonly RuleFinding[];
}

/**
 * The findings of the last version's story that reads the same as `story`: what rules read is
 * the story's text, its shape relative to its start, and its first line (duplicate-section
 * names a line). Text outside the edit is unchanged, so only the shape needs comparing.
 * Rules' `data` holds no offsets, so only ranges move.
 */
function reusable(last: { text: string; stories: readonly CheckedStory[] }, text: string) {
  const before = commonPrefix(last.text, text);
  const after = commonSuffix(last.text, text, before);
  const delta = text.length - last.text.length;
  const byStart = new Map(last.stories.map((checked) => [checked.story.range[0], checked]));
  return (story: Story, line: number): readonly RuleFinding[] | undefined => {
    const [start, end] = story.range;
    const old = byStart.get(end <= before ? start : start >= text.length - after ? start - delta : -1);
    if (!old || old.line !== line || !sameShape(old.story, old.story.range[0], story, start)) return undefined;
    return old.relative;
  };
}

const OFFSET_KEYS = new Set(['range', 'anchor', 'markerRange', 'contentRange', 'blockStart', 'subtree']);

/** Deep equality of plain data, with offsets compared relative to each story's start; an offset it doesn't know is compared as is, which only costs a re-check. */
function sameShape(a: unknown, baseA: number, b: unknown, baseB: number, key = ''): boolean {
  if (OFFSET_KEYS.has(key)) {
    if (typeof a === 'number' && typeof b === 'number') return a - baseA === b - baseB;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => value - baseA === b[i] - baseB);
  }
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((value, i) => sameShape(value, baseA, b[i], baseB));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => sameShape((a as Record<string, unknown>)[k], baseA, (b as Record<string, unknown>)[k], baseB, k));
}
