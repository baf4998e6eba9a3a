import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { SpellEngines, type SpellEngine } from '../../server/src/runtime/engine';

// How good our suggestions are on typos no tuning has seen, next to what Code Spell Checker
// (cspell-lib with its defaults) makes of the same words in the same run, not next to stored
// figures: a new dictionary or cspell release moves both sides.

interface Typo {
  typo: string;
  correction: string;
  /** The kind of slip, in the generated set. */
  kind?: string;
}

/** A spelling checker as this test sees it: whether it flags a word, and what it proposes. */
interface Checker {
  flags(word: string): boolean;
  suggest(word: string): readonly string[];
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'spelling');

/** Written by scripts/typos.ts and held out from every tuning of the suggester. */
const GENERATED: readonly Typo[] = JSON.parse(readFileSync(join(FIXTURES, 'generated-typos.json'), 'utf8')).typos;

/** Real misspellings in the notes corpus (test/fixtures/notes), one entry per place it occurs. */
const CORPUS: readonly Typo[] = JSON.parse(readFileSync(join(FIXTURES, 'corpus-typos.json'), 'utf8'));

const FIXTURE_TYPOS: readonly Typo[] = Object.entries({
  relieazed: 'realized',
  timezon: 'timezone',
  conent: 'content',
  experince: 'experience',
  bandwith: 'bandwidth',
  Imporved: 'Improved',
  commucations: 'communications',
  centeralized: 'centralized',
  peferred: 'preferred',
  experiance: 'experience',
  continueing: 'continuing',
  delivar: 'deliver',
  maintance: 'maintenance',
  proudes: 'proudest',
  achmplishment: 'accomplishment',
  misktake: 'mistake',
}).map(([typo, correction]) => ({ typo, correction }));

/** Code Spell Checker's answers for these words, worked out beside our engine (cspell-baseline.mjs). */
function cspellBaseline(words: readonly string[]): Promise<Checker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'cspell-baseline.mjs'), { workerData: { words: [...new Set(words)] } });
    worker.once('message', ({ flagged, suggestions }: { flagged: string[]; suggestions: Record<string, string[]> }) => {
      const unknown = new Set(flagged);
      resolve({ flags: (word) => unknown.has(word), suggest: (word) => suggestions[word] ?? [] });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`cspell-baseline.mjs exited with ${code} before answering`)));
  });
}

/** The product's engine, as the server runs it for an en-US note with no extra dictionaries. */
function ourChecker(engine: SpellEngine): Checker {
  return { flags: (word) => !engine.isKnown(word), suggest: (word) => engine.suggest(word).map((suggestion) => suggestion.word) };
}

interface Figures {
  /** The typos flagged, once each. */
  flagged: Set<string>;
  recall: number;
  top1: number;
  top5: number;
  /** Typos whose correction was not first, flagged or not. */
  misses: (Typo & { first?: string })[];
}

