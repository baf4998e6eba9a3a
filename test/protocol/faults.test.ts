import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  LSPErrorCodes,
  ShutdownRequest,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateNotes } from '../../bench/corpus';
import { CODE_GROUPS } from '../unit/corpus';
import { fixture } from '../unit/helpers';
import { SERVER, TestClient } from './client';

const SANDBOX = resolve(__dirname, 'faults-sandbox.cjs');
const BUNDLE = resolve(SERVER, '..');
/** The structure codes; hints and spelling have tests of their own. */
const star = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => CODE_GROUPS.star.includes(String(d.code)));
const hasSpelling = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === 'spelling');
const exited = (client: TestClient) =>
  new Promise<number | null>((done) => (client.process.exitCode !== null ? done(client.process.exitCode) : client.process.once('exit', (code) => done(code))));

function applyAction(document: TextDocument, action: CodeAction): string {
  const edit = action.edit!;
  const edits = edit.documentChanges ? (edit.documentChanges as { edits: TextEdit[] }[]).flatMap((change) => change.edits) : Object.values(edit.changes ?? {}).flat();
  return TextDocument.applyEdits(document, edits);
}

describe('protocol faults', () => {
  it('answers a cancelled request with a result or RequestCancelled, logs no error, and keeps serving', async () => {
    const client = await TestClient.start();
    try {
      const uri = 'file:///cancel.md';
      await client.open(uri, generateNotes(60_000, 2));
      const outcomes = await Promise.all(
        [0, 1, 5].map(async (delay) => {
          const source = new CancellationTokenSource();
          const pending = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token);
          setTimeout(() => source.cancel(), delay);
          return pending.then(
            () => 'answered',
            (error: { code?: number }) => (error.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : `failed with ${error.code}`),
          );
        }),
      );
      assert.ok(outcomes.every((outcome) => outcome === 'answered' || outcome === 'cancelled'), outcomes.join(', '));
      assert.ok(star(await client.diagnostics(uri)).length > 0);
      assert.deepEqual(client.errors, []);
    } finally {
      await client.stop();
    }
  });

  it('exits with 0 after shutdown and exit, and with 1 on exit without shutdown, as LSP asks', async () => {
    const clean = await TestClient.start();
    await clean.connection.sendRequest(ShutdownRequest.type);
    await clean.connection.sendNotification(ExitNotification.type);
    assert.equal(await exited(clean), 0);
    clean.connection.dispose();

    const abrupt = await TestClient.start();
    await abrupt.connection.sendNotification(ExitNotification.type);
    assert.equal(await exited(abrupt), 1);
    abrupt.connection.dispose();
  });

  it('exits when the editor that started it dies, instead of running on as an orphan', async () => {
    const editor = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const client = await TestClient.start({ processId: editor.pid });
    try {
      editor.kill('SIGKILL');
      // vscode-languageserver looks for its parent every three seconds.
      const code = await Promise.race([exited(client), new Promise((done) => setTimeout(() => done('still running'), 8000))]);
      assert.notEqual(code, 'still running');
    } finally {
      await client.stop();
    }
  });

  it('answers requests and notifications for documents it has never seen, without an error', async () => {
    const client = await TestClient.start({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    try {
      const textDocument = { uri: 'file:///never/opened.md' };
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { ...textDocument, version: 2 }, contentChanges: [{ text: '# x' }] });
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument });
      assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), []);
      assert.deepEqual(await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }), []);
      assert.deepEqual(await client.connection.sendRequest(CompletionRequest.type, { textDocument, position: range.start }), []);
      assert.deepEqual(await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }), []);
      assert.deepEqual(await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument }), { kind: 'full', items: [] });
      const uri = 'file:///after.md';
      await client.open(uri, '## Story\n- Situation: a b c\n');
      assert.ok((await client.diagnostics(uri)).length > 0);
      assert.deepEqual(client.errors, []);
    } finally {
      await client.stop();
    }
  });

  it('dies at once when killed in the middle of an analysis, leaving no process behind it', async (t) => {
    const uri = 'file:///killed.md';
    const client = await TestClient.start();
    await client.open(uri, generateNotes(400_000, 4));
    const pid = client.process.pid!;
    // Killed before it could publish: the kill lands mid-work, which is the case worth testing.
    client.process.kill('SIGKILL');
    const signal = await new Promise<NodeJS.Signals | null>((done) => client.process.once('exit', (_code, sig) => done(sig)));
    client.connection.dispose();
    assert.equal(signal, 'SIGKILL');
    assert.deepEqual(client.published.filter((params) => params.uri === uri), [], 'it published before the kill: the kill was not mid-analysis');
    if (process.platform !== 'linux') return t.skip('reads /proc to find orphaned processes');
    const orphans = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          return readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1] === String(pid);
        } catch {
          return false;
        }
      });
    assert.deepEqual(orphans, []);
  });
});

