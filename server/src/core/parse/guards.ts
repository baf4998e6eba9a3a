import type { Settings } from '../settings';
import { ASTERISK, BACKTICK, CR, DIGIT_0, DIGIT_9, DOT, FF, GT, HASH, HYPHEN, LEFT_BRACKET, LF, LT, NUL, PIPE, PLUS, RIGHT_BRACKET, RIGHT_PAREN, SPACE, TAB, TILDE, UNDERSCORE, commonPrefix, commonSuffix } from '../text';

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

/**
 * Why a document is not worth analysing (not a file, too large, not text, not notes), or
 * undefined to go ahead. `guard` remembers the last version's scan, so an edit rescans only
 * the lines around it.
 */
export function skipReason(text: string, settings: Pick<Settings, 'maxFileSize' | 'schemes'>, uri?: string, guard = new ParseGuard()): string | undefined {
  const scheme = uri === undefined ? undefined : /^([a-z][a-z\d+.-]*):/i.exec(uri)?.[1].toLowerCase();
  if (uri !== undefined && !settings.schemes.includes(scheme ?? '')) {
    return `skipped: ${scheme ? `the "${scheme}" scheme` : 'a URI without a scheme'} is not in starNotes.schemes (${settings.schemes.join(', ')})`;
  }
  // A UTF-16 unit is at most three UTF-8 bytes: only a text that may be too large is measured.
  const bytes = text.length * 3 > settings.maxFileSize ? Buffer.byteLength(text, 'utf8') : 0;
  if (bytes > settings.maxFileSize) {
    return `skipped: ${(bytes / 1024 / 1024).toFixed(1)} MB is over starNotes.maxFileSize (${(settings.maxFileSize / 1024 / 1024).toFixed(1)} MB)`;
  }
  if (looksBinary(text)) return 'skipped: the file looks binary, not text';
  return guard.tooHardToParse(text);
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

/** Where the line-by-line scan stands at the start of a line: all it knows of the lines before. */
interface ScanState {
  offset: number;
  line: number;
  /** The open fence's character and length, 0 outside fenced code. */
  fence: number;
  fenceLength: number;
  /** Marks since the paragraph began, as far as a line-by-line look can tell where one begins. */
  marks: number;
  paragraphLine: number;
}


/**
 * One linear pass over the lines for what makes the parser slow or overflow its stack: lists
 * and quotes nested too deep, or a paragraph (outside fenced code) with too many inline marks.
 * Nesting is over-estimated (two columns of indentation count as a level) so it is never missed.
 *
 * A document's guard keeps the scan's state every few lines of the last version that passed. The
 * next version resumes from the last state before the edit, and stops once, past the edit, it
 * stands where the last scan stood at the same text: from there on that scan passed.
 */
export class ParseGuard {
  #last?: { text: string; states: ScanState[] };
  readonly #every: number;

  /** `every`: lines between the states it keeps to resume from (a test makes it small). */
  constructor(every = 64) {
    this.#every = every;
  }

  tooHardToParse(text: string): string | undefined {
    const last = this.#last;
    this.#last = undefined;
    const states: ScanState[] = [];
    let from: ScanState = { offset: 0, line: 0, fence: 0, fenceLength: 0, marks: 0, paragraphLine: 0 };
    let resume: ((state: ScanState) => number) | undefined;
    if (last) {
      const before = commonPrefix(last.text, text);
      const after = commonSuffix(last.text, text, before);
      const delta = text.length - last.text.length;
      const kept = last.states.filter((state) => state.offset <= before);
      if (kept.length > 0) from = kept[kept.length - 1];
      states.push(...kept.slice(0, -1));
      const old = new Map(last.states.map((state, i) => [state.offset, i]));
      // Past the edit, the same state before the same text: the rest of the old scan holds, lines renumbered.
      resume = (state) => {
        if (state.offset < text.length - after) return -1;
        const i = old.get(state.offset - delta);
        const was = i === undefined ? undefined : last.states[i];
        const same = was && was.fence === state.fence && was.fenceLength === state.fenceLength && was.marks === state.marks && was.line - was.paragraphLine === state.line - state.paragraphLine;
        return same ? i! : -1;
      };
    }
    const result = scan(text, from, this.#every, states, resume);
    if (typeof result === 'string') return result;
    if (result !== undefined && last) {
      const lines = states[states.length - 1].line - last.states[result].line;
      const delta = text.length - last.text.length;
      for (const state of last.states.slice(result + 1)) states.push({ ...state, offset: state.offset + delta, line: state.line + lines, paragraphLine: state.paragraphLine + lines });
    }
    this.#last = { text, states };
    return undefined;
  }
}

/**
 * Scans from `from` to the end, keeping a state every `every` lines in `states`: the reason to
 * skip, or undefined, or the index of the old state `resume` matched, where it stopped.
 */
function scan(text: string, from: ScanState, every: number, states: ScanState[], resume?: (state: ScanState) => number): string | number | undefined {
  let { fence, fenceLength, marks, paragraphLine, line } = from;
  for (let start = from.offset; start < text.length; line++) {
    if (resume || line % every === 0) {
      const state = { offset: start, line, fence, fenceLength, marks, paragraphLine };
      const old = resume && start > from.offset ? resume(state) : -1;
      if (old >= 0 || line % every === 0 || start === from.offset) states.push(state);
      if (old >= 0) return old;
    }
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
