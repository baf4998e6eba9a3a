import { BACKTICK, CR, EQUALS, HASH, HYPHEN, LF, LT, SPACE, TAB, TILDE } from '../text';

/**
 * Where a document can be cut so that remark, parsing each piece alone, builds the same tree as
 * for the whole. An ATX heading at column 0 closes every list, block quote, paragraph and table
 * before it, so the line where one starts is such a place, unless a fenced code block, an HTML
 * block or front matter is still open there. So is any unindented line after a blank line that
 * starts no list item, quote, fence or HTML: it continues no list, quote, table or paragraph. Such a
 * line is a cut when it is a setext heading's first line (`Story\n=====`), and else now and then
 * (`softCut`), so that notes without headings (5,000 tables, a journal of paragraphs) are parsed and
 * edited in pieces too. So, now and then, is a bullet item at column 0 right after a one-line item
 * with the same bullet (`BULLET_ITEM`): the pieces then hold two lists that are one in the whole
 * text, and the parser joins them (pieces.ts), so a list of 50,000 items is no one piece. This scan tracks those cheaply
 * and may guess wrong (a fence inside a list item); the parser checks each cut (pieces.ts), so a
 * wrong guess costs a larger piece, never a different tree.
 */
export interface Cuts {
  /** Offsets of the lines where pieces may start, ascending, never 0. */
  offsets: number[];
  /** Zero-based line of each offset. */
  lines: number[];
  /** Zero-based line and start offset of the last line, for the end point of the root. */
  lastLine: number;
  lastLineStart: number;
}

export function findCuts(text: string): Cuts {
  const offsets: number[] = [];
  const lines: number[] = [];
  const crlf = text.includes('\r');
  const length = text.length;
  let line = 0;
  let start = 0;
  /** Open fence: its character and length; 0 when none. */
  let fenceChar = 0;
  let fenceLength = 0;
  /** Lines that start before this are inside front matter or an HTML comment. */
  let skipUntil = frontMatterEnd(text);

  let afterBlank = false;
  /** The bullet of the line before when it is an item of one line of prose (`SIMPLE_ITEM`); 0 when not. */
  let itemBullet = 0;
  /** How much of what could have been a cut was passed over since the last one (`softCut`). */
  let passed = 0;
  const cut = () => {
    offsets.push(start);
    lines.push(line);
    passed = 0;
  };
  while (start < length) {
    const next = nextLine(text, start, crlf);
    const blank = isBlank(text, start, next);
    if (start >= skipUntil) {
      const first = text.charCodeAt(start);
      if (fenceChar !== 0) {
        if (closesFence(text, start, next, fenceChar, fenceLength)) fenceChar = 0;
      } else if (afterBlank && start > 0 && !blank && TOP_LEVEL_START.test(text.slice(start, Math.min(next, start + 16)))) {
        if (isSetextUnderline(text, next, nextLine(text, next, crlf)) || softCut(text, start, next, (passed += BLOCK_WEIGHT))) cut();
      } else if (first === itemBullet && BULLET_ITEM.test(text.slice(start, Math.min(next, start + 16)))) {
        if (softCut(text, start, next, (passed += ITEM_WEIGHT))) cut();
      } else if (first === HASH) {
        if (start > 0 && isAtxHeading(text, start)) cut();
      } else if (first === SPACE || first === BACKTICK || first === TILDE || first === LT) {
        let i = start;
        while (i < start + 3 && text.charCodeAt(i) === SPACE) i++;
        const c = text.charCodeAt(i);
        if (c === BACKTICK || c === TILDE) {
          let run = 0;
          while (text.charCodeAt(i + run) === c) run++;
          if (run >= 3 && !(c === BACKTICK && text.slice(i + run, next).includes('`'))) {
            fenceChar = c;
            fenceLength = run;
          }
        } else if (c === LT && text.startsWith('<!--', i)) {
          const close = text.indexOf('-->', i + 4);
          skipUntil = close < 0 ? length : close + 3;
        }
      }
    }
    afterBlank = blank;
    itemBullet = start >= skipUntil && fenceChar === 0 && SIMPLE_ITEM.test(text.slice(start, next)) ? text.charCodeAt(start) : 0;
    start = next;
    if (isLineEnding(text.charCodeAt(start - 1))) line++;
  }
  return { offsets, lines, lastLine: line, lastLineStart: Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1 };
}

