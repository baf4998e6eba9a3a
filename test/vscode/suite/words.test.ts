import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, openScratch, revertAndCloseEditors, starDiagnostics, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

const ADD_WORD = 'starNotes.spelling.addWord';

/** The words of the document's spelling findings. */
function typos(document: vscode.TextDocument): string[] {
  return starDiagnostics(document.uri)
    .filter((d) => diagnosticCode(d) === 'spelling')
    .map((d) => document.getText(d.range));
}

/** Waits until spelling was checked (the "recieved" left in every note is flagged) and `word` is flagged or not. */
function waitForWord(document: vscode.TextDocument, word: string, flagged: boolean): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(document.uri, `"${word}" ${flagged ? 'flagged' : 'accepted'}`, () => {
    const words = typos(document);
    return words.includes('recieved') && words.includes(word) === flagged;
  });
}

async function workspaceWords(): Promise<string[]> {
  const bytes = await vscode.workspace.fs.readFile(workspaceUri('.star-notes/words.txt'));
  return Buffer.from(bytes).toString('utf8').split('\n').filter(Boolean);
}

suite('Spelling words', () => {
  teardown(revertAndCloseEditors);

  test('"Add to workspace words" is run by the server: the word goes to .star-notes/words.txt and its finding goes', async () => {
    const { document } = await openScratch('words-quick-fix.md', 'We recieved the quuxifier report.\n');
    const diagnostics = await waitForWord(document, 'quuxifier', true);
    const typo = diagnostics.find((d) => diagnosticCode(d) === 'spelling' && document.getText(d.range) === 'quuxifier')!;
    const add = await waitFor(
      'the "Add to workspace words" quick fix',
      async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, typo.range, vscode.CodeActionKind.QuickFix.value);
        return actions.find((action) => action.title === 'Add "quuxifier" to workspace words');
      },
      (action) => action !== undefined,
      () => describeDiagnostics(starDiagnostics(document.uri)),
    );
    assert.equal(add?.command?.command, ADD_WORD);
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    await waitForWord(document, 'quuxifier', false);
    assert.ok((await workspaceWords()).includes('quuxifier'));
  });

  test('"STAR Notes: Add Word to Spelling Words" adds the word at the cursor to the workspace words', async () => {
    const editor = await openScratch('words-palette.md', 'We recieved the zorblaxian report.\n');
    await waitForWord(editor.document, 'zorblaxian', true);
    const inside = editor.document.positionAt(editor.document.getText().indexOf('zorblaxian') + 3);
    editor.selection = new vscode.Selection(inside, inside);
    await vscode.commands.executeCommand(ADD_WORD);
    await waitForWord(editor.document, 'zorblaxian', false);
    assert.ok((await workspaceWords()).includes('zorblaxian'));
  });
});
