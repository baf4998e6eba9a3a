import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The server's command (it writes the word files); vscode-languageclient registers it as a VS Code command. */
const ADD_WORD_COMMAND = 'starNotes.spelling.addWord';

/** What the server answers to `ADD_WORD_COMMAND`. */
interface AddWordResult {
  word: string;
  file: string;
  added: boolean;
}

let client: LanguageClient | undefined;

/** Thin glue: start the server, hand it settings, give the user a restart command and the word at the cursor to add. */
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
    // The server registers the files it watches itself (notes, word files, cspell configurations).
    synchronize: { configurationSection: 'starNotes' },
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
      executeCommand: (command, args, next) => (command === ADD_WORD_COMMAND ? addWord(args) : next(command, args)),
    },
  };

  client = new LanguageClient('starNotes', 'STAR Notes', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('starNotes.restartServer', async () => {
      outputChannel.appendLine('Restarting the STAR Notes server…');
      await restart(outputChannel);
    }),
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

/**
 * Asks the server to add a word: a quick fix gives (word, target, uri), the palette nothing. The
 * request goes straight to the server so that a failure shows the server's reason, not a generic
 * "request failed".
 */
async function addWord(args: unknown[]): Promise<AddWordResult | undefined> {
  const params = args.length > 0 ? args : paletteArguments();
  if (!params) {
    void vscode.window.showInformationMessage('STAR Notes: put the cursor on a word (or select it) in a markdown file to add it to the spelling words.');
    return undefined;
  }
  try {
    const result = (await client?.sendRequest(ExecuteCommandRequest.type, { command: ADD_WORD_COMMAND, arguments: params })) as AddWordResult | undefined;
    if (result) {
      const where = vscode.workspace.asRelativePath(result.file);
      vscode.window.setStatusBarMessage(result.added ? `STAR Notes: added "${result.word}" to ${where}` : `STAR Notes: "${result.word}" is already in ${where}`, 5000);
    }
    return result;
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/** From the palette: the selection or the word at the cursor of the active editor, for the workspace's words. */
function paletteArguments(): unknown[] | undefined {
  const editor = vscode.window.activeTextEditor;
  const word = editor && wordAtCursor(editor);
  return editor && word ? [word, 'workspace', editor.document.uri.toString()] : undefined;
}

/** The selected text, or the word under the cursor, letters, marks and digits with inner apostrophes. */
function wordAtCursor(editor: vscode.TextEditor): string | undefined {
  const { document, selection } = editor;
  if (!selection.isEmpty) return document.getText(selection).trim() || undefined;
  const range = document.getWordRangeAtPosition(selection.active, /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/u);
  return range && document.getText(range);
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
