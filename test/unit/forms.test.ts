import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainStory } from '../../server/src/core/features/explain';
import { markerCompletions } from '../../server/src/core/features/complete';
import { insertSectionEdit } from '../../server/src/core/features/fixes';
import { completeness, outline } from '../../server/src/core/features/outline';
import { emptySection } from '../../server/src/core/rules/empty-section';
import { missingSection } from '../../server/src/core/rules/missing-section';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { check, codes as allCodes, found as allFound, lines } from './helpers';

/** These notes are terse on purpose: a one-word section is no finding here unless a test asks for it. */
const terse = { minWords: 1 };
const codes = (text: string, raw: Record<string, unknown> = {}) => allCodes(text, { ...terse, ...raw });
const found = (text: string, raw: Record<string, unknown> = {}) => allFound(text, { ...terse, ...raw });

/** Each story as `title: framework sections`, sections by what they count as. */
const stories = (text: string, raw: Record<string, unknown> = {}) =>
  check(text, raw).doc.stories.map((story) => `${story.title}: ${story.framework.id} ${story.sections.map((section) => section.kinds.join('+')).join(' ')}`);

describe('outliner stories: a bullet whose nested bullets are its sections', () => {
  const page = lines(
    'tags:: interview',
    '- Pause instead of cancel',
    '\t- Situation: 40% of cancellations were people going on holiday.',
    '\t- Task: I owned the cancel flow end to end.',
    '\t- Action:',
    '\t\t- Ran 14 interviews with people who had cancelled.',
    '\t\t- Designed pause as the first option.',
    '\t- Result: Holiday cancellations dropped 31%.',
    '- Accessibility in the design system',
    '\t- Situation: A third of our colour tokens failed contrast.',
    '\t- Task: Nobody owned it, so I did.',
    '\t- Action: I audited every token and proposed a new ramp.',
    '- Coffee with Tobias',
    '\t- He liked the portfolio.',
  );

  it('reads each titled bullet of a page with no headings as a story of its own, titled by the bullet', () => {
    assert.deepEqual(stories(page), ['Pause instead of cancel: star situation task action result', 'Accessibility in the design system: star situation task action']);
    assert.deepEqual(found(page), ['missing-result: - Accessibility in the design system']);
  });

  it('ends a story’s last section with its bullet', () => {
    const story = check(page).doc.stories[1];
    const action = story.sections[2];
    assert.equal(page.slice(...action.contentRange), 'I audited every token and proposed a new ramp.');
  });

  it('reads Logseq block properties under a titled bullet as its sections', () => {
    const text = lines('- Address autocomplete', '  situation:: The lead wanted to ship without it.', '  action:: I showed him the Hotjar recordings.', '  result:: Errors went from 9% to 2%.');
    assert.deepEqual(stories(text), ['Address autocomplete: star situation action result']);
  });

  it('gives a heading’s first bullet story the heading’s title, as a question under a heading', () => {
    const text = lines('## Leadership', '- Mentoring Tom', '  - Situation: Tom joined mid-incident.', '  - Task: Get him on call in a month.', '  - Action: I paired with him daily.', '  - Result: He took his first shift in week 3.', '- Leading the migration', '  - Situation: Jenkins took 40 minutes.', '  - Task: I owned CI that quarter.', '  - Action: I moved us to Actions.', '  - Result: Builds take 6 minutes.');
    assert.deepEqual(stories(text), ['Leadership: star situation task action result', 'Leading the migration: star situation task action result']);
  });

  it('takes no bullet for a title once the story’s sections have begun outside one: it is a step or a phase of that story', () => {
    const nested = lines('## Led the migration', '- **Situation:** Two billing systems, one ledger.', '- **Task:** Move to one without downtime.', '- **Action:**', '  - Ran a spike first', '    - Result: proved dual writes viable', '  - Rolled out per region', '- **Result:** Zero downtime, 40% faster.');
    assert.deepEqual(stories(nested).map((story) => story.split(':')[0]), ['Led the migration']);
    const phases = lines('## Replatforming', '', 'Situation: The monolith took an hour to deploy.', '', 'Task: I led the move to services.', '', '- Phase 1', '  - Action: Split out billing.', '  - Result: Deploys of billing in 6 minutes.', '- Phase 2', '  - Action: Split out search.', '  - Result: Search deploys in 4 minutes.');
    assert.deepEqual(stories(phases).map((story) => story.split(':')[0]), ['Replatforming']);
  });

  it('makes no story of meeting-note bullets with a lone action item, nor a title of a section bullet with steps under it', () => {
    assert.deepEqual(stories(lines('- Team sync', '  - Action: Bob to update the runbook', '- Planning', '  - Decided on the Q3 scope')), []);
    assert.deepEqual(stories(lines('## Story', '- Situation: The build was slow.', '- Task: Fix it.', '- Action:', '  - Cached the layers.', '  - Split the tests.', '- Result: 40 to 8 minutes.')), ['Story: star situation task action result']);
  });
});

