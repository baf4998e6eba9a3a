import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { insertSectionEdit, type OffsetEdit } from '../../server/src/core/features/fixes';
import { completeness, outline } from '../../server/src/core/features/outline';
import { promptText } from '../../server/src/core/features/prompts';
import { FRAMEWORKS } from '../../server/src/core/model/frameworks';
import { isComplete, storyProgress } from '../../server/src/core/model/progress';
import { STAR_PROMPTS } from '../../server/src/core/model/sections';
import type { FrameworkId } from '../../server/src/core/model/types';
import { leftoverPrompt } from '../../server/src/core/rules/leftover-prompt';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { check, lines } from './helpers';

const TEMPLATE_CODES = new Set(['incomplete-section', 'leftover-prompt']);

/** `code: covered text` for the two codes this file is about. */
function found(text: string): string[] {
  return check(text)
    .findings.filter((finding) => TEMPLATE_CODES.has(finding.code))
    .map((finding) => `${finding.code}: ${text.slice(...finding.range)}`);
}

function messages(text: string): string[] {
  return check(text)
    .findings.filter((finding) => TEMPLATE_CODES.has(finding.code))
    .map((finding) => finding.message);
}

/** A finished story around one section under test: nothing else in it is reported. */
function around(section: string): string {
  return lines(
    '## Covering the night shift',
    '',
    `**Situation:** ${section}`,
    '',
    '**Task:** As nurse in charge I had to keep the ward safe until the morning handover.',
    '',
    '**Action:** I called the site manager for a bank nurse and moved two patients closer to the station.',
    '',
    '**Result:** No incidents overnight, and the matron adopted the plan for every short-staffed shift.',
  );
}

/** What a snippet or completion leaves when the writer presses Escape: its prompt, as written into the note. */
function skeleton(id: FrameworkId): string {
  const slots = FRAMEWORKS[id].slots;
  return lines('## Story title', '', ...slots.flatMap((slot) => [`### ${slot.name}`, '', promptText(slot.prompt), '']));
}

const apply = (text: string, edit: OffsetEdit) => text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);

