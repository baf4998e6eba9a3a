// What every code-server runner shares: the prepared code-server under
// .cache/ (scripts/prepare-code-server.sh), starting and stopping it, installing
// a VSIX into it, and the headless Chromium that drives its web workbench.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { killTree } from './processes';
import { REPO_ROOT } from './sandbox';

export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = path.join(REPO_ROOT, `.cache/code-server-${CODE_SERVER_VERSION}`);
export const CHROMIUM = '/usr/bin/chromium';
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

/** What is missing before code-server can run; empty when it is ready. */
export function codeServerProblems({ browser }: { browser: boolean }): string[] {
  const problems: string[] = [];
  if (!fs.existsSync(path.join(CODE_SERVER_DIR, '.prepared'))) {
    problems.push(`code-server is not prepared in ${CODE_SERVER_DIR}: run npm run prepare:vscode`);
  }
  if (browser && !fs.existsSync(CHROMIUM)) {
    problems.push(`${CHROMIUM} is missing: run npm run prepare:vscode`);
  }
  return problems;
}

/** Rejects when `signal` aborts, with its reason, even if `promise` never settles. */
export function abortable<T>(signal: AbortSignal, promise: Promise<T>): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function sleep(signal: AbortSignal, ms: number): Promise<void> {
  return abortable(signal, new Promise((resolve) => setTimeout(resolve, ms)));
}

/** `preferred` if it is free on 127.0.0.1, else (or with 0) any free port. */
export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', (err: NodeJS.ErrnoException) => {
      if (preferred !== 0 && err.code === 'EADDRINUSE') {
        freePort(0).then(resolve, reject);
      } else {
        reject(err);
      }
    });
    probe.listen(preferred, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A file or folder on this machine as the web workbench names it. */
export function remoteUri(port: number, absolutePath: string): string {
  const encoded = absolutePath.split('/').map(encodeURIComponent).join('/');
  return `vscode-remote://127.0.0.1:${port}${encoded}`;
}

export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export interface CodeServerOptions {
  port: number;
  userDataDir: string;
  extensionsDir: string;
  /** Scratch folder for code-server's config file and its own data (kept out of the user's home). */
  stateDir: string;
  /** The folder code-server opens when a URL names none. */
  folder?: string;
  /** Full environment for code-server, its extension host and the language server. */
  env: NodeJS.ProcessEnv;
  logFile: string;
}

/** Flags that keep code-server quiet, offline and out of the user's home. */
function commonArgs(options: Pick<CodeServerOptions, 'userDataDir' | 'extensionsDir' | 'stateDir'>): string[] {
  return [
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir',
    options.userDataDir,
    '--extensions-dir',
    options.extensionsDir,
    // Without it code-server writes ~/.config/code-server/config.yaml.
    '--config',
    path.join(options.stateDir, 'config.yaml'),
  ];
}

/** code-server writes heartbeats and its own logs under $XDG_DATA_HOME/code-server. */
function envFor(options: Pick<CodeServerOptions, 'env' | 'stateDir'>): NodeJS.ProcessEnv {
  return { ...options.env, XDG_DATA_HOME: path.join(options.stateDir, 'data') };
}

/** A running code-server, in its own process group so one kill reaches its extension host and the language server too. */
export class CodeServer {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  /** Starts code-server and waits until it answers /healthz. */
  static async start(options: CodeServerOptions, signal: AbortSignal): Promise<CodeServer> {
    fs.mkdirSync(options.stateDir, { recursive: true });
    const logFd = fs.openSync(options.logFile, 'a');
    const child = spawn(
      process.execPath,
      [
        'out/node/entry.js',
        '--bind-addr',
        `127.0.0.1:${options.port}`,
        '--auth',
        'none',
        '--disable-workspace-trust',
        ...commonArgs(options),
        ...(options.folder ? [options.folder] : []),
      ],
      { cwd: CODE_SERVER_DIR, env: envFor(options), detached: true, stdio: ['ignore', logFd, logFd] },
    );
    fs.closeSync(logFd);
    const server = new CodeServer(options.port, child);
    try {
      await server.waitUntilHealthy(options.logFile, signal);
    } catch (err) {
      server.kill();
      throw err;
    }
    return server;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** How code-server ended, or undefined while it runs. */
  get exit(): string | undefined {
    if (typeof this.child.exitCode === 'number') {
      return `code ${this.child.exitCode}`;
    }
    return this.child.signalCode ?? undefined;
  }

  /** Resolves with how code-server ended. */
  exited(): Promise<string> {
    return new Promise((resolve) => {
      if (this.exit) {
        resolve(this.exit);
      } else {
        this.child.once('exit', () => resolve(this.exit ?? 'exited'));
      }
    });
  }

  url(pathAndQuery = '/'): string {
    return `http://127.0.0.1:${this.port}${pathAndQuery}`;
  }

  /** Kills code-server and everything it started. Safe to call twice. */
  kill(): void {
    if (this.child.pid) {
      killTree(this.child.pid, { group: true });
    }
  }

  private async waitUntilHealthy(logFile: string, signal: AbortSignal): Promise<void> {
    for (;;) {
      if (this.exit) {
        throw new Error(`code-server exited early (${this.exit}):\n${tail(logFile)}`);
      }
      try {
        if ((await abortable(signal, fetch(this.url('/healthz'), { signal: AbortSignal.timeout(2000) }))).ok) {
          return;
        }
      } catch (err) {
        if (signal.aborted) {
          throw err;
        }
        // Not listening yet.
      }
      await sleep(signal, 200);
    }
  }
}

/** Installs a VSIX the way a user would with code-server's CLI; throws with its output if that fails. */
export function installVsix(
  vsix: string,
  options: Pick<CodeServerOptions, 'userDataDir' | 'extensionsDir' | 'stateDir' | 'env'>,
): string {
  fs.mkdirSync(options.stateDir, { recursive: true });
  const result = spawnSync(
    process.execPath,
    ['out/node/entry.js', ...commonArgs(options), '--force', '--install-extension', vsix],
    { cwd: CODE_SERVER_DIR, env: envFor(options), encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  }
  return output;
}

export function launchChromium(signal: AbortSignal): Promise<Browser> {
  return abortable(
    signal,
    chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      // Signals are the runner's to handle so cleanup happens in one place.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 60_000,
    }),
  );
}
