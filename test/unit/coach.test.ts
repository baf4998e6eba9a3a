import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentAnalyzer } from '../../server/src/core/analyze';
import { balance, balanceLine, spokenTime, storyStats } from '../../server/src/core/coach/stats';
import { explainSection, explainStory } from '../../server/src/core/features/explain';
import { resolveSettings } from '../../server/src/core/settings';
import { check, lines, settingsWith } from './helpers';

/** Findings of one code as `covered text: message`. */
function hints(code: string, text: string, raw: Record<string, unknown> = {}): { at: string; message: string }[] {
  return check(text, raw)
    .findings.filter((finding) => finding.code === code)
    .map((finding) => ({ at: text.slice(...finding.range), message: finding.message }));
}
const at = (code: string, text: string, raw: Record<string, unknown> = {}) => hints(code, text, raw).map((hint) => hint.at);

/** `n` words of plain filler prose, none of them vague, personal or a number. */
const words = (n: number, word = 'rota') => Array.from({ length: n }, () => word).join(' ');

describe('story stats', () => {
  const story = lines(
    '## Night cover',
    '- Situation: The ward ran two nurses short.',
    '- Task: Fill the gaps.',
    '- Action: I rang the bank staff and swapped my shifts.',
    '- Result: Every shift was covered.',
    '- Notes: ask Sam for the dates',
  );

  it('counts the words of every section but Notes, and their time at the pace given', () => {
    const stats = storyStats(check(story).doc.stories[0], 150);
    assert.equal(stats.words, 6 + 3 + 9 + 4);
    assert.equal(stats.seconds, Math.round((22 * 60) / 150));
    assert.deepEqual(stats.byKind, { situation: 6, task: 3, action: 9, result: 4 });
    assert.equal(Object.values(stats.shares).reduce((sum, share) => sum + share, 0), 1);
    assert.equal(storyStats(check(story).doc.stories[0], 60).seconds, 22);
  });

  it('shares a combined section out evenly, and names the balance as the framework does', () => {
    const combined = check(lines('## Outage', '- Situation/Task: the printers died on payroll day', '- Action: I ran the manual fallback all day', '- Result: 400 payslips went out on time')).doc.stories[0];
    const stats = storyStats(combined, 150);
    assert.equal(stats.byKind.situation, stats.byKind.task);
    assert.equal(balanceLine(balance(combined, stats)), 'Situation / Task 32% · Action 37% · Result 32%');
    const par = check(lines('## Checkout', '- Problem: checkout failed for three per cent of users', '- Action: I traced it to a timeout', '- Result: failures fell to 0.1%')).doc.stories[0];
    assert.equal(par.framework.id, 'par');
    assert.match(balanceLine(balance(par, storyStats(par, 150))), /^Problem \d+% · Action \d+% · Result \d+%$/);
  });

  it('writes spoken lengths as estimates', () => {
    assert.deepEqual([spokenTime(45), spokenTime(96), spokenTime(120), spokenTime(605), spokenTime(0)], ['~45s', '~1m36s', '~2m', '~10m05s', '~0s']);
  });
});

describe('team-voice', () => {
  const withAction = (action: string) => lines('## Winter pressures', '- Situation: Bed occupancy hit 104%.', '- Task: Keep the ward safe.', `- Action: ${action}`, '- Result: No falls for 6 weeks.');

  it('hints when the Action is told in "we", and gives both counts', () => {
    const [hint] = hints('team-voice', withAction('We split the bays, we moved the discharges earlier, our team ran the huddles and the team covered breaks.'));
    assert.equal(hint.at, 'Action:');
    assert.match(hint.message, /says "we", "our" or "the team" 4 times and "I", "my" or "me" never: say which steps were yours\.$/);
  });

  it('leaves a nurse who says "we" for the ward and "I" for her own part alone', () => {
    assert.deepEqual(at('team-voice', withAction('We were two down, so I took the sickest bay myself, I escalated to the site manager, we moved two patients and I ran the huddle.')), []);
  });

  it('does not fire on two or three mentions of the team', () => {
    assert.deepEqual(at('team-voice', withAction('We split the bays and we moved the discharges earlier with our matron.')), []);
  });

  it('does not count "US" or "i.e." as the team or the writer', () => {
    assert.deepEqual(at('team-voice', withAction('We shipped to US stores, US warehouses, US depots and US outlets, i.e. everywhere.')), []);
  });

  it('reads the Action of a CAR story too', () => {
    const car = lines('## Supplier outage', '- Context: our only flour supplier went bust before Christmas', '- Action: We rang round, we found two mills, we split the order and our team re-costed the menu.', '- Result: Not one service was cancelled.');
    assert.equal(check(car).doc.stories[0].framework.id, 'car');
    assert.deepEqual(at('team-voice', car), ['Action:']);
  });
});

