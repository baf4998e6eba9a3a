import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { SpellEngines, type SpellEngine } from '../../server/src/runtime/engine';
import { corpusFiles, describeFile, NOTES, readExpectation, runFixture } from './corpus';

/** The accuracy test: every note in `test/fixtures/notes/` against the findings its sidecar expects. */
describe('the fixture corpus', () => {
  const files = corpusFiles();
  const sidecars = files.filter((file) => existsSync(join(NOTES, `${file}.expect`))).map(readExpectation);
  let engine: SpellEngine | undefined;

  before(async () => {
    if (sidecars.some((expectation) => expectation.codes.has('spelling'))) engine = await new SpellEngines().get({ dictionaries: [] });
  });

  it('has a sidecar of expected findings for every note', () => {
    assert.deepEqual(files.filter((file) => !existsSync(join(NOTES, `${file}.expect`))), []);
  });

  for (const expectation of sidecars) {
    it(`${expectation.file}: exactly the ${expectation.rows.length} expected finding(s)`, { todo: expectation.todo }, () => {
      const { diff } = runFixture(expectation, () => engine);
      assert.ok(diff === '', `${describeFile(expectation.file)} (checks ${[...expectation.codes].join(', ')}):\n${diff}`);
    });
  }
});
