import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, describeDiagnostics, documentSymbols, openScratch, revertAndCloseEditors, starDiagnostics, waitFor, waitForDiagnostics } from './helpers';

const NOTES = [
  '# Sales stories',
  '',
  '## Losing the Hartley account',
  '',
  '- Problem: Our biggest account gave notice after two late deliveries in a quarter.',
  '- Action: I flew out, rebuilt the delivery plan with their ops lead and set a weekly call.',
  '- Result: They renewed for two years at 8% more.',
  '',
  '## Story bank',
  '',
  '| Story | Situation | Task | Action | Result |',
  '|---|---|---|---|---|',
  '| Territory split | Two reps fighting over the north-west | Settle it before Q3 planning | Split by postcode and shared the data | Both hit target, 104% and 111% |',
  '| New starter | A new rep lost her first three deals | Get her to her first close |  | She closed £40k in month two |',
  '',
].join('\n');

/** The story symbols the server contributes: VS Code's markdown outline adds '#'-prefixed headings of its own. */
const stories = (symbols: readonly vscode.DocumentSymbol[] | undefined): vscode.DocumentSymbol[] =>
  (symbols ?? []).flatMap((symbol) => [...(symbol.name.startsWith('#') ? [] : [symbol]), ...stories(symbol.children)]).filter((symbol) => symbol.kind === vscode.SymbolKind.Class);

suite('Frameworks and story tables', () => {
  teardown(revertAndCloseEditors);

  test('a PAR story is complete and a story table row reports its empty cell, in Problems and in the Outline', async () => {
    const editor = await openScratch('frameworks.md', NOTES);
    const { document } = editor;
    const uri = document.uri;
    const diagnostics = await waitForDiagnostics(uri, 'the empty Action cell', (found) => found.some((d) => diagnosticCode(d) === 'empty-section'));
    const structure = starDiagnostics(uri).filter((d) => diagnosticCode(d) !== 'no-metric');
    assert.deepEqual(
      structure.map((d) => [diagnosticCode(d), d.range.start.line]),
      [['empty-section', 13]],
      describeDiagnostics(diagnostics),
    );
    const cell = structure[0].range;
    assert.equal(document.lineAt(13).text.slice(0, cell.start.character).split('|').length - 1, 4, 'the finding sits in the Action column');

    const outline = await waitFor('the story symbols', async () => stories(await documentSymbols(uri)), (found) => found.length === 3, (found) => JSON.stringify(found.map((s) => s.name)));
    assert.deepEqual(
      outline.map((symbol) => [symbol.name, symbol.detail]),
      [['Losing the Hartley account', 'P A R'], ['Territory split', 'S T A R'], ['New starter', 'S T · R']],
    );
    assert.deepEqual(outline[0].children.map((child) => child.name), ['Problem', 'Action', 'Result']);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 5));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /PAR story/, text);
    assert.match(text, /it has a Problem and no Situation or Task/, text);
  });
});
