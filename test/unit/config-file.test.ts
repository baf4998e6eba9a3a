import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { findConfig, readConfig } from '../../server/src/runtime/configFile';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'star-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('findConfig', () => {
  it('finds the nearest config file above a file, in the order .star-notes.json, .star-notes.jsonc, package.json', () => {
    const dir = tree({
      'package.json': '{"name": "notes", "starNotes": {"minWords": 4}}',
      'a/.star-notes.jsonc': '{"minWords": 6}',
      'a/.star-notes.json': '{"minWords": 5}',
      'a/b/c/story.md': '',
      'd/package.json': '{"name": "no-settings"}',
      'd/story.md': '',
    });
    assert.deepEqual(findConfig(join(dir, 'a/b/c/story.md')), { path: join(dir, 'a/.star-notes.json'), raw: { minWords: 5 } });
    assert.deepEqual(findConfig(join(dir, 'a/b/c')), { path: join(dir, 'a/.star-notes.json'), raw: { minWords: 5 } }, 'a folder too');
    assert.deepEqual(findConfig(join(dir, 'd/story.md')), { path: join(dir, 'package.json'), raw: { minWords: 4 } }, 'a package.json without starNotes is passed over');
  });

  it('stops at stopAt, which it still searches', () => {
    const dir = tree({ '.star-notes.json': '{"minWords": 5}', 'ws/.keep': '', 'ws/notes/story.md': '' });
    assert.equal(findConfig(join(dir, 'ws/notes/story.md'), join(dir, 'ws')), undefined);
    assert.equal(findConfig(join(dir, 'ws/notes/story.md'), dir)?.path, join(dir, '.star-notes.json'));
  });

  it('takes the VS Code settings keys, nested or dotted, and comments and trailing commas in .jsonc', () => {
    const dir = tree({ '.star-notes.jsonc': '{\n  // British notes\n  "spelling.language": "en-GB",\n  "spelling": { "words": ["Harlow"] },\n  "starNotes.minWords": 2,\n}\n' });
    assert.deepEqual(readConfig(join(dir, '.star-notes.jsonc')), { path: join(dir, '.star-notes.jsonc'), raw: { spelling: { words: ['Harlow'], language: 'en-GB' }, minWords: 2 } });
  });

  it('names what is wrong with a broken file, by line and column, instead of going on to one further up', () => {
    const dir = tree({
      '.star-notes.json': '{"minWords": 5}',
      'comma/.star-notes.json': '{\n  "minWords": 5,\n}\n',
      'comment/.star-notes.json': '// no comments in JSON\n{}',
      'list/.star-notes.jsonc': '["minWords"]',
      'empty/.star-notes.json': '',
      'pkg/package.json': '{"starNotes": true}',
    });
    assert.deepEqual(findConfig(join(dir, 'comma/x.md')), { path: join(dir, 'comma/.star-notes.json'), error: 'line 3, column 1: expected a property name in double quotes' });
    assert.deepEqual(findConfig(join(dir, 'comment/x.md')), { path: join(dir, 'comment/.star-notes.json'), error: 'line 1, column 1: comments are only allowed in .jsonc files' });
    assert.match((findConfig(join(dir, 'list/x.md')) as { error: string }).error, /must be an object of settings/);
    assert.match((findConfig(join(dir, 'empty/x.md')) as { error: string }).error, /^line 1, column 1: expected a value$/);
    assert.deepEqual(findConfig(join(dir, 'pkg/x.md')), { path: join(dir, 'pkg/package.json'), error: '"starNotes" must be an object of settings' });
  });

  it('passes over a package.json that is not JSON: npm reports that, and it says nothing of STAR Notes', () => {
    const dir = tree({ '.star-notes.json': '{"minWords": 5}', 'app/package.json': '{ "name": ', 'app/x.md': '' });
    assert.equal(findConfig(join(dir, 'app/x.md'))?.path, join(dir, '.star-notes.json'));
  });
});
