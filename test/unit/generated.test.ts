import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CODES, STORY_RULES } from '../../server/src/core/rules';
import { DEFAULT_SEVERITY } from '../../server/src/core/settings';
import { generatedFiles } from '../../scripts/generated';
import { check } from './helpers';

const ROOT = join(__dirname, '..', '..');

describe('what the rules generate', () => {
  for (const { path, content } of generatedFiles()) {
    it(`${path} is up to date with the rules (else run \`npm run generate\`)`, () => {
      assert.equal(readFileSync(join(ROOT, path), 'utf8'), content);
    });
  }

  it('gives every code a default severity and nothing else one', () => {
    assert.deepEqual(Object.keys(DEFAULT_SEVERITY), [...CODES.keys()]);
  });

  it('offers a quick fix exactly for the story codes that say they have one', () => {
    for (const rule of STORY_RULES) {
      for (const [code, info] of Object.entries(rule.codes)) assert.equal(!!info.quickFix, !!rule.fixes, code);
    }
  });

  for (const rule of STORY_RULES) {
    for (const [code, { bad, good, severity }] of Object.entries(rule.codes)) {
      it(`${code}: its doc's examples are true (the bad one gets it, the good one does not)`, () => {
        // A code that is off until turned on is shown turned on, as its doc tells the reader to.
        const raw = severity === 'off' ? { severity: { [code]: 'hint' } } : {};
        const all = (text: string) => check(text, raw).findings.map((finding) => finding.code);
        assert.ok(all(bad).includes(code), `bad example: ${all(bad).join(', ')}`);
        assert.deepEqual(all(good), [], 'good example');
      });
    }
  }
});
