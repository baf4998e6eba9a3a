import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

/** The server renders the report (server/src/core/bank/report.ts), the same page `star-notes report --format html` writes. */
const REPORT_REQUEST = 'starNotes/report';
export const SHOW_REPORT_COMMAND = 'starNotes.showStoryReport';
/** Diagnostics come per document, often several in a row: one new report after they settle. */
const REFRESH_DEBOUNCE_MS = 500;

interface RevealMessage {
  command: 'reveal';
  uri: string;
  line: number;
  character: number;
}

/**
 * The story report in a webview. The page's colours are the theme's (`--vscode-*` variables);
 * its links carry the story's URI and line, which the page's script posts back to be revealed.
 * While it is visible it is rendered again when the stories changed, and when it is shown again.
 */
export class StoryReport implements vscode.Disposable {
  #panel?: vscode.WebviewPanel;
  #timer?: NodeJS.Timeout;
  readonly #disposables: vscode.Disposable[] = [];

  /** `storiesChanged` is the story bank's: a client has one handler per notification, so the bank relays it. */
  constructor(
    private readonly client: LanguageClient,
    storiesChanged: vscode.Event<void>,
  ) {
    this.#disposables.push(
      vscode.commands.registerCommand(SHOW_REPORT_COMMAND, () => this.show()),
      storiesChanged(() => this.#schedule()),
    );
  }

  /** Opens the report, or brings it to the front, and renders it anew. */
  async show(): Promise<void> {
    if (this.#panel) this.#panel.reveal();
    else {
      this.#panel = vscode.window.createWebviewPanel('starNotes.storyReport', 'STAR Story Report', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.#panel.onDidDispose(() => (this.#panel = undefined));
      this.#panel.onDidChangeViewState(({ webviewPanel }) => webviewPanel.visible && this.#schedule(0));
      this.#panel.webview.onDidReceiveMessage((message: RevealMessage) => message?.command === 'reveal' && void reveal(message));
    }
    await this.#render();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#panel?.dispose();
    this.#disposables.forEach((disposable) => disposable.dispose());
  }

  #schedule(ms = REFRESH_DEBOUNCE_MS): void {
    if (!this.#panel?.visible) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#render(), ms);
  }

  async #render(): Promise<void> {
    const panel = this.#panel;
    if (!panel) return;
    let html: string;
    try {
      if (this.client.state !== State.Running) throw new Error('the STAR Notes server is not running');
      html = await this.client.sendRequest<string>(REPORT_REQUEST, { format: 'html' });
    } catch (error) {
      html = `<!DOCTYPE html><html><head></head><body><p>The story report could not be made: ${escapeHtml(error instanceof Error ? error.message : String(error))}</p></body></html>`;
    }
    if (this.#panel === panel) panel.webview.html = withScript(html, panel.webview);
  }
}

/** The page with a content policy that lets only its own styles and this one script run. */
function withScript(html: string, webview: vscode.Webview): string {
  const nonce = randomBytes(16).toString('base64');
  const policy = `default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';`;
  const script = `<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-uri]') : null;
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ command: 'reveal', uri: link.dataset.uri, line: Number(link.dataset.line), character: Number(link.dataset.character) });
});
</script>`;
  return html.replace('<head>', `<head>\n<meta http-equiv="Content-Security-Policy" content="${policy}">`).replace('</body>', `${script}\n</body>`);
}

async function reveal(message: RevealMessage): Promise<void> {
  const position = new vscode.Position(Math.max(0, message.line || 0), Math.max(0, message.character || 0));
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
