import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CODE_GROUPS } from '../unit/corpus';
import { fixture } from '../unit/helpers';
import { TestClient, textOf } from './client';

/** The structure codes; hints and spelling have tests of their own. */
const starOnly = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => CODE_GROUPS.star.includes(String(d.code)));

function applyAction(document: TextDocument, action: CodeAction): string {
  const edit = action.edit!;
  const edits = edit.documentChanges
    ? (edit.documentChanges as { edits: TextEdit[] }[]).flatMap((change) => change.edits)
    : Object.values(edit.changes ?? {}).flat();
  return TextDocument.applyEdits(document, edits);
}

describe('language server over stdio', () => {
  let client: TestClient;
  let settings: Record<string, unknown> = {};

  before(async () => {
    client = await TestClient.start({ settings: () => settings, capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  });
  after(() => client.stop());

  it('announces its features and no pull diagnostics to a client that lacks them', () => {
    const capabilities = client.initializeResult!.capabilities;
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.codeActionProvider);
    assert.ok(capabilities.completionProvider);
    assert.ok(capabilities.foldingRangeProvider);
    assert.equal(capabilities.diagnosticProvider, undefined);
  });

  it('pushes the STAR findings of the user notes with the document version', async () => {
    const uri = 'file:///notes/interview-notes.md';
    const document = await client.open(uri, fixture('interview-notes.md'), 7);
    const diagnostics = starOnly(await client.diagnostics(uri, 7));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.source, d.severity, textOf(document, d)]),
      [
        ['missing-action', 'star-notes', 2, '### Leading CI Migration (Jenkins -> GH Actions)'],
        ['incomplete-section', 'star-notes', 2, 'Task: Mi'],
      ],
    );
  });

  it("links every code to its rule's doc, a file the extension ships", async () => {
    const uri = 'file:///notes/linked.md';
    await client.open(uri, fixture('interview-notes.md'));
    const diagnostics = await client.diagnostics(uri);
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) {
      const href = diagnostic.codeDescription?.href ?? '';
      assert.ok(href.startsWith('file:') && href.endsWith(`/docs/rules/${diagnostic.code}.md`), `${diagnostic.code}: ${href}`);
      assert.ok(readFileSync(fileURLToPath(href), 'utf8').startsWith(`# \`${diagnostic.code}\``), href);
    }
  });

  it('ranges land exactly on the text with emoji and CJK (UTF-16 positions)', async () => {
    const uri = 'file:///notes/unicode.md';
    const document = await client.open(uri, fixture('notes/unicode.md'));
    const [missing] = starOnly(await client.diagnostics(uri));
    assert.equal(missing.code, 'missing-action');
    assert.equal(textOf(document, missing), '## 🚀 Migrating the 決済 service');
    const text = '# 🎯 目標\n\n## 😅 Story 🚀\n- Situation: 旧システム 🐢 was slow\n- Task: 🚀 Mi\n';
    await client.change(uri, [{ text }]);
    const next = client.documents.get(uri)!;
    const incomplete = starOnly(await client.diagnostics(uri)).find((d) => d.code === 'incomplete-section')!;
    assert.equal(textOf(next, incomplete), 'Task: 🚀 Mi');
    assert.deepEqual(incomplete.range.start, { line: 4, character: 2 });
    assert.deepEqual(incomplete.range.end, { line: 4, character: 13 });
  });

  it('ranges land exactly on the text with CRLF line endings', async () => {
    const uri = 'file:///notes/chef-crlf.md';
    const document = await client.open(uri, fixture('notes/chef-crlf.md'));
    const diagnostics = starOnly(await client.diagnostics(uri));
    assert.deepEqual(diagnostics.map((d) => textOf(document, d)), ['Situation:']);
  });

  it('re-checks after an edit and publishes for the new version only', async () => {
    const uri = 'file:///notes/edit.md';
    await client.open(uri, '## Story\n- Situation: a b c\n- Task: d e f\n');
    assert.deepEqual(starOnly(await client.diagnostics(uri)).map((d) => d.code), ['missing-action', 'missing-result']);
    await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '- Action: wrote the plan\n' }]);
    await client.change(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '- Result: shipped on time\n' }]);
    assert.deepEqual(starOnly(await client.diagnostics(uri, 3)), []);
    assert.ok(!client.published.some((p) => p.uri === uri && p.version === 2), 'the burst was debounced');
  });

  it('lists stories and their sections as document symbols', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///notes/interview-notes.md' } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.children!.map((c) => c.name)]),
      [['Leading CI Migration (Jenkins -> GH Actions)', 'S T · R', ['Situation', 'Task', 'Results', 'Challenges']]],
    );
  });

  it('folds stories and sections', async () => {
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: 'file:///notes/interview-notes.md' } });
    const lines = fixture('interview-notes.md').split('\n');
    const story = lines.indexOf('### Leading CI Migration (Jenkins -> GH Actions)');
    const results = lines.indexOf('#### Results');
    assert.ok(ranges!.some((r) => r.startLine === story && r.endLine > results), JSON.stringify(ranges));
    assert.ok(ranges!.some((r) => r.startLine === results), JSON.stringify(ranges));
  });

  it('quick-fixes a missing Action by inserting a bullet after the Task', async () => {
    const uri = 'file:///notes/interview-notes.md';
    const document = client.documents.get(uri)!;
    const diagnostics = await client.diagnostics(uri);
    const missing = diagnostics.find((d) => d.code === 'missing-action')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith('Add Action'))!;
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const result = applyAction(document, fix);
    assert.ok(result.includes('- Task: Mi\n- Action:\n'));
    await client.change(uri, [{ text: result }]);
    const after = starOnly(await client.diagnostics(uri));
    assert.deepEqual(after.map((d) => d.code), ['incomplete-section', 'empty-section']);
  });

  it('offers the fix for a finding in the range even before the client attached the diagnostic', async () => {
    const uri = 'file:///notes/race.md';
    await client.open(uri, '## Story\n- Situation: a b c\n- Task: d e f\n- Result: g h j\n');
    await client.diagnostics(uri);
    const heading = { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } };
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: heading, context: { diagnostics: [] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.diagnostics?.[0]?.code]), [["Add Action to story 'Story'", 'missing-action']]);
  });

  it('offers reordering for sections out of STAR order', async () => {
    const uri = 'file:///notes/chef-crlf.md';
    const document = client.documents.get(uri)!;
    const [first] = await client.diagnostics(uri);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } })) as CodeAction[];
    const result = applyAction(document, actions[0]);
    assert.equal(result.split('\r\n').filter((l) => l.startsWith('- ')).map((l) => l.split(':')[0]).join(' '), '- Situation - Task - Action - Result');
  });

  it('completes the missing section markers in the story’s style', async () => {
    const uri = 'file:///notes/complete.md';
    await client.open(uri, '## Story\n- Situation: a b c\n- \n');
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 2 } })) as CompletionItem[];
    const task = items.find((item) => item.label === 'Task')!;
    assert.equal((task.textEdit as TextEdit).newText, '- Task: ${1:What were *you* responsible for, or asked to achieve?}');
    assert.equal(task.preselect, true);
  });

  it('follows settings from workspace/configuration and re-checks when they change', async () => {
    const uri = 'file:///notes/interview-notes.md';
    const version = client.documents.get(uri)!.version;
    settings = { severity: { 'incomplete-section': 'off', 'empty-section': 'error' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const diagnostics = await client.diagnostics(uri, version, (d) => !d.some((x) => x.code === 'incomplete-section'));
    assert.deepEqual(starOnly(diagnostics).map((d) => [d.code, d.severity]), [['empty-section', 1]]);
    settings = { enable: false };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.deepEqual(await client.diagnostics(uri, version, (d) => d.length === 0), []);
    settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.diagnostics(uri, version, (d) => d.length > 0);
  });

  it('warns once about bad settings and keeps working', async () => {
    settings = { minWords: 'lots' };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.until(() => client.messages.find((m) => m.includes('starNotes.minWords')), 5000, 'a warning');
    settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });

  it('answers requests for documents it has never seen with nothing', async () => {
    const textDocument = { uri: 'file:///never/opened.md' };
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), []);
    assert.deepEqual(await client.connection.sendRequest(CompletionRequest.type, { textDocument, position: { line: 0, character: 0 } }), []);
    assert.deepEqual(await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
  });
});

