import { byPosition, type Finding, type Level } from './findings';
import { spelling } from './rules/spelling';

/** Findings shown for one unknown or repeated word, as cspell's `maxDuplicateProblems`: a word wrong 500 times is one mistake. */
export const PER_WORD = 20;

const SPELLING_CODES = new Set(Object.keys(spelling.codes));

/** The order findings are kept in when there are too many: a hint never hides a typo or a warning. */
const RANK: Readonly<Record<Level, number>> = { error: 0, warning: 1, information: 2, hint: 3, off: 4 };

/**
 * What a document's findings become on screen: at most `PER_WORD` per spelled word and
 * `maxProblems` in all, the more severe kept first and, as severe, STAR findings before spelling
 * ones, and one finding at the top that counts the rest. A 38 MB publish of 200,000
 * `repeated-word`s helps nobody; the CLI, which reports counts, is not capped.
 */
export function capFindings(findings: readonly Finding[], maxProblems: number, severity: Level): Finding[] {
  const perWord = new Map<string, number>();
  const kept: { finding: Finding; spelling: boolean }[] = [];
  let hiddenSpelling = 0;
  for (const finding of [...findings].sort(byPosition)) {
    if (!SPELLING_CODES.has(finding.code)) {
      kept.push({ finding, spelling: false });
      continue;
    }
    const word = (finding.data as { word?: unknown } | undefined)?.word;
    const key = `${finding.code} ${typeof word === 'string' ? word.toLowerCase() : finding.message}`;
    const seen = (perWord.get(key) ?? 0) + 1;
    perWord.set(key, seen);
    if (seen <= PER_WORD) kept.push({ finding, spelling: true });
    else hiddenSpelling++;
  }
  const rank = ({ finding, spelling }: (typeof kept)[number]) => RANK[finding.severity] * 2 + (spelling ? 1 : 0);
  // A stable sort: within a rank, findings stay in document order.
  const chosen = kept.length > maxProblems ? [...kept].sort((a, b) => rank(a) - rank(b)).slice(0, maxProblems) : kept;
  const shownStar = chosen.filter((entry) => !entry.spelling).map((entry) => entry.finding);
  const shownSpelling = chosen.filter((entry) => entry.spelling).map((entry) => entry.finding);
  const hiddenStar = kept.filter((entry) => !entry.spelling).length - shownStar.length;
  hiddenSpelling += kept.filter((entry) => entry.spelling).length - shownSpelling.length;
  const shown = [...shownStar, ...shownSpelling].sort(byPosition);
  const hidden = hiddenStar + hiddenSpelling;
  if (hidden === 0 || severity === 'off') return shown;
  const noun = hidden === 1 ? 'finding' : 'findings';
  const what = hiddenStar === 0 ? `spelling ${noun}` : hiddenSpelling === 0 ? `STAR ${noun}` : `${noun} (${hiddenStar} STAR, ${hiddenSpelling} spelling)`;
  const message = `${hidden} more ${what} not shown: at most ${PER_WORD} per word and ${maxProblems} per document. Raise \`starNotes.maxProblems\` to see more; \`star-notes check\` counts them all.`;
  return [{ code: 'more-findings', range: [0, 0], message, severity }, ...shown];
}
