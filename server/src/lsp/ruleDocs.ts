import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODES } from '../core/rules';

/**
 * `docs/rules/` of the installed extension: the server runs from `server/out/`, or from
 * `server/src/lsp/` in the tests. The extension works offline and has no public home, so each
 * code links to its doc as a file, which the editor opens like any other.
 */
const folder = [join(__dirname, '..', '..', 'docs', 'rules'), join(__dirname, '..', '..', '..', 'docs', 'rules')].find((dir) => existsSync(dir));

const links = new Map([...CODES.keys()].flatMap((code) => {
  const file = folder && join(folder, `${code}.md`);
  return file && existsSync(file) ? [[code, pathToFileURL(file).href] as const] : [];
}));

/** The link to a code's doc, or undefined for a code without one (the docs were not shipped). */
export function ruleDocLink(code: string): string | undefined {
  return links.get(code);
}
