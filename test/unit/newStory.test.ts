import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { restCompletion } from '../../server/src/core/features/complete';
import { layoutAt, newStoryEdit, type NewStory } from '../../server/src/core/features/newStory';
import { restOfStoryEdit } from '../../server/src/core/features/rest';
import { FRAMEWORKS } from '../../server/src/core/model/frameworks';
import { STAR_PROMPTS } from '../../server/src/core/model/sections';
import { markdownSnippets } from '../../scripts/generated';
import { check, lines } from './helpers';

/** The text with `|` as the cursor, and the document without it. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return { text, offset, doc: check(text).doc };
}

function apply(text: string, edit: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

function restAt(textWithCursor: string) {
  const { doc, offset } = at(textWithCursor);
  return restCompletion(doc, offset);
}

function newStory(textWithCursor: string, story: NewStory = { framework: 'star' }): string {
  const { text, offset, doc } = at(textWithCursor);
  return apply(text, newStoryEdit(doc, offset, story));
}

/** The stories of a text, as `title [framework] sections`. */
function stories(text: string): string[] {
  return check(text).doc.stories.map((story) => `${story.title} [${story.framework.id}] ${story.sections.map((section) => section.name).join(', ')}`);
}

const THEMED = lines(
  '# Interview prep',
  '',
  '## Leadership',
  '',
  '### Rebuilding the night rota',
  '',
  '#### Situation',
  '',
  'Two nurses left the ward in the same month.',
  '',
  '#### Task',
  '',
  'I had to cover nights without agency staff.',
  '',
  '#### Action',
  '',
  'I asked each nurse which nights they could swap.',
  '',
  '#### Result',
  '',
  'No shift went uncovered for eight weeks.',
  '',
  '## Conflict',
  '',
  '|',
);

