// Bundles client and server into CommonJS: unified/remark are ESM-only, VS Code loads
// extensions as CommonJS, and a bundle keeps the VSIX free of node_modules.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
};

/**
 * cspell's libraries are most of the server's code and only needed once dictionaries load, so
 * each is a file of its own, required on first use: the server starts without parsing them.
 * cspell-dictionary reads the dictionaries; cspell-lib, far larger, only a cspell.json's words.
 */
const LAZY = ['cspell-lib', 'cspell-dictionary'];
const lazyCspell = {
  name: 'lazy-cspell',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(?:${LAZY.join('|')})$`) }, ({ path }) => ({ path: `./${path}.js`, external: true }));
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', plugins: [lazyCspell] },
  // fdir (under tinyglobby) is ESM that reads import.meta.url, which a CommonJS bundle must supply.
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: "#!/usr/bin/env node\nconst __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
    plugins: [lazyCspell],
  },
  // Dictionaries load and words are looked up in a worker thread, so the server keeps answering.
  { ...common, entryPoints: ['server/src/runtime/worker.ts'], outfile: 'server/out/spell-worker.js', plugins: [lazyCspell] },
  // `star-notes check` and `fix` share many files among threads, each checking whole files.
  { ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'server/out/check-worker.js', plugins: [lazyCspell] },
  ...LAZY.map((pkg) => ({ ...common, stdin: { contents: `export * from '${pkg}';`, resolveDir: root, sourcefile: `${pkg}.js` }, outfile: `server/out/${pkg}.js` })),
];


/**
 * The bundle can't reach node_modules at run time, so the dictionaries cspell-lib reads are
 * copied next to it, with their definitions, licences and the word-frequency list.
 * `locale` limits a dictionary to one dialect; the rest apply to both.
 */
const DICTIONARIES = [
  { pkg: '@cspell/dict-en_us', names: ['en_us'], locale: 'en-US' },
  { pkg: '@cspell/dict-en-gb-mit', names: ['en-gb'], locale: 'en-GB' },
  {
    pkg: '@cspell/dict-software-terms',
    names: ['softwareTerms', 'software-tools', 'web-services', 'computing-acronyms', 'coding-compound-terms', 'networking-terms'],
  },
  { pkg: '@cspell/dict-companies', names: ['companies'] },
  { pkg: '@cspell/dict-public-licenses', names: ['public-licenses'] },
  { pkg: '@cspell/dict-aws', names: ['aws'] },
  { pkg: '@cspell/dict-k8s', names: ['k8s'] },
  { pkg: '@cspell/dict-fullstack', names: ['fullstack'] },
  // Names of people are most of what a spell checker gets wrong in notes about people; never proposed as corrections.
  { pkg: '@cspell/dict-people-names', names: ['people-names'], noSuggest: true },
];
/** Words ranked by use on Wikipedia (popular-english-words, ISC): the prior that orders suggestions. */
const FREQUENCY_WORDS = 60000;

async function copyDictionaries(outdir) {
  mkdirSync(outdir, { recursive: true });
  const definitions = [];
  const licences = [];
  for (const { pkg, names, locale, noSuggest } of DICTIONARIES) {
    const ext = require.resolve(`${pkg}/cspell-ext.json`);
    const extDir = dirname(ext);
    // cspell-ext.json files carry whole-line // comments.
    const config = JSON.parse(readFileSync(ext, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
    for (const name of names) {
      const def = config.dictionaryDefinitions.find((d) => d.name === name);
      if (!def) throw new Error(`${pkg} has no dictionary ${name}`);
      const file = def.path.split('/').pop();
      copyFileSync(join(extDir, def.path), join(outdir, file));
      definitions.push({ name, file, locale, noSuggest, repMap: def.repMap, dictionaryInformation: def.dictionaryInformation });
    }
    licences.push(`${pkg}\n\n${readFileSync(join(extDir, 'LICENSE'), 'utf8').trim()}\n`);
  }
  copyFileSync(join(root, 'server/src/runtime/words/tech.txt'), join(outdir, 'tech.txt'));
  definitions.push({ name: 'star-notes-tech', file: 'tech.txt' });

  const { words } = await import('popular-english-words/words.js');
  const frequent = words.filter((word) => /^[a-z]+$/.test(word)).slice(0, FREQUENCY_WORDS);
  writeFileSync(join(outdir, 'frequency.txt.gz'), gzipSync(frequent.join('\n'), { level: 9 }));
  licences.push(`popular-english-words (frequency.txt.gz: the first ${FREQUENCY_WORDS} words, in order)\n\nISC License, Copyright (c) Tim Koop\n`);

  writeFileSync(join(outdir, 'misspellings.json.gz'), gzipSync(JSON.stringify(await misspellings(licences)), { level: 9 }));

  writeFileSync(join(outdir, 'definitions.json'), JSON.stringify({ dictionaries: definitions, frequency: 'frequency.txt.gz', misspellings: 'misspellings.json.gz' }, null, 1));
  writeFileSync(join(outdir, 'LICENSES.txt'), licences.join('\n-----\n\n'));
}

/**
 * @cspell/dict-en-common-misspellings (CC BY-SA 4.0) as typo → fixes, for all English and per
 * dialect: not a dictionary of words, since the engine only asks it what an unknown word meant.
 */
async function misspellings(licences) {
  const pkg = '@cspell/dict-en-common-misspellings';
  const folder = dirname(require.resolve(`${pkg}/cspell-ext.json`));
  const lists = { en: 'dict-en.json', 'en-GB': 'dict-en-gb.json', 'en-US': 'dict-en-us.json' };
  const out = {};
  for (const [key, file] of Object.entries(lists)) {
    const { dictionaryDefinitions } = JSON.parse(readFileSync(join(folder, 'dict', file), 'utf8'));
    const entries = dictionaryDefinitions.flatMap((def) => [...(def.suggestWords ?? []), ...(def.flagWords ?? []).filter((entry) => entry.includes('->'))]);
    out[key] = entries.map((entry) => {
      const [typo, fixes] = entry.split('->');
      return [typo.trim().toLowerCase(), ...fixes.split(',').map((fix) => fix.trim()).filter(Boolean)];
    });
  }
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  licences.push(`${pkg} ${version} (misspellings.json.gz: its typo -> fix lists, reshaped)\n\nCC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/\n\n${readFileSync(join(folder, 'LICENSE'), 'utf8').trim()}\n`);
  return out;
}

await copyDictionaries(join(root, 'server/out/dicts'));

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
