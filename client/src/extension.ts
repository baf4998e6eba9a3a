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
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
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
      await client?.restart();
    }),
    // The server never writes settings; its "Add to … words" quick fixes call this.
    vscode.commands.registerCommand('starNotes.spelling.addWord', (word: unknown, target: unknown, uri: unknown) => addWord(word, target, uri)),
  );
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

/** A configuration section as plain JSON, the shape `workspace/configuration` answers with. */
function toPlain(configuration: vscode.WorkspaceConfiguration): unknown {
  return JSON.parse(JSON.stringify(configuration));
}
