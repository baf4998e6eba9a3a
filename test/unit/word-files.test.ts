import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseJsonc } from 'jsonc-parser/lib/esm/main.js';
import { lock } from 'proper-lockfile';
import { parse as parseYaml } from 'yaml';
import { CSPELL_CONFIG_FILES, nearestCspellFile } from '../../server/src/runtime/cspellConfig';
import { addWordToFile, MAX_WORD_LENGTH, parseWordFile, userWordsFile, WordFileCache, wordProblem, workspaceWordsFile } from '../../server/src/runtime/wordFiles';
import { lines } from './helpers';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'star-notes-words-'));
}

function written(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}

describe('word file locations', () => {
  it('puts user words in the configuration folder of each platform', () => {
    assert.equal(userWordsFile({}, 'linux', '/home/ana'), '/home/ana/.config/star-notes/words.txt');
    assert.equal(userWordsFile({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana'), '/cfg/star-notes/words.txt');
    assert.equal(userWordsFile({ XDG_CONFIG_HOME: 'relative/cfg' }, 'linux', '/home/ana'), '/home/ana/.config/star-notes/words.txt', 'a relative XDG_CONFIG_HOME is ignored, as the spec says');
    assert.equal(userWordsFile({}, 'darwin', '/Users/ana'), '/Users/ana/Library/Application Support/star-notes/words.txt');
    assert.equal(userWordsFile({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana'), 'C:\\Users\\ana\\AppData\\Roaming\\star-notes\\words.txt');
    assert.equal(userWordsFile({}, 'win32', 'C:\\Users\\ana'), 'C:\\Users\\ana\\AppData\\Roaming\\star-notes\\words.txt');
  });

  it('lets STAR_NOTES_CONFIG_DIR move the user word file', () => {
    assert.equal(userWordsFile({ STAR_NOTES_CONFIG_DIR: '/tmp/star', XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana'), '/tmp/star/words.txt');
  });

  it('keeps workspace words in .star-notes/words.txt of the folder', () => {
    assert.equal(workspaceWordsFile('/work/notes'), join('/work/notes', '.star-notes', 'words.txt'));
  });
});

describe('what a word is', () => {
  it('accepts words of any script, digits and marks, up to the limit', () => {
    for (const word of ['Kubernetes', 'naïve', 'e2e', "o'clock", 'Datix', '面接', 'x'.repeat(MAX_WORD_LENGTH)]) assert.equal(wordProblem(word), undefined, word);
  });

  it('rejects nothing, spaces, line breaks, control characters, comments and very long words with a reason', () => {
    assert.match(wordProblem('')!, /no word/);
    assert.match(wordProblem(undefined)!, /no word/);
    assert.match(wordProblem(42)!, /no word/);
    for (const word of ['two words', 'line\nbreak', 'tab\there', ' padded', 'nul\u0000']) assert.match(wordProblem(word)!, /not one word/, JSON.stringify(word));
    assert.match(wordProblem('#hashtag')!, /comment/);
    assert.match(wordProblem('x'.repeat(MAX_WORD_LENGTH + 1))!, /at most 100 characters; this one has 101/);
  });

  it('reads one word a line, skipping blank lines and # comments', () => {
    assert.deepEqual(parseWordFile('# team words\r\nVitess\n\n  Wolfi  \n#Knative\n'), ['Vitess', 'Wolfi']);
  });
});

describe('adding a word to a word file', () => {
  it('creates the missing folders and the file', async () => {
    const file = join(folder(), 'not', 'yet', 'words.txt');
    assert.equal(await addWordToFile(file, 'Vitess'), true);
    assert.equal(readFileSync(file, 'utf8'), 'Vitess\n');
  });

  it('keeps the list sorted, case-insensitively, and every other line as it was', async () => {
    const file = written(join(folder(), 'words.txt'), lines('# our words', 'alpha', 'Gamma', '# tools', 'zeta', ''));
    await addWordToFile(file, 'beta');
    await addWordToFile(file, 'Aardvark');
    await addWordToFile(file, 'zzz');
    assert.equal(readFileSync(file, 'utf8'), lines('# our words', 'Aardvark', 'alpha', 'beta', 'Gamma', '# tools', 'zeta', 'zzz', ''));
  });

  it('keeps Windows line endings and adds the missing last one', async () => {
    const file = written(join(folder(), 'words.txt'), 'alpha\r\ngamma');
    await addWordToFile(file, 'beta');
    assert.equal(readFileSync(file, 'utf8'), 'alpha\r\nbeta\r\ngamma\r\n');
  });

  it('does not add a word that is there in any case, and leaves the file untouched', async () => {
    const file = written(join(folder(), 'words.txt'), 'Vitess\n');
    const before = statSync(file);
    assert.equal(await addWordToFile(file, 'vitess'), false);
    assert.equal(await addWordToFile(file, 'VITESS'), false);
    const after = statSync(file);
    assert.equal(readFileSync(file, 'utf8'), 'Vitess\n');
    assert.deepEqual([after.ino, after.mtimeMs], [before.ino, before.mtimeMs]);
  });

  it('rejects a non-word without creating anything', async () => {
    const dir = folder();
    const file = join(dir, '.star-notes', 'words.txt');
    await assert.rejects(addWordToFile(file, 'two words'), /not one word/);
    await assert.rejects(addWordToFile(file, 'a\nb'), /not one word/);
    await assert.rejects(addWordToFile(file, ''), /no word/);
    await assert.rejects(addWordToFile(file, 'y'.repeat(101)), /at most 100/);
    assert.equal(existsSync(join(dir, '.star-notes')), false);
  });

  it('loses no word when 100 are added at once', async () => {
    const file = join(folder(), 'words.txt');
    const words = Array.from({ length: 100 }, (_, i) => `word${String(i).padStart(3, '0')}`);
    const added = await Promise.all(words.map((word) => addWordToFile(file, word)));
    assert.ok(added.every(Boolean));
    assert.deepEqual(parseWordFile(readFileSync(file, 'utf8')), words);
  });

  it('takes over a lock left by a server that died holding it', async () => {
    const file = written(join(folder(), 'words.txt'), 'alpha\n');
    mkdirSync(`${file}.lock`);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, minuteAgo, minuteAgo);
    assert.equal(await addWordToFile(file, 'beta'), true);
    assert.equal(readFileSync(file, 'utf8'), 'alpha\nbeta\n');
    assert.equal(existsSync(`${file}.lock`), false, 'the lock is released');
  });

  it('waits for a lock another program holds, then adds to what that program wrote', async () => {
    const file = written(join(folder(), 'words.txt'), 'alpha\n');
    const release = await lock(file, { realpath: false });
    let done = false;
    const adding = addWordToFile(file, 'beta').then((added) => (done = added));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(done, false, 'still waiting for the lock');
    writeFileSync(file, 'alpha\ngamma\n');
    await release();
    assert.equal(await adding, true);
    assert.equal(readFileSync(file, 'utf8'), 'alpha\nbeta\ngamma\n');
  });

  it('writes the target of a link, and refuses a link that leads out of the workspace folder', async () => {
    const workspace = folder();
    const outside = written(join(folder(), 'elsewhere.txt'), 'secret\n');
    mkdirSync(join(workspace, '.star-notes'));
    symlinkSync(outside, join(workspace, '.star-notes', 'words.txt'));
    await assert.rejects(addWordToFile(workspaceWordsFile(workspace), 'beta', { folder: workspace }), /leads outside/);
    assert.equal(readFileSync(outside, 'utf8'), 'secret\n');
    assert.equal(await addWordToFile(workspaceWordsFile(workspace), 'beta'), true, 'the user’s own file may be a link');
    assert.equal(readFileSync(outside, 'utf8'), 'beta\nsecret\n');
  });
});

describe('adding a word to a cspell configuration', () => {
  it('keeps the comments, trailing commas and other settings of a cspell.json', async () => {
    const file = written(
      join(folder(), 'cspell.json'),
      lines('// Shared with Code Spell Checker', '{', '  "version": "0.2",', '  /* the team */', '  "words": [', '    "alpha",', '    "gamma", // keep me', '  ],', '  "language": "en-GB",', '}', ''),
    );
    assert.equal(await addWordToFile(file, 'beta'), true);
    assert.equal(await addWordToFile(file, 'Beta'), false);
    const text = readFileSync(file, 'utf8');
    for (const kept of ['// Shared with Code Spell Checker', '/* the team */', '// keep me', '  "language": "en-GB",\n}']) assert.ok(text.includes(kept), kept);
    assert.deepEqual(parseJsonc(text), { version: '0.2', words: ['alpha', 'beta', 'gamma'], language: 'en-GB' });
    assert.match(text, /\n {4}"beta",\n/);
  });

  it('adds a words list to a configuration without one, indented like the file', async () => {
    const file = written(join(folder(), '.cspell.json'), '{\n\t"version": "0.2"\n}\n');
    await addWordToFile(file, 'Vitess');
    assert.equal(readFileSync(file, 'utf8'), '{\n\t"version": "0.2",\n\t"words": [\n\t\t"Vitess"\n\t]\n}\n');
  });

  it('adds to the cspell section of a package.json', async () => {
    const file = written(join(folder(), 'package.json'), '{\n  "name": "notes",\n  "cspell": { "words": ["alpha"] }\n}\n');
    await addWordToFile(file, 'beta');
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { name: 'notes', cspell: { words: ['alpha', 'beta'] } });
  });

  it('leaves a configuration it cannot read as it is, and says why', async () => {
    const broken = written(join(folder(), 'cspell.json'), '{ "words": ["alpha", }} oops');
    await assert.rejects(addWordToFile(broken, 'beta'), /cspell\.json was left as it is: it is not valid JSON/);
    assert.equal(readFileSync(broken, 'utf8'), '{ "words": ["alpha", }} oops');
    const odd = written(join(folder(), 'cspell.json'), '{ "words": "alpha" }');
    await assert.rejects(addWordToFile(odd, 'beta'), /"words" is not a list/);
    const yaml = written(join(folder(), 'cspell.yaml'), 'words: [alpha\n  b: c: d\n');
    await assert.rejects(addWordToFile(yaml, 'beta'), /not valid YAML/);
    assert.equal(readFileSync(yaml, 'utf8'), 'words: [alpha\n  b: c: d\n');
  });

  it('adds to a YAML block list, changing nothing else in the file', async () => {
    const original = lines('# cspell settings', 'version: "0.2"', '', '', 'words:', '    - alpha # first', '    # tools', '    - gamma', 'ignorePaths: [node_modules, out]', 'description: a long line that a YAML writer would fold if it had the chance to do so, at eighty', '');
    const file = written(join(folder(), 'cspell.config.yaml'), original);
    await addWordToFile(file, 'beta');
    await addWordToFile(file, 'zeta');
    await addWordToFile(file, 'Aardvark');
    assert.equal(
      readFileSync(file, 'utf8'),
      lines('# cspell settings', 'version: "0.2"', '', '', 'words:', '    - Aardvark', '    - alpha # first', '    # tools', '    - beta', '    - gamma', '    - zeta', 'ignorePaths: [node_modules, out]', 'description: a long line that a YAML writer would fold if it had the chance to do so, at eighty', ''),
    );
  });

  it('adds to a YAML flow list, quotes what YAML would misread, and starts a list where there is none', async () => {
    const flow = written(join(folder(), 'cspell.yml'), 'words: [alpha, gamma] # inline\r\nlanguage: en\r\n');
    await addWordToFile(flow, 'beta');
    await addWordToFile(flow, 'omega');
    assert.equal(readFileSync(flow, 'utf8'), 'words: [alpha, beta, gamma, omega] # inline\r\nlanguage: en\r\n');
    const none = written(join(folder(), 'cspell.yaml'), '# only settings\nlanguage: en\n');
    await addWordToFile(none, 'true');
    assert.equal(readFileSync(none, 'utf8'), '# only settings\nlanguage: en\nwords:\n  - "true"\n');
    assert.deepEqual(parseYaml(readFileSync(none, 'utf8')).words, ['true']);
  });

  it('fills an empty YAML words entry through the document model, keeping its comments', async () => {
    const file = written(join(folder(), 'cspell.yaml'), '# team words below\nwords: # none yet\nlanguage: en\n');
    await addWordToFile(file, 'Vitess');
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(parseYaml(text), { words: ['Vitess'], language: 'en' });
    assert.ok(text.startsWith('# team words below\n'));
    assert.ok(text.includes('# none yet'));
  });

  it('loses no word when 100 are added to a cspell.json at once', async () => {
    const file = written(join(folder(), 'cspell.json'), '{\n  // ours\n  "words": []\n}\n');
    const words = Array.from({ length: 100 }, (_, i) => `term${String(i).padStart(3, '0')}`);
    await Promise.all(words.map((word) => addWordToFile(file, word)));
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(parseJsonc(text).words, words);
    assert.ok(text.includes('// ours'));
  });
});

describe('finding the cspell configuration to add to', () => {
  it('lists the data files cspell-lib searches, in its order', async () => {
    const { defaultConfigFilenames } = await import('cspell-lib');
    assert.deepEqual(CSPELL_CONFIG_FILES, defaultConfigFilenames.filter((name) => /\.(?:jsonc?|ya?ml)$/.test(name)));
  });

  it('finds the nearest one up to the workspace folder, and a package.json only with a cspell section', async () => {
    const root = folder();
    const notes = join(root, 'notes', 'interviews');
    mkdirSync(join(root, '.vscode'));
    mkdirSync(notes, { recursive: true });
    written(join(root, '.vscode', 'cspell.json'), '{}');
    written(join(root, 'notes', 'package.json'), '{ "name": "notes" }');
    assert.equal(await nearestCspellFile(notes, root), join(root, '.vscode', 'cspell.json'));
    assert.equal(await nearestCspellFile(notes, join(root, 'notes')), undefined, 'the search stops at the folder');
    written(join(root, 'notes', 'package.json'), '{ "name": "notes", "cspell": { "words": [] } }');
    assert.equal(await nearestCspellFile(notes, root), join(root, 'notes', 'package.json'));
  });
});

describe('reading word files', () => {
  it('reads a file once, again after it is replaced or edited in place, and nothing when it is missing', async () => {
    const errors: string[] = [];
    const cache = new WordFileCache((file, message) => errors.push(message));
    const file = join(folder(), 'words.txt');
    assert.equal(await cache.refresh([{ file }]), true);
    assert.deepEqual(cache.words(file), []);
    assert.equal(await cache.refresh([{ file }]), false);
    written(`${file}.new`, 'alpha\n');
    renameSync(`${file}.new`, file);
    assert.equal(await cache.refresh([{ file }]), true);
    assert.deepEqual(cache.words(file), ['alpha']);
    assert.equal(await cache.refresh([{ file }]), false, 'an unchanged file is not read again');
    writeFileSync(file, 'alpha\nbeta\n');
    assert.equal(await cache.refresh([{ file }]), true);
    assert.deepEqual(cache.words(file), ['alpha', 'beta']);
    assert.deepEqual(errors, []);
  });

  it('does not read a workspace word file that is a link out of its folder', async () => {
    const errors: string[] = [];
    const cache = new WordFileCache((file, message) => errors.push(message));
    const workspace = folder();
    mkdirSync(join(workspace, '.star-notes'));
    symlinkSync(written(join(folder(), 'private.txt'), 'secret\n'), workspaceWordsFile(workspace));
    await cache.refresh([{ file: workspaceWordsFile(workspace), folder: workspace }]);
    assert.deepEqual(cache.words(workspaceWordsFile(workspace)), []);
    assert.match(errors.join('\n'), /leads outside/);
  });
});
