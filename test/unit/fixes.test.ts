import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertSectionEdit, reorderEdit, type OffsetEdit } from '../../server/src/core/features/fixes';
import type { StarKind } from '../../server/src/core/model/types';
import { check, codes, fixture, lines } from './helpers';

const apply = (text: string, edit: OffsetEdit) => text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);

function insert(text: string, kind: StarKind): { edit: OffsetEdit; result: string } {
  const { doc } = check(text);
  const edit = insertSectionEdit(doc, doc.stories[0], kind);
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

  it('separates bold-label paragraphs with a blank line so the label starts its own paragraph', () => {
    const text = lines('## Story', '', '**Situation:** A broken build.', '', '**Task:** Fix it fast.');
    const { result } = insert(text, 'action');
    assert.equal(result, lines('## Story', '', '**Situation:** A broken build.', '', '**Task:** Fix it fast.', '', '**Action:**'));
    assert.deepEqual(check(result).doc.stories[0].sections.map((s) => s.kind), ['situation', 'task', 'action']);
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
