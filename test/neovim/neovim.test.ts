import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseWordFile } from '../../server/src/runtime/wordFiles';

const ROOT = resolve(__dirname, '..', '..');
const NOTE = 'warehouse-stories.md';
/** Dictionaries load slowly on a busy machine: a limit for each wait, not an expectation. */
const PATIENCE_MS = 90_000;

/** The README's Neovim 0.7 block, as written there; only the placeholder path becomes this checkout's. */
function readmeSetup(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- neovim-0\.7:start[^>]*-->\s*```lua\n([\s\S]*?)```\s*<!-- neovim-0\.7:end -->/.exec(readme);
  assert.ok(block, 'README.md has the Neovim 0.7 block between <!-- neovim-0.7:start --> and <!-- neovim-0.7:end -->');
  assert.ok(block[1].includes('/path/to/star-notes/'), 'the block names the server as /path/to/star-notes/…');
  return block[1].replaceAll('/path/to/star-notes/', `${ROOT}/`);
}

/** Why Neovim can't run here, or undefined when a 0.7 or later is installed (scripts/prepare-neovim.sh installs Debian's). */
function whyNoNeovim(): string | undefined {
  const found = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (found.error) return 'Neovim is not installed and scripts/prepare-neovim.sh could not install it (needs apt-get and root or sudo)';
  const version = /NVIM v(\d+)\.(\d+)/.exec(found.stdout);
  if (!version) return `nvim --version said nothing recognisable: ${found.stdout.slice(0, 80)}`;
  const [major, minor] = [Number(version[1]), Number(version[2])];
  return major === 0 && minor < 7 ? `Neovim ${major}.${minor} is older than 0.7, the oldest the README's set-up is for` : undefined;
}

interface Seen {
  error?: string;
  filetype?: string;
  client?: string;
  diagnostics?: { code: string; lnum: number; text: string }[];
  steps: { title: string; offered: string[]; chosen?: boolean }[];
  after?: { code: string; lnum: number; text: string }[];
  modified?: boolean;
}

/** Runs headless Neovim with the README's set-up as init.lua and the driver, in a workspace of its own. */
async function runNeovim(): Promise<{ seen: Seen; workspace: string; userDir: string; log: string }> {
  const home = mkdtempSync(join(tmpdir(), 'star-notes-neovim-'));
  const workspace = join(home, 'notes');
  const userDir = join(home, 'user-config');
  mkdirSync(workspace);
  copyFileSync(join(ROOT, 'test', 'fixtures', 'neovim', NOTE), join(workspace, NOTE));
  const init = join(home, 'init.lua');
  writeFileSync(init, readmeSetup());
  const result = join(home, 'result.json');
  const env = {
    ...process.env,
    // Neovim's own files and the user's STAR Notes words stay in this test's folder.
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_STATE_HOME: join(home, 'state'),
    XDG_CACHE_HOME: join(home, 'cache'),
    STAR_NOTES_CONFIG_DIR: userDir,
    STAR_NOTES_NOTE: join(workspace, NOTE),
    STAR_NOTES_RESULT: result,
    STAR_NOTES_PATIENCE_MS: String(PATIENCE_MS),
  };
  const args = ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${join(__dirname, 'driver.lua')}`];
  const child = spawn('nvim', args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => (log += String(chunk)));
  child.stderr.on('data', (chunk) => (log += String(chunk)));
  const code = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), PATIENCE_MS * 4);
    child.on('exit', (exit) => {
      clearTimeout(timer);
      done(exit);
    });
  });
  assert.ok(existsSync(result), `Neovim exited (${code}) without a result; it said: ${log}`);
  const seen = JSON.parse(readFileSync(result, 'utf8')) as Seen;
  assert.equal(seen.error ?? null, null, `the driver failed: ${seen.error}\nsteps: ${JSON.stringify(seen.steps, null, 2)}\nNeovim said: ${log}`);
  assert.equal(code, 0, log);
  return { seen, workspace, userDir, log };
}

const skip = whyNoNeovim();

describe('Neovim with the README’s set-up', () => {
  it('shows STAR Notes’ diagnostics, applies its fixes and adds words from code actions', { skip: skip && `skipped: ${skip}`, timeout: PATIENCE_MS * 5 }, async () => {
    const { seen, workspace, userDir } = await runNeovim();
    assert.equal(seen.filetype, 'markdown');
    assert.equal(seen.client, 'star_notes');

    const before = (seen.diagnostics ?? []).map((d) => `${d.lnum + 1} ${d.code} ${d.text}`);
    assert.ok(before.includes('5 missing-result ## Fixing the Monday backlog'), before.join('\n'));
    for (const word of ['replen', 'cyclecount', 'kardex', 'recieved']) assert.ok(before.some((d) => d.endsWith(`spelling ${word}`)), `${word}: ${before.join('\n')}`);

    // Each fix was picked from the list vim.lsp.buf.code_action() offered.
    assert.deepEqual(seen.steps.map((step) => step.chosen), [true, true, true, true]);
    assert.match(seen.steps[0].offered.join('\n'), /^Add Result to story 'Fixing the Monday backlog'$/m);

    const text = readFileSync(join(workspace, NOTE), 'utf8');
    assert.equal(seen.modified, false, 'written with :write');
    const lines = text.split('\n');
    const action = lines.findIndex((line) => line.startsWith('- Action:'));
    assert.match(lines[action + 1], /^- Result:/, `the Result goes under the Action, as a bullet like its neighbours:\n${text}`);
    assert.match(text, /<!-- cspell:ignore kardex -->/, 'Ignore in this file is a plain edit');
    assert.deepEqual(parseWordFile(readFileSync(join(workspace, '.star-notes', 'words.txt'), 'utf8')), ['replen'], 'workspace words');
    assert.deepEqual(parseWordFile(readFileSync(join(userDir, 'words.txt'), 'utf8')), ['cyclecount'], 'user words, in STAR_NOTES_CONFIG_DIR');

    const after = (seen.after ?? []).map((d) => `${d.code} ${d.text}`);
    assert.deepEqual(after.filter((d) => d.startsWith('spelling') || d.startsWith('missing-')), ['spelling recieved'], after.join('\n'));
  });
});
