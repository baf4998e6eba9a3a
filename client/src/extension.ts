import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Thin glue: start the server, hand it settings, give the user a restart command. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('STAR Notes', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: schemesToCheck().map((scheme) => ({ language: 'markdown', scheme })),
    outputChannel,
    // VS Code shows pushed and pulled diagnostics side by side; pushing alone avoids doubles.
    initializationOptions: { pullDiagnostics: false },
    synchronize: {
      configurationSection: 'starNotes',
      // Code Spell Checker's configuration files: their words count for STAR Notes too.
      fileEvents: vscode.workspace.createFileSystemWatcher(`**/{${CSPELL_FILES.join(',')}}`),
    },
    connectionOptions: { maxRestartCount: 4 },
    middleware: {
      workspace: {
        // Resolve settings against the open document so `[markdown]` language overrides apply.
        configuration: (params, token, next) =>
          params.items.map((item) => {
            const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === item.scopeUri);
            const scope = document ?? (item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined);
            return item.section ? toPlain(vscode.workspace.getConfiguration(item.section, scope)) : next({ items: [item] }, token);
          }),
      },
    },
  };

  client = new LanguageClient('starNotes', 'STAR Notes', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('starNotes.restartServer', async () => {
      outputChannel.appendLine('Restarting the STAR Notes server…');
      await restart(outputChannel);
    }),
    // The server never writes settings; its "Add to … words" quick fixes call this.
    vscode.commands.registerCommand('starNotes.spelling.addWord', (word: unknown, target: unknown, uri: unknown) => addWord(word, target, uri)),
  );
  await client.start();
}

/**
 * `LanguageClient.restart()` gives the server 2 s to shut down and stays stopped if it is busier
 * than that (loading dictionaries); a restart command that leaves no server is worse than none.
 */
async function restart(outputChannel: vscode.LogOutputChannel): Promise<void> {
  if (!client) return;
  try {
    if (client.isRunning()) await client.stop(10_000);
  } catch (error) {
    outputChannel.warn(`The server did not stop cleanly (${String(error)}); starting a new one.`);
  }
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

const CSPELL_FILES = [
  'cspell.json',
  '.cspell.json',
  'cSpell.json',
  '.cSpell.json',
  'cspell.jsonc',
  '.cspell.jsonc',
  'cspell.config.json',
  'cspell.config.jsonc',
  'cspell.config.yaml',
  'cspell.config.yml',
  '.cspell.config.json',
  '.cspell.config.jsonc',
  '.cspell.config.yaml',
  '.cspell.config.yml',
  'cspell.yaml',
  'cspell.yml',
  '.cspell.yaml',
  '.cspell.yml',
];

/** Adds a word to `starNotes.spelling.words` of the workspace, or to the user's `starNotes.spelling.userWords`. */
async function addWord(word: unknown, target: unknown, uri: unknown): Promise<void> {
  if (typeof word !== 'string' || word.trim() === '') return;
  const scope = typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
  const configuration = vscode.workspace.getConfiguration('starNotes.spelling', scope);
  const user = target === 'user' || !vscode.workspace.workspaceFolders?.length;
  const key = user ? 'userWords' : 'words';
  const inspected = configuration.inspect<string[]>(key);
  const current = (user ? inspected?.globalValue : inspected?.workspaceValue) ?? [];
  if (current.includes(word)) return;
  const words = [...current, word].sort((a, b) => a.localeCompare(b));
  await configuration.update(key, words, user ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace);
}

/** `starNotes.schemes`, which the server validates (and warns about) itself; the client only must not open more. */
function schemesToCheck(): string[] {
  const schemes = vscode.workspace.getConfiguration('starNotes').get<unknown>('schemes');
  return Array.isArray(schemes) && schemes.length > 0 && schemes.every((scheme) => typeof scheme === 'string') ? schemes : ['file', 'untitled'];
}

/** A configuration section as plain JSON, the shape `workspace/configuration` answers with. */
function toPlain(configuration: vscode.WorkspaceConfiguration): unknown {
  return JSON.parse(JSON.stringify(configuration));
}
