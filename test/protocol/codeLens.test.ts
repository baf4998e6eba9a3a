import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApplyWorkspaceEditRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  type ApplyWorkspaceEditParams,
  type CodeLens,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixture, lines } from '../unit/helpers';
import { TestClient } from './client';

const ADD_MISSING = 'starNotes.addMissingSections';

/** A charge nurse's prep notes: one finished story, one with only its beginning and its end. */
const WARD_NOTES = lines(
  '# Interview prep – ward manager role',
  '',
  '## Handover errors on night shift',
  '',
  '**Situation:** On our 28-bed surgical ward, two medication doses were missed in one month because the night handover was verbal and rushed.',
  '',
  '**Task:** As the senior nurse on nights I was asked to make handover safer without adding time to the shift.',
  '',
  '**Action:** I drafted a one-page SBAR handover sheet with the pharmacist, trialled it for two weeks with four colleagues, and changed it after their comments.',
  '',
  '**Result:** Missed doses fell from two a month to none over the next quarter, and handover took 5 minutes less.',
  '',
  '## Calming an angry relative',
  '',
  "**Situation:** A patient's son shouted at the nurses' station because his father had waited a long time for pain relief.",
  '',
  '**Result:** He calmed down and thanked the team before he left.',
  '',
);

/** Lens titles look like `S ✓ T ⚠ A ✗ R ✓ · 240 words · ~1m36s · 2 hints`. */
const TITLE = /^((?:[A-Z] [✓⚠✗] ?)+) · (\d+) words? · (~(?:\d+m)?(?:\d+s)?)(?: · (\d+) hints?)?$/;

function parseTitle(lens: CodeLens): { marks: string; words: number; hints: number } {
  const match = TITLE.exec(lens.command?.title ?? '');
  assert.ok(match, `lens title "${lens.command?.title}" has the shape "S ✓ T ⚠ A ✗ R ✓ · 240 words · ~1m36s · 2 hints"`);
  return { marks: match[1].trim(), words: Number(match[2]), hints: Number(match[4] ?? 0) };
}

describe('code lens over stdio', () => {
  let client: TestClient;
  let settings: Record<string, unknown> = {};
  const editsAsked: ApplyWorkspaceEditParams[] = [];
  const refreshes: number[] = [];

  before(async () => {
    client = await TestClient.start({
      settings: () => settings,
      capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true }, codeLens: { refreshSupport: true } } },
    });
    // The client side of "Add missing sections": apply the server's edit to the document, as an editor would.
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, async (params) => {
      editsAsked.push(params);
      for (const change of params.edit.documentChanges ?? []) {
        if (!('textDocument' in change)) continue;
        const document = client.documents.get(change.textDocument.uri)!;
        const text = TextDocument.applyEdits(document, change.edits as TextEdit[]);
        await client.change(change.textDocument.uri, [{ text }]);
      }
      return { applied: true };
    });
    client.connection.onRequest(CodeLensRefreshRequest.type, () => {
      refreshes.push(Date.now());
    });
  });
  after(() => client.stop());

  const lensesOf = async (uri: string) => (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];

  it('announces code lenses and the command behind them', () => {
    const capabilities = client.initializeResult!.capabilities;
    assert.ok(capabilities.codeLensProvider);
    assert.ok(capabilities.executeCommandProvider?.commands.includes(ADD_MISSING));
  });

  it('puts one lens on each story heading with its sections, words, spoken length and hints', async () => {
    const uri = 'file:///notes/ward.md';
    const document = await client.open(uri, WARD_NOTES);
    const diagnostics = await client.diagnostics(uri);
    const lenses = await lensesOf(uri);
    assert.deepEqual(
      lenses.map((lens) => document.getText(lens.range)),
      ['## Handover errors on night shift', '## Calming an angry relative'],
    );
    const [handover, relative] = lenses.map(parseTitle);
    assert.equal(handover.marks, 'S ✓ T ✓ A ✓ R ✓');
    assert.equal(relative.marks, 'S ✓ T ✗ A ✗ R ✓');
    // Hints are the story's diagnostics at hint level, which the editor shows as dots, not in Problems.
    const hintsIn = (from: number, to: number) =>
      diagnostics.filter((d: Diagnostic) => d.severity === DiagnosticSeverity.Hint && d.range.start.line >= from && d.range.start.line < to).length;
    assert.equal(handover.hints, hintsIn(lenses[0].range.start.line, lenses[1].range.start.line));
    assert.equal(relative.hints, hintsIn(lenses[1].range.start.line, document.lineCount));
    // Words are what would be said: the sections' text, not the markers or the title.
    assert.ok(handover.words > 60 && handover.words < 90, `${handover.words} words in the handover story`);
  });

  it('runs "Add missing sections" from the lens of a story that lacks some, and only there', async () => {
    const uri = 'file:///notes/ward-add.md';
    await client.open(uri, WARD_NOTES);
    const [complete, unfinished] = await lensesOf(uri);
    assert.equal(complete.command?.command, '', 'a complete story has nothing to add: its lens is plain text');
    assert.equal(unfinished.command?.command, ADD_MISSING);
    assert.equal(unfinished.command?.tooltip, 'Add the missing Task and Action');

    const asked = editsAsked.length;
    const applied = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: ADD_MISSING, arguments: unfinished.command!.arguments });
    assert.equal(applied, true);
    assert.equal(editsAsked.length, asked + 1, 'one workspace/applyEdit for the whole story');
    const text = client.documents.get(uri)!.getText();
    const tail = text.slice(text.indexOf('## Calming an angry relative'));
    const order = ['**Situation:**', '**Task:**', '**Action:**', '**Result:**'].map((label) => tail.indexOf(label));
    assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `sections in order in:\n${tail}`);

    // The new sections hold only their prompts: still to write, but nothing left to add.
    const [, after] = await lensesOf(uri);
    assert.equal(parseTitle(after).marks, 'S ✓ T ✗ A ✗ R ✓');
    assert.equal(after.command?.command, '');
  });

  it('adds nothing when the story is gone, and says so', async () => {
    const uri = 'file:///notes/ward-gone.md';
    await client.open(uri, WARD_NOTES);
    const [, unfinished] = await lensesOf(uri);
    await client.change(uri, [{ text: '# Nothing here any more\n' }]);
    const asked = editsAsked.length;
    const applied = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: ADD_MISSING, arguments: unfinished.command!.arguments });
    assert.equal(applied, false);
    assert.equal(editsAsked.length, asked);
  });

  it('gives a story table row its lens, with no command: its cells cannot take a new section', async () => {
    const uri = 'file:///notes/table.md';
    await client.open(uri, fixture('notes/trades-paramedic-star-table.md'));
    const lenses = await lensesOf(uri);
    assert.ok(lenses.length >= 2, `${lenses.length} lenses on the story table`);
    for (const lens of lenses) {
      parseTitle(lens);
      assert.equal(lens.command?.command, '');
    }
  });

  it('shows no lenses with starNotes.codeLens off, and asks the editor to redraw them when settings change', async () => {
    const uri = 'file:///notes/ward-off.md';
    await client.open(uri, WARD_NOTES);
    assert.equal((await lensesOf(uri)).length, 2);
    const before = refreshes.length;
    settings = { codeLens: false };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.until(() => refreshes.length > before, 5000, 'workspace/codeLens/refresh');
    assert.deepEqual(await lensesOf(uri), []);
    settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.until(() => refreshes.length > before + 1, 5000, 'workspace/codeLens/refresh');
    assert.equal((await lensesOf(uri)).length, 2);
  });
});