describe('New Story', () => {
  describe('heading depth', () => {
    it('writes a `###` story under a `##` theme whose stories are `###`', () => {
      const { doc, offset } = at(THEMED);
      assert.deepEqual(layoutAt(doc, offset), { titleDepth: 3, style: { type: 'heading', depth: 4 }, reference: doc.stories[0].sections[0] });
      const out = newStory(THEMED, { framework: 'star', title: 'Calming a row over leave' });
      assert.match(out, /## Conflict\n\n### Calming a row over leave\n\n#### Situation\n\nSet the scene/);
      assert.deepEqual(stories(out).slice(1), ['Calming a row over leave [star] Situation, Task, Action, Result']);
    });

    it('writes a sibling of the story the cursor is at the end of', () => {
      const text = THEMED.replace('## Conflict\n\n|', '|');
      assert.equal(layoutAt(at(text).doc, at(text).offset).titleDepth, 3);
    });

    it('writes a `##` story with `###` sections in an empty note, as the snippets do', () => {
      const out = newStory('|');
      assert.equal(out.split('\n')[0], '## Story title: one line a panel would remember');
      assert.match(out, /\n### Situation\n\nSet the scene: when, where, who, and what was at stake\?\n\n### Task\n/);
      assert.ok(!out.endsWith('\n\n'));
    });

    it('writes a child of a plain heading with no stories under it', () => {
      assert.match(newStory(lines('# Prep for the Leeds interview', '', '|')), /^# Prep for the Leeds interview\n\n## Story title/);
    });
  });

  describe('the style of the notes around it', () => {
    it('writes bullets where the stories are bullets', () => {
      const out = newStory(lines('## Late delivery', '', '- situation: The van broke down at 6am.', '- task: Get 40 orders out by noon.', '- action: I hired two couriers.', '- result: 38 of 40 went out on time.', '', '|'), { framework: 'par' });
      assert.match(out, /\n## Story title: one line a panel would remember\n\n- problem: What was wrong, for whom, and why was it yours to solve\?\n- action: What did \*you\* do\?/);
      assert.deepEqual(stories(out).slice(1), ['Story title: one line a panel would remember [par] Problem, Action, Result']);
    });

    it('writes bold labels where the stories use them, one paragraph each', () => {
      const out = newStory(lines('## A parent’s complaint', '', '**Situation:** A parent complained in front of others.', '', '**Result:** She withdrew it the next day.', '', '|'), { framework: 'soar' });
      assert.match(out, /\*\*Situation:\*\* Set the scene[^\n]*\n\n\*\*Obstacle:\*\* What stood in your way\?\n\n\*\*Action:\*\*/);
      assert.deepEqual(stories(out).slice(1), ['Story title: one line a panel would remember [soar] Situation, Obstacle, Action, Result']);
    });

    it('leaves out the indentation a nested story sat in, and spells letters out', () => {
      const { doc, offset } = at(lines('## Deteriorating patient', '', '  - S: Night shift, two nurses down.', '  - T: Escalate a patient whose NEWS went to 7.', '  - A: I called outreach.', '  - R: She reached HDU within forty minutes.', '', '|'));
      const layout = layoutAt(doc, offset);
      assert.deepEqual(layout, { titleDepth: 2, style: { type: 'label', template: '- {label}: ' }, reference: undefined });
      assert.match(apply(doc.text, newStoryEdit(doc, offset, { framework: 'star' })), /\n- Situation: Set the scene/);
    });

    it('goes after the story the cursor is in rather than cutting it in two', () => {
      const out = newStory(lines('## Rota', '', '- Situation: Two nurses left.', '|- Task: Cover nights.', '- Action: I swapped shifts.', '- Result: No gaps for 8 weeks.', '', '## Next'));
      assert.deepEqual(stories(out).map((story) => story.split(' [')[0]), ['Rota', 'Story title: one line a panel would remember']);
      assert.match(out, /- Result: No gaps for 8 weeks\.\n\n## Story title/);
      assert.match(out, /Numbers if you have them\.\n\n## Next$/);
    });

    it('keeps the note’s CRLF line breaks', () => {
      const out = newStory('## Rota\r\n\r\n### Situation\r\n\r\nTwo nurses left.\r\n\r\n|');
      assert.ok(!/[^\r]\n/.test(out), JSON.stringify(out));
    });
  });

  it('puts the theme on a Questions: line and makes the title, then every prompt, a tab stop', () => {
    const { doc, offset } = at('|');
    const edit = newStoryEdit(doc, offset, { framework: 'car', theme: 'Conflict' });
    assert.equal(
      edit.snippet,
      lines(
        '## ${1:Story title: one line a panel would remember}',
        '',
        'Questions: Conflict',
        '',
        '### Context',
        '',
        `\${2:${FRAMEWORKS.car.slots[0].prompt.replace(/^./, (c) => c.toUpperCase())}}`,
        '',
        '### Action',
        '',
        '${3:What did *you* do? Name the steps and decisions.}',
        '',
        '### Result',
        '',
        '${4:What changed, and by how much? Numbers if you have them.}',
      ),
    );
  });
});

describe('the rest of a story', () => {
  it('writes every missing section in order in one edit, where each belongs', () => {
    const text = lines('## Rota', '', '### Task', '', 'Cover nights without agency staff.', '', '### Result', '', 'No gaps for eight weeks.');
    const { doc } = at(text);
    const rest = restOfStoryEdit(doc, doc.stories[0])!;
    const out = apply(text, rest.edit);
    assert.deepEqual(stories(out), ['Rota [star] Situation, Task, Action, Result']);
    assert.match(rest.snippet, /^### Situation\n\n\$\{1:Set the scene[^}]*\}\n\n### Task\n\nCover nights without agency staff\.\n\n### Action\n\n\$\{2:What did/);
  });

  it('numbers the rest of a numbered story on, and starts its list afresh after a paragraph', () => {
    const text = lines('## Welcome week', '', '1. Situation - Our social sec dropped out a week before Freshers.', '2. Task - Organise the welcome events with 6 days to go.', '', '(need the rest)');
    const { doc } = at(text);
    const out = apply(text, restOfStoryEdit(doc, doc.stories[0])!.edit);
    assert.match(out, /\(need the rest\)\n\n3\. Action - [^\n]+\n4\. Result - [^\n]+$/);
    assert.deepEqual(stories(out), ['Welcome week [star] Situation, Task, Action, Result']);
  });

  it('offers the rest of the story at a blank line after its last section, besides single sections', () => {
    const { doc, offset } = at(lines('## Late delivery', '', '- Situation: The van broke down at 6am.', '|', '', '## Next'));
    const item = restCompletion(doc, offset)!;
    assert.equal(item.label, 'Task, Action, Result');
    assert.equal(item.snippet, `- Task: \${1:${STAR_PROMPTS.task.replace(/^./, (c) => c.toUpperCase())}}\n- Action: \${2:What did *you* do? Name the steps and decisions.}\n- Result: \${3:What changed, and by how much? Numbers if you have them.}`);
    assert.deepEqual(doc.text.slice(...item.range), '');
  });

  it('offers no rest where the missing sections do not all belong at the cursor', () => {
    // Situation and Action are missing, but the cursor is after the Task: only Action fits here.
    assert.equal(restAt(lines('## Rota', '', '- Task: Cover nights.', '|', '- Result: No gaps for 8 weeks.')), undefined);
    // One missing section is the single-section item already.
    assert.equal(restAt(lines('## Rota', '- Situation: a b c', '- Task: d e f', '- Action: g h i', '|')), undefined);
  });

  it('offers no rest inside a section’s own text, nor on a line with text', () => {
    assert.equal(restAt(lines('## Rota', '', '### Situation', '', 'Two nurses left.', '|', 'Nights were short.', '', '### Result', '', 'No gaps.')), undefined);
    assert.equal(restAt(lines('## Rota', '', '- Situation: Two nurses left.', 'Ac|')), undefined);
  });

  it('offers a whole STAR story under a heading with no story yet, written like the stories above', () => {
    const { doc, offset, text } = at(lines('## Rota', '', '**Situation:** Two nurses left.', '', '**Task:** Cover nights.', '', '## Handing over a ward', '|'));
    const item = restCompletion(doc, offset)!;
    assert.equal(item.label, 'Situation, Task, Action, Result');
    const out = apply(text, { range: item.range, text: item.snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1') });
    assert.match(out, /## Handing over a ward\n\n\*\*Situation:\*\* Set the scene/);
    assert.deepEqual(stories(out)[1], 'Handing over a ward [star] Situation, Task, Action, Result');
  });

  it('has nothing to write for a story table', () => {
    const { doc } = at(lines('## Breakdowns', '', '| Story | Situation | Task | Action |', '|---|---|---|---|', '| Van | Broke down at six | 40 orders by noon | Hired couriers |'));
    assert.deepEqual(doc.stories.map((story) => story.title), ['Van']);
    assert.equal(restOfStoryEdit(doc, doc.stories[0]), undefined);
  });
});

describe('snippets', () => {
  const snippets = Object.values(markdownSnippets());
  const byPrefix = new Map(snippets.map((snippet) => [snippet.prefix, snippet]));

  it('keep the prefixes notes and tests already use', () => {
    for (const prefix of ['star', 'star-bullets', 'star-l', 'situation', 'task', 'action', 'result']) assert.ok(byPrefix.has(prefix), prefix);
  });

  for (const id of ['star', 'star-l', 'car', 'par', 'soar'] as const) {
    for (const form of ['', '-bullets', '-bold']) {
      it(`"${id}${form}" is a whole ${FRAMEWORKS[id].name} story whose prompts are tab stops`, () => {
        const body = byPrefix.get(`${id}${form}`)!.body.join('\n');
        for (const slot of FRAMEWORKS[id].slots) assert.ok(body.includes(`:${slot.prompt.charAt(0).toUpperCase()}${slot.prompt.slice(1)}}`), `${slot.name} prompt in ${body}`);
        const text = body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0$/, '');
        assert.deepEqual(stories(text), [`Story title: one line a panel would remember [${id}] ${FRAMEWORKS[id].slots.map((slot) => slot.name).join(', ')}`]);
      });
    }
  }
});
