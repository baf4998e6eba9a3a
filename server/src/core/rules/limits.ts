import type { RuleMeta } from './rule';

/** The summary of findings over the caps; the capping itself is `core/limits.ts`, at the edge where findings are shown. */
export const limits: RuleMeta = {
  name: 'limits',
  codes: {
    'more-findings': {
      severity: 'information',
      description: 'more findings than `starNotes.maxProblems` (or 20 for one word) were found; this one, at the top of the file, counts the rest',
      explanation:
        'A note pasted from somewhere else can hold thousands of unknown words, or one word repeated a hundred thousand times. Showing them all would bury the real problems and slow the editor, so at most 20 findings per word and `starNotes.maxProblems` (1,000) per document are shown, STAR findings before spelling ones. `star-notes check` always reports every finding.',
      bad: 'the the the the (and so on, 200,000 times)',
      good: 'A note with fewer than 1,000 findings.',
    },
  },
  settings: ['maxProblems'],
};
