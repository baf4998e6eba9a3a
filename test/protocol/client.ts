import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CONFIG_DIR_VARIABLE } from '../../server/src/runtime/wordFiles';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  ConfigurationRequest,
  RegistrationRequest,
  ShowMessageNotification,
  LogMessageNotification,
  MessageType,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type WorkspaceFolder,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = resolve(__dirname, '../../server/out/server.js');

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  /** Answers `workspace/configuration` for the `starNotes` section; undefined means the client can't. */
  settings?: () => unknown;
  initializationOptions?: unknown;
  workspaceFolders?: WorkspaceFolder[];
  /** Options for node before the server script, e.g. a `--require` preload. */
  nodeArgs?: string[];
  /** The parent process the server watches; this test process unless given. */
  processId?: number | null;
}

/**
 * A real LSP client over stdio for tests: spawns `node server/out/server.js --stdio`,
 * keeps the documents it opened, and records every diagnostics notification.
 */
export class TestClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: string[] = [];
  /** Messages the server logged or showed as errors. */
  readonly errors: string[] = [];
  readonly documents = new Map<string, TextDocument>();
  readonly stderr: string[] = [];
  #waiters: (() => void)[] = [];
  initializeResult?: InitializeResult;

  private constructor(readonly options: ClientOptions) {
    // The user's word file of whoever runs the tests must not change what they see.
    const env = { ...process.env, [CONFIG_DIR_VARIABLE]: process.env[CONFIG_DIR_VARIABLE] ?? mkdtempSync(join(tmpdir(), 'star-notes-user-')) };
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.#wake();
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params.message);
      if (params.type === MessageType.Error) this.errors.push(params.message);
      this.#wake();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.messages.push(params.message);
      if (params.type === MessageType.Error) this.errors.push(params.message);
      this.#wake();
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    if (options.settings) {
      const settings = options.settings;
      this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings() ?? null));
    }
    this.connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const client = new TestClient(options);
    const capabilities: ClientCapabilities = {
      ...options.capabilities,
      workspace: { ...options.capabilities?.workspace, configuration: !!options.settings },
    };
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri: null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    waiters.forEach((wake) => wake());
  }

  /** Resolves when `predicate` holds, re-checking on every notification; rejects after `ms`. */
  async until<T>(predicate: () => T | undefined | false, ms = 10_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, Math.min(left, 200));
        this.#waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  async open(uri: string, text: string, version = 1): Promise<TextDocument> {
    const document = TextDocument.create(uri, 'markdown', version, text);
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
    return document;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<TextDocument> {
    const current = this.documents.get(uri)!;
    const next = TextDocument.update(current, changes, current.version + 1);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The latest diagnostics for a document version (the current one by default). */
  async diagnostics(uri: string, version = this.documents.get(uri)?.version, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.until(
      () => {
        const latest = [...this.published].reverse().find((params) => params.uri === uri);
        return latest && latest.version === version && accept(latest.diagnostics) ? latest.diagnostics : undefined;
      },
      15_000,
      `diagnostics for ${uri} v${version}`,
    );
  }

  async stop(): Promise<void> {
    await stopServer(this.connection, this.process);
  }

}

/** Asks the server to shut down and exit; kills it when it doesn't within two seconds. */
export async function stopServer(connection: ProtocolConnection, child: ChildProcess): Promise<void> {
  try {
    await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((done) => setTimeout(done, 2000))]);
    await connection.sendNotification(ExitNotification.type);
  } catch {
    // The server may already be gone; killing it below is what matters.
  }
  await new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done();
    }, 2000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
  connection.dispose();
}

/** The text a diagnostic's range covers, in a document. */
export function textOf(document: TextDocument, diagnostic: { range: Diagnostic['range'] }): string {
  return document.getText(diagnostic.range);
}
