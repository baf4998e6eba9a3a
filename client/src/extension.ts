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
    },
  };

  client = new LanguageClient('starNotes', 'STAR Notes', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('starNotes.restartServer', async () => {
      outputChannel.appendLine('Restarting the STAR Notes server…');
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** A configuration section as plain JSON, the shape `workspace/configuration` answers with. */
function toPlain(configuration: vscode.WorkspaceConfiguration): unknown {
  return JSON.parse(JSON.stringify(configuration));
}
