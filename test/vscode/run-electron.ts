// Runs the integration suite in desktop VS Code through @vscode/test-electron,
// for machines that have one (VSCODE_EXECUTABLE_PATH) or can download one.
// Where neither holds, as on this project's own machines, it says so and
// passes: run-code-server.ts is the runner that works there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { killTree } from './processes';
import { printSummary, printTest } from './results';
import { REPO_ROOT, createSandbox } from './sandbox';

// The VS Code that the prepared code-server embeds, so both runners test the same API.
const VSCODE_VERSION = '1.100.3';
const CACHE_PATH = path.join(REPO_ROOT, '.cache/vscode-test');
const DOWNLOAD_PROBE = 'https://update.code.visualstudio.com/api/releases/stable';

const { values: options } = parseArgs({
  options: {
    'timeout-seconds': { type: 'string', default: '300' },
    grep: { type: 'string' },
  },
});

async function canDownload(): Promise<boolean> {
  try {
    return (await fetch(DOWNLOAD_PROBE, { method: 'HEAD', signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  // test-electron needs no network for a pinned version it has already downloaded.
  const cached = fs.existsSync(path.join(CACHE_PATH, `vscode-linux-x64-${VSCODE_VERSION}`));
  if (!vscodeExecutablePath && !cached && !(await canDownload())) {
    console.log('skipped: no VS Code available (set VSCODE_EXECUTABLE_PATH)');
    return 0;
  }

  const timeoutMs = Number(options['timeout-seconds']) * 1000;
  // test-electron gives no handle on the VS Code it starts, so a hung run is
  // ended by killing everything below this process.
  const timer = setTimeout(() => {
    console.error(`[run-electron] timed out after ${timeoutMs / 1000} s`);
    killTree(process.pid, { group: false });
    process.exit(1);
  }, timeoutMs);

  const sandbox = createSandbox(options.grep);
  try {
    await runTests({
      vscodeExecutablePath,
      version: VSCODE_VERSION,
      cachePath: CACHE_PATH,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(REPO_ROOT, 'test/vscode/out/index.js'),
      extensionTestsEnv: sandbox.env,
      launchArgs: [
        sandbox.workspace,
        '--user-data-dir',
        sandbox.userDataDir,
        '--extensions-dir',
        sandbox.extensionsDir,
      ],
    });
  } catch (err) {
    // A failing suite makes VS Code exit non-zero; the results file says why.
    console.error(`[run-electron] ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }

  const results = sandbox.readResults() ?? {
    tests: [],
    finished: false,
    error: 'VS Code exited before the suite wrote results',
  };
  sandbox.dispose();
  results.tests.forEach((test) => printTest(test));
  return printSummary(results) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`[run-electron] ${err.message}`);
    process.exit(1);
  },
);
