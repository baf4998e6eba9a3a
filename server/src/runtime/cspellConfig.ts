import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isInside } from './files';

export interface CspellWords {
  file: string;
  /** `words` and `ignoreWords` of the file, lower-cased. */
  words: string[];
  error?: string;
}

/** Config files that are data; cspell's `.js`/`.mjs` configs would run code, so they are never read. */
async function configNames(): Promise<readonly string[]> {
  const { defaultConfigFilenames } = await import('cspell-lib');
  return defaultConfigFilenames.filter((name) => /\.(?:jsonc?|ya?ml)$/.test(name));
}

/**
 * The words of the cspell configuration nearest to `dir` (cspell.json, .cspell.json,
 * cspell.config.yaml, .vscode/cspell.json …), searching up to `stop` or the root.
 */
export async function nearestCspellWords(dir: string, stop?: string): Promise<CspellWords | undefined> {
  const names = await configNames();
  for (let current = dir; ; current = dirname(current)) {
    const name = names.find((candidate) => existsSync(join(current, candidate)));
    if (name) return readCspellWords(join(current, name));
    const parent = dirname(current);
    if (parent === current || (stop !== undefined && !isInside(stop, parent))) return undefined;
  }
}

async function readCspellWords(file: string): Promise<CspellWords> {
  const { readConfigFile } = await import('cspell-lib');
  try {
    const { settings } = await readConfigFile(file);
    const words = [...(settings.words ?? []), ...(settings.ignoreWords ?? [])].filter((word): word is string => typeof word === 'string');
    return { file, words: words.map((word) => word.trim().toLowerCase()).filter(Boolean) };
  } catch (error) {
    return { file, words: [], error: error instanceof Error ? error.message : String(error) };
  }
}
