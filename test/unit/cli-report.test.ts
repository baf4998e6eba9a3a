import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DEALS, MOCK_INSPECTION, RFC, WARD } from './bankNotes';

const INTERVIEW_NOTES = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'interview-notes.md'), 'utf8');

const REPORT = join(__dirname, '..', '..', 'server', 'src', 'cli', 'report.ts');
/** tsx by where this checkout has it: `--import tsx` would look for it from the notes folder. */
const TSX = pathToFileURL(join(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/**
 * What `star-notes report …` prints, run in `cwd`: in a process of its own, since the test
 * runner speaks to its parent over this process's standard output.
 */
function report(cwd: string, ...argv: string[]): { code: number; out: string; err: string } {
  const run = `import(${JSON.stringify(REPORT)}).then((m) => (m.runReport ?? m.default.runReport)(${JSON.stringify(argv)})).then((code) => { process.exitCode = code; }, (error) => { console.error(error.constructor.name + ': ' + error.message); process.exitCode = 2; });`;
  const child = spawnSync(process.execPath, ['--import', TSX, '--eval', run], { cwd, encoding: 'utf8' });
  return { code: child.status ?? -1, out: child.stdout, err: child.stderr };
}

describe('star-notes report', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'star-notes-report-'));
    mkdirSync(join(root, 'notes', 'school'), { recursive: true });
    writeFileSync(join(root, 'notes', 'ward.md'), WARD);
    writeFileSync(join(root, 'notes', 'sales deals.md'), DEALS);
    writeFileSync(join(root, 'notes', 'school', 'mock-inspection.md'), MOCK_INSPECTION);
    writeFileSync(join(root, 'notes', 'rfc.md'), RFC);
    writeFileSync(join(root, 'interview-notes.md'), INTERVIEW_NOTES);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes the story bank as Markdown by default, with paths and links relative to where it ran', async () => {
    const { code, out } = report(root);
    assert.equal(code, 0);
    assert.match(out, /^# Story bank\n\n6 stories in 4 files · 4 complete · 6 of 12 themes covered by a complete story\n/);
    assert.ok(out.indexOf('## Not covered yet') < out.indexOf('## Stories'));
    assert.match(out, /\| \[Leading CI Migration \(Jenkins -> GH Actions\)\]\(interview-notes\.md#L26\) \| interview-notes\.md:26 \| S ✓ T ⚠ A ✗ R ✓ \|/);
    assert.match(out, /\[Winning over a sceptical CFO\]\(notes\/sales%20deals\.md#L11\)/);
    assert.match(out, /notes\/school\/mock-inspection\.md:8/);
  });

  it('takes paths, and the theme set from their settings file', async () => {
    writeFileSync(join(root, 'notes', '.star-notes.json'), JSON.stringify({ themes: 'amazon' }));
    try {
      const { out } = report(root, 'notes', '--format', 'json');
      const result = JSON.parse(out);
      assert.equal(result.themes.length, 16);
      assert.deepEqual(result.stories.map((story: { title: string }) => story.title).sort(), [
        'Family complaint about a discharge #customer-focus',
        'Losing the Northwind renewal',
        'Night shift with two nurses down',
        'Rewriting the Year 9 scheme of work in a week',
        'Winning over a sceptical CFO',
      ]);
    } finally {
      rmSync(join(root, 'notes', '.star-notes.json'));
    }
  });

  it('writes a standalone HTML page that follows the browser\'s light or dark scheme', async () => {
    const { out } = report(root, 'notes/ward.md', '--format', 'html');
    assert.match(out, /^<!DOCTYPE html>/);
    assert.match(out, /color-scheme: light dark/);
    assert.match(out, /<a href="notes\/ward\.md#L3" data-uri="file:\/\/[^"]+\/notes\/ward\.md" data-line="2" data-character="0">Night shift with two nurses down<\/a>/);
  });

  it('is a usage error to ask for a format it does not have, or a path that is not there', () => {
    const format = report(root, '--format', 'pdf');
    assert.deepEqual([format.code, format.out], [2, '']);
    assert.match(format.err, /UsageError: --format: unknown format "pdf"/);
    assert.match(report(root, 'nowhere').err, /UsageError: nowhere: no such file or directory/);
  });
});
