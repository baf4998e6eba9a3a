import { promptText } from '../features/prompts';
import { FRAMEWORKS } from '../model/frameworks';
import { STAR_PROMPTS } from '../model/sections';
import type { Section } from '../model/types';
import { countWords, type OffsetRange } from '../text';
import { LOREM_WORDS, TEMPLATE_SENTENCES, TEMPLATE_STEMS } from './data/template-phrases';

/**
 * What a sentence of a template is: one of our prompts or a career guide's (`prompt`), only
 * bracketed instructions (`[Describe the situation]`, `<what you did>`), lorem ipsum, or a
 * placeholder (`XXX`, `TBD`, `…`).
 */
export type TemplateKind = 'prompt' | 'instruction' | 'lorem' | 'placeholder';

export interface TemplatePiece {
  kind: TemplateKind;
  range: OffsetRange;
  /** A prompt that asks ("What did you do?"): writers list such questions as follow-ups to prepare, too. */
  question: boolean;
  /** No sentence of the writer's comes before it in the text read: where a template puts its prompts. */
  leading: boolean;
}

export interface TemplateReading {
  /** The sentences that are template, in order. */
  pieces: TemplatePiece[];
  /** Words in every other sentence: the writer's own. */
  ownWords: number;
}

/** Nothing but template: there is something, and none of it is the writer's. */
export function isTemplateOnly(reading: TemplateReading): boolean {
  return reading.pieces.length > 0 && reading.ownWords === 0;
}

/**
 * The sentences of `text[range]` that are template, and how many words the rest has. The text is
 * read a sentence at a time (a line, a list item, a table cell, a sentence of a paragraph), and a
 * sentence counts only when the whole of it is template: brackets or a question inside the
 * writer's own sentence leave it the writer's.
 */
export function readTemplate(text: string, range: OffsetRange): TemplateReading {
  const pieces: TemplatePiece[] = [];
  let ownWords = 0;
  for (const sentence of sentencesOf(text, range)) {
    const kind = classify(sentence.text);
    if (kind) pieces.push({ kind, range: sentence.range, question: kind === 'prompt' && QUESTION.test(sentence.text), leading: ownWords === 0 });
    else ownWords += countWords(sentence.text);
  }
  return { pieces, ownWords };
}

const READINGS = new WeakMap<Section, TemplateReading>();

/**
 * `readTemplate` of a section's content, read once per section: several rules and every
 * story's progress ask. A section object is only ever reused for the same text (model/stories.ts).
 */
export function sectionReading(section: Section, text: string): TemplateReading {
  let reading = READINGS.get(section);
  if (!reading) READINGS.set(section, (reading = readTemplate(text, section.contentRange)));
  return reading;
}

/** Longer than any template sentence: a paragraph of pasted prose is not looked at further. */
const MAX_SENTENCE = 400;

function classify(sentence: string): TemplateKind | undefined {
  if (sentence.length > MAX_SENTENCE) return undefined;
  const plain = sentence.replace(MARKS, '');
  if (!/[\p{L}\p{N}]/u.test(plain)) return ELLIPSIS.test(plain) ? 'placeholder' : undefined;
  if (isPlaceholder(plain)) return 'placeholder';
  if (isInstructions(plain)) return 'instruction';
  const normal = normalise(plain);
  if (promptSentences().has(normal) || TEMPLATE_SENTENCES.some((pattern) => pattern.test(normal))) return 'prompt';
  if ((TRAILS_OFF.test(plain) || normal.includes('[]')) && TEMPLATE_STEMS.some((pattern) => pattern.test(normal))) return 'prompt';
  if (isLorem(normal)) return 'lorem';
  return undefined;
}

/** Emphasis, code and highlight marks: `*you*` reads as "you". */
const MARKS = /[*_`~]|==/g;
const ELLIPSIS = /\.\.\.|…/u;
const TRAILS_OFF = /(?:\.\.\.|…)[\s"'”’)]*$/u;
const QUESTION = /\?[*_`)\]"'”’\s]*$/u;

