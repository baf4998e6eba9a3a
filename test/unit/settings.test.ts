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

  it('falls back to the defaults, with one warning, for settings that are not an object at all', () => {
    for (const raw of [42, 'x', [1, 2], true]) {
      const { settings, warnings } = resolveSettings(raw);
      assert.deepEqual(settings, resolveSettings(undefined).settings, JSON.stringify(raw));
      assert.deepEqual(warnings, ['starNotes: settings must be an object; using defaults.'], JSON.stringify(raw));
    }
    assert.deepEqual(resolveSettings(null), resolveSettings(undefined), 'null is no settings, not wrong settings');
  });
});

describe('settings that would crash or silence the server', () => {
  it('treats "constructor" and "__proto__" as unknown names, not as built-in ones', () => {
    const { settings, warnings } = resolveSettings(JSON.parse('{"aliases":{"constructor":["x"],"__proto__":["y"]},"severity":{"toString":"off","constructor":"error"}}'));
    assert.deepEqual(settings.aliases, DEFAULT_SETTINGS.aliases);
    assert.deepEqual(settings.severity, DEFAULT_SETTINGS.severity);
    assert.deepEqual(warnings.map((warning) => warning.split(':')[0]), ['starNotes.severity', 'starNotes.severity', 'starNotes.aliases', 'starNotes.aliases']);
  });

  it('keeps the default size limit for a limit under one byte, which would skip every file', () => {
    for (const maxFileSize of [0.5, 5e-324, 0, -1]) assert.equal(resolveSettings({ maxFileSize }).settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize, String(maxFileSize));
  });

  it('reads no word list outside the workspace, whatever a cloned repository’s settings say', () => {
    const paths = ['words.txt', 'team/words.txt.gz', '/etc/passwd', '../secret.txt', 'a/../../b.txt', 'C:\\Users\\me\\words.txt', '\\\\server\\share\\w.txt', '~/.ssh/id_rsa'];
    const { settings, warnings } = resolveSettings({ spelling: { dictionaries: paths } });
    assert.deepEqual(settings.spelling.dictionaries, ['words.txt', 'team/words.txt.gz']);
    assert.equal(warnings.length, 6);
    assert.ok(warnings.every((warning) => /is outside the workspace; ignored/.test(warning)));
  });
});

