import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DiagnosticSeverity, DocumentSymbolRequest, type CodeAction, type Diagnostic, type DocumentSymbol, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { promptText } from '../../server/src/core/features/prompts';
import { FRAMEWORKS } from '../../server/src/core/model/frameworks';
import { TestClient, textOf } from './client';

const TEMPLATE_CODES = ['incomplete-section', 'leftover-prompt'];
const templateOnly = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => TEMPLATE_CODES.includes(String(d.code)));
const messageOf = (diagnostic: Diagnostic): string => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

/** A STAR story as the snippet leaves it when the writer presses Escape: every prompt still there. */
const SKELETON = ['## Handling a complaint', '', ...FRAMEWORKS.star.slots.flatMap((slot) => [`### ${slot.name}`, '', promptText(slot.prompt), '']) ].join('\n');

function applyAction(document: TextDocument, action: CodeAction): string {
  const edit = action.edit!;
  const edits = edit.documentChanges ? (edit.documentChanges as { edits: TextEdit[] }[]).flatMap((change) => change.edits) : Object.values(edit.changes ?? {}).flat();
  return TextDocument.applyEdits(document, edits);
}

describe('templates left in a note, over stdio', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ settings: () => ({}), capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  });
  after(() => client.stop());

  it('reports every section of a snippet left unfilled, and the outline counts them missing', async () => {
    const uri = 'file:///notes/skeleton.md';
    const document = await client.open(uri, SKELETON);
    const diagnostics = templateOnly(await client.diagnostics(uri));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, textOf(document, d)]),
      FRAMEWORKS.star.slots.map((slot) => ['incomplete-section', DiagnosticSeverity.Warning, promptText(slot.prompt)]),
    );
    for (const diagnostic of diagnostics) assert.match(messageOf(diagnostic), /still holds the template's prompt/);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.detail]), [['Handling a complaint', '· · · ·']]);
  });

  it("drops a section's finding once it is written, and hints at a prompt left beside the writer's words", async () => {
    const uri = 'file:///notes/skeleton.md';
    const situation = promptText(FRAMEWORKS.star.slots[0].prompt);
    const at = client.documents.get(uri)!.getText().indexOf(situation) + situation.length;
    const position = client.documents.get(uri)!.positionAt(at);
    const document = await client.change(uri, [{ range: { start: position, end: position }, text: ' A parent complained at the school gate, in front of other families.' }]);
    const diagnostics = templateOnly(await client.diagnostics(uri));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, textOf(document, d)]),
      [
        ['leftover-prompt', DiagnosticSeverity.Hint, situation],
        ...FRAMEWORKS.star.slots.slice(1).map((slot) => ['incomplete-section', DiagnosticSeverity.Warning, promptText(slot.prompt)]),
      ],
    );
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols[0].detail, 'S · · ·');

    const [leftover] = diagnostics;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: leftover.range, context: { diagnostics: [leftover] } })) as CodeAction[];
    const fix = actions.find((action) => action.title.startsWith('Delete the leftover prompt'));
    assert.ok(fix, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(fix.kind, 'quickfix');
    const result = applyAction(document, fix);
    assert.ok(result.includes('### Situation\n\nA parent complained at the school gate, in front of other families.\n\n### Task'), result);
  });

  it('reports brackets and lorem ipsum pasted from a career guide, and nothing for brackets in a real sentence', async () => {
    const uri = 'file:///notes/pasted.md';
    const text = [
      '## Dealing with a difficult customer',
      '',
      '- **Situation:** [Describe the situation you were in]',
      '- **Task:** Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
      '- **Action:** I took him to the quiet desk and rebooked his delivery for the [next available] Saturday slot.',
      '- **Result:** He left a five-star review and we kept the account, worth £40k a year.',
    ].join('\n');
    const document = await client.open(uri, text);
    const diagnostics = templateOnly(await client.diagnostics(uri));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, textOf(document, d), messageOf(d).replace(/ of story .*?'( |$)/, ' ')]),
      [
        ['incomplete-section', '[Describe the situation you were in]', "Situation still holds the template's instructions in brackets: write what happened in its place."],
        ['incomplete-section', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.', 'Task is only lorem ipsum: write what happened in its place.'],
      ],
    );
  });
});
