// Writes test/fixtures/spelling/generated-typos.json, the held-out typos of
// test/unit/spelling-quality.test.ts: `node --import tsx scripts/typos.ts` (after a build,
// which lays out the shipped dictionaries).
//
// The targets are drawn uniformly from cspell's en_US dictionary, not from the frequency list
// the suggester ranks with, so the set does not favour the words it already likes. The seed and
// the mix of edits below were fixed before any result was looked at; they are recorded in the
// data file. Changing them to move a figure would make the set a tuning set: tune the suggester,
// never this.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { seeded } from '../bench/corpus';

const SEED = 20240917;
/** Not more: the test asks cspell-lib for its suggestions too, at about a quarter of a second a typo. */
const COUNT = 150;

/**
 * Share of each kind of slip. Typing slips leave the first letter alone (it is rarely the one
 * mistyped); spelling-by-ear slips may change any part of the word.
 */
const MIX = {
  /** a key next to the right one: "quuet" for "quiet" */
  'near-key': 0.14,
  /** a neighbouring key pressed as well: "quiwet" */
  'inserted-key': 0.06,
  /** a letter left out, not of a doubled pair: "quet" */
  dropped: 0.12,
  /** a single letter typed twice: "quiett" */
  doubled: 0.07,
  /** a doubled letter typed once: "ocasion" */
  undoubled: 0.07,
  /** two neighbouring letters swapped: "qiuet" */
  swapped: 0.12,
  /** one vowel for another: "seperate" */
  vowel: 0.1,
  /** ph for f and f for ph: "fotograph" */
  'ph-f': 0.03,
  /** -ance/-ence, -ancy/-ency, -ant/-ent: "independance" */
  'ance-ence': 0.04,
  /** -able/-ible: "accessable" */
  'able-ible': 0.04,
  /** hard c for k, k for c, soft c for s, s for c: "kommunity", "sentury" */
  'c-k-s': 0.06,
  /** a silent letter left out: "rythm", "nowledge", "sience" */
  'silent-letter': 0.06,
  /** ie for ei and ei for ie: "recieve" */
  'ie-ei': 0.03,
  /** -tion/-sion: "comprehention" */
  'tion-sion': 0.02,
  /** -er/-or/-ar at the end, and -ery/-ory/-ary: "calender", "directer" */
  'er-or-ar': 0.04,
} as const;

type Kind = keyof typeof MIX;

const TARGET = /^[a-z]{5,}$/;
const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  q: 'wa', w: 'qeas', e: 'wrsd', r: 'etdf', t: 'ryfg', y: 'tugh', u: 'yihj', i: 'uojk', o: 'ipkl', p: 'ol',
  a: 'qwsz', s: 'weadzx', d: 'ersfxc', f: 'rtdgcv', g: 'tyfhvb', h: 'yugjbn', j: 'uihknm', k: 'iojlm', l: 'opk',
  z: 'asx', x: 'sdzc', c: 'dfxv', v: 'fgcb', b: 'ghvn', n: 'hjbm', m: 'jkn',
};
const VOWELS = 'aeiou';

// The benchmark's mulberry32: the same seed draws the same set on any machine.
const random = seeded(SEED);
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
const splice = (word: string, at: number, remove: number, insert = '') => word.slice(0, at) + insert + word.slice(at + remove);
const isDoubled = (word: string, i: number) => word[i] === word[i - 1] || word[i] === word[i + 1];

/** Every place a pattern matches (lookarounds allowed), each with what it becomes. */
function rewrites(word: string, rules: readonly [pattern: RegExp, replace: (match: string) => string][]): string[] {
  const out: string[] = [];
  for (const [pattern, replace] of rules) {
    for (const match of word.matchAll(new RegExp(pattern.source, 'g'))) out.push(splice(word, match.index, match[0].length, replace(match[0])));
  }
  return out;
}

const swapVowel = (from: string, to: string) => (match: string) => match.replace(from, to);