describe('too-long and too-short', () => {
  const story = (actionWords: number) => lines('## The audit', '- Situation: The county audit was due in March.', '- Task: Get our records ready.', `- Action: I checked ${words(actionWords)}.`, '- Result: We passed with 2 minor notes.');

  it('hints on a story that takes over three minutes to tell, with its length and words', () => {
    const [hint] = hints('too-long', story(450));
    assert.equal(hint.at, '## The audit');
    assert.match(hint.message, /^Story 'The audit' takes ~3m0\ds to tell \(4\d\d words at 150 a minute\), over 3m: /);
    assert.deepEqual(at('too-long', story(400)), []);
  });

  it('follows the pace and the limit in the settings', () => {
    assert.deepEqual(at('too-long', story(100), { maxSpokenSeconds: 40, minSpokenSeconds: 10 }), ['## The audit']);
    assert.deepEqual(at('too-long', story(450), { wordsPerMinute: 200 }), []);
  });

  it('leaves too-short off until it is turned on, then hints on a short complete story', () => {
    const on = { severity: { 'too-short': 'hint' } };
    assert.deepEqual(at('too-short', story(3)), []);
    const [hint] = hints('too-short', story(3), on);
    assert.equal(hint.at, '## The audit');
    assert.match(hint.message, /takes ~\d+s to tell \(\d+ words at 150 a minute\), under 45s: /);
    assert.deepEqual(at('too-short', story(120), on), []);
  });

  it('gives too-short only to complete stories', () => {
    const on = { severity: { 'too-short': 'hint' } };
    assert.deepEqual(at('too-short', lines('## Half told', '- Situation: The audit was due.', '- Task: Get ready for it.', '- Action: I checked the files.'), on), []);
    assert.deepEqual(at('too-short', lines('## Half told', '- Situation: The audit was due.', '- Task: Get ready for it.', '- Action: I checked the files.', '- Result: TBD'), on), []);
  });
});

