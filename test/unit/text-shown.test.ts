import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertSectionEdit } from '../../server/src/core/features/fixes';
import { outline } from '../../server/src/core/features/outline';
import { quoteTitle } from '../../server/src/core/model/sections';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { check, lines } from './helpers';

describe('text the server shows', () => {
  it('never cuts an emoji in half when it shortens a story title or a section preview', () => {
    const title = `${'a'.repeat(56)}🚀🚀🚀`;
    assert.equal(quoteTitle(title), `'${'a'.repeat(56)}…'`);
    const text = `## Story\n- Situation: ${'b'.repeat(59)}🚀 more text\n- Task: x y z\n`;
    const [story] = outline(check(text).doc, 'stories', DEFAULT_SETTINGS);
    assert.equal(story.children[0].detail, 'b'.repeat(59));
  });

  it('inserts a missing section after a byte-order mark, never before it', () => {
    const text = '\uFEFF**Action:** wrote the plan and shipped it\n\n**Result:** 40% faster builds';
    const { doc } = check(text);
    const edit = insertSectionEdit(doc, doc.stories[0], 'situation')!;
    assert.deepEqual(edit.range, [1, 1]);
    const fixed = text.slice(0, 1) + edit.text + text.slice(1);
    assert.deepEqual(check(fixed).doc.stories[0].sections.map((section) => section.kinds.join('+')), ['situation', 'action', 'result']);
  });

  it('reports offsets into the text as given when it starts with a byte-order mark', () => {
    const text = '\uFEFF## Story\n- Situation: a b c\n- Task: d e f\n';
    const [missing] = check(text).findings;
    assert.equal(text.slice(...missing.range), '## Story');
  });
});

/** Shapes the fuzz tests found the quick fixes getting wrong, kept as plain examples. */
