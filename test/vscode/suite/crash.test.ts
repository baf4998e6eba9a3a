import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { descendantsOf } from '../processes';
import { USER_DATA_ENV } from '../results';
import {
  NOTES,
  STORY_HEADING,
  TASK_LINE,
  documentSymbols,
  findStorySymbol,
  hasDiagnostic,
  lineOf,
  openInEditor,
  revertAndCloseEditors,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

/** How vscode-languageclient's default error handler logs a restart after the server died. */
const RESTART_NOTICE = 'Connection to server got closed. Server will restart.';
const SERVER_MODULE = path.join('server', 'out', 'server.js');
const NEW_STORY_HEADING = '### Nightly build story';

/** The language servers this extension host started: node children whose command line names server/out/server.js. */
function languageServerPids(): number[] {
  return descendantsOf(process.pid).filter((pid) => {
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return argv.some((arg) => arg.endsWith(SERVER_MODULE));
    } catch {
      return false; // Ended while we looked.
    }
  });
}

/** The "STAR Notes" output channel as VS Code logs it, or undefined where the runner does not say where logs go. */
function outputChannelLog(): string | undefined {
  const userData = process.env[USER_DATA_ENV];
  if (!userData) {
    return undefined;
  }
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.name === 'STAR Notes.log' && path.basename(dir) === 'star-notes.star-notes') {
        found.push(fs.readFileSync(file, 'utf8'));
      }
    }
  };
  walk(path.join(userData, 'logs'));
  return found.join('\n');
}

/** Resolves once no diagnostics have been published for `uri` for `quietMs`. */
async function diagnosticsSettle(uri: vscode.Uri, quietMs = 1500, timeoutMs = 30_000): Promise<void> {
  let last = Date.now();
  const listener = vscode.languages.onDidChangeDiagnostics((event) => {
    if (event.uris.some((changed) => changed.toString() === uri.toString())) {
      last = Date.now();
    }
  });
  try {
    await waitFor(`diagnostics of ${uri.path} to settle`, () => Date.now() - last, (quiet) => quiet >= quietMs, String, timeoutMs);
  } finally {
    listener.dispose();
  }
}

const count = (text: string | undefined, needle: string): number => (text ?? '').split(needle).length - 1;

suite('Crash recovery', () => {
  teardown(revertAndCloseEditors);

  test('a SIGKILLed language server is restarted and analyses the document as edited meanwhile', async function () {
    this.timeout(90_000);
    const uri = workspaceUri(NOTES);
    const editor = await openInEditor(uri);
    const { document } = editor;
    const heading = lineOf(document, STORY_HEADING);
    const task = lineOf(document, TASK_LINE);
    await waitForDiagnostics(uri, 'the findings before the crash', (d) => hasDiagnostic(d, 'incomplete-section', task));

    const [victim, ...others] = languageServerPids();
    assert.ok(victim, `no process below the extension host (${process.pid}) runs ${SERVER_MODULE}`);
    assert.deepEqual(others, [], 'more than one language server is running');
    const noticesBefore = count(outputChannelLog(), RESTART_NOTICE);

    process.kill(victim, 'SIGKILL');
    // Edit while the server is down: finish the Task (its finding must go) and
    // add a story without a Result (a finding only new text can produce).
    const added = await editor.edit((edit) => {
      edit.replace(document.lineAt(task).range, '- Task: Migrate every team from Jenkins to GitHub Actions');
      edit.insert(
        document.lineAt(document.lineCount - 1).range.end,
        `\n\n${NEW_STORY_HEADING}\n\n- Situation: The nightly build broke every week\n- Task: Make it reliable again\n- Action: I rewrote the flaky steps\n`,
      );
    });
    assert.ok(added, 'the edit was not applied');
    const newHeading = lineOf(document, NEW_STORY_HEADING);

    const [successor] = await waitFor(
      'a new language server process',
      languageServerPids,
      (pids) => pids.length === 1 && pids[0] !== victim,
      (pids) => `pids ${JSON.stringify(pids)} (killed ${victim})`,
      30_000,
    );
    assert.notEqual(successor, victim);

    await waitForDiagnostics(
      uri,
      `missing-result on line ${newHeading}, missing-action on line ${heading} and no incomplete-section on line ${task}`,
      (d) =>
        hasDiagnostic(d, 'missing-result', newHeading) &&
        hasDiagnostic(d, 'missing-action', heading) &&
        !hasDiagnostic(d, 'incomplete-section', task),
    );
    const story = await waitFor(
      'the restarted server to outline the new story',
      async () => findStorySymbol(await documentSymbols(uri), /Nightly build story/),
      (symbol) => symbol !== undefined,
      () => 'none',
    );
    assert.equal(story?.range.start.line, newHeading);

    // The only trace the user gets of one crash: the client logs the restart
    // to the "STAR Notes" output channel (a notification only comes once the
    // server has crashed five times in three minutes and is given up on).
    if (process.env[USER_DATA_ENV]) {
      await waitFor(
        `"${RESTART_NOTICE}" in the STAR Notes output channel`,
        () => count(outputChannelLog(), RESTART_NOTICE),
        (notices) => notices === noticesBefore + 1,
        (notices) => `${notices} notice(s), ${noticesBefore} before the crash`,
      );
    }
    assert.deepEqual(languageServerPids(), [successor], 'a language server too many after the restart');

    // Leave the next test an idle server: one still busy with its first
    // spelling pass (dictionaries load on first use) can miss the 2 s the
    // client allows for a shutdown, and then Restart Server fails.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(uri, 'the findings of the reverted text', (d) => hasDiagnostic(d, 'incomplete-section', task));
    await diagnosticsSettle(uri);
  });
});
