import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  documentSymbols,
  findStorySymbol,
  hasDiagnostic,
  lineOf,
  markdownSnippetsByPrefix,
  openScratch,
  revertAndCloseEditors,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const PREFIXES = ['star', 'star-bullets', 'star-l', 'situation', 'task', 'action', 'result'];

/** Goes through VS Code's snippet service, so it only works for snippets the manifest really contributes. */
async function insertContributedSnippet(prefix: string): Promise<void> {
  const name = markdownSnippetsByPrefix().get(prefix);
  assert.ok(name, `no markdown snippet with prefix "${prefix}"`);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
}

suite('Snippets', () => {
  teardown(revertAndCloseEditors);

  test('are contributed for markdown under the documented prefixes', () => {
    const prefixes = [...markdownSnippetsByPrefix().keys()];
    for (const prefix of PREFIXES) {
      assert.ok(prefixes.includes(prefix), `missing prefix "${prefix}" in ${JSON.stringify(prefixes)}`);
    }
  });

  test('"star" inserts a complete story that the server outlines with all four sections', async () => {
    const editor = await openScratch('snippet-star.md', '');
    await insertContributedSnippet('star');
    const text = editor.document.getText();
    const order = ['Situation', 'Task', 'Action', 'Result'].map((section) => text.indexOf(section));
    assert.ok(
      order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1])),
      `the snippet text lacks S, T, A, R in order:\n${text}`,
    );

    const uri = editor.document.uri;
    const story = await waitFor(
      'the inserted story in the outline',
      async () => findStorySymbol(await documentSymbols(uri), /.*/),
      (symbol) => symbol !== undefined,
      () => 'none',
    );
    assert.ok(story);
    const names = story.children.map((child) => child.name);
    for (const section of [/situation/i, /task/i, /action/i, /result/i]) {
      assert.ok(
        names.some((name) => section.test(name)),
        `no child matching ${section} in ${JSON.stringify(names)}`,
      );
    }
  });

  test('"action" fills the gap that missing-action reports in a heading-style story', async () => {
    // Section snippets are level-3 headings, made for stories under a level-2 title.
    const editor = await openScratch(
      'snippet-action.md',
      [
        '## Cutting build times',
        '',
        '### Situation',
        '',
        'Builds took forty minutes on every merge to main.',
        '',
        '### Task',
        '',
        'Bring every build under ten minutes without dropping tests.',
        '',
        '### Result',
        '',
        'Builds now take eight minutes and releases go out daily.',
        '',
      ].join('\n'),
    );
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, 'missing-action on line 0', (d) => hasDiagnostic(d, 'missing-action', 0));

    const result = lineOf(editor.document, '### Result');
    editor.selection = new vscode.Selection(result, 0, result, 0);
    await insertContributedSnippet('action');
    assert.ok(lineOf(editor.document, '### Result') > result, 'the snippet inserted nothing before ### Result');

    await waitForDiagnostics(uri, 'missing-action to go', (d) => !hasDiagnostic(d, 'missing-action'));
  });
});
