import type { RuleMeta } from './rule';

/** The spelling codes, declared like every other rule; the check itself is `spell/check.ts`, which needs the dictionaries. */
export const spelling: RuleMeta = {
  name: 'spelling',
  codes: {
    spelling: {
      severity: 'information',
      description: 'an unknown word in prose (never in code, links, URLs, paths, identifiers or acronyms)',
      explanation:
        'A word none of the dictionaries know: cspell\'s English (US or GB), software terms, companies and cloud services, plus a curated list of working-life words. Code, inline code, links, e-mail addresses, file names, `snake_case`, `camelCase` parts and acronyms are never checked. Words in `starNotes.spelling.words`, in a `cspell.json` or in a `<!-- cspell:ignore … -->` comment count as spelled right.',
      bad: 'I was responsable for the relase.',
      good: 'I was responsible for the release.',
      quickFix: 'replaces the word with one of the top five suggestions, adds it to the workspace or user words, or ignores it in this file; "Fix all obvious typos" applies only corrections well ahead of the runner-up',
    },
    'repeated-word': {
      severity: 'warning',
      description: 'the same word twice in a row ("the the")',
      explanation: 'A doubled word is almost always a slip made while rewriting a sentence. Line breaks between the two count; punctuation between them ("that, that") does not.',
      bad: 'We moved the the release to Friday.',
      good: 'We moved the release to Friday.',
      quickFix: 'removes the second word',
    },
  },
  settings: ['spelling.enabled', 'spelling.language', 'spelling.words', 'spelling.userWords', 'spelling.ignoreWords', 'spelling.dictionaries'],
};
