import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { storyEntries } from '../../server/src/core/bank/bank';
import { resolveSettings } from '../../server/src/core/settings';
import { LineIndex } from '../../server/src/core/text';
import { readConfig } from '../../server/src/runtime/configFile';
import { check, settingsWith } from './helpers';

const ROOT = resolve(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The README's fenced blocks in `language`, as a reader copies them. */
const blocks = (language: string) => [...README.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]);

/** The one block in `language` that starts with `start`. */
function example(language: string, start: string): string {
  const found = blocks(language).filter((block) => block.startsWith(start));
  assert.equal(found.length, 1, `README.md has one ${language} example starting "${start}"`);
  return found[0];
}

/** Every finding at its default level, hints included, as `code: first line it covers`: a reader sees them all. */
const findings = (text: string) => check(text).findings.map((finding) => `${finding.code}: ${text.slice(...finding.range).split('\n')[0].trim()}`);
const stories = (text: string) => check(text).doc.stories.map((story) => `${story.title}: ${story.framework.id}`);

describe('the README’s examples, as written', () => {
  it('the letters example is a complete STAR story that draws no finding', () => {
    const text = example('markdown', '## Deteriorating patient');
    assert.deepEqual(stories(text), ['Deteriorating patient: star']);
    assert.deepEqual(findings(text), []);
  });

  it('the PAR example is a complete PAR story that draws no finding', () => {
    const text = example('markdown', '## Checkout failures');
    assert.deepEqual(stories(text), ['Checkout failures: par']);
    assert.deepEqual(findings(text), []);
  });

  it('the story table is a story per row: its empty cell is `empty-section`, its thin one `incomplete-section`', () => {
    const text = example('markdown', '| Story | Situation |');
    assert.deepEqual(stories(text), ['Drunk patient: star']);
    assert.deepEqual(findings(text), ['empty-section: ', 'incomplete-section: Police attended']);
  });

  it('the question-coverage example declares the themes it says, once its stories are told', () => {
    // The example shows only the declarations, with notes after `←`; each heading gets a story's sections.
    const sections = ['- Situation: Two nurses were off sick on a 28-bed ward.', '- Task: I was in charge and had to keep every patient safe.', '- Action: I called the site manager and moved the agency nurse to the side rooms.', '- Result: No incidents, and every drug round went out within 30 minutes.', ''];
    const text = example('markdown', '## Night shift')
      .replace(/ +← .*$/gm, '')
      .split('\n')
      .flatMap((line) => (line.startsWith('## ') ? ['', line, ...sections] : [line]))
      .join('\n');
    const index = new LineIndex(text);
    const position = (offset: number) => ({ line: index.lineAt(offset), character: offset - index.lineStart(index.lineAt(offset)) });
    const analysis = check(text);
    const themes = storyEntries('file:///notes.md', analysis, settingsWith(), ([start, end]) => ({ start: position(start), end: position(end) })).map(
      (entry) => `${entry.title}: ${entry.themes.map((theme) => `${theme.id}${theme.guess ? '?' : ''}`).join(', ')}`,
    );
    assert.deepEqual(themes, ['Night shift with two nurses down: conflict, leadership', 'Family complaint about a discharge #customer-focus: customer-focus']);
  });

  it('the config file is valid against the schema it names, and the settings take it without a warning', () => {
    const text = example('jsonc', '{');
    const file = join(mkdtempSync(join(tmpdir(), 'star-notes-readme-')), '.star-notes.jsonc');
    writeFileSync(file, text);
    const found = readConfig(file);
    assert.ok(found && 'raw' in found, `read: ${JSON.stringify(found)}`);
    assert.deepEqual(resolveSettings(found.raw).warnings, []);
    const raw = found.raw as { $schema: string };
    // `./node_modules/star-notes/…` is this package's own file once installed.
    const schemaPath = join(ROOT, raw.$schema.replace('./node_modules/star-notes/', ''));
    assert.ok(existsSync(schemaPath), `${raw.$schema} is in the package`);
    const valid = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    assert.ok(valid(raw), JSON.stringify(valid.errors));
  });
});
