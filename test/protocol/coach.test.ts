import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, DidChangeConfigurationNotification, HoverRequest, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { TestClient, textOf } from './client';

const lines = (...parts: string[]) => parts.join('\n');
const HINT_CODES = new Set(['no-metric', 'team-voice', 'too-long', 'too-short', 'unbalanced', 'vague-language']);

/** A warehouse shift manager's story, told in "we", with a hedge in the Result. */
const STORY = lines(
  '## Mis-picks on the chilled line',
  '',
  '**Situation:** Pick accuracy on chilled had dropped to 99.1% and stores were rejecting cages.',
  '',
  '**Task:** Get accuracy back above the 99.7% target before the client review.',
  '',
  '**Action:** We went through three weeks of rejection reports, we moved the look-alike lines apart, our trainers re-did the scanning refresher and we started a huddle before each wave.',
  '',
  '**Result:** Accuracy went from 99.1% to 99.8% and things got calmer on the floor.',
);

describe('the hints and the hover, over stdio', () => {
  let client: TestClient;
  let settings: Record<string, unknown> = {};
  const hover = async (uri: string, line: number, character: number) => {
    const found = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    return found && { value: (found.contents as MarkupContent).value, range: found.range };
  };
  const hints = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => HINT_CODES.has(String(d.code)));

  before(async () => {
    client = await TestClient.start({ settings: () => settings });
  });
  after(() => client.stop());

  it('reports the hints as Hint diagnostics on the text they are about', async () => {
    const uri = 'file:///notes/warehouse.md';
    const document = await client.open(uri, STORY);
    const found = hints(await client.diagnostics(uri, document.version));
    assert.deepEqual(
      found.map((d) => [d.code, textOf(document, d), d.severity]),
      [
        ['team-voice', '**Action:**', DiagnosticSeverity.Hint],
        ['vague-language', 'things', DiagnosticSeverity.Hint],
      ],
    );
    assert.match(found[0].message as string, /"we", "our" or "the team" 4 times and "I", "my" or "me" never/);
  });

  it('on a section marker: its words and spoken time, and what a strong section of its kind holds', async () => {
    const uri = 'file:///notes/warehouse.md';
    const shown = await hover(uri, 6, 4);
    assert.ok(shown);
    assert.match(shown.value, /^\*\*Action\*\* · 28 words · ~11s · 41% of the story\n\nA strong Action: the steps \*you\* took/);
    assert.deepEqual(shown.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 11 } });
  });

  it('on the story heading: the framework, the totals and the balance, at the pace in the settings', async () => {
    const uri = 'file:///notes/warehouse.md';
    const before = await hover(uri, 0, 5);
    assert.match(before!.value, /^\*\*STAR story\*\* \(Situation, Task, Action, Result\): `S T A R`\n\n69 words · ~28s to tell at 150 words a minute \(aim for under 3m\)\n\nBalance: Situation 20% · Task 17% · Action 41% · Result 22%\n\nSTAR, because/);
    settings = { wordsPerMinute: 120, maxSpokenSeconds: 120 };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    // The server reads the settings again when told they changed; the hover follows once it has.
    let after = await hover(uri, 0, 5);
    for (let tries = 0; tries < 100 && !/at 120 words a minute/.test(after?.value ?? ''); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await hover(uri, 0, 5);
    }
    assert.match(after!.value, /69 words · ~35s to tell at 120 words a minute \(aim for under 2m\)/);
    settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });

  it('turns too-short on when the settings say so, for a complete story only', async () => {
    const uri = 'file:///notes/short.md';
    const text = lines('## Reading group', '', '- S: 31 of my 112 students read below grade level.', '- T: Raise their scores.', '- A: I ran small-group reading.', '- R: 22 of the 31 moved up a level.');
    const document = await client.open(uri, text);
    assert.deepEqual(hints(await client.diagnostics(uri, document.version)), []);
    settings = { severity: { 'too-short': 'information' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const [short] = hints(await client.diagnostics(uri, document.version, (d) => d.length > 0));
    assert.deepEqual([short.code, textOf(document, short), short.severity], ['too-short', '## Reading group', DiagnosticSeverity.Information]);
    assert.match(short.message as string, /takes ~\d+s to tell \(\d+ words at 150 a minute\), under 45s/);
    settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });
});
