import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isInside } from './files';

export interface CspellWords {
  file: string;
  /** `words` and `ignoreWords` of the file, lower-cased. */
  words: string[];
  error?: string;
}

/**
 * cspell's configuration files that are data (JSON, YAML), in its search order; its `.js`, `.mjs`
 * and `.ts` configs would run code, so they are never read. Written out, not taken from cspell-lib's
 * `defaultConfigFilenames`, so the server can find the file to add a word to without loading
 * cspell-lib; a unit test keeps the two equal.
 */
export const CSPELL_CONFIG_FILES: readonly string[] = [
  'package.json',
  '.cspell.json',
  'cspell.json',
  '.cSpell.json',
  'cSpell.json',
  '.cspell.jsonc',
  'cspell.jsonc',
  '.vscode/cspell.json',
  '.vscode/cSpell.json',
  '.vscode/.cspell.json',
  '.cspell.config.json',
  '.cspell.config.jsonc',
  '.cspell.config.yaml',
  '.cspell.config.yml',
  'cspell.config.json',
  'cspell.config.jsonc',
  'cspell.config.yaml',
  'cspell.config.yml',
  '.cspell.yaml',
  '.cspell.yml',
  'cspell.yaml',
  'cspell.yml',
  '.config/.cspell.json',
  '.config/cspell.json',
  '.config/.cSpell.json',
  '.config/cSpell.json',
  '.config/.cspell.jsonc',
  '.config/cspell.jsonc',
  '.config/cspell.config.json',
  '.config/cspell.config.jsonc',
  '.config/cspell.config.yaml',
  '.config/cspell.config.yml',
  '.config/.cspell.config.json',
  '.config/.cspell.config.jsonc',
  '.config/.cspell.config.yaml',
  '.config/.cspell.config.yml',
  '.config/cspell.yaml',
  '.config/cspell.yml',
];

/**
 * The cspell configuration file nearest to `dir` (cspell.json, .cspell.json, cspell.config.yaml,
 * .vscode/cspell.json …), searching up to `stop` or the root. As in cspell, a package.json counts
 * only when it has a `cspell` section, so a cspell.json beside an ordinary package.json is found.
 */
export async function nearestCspellFile(dir: string, stop?: string): Promise<string | undefined> {
  for (let current = dir; ; current = dirname(current)) {
    const files = CSPELL_CONFIG_FILES.map((name) => join(current, name));
    const found = await Promise.all(files.map((file, i) => isConfigFile(file, CSPELL_CONFIG_FILES[i] === 'package.json')));
    const nearest = files.find((_, i) => found[i]);
    if (nearest) return nearest;
    const parent = dirname(current);
    if (parent === current || (stop !== undefined && !isInside(stop, parent))) return undefined;
  }
}

async function isConfigFile(file: string, isPackageJson: boolean): Promise<boolean> {
  if (!(await stat(file).then((found) => found.isFile(), () => false))) return false;
  if (!isPackageJson) return true;
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'cspell' in parsed;
  } catch {
    return false;
  }
}

/** The words of the cspell configuration nearest to `dir` (see `nearestCspellFile`). */
export async function nearestCspellWords(dir: string, stop?: string): Promise<CspellWords | undefined> {
  const file = await nearestCspellFile(dir, stop);
  return file === undefined ? undefined : readCspellWords(file);
}

async function readCspellWords(file: string): Promise<CspellWords> {
  const { getDefaultConfigLoader, readConfigFile } = await import('cspell-lib');
  // cspell-lib keeps every configuration it read; it is asked again only once the file changed.
  getDefaultConfigLoader().clearCachedSettingsFiles();
  try {
    const { settings } = await readConfigFile(file);
    const words = [...(settings.words ?? []), ...(settings.ignoreWords ?? [])].filter((word): word is string => typeof word === 'string');
    return { file, words: words.map((word) => word.trim().toLowerCase()).filter(Boolean) };
  } catch (error) {
    return { file, words: [], error: error instanceof Error ? error.message : String(error) };
  }
}