/** A word writers leave for later, alone or heading a note to self (`TODO: add the figures`). */
const PLACEHOLDER_WORD = /^(?:x{3,}|todo|tbd|tbc|fixme)[.?!]*$|^\?{3,}$|^(?:\.{3,}|…+)$/i;
const NOTE_TO_SELF = /^(?:TODO|TBD|TBC|FIXME|XXX)(?:[:–—-]|\s+-)/u;

function isPlaceholder(plain: string): boolean {
  if (NOTE_TO_SELF.test(plain.trimStart())) return true;
  const words = plain.split(/[\s,;:/!–—-]+/u).filter((word) => word.length > 0);
  return words.length > 0 && words.every((word) => PLACEHOLDER_WORD.test(word));
}

/** A bracketed or angle-bracketed run; which of them are instructions is for `isInstruction`. */
const BRACKETED = /\[[^[\]]*\]|<[^<>]*>/g;
/** What may stand between instructions: `[Your role] / [your team's goal]`, `<company> or <client>`. */
const BETWEEN = /^(?:[\s,;:./!?…–—-]|\bor\b|\band\b)*$/u;
/** HTML elements writers put in notes, whose tags are not instructions even with attributes: `<details open>`. */
const HTML_TAGS = new Set(['a', 'abbr', 'audio', 'b', 'blockquote', 'br', 'center', 'code', 'del', 'details', 'div', 'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 's', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'td', 'th', 'tr', 'u', 'ul', 'video']);

/**
 * `[Describe the situation]` or `<what you did>`, not markdown that uses brackets: a link
 * `[text](url)` or `[text][ref]`, a footnote `[^1]`, a wiki link `[[page]]`, a callout `[!note]`,
 * a checkbox `[ ]`/`[x]`, an autolink `<https://…>`, an HTML tag `<br>`, `<details open>`, `<span class="x">`.
 */
function isInstruction(group: string, after: string): boolean {
  const inner = group.slice(1, -1).trim();
  if (group[0] === '[') return !/^[\^![]/.test(inner) && !/^[([:]/.test(after) && (inner.match(/\p{L}/gu)?.length ?? 0) >= 2;
  return /^\p{L}/u.test(inner) && !/[=/:@"]/.test(inner) && !HTML_TAGS.has(inner.split(/\s/)[0].toLowerCase());
}

/** Only instructions in brackets, and what may stand between them. */
function isInstructions(plain: string): boolean {
  let found = false;
  let instructionsOnly = true;
  const rest = plain.replace(BRACKETED, (group: string, at: number) => {
    found = true;
    if (!isInstruction(group, plain.charAt(at + group.length))) instructionsOnly = false;
    return ' ';
  });
  return found && instructionsOnly && BETWEEN.test(rest);
}

/**
 * A sentence as the phrase lists are written: lower case, straight quotes, single spaces, the
 * bracketed instructions as `[]`, without the punctuation around it. The closing run is found from
 * its first character (the lookbehind), or a long run would be rescanned from each of its characters.
 */
function normalise(plain: string): string {
  return plain
    .replace(BRACKETED, (group: string, at: number) => (isInstruction(group, plain.charAt(at + group.length)) ? '[]' : group))
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'(–—-]+/u, '')
    .replace(/(?<![\s.?!…:;,"')–—-])[\s.?!…:;,"')–—-]+$/u, '');
}

/**
 * Mostly the filler's words: the passage as pasted, or cut short ("Lorem ipsum"), but not a sentence
 * of the writer's about it ("Lorem ipsum was still on the landing page at launch").
 */
export function isLorem(normal: string): boolean {
  const words = normal.match(/\p{L}+/gu) ?? [];
  return words.length >= 2 && words.filter((word) => LOREM_WORDS.has(word)).length >= 0.8 * words.length;
}

let prompts: ReadonlySet<string> | undefined;

/**
 * Every sentence of every prompt our snippets, fixes and completions write, and each prompt whole,
 * normalised: read from the frameworks' slots and STAR_PROMPTS, the prompts' one source.
 */
function promptSentences(): ReadonlySet<string> {
  if (prompts) return prompts;
  const all = new Set<string>();
  const written = [...Object.values(STAR_PROMPTS), ...Object.values(FRAMEWORKS).flatMap((framework) => framework.slots.map((slot) => slot.prompt))];
  for (const prompt of written.map(promptText)) {
    all.add(normalise(prompt.replace(MARKS, '')));
    for (const sentence of sentencesOf(prompt, [0, prompt.length])) all.add(normalise(sentence.text.replace(MARKS, '')));
  }
  return (prompts = all);
}

interface Sentence {
  range: OffsetRange;
  text: string;
}

/** Quotes, then a bullet (and a task box) or heading hashes: the markup a line's text starts after. */
const LINE_PREFIX = /[ \t>]*((?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|#{1,6}[ \t]+)?/y;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const STOP = /[.?!…]/u;
/** An answer written after a question on its line: `What would you do differently? → involve the hubs earlier`. */
const ANSWER_AFTER = /^\s*(?:→|->|=>|[-–—:])/u;
/** What may close a sentence after its stop: emphasis, a bracket, a quote. */
const CLOSER = /[*_`)\]"'”’]/u;

/**
 * The sentences of `text[range]`: a new one at each blank line, bullet, heading and table pipe, and
 * after a full stop, question mark or ellipsis followed by a space, unless inside brackets (an
 * instruction may have several sentences). Lines of one paragraph run on; HTML comments are not read.
 */
function sentencesOf(text: string, [start, end]: OffsetRange): Sentence[] {
  const body = text.slice(start, end).replace(COMMENT, (comment) => ' '.repeat(comment.length));
  const found: Sentence[] = [];
  let from = -1;
  let to = -1;
  let buffer = '';
  let square = 0;
  let angle = false;
  const flush = () => {
    if (from >= 0) found.push({ range: [start + from, start + to], text: buffer.trim() });
    from = -1;
    buffer = '';
    square = 0;
    angle = false;
  };
  let previousBlank = true;
  // Text that starts after a label (`**Task:** 3. …`) starts mid-line: what opens it is no bullet.
  const midLine = start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r';
  for (let lineStart = 0; lineStart < body.length; ) {
    let lineEnd = lineStart;
    while (lineEnd < body.length && body[lineEnd] !== '\n' && body[lineEnd] !== '\r') lineEnd++;
    let textStart = lineStart;
    let opensBlock = false;
    if (lineStart > 0 || !midLine) {
      LINE_PREFIX.lastIndex = lineStart;
      const prefix = LINE_PREFIX.exec(body)!;
      textStart = Math.min(lineStart + prefix[0].length, lineEnd);
      opensBlock = prefix[1] !== undefined;
    }
    if (previousBlank || opensBlock) flush();
    else if (from >= 0) buffer += ' ';
    for (let i = textStart; i < lineEnd; i++) {
      const c = body[i];
      if (c === '|') {
        flush();
        continue;
      }
      if (from < 0) {
        if (/\s/.test(c)) continue;
        from = i;
      }
      buffer += c;
      if (!/\s/.test(c)) to = i + 1;
      if (c === '[') square++;
      else if (c === ']') square = Math.max(0, square - 1);
      else if (c === '<' && /\p{L}/u.test(body.charAt(i + 1))) angle = true;
      else if (c === '>') angle = false;
      else if (square === 0 && !angle && STOP.test(c)) {
        let j = i + 1;
        while (j < lineEnd && STOP.test(body[j])) j++;
        while (j < lineEnd && CLOSER.test(body[j])) j++;
        if (j === lineEnd || (/\s/.test(body[j]) && !ANSWER_AFTER.test(body.slice(j, j + 4)))) {
          buffer += body.slice(i + 1, j);
          to = j;
          i = j - 1;
          flush();
        }
      }
    }
    previousBlank = !opensBlock && !/\S/.test(body.slice(textStart, lineEnd));
    lineStart = body[lineEnd] === '\r' && body[lineEnd + 1] === '\n' ? lineEnd + 2 : lineEnd + 1;
  }
  flush();
  return found;
}
