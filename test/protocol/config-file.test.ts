import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestClient } from './client';

// A story with no Result: missing-result is a warning by default, on the heading's line.
const STORY = `# Interview prep

## Winning back the Hartley account

- Situation: Our biggest customer was ready to leave after three late deliveries in a row.
- Task: I had to keep the account and rebuild trust with their buyer before renewal.
- Action: I met their buyer weekly, shared our delivery tracker and fixed the two slowest routes.
`;

const missingResult = (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === 'missing-result');

function notes(files: Record<string, string>): { root: string; uri: (name: string) => string; write: (name: string, text: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'star-notes-config-'));
  const write = (name: string, text: string) => {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return { root, uri: (name) => pathToFileURL(join(root, name)).href, write };
}

/** A client without spelling (it is not what these tests are about) whose settings `workspace/configuration` answers from `settings`. */
function start(root: string, settings: { value: Record<string, unknown> }, watches = false): Promise<TestClient> {
  return TestClient.start({
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'notes' }],
    settings: () => ({ spelling: { enabled: false }, ...settings.value }),
    capabilities: watches ? { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } : {},
  });
}

/** The severity of missing-result in the latest diagnostics of the document's current version, once `accept` holds. */
async function severityOf(client: TestClient, uri: string, accept: (severity: DiagnosticSeverity | undefined) => boolean = () => true): Promise<DiagnosticSeverity | undefined> {
  const diagnostics = await client.diagnostics(uri, undefined, (d) => accept(missingResult(d)?.severity));
  return missingResult(diagnostics)?.severity;
}

