import type { OffsetRange } from '../text';
import { allWords } from './tokens';

/** Doubled words that English uses on purpose ("had had", "that that", "bye bye"). */
const DELIBERATE = new Set(['had', 'that', 'is', 'bye', 'very', 'so', 'no', 'ha', 'ho', 'blah', 'bla', 'really', 'far', 'more', 'many', 'again', 'knock', 'yeah', 'tsk', 'chop', 'pooh', 'there', 'now', 'well', 'never', 'on']);

export interface RepeatedWord {
  word: string;
  /** The second occurrence. */
  range: OffsetRange;
  /** What to delete to fix it: the space before the second occurrence and the word. */
  remove: OffsetRange;
}

/** "the the", "to to": the same word twice with only spaces or a line break between. */
export function repeatedWords(text: string, start: number, original: string): RepeatedWord[] {
  const found: RepeatedWord[] = [];
  const words = allWords(text);
  for (let i = 1; i < words.length; i++) {
    const [previous, current] = [words[i - 1], words[i]];
    if (previous.form !== current.form || DELIBERATE.has(current.form) || /\p{N}/u.test(current.form)) continue;
    const between = original.slice(start + previous.end, start + current.start);
    if (!/^[ \t]*(?:(?:\r?\n|\r)[ \t]*)?$/.test(between) || between.length === 0) continue;
    found.push({ word: current.text, range: [start + current.start, start + current.end], remove: [start + previous.end, start + current.end] });
  }
  return found;
}
