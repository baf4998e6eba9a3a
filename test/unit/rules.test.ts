import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, codes, found, lines } from './helpers';

const story = (...body: string[]) => lines('## Migrating billing', ...body);

describe('missing sections', () => {
  it('reports each missing STAR section on the story heading', () => {
    assert.deepEqual(found(story('- Situation: two billing systems in parallel', '- Result: one system, saving money')), [
      'missing-task: ## Migrating billing',
      'missing-action: ## Migrating billing',
    ]);
  });

  it('names the section and the story in the message, and asks the coaching question', () => {
    const [finding] = check(story('- Situation: a b c', '- Task: d e f', '- Result: wrote the plan')).findings;
    assert.equal(finding.message, "Story 'Migrating billing' has no Action: what did *you* do? Name the steps and decisions.");
    assert.deepEqual(finding.data, { kind: 'action' });
  });

  it('reports nothing for a complete story', () => {
    assert.deepEqual(codes(story('- Situation: a b c', '- Task: d e f', '- Action: wrote the plan', '- Result: j k l')), []);
  });
});

describe('empty and incomplete sections', () => {
  it('flags a marker with nothing under it', () => {
    assert.deepEqual(found(story('### Situation', '### Task', 'Own the rollout end to end.', '### Action', 'Ran it in three waves.', '### Result', 'Done in a week.')), [
      'empty-section: ### Situation',
    ]);
  });

  it('flags a Task that trails off mid-word', () => {
    assert.deepEqual(found(story('- Situation: a b c', '- Task: Mi', '- Action: wrote the plan', '- Result: j k l')), ['incomplete-section: Task: Mi']);
  });

  it('flags content that stops on a dangling word, a comma or an ellipsis', () => {
    const text = story('- Situation: The team was split across three sites and', '- Task: Bring the teams onto one process,', '- Action: I started by mapping...', '- Result: Cut lead time by 30%.');
    assert.deepEqual(
      check(text).findings.map((f) => f.message.replace(/ of story .*?'( |$)/, ' ')),
      ['Situation stops mid-sentence on "and": finish the thought.', 'Task stops mid-sentence: finish the thought.', 'Action trails off with an ellipsis: finish the thought.'],
    );
  });

  it('flags placeholders like TODO and TBD but not a "todo app"', () => {
    assert.deepEqual(codes(story('- Situation: We built a todo app for nurses.', '- Task: TODO write this', '- Action: shipped it to wards', '- Result: TBD')), [
      'incomplete-section',
      'incomplete-section',
    ]);
  });

  it('uses the minWords setting', () => {
    const text = story('- Situation: short but fine', '- Task: own it all', '- Action: did the thing', '- Result: it worked well');
    assert.deepEqual(codes(text), []);
    assert.deepEqual(codes(text, { minWords: 4 }), ['incomplete-section', 'incomplete-section', 'incomplete-section', 'incomplete-section']);
  });
});

describe('order and duplicates', () => {
  it('flags a section that comes after a later one', () => {
    assert.deepEqual(found(story('- Situation: a b c', '- Action: wrote the plan', '- Task: d e f', '- Result: j k l')), ['out-of-order: Task:']);
  });

  it('reports a scrambled story once, naming the order it is told in', () => {
    const { findings } = check(story('- Result: 40% faster builds', '- Situation: a b c', '- Action: wrote the plan', '- Task: d e f'));
    assert.deepEqual(findings.map((f) => f.message), [
      "Story 'Migrating billing' tells Result, Situation, Action, Task; tell it in STAR order (Situation, Task, Action, Result).",
    ]);
  });

  it('does not count extra sections (Learnings, Challenges) in the order', () => {
    assert.deepEqual(codes(story('- Situation: a b c', '- Challenges: x y z', '- Task: d e f', '- Action: wrote the plan', '- Result: j k l', '- Learnings: m n o')), []);
  });

  it('flags the same section twice, through an alias too', () => {
    assert.deepEqual(found(story('- Situation: a b c', '- Task: d e f', '- Action: wrote the plan', '- Result: j k l', '- Impact: m n o')), ['duplicate-section: Impact:']);
  });
});

describe('severity settings', () => {
  it('applies a configured severity and drops codes set to off', () => {
    const text = story('- Situation: a b c', '- Task: Mi');
    const findings = check(text, { severity: { 'missing-action': 'error', 'missing-result': 'off' } }).findings;
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [
      ['missing-action', 'error'],
      ['incomplete-section', 'warning'],
    ]);
  });

  it('defaults missing, empty and incomplete to warning and order and duplicates to information', () => {
    const findings = check(story('- Situation: a b c', '- Result: x y z', '- Task: ', '- Result: again and again')).findings;
    assert.deepEqual(Object.fromEntries(findings.map((f) => [f.code, f.severity])), {
      'missing-action': 'warning',
      'out-of-order': 'information',
      'empty-section': 'warning',
      'duplicate-section': 'information',
      'no-metric': 'hint',
    });
  });
});

describe('results with nothing measured', () => {
  const withResult = (result: string) => story('- Situation: the ward ran short at night', '- Task: keep it safe', '- Action: I rang the bank staff', `- Result: ${result}`);
  const hints = (text: string) => check(text).findings.filter((finding) => finding.code === 'no-metric').map((finding) => text.slice(...finding.range));

  it('hints on a Result with no number, percentage, money, ordinal or change of amount', () => {
    assert.deepEqual(hints(withResult('everyone was much happier with the rota')), ['Result:']);
  });

  it('takes digits, number words, money, per cents, before → after and words of change as measures', () => {
    for (const result of ['falls dropped from 14 to 3', 'saved £4k a year', 'agency spend halved', 'we went from monthly to weekly releases', 'twice as many referrals', 'waits fell by a third', 'p99 → 120 ms', 'seventy per cent fewer complaints']) {
      assert.deepEqual(hints(withResult(result)), [], result);
    }
  });

  it('leaves an unfinished Result to incomplete-section: one finding is enough', () => {
    assert.deepEqual(hints(withResult('TBD')), []);
    assert.deepEqual(hints(withResult('went well')), []);
  });
});
