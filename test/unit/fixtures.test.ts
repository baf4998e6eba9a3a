import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, fixture } from './helpers';

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
