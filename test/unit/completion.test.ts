import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markerCompletions } from '../../server/src/core/features/complete';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { check, lines } from './helpers';

function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return { text, items: markerCompletions(check(text).doc, offset, DEFAULT_SETTINGS) };
}

describe('completions', () => {
  it('offers the missing sections first, in the story’s bullet style', () => {
    const { items } = at(lines('## Story', '- Situation: a b c', '- Task: d e f', '|'));
    const missing = items.filter((item) => item.isMissing);
    assert.deepEqual(missing.map((item) => item.label), ['Action', 'Result']);
    assert.equal(missing[0].snippet, '- Action: ${1:What did *you* do? Name the steps and decisions.}');
  });

  it('follows a bullet the writer already typed and filters on it', () => {
    const { items, text } = at(lines('## Story', '- **Situation:** a b c', '- Ac|'));
    const action = items.find((item) => item.label === 'Action')!;
    assert.equal(action.snippet.startsWith('- **Action:** '), true);
    assert.equal(text.slice(...action.range), '- Ac');
    assert.equal(action.filterText, '- Action');
  });

  it('writes a heading section for heading-style stories', () => {
    const { items } = at(lines('## Story', '### Situation', 'a b c', '', '|'));
    assert.equal(items[0].snippet, '### Task\n\n${1:What were *you* responsible for, or asked to achieve?}');
  });

  it('also offers aliases, marked as another name', () => {
    const { items } = at(lines('## Story', '- Situation: a b c', '|'));
    const outcome = items.find((item) => item.label === 'Outcome')!;
    assert.equal(outcome.detail, 'another name for Result');
    assert.equal(outcome.isMissing, false);
  });

  it('offers markers under a heading that has no story yet', () => {
    assert.deepEqual(at(lines('## A new story', '|')).items.filter((i) => i.isMissing).map((i) => i.label), ['Situation', 'Task', 'Action', 'Result']);
  });

  it('stays quiet in the middle of prose', () => {
    assert.deepEqual(at(lines('## Story', '- Situation: a b c', 'We then moved the whole team over to the new| system')).items, []);
  });
});
