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

suite('Config file (.star-notes.json)', () => {
  const uri = workspaceUri(NOTES);
  const configFile = workspaceUri('.star-notes.json');
  let heading: number;
  let task: number;

  setup(async () => {
    const { document } = await openInEditor(uri);
    heading = lineOf(document, STORY_HEADING);
    task = lineOf(document, TASK_LINE);
    await waitForDiagnostics(uri, `incomplete-section on line ${task} at the default minWords of 3`, (d) => hasDiagnostic(d, 'incomplete-section', task));
  });

  teardown(async () => {
    await vscode.workspace.fs.delete(configFile).then(undefined, () => undefined);
    for (const key of ['minWords', 'severity']) await update(key, undefined);
    await revertAndCloseEditors();
  });

  test('counts over the defaults, under workspace settings, and a default never hides it', async () => {
    await vscode.workspace.fs.writeFile(configFile, Buffer.from(JSON.stringify({ minWords: 1, severity: { 'missing-action': 'error' } }), 'utf8'));
    const isError = (d: vscode.Diagnostic[]) =>
      d.some((diagnostic) => diagnosticCode(diagnostic) === 'missing-action' && diagnostic.range.start.line === heading && diagnostic.severity === vscode.DiagnosticSeverity.Error);
    await waitForDiagnostics(uri, 'the file’s minWords 1 and missing-action error', (d) => !hasDiagnostic(d, 'incomplete-section', task) && isError(d));

    await update('minWords', 3);
    await waitForDiagnostics(uri, 'the workspace’s minWords 3 over the file’s 1', (d) => hasDiagnostic(d, 'incomplete-section', task) && isError(d));

    await update('severity', { 'no-metric': 'off' });
    await update('minWords', undefined);
    await waitForDiagnostics(uri, 'the file again once the workspace setting is gone, its severity merged with the workspace’s', (d) => !hasDiagnostic(d, 'incomplete-section', task) && isError(d));
  });
});
