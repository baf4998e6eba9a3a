import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parse as parseJsonc } from 'jsonc-parser/lib/esm/main.js';
import {
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ExecuteCommandRequest,
  FileChangeType,
  RegistrationRequest,
  ResponseError,
  type Diagnostic,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { parseWordFile } from '../../server/src/runtime/wordFiles';
import { TestClient, textOf } from './client';

const ADD_WORD = 'starNotes.spelling.addWord';

// The servers this file starts keep their user words here, never in the user's own folder.
const configDir = mkdtempSync(join(tmpdir(), 'star-notes-user-'));
process.env.STAR_NOTES_CONFIG_DIR = configDir;

const typos = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'spelling');

function workspace(files: Record<string, string> = {}): { root: string; uri: (name: string) => string } {
  const root = mkdtempSync(join(tmpdir(), 'star-notes-words-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return { root, uri: (name) => pathToFileURL(join(root, name)).href };
}

function start(root: string): Promise<TestClient> {
  return TestClient.start({
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'notes' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
  });
}

function addWord(client: TestClient, ...args: unknown[]): Promise<{ word: string; file: string; added: boolean }> {
  return client.connection.sendRequest(ExecuteCommandRequest.type, { command: ADD_WORD, arguments: args });
}

/** Dictionaries load slowly on a busy machine; these waits are limits, not expectations. */
const PATIENCE_MS = 60_000;

/** The spelling findings of the document's current version once the dictionaries answered, as the words they cover. */
async function unknownWords(client: TestClient, uri: string): Promise<string[]> {
  const document = client.documents.get(uri)!;
  const latest = await client.until(
    () => [...client.published].reverse().find((p) => p.uri === uri && p.version === document.version && typos(p.diagnostics).length > 0),
    PATIENCE_MS,
    `spelling findings for ${uri}`,
  );
  return typos(latest.diagnostics).map((d) => textOf(document, d));
}

/**
 * Resolves once a publish after `since` shows the document's spelling findings without one on
 * `word`: its "recieved", never added, shows that spelling was checked in that publish.
 */
function untilGone(client: TestClient, uri: string, word: string, since: number): Promise<unknown> {
  const document = client.documents.get(uri)!;
  return client.until(
    () =>
      client.published.slice(since).find((p) => {
        const words = typos(p.diagnostics).map((d) => textOf(document, d));
        return p.uri === uri && words.includes('recieved') && !words.includes(word);
      }),
    PATIENCE_MS,
    `a publish without "${word}"`,
  );
}

describe('spelling words written by the server', () => {
  const notes = workspace();
  let client: TestClient;
  const registrations: Registration[] = [];

  before(async () => {
    client = await start(notes.root);
    client.connection.onRequest(RegistrationRequest.type, (params) => void registrations.push(...params.registrations));
  });
  after(() => client.stop());

  it('offers the command to any client, and watches the word files', async () => {
    assert.deepEqual(client.initializeResult?.capabilities.executeCommandProvider, { commands: [ADD_WORD, 'starNotes.addMissingSections', 'starNotes.newStory'] });
    await client.until(() => registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method), 10_000, 'file watchers');
    const watchers = registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method)!.registerOptions as { watchers: { globPattern: unknown }[] };
    const patterns = watchers.watchers.map((watcher) => watcher.globPattern);
    assert.ok(patterns.includes('**/.star-notes/words.txt'));
    assert.ok(patterns.some((pattern) => typeof pattern === 'string' && pattern.includes('cspell.json') && pattern.includes('.vscode/cspell.json')));
    assert.ok(patterns.some((pattern) => JSON.stringify(pattern) === JSON.stringify({ baseUri: pathToFileURL(configDir).href, pattern: 'words.txt' })));
  });

  it('adds a workspace word to .star-notes/words.txt when there is no cspell configuration, and the finding goes', async () => {
    const uri = notes.uri('story.md');
    await client.open(uri, 'We recieved the zorblax service and the quuxifier.\n');
    assert.deepEqual(await unknownWords(client, uri), ['recieved', 'zorblax', 'quuxifier']);
    const since = client.published.length;
    assert.deepEqual(await addWord(client, 'zorblax', 'workspace', uri), { word: 'zorblax', file: join(notes.root, '.star-notes', 'words.txt'), added: true });
    await untilGone(client, uri, 'zorblax', since);
    assert.equal(readFileSync(join(notes.root, '.star-notes', 'words.txt'), 'utf8'), 'zorblax\n');
    assert.deepEqual(await addWord(client, 'Zorblax', 'workspace', uri), { word: 'Zorblax', file: join(notes.root, '.star-notes', 'words.txt'), added: false });
  });

  it("adds a user word to the user's word file", async () => {
    const uri = notes.uri('story.md');
    const since = client.published.length;
    assert.deepEqual(await addWord(client, 'quuxifier', 'user', uri), { word: 'quuxifier', file: join(configDir, 'words.txt'), added: true });
    await untilGone(client, uri, 'quuxifier', since);
    assert.equal(readFileSync(join(configDir, 'words.txt'), 'utf8'), 'quuxifier\n');
  });

  it('takes workspace words of a document in no workspace folder to the user words', async () => {
    const result = await addWord(client, 'blorptastic', 'workspace', 'untitled:Untitled-1');
    assert.equal(result.file, join(configDir, 'words.txt'));
  });

  it('rejects a non-word with a reason, and writes nothing', async () => {
    for (const [args, reason] of [
      [['two words', 'workspace', notes.uri('story.md')], /not one word/],
      [['', 'user'], /no word/],
      [['x'.repeat(101), 'user'], /at most 100 characters/],
      [['zorblax', 'team'], /"workspace" or "user"/],
    ] as const) {
      await assert.rejects(addWord(client, ...args), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams && reason.test(error.message));
    }
    assert.deepEqual(parseWordFile(readFileSync(join(notes.root, '.star-notes', 'words.txt'), 'utf8')), ['zorblax']);
  });

  it('picks up words written by hand, on the next edit and when the client reports the file changed', async () => {
    const uri = notes.uri('hand.md');
    await client.open(uri, 'We recieved the flimbertron and the grozzle.\n');
    assert.deepEqual(await unknownWords(client, uri), ['recieved', 'flimbertron', 'grozzle']);
    const words = join(notes.root, '.star-notes', 'words.txt');
    writeFileSync(words, 'flimbertron\nzorblax\n');
    const end = client.documents.get(uri)!.getText().indexOf('\n');
    await client.change(uri, [{ range: { start: { line: 0, character: end }, end: { line: 0, character: end } }, text: ' ' }]);
    // The edit is checked at once, and again if the word files changed: the last publish counts.
    await client.until(() => {
      const latest = [...client.published].reverse().find((p) => p.uri === uri);
      return latest?.version === 2 && typos(latest.diagnostics).map((d) => textOf(client.documents.get(uri)!, d)).join() === 'recieved,grozzle';
    }, PATIENCE_MS, 'flimbertron to be accepted');
    const since = client.published.length;
    writeFileSync(words, 'flimbertron\ngrozzle\nzorblax\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(words).href, type: FileChangeType.Changed }] });
    await untilGone(client, uri, 'grozzle', since);
  });
});

describe('spelling words in a cspell configuration', () => {
  const CONFIG = '{\n  // shared with Code Spell Checker\n  "version": "0.2",\n  "words": ["alpharetta"]\n}\n';
  const notes = workspace({ 'cspell.json': CONFIG, 'package.json': '{ "name": "notes" }\n' });
  let client: TestClient;

  before(async () => {
    client = await start(notes.root);
  });
  after(() => client.stop());

  it('adds workspace words to the cspell.json the document reads, keeping its comments, and the finding goes', async () => {
    const uri = notes.uri('story.md');
    await client.open(uri, 'Our alpharetta was recieved by the wibblesnatch.\n');
    assert.deepEqual(await unknownWords(client, uri), ['recieved', 'wibblesnatch']);
    const since = client.published.length;
    assert.deepEqual(await addWord(client, 'wibblesnatch', 'workspace', uri), { word: 'wibblesnatch', file: join(notes.root, 'cspell.json'), added: true });
    await untilGone(client, uri, 'wibblesnatch', since);
    const text = readFileSync(join(notes.root, 'cspell.json'), 'utf8');
    assert.ok(text.includes('// shared with Code Spell Checker'));
    assert.deepEqual(parseJsonc(text), { version: '0.2', words: ['alpharetta', 'wibblesnatch'] });
    assert.equal(readdirSync(notes.root).includes('.star-notes'), false);
  });
});

describe('two servers adding words to one workspace at once', () => {
  const WORDS = 100;
  const wordsOf = (server: string) => Array.from({ length: WORDS }, (_, i) => `${server}word${String(i).padStart(3, '0')}`);

  /** Two servers on one folder, each sent `WORDS` commands at once, interleaved with the other's. */
  async function addConcurrently(notes: ReturnType<typeof workspace>): Promise<void> {
    const [one, two] = await Promise.all([start(notes.root), start(notes.root)]);
    try {
      const uri = notes.uri('story.md');
      const requests = wordsOf('one').flatMap((word, i) => [addWord(one, word, 'workspace', uri), addWord(two, wordsOf('two')[i], 'workspace', uri)]);
      const results = await Promise.all(requests);
      assert.ok(results.every((result) => result.added));
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  }

  it('keeps every word of both in .star-notes/words.txt', async () => {
    const notes = workspace();
    await addConcurrently(notes);
    const listed = parseWordFile(readFileSync(join(notes.root, '.star-notes', 'words.txt'), 'utf8'));
    assert.deepEqual(listed, [...wordsOf('one'), ...wordsOf('two')]);
    assert.deepEqual(readdirSync(join(notes.root, '.star-notes')), ['words.txt'], 'no lock or temporary file is left');
  });

  it('keeps every word of both in a cspell.json, and its comments', async () => {
    const notes = workspace({ 'cspell.json': '{\n  // ours\n  "words": []\n}\n' });
    await addConcurrently(notes);
    const text = readFileSync(join(notes.root, 'cspell.json'), 'utf8');
    assert.deepEqual(parseJsonc(text).words, [...wordsOf('one'), ...wordsOf('two')]);
    assert.ok(text.includes('// ours'));
    assert.deepEqual(readdirSync(notes.root), ['cspell.json'], 'no lock or temporary file is left');
  });
});
