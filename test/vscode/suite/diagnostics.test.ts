import * as vscode from 'vscode';
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
import { CODES } from '../../../server/src/core/rules';

const KNOWN_CODES: ReadonlySet<string> = new Set(CODES.keys());

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

  test("links each code to its rule's doc inside the installed extension", async () => {
    const uri = workspaceUri(NOTES);
    await openInEditor(uri);
    const diagnostics = await waitForDiagnostics(uri, 'any star-notes diagnostic', (d) => d.length > 0);
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code.target.scheme === 'file', `${diagnosticCode(diagnostic)} has no file link`);
      assert.ok(code.target.path.endsWith(`/docs/rules/${code.value}.md`), code.target.toString());
      const doc = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target));
      assert.ok(doc.startsWith(`# \`${code.value}\``), doc.slice(0, 80));
    }
  });
});
