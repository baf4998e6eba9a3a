import type { Settings } from '../settings';
import { ASTERISK, BACKTICK, CR, DIGIT_0, DIGIT_9, DOT, FF, GT, HASH, HYPHEN, LEFT_BRACKET, LF, LT, NUL, PIPE, PLUS, RIGHT_BRACKET, RIGHT_PAREN, SPACE, TAB, TILDE, UNDERSCORE } from '../text';

/**
 * markdown-it's default limit. remark recurses once per level, so a paste nested thousands of
 * levels deep overflows the stack, and every line pays for every open level.
 */
export const MAX_NESTING = 100;

/**
 * Emphasis, link, code and HTML marks in one paragraph. micromark pairs them up in time that
 * grows with their square: a line of minified code with tens of thousands takes minutes.
 */
export const MAX_PARAGRAPH_MARKS = 2000;

/** Why a document is not worth analysing (not a file, too large, not text, not notes), or undefined to go ahead. */
export function skipReason(text: string, settings: Pick<Settings, 'maxFileSize' | 'schemes'>, uri?: string): string | undefined {
  const scheme = uri === undefined ? undefined : /^([a-z][a-z\d+.-]*):/i.exec(uri)?.[1].toLowerCase();
  if (uri !== undefined && !settings.schemes.includes(scheme ?? '')) {
    return `skipped: ${scheme ? `the "${scheme}" scheme` : 'a URI without a scheme'} is not in starNotes.schemes (${settings.schemes.join(', ')})`;
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > settings.maxFileSize) {
    return `skipped: ${(bytes / 1024 / 1024).toFixed(1)} MB is over starNotes.maxFileSize (${(settings.maxFileSize / 1024 / 1024).toFixed(1)} MB)`;
  }
  if (looksBinary(text)) return 'skipped: the file looks binary, not text';
  return tooHardToParse(text);
}

/** NUL bytes, or more than one in ten characters a control character, in the first 8 KB. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === NUL) return true;
    if (c < SPACE && c !== TAB && c !== LF && c !== CR && c !== FF) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.1;
}

/**
 * One linear pass over the lines for what makes the parser slow or overflow its stack: lists
 * and quotes nested too deep, or a paragraph (outside fenced code) with too many inline marks.
 * Nesting is over-estimated (two columns of indentation count as a level) so it is never missed.
 */
function tooHardToParse(text: string): string | undefined {
  let fence = 0;
  let fenceLength = 0;
  let line = 0;
  /** Marks since the paragraph began, as far as a line-by-line look can tell where one begins. */
  let marks = 0;
  let paragraphLine = 0;
  for (let start = 0; start < text.length; line++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;

    let i = start;
    let markers = 0;
    let indent = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === SPACE) indent++;
      else if (c === TAB) indent += 4;
      else if (c === GT) {
        markers++;
        if (text.charCodeAt(i + 1) === SPACE) i++;
      } else {
        const after = listMarkerEnd(text, i, end);
        if (after < 0) break;
        markers++;
        i = after;
        continue;
      }
      i++;
    }
    const nesting = markers === 0 ? 0 : markers + Math.floor(indent / 2);
    if (nesting > MAX_NESTING) return `skipped: lists or quotes nested about ${nesting} levels deep on line ${line + 1} (over ${MAX_NESTING})`;

    const c = text.charCodeAt(i);
    let run = 0;
    if (c === BACKTICK || c === TILDE) while (text.charCodeAt(i + run) === c) run++;
    if (fence === 0 && run >= 3) {
      fence = c;
      fenceLength = run;
      marks = 0;
    } else if (fence !== 0) {
      if (c === fence && run >= fenceLength) fence = 0;
    } else {
      if (i === end || markers > 0 || c === HASH || c === PIPE) {
        marks = 0;
        paragraphLine = i === end ? line + 1 : line;
      }
      for (let j = i; j < end; j++) if (isInlineMark(text.charCodeAt(j))) marks++;
      if (marks > MAX_PARAGRAPH_MARKS) {
        return `skipped: the paragraph on line ${paragraphLine + 1} has over ${MAX_PARAGRAPH_MARKS} emphasis, link and code marks (minified code?), too many to check in good time`;
      }
    }

    start = end < text.length && text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }
  return undefined;
}

/** Past a bullet or ordered-list number and the space after it, or -1 when `i` starts none. */
function listMarkerEnd(text: string, i: number, end: number): number {
  let j = i;
  const c = text.charCodeAt(j);
  if (c === ASTERISK || c === PLUS || c === HYPHEN) j++;
  else {
    while (j < end && j - i < 9 && text.charCodeAt(j) >= DIGIT_0 && text.charCodeAt(j) <= DIGIT_9) j++;
    if (j === i || (text.charCodeAt(j) !== DOT && text.charCodeAt(j) !== RIGHT_PAREN)) return -1;
    j++;
  }
  const next = text.charCodeAt(j);
  return next === SPACE || next === TAB ? j + 1 : -1;
}

/** `*` `_` `~` `[` `]` `<` `` ` ``: what micromark has to pair up inside a paragraph. */
function isInlineMark(c: number): boolean {
  return c === ASTERISK || c === UNDERSCORE || c === TILDE || c === LEFT_BRACKET || c === RIGHT_BRACKET || c === LT || c === BACKTICK;
}
