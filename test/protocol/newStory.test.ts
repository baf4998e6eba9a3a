import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ApplyWorkspaceEditRequest,
  CompletionRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type CompletionItem,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lines } from '../unit/helpers';
import { TestClient } from './client';

const THEMED = lines(
  '## Leadership',
  '',
  '### Rebuilding the night rota',
  '',
  '#### Situation',
  '',
  'Two nurses left the ward in the same month.',
  '',
  '#### Result',
  '',
  'No shift went uncovered for eight weeks.',
  '',
  '## Conflict',
  '',
  '',
);

/** A client that records the edits the server asks it to apply, and applies them. */
async function startClient(capabilities: ClientCapabilities): Promise<{ client: TestClient; edits: ApplyWorkspaceEditParams[] }> {
  const client = await TestClient.start({ capabilities });
  const edits: ApplyWorkspaceEditParams[] = [];
  client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    edits.push(params);
    return { applied: true };
  });
  return { client, edits };
}

function newStory(client: TestClient, args: unknown): Promise<unknown> {
  return client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'starNotes.newStory', arguments: [args] });
}

describe('New Story over LSP', () => {
  it('declares the command, and answers it with a workspace/applyEdit holding a snippet edit where the client takes them', async () => {
    const { client, edits } = await startClient({ workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } });
    try {
      assert.ok(client.initializeResult!.capabilities.executeCommandProvider!.commands.includes('starNotes.newStory'));
      const uri = 'file:///notes/themes.md';
      await client.open(uri, THEMED);
      await client.diagnostics(uri);
      const result = await newStory(client, { uri, position: { line: 14, character: 0 }, framework: 'STAR-L', theme: 'Conflict' });
      // Generic clients drop a command's result: the edit comes only through workspace/applyEdit.
      assert.equal(result, null);
      assert.equal(edits.length, 1);
      assert.equal(edits[0].label, 'New STAR-L story');
      const [change] = edits[0].edit.documentChanges as { textDocument: { uri: string; version: number }; edits: { range: TextEdit['range']; snippet?: { kind: string; value: string } }[] }[];
      assert.deepEqual(change.textDocument, { uri, version: 1 });
      const [edit] = change.edits;
      assert.deepEqual(edit.range, { start: { line: 14, character: 0 }, end: { line: 14, character: 0 } });
      assert.equal(edit.snippet!.kind, 'snippet');
      assert.match(edit.snippet!.value, /^### \$\{1:Story title: one line a panel would remember\}\n\nQuestions: Conflict\n\n#### Situation\n\n\$\{2:Set the scene/);
      assert.match(edit.snippet!.value, /\n#### Learning\n\n\$\{6:What would you do differently/);
    } finally {
      await client.stop();
    }
  });

  it('sends plain text, prompts included, to a client without snippet edits', async () => {
    const { client, edits } = await startClient({});
    try {
      const uri = 'file:///notes/plain.md';
      const document = await client.open(uri, THEMED);
      await client.diagnostics(uri);
      await newStory(client, { uri, position: { line: 14, character: 0 }, framework: 'par', title: 'Settling a row over annual leave' });
      const changes = edits[0].edit.changes![uri];
      assert.equal(changes.length, 1);
      assert.ok(!('snippet' in changes[0]));
      const after = TextDocument.applyEdits(document, changes);
      assert.match(after, /## Conflict\n\n### Settling a row over annual leave\n\n#### Problem\n\nWhat was wrong, for whom, and why was it yours to solve\?\n\n#### Action\n/);
      assert.ok(!after.includes('${'), after);
    } finally {
      await client.stop();
    }
  });

  it('refuses arguments it cannot use, with a reason', async () => {
    const { client, edits } = await startClient({});
    try {
      const uri = 'file:///notes/bad.md';
      await client.open(uri, '# Notes\n');
      await assert.rejects(newStory(client, { uri, position: { line: 0, character: 0 }, framework: 'sar' }), (error: { code: number; message: string }) => {
        assert.equal(error.code, ErrorCodes.InvalidParams);
        assert.match(error.message, /STAR, STAR-L, CAR, PAR, SOAR/);
        return true;
      });
      await assert.rejects(newStory(client, { uri }), /takes \{ uri, position/);
      await assert.rejects(newStory(client, { uri: 'file:///never/opened.md', position: { line: 0, character: 0 } }), /open and checked/);
      assert.equal(edits.length, 0);
    } finally {
      await client.stop();
    }
  });

  it('completes the rest of a story at a blank line, besides the single sections', async () => {
    const { client } = await startClient({});
    try {
      const uri = 'file:///notes/rest.md';
      await client.open(uri, '## Late delivery\n- Situation: The van broke down at 6am.\n\n');
      await client.diagnostics(uri);
      const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 0 } })) as CompletionItem[];
      const shown = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
      assert.deepEqual(shown.slice(0, 4).map((item) => item.label), ['Task', 'Action', 'Result', 'Task, Action, Result']);
      const rest = shown[3];
      assert.equal((rest.textEdit as TextEdit).newText.split('\n').map((line) => line.split(':')[0]).join(' '), '- Task - Action - Result');
    } finally {
      await client.stop();
    }
  });
});