/**
 * An unindented line that starts no list item, quote, footnote, fence, HTML or ATX heading (fences,
 * HTML and headings go to their own branches of the scan): after a blank line, it starts a block of
 * the document itself, and closes what was open as the heading a piece is parsed with does. (A
 * container such as a footnote closes a list item's fence one line later.) Nor what a piece would
 * read differently at its start than the whole text there: a front matter fence (`---`, `+++`) or a
 * byte-order mark.
 */
const TOP_LEVEL_START = /^(?![ \t>`~<#\ufeff]|\[\^|[*+-](?:[ \t\r\n]|$)|---|\+\+\+|\d{1,9}[.)](?:[ \t\r\n]|$))/;

/**
 * A non-empty bullet item (no ordered item: `2.` after a paragraph continues it, `2)` after a `1.`
 * list starts another). Right after an item of one line of prose with the same bullet, it is the
 * same list's next item, and all that is open before it is that item's paragraph, which the heading
 * a piece is parsed with closes as it does: a fence, HTML or quote in an item ends a line later when
 * a container closes it.
 */
const BULLET_ITEM = /^[*+-][ \t]+\S/;
const SIMPLE_ITEM = /^[*+-][ \t]+[\p{L}\p{N}*_[("'][^\r\n]*(?:\r\n|\r|\n)$/u;

/**
 * About one in `SOFT_EVERY` candidate lines is a cut, once candidates weighing `SOFT_MIN` were
 * passed over since the last cut (pieces between headings are small already), and never more
 * than `SOFT_MAX`. A block after a blank line weighs as much as eight list items.
 */
const SOFT_EVERY = 8;
const SOFT_MIN = 32;
const SOFT_MAX = 256;
const BLOCK_WEIGHT = 8;
const ITEM_WEIGHT = 1;

/**
 * Whether a candidate line (a block after a blank line that is no heading, or a bullet item)
 * starts a piece. Chosen by the line's own first characters, not by its distance from the last
 * cut, as content-defined chunking does: typing in one piece moves no cut in the rest of the
 * document. Lines that all begin alike (a run of identical table headers) are cut by count instead.
 */
function softCut(text: string, start: number, end: number, passed: number): boolean {
  if (passed >= SOFT_MAX) return true;
  if (passed < SOFT_MIN) return false;
  // FNV-1a over the first 32 characters.
  let hash = 0x811c9dc5;
  for (let i = start; i < Math.min(end, start + 32); i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SOFT_EVERY === 0;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== LF && c !== CR) return false;
  }
  return true;
}

/** `===` or `---` (up to three spaces in, trailing spaces allowed): what makes the line above a heading. */
function isSetextUnderline(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < start + 3 && text.charCodeAt(i) === SPACE) i++;
  const c = text.charCodeAt(i);
  if (c !== EQUALS && c !== HYPHEN) return false;
  while (text.charCodeAt(i) === c) i++;
  for (; i < end; i++) {
    const rest = text.charCodeAt(i);
    if (rest !== SPACE && rest !== TAB && rest !== LF && rest !== CR) return false;
  }
  return true;
}

function isLineEnding(c: number): boolean {
  return c === LF || c === CR;
}

function nextLine(text: string, start: number, crlf: boolean): number {
  if (!crlf) {
    const lf = text.indexOf('\n', start);
    return lf < 0 ? text.length : lf + 1;
  }
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

/** `#` to `######`, then a space, a tab or the end of the line. */
function isAtxHeading(text: string, start: number): boolean {
  let i = start;
  while (i < start + 7 && text.charCodeAt(i) === HASH) i++;
  const hashes = i - start;
  if (hashes > 6) return false;
  const c = text.charCodeAt(i);
  return c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);
}

function closesFence(text: string, start: number, end: number, char: number, length: number): boolean {
  let i = start;
  while (i < start + 3 && text.charCodeAt(i) === SPACE) i++;
  let run = 0;
  while (text.charCodeAt(i + run) === char) run++;
  if (run < length) return false;
  for (let j = i + run; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c !== SPACE && c !== TAB && c !== LF && c !== CR) return false;
  }
  return true;
}

const FRONT_MATTER_OPEN = /^\uFEFF?(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/;

/**
 * Where YAML or TOML front matter ends (past its closing fence line), or 0 when there is none.
 * An opening fence that is never closed makes remark parse the rest of the document without
 * lists or block quotes, so then nothing may be cut at all.
 */
function frontMatterEnd(text: string): number {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return 0;
  const close = new RegExp(`(?:\\r\\n|\\r|\\n)${open[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r\\n|\\r|\\n|$)`).exec(text.slice(open[0].length - 1));
  return close ? open[0].length - 1 + close.index + close[0].length : text.length;
}