describe('other fields’ templates', () => {
  it('reads no story in a lab notebook entry, a SOAP note or a game’s turn, though some of their labels are STAR’s', () => {
    assert.deepEqual(stories(lines('### Mon 4 Mar – expression', '', 'Aim: 6 L of TB for two purifications.', 'Method: induced at OD600 0.6 with 0.3 mM IPTG.', 'Results: 38 g wet pellet in total.', 'Conclusion: normal yield.', 'Task: thaw two pellets tomorrow.', 'Task: order more IPTG.')), []);
    assert.deepEqual(stories(lines('### Round 1', '', 'Action: the priestess casts Hold Person.', 'Bonus Action: Spiritual Weapon on whoever is by the bell.', 'Reaction: Undertow if anyone misses her.')), []);
  });

  it('keeps a story that names more of STAR than of the template', () => {
    const text = lines('## Septic patient on a late shift', '', 'Situation: A 78-year-old on the ward spiked a temperature of 39.1.', 'Task: I was the F2 covering four wards.', 'Action: I started the sepsis six within the hour.', 'Assessment: likely urosepsis.', 'Plan: IV antibiotics and fluids, review at 10pm.', 'Result: Lactate fell from 4.1 to 1.8 by morning.');
    assert.deepEqual(stories(text), ['Septic patient on a late shift: star situation task action result']);
  });
});

describe('labels after an emoji, as Notion and Obsidian templates write them', () => {
  it('reads the label after the emoji in every marker form', () => {
    for (const [s, t, a, r] of [
      ['🧭 Situation: the ward was short', '🎯 Task: keep it safe', '🛠️ Action: I redeployed two nurses', '🏆 Result: no incidents that night'],
      ['🧭 **Situation:** the ward was short', '🎯 **Task:** keep it safe', '🛠️ **Action:** I redeployed two nurses', '🏆 **Result:** no incidents that night'],
      ['- 1️⃣ Situation: the ward was short', '- 2️⃣ Task: keep it safe', '- 3️⃣ Action: I redeployed two nurses', '- 4️⃣ Result: no incidents that night'],
    ]) {
      assert.deepEqual(stories(lines('## Night shift', '', s, '', t, '', a, '', r)), ['Night shift: star situation task action result'], s);
    }
    assert.deepEqual(stories(lines('## Night shift', '### 🧭 Situation', 'The ward was short.', '### 🎯 Task', 'Keep it safe.', '### 👩🏽‍⚕️ Action', 'I moved two nurses.', '### 🏆 Result', 'No incidents.')), [
      'Night shift: star situation task action result',
    ]);
  });

  it('reads the emoji inside the bold, after a heading’s number, and flags as emoji too', () => {
    assert.deepEqual(stories(lines('## Night shift', '', '**🧭 Situation:** the ward was short', '', '**🎯 Task:** keep it safe', '', '🇬🇧 Action: I redeployed two nurses', '', '🏆 Result: no incidents that night')), ['Night shift: star situation task action result']);
    assert.deepEqual(stories(lines('# Night shift', '## 1. 🧭 Situation', 'The ward was short.', '## 2. 🎯 Task', 'Keep it safe.', '## 3. 🛠️ Action', 'I moved two nurses.')), ['Night shift: star situation task action']);
  });

  it('writes a missing section without its neighbour’s emoji', () => {
    const text = lines('## Night shift', '', '- 🧭 Situation: the ward was short', '- 🎯 Task: keep it safe', '- 🛠️ Action: I redeployed two nurses');
    const { doc } = check(text);
    const edit = insertSectionEdit(doc, doc.stories[0], 'result')!;
    assert.equal(edit.text, '\n- Result:');
  });

  it('is no label when the words after the emoji are not one', () => {
    assert.deepEqual(stories(lines('## Weekly 1:1', '', '✅ Done: the rota for May', '', '🚧 Blocked: the budget sign-off', '', '📌 Next: hiring plan')), []);
  });
});

