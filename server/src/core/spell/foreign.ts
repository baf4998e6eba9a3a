import type { OffsetRange } from '../text';

/** A sentence this long, most of whose words no English dictionary knows, is in another language. */
const MIN_WORDS = 6;
const FOREIGN_SHARE = 0.6;
/** On the same line as such a sentence, one with fewer unknown words is in the same language ("fez" is a hat, "dar" an acronym). */
const NEIGHBOUR_SHARE = 0.3;
const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;
/** Sentences end at . ! ? followed by a space, and at the end of a line: a reminder to oneself is often a line of its own. */
const SENTENCE = /[^\r\n.!?]+(?:[.!?]+(?=\s|$))?/g;

/**
 * The stretches of a block of prose written in another language, in order: "Lembrete pra mim:
 * respira, fala devagar" is twelve unknown words, not twelve typos. A known misspelling
 * (recieve) counts as English. `unknown` are the block's words no dictionary knows, in order,
 * offsets in `text`.
 */
export function foreignStretches(text: string, unknown: readonly { start: number; misspelling?: true }[]): OffsetRange[] {
  if (unknown.length < MIN_WORDS * FOREIGN_SHARE) return [];
  const sentences: { start: number; end: number; line: number; share: number; long: boolean }[] = [];
  let next = 0;
  let line = 0;
  // Lines are counted as the sentences pass them: each line break is found once.
  const breaks = /\r\n|\r|\n/g;
  let lineBreak = breaks.exec(text);
  for (const sentence of text.matchAll(SENTENCE)) {
    const start = sentence.index;
    const end = start + sentence[0].length;
    while (lineBreak && lineBreak.index < start) {
      line++;
      lineBreak = breaks.exec(text);
    }
    while (next < unknown.length && unknown[next].start < start) next++;
    let strange = 0;
    for (; next < unknown.length && unknown[next].start < end; next++) if (!unknown[next].misspelling) strange++;
    const words = sentence[0].match(WORD)?.length ?? 0;
    sentences.push({ start, end, line, share: words === 0 ? 0 : strange / words, long: words >= MIN_WORDS });
  }
  const foreignLines = new Set(sentences.filter((s) => s.long && s.share >= FOREIGN_SHARE).map((s) => s.line));
  return sentences.filter((s) => foreignLines.has(s.line) && s.share >= NEIGHBOUR_SHARE).map((s): OffsetRange => [s.start, s.end]);
}