function measure(checker: Checker, typos: readonly Typo[]): Figures {
  const flagged = new Set<string>();
  let found = 0;
  let first = 0;
  let top5 = 0;
  const misses: Figures['misses'] = [];
  for (const typo of typos) {
    if (!checker.flags(typo.typo)) {
      misses.push(typo);
      continue;
    }
    flagged.add(typo.typo);
    found++;
    // Case is the checker's business, not a wrong suggestion: "Imporved" is fixed by "Improved" or "improved".
    const suggestions = checker.suggest(typo.typo).map((word) => word.toLowerCase());
    const wanted = typo.correction.toLowerCase();
    if (suggestions[0] === wanted) first++;
    else misses.push({ ...typo, first: suggestions[0] ?? '(none)' });
    if (suggestions.slice(0, 5).includes(wanted)) top5++;
  }
  return { flagged, recall: found / typos.length, top1: first / typos.length, top5: top5 / typos.length, misses };
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function figuresLine(name: string, count: number, ours: Figures, theirs: Figures): string {
  const cell = (label: string, key: 'recall' | 'top1' | 'top5') => `${label} ${percent(ours[key])} vs ${percent(theirs[key])}`;
  return `${name} (${count}), ours vs cspell-lib: ${cell('recall', 'recall')} | ${cell('top-1', 'top1')} | ${cell('top-5', 'top5')}`;
}

function missesByKind(typos: readonly Typo[], ours: Figures, theirs: Figures): string {
  const count = (list: readonly Typo[], kind: string) => list.filter((typo) => typo.kind === kind).length;
  const kinds = [...new Set(typos.map((typo) => typo.kind!))];
  return `top-1 misses by kind, ours/cspell-lib of n: ${kinds.map((kind) => `${kind} ${count(ours.misses, kind)}/${count(theirs.misses, kind)} of ${count(typos, kind)}`).join(', ')}`;
}

const describeMisses = (figures: Figures) => figures.misses.map(({ typo, first, correction }) => `${typo} → ${first ?? '(not flagged)'} (wanted ${correction})`);

/**
 * Misspellings with one listed fix from @cspell/dict-en-common-misspellings (CC BY-SA 4.0, a dev
 * dependency), a seeded sample of those the dictionaries don't know.
 */
function listedMisspellings(count: number, seed: number, engine: SpellEngine): Typo[] {
  const require = createRequire(__filename);
  const folder = dirname(require.resolve('@cspell/dict-en-common-misspellings/cspell-ext.json'));
  const entries: string[] = JSON.parse(readFileSync(join(folder, 'dict/dict-en.json'), 'utf8')).dictionaryDefinitions[0].suggestWords;
  const pairs = entries
    .map((entry) => entry.split('->').map((part) => part.trim()))
    .filter(([typo, correction]) => /^[a-z]{4,}$/.test(typo) && /^[a-z]{4,}$/.test(correction)) as [string, string][];
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sample = new Map<string, string>();
  while (sample.size < count) {
    const [typo, correction] = pairs[Math.floor(random() * pairs.length)];
    if (!engine.isKnown(typo) && engine.isKnown(correction)) sample.set(typo, correction);
  }
  return [...sample].map(([typo, correction]) => ({ typo, correction }));
}

const SETS = { generated: GENERATED, corpus: CORPUS, fixtures: FIXTURE_TYPOS };
type SetName = keyof typeof SETS;
let engine: SpellEngine;
const ours = {} as Record<SetName, Figures>;
const theirs = {} as Record<SetName, Figures>;
let listed: Figures;

before(async () => {
  const baseline = cspellBaseline(Object.values(SETS).flatMap((typos) => typos.map(({ typo }) => typo)));
  engine = await new SpellEngines().get({ dictionaries: [] });
  const checker = ourChecker(engine);
  for (const [name, typos] of Object.entries(SETS)) ours[name as SetName] = measure(checker, typos);
  // Measured while cspell is still at work, so it adds nothing to the wait.
  listed = measure(checker, listedMisspellings(40, 2024, engine));
  const cspell = await baseline;
  for (const [name, typos] of Object.entries(SETS)) theirs[name as SetName] = measure(cspell, typos);
});

describe('suggestion quality, against cspell-lib with its defaults in the same run', () => {
  describe('held-out generated typos (scripts/typos.ts)', () => {
    it('flags every typo cspell flags', (t) => {
      t.diagnostic(figuresLine('generated typos', GENERATED.length, ours.generated, theirs.generated));
      assert.deepEqual([...theirs.generated.flagged].filter((typo) => !ours.generated.flagged.has(typo)), []);
    });

    it('ranks the correction first at least as often as cspell does', (t) => {
      t.diagnostic(missesByKind(GENERATED, ours.generated, theirs.generated));
      const mine = ours.generated.top1;
      const cspell = theirs.generated.top1;
      assert.ok(mine >= cspell, `top-1 ${percent(mine)} < cspell-lib's ${percent(cspell)}; first misses: ${describeMisses(ours.generated).slice(0, 12).join('; ')}`);
    });
  });

  describe('misspellings in the notes corpus', () => {
    it('flags every one cspell flags', (t) => {
      t.diagnostic(figuresLine('corpus misspellings', CORPUS.length, ours.corpus, theirs.corpus));
      assert.deepEqual([...theirs.corpus.flagged].filter((typo) => !ours.corpus.flagged.has(typo)), []);
    });
  });

  describe('typos in the user notes', () => {
    it('flags every one cspell flags, and puts the correct word first for at least 90% of them', (t) => {
      t.diagnostic(figuresLine('typos in the user notes', FIXTURE_TYPOS.length, ours.fixtures, theirs.fixtures));
      assert.deepEqual([...theirs.fixtures.flagged].filter((typo) => !ours.fixtures.flagged.has(typo)), []);
      assert.ok(ours.fixtures.top1 >= 0.9, describeMisses(ours.fixtures).join('\n'));
    });
  });

  it('puts the listed fix first for misspellings cspell lists', () => {
    assert.deepEqual(describeMisses(listed), []);
  });
});
