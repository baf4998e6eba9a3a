import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/core/settings';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

const MANIFEST_SETTINGS = Object.entries(manifest.contributes.configuration.properties as Record<string, { default: unknown; scope?: string }>);

/** The manifest's defaults as the nested `starNotes` section a client sends. */
function manifestDefaults(): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const [key, schema] of MANIFEST_SETTINGS) {
    const path = key.split('.').slice(1);
    let at = section;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[path.at(-1)!] = schema.default;
  }
  return section;
}

describe('manifest', () => {
  it('declares every setting the server reads, with the defaults the server falls back to (one path: manifest → core/settings.ts)', () => {
    const { settings, warnings } = resolveSettings(manifestDefaults());
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    const declared = MANIFEST_SETTINGS.map(([key]) => key).sort();
    const read = [...Object.keys(DEFAULT_SETTINGS).filter((key) => key !== 'spelling'), ...Object.keys(DEFAULT_SETTINGS.spelling).map((key) => `spelling.${key}`)].map((key) => `starNotes.${key}`).sort();
    assert.deepEqual(declared, read);
  });

  it('supports untrusted workspaces in a limited way, ignoring the workspace’s settings that name files', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.ok(untrusted.description.length > 0);
    assert.ok(untrusted.restrictedConfigurations.includes('starNotes.spelling.dictionaries'));
    const declared = new Set(MANIFEST_SETTINGS.map(([key]) => key));
    assert.deepEqual(untrusted.restrictedConfigurations.filter((key: string) => !declared.has(key)), []);
  });
});