describe('files the server should not read', () => {
  let client: TestClient;
  let settings: Record<string, unknown> = {};

  before(async () => {
    client = await TestClient.start({ settings: () => settings });
  });
  after(() => client.stop());

  const notices = (uri: string) => client.messages.filter((message) => message.includes(uri) && message.includes('skipped'));

  it('skips a file over starNotes.maxFileSize with one notice, however often it changes', async () => {
    settings = { maxFileSize: 1000 };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const uri = 'file:///big.md';
    await client.open(uri, fixture('interview-notes.md'));
    assert.deepEqual(await client.diagnostics(uri), []);
    await client.change(uri, [{ text: `${fixture('interview-notes.md')}\nmore` }]);
    assert.deepEqual(await client.diagnostics(uri), []);
    await client.until(() => notices(uri).length > 0, 5000, 'a notice');
    assert.equal(notices(uri).length, 1, notices(uri).join('\n'));
    assert.match(notices(uri)[0], /over starNotes\.maxFileSize/);
    settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.diagnostics(uri, undefined, (diagnostics) => diagnostics.length > 0);
  });

  it('skips binary content with a notice', async () => {
    const uri = 'file:///binary.md';
    await client.open(uri, `## Story\n- Situation: \u0000\u0001\u0002\u0003 PNG\n`);
    assert.deepEqual(await client.diagnostics(uri), []);
    await client.until(() => notices(uri).find((notice) => notice.includes('binary')), 5000, 'a notice');
  });

  it('skips notes nested thousands of levels deep with a notice, instead of overflowing the stack', async () => {
    const uri = 'file:///deep.md';
    await client.open(uri, `${'> '.repeat(20_000)}Situation: deep`);
    assert.deepEqual(await client.diagnostics(uri), []);
    await client.until(() => notices(uri).find((notice) => notice.includes('nested')), 5000, 'a notice');
    assert.deepEqual(client.errors, []);
  });

  it('checks untitled documents, skips other schemes unless starNotes.schemes names them', async () => {
    const text = '## Story\n- Situation: a b c\n';
    await client.open('untitled:Untitled-1', text);
    assert.ok(star(await client.diagnostics('untitled:Untitled-1')).length > 0);
    const git = 'git:/notes/story.md?ref=HEAD';
    await client.open(git, text);
    assert.deepEqual(await client.diagnostics(git), []);
    await client.until(() => notices(git).find((notice) => notice.includes('"git" scheme')), 5000, 'a notice');
    settings = { schemes: ['file', 'untitled', 'git'] };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.diagnostics(git, undefined, (diagnostics) => star(diagnostics).length > 0);
    settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });
});

describe('bad settings', () => {
  it('fall back to defaults with one clear warning each, and checking goes on', async () => {
    const settings = {
      minWords: -3,
      maxFileSize: 'big',
      severity: { 'no-such-code': 'error', 'missing-result': 'loud', constructor: 'error' },
      aliases: { constructor: ['x'], result: 'Win' },
      outline: 5,
      schemes: 'file',
      enable: 'yes',
      spelling: { language: 'fr', words: 'many', dictionaries: ['/etc/hosts', '../../outside.txt', 'missing-words.txt'] },
    };
    const client = await TestClient.start({ settings: () => settings });
    try {
      for (const name of ['one.md', 'two.md']) {
        const uri = `file:///bad/${name}`;
        await client.open(uri, '## Story\n- Situation: a b c\n- Task: d e f\n');
        assert.deepEqual(star(await client.diagnostics(uri)).map((d) => d.code), ['missing-action', 'missing-result']);
      }
      await client.until(() => client.messages.some((message) => message.includes('spelling dictionary could not be read')), 10_000, 'the warning about a missing word list');
      const expected = [
        /starNotes\.minWords must be a whole number/,
        /starNotes\.maxFileSize must be a positive number/,
        /unknown code "no-such-code"/,
        /unknown code "constructor"/,
        /starNotes\.severity\.missing-result: "loud"/,
        /unknown section "constructor"/,
        /starNotes\.aliases\.result must be a list/,
        /starNotes\.outline must be/,
        /starNotes\.schemes must be a list/,
        /starNotes\.enable must be true or false/,
        /starNotes\.spelling\.language must be/,
        /starNotes\.spelling\.words must be a list/,
        /"\/etc\/hosts" is outside the workspace/,
        /"\.\.\/\.\.\/outside\.txt" is outside the workspace/,
        /a spelling dictionary could not be read/,
      ];
      for (const pattern of expected) {
        const matching = client.messages.filter((message) => pattern.test(message));
        assert.equal(matching.length, 1, `${pattern}: ${matching.length} messages in\n${client.messages.join('\n')}`);
      }
      assert.deepEqual(client.errors, []);
    } finally {
      await client.stop();
    }
  });
});

