import * as assert from 'node:assert/strict';
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

const KNOWN_CODES = new Set([
  'missing-situation',
  'missing-task',
  'missing-action',
  'missing-result',
  'empty-section',
  'incomplete-section',
  'out-of-order',
  'duplicate-section',
  'spelling',
  'repeated-word',
]);

suite('Diagnostics', () => {
  teardown(revertAndCloseEditors);

  test('flags the unfinished Task line and the missing Action of the CI migration story', async () => {
    const uri = workspaceUri(NOTES);
    const { document } = await openInEditor(uri);
    const heading = lineOf(document, STORY_HEADING);
    const task = lineOf(document, TASK_LINE);
    await waitForDiagnostics(
      uri,
      `incomplete-section on line ${task} and missing-action on line ${heading}`,
      (diagnostics) =>
        hasDiagnostic(diagnostics, 'incomplete-section', task) && hasDiagnostic(diagnostics, 'missing-action', heading),
    );
  });

  test('uses only the documented diagnostic codes', async () => {
    const uri = workspaceUri(NOTES);
    await openInEditor(uri);
    const diagnostics = await waitForDiagnostics(uri, 'any star-notes diagnostic', (d) => d.length > 0);
    const unknown = diagnostics.map(diagnosticCode).filter((code) => !KNOWN_CODES.has(code ?? ''));
    assert.deepEqual(unknown, []);
  });
});
