/** Offsets are UTF-16 code-unit indices into the document text, end exclusive. */
export type OffsetRange = readonly [start: number, end: number];

/** The same range `by` characters further on. */
export function shiftRange([start, end]: OffsetRange, by: number): [number, number] {
  return [start + by, end + by];
}

/** Line starts of a text, for turning offsets into line numbers in the pure core. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    // Most notes have no CR: then the native search finds the lines, many times faster than a loop.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === CR) {
        if (text.charCodeAt(i + 1) === LF) i++;
        this.#starts.push(i + 1);
      } else if (c === LF) {
        this.#starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** Zero-based line of an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line: number): number {
    return this.#starts[Math.max(0, Math.min(line, this.#starts.length - 1))];
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

/** Words a reader would count: HTML comments and markdown punctuation are not words. */
export function countWords(markdown: string): number {
  return stripComments(markdown).match(WORD)?.length ?? 0;
}

export function stripComments(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
}

/** Offset just past the last non-whitespace character of text[start, end). */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

export function trimStart(text: string, start: number, end: number): number {
  while (start < end && /[ \t]/.test(text[start])) start++;
  return start;
}

/** Offset of the first non-whitespace character in text[start, end), line breaks included. */
export function skipWhitespace(text: string, start: number, end: number): number {
  while (start < end && /\s/.test(text[start])) start++;
  return start;
}

export function endOfLine(text: string, offset: number): number {
  while (offset < text.length && text[offset] !== '\n' && text[offset] !== '\r') offset++;
  return offset;
}

export function startOfLine(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  // A byte-order mark is no part of the first line: what is inserted at its start goes after the mark.
  return start === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
}

/** `offset`, moved back one when it falls between the halves of a surrogate pair: a cut there would leave half an emoji. */
export function characterBoundary(text: string, offset: number): number {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff ? offset - 1 : offset;
}

/** The line break the document already uses, so edits don't mix CRLF and LF. */
export function lineBreakOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Character codes the line scanners compare with `charCodeAt`. */
export const NUL = 0x00;
export const TAB = 0x09;
export const LF = 0x0a;
export const FF = 0x0c;
export const CR = 0x0d;
export const SPACE = 0x20;
export const HASH = 0x23;
export const RIGHT_PAREN = 0x29;
export const ASTERISK = 0x2a;
export const PLUS = 0x2b;
export const HYPHEN = 0x2d;
export const DOT = 0x2e;
export const DIGIT_0 = 0x30;
export const DIGIT_9 = 0x39;
export const LT = 0x3c;
export const EQUALS = 0x3d;
export const GT = 0x3e;
export const LEFT_BRACKET = 0x5b;
export const RIGHT_BRACKET = 0x5d;
export const UNDERSCORE = 0x5f;
export const BACKTICK = 0x60;
export const PIPE = 0x7c;
export const TILDE = 0x7e;

/** Chunks compared natively before the character at which two texts part is looked for. */
const CHUNK = 4096;

/** Length of the common prefix of two texts: where an edit begins. */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Common suffix length, not reaching into a common prefix of length `prefix`. */
export function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i + CHUNK <= max && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
