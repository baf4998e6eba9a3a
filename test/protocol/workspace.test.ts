import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  FileChangeType,
  RegistrationRequest,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  WorkspaceSymbolRequest,
  type SymbolInformation,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { generateNotes } from '../../bench/corpus';
import { fixture, lines } from '../unit/helpers';
import { TestClient } from './client';

const story = (title: string) => lines(`## ${title}`, '- Situation: the release train kept missing its date', '- Task: get it back on time', '');

describe('workspace index', () => {
  let root: string;
  let client: TestClient;
  const progress: string[] = [];
  const registered: string[] = [];
  let answeredWhileIndexing = false;

  const symbols = async (query: string) =>
    ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[]).map((symbol) => symbol.name).sort();
  /** The symbols for `query` once they are `expected`; the index follows changes in the background. */
  const eventually = async (query: string, expected: string[]) => {
    const deadline = Date.now() + 20_000;
    let found = await symbols(query);
    while (JSON.stringify(found) !== JSON.stringify(expected) && Date.now() < deadline) {
      await new Promise((wake) => setTimeout(wake, 100));
      found = await symbols(query);
    }
    assert.deepEqual(found, expected);
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'star-notes-workspace-'));
    writeFileSync(join(root, 'bank.md'), story('Cutting deploy time') + story('Mentoring a new hire'));
    mkdirSync(join(root, 'old', 'deep'), { recursive: true });
    writeFileSync(join(root, 'old', 'deep', 'notes.markdown'), fixture('interview-notes.md'));
    writeFileSync(join(root, 'readme.txt'), story('Not a notes file'));
    for (const skipped of ['node_modules', '.git']) {
      mkdirSync(join(root, skipped));
      writeFileSync(join(root, skipped, 'dependency.md'), story(`Inside ${skipped}`));
    }
    writeFileSync(join(root, 'huge.md'), story('Too big to index') + 'word '.repeat(4000));
    // Enough notes that indexing them takes a while, so requests can be seen answered meanwhile.
    mkdirSync(join(root, 'generated'));
    for (let i = 0; i < 60; i++) writeFileSync(join(root, 'generated', `notes-${i}.md`), generateNotes(12_000, i));

    client = await TestClient.start({
      capabilities: { window: { workDoneProgress: true }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'notes' }],
      initializationOptions: { settings: { maxFileSize: 15_000 } },
    });
    client.connection.onRequest(RegistrationRequest.type, (params) => void registered.push(...params.registrations.map((r) => r.method)));
    const open = await client.open('file:///open/story.md', story('An open story'));
    const answerWhileIndexing = async () => {
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: open.uri } });
      answeredWhileIndexing = !progress.includes('end');
    };
    client.connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      client.connection.onProgress(WorkDoneProgress.type, params.token, (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
        progress.push(value.kind);
        if (value.kind === 'begin') void answerWhileIndexing();
      });
    });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the stories of every notes file in the workspace folders, with progress, skipping node_modules, .git and files over maxFileSize', async () => {
    await client.until(() => progress.includes('end'), 60_000, 'indexing to end');
    assert.deepEqual([progress[0], progress.at(-1)], ['begin', 'end']);
    const names = await symbols('');
    for (const name of ['Cutting deploy time', 'Mentoring a new hire', 'Leading CI Migration (Jenkins -> GH Actions)']) assert.ok(names.includes(name), name);
    for (const name of ['Not a notes file', 'Inside node_modules', 'Inside .git', 'Too big to index']) assert.ok(!names.includes(name), name);
  });

  it('answers editor requests while it indexes', () => {
    assert.ok(answeredWhileIndexing);
  });

  it('finds stories by the letters of a query, in order and ignoring case', async () => {
    assert.deepEqual(await symbols('mntr NEW'), ['Mentoring a new hire']);
  });

  it('registers for changes to notes files and follows them', async () => {
    assert.ok(registered.includes(DidChangeWatchedFilesNotification.method));
    const file = join(root, 'added.md');
    writeFileSync(file, story('Opening the Lisbon office'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).href, type: FileChangeType.Created }] });
    await eventually('lisbon', ['Opening the Lisbon office']);
    rmSync(file);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).href, type: FileChangeType.Deleted }] });
    await eventually('lisbon', []);
  });
});
