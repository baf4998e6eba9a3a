import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CODES } from '../../../server/src/core/rules';
import { EXTENSION_ID, NOTES, openInEditor, revertAndCloseEditors, waitFor, workspaceUri } from './helpers';

suite('Extension', () => {
  teardown(revertAndCloseEditors);

  test('activates when a markdown file is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    await openInEditor(workspaceUri(NOTES));
    await waitFor('the extension to activate', () => extension.isActive, (active) => active);
  });

  test('contributes its settings with their defaults', () => {
    const config = vscode.workspace.getConfiguration('starNotes');
    assert.equal(config.inspect<boolean>('enable')?.defaultValue, true);
    assert.equal(config.inspect<number>('minWords')?.defaultValue, 3);
    assert.deepEqual(config.inspect('severity')?.defaultValue, {});
    const schema = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties['starNotes.severity'];
    assert.deepEqual(Object.keys(schema.properties), [...CODES.keys()]);
    for (const [code, { severity }] of CODES) assert.equal(schema.properties[code].default, severity, code);
  });

  test('registers the restart command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('starNotes.restartServer'), 'starNotes.restartServer is not registered');
  });
});