/** One slip of the given kind, anywhere it can happen in the word, chosen at random; none if it can't. */
const EDITS: Record<Kind, (word: string) => string | undefined> = {
  'near-key': (word) => {
    const i = pick(range(1, word.length));
    return i === undefined ? undefined : splice(word, i, 1, pick([...KEYBOARD_NEIGHBOURS[word[i]]]));
  },
  'inserted-key': (word) => {
    const i = pick(range(1, word.length));
    if (i === undefined) return undefined;
    const key = pick([...KEYBOARD_NEIGHBOURS[word[i]]])!;
    return splice(word, random() < 0.5 ? i : i + 1, 0, key);
  },
  dropped: (word) => {
    const i = pick(range(1, word.length).filter((i) => !isDoubled(word, i)));
    return i === undefined ? undefined : splice(word, i, 1);
  },
  doubled: (word) => {
    const i = pick(range(1, word.length).filter((i) => !isDoubled(word, i)));
    return i === undefined ? undefined : splice(word, i, 0, word[i]);
  },
  undoubled: (word) => {
    const i = pick(range(1, word.length - 1).filter((i) => word[i] === word[i + 1]));
    return i === undefined ? undefined : splice(word, i, 1);
  },
  swapped: (word) => {
    const i = pick(range(1, word.length - 1).filter((i) => word[i] !== word[i + 1]));
    return i === undefined ? undefined : splice(word, i, 2, word[i + 1] + word[i]);
  },
  vowel: (word) => {
    const i = pick(range(1, word.length).filter((i) => VOWELS.includes(word[i])));
    return i === undefined ? undefined : splice(word, i, 1, pick([...VOWELS.replace(word[i], '')]));
  },
  'ph-f': (word) =>
    pick(
      rewrites(word, [
        [/ph/, () => 'f'],
        [/(?<!f)f(?!f)/, () => 'ph'],
      ]),
    ),
  'ance-ence': (word) =>
    pick(
      rewrites(word, [
        [/(?<=.)anc(?=e|y)/, swapVowel('a', 'e')],
        [/(?<=.)enc(?=e|y)/, swapVowel('e', 'a')],
        [/(?<=.)ant(?=$|s$|ly$)/, swapVowel('a', 'e')],
        [/(?<=.)ent(?=$|s$|ly$)/, swapVowel('e', 'a')],
      ]),
    ),
  'able-ible': (word) =>
    pick(
      rewrites(word, [
        [/(?<=.)abl(?=e|y|i)/, swapVowel('a', 'i')],
        [/(?<=.)ibl(?=e|y|i)/, swapVowel('i', 'a')],
      ]),
    ),
  'c-k-s': (word) =>
    pick(
      rewrites(word, [
        [/c(?=[aou]|[^aeiouyhk]|$)/, () => 'k'],
        [/(?<![ck])k(?!n)/, () => 'c'],
        [/c(?=[eiy])/, () => 's'],
        [/(?<![sc])s(?=[eiy])/, () => 'c'],
      ]),
    ),
  'silent-letter': (word) =>
    pick(
      rewrites(word, [
        [/^kn/, () => 'n'],
        [/^wr/, () => 'r'],
        [/^ps/, () => 's'],
        [/^gh/, () => 'g'],
        [/rh/, () => 'r'],
        [/wh/, () => 'w'],
        [/mb(?=$|s$|ed$|ing$|er)/, () => 'm'],
        [/gn(?=$|s$|ed$|ing$|er)/, () => 'n'],
        [/mn(?=$|s$)/, () => 'm'],
        [/sc(?=[eiy])/, () => 's'],
        [/st(?=le|en)/, () => 's'],
        [/tch/, () => 'ch'],
        [/dge/, () => 'ge'],
        [/ght/, () => 't'],
        [/bt/, () => 't'],
      ]),
    ),
  'ie-ei': (word) =>
    pick(
      rewrites(word, [
        [/ie/, () => 'ei'],
        [/ei/, () => 'ie'],
      ]),
    ),
  'tion-sion': (word) =>
    pick(
      rewrites(word, [
        [/(?<=.)tion/, () => 'sion'],
        [/(?<=[^s])sion/, () => 'tion'],
      ]),
    ),
  'er-or-ar': (word) =>
    pick(
      rewrites(word, [
        [/(?<=..)[eoa]r(?=$|s$|y$|ies$)/, (match) => pick([...'eoa'.replace(match[0], '')]) + 'r'],
      ]),
    ),
};

