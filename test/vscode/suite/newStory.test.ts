import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  diagnosticCode,
  lineOf,
  markdownSnippetsByPrefix,
  openScratch,
  revertAndCloseEditors,
  starDiagnostics,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const SECTIONS = ['Situation', 'Task', 'Action', 'Result'];

/** The line of each section's prompt in a heading-style story: two below its heading. */
function promptLines(document: vscode.TextDocument): number[] {
  return SECTIONS.map((name) => lineOf(document, `### ${name}`) + 2);
}

/** The incomplete-section finding that covers a line (a one-line section's runs from its heading). */
const unfinishedAt = (diagnostics: vscode.Diagnostic[], line: number) =>
  diagnostics.find((d) => diagnosticCode(d) === 'incomplete-section' && d.range.start.line <= line && line <= d.range.end.line);
const unfinishedOn = (diagnostics: vscode.Diagnostic[], line: number) => unfinishedAt(diagnostics, line) !== undefined;

/** A note of `###` stories under `##` themes, the cursor's line last. */
const THEMED = [
  '# Interview prep',
  '',
  '## Leadership',
  '',
  '### Rebuilding the night rota',
  '',
  '- Situation: Two nurses left the ward in the same month.',
  '- Task: Cover every night shift without agency staff.',
  '- Action: I asked each nurse which nights they could swap and published the rota a month ahead.',
  '- Result: No shift went uncovered for eight weeks, and agency spend fell to zero.',
  '',
  '## Conflict',
  '',
  '',
].join('\n');

suite('New Story', () => {
  teardown(revertAndCloseEditors);

  test('a snippet left as inserted is unfinished in every section, and a filled section is not', async () => {
    const editor = await openScratch('new-story-journey.md', '');
    const name = markdownSnippetsByPrefix().get('star');
    assert.ok(name, 'no "star" snippet');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
    await vscode.commands.executeCommand('leaveSnippet');
    const { document } = editor;
    const prompts = promptLines(document);

    const found = await waitForDiagnostics(document.uri, 'incomplete-section on every prompt', (d) => prompts.every((line) => unfinishedOn(d, line)));
    for (const line of prompts) {
      const diagnostic = unfinishedAt(found, line)!;
      assert.match(diagnostic.message, /prompt/i, `line ${line}: ${diagnostic.message}`);
    }

    const situation = document.lineAt(prompts[0]).range;
    await editor.edit((edit) => edit.replace(situation, 'Two nurses left the ward in the same month, and nights had gaps every weekend.'));
    const after = await waitForDiagnostics(document.uri, 'the Situation finding to go, the others to stay', (d) => !unfinishedOn(d, prompts[0]) && prompts.slice(1).every((line) => unfinishedOn(d, line)));
    assert.ok(!unfinishedOn(after, prompts[0]), describeDiagnostics(after));
  });

  test('New Story writes a `###` story where the note’s stories are `###` under `##` themes', async () => {
    const editor = await openScratch('new-story-depth.md', THEMED);
    const { document } = editor;
    const line = document.lineCount - 1;
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await vscode.commands.executeCommand('starNotes.newStory', {
      uri: document.uri.toString(),
      position: { line, character: 0 },
      framework: 'car',
      title: 'Settling a row over annual leave',
    });
    await waitFor('the new story in the note', () => document.getText(), (text) => text.includes('Settling a row over annual leave'), (text) => text);
    const title = lineOf(document, '### Settling a row over annual leave');
    assert.ok(title > lineOf(document, '## Conflict'));
    // The Context bullet follows the note's own bullets, its prompt ready to be typed over.
    assert.match(document.lineAt(title + 2).text, /^- Context: What was the challenge/);
    assert.ok(!document.getText().includes('${'), 'tab stops were written out as text');
    await waitForDiagnostics(document.uri, 'the new story found', (d) => unfinishedOn(d, title + 2));
  });

  test('New Story from the palette asks for a framework and a theme, then writes the story at the cursor', async () => {
    const editor = await openScratch('new-story-palette.md', '# Notes for the Leeds interview\n\n');
    const { document } = editor;
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    let done = false;
    const running = Promise.resolve(vscode.commands.executeCommand('starNotes.newStory')).finally(() => (done = true));
    // Accepts the first framework (STAR), then the theme box as it stands (no theme): each as it opens.
    while (!done) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await running;
    await waitFor('the new story in the note', () => document.getText(), (text) => text.includes('### Result'), (text) => text);
    assert.equal(document.lineAt(2).text, '## Story title: one line a panel would remember');
    assert.deepEqual(starDiagnostics(document.uri).filter((d) => diagnosticCode(d)?.startsWith('missing-')), []);
  });
});
