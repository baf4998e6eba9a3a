import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/core/settings';

describe('settings', () => {
  it('gives defaults for nothing', () => {
    assert.deepEqual(resolveSettings(undefined), { settings: { ...DEFAULT_SETTINGS, aliases: resolveSettings({}).settings.aliases, severity: { ...DEFAULT_SETTINGS.severity }, spelling: { ...DEFAULT_SETTINGS.spelling } }, warnings: [] });
  });

  it('falls back per setting with one warning each for wrong types, unknown codes and bad levels', () => {
    const { settings, warnings } = resolveSettings({ enable: 'yes', minWords: -2, severity: { 'missing-task': 'loud', 'no-such-code': 'error', 'missing-result': 'info' }, outline: 42, aliases: [], maxFileSize: 'big' });
    assert.equal(settings.enable, true);
    assert.equal(settings.minWords, 3);
    assert.equal(settings.severity['missing-task'], 'warning');
    assert.equal(settings.severity['missing-result'], 'information');
    assert.equal(settings.outline, 'stories');
    assert.equal(settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(warnings.length, 7, warnings.join('\n'));
  });

  it('accepts "ignore" as off, like markdown-language-service levels', () => {
    assert.equal(resolveSettings({ severity: { 'out-of-order': 'ignore' } }).settings.severity['out-of-order'], 'off');
  });

  it('adds user aliases to the built-in ones', () => {
    const { settings } = resolveSettings({ aliases: { result: ['Win'] } });
    assert.ok(settings.aliases.result.includes('Win'));
    assert.ok(settings.aliases.result.includes('Outcome'));
  });

  it('survives settings that are not an object at all', () => {
    for (const raw of [null, 42, 'x', [1, 2]]) assert.doesNotThrow(() => resolveSettings(raw));
  });
});
