import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DidChangeConfigurationNotification, HoverRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixture } from '../unit/helpers';
import { TestClient, textOf } from './client';

const hasSpelling = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === 'spelling');

function apply(document: TextDocument, action: CodeAction): string {
  const edit = action.edit!;
  const edits = edit.documentChanges ? (edit.documentChanges as { edits: TextEdit[] }[]).flatMap((change) => change.edits) : Object.values(edit.changes ?? {}).flat();
  return TextDocument.applyEdits(document, edits);
}

describe('spelling over stdio', () => {
  let client: TestClient;
  let settings: Record<string, unknown> = {};

  before(async () => {
    client = await TestClient.start({ settings: () => settings, capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  });
  after(() => client.stop());

  it('publishes 20 findings for a word repeated 200,000 times, and one that counts the rest', async () => {
    const uri = 'file:///notes/repeated.md';
    await client.open(uri, `Situation: ${'word '.repeat(200_000)}`);
    const diagnostics = await client.diagnostics(uri, 1, (found) => found.some((d) => d.code === 'repeated-word'));
    assert.equal(diagnostics.filter((d) => d.code === 'repeated-word').length, 20);
    const summary = diagnostics.find((d) => d.code === 'more-findings')!;
    assert.deepEqual([summary.range.start, summary.severity], [{ line: 0, character: 0 }, 3]);
    assert.match(String(summary.message), /^199979 more spelling findings not shown/);
    await client.close(uri);
  });

  it('publishes STAR findings first and spelling findings when the dictionaries are ready', async () => {
    const uri = 'file:///notes/spelling-notes.md';
    const document = await client.open(uri, fixture('interview-notes.md'));
    const diagnostics = await client.diagnostics(uri, 1, hasSpelling);
    const spelling = diagnostics.filter((d) => d.code === 'spelling');
    assert.ok(spelling.every((d) => d.source === 'star-notes' && d.severity === 3));
    for (const typo of ['relieazed', 'timezon', 'bandwith', 'peferred', 'misktake']) assert.ok(spelling.some((d) => textOf(document, d) === typo), typo);
    const peferred = spelling.find((d) => textOf(document, d) === 'peferred')!;
    assert.match(String(peferred.message), /^Unknown word "peferred"/);
    assert.deepEqual(peferred.data, { word: 'peferred', dialect: 'en-US' });
  });

  it('offers corrections best first, the word lists and an inline ignore as quick fixes', async () => {
    const uri = 'file:///notes/spelling-notes.md';
    const document = client.documents.get(uri)!;
    const diagnostics = await client.diagnostics(uri, 1, hasSpelling);
    const peferred = diagnostics.find((d) => textOf(document, d) === 'peferred')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: peferred.range, context: { diagnostics: [peferred] } })) as CodeAction[];
    assert.equal(actions[0].title, 'Change to "preferred"');
    assert.equal(actions[0].isPreferred, true);
    assert.match(apply(document, actions[0]), /preferred\/supported tools/);
    const titles = actions.map((action) => action.title);
    assert.deepEqual(titles.slice(-3), ['Add "peferred" to workspace words', 'Add "peferred" to user words', 'Ignore "peferred" in this file']);
    const add = actions.find((action) => action.title.includes('workspace words'))!;
    assert.deepEqual(add.command, { title: add.title, command: 'starNotes.spelling.addWord', arguments: ['peferred', 'workspace', uri] });
    assert.ok(apply(document, actions.at(-1)!).startsWith('<!-- cspell:ignore peferred -->\n# Craftmanship'));
  });

  it('removes a repeated word and fixes all obvious typos in one source action', async () => {
    const uri = 'file:///notes/repeat.md';
    const document = await client.open(uri, 'We shipped the the release and saw an experince boost.\n');
    const diagnostics = await client.diagnostics(uri, 1, hasSpelling);
    const repeated = diagnostics.find((d) => d.code === 'repeated-word')!;
    assert.equal(textOf(document, repeated), 'the');
    const [remove] = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: repeated.range, context: { diagnostics: [repeated] } })) as CodeAction[];
    assert.equal(apply(document, remove), 'We shipped the release and saw an experince boost.\n');
    const fixAll = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.star-notes');
    assert.equal(apply(document, fixAll[0]), 'We shipped the release and saw an experience boost.\n');
  });

  it('re-checks open documents at once when the words change', async () => {
    const uri = 'file:///notes/words.md';
    await client.open(uri, 'Our frobnicator team.\n');
    assert.deepEqual((await client.diagnostics(uri, 1, hasSpelling)).map((d) => d.code), ['spelling']);
    const before = client.published.length;
    settings = { spelling: { words: ['frobnicator'] } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.until(() => client.published.slice(before).find((p) => p.uri === uri && p.diagnostics.length === 0), 10_000, 'words to apply');
    settings = {};
  });

  it("honours the words of the user's cspell.json next to the notes", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'star-notes-cspell-'));
    writeFileSync(join(folder, 'cspell.json'), '{\n  // shared with Code Spell Checker\n  "words": ["Frobnicator"]\n}\n');
    const uri = pathToFileURL(join(folder, 'notes.md')).href;
    const document = await client.open(uri, 'Our frobnicator and the zorblax.\n');
    const diagnostics = await client.diagnostics(uri, 1, hasSpelling);
    assert.deepEqual(diagnostics.map((d) => textOf(document, d)), ['zorblax']);
  });

  it('checks British English when asked to', async () => {
    settings = { spelling: { language: 'en-GB' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const uri = 'file:///notes/british.md';
    const document = await client.open(uri, 'We organised the programme and realised the colour was wrong when we recieved it.\n');
    const diagnostics = await client.diagnostics(uri, 1, hasSpelling);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'spelling').map((d) => textOf(document, d)), ['recieved']);
    settings = {};
  });

  it('checks each note in its own dialect, says which on the hover and in the log, and makes a mixed family consistent', async () => {
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const uri = 'file:///notes/auto.md';
    const text = 'We organised the rota, analysed the behaviour of the ward and organized the handover. The color was off and I recieved it late.\n';
    const document = await client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, 1, hasSpelling);
    const flagged = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => textOf(document, d));
    assert.deepEqual([flagged('spelling'), flagged('mixed-dialect')], [['color', 'recieved'], ['organized']]);
    const color = diagnostics.find((d) => textOf(document, d) === 'color')!;
    assert.match(String(color.message), /"color" is American English spelling; this note is in British English: did you mean "colour"\?/);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: color.range.start });
    assert.match(JSON.stringify(hover?.contents), /Spelling checked in \*\*British English\*\* \(en-GB\): the note's own spellings, 3 British English spellings \(organised, analysed, behaviour\) against 1 American English spelling \(color\)/);
    assert.ok(client.messages.some((message) => message.includes(`${uri} is checked in British English`)), client.messages.join('\n'));
    const mixed = diagnostics.find((d) => d.code === 'mixed-dialect')!;
    assert.equal(mixed.severity, 4);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: mixed.range, context: { diagnostics: [mixed] } })) as CodeAction[];
    assert.equal(actions[0].title, 'Change to "organised"');
    assert.match(apply(document, actions[0]), /and organised the handover/);
    await client.close(uri);
  });
});
