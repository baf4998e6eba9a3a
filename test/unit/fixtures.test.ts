import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, fixture, FIXTURES } from './helpers';

describe('the real user notes', () => {
  const text = fixture('interview-notes.md');
  const { doc } = check(text);
  const findings = check(text).findings.filter((finding) => finding.code !== 'no-metric');
  const titled = (title: string) => findings.filter((f) => doc.stories.find((s) => s.title === title && s.range[0] <= f.range[0] && f.range[0] < s.range[1]));

  it('finds the CI migration story and no other', () => {
    assert.deepEqual(doc.stories.map((s) => s.title), ['Leading CI Migration (Jenkins -> GH Actions)']);
  });

  it('flags the unfinished Task and the missing Action of the CI migration story', () => {
    assert.deepEqual(
      titled('Leading CI Migration (Jenkins -> GH Actions)').map((f) => `${f.code}: ${text.slice(...f.range)}`),
      ['missing-action: ### Leading CI Migration (Jenkins -> GH Actions)', 'incomplete-section: Task: Mi'],
    );
  });

  it('gives design notes and question lists no STAR findings', () => {
    for (const heading of ['## Tradeoffs and edgecases', '## Performance, Complexity vs Simplicity', '## x']) {
      const start = text.indexOf(heading);
      const end = text.indexOf('\n#', start + 1);
      assert.deepEqual(findings.filter((f) => f.range[0] >= start && (end < 0 || f.range[0] < end)), [], heading);
    }
  });

  it('gives the cover letter no STAR findings', () => {
    assert.deepEqual(check(fixture('cover-letter.md')).findings, []);
  });
});

describe('notes in other styles and trades', () => {
  const summary = (name: string) => {
    const text = fixture(join('notes', name));
    return check(text).findings.map((f) => `${f.code}: ${text.slice(...f.range).split(/\r?\n/)[0]}`);
  };

  it('a nurse writing British English with heading sections', () => {
    assert.deepEqual(summary('ward-sister.md'), ['missing-result: ## Challenging a senior colleague about hand hygiene', 'empty-section: ### Task']);
  });

  it('a teacher writing bold labels, with front matter', () => {
    assert.deepEqual(summary('teacher-bold.md'), [
      "missing-task: ## Parents' evening complaint",
      'incomplete-section: **Action:** I moved the conversation to a quiet room and we went through the behaviour log together...',
      'incomplete-section: **Result:** TBD',
    ]);
  });

  it('a product manager writing aliases (Context, Goal, Approach, Outcome) and STAR-L', () => {
    assert.deepEqual(summary('pm-aliases.md'), [
      'out-of-order: Objective:',
      'incomplete-section: What I did: hired a local partner, localised the onboarding, and',
      'duplicate-section: Impact:',
    ]);
  });

  it('a chef with Windows line endings and sections out of order', () => {
    assert.deepEqual(summary('chef-crlf.md'), ['out-of-order: Situation:']);
  });

  it('every note file in the fixtures parses without throwing', () => {
    for (const name of readdirSync(join(FIXTURES, 'notes'))) assert.doesNotThrow(() => check(fixture(join('notes', name))), name);
  });
});
