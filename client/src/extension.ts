import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { NEW_STORY_COMMAND, newStory } from './newStory';
import { StoryBank } from './storyBank';
import { StoryReport } from './report';

/** The server's command (it writes the word files); vscode-languageclient registers it as a VS Code command. */
const ADD_WORD_COMMAND = 'starNotes.spelling.addWord';

/** What the server answers to `ADD_WORD_COMMAND`. */
interface AddWordResult {
  word: string;
  file: string;
  added: boolean;
}

let client: LanguageClient | undefined;

/** What the extension gives other extensions, and the real-editor tests: the story bank's tree and status bar. */
export interface StarNotesApi {
  storyBank: StoryBank;
}

/** Thin glue: start the server, hand it settings, give the user a restart command and the word at the cursor to add. */
export async function activate(context: vscode.ExtensionContext): Promise<StarNotesApi> {
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
            return item.section ? settingsSet(item.section, scope, settingNames(context, item.section)) : next({ items: [item] }, token);
          }),
      },
      executeCommand: (command, args, next) => {
        if (command === ADD_WORD_COMMAND) return addWord(args);
        if (command === NEW_STORY_COMMAND && client) return newStory(client, args, next);
        return next(command, args);
      },
    },
  };

  client = new LanguageClient('starNotes', 'STAR Notes', serverOptions, clientOptions);
  // Before the server starts: the tree view needs its provider at once, and asks when the server is up.
  const storyBank = new StoryBank(context, client, outputChannel);
  context.subscriptions.push(storyBank, new StoryReport(client, storyBank.onDidChangeStories));
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('starNotes.restartServer', async () => {
      outputChannel.appendLine('Restarting the STAR Notes server…');
      await restart(outputChannel);
    }),
  );
  await client.start();
  return { storyBank };
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

/** The settings of `section` the manifest declares, without the section: `minWords`, `spelling.language`. */
function settingNames(context: vscode.ExtensionContext, section: string): string[] {
  const declared = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: object } } }).contributes?.configuration?.properties ?? {};
  return Object.keys(declared).flatMap((name) => (name.startsWith(`${section}.`) ? [name.slice(section.length + 1)] : []));
}

/**
 * The settings of `section` that someone set, at any level (user, remote, workspace, folder,
 * and each one's `[markdown]` block), merged as VS Code merges them, as plain JSON. Settings
 * nobody set are left out: the server puts these over the config file (`.star-notes.json`),
 * which a default must not hide. `getConfiguration` alone can't tell the two apart, `inspect` can.
 */
function settingsSet(section: string, scope: vscode.ConfigurationScope | undefined, names: readonly string[]): Record<string, unknown> {
  const configuration = vscode.workspace.getConfiguration(section, scope);
  const set: Record<string, unknown> = {};
  for (const name of names) {
    const levels = configuration.inspect(name);
    if (!levels) continue;
    const { globalValue, workspaceValue, workspaceFolderValue, globalLanguageValue, workspaceLanguageValue, workspaceFolderLanguageValue } = levels;
    if ([globalValue, workspaceValue, workspaceFolderValue, globalLanguageValue, workspaceLanguageValue, workspaceFolderLanguageValue].every((value) => value === undefined)) continue;
    const path = name.split('.');
    let target = set;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]] = JSON.parse(JSON.stringify(configuration.get(name) ?? null));
  }
  return set;
}
