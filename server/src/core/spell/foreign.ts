import type { OffsetRange } from '../text';

/** A sentence this long, most of whose words no English dictionary knows, is in another language. */
const MIN_WORDS = 6;
const FOREIGN_SHARE = 0.6;
/** On the same line as such a sentence, one with fewer unknown words is in the same language ("fez" is a hat, "dar" an acronym). */
const NEIGHBOUR_SHARE = 0.3;
const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;
/** Sentences end at . ! ? followed by a space, and at the end of a line: a reminder to oneself is often a line of its own. */
const SENTENCE = /[^\n.!?]+(?:[.!?]+(?=\s|$))?/g;

/**
 * The stretches of a block of prose written in another language: "Lembrete pra mim: respira,
 * fala devagar" is twelve unknown words, not twelve typos. A known misspelling (recieve)
 * counts as English. `unknown` are the block's words no dictionary knows, offsets in `text`.
 */
export function foreignStretches(text: string, unknown: readonly { start: number; misspelling?: true }[]): OffsetRange[] {
  if (unknown.length < MIN_WORDS * FOREIGN_SHARE) return [];
  const sentences = [...text.matchAll(SENTENCE)].map((sentence) => {
    const start = sentence.index;
    const end = start + sentence[0].length;
    const words = sentence[0].match(WORD)?.length ?? 0;
    const strange = unknown.filter((word) => word.start >= start && word.start < end && !word.misspelling).length;
    const line = text.lastIndexOf('\n', start);
    return { start, end, line, share: words === 0 ? 0 : strange / words, long: words >= MIN_WORDS };
  });
  const foreignLines = new Set(sentences.filter((s) => s.long && s.share >= FOREIGN_SHARE).map((s) => s.line));
  return sentences.filter((s) => foreignLines.has(s.line) && s.share >= NEIGHBOUR_SHARE).map((s): OffsetRange => [s.start, s.end]);
}