describe('abbreviated labels', () => {
  it('reads S:, T:, A:, R: in every marker form', () => {
    for (const [s, t, a, r] of [
      ['S: the ward was short', 'T: keep it safe', 'A: I redeployed two nurses', 'R: no incidents that night'],
      ['**S:** the ward was short', '**T:** keep it safe', '**A:** I redeployed two nurses', '**R:** no incidents that night'],
      ['**S**: the ward was short', '**T**: keep it safe', '**A**: I redeployed two nurses', '**R**: no incidents that night'],
      ['- S: the ward was short', '- T: keep it safe', '- A: I redeployed two nurses', '- R: no incidents that night'],
      ['S - the ward was short', 'T - keep it safe', 'A - I redeployed two nurses', 'R - no incidents that night'],
      ['S- the ward was short', 'T- keep it safe', 'A- I redeployed two nurses', 'R- no incidents that night'],
      ['S) the ward was short', 'T) keep it safe', 'A) I redeployed two nurses', 'R) no incidents that night'],
      ['S – Situation: the ward was short', 'T – Task: keep it safe', 'A – Action: I redeployed two nurses', 'R – Result: no incidents that night'],
    ]) {
      assert.deepEqual(stories(lines('## Night shift', '', s, t, a, r)), ['Night shift: star situation task action result'], s);
    }
    assert.deepEqual(stories(lines('## Night shift', '### S', 'The ward was short.', '### (T) Task', 'Keep it safe.', '### A', 'I moved two nurses.', '### R', 'No incidents.')), [
      'Night shift: star situation task action result',
    ]);
  });

  it('needs three different letters with text, or two in STAR order', () => {
    assert.deepEqual(codes(lines('## Audit', 'S: the audit was due', 'A: I ran it early', 'R: passed first time')), ['missing-task']);
    assert.deepEqual(codes(lines('## Audit', 'S: the audit was due', 'T: pass it first time')), ['missing-action', 'missing-result']);
    assert.deepEqual(stories(lines('## Audit', 'T: pass it first time', 'S: the audit was due')), []);
    assert.deepEqual(stories(lines('## Audit', 'S: the audit was due', 'T:', 'A:')), []);
    assert.deepEqual(stories(lines('## Audit', 'S: the audit was due', 'T: 10:30', 'A: done')), []);
  });

  it('leaves a lesson transcript, an address block, a match log and a practice list of Q and A alone', () => {
    assert.deepEqual(stories(lines('### Sun 22 Sept – Kirkburton', '- A: Shelley Lane (away), park on the road', '- T: 11:00 KO, meet 10:15', '- R: won 2-0', '- S: 3 subs, Ethan off injured')), []);
    assert.deepEqual(stories(lines('## Lesson', 'T: What is 7 × 8?', 'S: 56', 'T: How do you know?', 'S: I just know it.')), []);
    assert.deepEqual(stories(lines('## Mum', 'A: 12 High Street, Leeds', 'T: 0113 496 0000')), []);
    assert.deepEqual(stories(lines('## Practice', 'Q: Tell me about yourself.', 'A: I am a nurse of ten years.', '', 'Q: Why us?', '', 'A: Your stroke unit.', '', 'S: unrelated line')), []);
  });

  it('still reads a story told in letters after a bold question', () => {
    const text = lines('## Ownership', '', '**Q: Tell me about a time you owned a problem**', '', '**S:** builds broke daily', '**T:** fix CI', '**A:** I bisected the flaky tests', '**R:** green for 30 days');
    assert.deepEqual(stories(text), ['Ownership: star situation task action result']);
  });
});