describe('unbalanced', () => {
  it('hints when the Situation and Task take more words than the Action, and gives the shares', () => {
    const text = lines('## Lapsed account', `- Situation: ${words(40)}.`, `- Task: ${words(10)}.`, `- Action: I ${words(29)}.`, `- Result: ${words(20)}.`);
    const [hint] = hints('unbalanced', text);
    assert.equal(hint.at, '## Lapsed account');
    assert.match(hint.message, /spends more words setting the scene than on the Action \(Situation 40% · Task 10% · Action 30% · Result 20%\)/);
  });

  it('hints when the Action is under a quarter of the story', () => {
    const text = lines('## Lapsed account', `- Situation: ${words(10)}.`, `- Task: ${words(10)}.`, `- Action: I ${words(21)}.`, `- Result: ${words(58)}.`);
    assert.match(hints('unbalanced', text)[0].message, /gives under a quarter of its words to the Action \(Situation 10% · Task 10% · Action 22% · Result 58%\)/);
  });

  it('leaves a story that gives the Action its due alone, and a story too short to weigh', () => {
    assert.deepEqual(at('unbalanced', lines('## Fine', `- Situation: ${words(15)}.`, `- Task: ${words(10)}.`, `- Action: I ${words(44)}.`, `- Result: ${words(30)}.`)), []);
    assert.deepEqual(at('unbalanced', lines('## Short', `- Situation: ${words(20)}.`, `- Task: ${words(10)}.`, '- Action: I rang them.', '- Result: Sorted in 2 days.')), []);
  });

  it('leaves a tie alone: as many words of scene as of Action is not more', () => {
    // 16 + 13 against 29 of 75: as shares, 0.2133… + 0.1733… comes out above 0.3866….
    assert.deepEqual(at('unbalanced', lines('## Tie', `- Situation: ${words(16)}.`, `- Task: ${words(13)}.`, `- Action: I ${words(28)}.`, `- Result: ${words(17)}.`)), []);
    assert.deepEqual(at('unbalanced', lines('## Tie', `- Situation/Task: ${words(29)}.`, `- Action: I ${words(28)}.`, `- Result: ${words(17)}.`)), []);
  });

  it('weighs a PAR Problem as the Situation and Task', () => {
    const text = lines('## Checkout (PAR)', `- Problem: ${words(50)}.`, `- Action: I ${words(29)}.`, `- Result: ${words(20)}.`);
    assert.match(hints('unbalanced', text)[0].message, /^PAR story 'Checkout \(PAR\)' spends more words setting the scene than on the Action \(Problem 50% · Action 30% · Result 20%\)/);
  });

  it('says nothing about balance when there is no Action: that is missing-action', () => {
    assert.deepEqual(at('unbalanced', lines('## No action', `- Situation: ${words(50)}.`, `- Task: ${words(30)}.`, `- Result: ${words(20)}.`)), []);
  });

  it('says nothing about balance while the Action is unwritten: that is empty-section or incomplete-section', () => {
    assert.deepEqual(at('unbalanced', lines('## Going digital', '### Situation', `${words(50)}.`, '### Task', `${words(20)}.`, '### Action', '', '### Result', `${words(20)}.`)), []);
    assert.deepEqual(at('unbalanced', lines('## Going digital', `- Situation: ${words(50)}.`, `- Task: ${words(20)}.`, '- Action: TBC', `- Result: ${words(20)}.`)), []);
  });
});

describe('vague-language', () => {
  const story = (action: string, result = 'Referrals went from 12 to 31 a month.') => lines('## Referrals', '- Situation: The clinic lost referrals.', '- Task: Win the surgeries back.', `- Action: ${action}`, `- Result: ${result}`);

  it('points at each hedge in the Action and the Result, with what to write instead', () => {
    const found = hints('vague-language', story('I helped with various outreach events, etc.', 'We successfully won them back.'));
    assert.deepEqual(found.map((hint) => hint.at), ['helped with', 'various', 'etc', 'successfully']);
    assert.equal(found[0].message, `"helped with" in the Action of story 'Referrals' is vague (1 of 3 in this Action): say which part was yours.`);
    assert.equal(found[3].message, `"successfully" in the Result of story 'Referrals' is vague: let the result show it.`);
  });

  it('matches across a line break and in any case', () => {
    assert.deepEqual(at('vague-language', story('I was\n  involved in the bid.\nBasically I wrote it.')), ['was\n  involved in', 'Basically']);
  });

  it('leaves the noun "kind of" alone, and the Situation, code spans and links', () => {
    assert.deepEqual(at('vague-language', story('I set up a new kind of rota and the same sort of huddle.')), []);
    assert.deepEqual(at('vague-language', story('I fixed `things.map()` and read [the notes](https://example.com/various-things).')), []);
    assert.deepEqual(at('vague-language', lines('## Referrals', '- Situation: Various things had gone wrong.', '- Task: Win the surgeries back.', '- Action: I ran six lunch talks.', '- Result: Referrals doubled.')), []);
  });

  it('adds the writer\'s own words from starNotes.vagueWords', () => {
    assert.deepEqual(at('vague-language', story('I leveraged our synergies with the surgeries.'), { vagueWords: ['leveraged', 'synergies'] }), ['leveraged', 'synergies']);
  });
});

