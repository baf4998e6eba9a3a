import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, lines } from './helpers';

const incomplete = ['## A', '- Situation: a b c', '- Task: d e f', '- Action: wrote the plan'];

describe('inline disable comments', () => {
  it('disable-next-line silences one code on the next line, across a blank line', () => {
    assert.deepEqual(codes(lines('<!-- star-notes-disable-next-line missing-result -->', '', ...incomplete)), []);
    assert.deepEqual(codes(lines('<!-- star-notes-disable-next-line missing-task -->', ...incomplete)), ['missing-result']);
  });

  it('disable … enable silences a block, and a bare disable silences every code', () => {
    const text = lines('<!-- star-notes-disable -->', ...incomplete, '<!-- star-notes-enable -->', '', ...incomplete.map((l) => l.replace('## A', '## B')));
    assert.deepEqual(codes(text), ['missing-result']);
  });

  it('disable-file silences a code everywhere', () => {
    assert.deepEqual(codes(lines(...incomplete, '', '<!-- star-notes-disable-file missing-result -->')), []);
  });

  it('takes several codes in one comment', () => {
    assert.deepEqual(codes(lines('<!-- star-notes-disable-next-line missing-result missing-task -->', '## A', '- Situation: a b c')), ['missing-action']);
  });

  it('ignores the comment inside a code block', () => {
    assert.deepEqual(codes(lines('```', '<!-- star-notes-disable -->', '```', ...incomplete)), ['missing-result']);
  });
});
