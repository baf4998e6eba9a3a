/**
 * Pasted data is never prose: hashes, UUIDs, base64, keys and tokens have no words to check,
 * and the letters between their digits and slashes would only make junk findings. Each
 * whitespace-separated chunk is read once, character by character, so a megabyte of base64
 * in one paragraph costs a single scan and no dictionary look-up.
 */

/** A run of non-space characters and where it starts. */
export interface Chunk {
  start: number;
  text: string;
}

const CHUNK = /\S+/g;

/** Random text's share of unnatural neighbours is over half; camel-case names and hyphenated words stay near a fifth. */
const RANDOM_SHARE = 0.35;
/**
 * Random-looking chunks this long are data; down to SHORT_RANDOM_LENGTH when they have a
 * digit too (OpenSSL and DragonFlyBSD look random); shorter ones only beside data.
 */
const RANDOM_LENGTH = 16;
const SHORT_RANDOM_LENGTH = 12;
/** A chunk with a digit, or SHORT_RANDOM_LENGTH long, joins data beside it with this share: `Zm9v` does, `Web3-native` doesn't. */
const NEIGHBOUR_SHARE = 0.25;
/** Hex with no digit is data past the longest word written in a to f (defaced, effaced: 7). */
const HEX_WORD_LENGTH = 7;
/** A git short SHA. */
const HASH_LENGTH = 7;
/** Bytes of a hex dump (`00 1f ff ff`): this many in a row, letters and digits among them. */
const DUMP_LENGTH = 4;

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const DATA_URI = /^data:[a-z]+\/[\w.+-]+[;,]/i;
/** An AWS access key id: base32 capitals that may have no digit at all. */
const AWS_KEY = /^A(?:KIA|SIA|IDA|ROA|GPA|NPA)[A-Z2-7]{16}$/;
/** Keys that say what they are (Slack, OpenAI, GitLab, Google): the long numbers in some hide how random they are. */
const KEY_PREFIX = /^(?:xox[abpors]-|sk-|glpat-|AIza)/;
/** The alphabet of base64, base64url, hex, JWTs and API keys. */
const TOKEN = /^[\w+/=.-]+$/;

/**
 * What a chunk says about itself: data; data if its neighbours are (`near`); data in a hex
 * dump or beside data (`hex`: cafe, 00, ff, a short hash); or prose.
 */
type Kind = 'data' | 'near' | 'hex' | 'prose';

interface Shape {
  length: number;
  lower: boolean;
  upper: boolean;
  digit: boolean;
  /** Every character is a digit or one case of a to f. */
  hex: boolean;
  /** Neighbouring letters and digits, digit pairs left out (numbers are not random). */
  pairs: number;
  /** Pairs seldom seen in words: lower → upper, upper → upper beside small letters, letter ↔ digit. */
  unnatural: number;
}

const enum Class {
  Other,
  Lower,
  Upper,
  Digit,
}

function classOf(code: number): Class {
  if (code >= 97 && code <= 122) return Class.Lower;
  if (code >= 65 && code <= 90) return Class.Upper;
  if (code >= 48 && code <= 57) return Class.Digit;
  return Class.Other;
}

function shapeOf(core: string): Shape {
  let [lower, upper, digit, hexLower, hexUpper] = [false, false, false, true, true];
  let [pairs, lowerUpper, upperUpper, letterDigit] = [0, 0, 0, 0];
  let previous = Class.Other;
  for (let i = 0; i < core.length; i++) {
    const code = core.charCodeAt(i);
    const current = classOf(code);
    if (current === Class.Lower) {
      lower = true;
      hexUpper = false;
      if (code > 102) hexLower = false;
    } else if (current === Class.Upper) {
      upper = true;
      hexLower = false;
      if (code > 70) hexUpper = false;
    } else if (current === Class.Digit) {
      digit = true;
    } else {
      hexLower = hexUpper = false;
    }
    if (previous !== Class.Other && current !== Class.Other && !(previous === Class.Digit && current === Class.Digit)) {
      pairs++;
      if (previous === Class.Lower && current === Class.Upper) lowerUpper++;
      else if (previous === Class.Upper && current === Class.Upper) upperUpper++;
      else if ((previous === Class.Digit) !== (current === Class.Digit)) letterDigit++;
    }
    previous = current;
  }
  // Capitals in a row are an acronym or shouting unless the chunk has small letters too.
  const unnatural = letterDigit + (lower ? lowerUpper + upperUpper : 0);
  return { length: core.length, lower, upper, digit, hex: hexLower || hexUpper, pairs, unnatural };
}

