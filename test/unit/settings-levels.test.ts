import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layerSettings, resolveSettings } from '../../server/src/core/settings';

describe('settings levels (config file, then the client’s user and workspace settings)', () => {
  it('lets each level win over the ones before it', () => {
    assert.deepEqual(layerSettings({ minWords: 5, outline: 'headings' }, { minWords: 2 }), { minWords: 2, outline: 'headings' });
  });

  it('merges objects key by key, at any depth', () => {
    const file = { severity: { 'missing-result': 'error' }, spelling: { language: 'en-GB', words: ['replen'] } };
    const user = { severity: { 'no-metric': 'off' }, spelling: { enabled: true } };
    assert.deepEqual(layerSettings(file, user), {
      severity: { 'missing-result': 'error', 'no-metric': 'off' },
      spelling: { language: 'en-GB', words: ['replen'], enabled: true },
    });
  });

  it('replaces lists, as VS Code does between its own levels', () => {
    assert.deepEqual(layerSettings({ frameworks: ['star', 'par'] }, { frameworks: ['star'] }), { frameworks: ['star'] });
  });

  it('skips a level that says nothing, and leaves its inputs as they were', () => {
    const file = { severity: { 'missing-result': 'error' } };
    assert.deepEqual(layerSettings(undefined, file, null, undefined), file);
    layerSettings(file, { severity: { 'missing-result': 'hint' } });
    assert.deepEqual(file, { severity: { 'missing-result': 'error' } });
  });

  it('hands a level that is no object on, so the usual warning says so', () => {
    const { warnings } = resolveSettings(layerSettings({ minWords: 5 }, 'loud'));
    assert.deepEqual(warnings, ['starNotes: settings must be an object; using defaults.']);
  });

  it('keeps a "__proto__" key from a file a key, never a prototype', () => {
    const merged = layerSettings(JSON.parse('{"__proto__": {"minWords": 9}}'), { outline: 'headings' }) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    assert.equal((merged as { minWords?: number }).minWords, undefined);
    assert.equal(resolveSettings(merged).settings.minWords, 3);
  });
});
