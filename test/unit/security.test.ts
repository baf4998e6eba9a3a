import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { sourceImports, sourceCalls } from './sources';

const ROOT = join(__dirname, '..', '..');
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, shell: process.platform === 'win32' });

const FORBIDDEN_MODULES = /^(?:node:)?(?:child_process|cluster|dgram|dns|http|http2|https|net|tls|inspector|vm)(?:\/.*)?$/;

/** Calls and imports in our own TypeScript that would let the server run code or reach the network. */
function risky(folder: string): string[] {
  const imports = sourceImports(folder).filter(({ module, typeOnly }) => !typeOnly && FORBIDDEN_MODULES.test(module));
  const calls = sourceCalls(folder).filter(({ callee }) => /^(?:globalThis\.|window\.)?(?:eval|Function|fetch)$/.test(callee));
  return [...imports.map(({ where, module }) => `${where} loads ${module}`), ...calls.map(({ where, callee }) => `${where} calls ${callee}`)];
}

describe('security', () => {
  it('has no process, network or code-evaluation API in our own server and client source', () => {
    assert.deepEqual([...risky(join(ROOT, 'server', 'src')), ...risky(join(ROOT, 'client', 'src'))], []);
  });

  it('ships bundles that evaluate no strings as code', () => {
    for (const bundle of [...readdirSync(join(ROOT, 'server', 'out')).filter((name) => name.endsWith('.js')).map((name) => join('server', 'out', name)), join('client', 'out', 'extension.js')]) {
      const code = readFileSync(join(ROOT, bundle), 'utf8');
      assert.doesNotMatch(code, /\beval\(|\bnew Function\(/, bundle);
    }
  });

  it('packages no source maps, sources, tests or fixtures, and no absolute path of the machine that built it', () => {
    // vsce lists what .vscodeignore lets through; walking this checkout (with its caches) takes it
    // seconds, so it lists a stand-in: the same names, empty but for the files vsce reads.
    const standIn = mkdtempSync(join(tmpdir(), 'star-notes-vsix-'));
    for (const name of ['package.json', 'README.md', '.vscodeignore']) cpSync(join(ROOT, name), join(standIn, name));
    const folders = ['client', 'server', 'test', 'bench', 'scripts', 'examples', 'images', 'snippets', 'syntaxes', 'docs'];
    const names = [...readdirSync(ROOT).filter((name) => statSync(join(ROOT, name)).isFile()), ...folders.flatMap((folder) => readdirSync(join(ROOT, folder), { recursive: true }).map((name) => join(folder, String(name))))];
    for (const name of names.filter((name) => !existsSync(join(standIn, name)) && statSync(join(ROOT, name)).isFile())) {
      mkdirSync(dirname(join(standIn, name)), { recursive: true });
      writeFileSync(join(standIn, name), '');
    }
    const listed = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: standIn, encoding: 'utf8', timeout: 60_000 });
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.trim().split('\n');
    assert.ok(files.includes('server/out/server.js') && files.includes('client/out/extension.js') && files.includes('docs/rules/missing-result.md'), listed.stdout);
    assert.deepEqual(files.filter((file) => /\.map$|\.tsx?$|(?:^|\/)(?:test|tests|fixtures|bench|node_modules|src)\//.test(file)), []);
    for (const file of files.filter((name) => name.endsWith('.js'))) assert.ok(!readFileSync(join(ROOT, file), 'utf8').includes(ROOT), `${file} names ${ROOT}`);
  });

  it('has no high or critical advisories in its runtime dependencies (npm audit --omit=dev)', (t: TestContext) => {
    const audit = run('npm', ['audit', '--omit=dev', '--json']);
    let report: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string };
    try {
      report = JSON.parse(audit.stdout);
    } catch {
      return t.skip(`npm audit gave no report: ${audit.error?.message ?? audit.stderr.split('\n').find((line) => line.includes('error')) ?? 'no output'}`);
    }
    const counts = report.metadata?.vulnerabilities;
    if (!counts) return t.skip(`the registry did not answer the audit: ${report.message ?? 'no vulnerability counts'}`);
    assert.equal((counts.high ?? 0) + (counts.critical ?? 0), 0, JSON.stringify(counts));
  });
});