/** The chunk without the quotes, brackets and sentence punctuation around it. */
function coreOf(chunk: string): string {
  let start = 0;
  let end = chunk.length;
  while (start < end && '([{<"\'`“‘'.includes(chunk[start])) start++;
  while (end > start && ')]}>"\'`”’.,;:!?'.includes(chunk[end - 1])) end--;
  return chunk.slice(start, end);
}

function kindOf(chunk: string): Kind {
  const core = coreOf(chunk);
  if (!TOKEN.test(core)) return DATA_URI.test(core) ? 'data' : 'prose';
  if (UUID.test(core) || AWS_KEY.test(core)) return 'data';
  const shape = shapeOf(core.startsWith('0x') ? core.slice(2) : core);
  if (shape.hex) {
    const letters = shape.lower || shape.upper;
    if (letters && (shape.digit ? shape.length >= HASH_LENGTH : shape.length > HEX_WORD_LENGTH)) return 'data';
    return shape.length >= 2 ? 'hex' : 'prose';
  }
  if (shape.unnatural === 0) return 'prose';
  const share = shape.unnatural / shape.pairs;
  if (shape.length >= RANDOM_LENGTH && (share >= RANDOM_SHARE || KEY_PREFIX.test(core))) return 'data';
  if (shape.length >= SHORT_RANDOM_LENGTH && shape.digit && share >= RANDOM_SHARE) return 'data';
  return share >= RANDOM_SHARE || ((shape.digit || shape.length >= SHORT_RANDOM_LENGTH) && share >= NEIGHBOUR_SHARE) ? 'near' : 'prose';
}

/** Chunks in a row that are data or look like it, with what they add up to. */
interface Run {
  chunks: Chunk[];
  data: boolean;
  hexOnly: boolean;
  digits: boolean;
  letters: boolean;
}

const emptyRun = (): Run => ({ chunks: [], data: false, hexOnly: true, digits: false, letters: false });

/** Data itself, or a hex dump. */
function isData(run: Run): boolean {
  return run.data || (run.hexOnly && run.digits && run.letters && run.chunks.length >= DUMP_LENGTH);
}

/**
 * The chunks of a text that may be prose. Data is left out alone or in a run: chunks that
 * only look like data beside it (the short last line of wrapped base64, a hash with no digit
 * in a list of hashes) go with it, and so does a hex dump. Short random-looking groups with
 * nothing longer beside them stay prose: a list of tech names (K8s, OpenGL, EC2) looks just as random.
 */
export function* proseChunks(text: string): Generator<Chunk> {
  let run = emptyRun();
  for (const match of text.matchAll(CHUNK)) {
    const chunk = { start: match.index ?? 0, text: match[0] };
    const kind = kindOf(chunk.text);
    if (kind === 'prose') {
      if (run.chunks.length > 0) {
        if (!isData(run)) yield* run.chunks;
        run = emptyRun();
      }
      yield chunk;
      continue;
    }
    run.chunks.push(chunk);
    if (kind === 'hex') {
      run.digits ||= /\d/.test(chunk.text);
      run.letters ||= /[a-f]/i.test(chunk.text);
    } else {
      run.hexOnly = false;
      if (kind === 'data') run.data = true;
    }
  }
  if (!isData(run)) yield* run.chunks;
}