/** How many of each kind: the shares of COUNT, rounded by largest remainder so they add up. */
function quotas(): [Kind, number][] {
  const exact = (Object.entries(MIX) as [Kind, number][]).map(([kind, share]) => [kind, share * COUNT] as const);
  const counts = new Map(exact.map(([kind, n]) => [kind, Math.floor(n)]));
  const short = COUNT - [...counts.values()].reduce((a, b) => a + b, 0);
  [...exact].sort((a, b) => (b[1] % 1) - (a[1] % 1)).slice(0, short).forEach(([kind]) => counts.set(kind, counts.get(kind)! + 1));
  return [...counts];
}

const root = join(__dirname, '..');
const require = createRequire(__filename);
const packageFile = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/cspell-ext.json`)), file);
const packageVersion = (pkg: string): string => JSON.parse(readFileSync(packageFile(pkg, 'package.json'), 'utf8')).version;

/** The misspellings cspell's list carries, in every dialect. */
function listedMisspellings(): Set<string> {
  const listed = new Set<string>();
  for (const file of ['dict-en.json', 'dict-en-gb.json', 'dict-en-us.json']) {
    const json = JSON.parse(readFileSync(packageFile('@cspell/dict-en-common-misspellings', `dict/${file}`), 'utf8'));
    for (const def of json.dictionaryDefinitions) {
      for (const entry of [...(def.suggestWords ?? []), ...(def.flagWords ?? [])]) listed.add(entry.split('->')[0].trim().toLowerCase());
    }
  }
  return listed;
}

async function main(): Promise<void> {
  const { decodeTrie } = await import('cspell-trie-lib');
  const { getDictionary } = await import('cspell-lib');

  const trie = decodeTrie(gunzipSync(readFileSync(packageFile('@cspell/dict-en_us', 'en_US.trie.gz'))));
  const targets = [...trie.words()].filter((word) => TARGET.test(word));

  // Every dictionary the product ships, both dialects: a typo one of them knows is no typo to it.
  const folder = join(root, 'server/out/dicts');
  const definitions: { dictionaries: { name: string; file: string }[] } = JSON.parse(readFileSync(join(folder, 'definitions.json'), 'utf8'));
  const shipped = definitions.dictionaries.map(({ name, file }) => ({ name, path: join(folder, file) }));
  const known = await getDictionary({ dictionaryDefinitions: shipped, dictionaries: shipped.map(({ name }) => name) });
  const listed = listedMisspellings();

  const used = new Set<string>();
  const typos: { typo: string; correction: string; kind: Kind }[] = [];
  const rejected = { 'not applicable': 0, 'a known word': 0, 'a listed misspelling': 0, 'already drawn': 0 };
  for (const [kind, count] of quotas()) {
    let made = 0;
    while (made < count) {
      const correction = pick(targets)!;
      const typo = EDITS[kind](correction);
      if (!typo || typo === correction) rejected['not applicable']++;
      else if (known.has(typo, { ignoreCase: true })) rejected['a known word']++;
      else if (listed.has(typo)) rejected['a listed misspelling']++;
      else if (used.has(typo) || used.has(correction)) rejected['already drawn']++;
      else {
        used.add(typo).add(correction);
        typos.push({ typo, correction, kind });
        made++;
      }
    }
  }

  const data = {
    about: 'Held-out typos for the suggestion quality test, written by scripts/typos.ts; do not edit by hand, and never tune the seed or mix.',
    seed: SEED,
    count: COUNT,
    mix: MIX,
    targets: { from: `@cspell/dict-en_us ${packageVersion('@cspell/dict-en_us')}`, pattern: TARGET.source, words: targets.length },
    excluded: {
      rule: `typos known to a shipped dictionary (${shipped.map(({ name }) => name).join(', ')}) or listed in @cspell/dict-en-common-misspellings ${packageVersion('@cspell/dict-en-common-misspellings')}`,
      draws: rejected,
    },
    typos,
  };
  const out = join(root, 'test/fixtures/spelling/generated-typos.json');
  // One typo a line, so a regenerated set reads as a diff.
  writeFileSync(out, `${JSON.stringify(data, null, 1).replace(/\{\n\s+("typo": .*),\n\s+("correction": .*),\n\s+("kind": .*)\n\s+\}/g, '{ $1, $2, $3 }')}\n`);
  console.log(`wrote ${typos.length} typos of ${targets.length} target words to ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
