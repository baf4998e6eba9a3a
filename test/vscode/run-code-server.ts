// Runs the integration suite inside a real VS Code: code-server (prepared by
// scripts/prepare-code-server.sh) driven by headless Debian Chromium. The
// extension and the tests run in code-server's Node extension host with the
// real VS Code API; this machine cannot download a desktop VS Code.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { killTree } from './processes';
import { printSummary, printTest, type TestRunResults } from './results';
import { ARTIFACTS_DIR, REPO_ROOT, createSandbox, type Sandbox } from './sandbox';

const CODE_SERVER_DIR = path.join(REPO_ROOT, '.cache/code-server-4.100.3');
const CHROMIUM = '/usr/bin/chromium';
const RUN_ARTIFACTS = path.join(ARTIFACTS_DIR, 'vscode');
// Without the networking flags Chromium keeps dialling Google services, which
// this machine's closed network refuses.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const { values: options } = parseArgs({
  options: {
    'extension-dir': { type: 'string', default: REPO_ROOT },
    'timeout-seconds': { type: 'string', default: '300' },
    grep: { type: 'string' },
  },
});
const extensionDir = path.resolve(options['extension-dir']);
const testsIndex = path.join(REPO_ROOT, 'test/vscode/out/index.js');
const timeoutMs = Number(options['timeout-seconds']) * 1000;

const log = (line: string) => console.log(`[run-code-server] ${line}`);

const stop = new AbortController();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) {
      // A second signal means cleanup itself is stuck: kill what we can, now.
      killServer();
      process.exit(130);
    }
    interrupted = true;
    stop.abort(new Error(`interrupted by ${signal}`));
  });
}

let server: ChildProcess | undefined;
// Last resort for paths that skip the cleanup below (e.g. an uncaught error);
// Playwright registers the same kind of handler for Chromium.
process.on('exit', killServer);

function killServer(): void {
  if (server?.pid) {
    killTree(server.pid, { group: true });
  }
}

/** How code-server ended, or undefined while it runs. */
function serverExit(): string | undefined {
  if (typeof server?.exitCode === 'number') {
    return `code ${server.exitCode}`;
  }
  return server?.signalCode ?? undefined;
}

function abortable<T>(promise: Promise<T>): Promise<T> {
  stop.signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(stop.signal.reason);
    stop.signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => stop.signal.removeEventListener('abort', onAbort));
  });
}

