import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CODE_GROUPS } from '../unit/corpus';
import { TestClient, textOf } from './client';

/** The structure codes; hints and spelling have tests of their own. */
const starOnly = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => CODE_GROUPS.star.includes(String(d.code)));
const lines = (...parts: string[]) => parts.join('\n');

/** Each form of notes the recognition work added, as a client sees it over stdio. */
describe('the styles people write in, over stdio', () => {
  let client: TestClient;
  let settings: Record<string, unknown> = {};
  const symbols = async (uri: string) => (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  const found = async (uri: string, text: string, accept?: (d: Diagnostic[]) => boolean) => {
    const document = client.documents.get(uri) ?? (await client.open(uri, text));
    return starOnly(await client.diagnostics(uri, document.version, accept)).map((d) => `${d.code} ${textOf(document, d)}`);
  };

  /** The document after the quick fix for its first structure finding whose title `wanted` accepts. */
  const fixedBy = async (uri: string, wanted: (title: string) => boolean) => {
    const document = client.documents.get(uri)!;
    const diagnostics = starOnly(await client.diagnostics(uri));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    const fix = actions.find((action) => wanted(action.title))!;
    return TextDocument.applyEdits(document, (fix.edit!.documentChanges as { edits: TextEdit[] }[]).flatMap((change) => change.edits));
  };

  before(async () => {
    client = await TestClient.start({ settings: () => settings, capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  });
  after(() => client.stop());

  it('reads letters, and leaves a practice list of Q and A alone', async () => {
    const text = lines('## Deteriorating patient', '', 'S: Night shift on a 28-bed ward, two nurses down.', 'T: Escalate a patient whose NEWS went from 2 to 7.', 'A: I called outreach and handed my bay to', 'R: ', '', '## Practice', '', 'Q: Why nursing?', 'A: My grandmother’s stroke nurse, twenty years ago.');
    assert.deepEqual(await found('file:///notes/letters.md', text), ['incomplete-section A: I called outreach and handed my bay to', 'empty-section R:']);
  });

  it('counts a combined section for both sections, and outlines it once', async () => {
    const uri = 'file:///notes/combined.md';
    const text = lines('## Rota change', '', '**Situation / Task:** Forty staff needed a new rota by Friday, and I owned it.', '', '**Action:** I ran three briefings and took questions one to one.');
    assert.deepEqual(await found(uri, text), ['missing-result ## Rota change']);
    const [story] = await symbols(uri);
    assert.deepEqual([story.detail, story.children!.map((child) => child.name)], ['S T A ·', ['Situation / Task', 'Action']]);
  });

  it('holds a PAR story to PAR, says so on hover, and to STAR when the settings insist', async () => {
    const uri = 'file:///notes/par.md';
    const text = lines('## Checkout failures', '', '- Problem: Checkout failed for 3% of mobile users at peak.', '- Action: I traced it to a gateway timeout and added a retry with backoff.', '- Result: Failures fell to 0.1% within a week.');
    assert.deepEqual(await found(uri, text), []);
    const [story] = await symbols(uri);
    assert.equal(story.detail, 'P A R');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 5 } });
    assert.match((hover!.contents as MarkupContent).value, /PAR story.*\n\nPAR, because it has a Problem and no Situation or Task/s);
    settings = { frameworks: ['star'] };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.deepEqual(await found(uri, text, (d) => d.length > 0), ['missing-task ## Checkout failures']);
    settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.deepEqual(await found(uri, text, (d) => d.length === 0), []);
  });

  it('splits stories at a bold question when the sections begin again, and fixes the second one in place', async () => {
    const uri = 'file:///notes/questions.md';
    const text = lines(
      '## Customer focus',
      '',
      '**Tell me about a time you went beyond for a customer**',
      '',
      '- Situation: A regular’s order went to the wrong store on her daughter’s birthday.',
      '- Task: Get the cake to her before the party at four.',
      '- Action: I drove it over myself during my break.',
      '- Result: She made it, and wrote to head office about it.',
      '',
      '---',
      '',
      '**Tell me about a complaint you handled**',
      '',
      '- Situation: A customer shouted at a new starter over a refund.',
      '- Action: I took him aside and processed the refund myself.',
    );
    assert.deepEqual(await found(uri, text), ['missing-task **Tell me about a complaint you handled**', 'missing-result **Tell me about a complaint you handled**']);
    assert.deepEqual((await symbols(uri)).map((symbol) => symbol.name), ['Customer focus', 'Tell me about a complaint you handled']);
    const fixed = await fixedBy(uri, (title) => title === "Add Task to story 'Tell me about a complaint you handled'");
    assert.ok(fixed.includes('- Situation: A customer shouted at a new starter over a refund.\n- Task:\n- Action: I took him aside'), fixed);
  });

  it('reads a story table row by row, points at the empty cell, and fills it', async () => {
    const uri = 'file:///notes/table.md';
    const text = lines(
      '## Story bank',
      '',
      '| Story | Situation | Task | Action | Result |',
      '|---|---|---|---|---|',
      '| Cardiac arrest | Cat 1 call to a gym, CPR in progress | Lead the resus as senior clinician | Allocated roles, two shocks, pre-alerted the cath lab | ROSC after 14 minutes, home in 9 days |',
      '| Drunk patient | Friday night, head injury, refusing treatment | Assess capacity and keep the crew safe |  | Police attended and he was conveyed with consent |',
    );
    const document = await client.open(uri, text);
    const diagnostics = starOnly(await client.diagnostics(uri));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, textOf(document, d)]), [['empty-section', 5, '  ']]);
    assert.deepEqual((await symbols(uri)).map((symbol) => [symbol.name, symbol.detail]), [['Cardiac arrest', 'S T A R'], ['Drunk patient', 'S T · R']]);
    assert.match(await fixedBy(uri, (title) => title.startsWith('Fill in the Action')), /\| Assess capacity and keep the crew safe \| What did \*you\* do\? Name the steps and decisions\. \| Police/);
  });
});