describe('a section that still holds the template', () => {
  for (const id of ['star', 'star-l', 'car', 'par', 'soar'] as const) {
    it(`reports every section of a ${FRAMEWORKS[id].name} skeleton left as the snippet wrote it`, () => {
      const text = skeleton(id);
      const findings = check(text).findings.filter((finding) => finding.code === 'incomplete-section');
      assert.equal(findings.length, FRAMEWORKS[id].slots.length, text);
      for (const finding of findings) assert.match(finding.message, /still holds the template's prompt: write what happened in its place\.$/);
      assert.deepEqual(found(text).filter((row) => row.startsWith('leftover-prompt')), []);
      const [story] = check(text).doc.stories;
      assert.equal(completeness(story, text, DEFAULT_SETTINGS), FRAMEWORKS[id].slots.map(() => '·').join(' '));
    });
  }

  it('reports every section of every story snippet, in every style, accepted and left as it is', () => {
    const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'markdown.json'), 'utf8')) as Record<string, { body: string[] }>;
    const stories = Object.entries(snippets).filter(([name]) => / story \(/.test(name));
    assert.ok(stories.length >= 15, `${stories.length} story snippets`);
    for (const [name, { body }] of stories) {
      // What the editor inserts when the writer presses Escape: each tab stop's default text.
      const text = body.join('\n').replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, (_, value: string) => value.replace(/\\(.)/g, '$1')).replace(/\$\d+/g, '');
      const [story] = check(text).doc.stories;
      const findings = check(text).findings.filter((finding) => finding.code === 'incomplete-section');
      assert.equal(findings.length, story.sections.length, `${name}:\n${text}`);
      for (const finding of findings) assert.match(finding.message, /still holds the template's prompt/, name);
      assert.ok(storyProgress(story, text, DEFAULT_SETTINGS).every(({ state }) => state === 'missing'), name);
    }
  });

  it('knows the prompt whatever its case, emphasis and closing punctuation', () => {
    const prompt = promptText(STAR_PROMPTS.action);
    for (const written of [prompt, `_${prompt}_`, `**${prompt}**`, prompt.toLowerCase(), prompt.replace(/[.?!]+$/, ''), prompt.toUpperCase(), `${prompt}…`]) {
      assert.deepEqual(messages(around(written)).map((message) => message.replace(/ of story .*?'( |$)/, ' ')), [
        "Situation still holds the template's prompt: write what happened in its place.",
      ], written);
    }
  });

  it('knows a prompt one sentence at a time, as a writer deletes part of it', () => {
    const [first, second] = promptText(STAR_PROMPTS.action).split(/(?<=\?) /);
    assert.ok(second, 'the Action prompt has two sentences');
    for (const part of [first, second]) assert.deepEqual(found(around(part)), [`incomplete-section: ${part}`], part);
  });

  it('knows what the "add the missing section" fix writes, once the writer leaves its prompt', () => {
    const text = lines('## Story', '', '### Situation', '', 'The ward ran two nurses short on nights for a month.', '', '### Task', '', 'I had to keep it safe.', '', '### Result', '', 'No incidents in 31 nights.');
    const { doc } = check(text);
    const edit = insertSectionEdit(doc, doc.stories[0], 'action')!;
    const left = apply(text, { ...edit, text: edit.snippet!.replace(/\$\{1:([^}]*)\}/, '$1') });
    assert.deepEqual(
      check(left).findings.filter((finding) => finding.code === 'incomplete-section').map((finding) => finding.message),
      ["Action of story 'Story' still holds the template's prompt: write what happened in its place."],
    );
  });

  it('knows the prompt the empty-cell fix writes into a story table', () => {
    const text = lines('| Situation | Task | Action | Result |', '|---|---|---|---|', `| ${promptText(STAR_PROMPTS.situation)} | Keep the ward safe overnight | I called for a bank nurse | No incidents in 31 nights |`);
    assert.deepEqual(found(text), [`incomplete-section: ${promptText(STAR_PROMPTS.situation)}`]);
  });

  it('reports bracketed and angle-bracketed instructions, alone or several', () => {
    for (const written of ['[Describe the situation]', '<what you did>', '[Describe the situation. Include dates and who was there.]', '[Your role] / [your team’s goal]', '<company> or <client>', '**[Set the scene]**']) {
      assert.deepEqual(messages(around(written)).map((message) => message.replace(/ of story .*?'( |$)/, ' ')), [
        "Situation still holds the template's instructions in brackets: write what happened in its place.",
      ], written);
    }
  });

  it('reports XXX, xxx, TODO notes, an ellipsis and lorem ipsum', () => {
    const reasons = (written: string) => messages(around(written)).map((message) => message.replace(/^Situation of story '.*?' /, ''));
    assert.deepEqual(reasons('XXX'), ['still has a placeholder: finish the thought.']);
    assert.deepEqual(reasons('xxx xxx'), ['still has a placeholder: finish the thought.']);
    assert.deepEqual(reasons('TBC - check the board minutes'), ['still has a placeholder: finish the thought.']);
    assert.deepEqual(reasons('...'), ['is only an ellipsis: finish the thought.']);
    assert.deepEqual(reasons('Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.'), [
      'is only lorem ipsum: write what happened in its place.',
    ]);
    assert.deepEqual(reasons('Ut enim ad minim veniam, quis nostrud exercitation.'), ['is only lorem ipsum: write what happened in its place.']);
  });

  it("reports a career guide's phrasings", () => {
    for (const written of [
      'Describe the situation you were in…',
      'Explain the task you had to complete.',
      'Describe the actions you took to address the situation.',
      'Share the results of your actions.',
      'What was the result?',
      'What were you responsible for?',
      'Tell me about a time when…',
      'My responsibility was to…',
      'While working at [company], I encountered a situation where...',
      'This led to [specific outcome]...',
    ]) {
      assert.match(messages(around(written)).join('\n'), /^Situation of story '.*' still holds the template's prompt/, written);
    }
  });

  it('counts template-only sections as missing in the outline and the progress, and unfinished ones as weak', () => {
    const text = lines(
      '## Covering the night shift',
      '',
      '- Situation: [Describe the situation]',
      '- Task: Keep it safe,',
      '- Action: I called the site manager for a bank nurse and moved two patients closer to the station.',
      `- Result: ${promptText(STAR_PROMPTS.result)}`,
      '- Learning:',
    );
    const { doc } = check(text);
    const [story] = doc.stories;
    const progress = storyProgress(story, text, DEFAULT_SETTINGS);
    assert.deepEqual(progress.map(({ slot, state, sections }) => `${slot.letter} ${state} ${sections.length}`), ['S missing 1', 'T weak 1', 'A done 1', 'R missing 1', 'L missing 1']);
    assert.equal(progress[4].slot.optional, true);
    assert.equal(isComplete(progress), false);
    assert.equal(outline(doc, 'stories', DEFAULT_SETTINGS)[0].detail, '· T A · ·');
  });

  it('is complete with every required slot done, the optional Learning left out', () => {
    const text = around('A night shift on a 28-bed surgical ward with two nurses off sick.');
    const [story] = check(text).doc.stories;
    const progress = storyProgress(story, text, DEFAULT_SETTINGS);
    assert.deepEqual(progress.map(({ state }) => state), ['done', 'done', 'done', 'done']);
    assert.equal(isComplete(progress), true);
  });

  it('asks for no metric in a Result that is still the prompt: its finding is incomplete-section', () => {
    const text = lines('## Story', '- Situation: The ward ran two nurses short.', '- Task: Keep it safe overnight.', '- Action: I called for a bank nurse.', `- Result: ${promptText(STAR_PROMPTS.result)}`);
    assert.deepEqual(check(text).findings.map((finding) => finding.code), ['incomplete-section']);
  });
});

describe('real text that looks like a template', () => {
  const quiet = [
    'Explain the new rota to 40 staff by Friday.',
    'We cut agency spend by [insert figure] in Q3 once the bank rota was live.',
    'The report [the 2019 one] said the ward was short of 4.5 WTE band 5 nurses.',
    'What did I do first? I rang the bed manager and asked for the escalation ward.',
    'Why were the beds blocked? Discharge letters waited a day for a consultant signature.',
    'I built a todo app for the ward rota in two weekends.',
    'Lorem ipsum was still on the landing page at launch, and I was the one who caught it.',
    'Night shift on Ward 7<br>two nurses off sick, 28 patients.',
    'The audit ([full report](https://example.org/audit)) showed 71% compliance.',
    'Compliance was 71% at the March audit.[^1]',
    'See [[Ward 7 audit]] for the figures from the March audit.',
    'My responsibility was to cut the waiting list to under 18 weeks.',
    'Describe the situation to the family, the consultant said, so I did, in plain words.',
    '<details open><summary>Context</summary>A ward two nurses short for a month.</details>',
  ];
  for (const written of quiet) {
    it(`reports nothing for: ${written}`, () => assert.deepEqual(found(around(written)), []));
  }

  it('reports nothing for a checklist of the writer’s own steps', () => {
    const text = lines('## Rota', '', '### Situation', '', 'Forty staff and a new rota by Friday.', '', '### Task', '', 'Get everyone signed off.', '', '### Action', '', '- [x] Briefed each shift in person', '- [ ] Describe the rota to the night staff', '', '### Result', '', 'All 40 signed off by Thursday.');
    assert.deepEqual(found(text), []);
  });

  it('leaves follow-up questions the writer prepares after the answer alone', () => {
    const text = lines(
      '## Onboarding',
      '',
      '**Situation:** Riders took nine days from sign-up to first shift.',
      '',
      '**Task:** Cut it to five.',
      '',
      '**Action:** I ran background checks and kit collection in parallel.',
      '',
      '**Result:** Time to first shift fell to 4.2 days in six weeks.',
      '',
      '- Follow-ups they might ask',
      '    - What would you do differently? → involve the hubs earlier',
      '    - What did you learn?',
      '        - ask ops before building',
    );
    assert.deepEqual(found(text), []);
  });
});

describe('leftover-prompt', () => {
  it("hints at the prompt only, next to the writer's own sentence, with a hint's severity", () => {
    const prompt = promptText(STAR_PROMPTS.situation);
    const text = around(`${prompt} A night shift on a 28-bed surgical ward with two nurses off sick.`);
    const findings = check(text).findings.filter((finding) => TEMPLATE_CODES.has(finding.code));
    assert.deepEqual(findings.map((finding) => `${finding.code} ${finding.severity}: ${text.slice(...finding.range)}`), [`leftover-prompt hint: ${prompt}`]);
    assert.equal(findings[0].message, "Situation of story 'Covering the night shift' still has the template's prompt next to your own words: delete it once the section answers it.");
  });

  it('hints at a bracketed instruction line and a career-guide instruction next to the answer', () => {
    const text = lines(
      '## Covering the night shift',
      '',
      '### Situation',
      '',
      '[Describe the situation you were in]',
      '',
      'A night shift on a 28-bed surgical ward with two nurses off sick.',
      '',
      '### Task',
      '',
      'As nurse in charge I had to keep the ward safe until the morning handover.',
      '',
      '### Action',
      '',
      'I called the site manager for a bank nurse and moved two patients closer to the station.',
      'Describe the actions you took.',
      '',
      '### Result',
      '',
      'No incidents overnight, and the matron adopted the plan for every short-staffed shift.',
    );
    assert.deepEqual(found(text), ['leftover-prompt: [Describe the situation you were in]', 'leftover-prompt: Describe the actions you took.']);
  });

  it('counts only the writer’s own words towards minWords', () => {
    assert.deepEqual(messages(around(`${promptText(STAR_PROMPTS.situation)} Nights.`)).map((message) => message.replace(/ of story .*?'( |$)/, ' ')), [
      "Situation has only 1 word besides the template's: finish the thought.",
      "Situation still has the template's prompt next to your own words: delete it once the section answers it.",
    ]);
  });

  describe('quick fix', () => {
    function fixed(text: string): string | undefined {
      const analysis = check(text);
      const finding = analysis.findings.find((candidate) => candidate.code === 'leftover-prompt');
      assert.ok(finding, `no leftover-prompt in:\n${text}`);
      const [proposal] = leftoverPrompt.fixes!({ doc: analysis.doc, story: analysis.doc.stories[0], code: finding.code, at: finding.range[0] });
      if (!proposal) return undefined;
      assert.equal(proposal.edits.length, 1);
      const result = apply(text, proposal.edits[0]);
      assert.deepEqual(found(result), [], result);
      return result;
    }
    const prompt = promptText(STAR_PROMPTS.situation);
    const own = 'A night shift on a 28-bed surgical ward with two nurses off sick.';

    it('deletes a prompt before the answer on the label’s line', () => {
      assert.equal(fixed(around(`${prompt} ${own}`)), around(own));
    });

    it('deletes a prompt after the answer on its line, with the space before it', () => {
      assert.equal(fixed(around(`${own} Describe the situation you were in.`)), around(own));
    });

    it('moves the answer up to the label when the prompt was all the label’s line held', () => {
      assert.equal(fixed(around(`${prompt}\n${own}`)), around(own));
    });

    it('keeps a list below the label where it is', () => {
      const text = lines('## Story', '', `**Situation:** ${prompt}`, '- two nurses off sick', '- 28 beds', '', '**Task:** Keep the ward safe until the morning.', '', '**Action:** I called for a bank nurse.', '', '**Result:** No incidents in 31 nights.');
      assert.equal(fixed(text), text.replace(`**Situation:** ${prompt}`, '**Situation:**'));
    });

    it('deletes a prompt paragraph under a heading with the blank line after it', () => {
      const body = (situation: string) => lines('## Story', '', '### Situation', '', ...situation.split('\n'), '', '### Task', '', 'Keep the ward safe until the morning.', '', '### Action', '', 'I called for a bank nurse.', '', '### Result', '', 'No incidents in 31 nights.');
      assert.equal(fixed(body(`${prompt}\n\n${own}`)), body(own));
      assert.equal(fixed(body(`${own}\n\n[Add the date and the ward]`)), body(own));
      assert.equal(fixed(body(`- ${own}\n- [Who else was there?]\n- Two agency nurses cancelled.`)), body(`- ${own}\n- Two agency nurses cancelled.`));
    });

    it('works the same with CRLF line breaks', () => {
      const text = around(`${prompt}\n${own}`).replace(/\n/g, '\r\n');
      assert.equal(fixed(text), around(own).replace(/\n/g, '\r\n'));
    });

    it('offers nothing where emphasis runs past the prompt', () => {
      assert.equal(fixed(around(`*${prompt} ${own}*`)), undefined);
    });
  });
});
