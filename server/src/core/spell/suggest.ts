/**
 * Orders corrections the way a reader would guess them: a noisy-channel score of how
 * likely the slip is (weighted edits: vowels, neighbouring keys, doubled letters and
 * dropped syllables are cheap; the first letter is rarely wrong) plus how common the
 * word is. cspell's own trie search proposes candidates too, but on the full English
 * trie it misses some one-edit words (peferred → preferred), so frequent words within
 * two edits are scored as well.
 */

export interface Candidate {
  word: string;
  /** cspell's edit cost, 100 per edit. */
  cost: number;
}

export interface Suggestion {
  word: string;
  score: number;
}

const COST = { substitute: 100, vowel: 65, nearKey: 70, indel: 90, doubled: 45, swap: 70, firstLetter: 40, droppedPair: 140, space: 140 };
/** Weight of log10(frequency rank) against edit cost. */
const PRIOR = 25;
/** Top suggestions this far ahead of the next are unambiguous. */
const OBVIOUS_MARGIN = 45;
const OBVIOUS_MAX_SCORE = 200;
const MAX_WORD = 40;

const VOWELS = new Set('aeiouy');
const KEY_POSITION = new Map<string, readonly [row: number, column: number]>();
['qwertyuiop', 'asdfghjkl', 'zxcvbnm'].forEach((row, r) => [...row].forEach((key, c) => KEY_POSITION.set(key, [r, c + r * 0.5])));

function nearKeys(a: string, b: string): boolean {
  const p = KEY_POSITION.get(a);
  const q = KEY_POSITION.get(b);
  return !!p && !!q && Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1;
}

function substituteCost(a: string, b: string): number {
  if (VOWELS.has(a) && VOWELS.has(b)) return COST.vowel;
  return nearKeys(a, b) ? COST.nearKey : COST.substitute;
}

/** Typing a letter twice, or once where it is doubled, is the cheapest slip. */
function indelCost(word: string, i: number): number {
  return word[i] === word[i - 1] || word[i] === word[i + 1] ? COST.doubled : COST.indel;
}

const table = new Float64Array((MAX_WORD + 1) * (MAX_WORD + 1));

/** Weighted Damerau–Levenshtein cost of typing `typed` for `word`; `limit + 1` once over `limit`. */
function editCost(typed: string, word: string, limit: number): number {
  const n = typed.length;
  const m = word.length;
  if (n > MAX_WORD || m > MAX_WORD) return limit + 1;
  const w = m + 1;
  const first = (i: number) => (i === 1 ? COST.firstLetter : 0);
  table[0] = 0;
  for (let i = 1; i <= n; i++) table[i * w] = table[(i - 1) * w] + indelCost(typed, i - 1) + first(i);
  for (let j = 1; j <= m; j++) table[j] = table[j - 1] + indelCost(word, j - 1) + first(j);
  for (let i = 1; i <= n; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= m; j++) {
      const a = typed[i - 1];
      const b = word[j - 1];
      let cost = a === b ? table[(i - 1) * w + j - 1] : table[(i - 1) * w + j - 1] + substituteCost(a, b) + (i === 1 && j === 1 ? COST.firstLetter : 0);
      cost = Math.min(cost, table[(i - 1) * w + j] + indelCost(typed, i - 1) + first(i), table[i * w + j - 1] + indelCost(word, j - 1) + first(j));
      if (i > 1 && j > 1 && a === word[j - 2] && typed[i - 2] === b) cost = Math.min(cost, table[(i - 2) * w + j - 2] + COST.swap);
      if (i > 1 && j > 2) cost = Math.min(cost, table[i * w + j - 2] + COST.droppedPair);
      table[i * w + j] = cost;
      if (cost < rowMin) rowMin = cost;
    }
    if (rowMin > limit) return limit + 1;
  }
  return table[n * w + m];
}

function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) mask |= 1 << c;
  }
  return mask;
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Common words by rank, grouped by length for the edit-distance scan. */
export class Lexicon {
  readonly #rank = new Map<string, number>();
  /** Words without a rank (names from the tech and company lists), as they are spelled. */
  readonly #spelling = new Map<string, string>();
  readonly #byLength = new Map<number, { word: string; mask: number }[]>();
  readonly size: number;

