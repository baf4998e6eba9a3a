import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ALIASES, labelMatcher } from '../../server/src/core/model/labels';
import { check, lines } from './helpers';

const kinds = (text: string) => check(text).doc.stories.map((story) => [story.title, story.sections.map((section) => section.kinds.join('+')).join(' ')]);

describe('STAR model', () => {
  it('finds a story written with section headings', () => {
    const text = lines('# Notes', '## Outage', '### Situation', 'The site went down.', '### Task', 'Restore it.', '### Action', 'Rolled back.', '### Result', 'Back in 5 min.');
    assert.deepEqual(kinds(text), [['Outage', 'situation task action result']]);
  });

  it('finds a story written with labelled bullets, bold labels, emphasised labels and plain paragraphs', () => {
    const text = lines('## Story', '', '- Situation: a', '', '**Task:** b', '', '**Action**: c', '', '*Result* – d', '', 'Learnings: e');
    assert.deepEqual(kinds(text), [['Story', 'situation task action result learning']]);
  });

  it('accepts labels in any case, plural or singular, with or without a colon on headings', () => {
    const text = lines('## Story', '#### SITUATIONS', 'x', '#### tasks:', 'y', '#### Action', 'z', '#### Results', 'w');
    assert.deepEqual(kinds(text), [['Story', 'situation task action result']]);
  });

  it('finds labels on consecutive lines of one paragraph, in a quote too', () => {
    assert.deepEqual(kinds(lines('## Plain', 'Situation: one two three', 'Task: four five six', 'Action: seven eight nine')), [['Plain', 'situation task action']]);
    const [story] = check(lines('## Quoted', '> **Situation:** one two three', '> **Result:** four five six')).doc.stories;
    assert.deepEqual(story.sections.map((s) => s.words), [3, 3]);
  });

  it('ends a section at the line that names the questions a story answers, in a paragraph or a bullet', () => {
    for (const declared of [['', 'Questions: conflict, failure'], ['', '**Themes:** leadership'], ['- Questions: conflict']]) {
      const [story] = check(lines('## Rota', '- Situation: one two three', '- Task: four five six', '- Action: seven eight nine', '- Result: ten eleven twelve', ...declared)).doc.stories;
      assert.deepEqual(story.sections.map((s) => s.words), [3, 3, 3, 3], declared.join('|'));
    }
  });

  it('understands the aliases of each section', () => {
    const text = lines('## Story', '- Context: a', '- Objective: b', '- What I did: c', '- Outcomes: d', '- Lessons: e', '- Challenges: f', '- Notes: g');
    assert.deepEqual(kinds(text), [['Story', 'situation task action result learning challenges notes']]);
  });

  it('takes user aliases from settings', () => {
    const text = lines('## Story', '- Setting: a', '- Win: b');
    assert.deepEqual(
      check(text, { aliases: { situation: ['Setting'], result: ['Win'] } }).doc.stories[0].sections.map((s) => s.kinds.join('+')),
      ['situation', 'result'],
    );
  });

  it('makes the nearest heading above the markers the story, not its parent', () => {
    const text = lines('# Hiring Manager', '## Current Project(s)', '### Leading CI Migration', '- Situation: poor UX', '#### Results', '- done');
    assert.deepEqual(kinds(text), [['Leading CI Migration', 'situation result']]);
  });

  it('keeps headings inside a section heading part of that section, not a new story', () => {
    const text = lines('## Story', '### Action', '#### Step one', 'Wrote the plan.', '### Result', 'Shipped.');
    assert.deepEqual(kinds(text), [['Story', 'action result']]);
  });

  it('makes the whole document the story when markers sit under no heading', () => {
    const stories = check(lines('Situation: a b c', '', 'Task: d e f')).doc.stories;
    assert.equal(stories.length, 1);
    assert.equal(stories[0].heading, undefined);
  });

  it('ignores labels inside code, HTML comments, tables and front matter', () => {
    const text = lines('---', 'Task: front matter', '---', '## Design', '```', 'Situation: code', '```', '<!-- Action: hidden -->', '', '| Result: | x |', '|---|---|', '| a | b |');
    assert.deepEqual(check(text).doc.stories, []);
  });

  it('does not take ordinary sentences for labels', () => {
    const text = lines('## Design', 'Action items for Monday: review.', '', '- Task force was formed', '- hiring manager: resume', '- Result-driven culture');
    assert.deepEqual(check(text).doc.stories, []);
  });

  it('ends a labelled section at the next marker and a heading section at a heading of the same level', () => {
    const text = lines('## Story', '- Situation: one two', '- more about it', '- Task: three', '### Action', 'a b c', '#### Detail', 'd e', '### Result', 'r');
    const [story] = check(text).doc.stories;
    const content = story.sections.map((section) => text.slice(...section.contentRange));
    assert.deepEqual(content, ['one two\n- more about it', 'three', 'a b c\n#### Detail\nd e', 'r']);
  });

  it('counts words of a section without markdown punctuation and comments', () => {
    const [story] = check(lines('## S', '- Situation: a slow build', '- Action: **led** the `rollout` <!-- note -->')).doc.stories;
    assert.equal(story.sections[1].words, 3);
  });

  it('records the style of each marker so fixes can write the same way', () => {
    const [story] = check(lines('## S', '  * **Situation:** a', '#### Task', 'b')).doc.stories;
    assert.deepEqual(
      story.sections.map((section) => section.style),
      [
        { type: 'label', template: '  * **{label}:** ' },
        { type: 'heading', depth: 4 },
      ],
    );
  });
});

describe('evidence of a story in a label', () => {
  it('counts interview words and the writer’s own labels as strong, everyday aliases in either number as weak', () => {
    const matcher = labelMatcher({ ...DEFAULT_ALIASES, result: [...DEFAULT_ALIASES.result, 'Win'] });
    const strong = ['Situation', 'Tasks', 'Action', 'Results', 'What I did', 'Win', 'wins', 'S', 'Situation & Task'];
    const weak = ['Context', 'Contexts', 'Goals', 'Objective', 'Responsibility', 'Approach', 'Outcomes', 'Impact', 'Actions', 'Problem', 'Obstacles'];
    assert.deepEqual(strong.filter((label) => !matcher.read(label)?.strong), []);
    assert.deepEqual(weak.filter((label) => matcher.read(label)?.strong !== false), []);
  });
});
