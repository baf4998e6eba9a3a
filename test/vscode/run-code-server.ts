// Runs the integration suite inside a real VS Code: code-server (prepared by
// scripts/prepare-code-server.sh) driven by headless Debian Chromium. The
// extension and the tests run in code-server's Node extension host with the
// real VS Code API; this machine cannot download a desktop VS Code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import {
  CodeServer,
  abortable as abortableBy,
  codeServerProblems,
  freePort,
  launchChromium,
  remoteUri,
  sleep as sleepBy,
} from './code-server';
import { printSummary, printTest, type TestRunResults } from './results';
import { ARTIFACTS_DIR, REPO_ROOT, createSandbox, type Sandbox } from './sandbox';

const RUN_ARTIFACTS = path.join(ARTIFACTS_DIR, 'vscode');

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
      server?.kill();
      process.exit(130);
    }
    interrupted = true;
    stop.abort(new Error(`interrupted by ${signal}`));
  });
}

let server: CodeServer | undefined;
// Last resort for paths that skip the cleanup below (e.g. an uncaught error);
// Playwright registers the same kind of handler for Chromium.
process.on('exit', () => server?.kill());

const abortable = <T>(promise: Promise<T>): Promise<T> => abortableBy(stop.signal, promise);
const sleep = (ms: number): Promise<void> => sleepBy(stop.signal, ms);

function checkPrerequisites(): void {
  const problems = codeServerProblems({ browser: true });
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
    if (server?.exit) {
      return progress.endedEarly(`code-server exited (${server.exit})`);
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
    server = await CodeServer.start(
      {
        port,
        userDataDir: sandbox.userDataDir,
        extensionsDir: sandbox.extensionsDir,
        stateDir: path.join(sandbox.root, 'code-server'),
        folder: sandbox.workspace,
        env: sandbox.env,
        logFile: serverLog,
      },
      stop.signal,
    );

    browser = await launchChromium(stop.signal);
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
    server?.kill();
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