describe('combined sections', () => {
  it('counts one marker for each section it names', () => {
    for (const label of ['Situation/Task', 'Situation & Task', 'Situation and Task', 'S/T', 'ST']) {
      assert.deepEqual(stories(lines('## Rota', `${label}: forty staff, a new rota by Friday`, 'Action: I ran three briefings', 'Result: all 40 signed off')), ['Rota: star situation+task action result'], label);
    }
    assert.deepEqual(stories(lines('## Rota', 'Situation: forty staff, a new rota', 'Task & Action: I briefed them all', 'Action/Result: everyone signed, 0 complaints')), [
      'Rota: star situation task+action action+result',
    ]);
  });

  it('shows a combined section once in the outline, and fixes and completions treat both sections as there', () => {
    const text = lines('## Rota', '**Situation / Task:** forty staff, a new rota by Friday', '**Result:** all 40 signed off', '');
    const analysis = check(text);
    const [story] = outline(analysis.doc, 'stories', DEFAULT_SETTINGS);
    assert.deepEqual(story.children.map((child) => child.name), ['Situation / Task', 'Result']);
    assert.equal(story.detail, 'S T · R');
    assert.deepEqual(codes(text), ['missing-action']);
    const offered = markerCompletions(analysis.doc, text.length, { aliases: {} as never });
    assert.deepEqual(offered.filter((item) => item.isMissing).map((item) => item.label), ['Action']);
    assert.deepEqual(found(lines('## Rota', 'Situation/Task: forty staff, a new rota', 'Task: again', 'Action: briefed', 'Result: signed')).filter((f) => f.startsWith('duplicate')), ['duplicate-section: Task:']);
  });
});

