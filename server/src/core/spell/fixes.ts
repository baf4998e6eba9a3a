import type { Root } from 'mdast';
import type { OffsetEdit } from '../features/fixes';
import type { Finding } from '../findings';
import { lineBreakOf, type OffsetRange } from '../text';
import type { RepeatedWordData, SpellingData } from './check';
import { isObvious, type Suggestion } from './suggest';

/**
 * The comment runs to the first `-->` on its line. Bounded and without `>`, like the directives'
 * own pattern: a lazy list before `[ \t]*-->` would try every way to share a run of spaces.
 */
const IGNORE_COMMENT = /<!--[ \t]*cspell:ignore\b[^\r\n>]{0,1000}-->/i;

/**
 * Adds `word` to the document's `<!-- cspell:ignore … -->` comment, or writes one at the
 * top (below front matter), where Code Spell Checker reads it too.
 */
export function ignoreInFileEdit(text: string, root: Root, word: string): OffsetEdit {
  const existing = IGNORE_COMMENT.exec(text);
  if (existing) {
    const at = existing.index + existing[0].lastIndexOf('-->');
    const before = text.slice(existing.index, at);
    const end = before.trimEnd().length + existing.index;
    return { range: [end, at], text: ` ${word} ` };
  }
  const eol = lineBreakOf(text);
  const first = root.children[0];
  const frontMatter = first && (first.type === 'yaml' || (first.type as string) === 'toml') ? (first.position?.end.offset ?? 0) : undefined;
  if (frontMatter !== undefined) return { range: [frontMatter, frontMatter], text: `${eol}<!-- cspell:ignore ${word} -->` };
  return { range: [0, 0], text: `<!-- cspell:ignore ${word} -->${eol}` };
}

export function replaceEdit(range: readonly [number, number], word: string): OffsetEdit {
  return { range: [range[0], range[1]], text: word };
}

/**
 * The fixes that need no judgement: every repeated word removed, and every typo whose best
 * correction is clearly the one meant. `corrections[i]` are the suggestions for the i-th
 * `spelling` finding. In document order and never overlapping, so they apply as one edit:
 * the editor's "Fix all" and `star-notes fix` both apply these.
 */
export function obviousFixes(text: string, findings: readonly Finding[], corrections: readonly (readonly Suggestion[])[]): OffsetEdit[] {
  const typos = findings.filter((finding) => finding.code === 'spelling');
  const edits = [
    ...findings.filter((finding) => finding.code === 'repeated-word').map((finding): OffsetEdit => ({ range: (finding.data as RepeatedWordData).remove, text: '' })),
    ...typos.flatMap((finding, i) => (isObvious(corrections[i] ?? []) ? [correctionEdit(text, finding.range, corrections[i][0].word)] : [])),
  ];
  return edits.sort((a, b) => a.range[0] - b.range[0]).filter((edit, i, all) => i === 0 || edit.range[0] >= all[i - 1].range[1]);
}

/** The words of the `spelling` findings, in the order `obviousFixes` takes their corrections. */
export function typoWords(findings: readonly Finding[]): string[] {
  return findings.filter((finding) => finding.code === 'spelling').map((finding) => (finding.data as SpellingData).word);
}

/**
 * The typo corrected, or removed when its correction is the word beside it ("becuase because"):
 * correcting it would only make a repeated word, which a second "Fix all" would then remove.
 */
export function correctionEdit(text: string, [start, end]: OffsetRange, correction: string): OffsetEdit {
  const isSpace = (at: number) => text[at] === ' ' || text[at] === '\t';
  const same = (from: number) => text.slice(from, from + correction.length).toLowerCase() === correction.toLowerCase();
  let next = end;
  while (isSpace(next)) next++;
  if (next > end && same(next) && !/[\p{L}\p{N}]/u.test(text[next + correction.length] ?? '')) return { range: [start, next], text: '' };
  let previous = start;
  while (isSpace(previous - 1)) previous--;
  const word = previous - correction.length;
  if (previous < start && word >= 0 && same(word) && !/[\p{L}\p{N}]/u.test(text[word - 1] ?? '')) return { range: [previous, end], text: '' };
  return replaceEdit([start, end], correction);
}