describe('language server for other clients', () => {
  it('offers pull diagnostics in addition to pushing, to a client that declares them', async () => {
    const client = await TestClient.start({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    try {
      assert.ok(client.initializeResult!.capabilities.diagnosticProvider);
      const uri = 'file:///pull.md';
      await client.open(uri, '## S\n- Situation: a b c\n');
      const pushed = await client.diagnostics(uri);
      const pulled = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(pulled.kind, 'full');
      assert.deepEqual(starOnly((pulled as { items: Diagnostic[] }).items).map((d) => d.code), starOnly(pushed).map((d) => d.code));
    } finally {
      await client.stop();
    }
  });

  it('inserts a cursor-ready snippet for clients that take snippet edits', async () => {
    const client = await TestClient.start({ capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } } });
    try {
      const uri = 'file:///snippet.md';
      await client.open(uri, '## S\n\n### Situation\n\nA broken build.\n');
      const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'missing-task')!;
      const [action] = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
      const [change] = action.edit!.documentChanges as { edits: { snippet?: { value: string } }[] }[];
      assert.equal(change.edits[0].snippet!.value, '\n\n### Task\n\n${1:What were *you* responsible for, or asked to achieve?}');
    } finally {
      await client.stop();
    }
  });

  it('takes settings from initializationOptions when the client has no workspace/configuration', async () => {
    const client = await TestClient.start({ initializationOptions: { settings: { severity: { 'missing-result': 'off' } } } });
    try {
      const uri = 'file:///init.md';
      await client.open(uri, '## S\n- Situation: a b c\n- Task: d e f\n- Action: wrote the plan\n');
      assert.deepEqual(starOnly(await client.diagnostics(uri)), []);
    } finally {
      await client.stop();
    }
  });
});