describe('frameworks', () => {
  it('reads Problem / Action / Result as a complete PAR story', () => {
    const text = lines('## Checkout', '**Problem:** checkout failed for 3% of users', '**Action:** I traced it to a timeout', '**Result:** failures fell to 0.1%');
    assert.deepEqual(stories(text), ['Checkout: par situation+task action result']);
    assert.deepEqual(codes(text), []);
    assert.equal(completeness(check(text).doc.stories[0], text, DEFAULT_SETTINGS), 'P A R');
  });

  it('reports the missing Result of a CAR story, in CAR words', () => {
    const text = lines('## Outage', '- Challenge: the label printers died on Black Friday', '- Action: I switched the depot to the manual fallback');
    assert.deepEqual(codes(text), ['missing-result']);
    const [story] = check(text).doc.stories;
    assert.equal(completeness(story, text, DEFAULT_SETTINGS), 'C A ·');
    assert.match(check(text).findings[0].message, /^CAR story 'Outage' has no Result/);
  });

  it('reads Context / Action / Result / Learning as a complete CAR-L story', () => {
    const text = lines('## Export', 'Context: a nightly export kept failing', 'Action: I added alerting and a retry', 'Result: zero missed exports in 4 months', 'Learning: ask who gets paged');
    assert.deepEqual(stories(text), ['Export: car-l situation+task action result learning']);
    assert.deepEqual(codes(text), []);
  });

  it('holds Situation / Action / Result to STAR, and a STAR story with Challenges stays STAR', () => {
    assert.deepEqual(codes(lines('## Audit', 'Situation: the audit was due', 'Action: I ran it early', 'Result: passed first time')), ['missing-task']);
    const text = lines('## Audit', 'Situation: due', 'Task: pass', 'Results: passed', 'Challenges: little time');
    assert.deepEqual(stories(text), ['Audit: star situation task result challenges']);
    assert.deepEqual(codes(text), ['missing-action']);
  });

  it('reads an Obstacle with no Task as SOAR, in SOAR order', () => {
    const text = lines('## Exercise', 'Situation: a brigade exercise', 'Action: I rerouted the convoy', 'Obstacle: the bridge was closed', 'Result: on time');
    assert.deepEqual(stories(text), ['Exercise: soar situation action task result']);
    assert.deepEqual(codes(text), ['out-of-order']);
    assert.match(check(text).findings[0].message, /SOAR order \(Situation, Obstacle, Action, Result\)/);
  });

  it('counts SAR only where the writer or the settings say so', () => {
    const sar = lines('Situation: the audit was due', 'Action: I ran it early', 'Result: passed first time');
    assert.deepEqual(codes(lines('## Audit (SAR)', sar)), []);
    assert.deepEqual(codes(lines('---', 'framework: sar', '---', '## Audit', sar)), []);
    assert.deepEqual(codes(lines('## Audit', sar), { frameworks: ['star', 'sar'] }), []);
    assert.deepEqual(codes(lines('## Audit', sar)), ['missing-task']);
  });

  it('insists on STAR when the setting says only star: a PAR story misses its Task', () => {
    const text = lines('## Checkout', 'Problem: checkout failed for 3% of users', 'Action: I traced it to a timeout', 'Result: failures fell to 0.1%');
    assert.deepEqual(codes(text, { frameworks: ['star'] }), ['missing-task']);
    assert.match(explainStory(check(text, { frameworks: ['star'] }).doc, 3)!.markdown, /PAR would fit .* but starNotes.frameworks leaves it out/);
  });

  it('inserts the section a framework names, and completes with its names', () => {
    const text = lines('## Outage', '', '- Context: the printers died', '- Action: manual fallback', '');
    const { doc } = check(text);
    const [fix] = missingSection.fixes!({ doc, story: doc.stories[0], code: 'missing-result', at: 0 });
    assert.equal(fix.edits[0].text, '\n- Result:');
    const fixed = check(lines('## Problems', '', '- Problem: slow builds', '- Result: 8 minutes', '')).doc;
    assert.deepEqual(markerCompletions(fixed, fixed.text.length, { aliases: {} as never }).filter((item) => item.isMissing).map((item) => item.label), ['Action']);
  });

  it('explains on the story heading which framework it chose and why', () => {
    const text = lines('## Checkout', 'Problem: checkout failed', 'Action: I traced it', 'Result: fixed in a day');
    const explanation = explainStory(check(text).doc, 4)!;
    assert.match(explanation.markdown, /\*\*PAR story\*\* \(Problem, Action, Result\)/);
    assert.match(explanation.markdown, /because it has a Problem and no Situation or Task/);
    assert.equal(explainStory(check(text).doc, text.length), undefined);
  });
});

