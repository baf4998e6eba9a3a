import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  NOTES,
  STORY_HEADING,
  TASK_LINE,
  describeDiagnostics,
  diagnosticCode,
  hasDiagnostic,
  lineOf,
  openInEditor,
  revertAndCloseEditors,
  waitFor,
  starDiagnostics,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

suite('Code actions', () => {
  teardown(revertAndCloseEditors);

  test('the missing-action quick fix adds an Action bullet to the story', async () => {
    const uri = workspaceUri(NOTES);
    const { document } = await openInEditor(uri);
    const heading = lineOf(document, STORY_HEADING);
    const [missingAction] = (
      await waitForDiagnostics(uri, `missing-action on line ${heading}`, (d) =>
        hasDiagnostic(d, 'missing-action', heading),
      )
    ).filter((d) => diagnosticCode(d) === 'missing-action' && d.range.start.line === heading);

    // Polled: right after the diagnostics appear, the server has been seen to
    // answer the first request with no actions (about one run in three).
    // Asking for a few resolved items covers servers that fill in edits lazily
    // (codeAction/resolve). The API command drops CodeAction.diagnostics, so
    // the fix is told apart from others on the line (e.g. spelling) by its title.
    const { fix } = await waitFor(
      'a quick fix for missing-action',
      async () => {
        let actions: (vscode.CodeAction | vscode.Command)[];
        try {
          actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider',
            uri,
            missingAction.range,
            vscode.CodeActionKind.QuickFix.value,
            10,
          );
        } catch (err) {
          // The workbench cancels a code action request when the providers
          // registered for the document change while it waits (as other
          // extensions start up); the lightbulb simply asks again, and so do we.
          if ((err as Error).message === 'Canceled') {
            return { titles: ['(request canceled)'], fix: undefined };
          }
          throw err;
        }
        const fixes = actions.filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
        return { titles: fixes.map((a) => a.title), fix: fixes.find((a) => /\baction\b/i.test(a.title)) };
      },
      ({ fix }) => fix !== undefined,
      ({ titles }) => `quick fixes ${JSON.stringify(titles)}; diagnostics ${describeDiagnostics(starDiagnostics(uri))}`,
    );
    assert.ok(fix);
    assert.ok(fix.edit || fix.command, `quick fix "${fix.title}" has neither an edit nor a command`);
    if (fix.edit) {
      assert.ok(await vscode.workspace.applyEdit(fix.edit), `applying "${fix.title}" failed`);
    }
    if (fix.command) {
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    }

    const task = lineOf(document, TASK_LINE);
    const results = lineOf(document, '#### Results');
    const storyLines = Array.from({ length: results - task }, (_, i) => document.lineAt(task + i).text);
    assert.ok(
      storyLines.some((text) => /^- Action:/.test(text)),
      `no "- Action:" bullet between the Task line and #### Results:\n${storyLines.join('\n')}`,
    );
    await waitForDiagnostics(uri, `missing-action to go from line ${heading}`, (d) =>
      !hasDiagnostic(d, 'missing-action', lineOf(document, STORY_HEADING)),
    );
  });
});