describe('a server in a sandbox', () => {
  let root: string;
  let workspace: string;
  let log: string[] = [];
  let reads: string[] = [];
  let messages: string[] = [];
  let errors: string[] = [];

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'star-notes-sandbox-')));
    workspace = join(root, 'workspace');
    mkdirSync(join(workspace, 'notes'), { recursive: true });
    writeFileSync(join(root, 'secret.txt'), 'hunter2\n');
    // A link inside the workspace to a file outside it: the name looks harmless, the target is not.
    symlinkSync(join(root, 'secret.txt'), join(workspace, 'team-words.txt'));
    // Hand-edited: a byte-order mark, CRLF, a comment, stray spaces, a blank line and a binary one.
    writeFileSync(join(workspace, 'words.txt'), '\uFEFFFrobnicator\r\n# our product names\r\n  Zorblax  \r\n\r\n\u0000\u0001\u00ff\r\nQuuxly');
    writeFileSync(join(workspace, 'notes', 'other.md'), fixture('notes/ward-sister.md'));
    // What a cloned repository's .vscode/settings.json could say.
    const settings = { spelling: { dictionaries: ['words.txt', '../secret.txt', join(root, 'secret.txt'), 'team-words.txt'] } };
    const client = await TestClient.start({
      settings: () => settings,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }],
      nodeArgs: ['--disallow-code-generation-from-strings', '--require', SANDBOX],
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
    });
    try {
      const uri = pathToFileURL(join(workspace, 'notes', 'story.md')).href;
      const document = await client.open(uri, `${fixture('interview-notes.md')}\nthe frobnicator, zorblax and quuxly teams, the the end.\n`);
      const diagnostics = await client.diagnostics(uri, 1, hasSpelling);
      const flagged = diagnostics.filter((d) => d.code === 'spelling').map((d) => document.getText(d.range));
      assert.deepEqual(flagged.filter((word) => ['frobnicator', 'zorblax', 'quuxly'].includes(word)), [], 'the hand-edited word list was read leniently');
      const missing = diagnostics.find((d) => d.code === 'missing-action')!;
      await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: missing.range, context: { diagnostics } });
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 0 } });
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      // The workspace index reads the other notes a second after start.
      await new Promise((done) => setTimeout(done, 1500));
    } finally {
      await client.stop();
      log = client.stderr.join('').split('\n');
      reads = [...new Set(log.filter((line) => line.startsWith('SANDBOX read ')).map((line) => resolve(line.slice('SANDBOX read '.length))))];
      messages = client.messages;
      errors = client.errors;
    }
  });

  it('starts no process, opens no connection and evaluates no string', () => {
    assert.deepEqual(log.filter((line) => line.startsWith('SANDBOX forbidden')), []);
    assert.deepEqual(errors, []);
  });

  it('writes no file', () => {
    assert.ok(reads.some((path) => path.endsWith(`${sep}words.txt`)), 'the sandbox saw the word list read, in the spelling worker');
    assert.deepEqual(log.filter((line) => line.startsWith('SANDBOX write')), []);
  });

  it('reads no file that workspace settings name outside the workspace, and says so once each', () => {
    assert.deepEqual(reads.filter((path) => path.endsWith('secret.txt') || path.endsWith('team-words.txt')), []);
    assert.equal(messages.filter((message) => message.includes('outside the workspace')).length, 3, messages.join('\n'));
  });

  it('reads nothing but its bundle, the workspace and the user’s cspell settings', () => {
    const allowed = [BUNDLE + sep, workspace + sep, join(homedir(), '.config', 'cspell') + sep];
    // The workspace folder itself is listed by the workspace index.
    assert.deepEqual(reads.filter((path) => path !== workspace && !allowed.some((folder) => path.startsWith(folder))), []);
  });
});

describe('spelling: fix all', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  });
  after(() => client.stop());

  const fixAllTwice = async (name: string, text: string) => {
    let document = await client.open(`file:///${name}.md`, text);
    const fixAll = async () => {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: document.uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      return actions.length === 0 ? document.getText() : applyAction(document, actions[0]);
    };
    const once = await fixAll();
    assert.notEqual(once, text, 'the first fix all fixed nothing');
    document = await client.change(document.uri, [{ text: once }]);
    assert.equal(await fixAll(), once);
    return once;
  };

  it('applied twice changes nothing the second time', async () => {
    await fixAllTwice('crlf', 'We shipped the the the release and saw an experince boost.\r\nThe the recieved recieved a a a bandwith.\r\n');
    await fixAllTwice('star', '- Situation: definately definately, the the\n- Task: occured\n  occured occured\n');
  });

  it('applied twice changes nothing the second time, even when a correction doubles the word beside it', async () => {
    assert.equal(await fixAllTwice('doubled', 'We waited becuase because the release slipped.\n'), 'We waited because the release slipped.\n');
    assert.equal(await fixAllTwice('doubled-before', 'The release slipped because becuase of tests.\n'), 'The release slipped because of tests.\n');
  });
});