describe('story boundaries inside one heading', () => {
  const two = lines(
    '## Conflict',
    '',
    '**Tell me about a time you disagreed with your manager**',
    '',
    '- Situation: rota changes',
    '- Task: keep cover safe',
    '- Action: I showed the data',
    '- Result: she changed it',
    '',
    '---',
    '',
    '**Tell me about a time you handled a complaint**',
    '',
    '- Situation: a parent shouted at reception',
    '- Action: I took her to a quiet room',
    '- Result: the complaint was closed',
  );

  it('starts a new story at a question or break when the sections begin again, titled by the question', () => {
    assert.deepEqual(stories(two), ['Conflict: star situation task action result', 'Tell me about a time you handled a complaint: star situation action result']);
    assert.deepEqual(found(two), ['missing-task: **Tell me about a time you handled a complaint**']);
  });

  it('does not split at a break between an Action and its Result, nor at a question under the heading', () => {
    const text = lines('## Conflict', '', '**Q: Tell me about a disagreement**', '', 'Situation: rota', 'Task: cover', 'Action: data', '', '---', '', 'Result: she changed it, cover up 20%');
    assert.deepEqual(stories(text), ['Conflict: star situation task action result']);
    assert.deepEqual(codes(text), []);
  });

  it('lists both stories in the outline, the second under the heading in the heading tree', () => {
    const { doc } = check(two);
    assert.deepEqual(outline(doc, 'stories', DEFAULT_SETTINGS).map((node) => node.name), ['Conflict', 'Tell me about a time you handled a complaint']);
    const [heading] = outline(doc, 'headings', DEFAULT_SETTINGS);
    assert.equal(heading.name, 'Conflict');
    assert.deepEqual(heading.children.filter((child) => child.kind === 'story').map((child) => child.name), ['Tell me about a time you handled a complaint']);
  });

  it('ends a section at a thematic break: what follows is not its text', () => {
    const text = lines('## Audit', 'Situation: the audit was due', 'Task: pass it', 'Action: ran it early', 'Result: passed first time, with', '', '---', '', 'Meeting notes: nothing else.');
    assert.deepEqual(found(text), ['incomplete-section: Result: passed first time, with']);
  });
});

