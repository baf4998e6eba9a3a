import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { resolveSettings } from '../../server/src/core/settings';
import { readConfig } from '../../server/src/runtime/configFile';
import { CONFIG_SCHEMA_PATH, PACKAGE_SCHEMA_PATH } from '../../scripts/configSchema';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const manifest = read('package.json');
// Not strict: markdownDescription and enumDescriptions are VS Code's own keywords, which validators pass over.
const ajv = new Ajv({ strict: false, allErrors: true });
const validConfig = ajv.compile(read(CONFIG_SCHEMA_PATH));
const validPackage = ajv.compile(read(PACKAGE_SCHEMA_PATH));

/** What the server makes of a config file with this text: the loader's reading, then the settings' warnings. */
function loaded(text: string, name = '.star-notes.json'): { warnings: string[]; error?: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'star-notes-schema-')), name);
  writeFileSync(file, text);
  const found = readConfig(file);
  assert.ok(found, 'found');
  return 'error' in found ? { warnings: [], error: found.error } : { warnings: resolveSettings(found.raw).warnings };
}

describe('the config file’s JSON schema', () => {
  it('is contributed to VS Code for .star-notes.json, .star-notes.jsonc and package.json', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [
      { fileMatch: ['.star-notes.json', '.star-notes.jsonc'], url: `./${CONFIG_SCHEMA_PATH}` },
      { fileMatch: 'package.json', url: `./${PACKAGE_SCHEMA_PATH}` },
    ]);
  });

  it('offers every setting the manifest declares, nested as the file takes them', () => {
    const schema = read(CONFIG_SCHEMA_PATH);
    const offered = Object.keys(schema.properties).flatMap((key) =>
      schema.properties[key].properties ? Object.keys(schema.properties[key].properties).map((child) => `${key}.${child}`) : [key],
    );
    const declared = Object.keys(manifest.contributes.configuration.properties).map((name) => name.replace(/^starNotes\./, ''));
    assert.deepEqual(offered.filter((key) => key !== '$schema').sort(), declared.sort());
  });

  const good = [
    { minWords: 5, spelling: { language: 'en-GB', words: ['replen'] } },
    { severity: { 'missing-result': 'error', 'no-metric': 'off' }, frameworks: ['star', 'par'] },
    { 'spelling.language': 'en-US', 'starNotes.minWords': 2, 'starNotes.spelling.enabled': false },
    { $schema: './node_modules/star-notes/schemas/star-notes.schema.json', outline: 'headings' },
  ];
  for (const config of good) {
    it(`takes ${JSON.stringify(config)}, and so does the server, without a warning`, () => {
      assert.ok(validConfig(config), ajv.errorsText(validConfig.errors));
      assert.deepEqual(loaded(JSON.stringify(config)).warnings, []);
    });
  }

  const bad: [unknown, RegExp][] = [
    [{ minWord: 5 }, /must NOT have additional properties/],
    [{ minWords: 'five' }, /minWords must be integer/],
    [{ spelling: { langauge: 'en-GB' } }, /spelling must NOT have additional properties/],
    [{ severity: { 'missing-result': 'loud' } }, /must be equal to one of the allowed values/],
    [{ 'spelling.language': 'fr' }, /must be equal to one of the allowed values/],
  ];
  for (const [config, message] of bad) {
    it(`flags ${JSON.stringify(config)}`, () => {
      assert.equal(validConfig(config), false);
      assert.match(ajv.errorsText(validConfig.errors), message);
    });
  }

  it('flags what the server warns about in a value (a wrong level, a wrong type)', () => {
    for (const config of [{ minWords: 'five' }, { severity: { 'missing-result': 'loud' } }]) {
      assert.notDeepEqual(loaded(JSON.stringify(config)).warnings, [], JSON.stringify(config));
    }
  });

  it('checks the "starNotes" key of package.json and leaves npm’s keys alone', () => {
    assert.ok(validPackage({ name: 'my-notes', private: true, scripts: { lint: 'star-notes check .' }, starNotes: { minWords: 4 } }), ajv.errorsText(validPackage.errors));
    assert.equal(validPackage({ name: 'my-notes', starNotes: { minWords: -1 } }), false);
    assert.deepEqual(loaded(JSON.stringify({ name: 'my-notes', starNotes: { minWords: 4 } }), 'package.json').warnings, []);
  });
});
