import { byPosition, type Finding, type Level } from './findings';
import { spelling } from './rules/spelling';

/** Findings shown for one unknown or repeated word, as cspell's `maxDuplicateProblems`: a word wrong 500 times is one mistake. */
export const PER_WORD = 20;

const SPELLING_CODES = new Set(Object.keys(spelling.codes));

/**
 * What a document's findings become on screen: at most `PER_WORD` per spelled word and
 * `maxProblems` in all, STAR findings kept before spelling ones, and one finding at the top
 * that counts the rest. A 38 MB publish of 200,000 `repeated-word`s helps nobody; the CLI, which
 * reports counts, is not capped.
 */
export function capFindings(findings: readonly Finding[], maxProblems: number, severity: Level): Finding[] {
  const perWord = new Map<string, number>();
  const star: Finding[] = [];
  const spelled: Finding[] = [];
  let hiddenSpelling = 0;
  for (const finding of [...findings].sort(byPosition)) {
    if (!SPELLING_CODES.has(finding.code)) {
      star.push(finding);
      continue;
    }
    const word = (finding.data as { word?: unknown } | undefined)?.word;
    const key = `${finding.code} ${typeof word === 'string' ? word.toLowerCase() : finding.message}`;
    const seen = (perWord.get(key) ?? 0) + 1;
    perWord.set(key, seen);
    if (seen <= PER_WORD) spelled.push(finding);
    else hiddenSpelling++;
  }
  const shownStar = star.slice(0, maxProblems);
  const shownSpelling = spelled.slice(0, Math.max(0, maxProblems - shownStar.length));
  const hiddenStar = star.length - shownStar.length;
  hiddenSpelling += spelled.length - shownSpelling.length;
  const shown = [...shownStar, ...shownSpelling].sort(byPosition);
  const hidden = hiddenStar + hiddenSpelling;
  if (hidden === 0 || severity === 'off') return shown;
  const noun = hidden === 1 ? 'finding' : 'findings';
  const what = hiddenStar === 0 ? `spelling ${noun}` : hiddenSpelling === 0 ? `STAR ${noun}` : `${noun} (${hiddenStar} STAR, ${hiddenSpelling} spelling)`;
  const message = `${hidden} more ${what} not shown: at most ${PER_WORD} per word and ${maxProblems} per document. Raise \`starNotes.maxProblems\` to see more; \`star-notes check\` counts them all.`;
  return [{ code: 'more-findings', range: [0, 0], message, severity }, ...shown];
}
