import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stopServer } from '../test/protocol/client';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = resolve(__dirname, '../server/out/server.js');

export interface Published {
  params: PublishDiagnosticsParams;
  /** performance.now() when it arrived. */
  at: number;
}

/** A bare LSP client over stdio that notes when each diagnostics notification arrived. */
export class BenchClient {
  readonly published: Published[] = [];
  readonly #waiters = new Set<() => void>();
  #versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    /** From spawn to the `initialize` result, ms. */
    readonly startMs: number,
    readonly spawnedAt: number,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push({ params, at: performance.now() });
      for (const wake of this.#waiters) wake();
    });
  }

  /** With `workspace`, the server indexes that folder and reports progress; `onProgress` hears it. */
  static async start(settings: unknown, workspace?: { folder: string; onProgress: (kind: string) => void }): Promise<BenchClient> {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    if (workspace) {
      connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
        connection.onProgress(WorkDoneProgress.type, token, (value) => workspace.onProgress(value.kind));
      });
    }
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: workspace ? [{ uri: pathToFileURL(workspace.folder).href, name: 'notes' }] : null,
      capabilities: workspace ? { window: { workDoneProgress: true } } : {},
      initializationOptions: { settings },
    });
    const client = new BenchClient(child, connection, performance.now() - spawnedAt, spawnedAt);
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string): Promise<number> {
    this.#versions.set(uri, 1);
    const sent = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return sent;
  }

  /** Inserts `insert` at `offset` (given as line and character); returns when it was sent. */
  async insert(uri: string, line: number, character: number, insert: string): Promise<number> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    const sent = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: insert }],
    });
    return sent;
  }

  version(uri: string): number {
    return this.#versions.get(uri) ?? 0;
  }

  /** The first diagnostics for `uri` at `version` that satisfy `accept`, waiting up to `ms`. */
  async diagnostics(uri: string, version: number, accept: (params: PublishDiagnosticsParams) => boolean = () => true, ms = 180_000): Promise<Published> {
    const deadline = performance.now() + ms;
    for (;;) {
      const found = this.published.find((p) => p.params.uri === uri && p.params.version === version && accept(p.params));
      if (found) return found;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} v${version} within ${ms} ms`);
      await new Promise<void>((wake) => {
        const done = () => {
          clearTimeout(timer);
          this.#waiters.delete(done);
          wake();
        };
        const timer = setTimeout(done, Math.min(left, 1000));
        this.#waiters.add(done);
      });
    }
  }

  /** ms until a documentSymbol request for `uri` is answered. */
  async symbolsLatency(uri: string): Promise<number> {
    const sent = performance.now();
    await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    return performance.now() - sent;
  }

  /** The server's peak resident memory so far, MB (Linux; undefined elsewhere). */
  peakRssMb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      return kb ? Number(kb) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    await stopServer(this.connection, this.process);
  }

}