describe('no-metric', () => {
  const withResult = (result: string) => lines('## Night cover', '- Situation: Two carers went off sick.', '- Task: Keep the rota safe.', '- Action: I rang round the bank staff.', `- Result: ${result}`);

  it('takes durations, counts and words of change as measures', () => {
    for (const result of ['every shift was filled within a week', 'the backlog was cleared overnight', 'complaints went from daily to rare', 'same-day discharges became the norm', 'bookings grew tenfold', 'waiting times => under an hour']) {
      assert.deepEqual(at('no-metric', withResult(result)), [], result);
    }
  });

  it('still hints on a Result with nothing measured, in a CAR story too', () => {
    assert.deepEqual(at('no-metric', withResult('the manifold problems of the rota were much improved')), ['Result:']);
    assert.deepEqual(at('no-metric', lines('## Outage', '- Context: the tills went down on a Saturday', '- Action: I opened a cash-only lane', '- Result: customers were really understanding about it')), ['Result:']);
  });
});

describe('the settings the hints read', () => {
  it('validates the pace, the limits and the vague words, falling back with a warning', () => {
    const { settings, warnings } = resolveSettings({ wordsPerMinute: 0, maxSpokenSeconds: 30, minSpokenSeconds: 60, vagueWords: ['synergy', '  ', 42] });
    assert.equal(settings.wordsPerMinute, 150);
    assert.deepEqual([settings.minSpokenSeconds, settings.maxSpokenSeconds], [45, 180]);
    assert.deepEqual(settings.vagueWords, []);
    assert.equal(warnings.length, 3);
    assert.deepEqual(resolveSettings({ vagueWords: [' synergy ', '---'] }).settings.vagueWords, ['synergy']);
    assert.deepEqual(resolveSettings({ wordsPerMinute: 120, maxSpokenSeconds: 150, minSpokenSeconds: 30 }).warnings, []);
  });
});

describe('hints are cached per story', () => {
  it('gives after an edit in one story what a fresh analysis gives', () => {
    const one = lines('## One', '- Situation: a b c', '- Task: d e f', '- Action: We did it, we said, we went, our call.', '- Result: it went well');
    const two = lines('## Two', `- Situation: ${words(40)}.`, '- Task: g h i', `- Action: I ${words(10)}.`, '- Result: 3 more');
    const raw = { severity: { 'too-short': 'hint' } };
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(lines(one, '', two), settingsWith(raw));
    const edited = lines(one, '', two.replace('g h i', 'g h i j k'));
    assert.deepEqual(analyzer.analyze(edited, settingsWith(raw)).findings, check(edited, raw).findings);
  });
});

describe('the hover', () => {
  const text = lines('## Night cover', '', '**Situation:** The ward ran two nurses short.', '', '**Action:** I rang the bank staff and swapped my shifts.', '', '**Task:** Fill the gaps.', '', '**Result:** Every shift was covered.');
  const doc = () => check(text).doc;

  it('on a section marker: its words, spoken time and share, and what a strong one holds', () => {
    const explanation = explainSection(doc(), text.indexOf('Action:'))!;
    assert.deepEqual(explanation.range, [text.indexOf('**Action:**'), text.indexOf('**Action:**') + '**Action:**'.length]);
    assert.match(explanation.markdown, /^\*\*Action\*\* · 9 words · ~4s · 41% of the story\n\nA strong Action: the steps \*you\* took/);
    assert.equal(explainSection(doc(), text.indexOf('bank')), undefined);
  });

  it('names a strong section as the framework does: a PAR Problem', () => {
    const par = lines('## Checkout', 'Problem: checkout failed', 'Action: I traced it', 'Result: fixed in a day');
    assert.match(explainSection(check(par).doc, par.indexOf('Problem'))!.markdown, /A strong Problem: what was wrong/);
  });

  it('on a story heading: the framework as before, plus the totals and the balance', () => {
    const { markdown } = explainStory(doc(), 3, settingsWith({ wordsPerMinute: 100 }))!;
    assert.match(markdown, /^\*\*STAR story\*\* \(Situation, Task, Action, Result\)/);
    assert.match(markdown, /\n22 words · ~13s to tell at 100 words a minute \(aim for under 3m\)\n/);
    assert.match(markdown, /\nBalance: Situation 27% · Task 14% · Action 41% · Result 18%\n/);
    assert.match(markdown, /STAR, because it uses the STAR words/);
  });
});
