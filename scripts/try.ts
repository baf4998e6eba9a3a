// npm run try: a real VS Code (code-server, prepared under .cache/) on
// examples/ with STAR Notes as built from this checkout, for a person to try
// in their browser. Runs until Ctrl+C, then stops everything it started.
//
//   npm run try                      the checkout as an extension under development
//   npm run try -- --vsix            package the VSIX and install it, as users get it
//   npm run try -- --folder ~/notes  open another folder
//   npm run try -- --port 9000       listen there (default 8077, or any free port)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CODE_SERVER_VERSION, CodeServer, codeServerProblems, freePort, installVsix, remoteUri } from '../test/vscode/code-server';
import { REPO_ROOT, USER_SETTINGS } from '../test/vscode/sandbox';

const { values: options } = parseArgs({
  options: {
    folder: { type: 'string', default: path.join(REPO_ROOT, 'examples') },
    port: { type: 'string', default: '8077' },
    vsix: { type: 'boolean', default: false },
  },
});

const log = (line: string) => console.log(`[try] ${line}`);

async function main(): Promise<number> {
  const problems = codeServerProblems({ browser: false });
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }
  const folder = path.resolve(options.folder);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`no folder ${folder}`);
  }

  // A fresh profile each time, so what you see is what a new user sees.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'star-notes-try-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const stateDir = path.join(root, 'code-server');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  fs.mkdirSync(extensionsDir);
  // Variables from an enclosing VS Code would make code-server talk to it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VSCODE_|ELECTRON_)/.test(key)));

  let server: CodeServer | undefined;
  const cleanUp = () => {
    server?.kill();
    fs.rmSync(root, { recursive: true, force: true });
  };
  process.on('exit', cleanUp);

  const stop = new AbortController();
  let signalled: NodeJS.Signals | undefined;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (signalled) {
        process.exit(130); // A second Ctrl+C: the exit handler still cleans up.
      }
      signalled = signal;
      stop.abort(new Error(`stopped by ${signal}`));
      server?.kill();
    });
  }

  if (options.vsix) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packaged = spawnSync(npm, ['run', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (packaged.status !== 0) {
      throw new Error('npm run package failed');
    }
    const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
    installVsix(path.join(REPO_ROOT, `star-notes-${version}.vsix`), { userDataDir, extensionsDir, stateDir, env });
  }

  const port = await freePort(Number(options.port));
  const logFile = path.join(root, 'code-server.log');
  try {
    server = await CodeServer.start({ port, userDataDir, extensionsDir, stateDir, folder, env, logFile }, stop.signal);
  } catch (err) {
    if (signalled) {
      return 0;
    }
    throw err;
  }

  let query = `/?folder=${encodeURIComponent(folder)}`;
  if (!options.vsix) {
    // The web workbench loads an extension under development from its URL.
    const payload = [['extensionDevelopmentPath', remoteUri(port, REPO_ROOT)]];
    query += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  log(`code-server ${CODE_SERVER_VERSION} is serving ${folder}`);
  log(options.vsix ? 'with the packaged VSIX installed' : `with the extension loaded from ${REPO_ROOT}`);
  console.log(`\n    Open ${server.url(query)}\n`);
  log('Open a markdown file: the Problems panel (Ctrl+Shift+M) and the Outline show what STAR Notes finds.');
  if (!options.vsix) {
    log('After npm run build (or node scripts/build.mjs --watch), run "Developer: Reload Window" to load the new build.');
  }
  log(`Logs: ${logFile}. Press Ctrl+C to stop.`);

  const how = await server.exited();
  if (signalled) {
    log('stopped');
    return 0;
  }
  log(`code-server exited (${how}); its log:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`[try] ${err.message}`);
    process.exit(1);
  },
);
