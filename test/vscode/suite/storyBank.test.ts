import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { spokenTime } from '../../../server/src/core/coach/stats';
import { EXTENSION_ID, NOTES, STORY_HEADING, lineOf, openInEditor, openScratch, revertAndCloseEditors, waitFor, workspaceUri } from './helpers';

/** The shapes the extension's API gives (client/src/storyBank.ts), as far as the tests read them. */
interface Entry {
  uri: string;
  title: string;
  complete: boolean;
  seconds: number;
  hints: number;
  range: { start: { line: number } };
  themes: { id: string; name: string; guess: boolean }[];
}
type Node =
  | { type: 'file'; uri: string; stories: Entry[] }
  | { type: 'theme'; id: string; name: string; covered: boolean; stories: Entry[] }
  | { type: 'story'; entry: Entry; group: string; guess: boolean };
interface Api {
  storyBank: {
    provider: { grouping: 'file' | 'theme'; getChildren(node?: Node): Node[]; getTreeItem(node: Node): vscode.TreeItem };
    statusBar: vscode.StatusBarItem;
    refresh(): Promise<void>;
  };
}

const SCRATCH = 'story-bank-scratch.md';
const CONFLICT_TITLE = 'Two shift leads who would not speak';

/** A hotel duty manager's notes: one finished story that declares its question, one still missing its Action. */
const HOTEL_NOTES = [
  '# Front office manager – interview prep',
  '',
  `## ${CONFLICT_TITLE}`,
  '',
  'Questions: conflict',
  '',
  '- Situation: My two night shift leads stopped handing over to each other after a row about the rota, and guests were being checked in twice.',
  '- Task: As duty manager I had to get them working together again before the conference week.',
  '- Action: I met each of them alone, then together, agreed a written handover checklist and swapped one of them onto an overlap shift.',
  '- Result: Double check-ins dropped from 9 in a fortnight to none, and both still run the night desk a year later.',
  '',
  '## Overbooked wedding weekend',
  '',
  '- Situation: Sales had sold 14 more rooms than we had for a wedding weekend in June.',
  '- Result: Every guest had a bed, 12 of them at our sister hotel with a free transfer.',
  '',
].join('\n');

