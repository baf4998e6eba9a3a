import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertSectionEdit, reorderEdit, type OffsetEdit } from '../../server/src/core/features/fixes';
import type { StarKind } from '../../server/src/core/model/types';
import { check, codes, fixture, lines } from './helpers';

const apply = (text: string, edit: OffsetEdit) => text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);

function insert(text: string, kind: StarKind): { edit: OffsetEdit; result: string } {
  const { doc } = check(text);
  const edit = insertSectionEdit(doc, doc.stories[0], kind)!;
  return { edit, result: apply(text, edit) };
}

describe('quick fix: insert a missing section', () => {
  it('adds an Action bullet after the Task in the user notes, in the story’s bullet style', () => {
    const text = fixture('interview-notes.md');
    const { result } = insert(text, 'action');
    assert.ok(result.includes('- Task: Mi\n- Action:\n\n#### Results'), result.slice(900, 1200));
    assert.ok(!codes(result).includes('missing-action'));
    assert.ok(codes(result).includes('empty-section'));
  });

  it('adds a heading of the same level for heading-style stories, before the Result', () => {
    const text = lines('## Story', '', '### Situation', '', 'Context here now.', '', '### Task', '', 'Own the fix.', '', '### Result', '', 'It worked.');
    const { result, edit } = insert(text, 'action');
    assert.equal(result, lines('## Story', '', '### Situation', '', 'Context here now.', '', '### Task', '', 'Own the fix.', '', '### Action', '', '### Result', '', 'It worked.'));
    assert.equal(edit.snippet, '\n\n### Action\n\n${1:What did *you* do? Name the steps and decisions.}');
  });

  it('puts a missing Situation before the first section', () => {
    const text = lines('## Story', '- **Task:** Own the migration', '- **Action:** Wrote the plan', '- **Result:** Shipped early');
    assert.equal(insert(text, 'situation').result, lines('## Story', '- **Situation:**', '- **Task:** Own the migration', '- **Action:** Wrote the plan', '- **Result:** Shipped early'));
  });

  it('numbers a section added to a numbered story, after a blank line when the last section ran on into a paragraph', () => {
    const text = lines('## Bar job', '', '1. Situation - Otley Run, two staff down.', '2. Task - Keep service going safely.', '3. Action - Moved the barman to the till.', '', '(need a result for this one)');
    const { result } = insert(text, 'result');
    assert.equal(result, `${text}\n\n4. Result -`);
    assert.deepEqual(check(result).doc.stories[0].sections.map((s) => s.kinds.join('+')), ['situation', 'task', 'action', 'result']);
    assert.equal(insert(lines('## Bar job', '1. Situation: Otley Run, two staff down.', '2. Task: Keep service going safely.'), 'action').result, lines('## Bar job', '1. Situation: Otley Run, two staff down.', '2. Task: Keep service going safely.', '3. Action:'));
  });

  it('separates bold-label paragraphs with a blank line so the label starts its own paragraph', () => {
    const text = lines('## Story', '', '**Situation:** A broken build.', '', '**Task:** Fix it fast.');
    const { result } = insert(text, 'action');
    assert.equal(result, lines('## Story', '', '**Situation:** A broken build.', '', '**Task:** Fix it fast.', '', '**Action:**'));
    assert.deepEqual(check(result).doc.stories[0].sections.map((s) => s.kinds.join('+')), ['situation', 'task', 'action']);
  });

  it('keeps the writer’s capitals and CRLF line breaks', () => {
    const text = '## Story\r\n- SITUATION: a b c\r\n- RESULT: d e f\r\n';
    assert.equal(insert(text, 'task').result, '## Story\r\n- SITUATION: a b c\r\n- TASK:\r\n- RESULT: d e f\r\n');
  });
});

describe('quick fix: put sections in STAR order', () => {
  it('reorders bullets and keeps the rest of the document', () => {
    const text = lines('## Story', '- Result: r r r', '- Situation: s s s', '- Action: a a a', '- Task: t t t', '', '## Next');
    const { doc } = check(text);
    const edit = reorderEdit(doc, doc.stories[0])!;
    assert.equal(apply(text, edit), lines('## Story', '- Situation: s s s', '- Task: t t t', '- Action: a a a', '- Result: r r r', '', '## Next'));
  });

  it('moves heading sections with their content and keeps extra sections with the section before them', () => {
    const text = lines('## Story', '### Result', 'r r r', '#### Challenges', 'c c c', '### Situation', 's s s', '### Task', 't t t', '### Action', 'did the work');
    const { doc } = check(text);
    const result = apply(text, reorderEdit(doc, doc.stories[0])!);
    assert.equal(result, lines('## Story', '### Situation', 's s s', '### Task', 't t t', '### Action', 'did the work', '', '### Result', 'r r r', '#### Challenges', 'c c c'));
    assert.deepEqual(codes(result), []);
  });

  it('offers nothing when the story is already in order', () => {
    const { doc } = check(lines('## Story', '- Situation: s s s', '- Task: t t t'));
    assert.equal(reorderEdit(doc, doc.stories[0]), undefined);
  });
});

