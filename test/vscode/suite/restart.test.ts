import * as vscode from 'vscode';
import {
  NOTES,
  STORY_HEADING,
  documentSymbols,
  findStorySymbol,
  hasDiagnostic,
  lineOf,
  openInEditor,
  revertAndCloseEditors,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

suite('Restart command', () => {
  teardown(revertAndCloseEditors);

  test('starNotes.restartServer brings the diagnostics back from a new server', async () => {
    const uri = workspaceUri(NOTES);
    const { document } = await openInEditor(uri);
    const heading = lineOf(document, STORY_HEADING);
    await waitForDiagnostics(uri, 'missing-action before the restart', (d) => hasDiagnostic(d, 'missing-action', heading));

    // A fresh publication after the restart proves the new server analysed the
    // file; the diagnostics alone could be left over from the old one.
    let republished = false;
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      republished ||= event.uris.some((changed) => changed.toString() === uri.toString());
    });
    try {
      await vscode.commands.executeCommand('starNotes.restartServer');
      await waitFor('diagnostics to be published again', () => republished, (done) => done);
    } finally {
      listener.dispose();
    }
    await waitForDiagnostics(uri, 'missing-action after the restart', (d) => hasDiagnostic(d, 'missing-action', heading));
    await waitFor(
      'the restarted server to answer document symbols',
      async () => findStorySymbol(await documentSymbols(uri), /Leading CI Migration/),
      (symbol) => symbol !== undefined,
      () => 'none',
    );
  });
});