async function api(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

function storyLenses(uri: vscode.Uri): Thenable<vscode.CodeLens[]> {
  return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
}

const LENS_TITLE = /^(?:[A-Z] [✓⚠✗] ?)+ · \d+ words? · ~/;

suite('Story bank, code lens and status bar', () => {
  teardown(async () => {
    await revertAndCloseEditors();
    await vscode.workspace.fs.delete(workspaceUri(SCRATCH)).then(undefined, () => undefined);
  });

  test('the code lens above the CI migration story shows its sections and adds the missing Action when clicked', async () => {
    const uri = workspaceUri(NOTES);
    const { document } = await openInEditor(uri);
    const heading = lineOf(document, STORY_HEADING);
    const lens = await waitFor(
      `a code lens on line ${heading}`,
      async () => (await storyLenses(uri)).find((l) => l.range.start.line === heading && LENS_TITLE.test(l.command?.title ?? '')),
      (found) => found !== undefined,
      () => 'none',
    );
    assert.match(lens!.command!.title, /^S ✓ T ⚠ A ✗ R ✓ · \d+ words · ~/);
    assert.equal(lens!.command!.command, 'starNotes.addMissingSections');

    await vscode.commands.executeCommand(lens!.command!.command, ...(lens!.command!.arguments ?? []));
    await waitFor('an Action section in the story', () => document.getText(), (text) => /^- Action: /m.test(text), (text) => text.slice(0, 200));
    const after = await waitFor(
      'the lens to show the Action is there but unwritten',
      async () => (await storyLenses(uri)).find((l) => l.range.start.line === heading && LENS_TITLE.test(l.command?.title ?? '')),
      (found) => found?.command?.command === '',
      (found) => JSON.stringify(found?.command),
    );
    assert.match(after!.command!.title, /^S ✓ T ⚠ A ✗ R ✓ /);
  });

  test('the status bar counts the complete stories of the active note, and follows edits', async () => {
    const { storyBank } = await api();
    const editor = await openScratch(SCRATCH, HOTEL_NOTES);
    await waitFor('STAR 1/2 complete', () => storyBank.statusBar.text, (text) => text === 'STAR 1/2 complete');

    const at = editor.document.getText().indexOf('- Result: Every guest');
    await editor.edit((edit) =>
      edit.insert(editor.document.positionAt(at), '- Task: I had to find every guest a room without cancelling anyone.\n- Action: I rang four hotels nearby, block-booked rooms at our sister hotel and hired a minibus.\n'),
    );
    await waitFor('STAR 2/2 complete', () => storyBank.statusBar.text, (text) => text === 'STAR 2/2 complete');
    assert.equal(storyBank.statusBar.command, 'starNotes.showStoryBank');
  });

  test('the tree lists the stories by file and by theme, and selecting one reveals it', async () => {
    const { storyBank } = await api();
    const { provider } = storyBank;
    const scratch = workspaceUri(SCRATCH).toString();
    await openScratch(SCRATCH, HOTEL_NOTES);
    // The status bar's click: the view opens, and the tree asks the server once it is visible.
    await vscode.commands.executeCommand('starNotes.showStoryBank');
    if (provider.grouping !== 'file') await vscode.commands.executeCommand('starNotes.storyBank.groupByFile');
    const file = await waitFor(
      `the file node of ${SCRATCH}`,
      async () => {
        await storyBank.refresh();
        return provider.getChildren().find((node): node is Extract<Node, { type: 'file' }> => node.type === 'file' && node.uri === scratch);
      },
      (node) => node !== undefined && node.stories.length === 2,
      (node) => JSON.stringify(node),
    );
    const fileItem = await provider.getTreeItem(file!);
    assert.match(String(fileItem.description), /1\/2 complete$/);

    const stories = provider.getChildren(file!);
    const items = await Promise.all(stories.map((node) => provider.getTreeItem(node)));
    assert.deepEqual(items.map((item) => item.label), [CONFLICT_TITLE, 'Overbooked wedding weekend']);
    const [complete, unfinished] = stories as Extract<Node, { type: 'story' }>[];
    assert.equal((items[0].iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.notEqual((items[1].iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.ok(String(items[0].description).startsWith(spokenTime(complete.entry.seconds)), `${items[0].description} gives the spoken length`);
    assert.equal(complete.entry.complete, true);
    assert.equal(unfinished.entry.complete, false);

    await vscode.commands.executeCommand('starNotes.storyBank.groupByTheme');
    assert.equal(provider.grouping, 'theme');
    const themes = provider.getChildren();
    assert.ok(themes.every((node) => node.type === 'theme'), 'grouped by theme, every root is a theme');
    const conflict = themes.find((node) => node.type === 'theme' && node.stories.some((entry) => entry.uri === scratch && entry.title === CONFLICT_TITLE));
    assert.ok(conflict && conflict.type === 'theme' && /conflict/i.test(conflict.name), `the conflict story is under a conflict theme: ${themes.map((node) => (node.type === 'theme' ? node.name : '')).join(', ')}`);
    assert.ok(conflict.covered, 'a complete story covers its theme');
    await vscode.commands.executeCommand('starNotes.storyBank.groupByFile');
    assert.equal(provider.grouping, 'file');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const command = items[1].command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('the story to be revealed', () => vscode.window.activeTextEditor, (active) => active?.document.uri.toString() === scratch);
    assert.equal(editor!.selection.active.line, unfinished.entry.range.start.line);
    assert.equal(editor!.document.lineAt(editor!.selection.active.line).text, '## Overbooked wedding weekend');
  });

  test('spoken lengths read the same in the tree as in the code lens', async () => {
    const { storyBank } = await api();
    const node = { type: 'story' as const, group: 'file:x', guess: false, entry: { uri: workspaceUri(SCRATCH).toString(), title: 't', complete: true, seconds: 0, hints: 0, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, themes: [], slots: [], words: 0, framework: 'star' } };
    for (const seconds of [0, 7, 59, 60, 96, 120, 181, 3599]) {
      const item = await storyBank.provider.getTreeItem({ ...node, entry: { ...node.entry, seconds } } as Node);
      assert.equal(String(item.description), spokenTime(seconds));
    }
  });
});
