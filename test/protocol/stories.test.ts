import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateNotes } from '../../bench/corpus';
import { analyze } from '../../server/src/core/analyze';
import { storiesResult, storyEntries } from '../../server/src/core/bank/bank';
import { THEME_SETS } from '../../server/src/core/bank/themes';
import type { StoriesResult, StoryEntry } from '../../server/src/core/bank/types';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/core/settings';
import { DEALS, MOCK_INSPECTION, RFC, WARD } from '../unit/bankNotes';
import { TestClient } from './client';

const INTERVIEW_NOTES = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'interview-notes.md'), 'utf8');

/** What the core makes of a file on disk, for comparing the server's answer with. */
function expectedEntries(path: string, text: string, settings = DEFAULT_SETTINGS): StoryEntry[] {
  const uri = pathToFileURL(path).href;
  const document = TextDocument.create(uri, 'markdown', 0, text);
  return storyEntries(uri, analyze(text, settings), settings, ([start, end]) => ({ start: document.positionAt(start), end: document.positionAt(end) }));
}

const byUriAndLine = (a: StoryEntry, b: StoryEntry) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line);

describe('starNotes/stories and starNotes/report', () => {
  let root: string;
  let client: TestClient;
  const progress: string[] = [];
  let changedNotices = 0;
  const files = new Map<string, string>();

  const stories = (params: { uri?: string } = {}) => client.connection.sendRequest<StoriesResult>('starNotes/stories', params);
  /** The stories once `accept` holds: the index follows changes in the background. */
  const eventually = async (accept: (result: StoriesResult) => boolean, what: string, params: { uri?: string } = {}) => {
    const deadline = Date.now() + 30_000;
    let result = await stories(params);
    while (!accept(result) && Date.now() < deadline) {
      await new Promise((wake) => setTimeout(wake, 100));
      result = await stories(params);
    }
    assert.ok(accept(result), `${what}: ${JSON.stringify(result.stories.map((story) => [story.title, story.themes]))}`);
    return result;
  };
  const titled = (result: StoriesResult, title: string) => result.stories.filter((story) => story.title === title);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'star-notes-bank-'));
    const write = (name: string, text: string) => {
      const path = join(root, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      files.set(path, text);
    };
    write('ward.md', WARD);
    write('teaching/mock-inspection.md', MOCK_INSPECTION);
    write('sales.md', DEALS);
    write('rfc.md', RFC);
    write('interview-notes.md', INTERVIEW_NOTES);
    // A generated workspace: story banks, design notes, question lists and disabled stories in many styles.
    for (let i = 0; i < 40; i++) write(`generated/notes-${i}.md`, generateNotes(6_000, 100 + i));

    client = await TestClient.start({
      capabilities: { window: { workDoneProgress: true }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'notes' }],
    });
    client.connection.onNotification('starNotes/storiesChanged', () => void changedNotices++);
    client.connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      client.connection.onProgress(WorkDoneProgress.type, params.token, (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => void progress.push(value.kind));
    });
    await client.until(() => progress.includes('end'), 60_000, 'indexing to end');
  });
  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers with every story of every notes file once indexed, as the core makes them, with the themes they cover', async () => {
    const result = await stories();
    const expected = [...files].flatMap(([path, text]) => expectedEntries(path, text)).sort(byUriAndLine);
    assert.ok(expected.length > 60, `${expected.length} stories`);
    assert.deepEqual(result, storiesResult(expected, THEME_SETS.common));
    const [ci] = titled(result, 'Leading CI Migration (Jenkins -> GH Actions)');
    assert.deepEqual([ci.complete, ci.themes], [false, [{ id: 'leadership', name: 'Leadership', guess: true }]]);
    assert.deepEqual(
      result.themes.filter((theme) => theme.covered).map((theme) => theme.id),
      ['failure', 'conflict', 'leadership', 'tight-deadline', 'learning-fast', 'customer-focus'],
    );
  });

  it('tells clients when the indexed stories changed', async () => {
    await client.until(() => changedNotices > 0, 5_000, 'starNotes/storiesChanged');
  });

  it('answers for one document in the URI it was asked with, however that encodes the path', async () => {
    const asked = pathToFileURL(join(root, 'sales.md')).href.replace('sales.md', '%73ales.md');
    const result = await stories({ uri: asked });
    assert.deepEqual(result.stories.map((story) => [story.uri, story.title]), [
      [asked, 'Losing the Northwind renewal'],
      [asked, 'Winning over a sceptical CFO'],
    ]);
    assert.deepEqual(result.themes.filter((theme) => theme.covered).map((theme) => theme.id), ['failure']);
  });

  it('takes an open document as the editor has it, unsaved edits included, in place of the file on disk', async () => {
    const uri = pathToFileURL(join(root, 'ward.md')).href;
    await client.open(uri, WARD.replace('Questions: conflict, leadership', 'Questions: ambiguity'));
    await client.open('untitled:Untitled-1', '## Covering the Easter rota\n- Situation: Half the team booked leave.\n- Task: Keep the ward staffed.\n- Action: I swapped shifts with two bank nurses.\n- Result: Every shift was covered.\n');
    const result = await stories();
    assert.deepEqual(titled(result, 'Night shift with two nurses down').map((story) => [story.uri, story.themes.map((theme) => theme.id)]), [[uri, ['ambiguity']]]);
    assert.deepEqual(titled(result, 'Covering the Easter rota').map((story) => story.uri), ['untitled:Untitled-1']);
    await client.close('untitled:Untitled-1');
    await client.close(uri);
    assert.deepEqual(titled(await stories(), 'Night shift with two nurses down')[0].themes.map((theme) => theme.id), ['conflict', 'leadership']);
  });

  it('follows notes files as they are added and deleted', async () => {
    const path = join(root, 'added.md');
    writeFileSync(path, '## Raising a concern about a colleague\nQuestions: conflict\n- Situation: A colleague kept skipping handover checks.\n- Task: Patients were at risk.\n- Action: I spoke to her, then to the ward manager.\n- Result: Handover checks were audited weekly.\n');
    const before = changedNotices;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path).href, type: FileChangeType.Created }] });
    await eventually((result) => titled(result, 'Raising a concern about a colleague').length === 1, 'the added story');
    await client.until(() => changedNotices > before, 5_000, 'a notice for the added file');
    rmSync(path);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path).href, type: FileChangeType.Deleted }] });
    await eventually((result) => titled(result, 'Raising a concern about a colleague').length === 0, 'the story gone');
  });

  it('renders the report as HTML by default, and as Markdown or JSON, from the same stories', async () => {
    const html = await client.connection.sendRequest<string>('starNotes/report', {});
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.indexOf('Not covered yet') < html.indexOf('<table>'));
    assert.match(html, /<li><strong>Weakness<\/strong>: no story yet<\/li>/);
    const ward = pathToFileURL(join(root, 'ward.md')).href;
    assert.ok(html.includes(`href="${ward}#L3" data-uri="${ward}" data-line="2" data-character="0">Night shift with two nurses down</a>`));
    const markdown = await client.connection.sendRequest<string>('starNotes/report', { format: 'markdown' });
    assert.match(markdown, /\[Rewriting the Year 9 scheme of work in a week\]\(file:\/\/.*\/teaching\/mock-inspection\.md#L8\) \| teaching\/mock-inspection\.md:8 \|/);
    const json = await client.connection.sendRequest<string>('starNotes/report', { format: 'json' });
    assert.deepEqual(JSON.parse(json), await stories());
  });

  it('holds the bank to another theme set when the settings change, and indexes the files again', async () => {
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { starNotes: { themes: 'amazon' } } });
    const amazon = resolveSettings({ themes: 'amazon' }).settings;
    const path = join(root, 'teaching', 'mock-inspection.md');
    const result = await eventually(
      (found) => JSON.stringify(titled(found, 'Rewriting the Year 9 scheme of work in a week')) === JSON.stringify(expectedEntries(path, MOCK_INSPECTION, amazon)),
      'the teacher\'s story held to the Leadership Principles',
    );
    assert.deepEqual(result.themes.map((theme) => theme.name), THEME_SETS.amazon.map((theme) => theme.name));
    assert.deepEqual(titled(result, 'Rewriting the Year 9 scheme of work in a week')[0].themes.map((theme) => theme.id), ['learn-and-be-curious', 'deliver-results']);
  });
});
