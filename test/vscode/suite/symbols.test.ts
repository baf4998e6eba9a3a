import * as assert from 'node:assert/strict';
import {
  NOTES,
  STORY_HEADING,
  documentSymbols,
  findStorySymbol,
  lineOf,
  openInEditor,
  revertAndCloseEditors,
  waitFor,
  workspaceUri,
} from './helpers';

suite('Document symbols', () => {
  teardown(revertAndCloseEditors);

  test('outline the CI migration story with its sections as children', async () => {
    const uri = workspaceUri(NOTES);
    const { document } = await openInEditor(uri);
    const story = await waitFor(
      'a story symbol for the CI migration',
      async () => findStorySymbol(await documentSymbols(uri), /Leading CI Migration/),
      (symbol) => symbol !== undefined,
      () => 'none',
    );
    assert.ok(story);
    assert.equal(story.range.start.line, lineOf(document, STORY_HEADING));

    const names = story.children.map((child) => child.name);
    for (const section of [/situation/i, /task/i, /result/i, /challenges/i]) {
      assert.ok(
        names.some((name) => section.test(name)),
        `no child matching ${section} in ${JSON.stringify(names)}`,
      );
    }
    assert.ok(!names.some((name) => /action/i.test(name)), `unexpected Action child in ${JSON.stringify(names)}`);
    for (const child of story.children) {
      assert.ok(story.range.contains(child.range), `${child.name} lies outside its story`);
    }
  });
});
