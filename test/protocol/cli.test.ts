import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve(__dirname, '../../server/out/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: resolve(__dirname, '../..') });

describe('star-notes check', () => {
  it('prints findings like a linter, file:line:col severity code message', () => {
    const { stdout, status } = run('check', 'test/fixtures/interview-notes.md');
    assert.equal(status, 0);
    assert.match(stdout, /^test\/fixtures\/interview-notes\.md:26:1 warning missing-action Story 'Leading CI Migration \(Jenkins -> GH Actions\)' has no Action/m);
    assert.match(stdout, /^test\/fixtures\/interview-notes\.md:32:3 warning incomplete-section /m);
  });

  it('searches directories for markdown and checks the bundled examples', () => {
    const { stdout, status } = run('check', 'examples/');
    assert.equal(status, 0);
    assert.match(stdout, /examples\/story-bank\.md:\d+:\d+ warning missing-result Story 'Disagreeing with my manager/);
    assert.match(stdout, /files? checked/);
  });

  it('exits 1 when a finding is error level, from a settings file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-cli-'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ severity: { 'missing-action': 'error' } }));
    const { status, stdout } = run('check', '--settings', join(dir, 'settings.json'), 'test/fixtures/interview-notes.md');
    assert.equal(status, 1);
    assert.match(stdout, / error missing-action /);
  });

  it('prints JSON with --format json', () => {
    const { stdout } = run('check', '--format', 'json', 'test/fixtures/interview-notes.md');
    const findings = JSON.parse(stdout) as { code: string; line: number }[];
    assert.ok(findings.some((f) => f.code === 'missing-action' && f.line === 26));
  });

  it('accepts the words the editor added, in the nearest .star-notes/words.txt and the user word file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-cli-words-'));
    mkdirSync(join(dir, '.star-notes'));
    mkdirSync(join(dir, 'notes'));
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, '.star-notes', 'words.txt'), 'frobnicator\n');
    writeFileSync(join(dir, 'config', 'words.txt'), 'zorblax\n');
    writeFileSync(join(dir, 'notes', 'story.md'), 'the frobnicator, the zorblax and the quuxly.\n');
    const env = { ...process.env, STAR_NOTES_CONFIG_DIR: join(dir, 'config') };
    const { stdout } = spawnSync(process.execPath, [CLI, 'check', join(dir, 'notes', 'story.md')], { encoding: 'utf8', env });
    assert.deepEqual([...stdout.matchAll(/Unknown word "(\w+)"/g)].map((match) => match[1]), ['quuxly']);
  });

  it('exits 2 with usage on bad arguments or a missing path', () => {
    assert.equal(run('lint').status, 2);
    assert.equal(run('check', 'no/such/path.md').status, 2);
  });
});