describe('quick fixes on notes of unusual shape', () => {
  const kinds = (text: string) => check(text).doc.stories.map((story) => story.sections.map((section) => section.kinds.join('+')).join(' '));

  it('ends a section at the line of the next marker, so a section added before a quoted label leaves the quote whole', () => {
    const text = lines('## Situation', '', 'the build was slow', '', '> Learnings: measure first', '', '## Outcome', '', 'six minutes');
    const { doc } = check(text);
    assert.equal(text.slice(...doc.stories[0].sections[0].contentRange), 'the build was slow');
    const fixed = apply(text, insertSectionEdit(doc, doc.stories[0], 'task')!);
    assert.ok(fixed.includes('\n> Learnings: measure first'), fixed);
    assert.deepEqual(kinds(fixed), ['situation task learning result']);
  });

  it('takes a label ending in a dash at the end of its line, as the inserted one is written', () => {
    assert.deepEqual(kinds(lines('* Situation – the build', '* Task –', '**Challenges:** none')), ['situation task challenges']);
  });

  it('keeps a blank line between a bullet and a paragraph it moves next to in CRLF notes', () => {
    const text = '## Story\r\n**Action:** wrote it\r\n\r\n- Situation: slow\r\n- Task: fix\r\n';
    const { doc } = check(text);
    const fixed = apply(text, reorderEdit(doc, doc.stories[0])!);
    assert.equal(fixed, '## Story\r\n- Situation: slow\r\n- Task: fix\r\n\r\n**Action:** wrote it\r\n');
  });

  it('separates an inserted paragraph from a line that would run on into it, such as a thematic break’s', () => {
    const text = lines('## Story', '', '**Situation:** the build was slow.', '* * *', 'Next part', '---');
    const { doc } = check(text);
    const fixed = apply(text, insertSectionEdit(doc, doc.stories[0], 'task')!);
    assert.ok(fixed.includes('**Task:**\n\n* * *\nNext part'), fixed);
    assert.deepEqual(kinds(fixed), ['situation task']);
  });

  it('leaves bullets nested at different depths where they are rather than reorder them', () => {
    for (const text of [lines('- Goal: ship it', '\t- Situation: slow'), lines('## Outcome', '', 'faster', '', '- Situation: slow', '  - Results: fast')]) {
      const { doc } = check(text);
      assert.equal(reorderEdit(doc, doc.stories[0]), undefined, text);
    }
  });

  it('offers no reordering that would carry an unclosed fence over the sections after it', () => {
    const text = lines('## Story', '- Result: shipped', '- Situation: slow', '```');
    const { doc } = check(text);
    assert.equal(reorderEdit(doc, doc.stories[0]), undefined);
  });

  it('offers no reordering that would move a section into another story, or another story’s heading elsewhere', () => {
    const around = lines('- Result: shipped', '', '### Story 1', '', '#### Situation', '', 'slow', '', '## Situation', '', 'slow too');
    const inNotes = lines('## Impact', '', '## Situation', '', '## Notes', '', '### Story 1', '', '#### Situation', '', 'slow');
    const after = lines('## Impact', '', '## Situation', '', '## Challenges', '', '- Situation: slow', '', '### Story 2', '', '#### Situation', '', 'slow');
    const labelAfter = lines('## Outcome', '', '## Situation', '', '## Notes', '', '### Story 1', '', '- Situation: slow');
    const intoPrevious = lines('## Story 0', '', '### Situation', '', 'slow', '', '## Task', '', 'fix it', '', '- Situation: slow');
    for (const text of [around, inNotes, after, labelAfter, intoPrevious]) {
      const { doc } = check(text);
      const whole = doc.stories.find((story) => !story.heading)!;
      assert.equal(reorderEdit(doc, whole), undefined, text);
    }
  });
});