describe('the config file in the editor', () => {
  const clients: TestClient[] = [];
  after(async () => {
    await Promise.all(clients.map((client) => client.stop()));
  });
  const started = async (...args: Parameters<typeof start>) => {
    const client = await start(...args);
    clients.push(client);
    return client;
  };

  it('sits between the defaults and the client’s settings, objects merging key by key, and inline comments win over all', async () => {
    const workspace = notes({ '.star-notes.json': JSON.stringify({ severity: { 'missing-result': 'error' }, minWords: 2 }), 'story.md': STORY });
    const settings = { value: {} as Record<string, unknown> };
    const client = await started(workspace.root, settings);
    await client.open(workspace.uri('story.md'), STORY);
    assert.equal(await severityOf(client, workspace.uri('story.md')), DiagnosticSeverity.Error, 'the file over the default warning');

    // Another code set in the client's settings: severity merges, so the file's missing-result stays.
    settings.value = { severity: { 'no-metric': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.change(workspace.uri('story.md'), [{ text: `${STORY}\n` }]);
    assert.equal(await severityOf(client, workspace.uri('story.md')), DiagnosticSeverity.Error, 'the file’s severity survives another code’s setting');

    settings.value = { severity: { 'missing-result': 'hint' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal(await severityOf(client, workspace.uri('story.md'), (s) => s === DiagnosticSeverity.Hint), DiagnosticSeverity.Hint, 'the client’s setting over the file');

    const silenced = STORY.replace('## Winning', '<!-- star-notes-disable-next-line missing-result -->\n## Winning');
    await client.change(workspace.uri('story.md'), [{ text: silenced }]);
    assert.equal(await severityOf(client, workspace.uri('story.md')), undefined, 'an inline comment over everything');
  });

  it('takes the nearest file up to the workspace folder, package.json’s "starNotes" too, and none above the folder', async () => {
    const outer = notes({ '.star-notes.json': JSON.stringify({ severity: { 'missing-result': 'off' } }) });
    const workspace = {
      root: join(outer.root, 'notes'),
      uri: (name: string) => outer.uri(`notes/${name}`),
    };
    outer.write('notes/package.json', JSON.stringify({ name: 'my-notes', private: true, starNotes: { severity: { 'missing-result': 'error' } } }));
    outer.write('notes/team/.star-notes.jsonc', '// the team keeps results optional\n{ "severity": { "missing-result": "hint", }, }\n');
    outer.write('notes/story.md', STORY);
    outer.write('notes/team/story.md', STORY);
    const client = await started(workspace.root, { value: {} });
    await client.open(workspace.uri('story.md'), STORY);
    await client.open(workspace.uri('team/story.md'), STORY);
    assert.equal(await severityOf(client, workspace.uri('story.md')), DiagnosticSeverity.Error, 'package.json at the folder, not the file above it');
    assert.equal(await severityOf(client, workspace.uri('team/story.md')), DiagnosticSeverity.Hint, 'the nearer .jsonc, comments and trailing commas allowed');
  });

  it('says once which file is broken and why, keeps checking with the defaults, and takes the fixed file without a restart', async () => {
    const workspace = notes({ '.star-notes.json': '{ "severity": { "missing-result": "error" }\n  "minWords": 2 }\n', 'story.md': STORY, 'other.md': STORY });
    const client = await started(workspace.root, { value: {} });
    await client.open(workspace.uri('story.md'), STORY);
    assert.equal(await severityOf(client, workspace.uri('story.md')), DiagnosticSeverity.Warning, 'the default');
    await client.open(workspace.uri('other.md'), STORY);
    await client.diagnostics(workspace.uri('other.md'));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.change(workspace.uri('story.md'), [{ text: `${STORY}\n` }]);
    await client.diagnostics(workspace.uri('story.md'));
    const said = client.messages.filter((message) => message.includes('.star-notes.json'));
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(said[0], /ignores .*\.star-notes\.json until it is fixed \(line 2, column 3: expected ","\)/);
    assert.deepEqual(client.errors, []);

    // This client watches no files (as Neovim 0.7): the next edit sees the file changed.
    workspace.write('.star-notes.json', '{ "severity": { "missing-result": "error" },\n  "minWords": 2 }\n');
    await client.change(workspace.uri('story.md'), [{ text: STORY }]);
    assert.equal(await severityOf(client, workspace.uri('story.md'), (s) => s === DiagnosticSeverity.Error), DiagnosticSeverity.Error);
    assert.equal(await severityOf(client, workspace.uri('other.md'), (s) => s === DiagnosticSeverity.Error), DiagnosticSeverity.Error, 'open documents are checked again');
  });

  it('names the file of a wrong value, and uses the rest of it', async () => {
    const workspace = notes({ '.star-notes.json': JSON.stringify({ minWords: 'two', severity: { 'missing-result': 'error' } }), 'story.md': STORY });
    const client = await started(workspace.root, { value: {} });
    await client.open(workspace.uri('story.md'), STORY);
    assert.equal(await severityOf(client, workspace.uri('story.md')), DiagnosticSeverity.Error);
    const said = client.messages.filter((message) => message.includes('minWords'));
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(said[0], /\.star-notes\.json: starNotes\.minWords must be a whole number/);
  });

  it('reads a config file created later when the client reports it', async () => {
    const workspace = notes({ 'story.md': STORY });
    const client = await started(workspace.root, { value: {} }, true);
    await client.open(workspace.uri('story.md'), STORY);
    assert.equal(await severityOf(client, workspace.uri('story.md')), DiagnosticSeverity.Warning);
    workspace.write('.star-notes.json', JSON.stringify({ severity: { 'missing-result': 'error' } }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: workspace.uri('.star-notes.json'), type: FileChangeType.Created }] });
    assert.equal(await severityOf(client, workspace.uri('story.md'), (s) => s === DiagnosticSeverity.Error), DiagnosticSeverity.Error);

    rmSync(join(workspace.root, '.star-notes.json'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: workspace.uri('.star-notes.json'), type: FileChangeType.Deleted }] });
    assert.equal(await severityOf(client, workspace.uri('story.md'), (s) => s === DiagnosticSeverity.Warning), DiagnosticSeverity.Warning, 'back to the default once deleted');
  });
});