describe('story tables', () => {
  const table = lines(
    '## Story bank',
    '',
    '| Story | Situation | Task | Action | Result |',
    '|---|---|---|---|---|',
    '| Cardiac arrest | Cat 1 call to a gym | Lead the resus on scene | Allocated roles, two shocks | ROSC after 14 minutes, home in 9 days |',
    '| Drunk patient | Friday night, head injury | Keep the crew safe |  | Police attended and he was conveyed |',
    '| Falls | Man on the floor at home | Decide ED or home | Full falls assessment | Avoided conveyance |',
  );

  it('reads one story per row, titled by its first column that names no section', () => {
    assert.deepEqual(stories(table).map((story) => story.split(':')[0]), ['Cardiac arrest', 'Drunk patient', 'Falls']);
    assert.deepEqual(found(table, { minWords: 3 }), ['empty-section:   ', 'incomplete-section:  Avoided conveyance']);
  });

  it('titles rows "row N" when every other column is a number, and reads letters in the header', () => {
    const text = lines('| # | S | T | A | R |', '|---|---|---|---|---|', '| 1 | Fraud rules with 60% false positives | Cut them | Shipped a model | FPs down to 22% |', '| 2 | A churn model that looked great | Ship it to the team | Shipped it without checks | |');
    assert.deepEqual(stories(text).map((story) => story.split(':')[0]), ['row 1', 'row 2']);
    assert.deepEqual(codes(text), ['empty-section']);
  });

  it('reads a table whose first column names the sections as one story', () => {
    const text = lines('## Major incident', '', '| Section | Notes |', '|---|---|', '| Situation | RTC on the A38, 11 casualties |', '| Task | Incident commander until a manager came |', '| Action | METHANE report, triage sieve |', '| Result |  |');
    assert.deepEqual(stories(text), ['Major incident: star situation task action result']);
    assert.deepEqual(codes(text), ['empty-section']);
  });

  it('leaves an action tracker and an experiment log alone', () => {
    assert.deepEqual(stories(lines('| Action | Owner | Due |', '|---|---|---|', '| Book room | Sam | Fri |')), []);
    assert.deepEqual(stories(lines('| Experiment | Approach | AUC | Result |', '|---|---|---|---|', '| v2 | GBM | 0.91 | better |')), []);
  });

  it('outlines table stories, and the fix for an empty cell fills that cell with a prompt to type over', () => {
    const { doc } = check(table);
    assert.deepEqual(outline(doc, 'stories', DEFAULT_SETTINGS).map((node) => [node.name, node.children.length]), [['Cardiac arrest', 4], ['Drunk patient', 4], ['Falls', 4]]);
    const story = doc.stories[1];
    const empty = story.sections.find((section) => section.words === 0)!;
    const [fix] = emptySection.fixes!({ doc, story, code: 'empty-section', at: empty.markerRange[0] });
    assert.deepEqual(fix.edits[0].range, empty.markerRange);
    assert.match(fix.edits[0].snippet!, /^ \$\{1:What did \*you\* do\?/);
    assert.deepEqual(missingSection.fixes!({ doc, story: { ...story, sections: story.sections.slice(0, 2) }, code: 'missing-action', at: 0 }), []);
  });
});

describe('metadata lines before a story', () => {
  it('reads an everyday alias among metadata as metadata when the story names that section again', () => {
    const text = lines('## Hospital queue', '', '**Question This Answers:** Tell me about a time you improved a process', '**Competency:** Delivery', '**Context:** Hospital queue project', '', '**Situation:** Outpatients waited 40 minutes on average.', '', '**Task:** Cut it to 15.', '', '**Action:** I mapped the flow and moved triage forward.', '', '**Result:** Waits fell to 12 minutes.');
    assert.deepEqual(stories(text), ['Hospital queue: star situation task action result']);
    assert.deepEqual(codes(text, { minWords: 3 }), []);
  });

  it('keeps an alias among metadata as the section when nothing else names it: a CAR story in bold labels', () => {
    const text = lines('## Carrier costs', '', '**Company:** Northwind', '**Context:** Shipping costs jumped 18% in a month.', '**Action:** I rebuilt the packaging rules for the top 40 products.', '**Result:** Costs fell back within six weeks.');
    assert.deepEqual(stories(text), ['Carrier costs: car situation+task action result']);
    assert.deepEqual(codes(text), []);
  });
});

describe('where a section ends', () => {
  it('reads the last prose of a section, not the comment or link definitions after it', () => {
    const text = lines('## Audit', 'Situation: the audit was due in a week', 'Task: pass it first time', 'Action: ran it early with [the checklist][1],', 'which the auditors liked', '', '[1]: https://example.com/checklist/', '', '<!-- star-notes-disable-next-line missing-result -->', '', 'Result: passed first time, no findings');
    assert.deepEqual(found(text, { minWords: 3 }), []);
    const [story] = check(text).doc.stories;
    assert.equal(text.slice(...story.sections[2].contentRange), 'ran it early with [the checklist][1],\nwhich the auditors liked');
  });

  it('still reads a comment in the middle of a section as part of it', () => {
    const text = lines('## Audit', 'Situation: the audit was due in a week', '<!-- ask Sam for the date -->', 'and nobody had started,');
    assert.deepEqual(found(text, { minWords: 3 }).filter((f) => f.startsWith('incomplete')), ['incomplete-section: and nobody had started,']);
  });
});

describe('what the review found', () => {
  it('splits a STAR story from a PAR story after a question, and moves no section across a break', () => {
    const text = lines('## Interview prep', '', '**Tell me about a conflict**', '', '- Situation: Two teams fought over the API.', '- Task: I had to settle it this week.', '- Action: I ran a joint design review.', '- Result: Both teams signed off in 3 days.', '', '**Tell me about a hard problem**', '', '- Problem: Our checkout failed for 5% of users.', '- Action: I traced it to a race in the cart.', '- Result: Failures dropped to 0.1%.');
    assert.deepEqual(stories(text), ['Interview prep: star situation task action result', 'Tell me about a hard problem: par situation+task action result']);
    assert.deepEqual(codes(text), []);
    const later = lines('## Prep', 'Situation: two teams fought over it', 'Task: settle it this week', '', '---', '', 'Result: shipped in 3 days', 'Situation: a new starter struggled', 'Action: I paired with her');
    assert.deepEqual(stories(later), ['Prep: star situation task', 'Prep (story 2): star result situation action']);
  });

  it('leaves design docs, runbook-like and OKR tables, and speakers taking turns alone', () => {
    assert.deepEqual(stories(lines('# Design: caching layer', '## Problem', 'Our API is slow under load.', '## Goals', 'Halve p99 latency.', '## Approach', 'A read-through cache.')), []);
    assert.deepEqual(stories(lines('# Design', '## Background and Goals', 'Slow API, halve latency.', '## Approach', 'A cache.')), []);
    assert.deepEqual(stories(lines('| Objective | Approach | Outcome |', '|---|---|---|', '| Grow NPS by ten points | Interview churned users | NPS up from 31 to 44 |')), []);
    assert.deepEqual(stories(lines('| Name | S | T | A |', '|---|---|---|---|', '| Sam | 3 | 4 | 2 |')), []);
    assert.deepEqual(stories(lines('# Lesson transcript', '', 'S: Miss, I did not understand the homework.', 'T: Which part of it was hard for you?')), []);
    assert.deepEqual(stories(lines('# Chat', 'S: Hello, how can I help you today', 'T: My order never arrived at all', 'S: Let me check that for you now', 'T: Thanks, it was order 4411')), []);
  });

  it('reads a vertical table whose header row is a section, picks PAR over Context, and reads front matter after a BOM', () => {
    assert.deepEqual(stories(lines('| Situation | Two billing systems ran in parallel. |', '|---|---|', '| Task | Retire the legacy one in two quarters. |', '| Action | I mapped every plan to the new system. |', '| Result | Migrated 1,200 accounts in 5 months. |')), ['table: star situation task action result']);
    assert.deepEqual(stories(lines('## Checkout', '- Context: peak season', '- Problem: checkout failed for 3%', '- Action: I traced the timeout', '- Result: failures fell to 0.1%')), ['Checkout: par situation task action result']);
    assert.deepEqual(codes(lines('\uFEFF---', 'framework: sar', '---', '## Audit', 'Situation: the audit was due', 'Action: I ran it early', 'Result: passed first time')), []);
  });

  it('keeps a Learning out of the order, inserts letters after combined letters, and titles a first question under no heading', () => {
    assert.deepEqual(codes(lines('## Audit', 'Situation: due', 'Task: pass', 'Action: early', 'Learning: start sooner', 'Result: passed')), []);
    const { doc } = check(lines('## Audit', 'S/T: the audit was due and I owned it', 'R: passed first time with no findings'));
    assert.equal(missingSection.fixes!({ doc, story: doc.stories[0], code: 'missing-action', at: 0 })[0].edits[0].text, '\n\nA:\n');
    assert.deepEqual(check(lines('**Tell me about a conflict**', '', 'Situation: two teams', 'Task: settle it')).doc.stories.map((story) => story.title), ['Tell me about a conflict']);
  });
});

describe('story tables in the heading tree', () => {
  it('lists a table row story under the heading the table is in', () => {
    const text = lines('# Prep', '## Story bank', '', '| Story | Situation | Task | Action | Result |', '|---|---|---|---|---|', '| Arrest | Cat 1 call to a gym | Lead the resus on scene | Two shocks and a cath lab alert | ROSC in 14 minutes |', '## Questions');
    const [prep] = outline(check(text).doc, 'headings', DEFAULT_SETTINGS);
    assert.deepEqual(prep.children.map((node) => [node.name, node.children.map((child) => child.name)]), [['Story bank', [['Arrest']].flat()], ['Questions', []]]);
  });
});

describe('a question line ends the section before it', () => {
  it('even one still to be written', () => {
    const incomplete = (text: string) => found(text, { minWords: 3 }).filter((finding) => finding.startsWith('incomplete'));
    assert.deepEqual(incomplete(lines('## Fix', 'S: the build broke every night', 'T: I had to fix it quickly.', '', 'Q:')), []);
    assert.deepEqual(incomplete(lines('## Fix', 'S: the build broke every night', 'T: I had to fix it quickly.', '', 'Q: What would you do next time?')), []);
  });
});