  /** `ranked` most common first; `unranked` are proposed too, as rare words. */
  constructor(ranked: Iterable<string>, unranked: Iterable<string> = []) {
    for (const word of ranked) {
      if (this.#rank.has(word)) continue;
      this.#rank.set(word, this.#rank.size + 1);
      this.#add(word);
    }
    this.size = this.#rank.size;
    for (const word of unranked) {
      const lower = word.toLowerCase();
      if (this.#rank.has(lower) || this.#spelling.has(lower)) continue;
      this.#spelling.set(lower, word);
      this.#add(lower);
    }
  }

  #add(word: string): void {
    let bucket = this.#byLength.get(word.length);
    if (!bucket) this.#byLength.set(word.length, (bucket = []));
    bucket.push({ word, mask: letterMask(word) });
  }

  /** How a lower-cased word is written: "kubernetes" → "Kubernetes". */
  spelled(word: string): string {
    return this.#spelling.get(word) ?? word;
  }

  /** A ranked word that can stand alone in a split: short ones only when very common ("ing" is not). */
  isWord(word: string): boolean {
    const rank = this.#rank.get(word);
    return rank !== undefined && (word.length > 3 || rank <= 2000);
  }

  /** log10 of the word's rank (of its rarest word); rarer than anything listed when it isn't. */
  rarity(words: string): number {
    return Math.max(...words.toLowerCase().split(' ').map((word) => Math.log10(this.#rank.get(word) ?? this.size * 3 + 1)));
  }

  *near(typed: string, edits: number): Iterable<string> {
    const mask = letterMask(typed);
    for (let length = typed.length - edits; length <= typed.length + edits; length++) {
      for (const entry of this.#byLength.get(length) ?? []) if (bitCount(entry.mask ^ mask) <= 2 * edits) yield entry.word;
    }
  }
}

/** Best first. `candidates` come from cspell; frequent words near `typed` are added. */
export function rankSuggestions(typed: string, candidates: readonly Candidate[], lexicon: Lexicon, limit = 5): Suggestion[] {
  const lower = typed.toLowerCase();
  const maxCost = lower.length <= 4 ? 120 : 230;
  const best = new Map<string, number>();
  const consider = (word: string, cost: number) => {
    if (cost > maxCost * 1.5 || word.toLowerCase() === lower) return;
    const score = cost + PRIOR * lexicon.rarity(word);
    const key = word.toLowerCase();
    const known = best.get(key);
    if (known === undefined || score < known) best.set(key, score);
  };
  const spelled = new Map<string, string>();
  for (const { word, cost } of candidates) {
    if (/\s/.test(word)) continue;
    spelled.set(word.toLowerCase(), spelled.get(word.toLowerCase()) ?? word);
    consider(word, Math.min(cost, editCost(lower, word.toLowerCase(), maxCost)));
  }
  for (let i = 3; i <= lower.length - 3; i++) {
    const [left, right] = [lower.slice(0, i), lower.slice(i)];
    if (lexicon.isWord(left) && lexicon.isWord(right)) consider(`${left} ${right}`, COST.space);
  }
  for (const word of lexicon.near(lower, lower.length <= 4 ? 1 : 2)) {
    const cost = editCost(lower, word, maxCost);
    if (cost <= maxCost) consider(word, cost);
  }
  return [...best]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([key, score]) => ({ word: matchCase(typed, spelled.get(key) ?? lexicon.spelled(key)), score }));
}

/** Where corrections are cached: a word's corrections differ by dialect ("colr" is colour in en-GB). */
export function suggestionKey(word: string, dialect: string): string {
  return `${dialect}\n${word}`;
}

/** A correction worth making without asking: close, and well ahead of the runner-up. */
export function isObvious(suggestions: readonly Suggestion[]): boolean {
  const [first, second] = suggestions;
  return !!first && first.score <= OBVIOUS_MAX_SCORE && (!second || second.score - first.score >= OBVIOUS_MARGIN);
}

/** Imporved → Improved, IMPORVED → IMPROVED; a dictionary's own capitals (Kubernetes) stay. */
export function matchCase(typed: string, word: string): string {
  if (word !== word.toLowerCase()) return word;
  if (typed.length > 1 && typed === typed.toUpperCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(typed)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
