import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'hook');
/** No test reads the real user word file. */
const CONFIG_DIR = mkdtempSync(join(tmpdir(), 'star-ci-config-'));

interface Hook {
  id: string;
  entry: string;
  args?: string[];
  language: string;
  types?: string[];
}

/** The yaml block between `<!-- name:start … -->` and `<!-- name:end -->` in the README. */
function readmeYaml(name: string): unknown {
  const block = new RegExp(`<!-- ${name}:start[^>]*-->\\s*\`\`\`yaml\\n([\\s\\S]*?)\`\`\`\\s*<!-- ${name}:end -->`).exec(README);
  assert.ok(block, `README.md has a yaml block marked ${name}`);
  // The block is indented under a list item; YAML takes it once the common indent is gone.
  const lines = block[1].split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return parseYaml(lines.map((line) => line.slice(indent)).join('\n'));
}

/**
 * A notes repository with STAR Notes installed as a dev dependency is: `node_modules/star-notes`
 * (this checkout, as `npm link` would make it) and the `star-notes` bin npm links from its
 * package.json, first on PATH as pre-commit's node environment puts it. No registry is asked.
 */
function notesRepository(files: string[]): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'star-ci-notes-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'my-notes', private: true, devDependencies: { 'star-notes': 'file:../star-notes' } }));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'star-notes'), 'dir');
  const bin = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['star-notes'];
  symlinkSync(join('..', 'star-notes', bin), join(dir, 'node_modules', '.bin', 'star-notes'));
  chmodSync(join(ROOT, bin), 0o755);
  for (const file of files) cpSync(join(FIXTURES, file), join(dir, file));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(?:NO_COLOR|FORCE_COLOR|GITHUB_ACTIONS)$/.test(name)));
  const env = { ...inherited, PATH: `${join(dir, 'node_modules', '.bin')}:${process.env.PATH}`, STAR_NOTES_CONFIG_DIR: CONFIG_DIR, npm_config_offline: 'true', npm_config_yes: 'false' };
  return { dir, env };
}

const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((candidate) => candidate.id === 'star-notes')!;

/** Runs the hook as pre-commit does: its entry split on spaces, then the args, then the staged files. */
function runHook(args: string[], files: string[], broken?: string) {
  const repo = notesRepository(files);
  if (broken) writeFileSync(join(repo.dir, '.star-notes.json'), broken);
  const [command, ...entryArgs] = hook.entry.split(' ');
  const result = spawnSync(command, [...entryArgs, ...args, ...files], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
  assert.equal(result.error, undefined);
  return result;
}

describe('the pre-commit hook, as .pre-commit-hooks.yaml writes it', () => {
  it('is a node hook on markdown files that runs star-notes check', () => {
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types, ['markdown']);
    assert.match(hook.entry, /^star-notes check\b/);
  });

  const args = hook.args ?? [];
  it(`passes a commit of finished stories (exit 0): ${hook.entry} ${args.join(' ')}`, () => {
    const result = runHook(args, ['night-shift.md', 'night-shift-typo.md']);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /2 files, 2 stories \(2 complete\)/);
  });

  it('stops a commit with an unfinished story (exit 1) and says why', () => {
    const result = runHook(args, ['night-shift.md', 'unfinished.md']);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /unfinished\.md[\s\S]*missing-result/);
    assert.match(result.stderr, /more than --max-warnings 0/);
  });

  it('stops on a broken config file (exit 2) with one line naming it', () => {
    const result = runHook(args, ['night-shift.md'], '{ "minWords": 5,, }');
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /\.star-notes\.json/);
  });

  const config = readmeYaml('pre-commit-config') as { repos: { hooks: { id: string; args: string[] }[] }[] };
  const readmeArgs = config.repos[0].hooks.find((entry) => entry.id === hook.id)!.args;
  it(`with the README's args (${readmeArgs.join(' ')}), stops a commit with a typo (exit 1)`, () => {
    const clean = runHook(readmeArgs, ['night-shift.md']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    const typo = runHook(readmeArgs, ['night-shift.md', 'night-shift-typo.md']);
    assert.equal(typo.status, 1, typo.stdout + typo.stderr);
    assert.match(typo.stdout, /warning\s+Unknown word "recieved"/);
  });
});

describe('the README’s GitHub Actions workflow', () => {
  const workflow = readmeYaml('github-workflow') as { jobs: Record<string, { steps: { run?: string }[] }> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.run?.includes('star-notes') ? [step.run] : [])));

  it('has a star-notes step', () => assert.equal(steps.length, 1));

  for (const run of steps) {
    it(`annotates and fails on an unfinished story: ${run}`, () => {
      const repo = notesRepository(['night-shift.md', 'unfinished.md']);
      const result = spawnSync('bash', ['-eo', 'pipefail', '-c', run], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /^::warning file=unfinished\.md,line=3[^:]*::.*no Result/m);
    });
  }
});

describe('the README’s command lines, run as written from the checkout', () => {
  const block = /These run as written from the checkout:\s*```sh\n([\s\S]*?)```/.exec(README);
  const commands = (block?.[1] ?? '').split('\n').filter(Boolean);
  const SUMMARY = /^1 file, 3 stories \(1 complete\), \d+ problems?$/m;
  const run = (command: string) => spawnSync('bash', ['-eo', 'pipefail', '-c', command], { cwd: ROOT, env: { ...process.env, STAR_NOTES_CONFIG_DIR: CONFIG_DIR, NO_COLOR: '1' }, encoding: 'utf8' });

  it('has them', () => assert.ok(commands.length >= 5, `found ${commands.length} commands`));

  for (const command of commands) {
    it(command, () => {
      const before = readFileSync(join(ROOT, 'examples', 'story-bank.md'), 'utf8');
      const result = run(command);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const [, verb] = /cli\.js (\w+)/.exec(command)!;
      if (verb === 'check') assert.match(result.stdout + result.stderr, SUMMARY);
      if (verb === 'fix') {
        assert.match(result.stdout, /^--- a\/examples\/story-bank\.md\n\+\+\+ b\/examples\/story-bank\.md\n[\s\S]*^-.*compeltely[\s\S]*^\+.*completely/m);
        assert.equal(readFileSync(join(ROOT, 'examples', 'story-bank.md'), 'utf8'), before, 'a dry run changes nothing');
      }
      if (verb === 'report') assert.match(result.stdout, /Cutting deploy time from 40 to 8 minutes[\s\S]*Mentoring a new hire/);
    });
  }
});

describe('the README’s one-liner', () => {
  const [, command] = /\*\*A plain one-liner\*\*, anywhere Node 20 is: `([^`]+)`/.exec(README) ?? [];

  it(`passes finished stories and fails on an unfinished one: ${command}`, () => {
    assert.ok(command, 'README.md has the one-liner');
    const repo = notesRepository([]);
    mkdirSync(join(repo.dir, 'notes'));
    cpSync(join(FIXTURES, 'night-shift.md'), join(repo.dir, 'notes', 'night-shift.md'));
    const run = () => spawnSync('bash', ['-eo', 'pipefail', '-c', command], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
    const clean = run();
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    cpSync(join(FIXTURES, 'unfinished.md'), join(repo.dir, 'notes', 'unfinished.md'));
    const unfinished = run();
    assert.equal(unfinished.status, 1, unfinished.stdout + unfinished.stderr);
    assert.match(unfinished.stdout, /unfinished\.md[\s\S]*missing-result/);
  });
});