function sleep(ms: number): Promise<void> {
  return abortable(new Promise((resolve) => setTimeout(resolve, ms)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function remoteUri(port: number, absolutePath: string): string {
  const encoded = absolutePath.split('/').map(encodeURIComponent).join('/');
  return `vscode-remote://127.0.0.1:${port}${encoded}`;
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function checkPrerequisites(): void {
  const problems: string[] = [];
  if (!fs.existsSync(path.join(CODE_SERVER_DIR, '.prepared'))) {
    problems.push(`code-server is not prepared in ${CODE_SERVER_DIR}: run npm run prepare:vscode`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    problems.push(`${CHROMIUM} is missing: run npm run prepare:vscode`);
  }
  if (!fs.existsSync(path.join(extensionDir, 'package.json'))) {
    problems.push(`no extension manifest in ${extensionDir}`);
  }
  if (!fs.existsSync(testsIndex)) {
    problems.push(`no test index at ${testsIndex}: run npm run build:vscode-tests`);
  }
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }
}

async function startCodeServer(sandbox: Sandbox, port: number, logFile: string): Promise<void> {
  const logFd = fs.openSync(logFile, 'a');
  server = spawn(
    process.execPath,
    [
      'out/node/entry.js',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      sandbox.userDataDir,
      '--extensions-dir',
      sandbox.extensionsDir,
      // Keeps code-server from writing a config file into the user's home.
      '--config',
      path.join(sandbox.root, 'config.yaml'),
      sandbox.workspace,
    ],
    // Its own process group, so one signal reaches its extension host and the
    // language server too.
    { cwd: CODE_SERVER_DIR, env: sandbox.env, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  fs.closeSync(logFd);

  const healthz = `http://127.0.0.1:${port}/healthz`;
  for (;;) {
    if (serverExit()) {
      throw new Error(`code-server exited early (${serverExit()}):\n${tail(logFile)}`);
    }
    try {
      if ((await abortable(fetch(healthz, { signal: AbortSignal.timeout(2000) }))).ok) {
        return;
      }
    } catch (err) {
      if (stop.signal.aborted) {
        throw err;
      }
      // Not listening yet.
    }
    await sleep(200);
  }
}

/** Streams each finished test as the suite reports it; holds the latest results. */
class Progress {
  results: TestRunResults = { tests: [], finished: false };
  private printed = 0;

  constructor(private readonly sandbox: Sandbox) {}

  update(): TestRunResults {
    this.results = this.sandbox.readResults() ?? this.results;
    for (; this.printed < this.results.tests.length; this.printed++) {
      printTest(this.results.tests[this.printed]);
    }
    return this.results;
  }

  /** The results so far, with the test that was still running counted as failed. */
  endedEarly(reason: string): TestRunResults {
    const { running } = this.update();
    if (running) {
      const hung = { title: running, state: 'failed' as const, durationMs: 0, error: `did not finish: ${reason}` };
      printTest(hung);
      return { ...this.results, tests: [...this.results.tests, hung], error: reason };
    }
    return { ...this.results, error: reason };
  }
}

async function waitForResults(progress: Progress, hostExit: Promise<number>): Promise<TestRunResults> {
  let exitCode: number | undefined;
  void hostExit.then((code) => (exitCode = code));
  for (;;) {
    if (progress.update().finished) {
      return progress.results;
    }
    if (exitCode !== undefined) {
      return progress.endedEarly(`the extension host exited with code ${exitCode}`);
    }
    if (serverExit()) {
      return progress.endedEarly(`code-server exited (${serverExit()})`);
    }
    await sleep(250);
  }
}

/** Keeps what explains a failure: the page as it was, and every log, including the extension host's and the extension's output channels. */
async function saveArtifacts(page: Page | undefined, sandbox: Sandbox): Promise<void> {
  fs.mkdirSync(RUN_ARTIFACTS, { recursive: true });
  if (page && !page.isClosed()) {
    try {
      await page.screenshot({ path: path.join(RUN_ARTIFACTS, 'failure.png'), timeout: 10_000 });
    } catch (err) {
      log(`no screenshot: ${(err as Error).message}`);
    }
  }
  for (const name of ['code-server.log', 'browser-console.log']) {
    const source = path.join(sandbox.root, name);
    if (fs.existsSync(source)) {
      fs.copyFileSync(source, path.join(RUN_ARTIFACTS, name));
    }
  }
  const vscodeLogs = path.join(sandbox.userDataDir, 'logs');
  if (fs.existsSync(vscodeLogs)) {
    fs.cpSync(vscodeLogs, path.join(RUN_ARTIFACTS, 'logs'), { recursive: true });
  }
  log(`screenshot and logs: ${path.relative(REPO_ROOT, RUN_ARTIFACTS)}/`);
}

async function main(): Promise<number> {
  checkPrerequisites();
  const started = Date.now();
  const timer = setTimeout(
    () => stop.abort(new Error(`timed out after ${timeoutMs / 1000} s`)),
    timeoutMs,
  );
  const sandbox = createSandbox(options.grep);
  const progress = new Progress(sandbox);
  const serverLog = path.join(sandbox.root, 'code-server.log');
  const browserLog = path.join(sandbox.root, 'browser-console.log');
  // Artifacts of an earlier run would pass for this one's.
  fs.rmSync(RUN_ARTIFACTS, { recursive: true, force: true });
  let browser: Browser | undefined;
  let page: Page | undefined;
  let ok = false;
  try {
    const port = await freePort();
    log(`starting code-server on port ${port}`);
    await startCodeServer(sandbox, port, serverLog);

    browser = await abortable(
      chromium.launch({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        headless: true,
        // Signals are ours to handle so cleanup happens in one place.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: 60_000,
      }),
    );
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (message) => fs.appendFileSync(browserLog, `[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => fs.appendFileSync(browserLog, `[pageerror] ${error.stack ?? error.message}\n`));
    // VS Code's web workbench calls this when the extension host of a test run
    // exits, which tells us a run ended even when it wrote no results.
    let hostExited: (code: number) => void = () => {};
    const hostExit = new Promise<number>((resolve) => (hostExited = resolve));
    await abortable(page.exposeFunction('codeAutomationExit', (code: number) => hostExited(code)));

    const payload = [
      ['extensionDevelopmentPath', remoteUri(port, extensionDir)],
      ['extensionTestsPath', remoteUri(port, testsIndex)],
    ];
    const url =
      `http://127.0.0.1:${port}/?folder=${encodeURIComponent(sandbox.workspace)}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`opening ${sandbox.workspace} with the extension in ${extensionDir}`);
    await abortable(page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }));

    ok = printSummary(await waitForResults(progress, hostExit));
  } catch (err) {
    printSummary(progress.endedEarly((err as Error).message));
  } finally {
    clearTimeout(timer);
    if (!ok && !interrupted) {
      await saveArtifacts(page, sandbox);
    }
    await Promise.race([browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]).catch(() => {});
    killServer();
    sandbox.dispose();
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (interrupted) {
    return 130;
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`[run-code-server] ${err.message}`);
    process.exit(1);
  },
);
