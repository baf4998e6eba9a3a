import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'star-notes.star-notes';
export const SOURCE = 'star-notes';
export const NOTES = 'interview-notes.md';
export const STORY_HEADING = '### Leading CI Migration (Jenkins -> GH Actions)';
export const TASK_LINE = '- Task: Mi';

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (a copy of test/fixtures)');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Creates (or overwrites) a markdown file in the workspace and opens it. */
export async function openScratch(name: string, content: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  return openInEditor(uri);
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

export function starDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function hasDiagnostic(diagnostics: vscode.Diagnostic[], code: string, line?: number): boolean {
  return diagnostics.some((d) => diagnosticCode(d) === code && (line === undefined || d.range.start.line === line));
}

export function describeDiagnostics(diagnostics: vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) {
    return '(no star-notes diagnostics)';
  }
  return diagnostics
    .map((d) => `${diagnosticCode(d)}@${d.range.start.line}:${vscode.DiagnosticSeverity[d.severity]}`)
    .join(', ');
}

/** Polls until `accept` holds; the language server answers asynchronously. */
export async function waitFor<T>(
  description: string,
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean,
  describe: (value: T) => string = (value) => JSON.stringify(value),
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}; last seen: ${describe(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function waitForDiagnostics(
  uri: vscode.Uri,
  description: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(description, () => starDiagnostics(uri), accept, describeDiagnostics);
}

export function lineOf(document: vscode.TextDocument, text: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.trimEnd() === text) {
      return line;
    }
  }
  assert.fail(`no line "${text}" in ${document.uri.fsPath}`);
}

export function documentSymbols(uri: vscode.Uri): Thenable<vscode.DocumentSymbol[] | undefined> {
  return vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
}

/**
 * executeDocumentSymbolProvider merges every provider's symbols, and the
 * built-in markdown extension outlines each heading under its '#'-prefixed
 * text, so a story is the non-'#' symbol with STAR sections as children.
 */
export function findStorySymbol(
  symbols: readonly vscode.DocumentSymbol[] | undefined,
  title: RegExp,
): vscode.DocumentSymbol | undefined {
  for (const symbol of symbols ?? []) {
    const isStory =
      !symbol.name.startsWith('#') &&
      title.test(symbol.name) &&
      symbol.children.some((child) => /situation|task|action|result/i.test(child.name));
    if (isStory) {
      return symbol;
    }
    const nested = findStorySymbol(symbol.children, title);
    if (nested) {
      return nested;
    }
  }
  return undefined;
}

/** Snippet names by prefix, read from the files the manifest contributes for markdown. */
export function markdownSnippetsByPrefix(): Map<string, string> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const contributions: { language?: string; path: string }[] = extension.packageJSON.contributes?.snippets ?? [];
  const byPrefix = new Map<string, string>();
  for (const contribution of contributions.filter((c) => c.language === 'markdown')) {
    const file = path.join(extension.extensionPath, contribution.path);
    const snippets: Record<string, { prefix: string | string[] }> = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const [name, snippet] of Object.entries(snippets)) {
      for (const prefix of [snippet.prefix].flat()) {
        byPrefix.set(prefix, name);
      }
    }
  }
  return byPrefix;
}

/** Undoes what a test did to the shared editors so the next test starts clean. */
export async function revertAndCloseEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
