import { proseChunks } from './data';
import { SHORT_TYPOS } from './short-typos';

/** A word in a text: `[start, end)` is the word as written, `form` what a dictionary is asked. */
export interface WordToken {
  start: number;
  end: number;
  text: string;
  form: string;
}

const WORD = /[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*/gu;

/** Addresses, paths, file and package names, handles, code: chunks that are not words at all. */
const NOT_WORDS: readonly RegExp[] = [
  /^[\p{Ps}"'<]*(?:[a-z][\w+.-]*:\/\/|www\.)/iu,
  /[^\s@]@[^\s@]+\.[^\s@]/,
  /^[\p{Ps}"'<]*(?:~|\.{1,2})?\/[^\s/]/u,
  /^[\p{Ps}"'<]*[a-z]:\\/iu,
  /\\\p{L}/u,
  /\/[^\s/]*\.[a-z\d]{1,6}\b/i,
  /[\p{L}\p{N}_]\.[\p{L}\p{N}_]/u,
  /^[\p{Ps}"']*[@#][\p{L}\p{N}_]/u,
  /[={}<>$^|~`]/,
];

/** Words with digits or underscores (p99, i18n, usw2, snake_case) and camelCase are identifiers. */
const IDENTIFIER = /[\p{N}_]|^\p{Ll}+\p{Lu}/u;
/** Letters of other scripts (面接, Привет): an English dictionary has nothing to say about them. */
const NOT_ENGLISH = /[^\p{Script=Latin}\p{M}'’]/u;
/** Acronyms: all capitals, up to five letters, maybe plural (QA, SDLC, APIs). */
const ACRONYM = /^\p{Lu}{1,5}s?$/u;
const POSSESSIVE = /['’]s$/iu;
/** Shorter words are checked only when they are a known slip (teh, adn). */
export const MIN_WORD_LENGTH = 4;

/** The words of a prose text worth a dictionary look-up; pasted data has none. */
export function wordsToCheck(text: string): WordToken[] {
  const words: WordToken[] = [];
  for (const chunk of proseChunks(text)) {
    if (NOT_WORDS.some((pattern) => pattern.test(chunk.text))) continue;
    for (const match of chunk.text.matchAll(WORD)) {
      const word = match[0];
      if (IDENTIFIER.test(word) || NOT_ENGLISH.test(word)) continue;
      const form = word.replace(POSSESSIVE, '').replace(/’/g, "'");
      if (ACRONYM.test(form) || ([...form].length < MIN_WORD_LENGTH && !SHORT_TYPOS.has(form.toLowerCase()))) continue;
      const start = chunk.start + (match.index ?? 0);
      words.push({ start, end: start + word.length, text: word, form });
    }
  }
  return words;
}

/** Every word outside pasted data, identifiers included, for rules that look at word sequences. */
export function allWords(text: string): WordToken[] {
  const words: WordToken[] = [];
  for (const chunk of proseChunks(text)) {
    for (const match of chunk.text.matchAll(WORD)) {
      const start = chunk.start + (match.index ?? 0);
      words.push({ start, end: start + match[0].length, text: match[0], form: match[0].toLowerCase() });
    }
  }
  return words;
}

/** PlanetScale → Planet, Scale; VTOrc → VT, Orc: the pieces of a word written in mixed case. */
export function caseParts(word: string): string[] | undefined {
  if (!/\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u.test(word)) return undefined;
  return word.match(/\p{Lu}?\p{Ll}+(?:'\p{Ll}+)*|\p{Lu}+(?!\p{Ll})/gu) ?? undefined;
}

export function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}
