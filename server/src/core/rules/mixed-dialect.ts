import type { RuleMeta } from './rule';

/** Declared like every other rule; the check is in `spell/check.ts`, as it needs the dictionaries to tell the dialects apart. */
export const mixedDialect: RuleMeta = {
  name: 'mixed-dialect',
  codes: {
    'mixed-dialect': {
      severity: 'hint',
      description: 'one word family spelled both the British and the American way in one note (organise and organized)',
      explanation:
        'Interview notes are read aloud and pasted into applications: one spelling throughout reads as care. STAR Notes keeps the spelling the note\'s dialect has when only one of the two is its own (in a British note, *color* goes), otherwise the one the note uses more. With `starNotes.spelling.language` set to `auto` (the default), the dialect is the one the note\'s own spellings show; the hover on a spelling finding says which it chose and why. British English spells both *licence* and *license*, *practice* and *practise* (noun and verb), so those are never reported.',
      bad: 'We organised the rota, then organized the handover.',
      good: 'We organised the rota, then organised the handover.',
      quickFix: 'respells every word of the family the other way, in one edit',
    },
  },
  settings: ['spelling.language'],
};
