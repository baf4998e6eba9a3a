import * as vscode from 'vscode';
import {
  NOTES,
  STORY_HEADING,
  TASK_LINE,
  diagnosticCode,
  hasDiagnostic,
  lineOf,
  openInEditor,
  revertAndCloseEditors,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

function update(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('starNotes').update(key, value, vscode.ConfigurationTarget.Workspace);
}

suite('Settings', () => {
  const uri = workspaceUri(NOTES);
  let heading: number;
  let task: number;

  setup(async () => {
    const { document } = await openInEditor(uri);
    heading = lineOf(document, STORY_HEADING);
    task = lineOf(document, TASK_LINE);
    await waitForDiagnostics(uri, 'the default diagnostics', (d) => hasDiagnostic(d, 'missing-action', heading));
  });

  teardown(async () => {
    for (const key of ['enable', 'minWords', 'severity']) {
      await update(key, undefined);
    }
    await revertAndCloseEditors();
  });

  test('starNotes.severity turns a code off and raises it to an error', async () => {
    await update('severity', { 'missing-action': 'off' });
    await waitForDiagnostics(
      uri,
      'missing-action to be off while incomplete-section stays',
      (d) => !hasDiagnostic(d, 'missing-action') && hasDiagnostic(d, 'incomplete-section', task),
    );

    await update('severity', { 'missing-action': 'error' });
    await waitForDiagnostics(uri, `missing-action as an error on line ${heading}`, (d) =>
      d.some(
        (diagnostic) =>
          diagnosticCode(diagnostic) === 'missing-action' &&
          diagnostic.range.start.line === heading &&
          diagnostic.severity === vscode.DiagnosticSeverity.Error,
      ),
    );
  });

  test('starNotes.enable false clears the diagnostics and true brings them back', async () => {
    await update('enable', false);
    await waitForDiagnostics(uri, 'no diagnostics while disabled', (d) => d.length === 0);

    await update('enable', true);
    await waitForDiagnostics(uri, 'missing-action once enabled again', (d) => hasDiagnostic(d, 'missing-action', heading));
  });

  test('starNotes.minWords decides whether "- Task: Mi" is incomplete', async () => {
    await waitForDiagnostics(uri, `incomplete-section on line ${task} at the default of 3`, (d) =>
      hasDiagnostic(d, 'incomplete-section', task),
    );
    await update('minWords', 1);
    await waitForDiagnostics(uri, `incomplete-section to go from line ${task} at 1`, (d) =>
      !hasDiagnostic(d, 'incomplete-section', task),
    );
  });
});
