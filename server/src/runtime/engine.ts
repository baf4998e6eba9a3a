import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SpellingDictionary } from 'cspell-dictionary';
import { DIALECTS, type Dialect } from '../core/settings';
import { SUGGESTIONS_SHOWN, type CheckedWord } from '../core/spell/check';
import { familyOf, respelled } from '../core/spell/dialect';
import { SHORT_TYPOS } from '../core/spell/short-typos';
import { Lexicon, matchCase, rankSuggestions, suggestionKey, type Suggestion } from '../core/spell/suggest';
import { caseParts, isAcronym, MIN_WORD_LENGTH, wordsToCheck, type WordToken } from '../core/spell/tokens';
import { decodeDictionary, loadDictionary, type DictionaryFile } from './dictionaries';

/** What scripts/build.mjs writes next to the dictionaries it copies. */
interface Definitions {
  dictionaries: ({ file: string; locale?: Dialect } & Pick<DictionaryFile, 'name' | 'noSuggest' | 'repMap' | 'dictionaryInformation'>)[];
  frequency: string;
  /** Known misspellings and their fixes: `{ en: [[typo, fix, …], …], 'en-GB': …, 'en-US': … }`, gzipped JSON. */
  misspellings: string;
}

export interface EngineOptions {
  /** Extra word lists (cspell formats: .txt, .txt.gz, .trie, .trie.gz), absolute paths. */
  dictionaries: readonly string[];
}

/**
 * The dictionaries sit in `dicts/` beside the bundle (server/out/dicts); running from
 * source, that is the same folder of the last build.
 */
function dictionaryFolder(): string {
  const candidates = [join(__dirname, 'dicts'), join(__dirname, '..', '..', 'out', 'dicts')];
  const found = candidates.find((dir) => existsSync(join(dir, 'definitions.json')));
  if (!found) throw new Error(`STAR Notes: spelling dictionaries not found in ${candidates.join(' or ')}; run \`npm run build\`.`);
  return found;
}

const CACHE_LIMIT = 20000;

type Verdict = Omit<CheckedWord, keyof WordToken>;

/**
 * cspell-lib's dictionaries behind three questions: in which dialects is this word known, which
 * words in this block of prose are unknown in one of them, and what was meant. Both dialects
 * load, so each document can be checked in its own (core/spell/dialect.ts). Blocks and
 * suggestions are cached, so a one-character edit costs one block's look-ups.
 */
export class SpellEngine {
  /** Software terms, companies, cloud services, the extra word lists: every dialect has them. */
  readonly #shared: readonly SpellingDictionary[];
  /** Each dialect's dictionary: cspell's suggestions come from it alone, the rest is scanned as word lists. */
  readonly #dialects: ReadonlyMap<Dialect, SpellingDictionary>;
  readonly #errors: () => string[];
  readonly #wordLists: readonly string[];
  readonly #folder: string;
  readonly #definitions: Definitions;
  readonly #blocks = new Map<string, readonly CheckedWord[]>();
  /** Each word form's verdict: prose says the same words again and again. */
  readonly #verdicts = new Map<string, Verdict | null>();
  readonly #suggestions = new Map<string, readonly Suggestion[]>();
  readonly #lexicons = new Map<Dialect, Lexicon>();
  /** The frequency list and the shipped word lists, read once for both dialects' lexicons. */
  #lexiconWords: { frequent: string[]; unranked: string[] } | undefined;
  /** Typo → its fixes joined by "|", for all English (`en`) and per dialect: one string a typo keeps 89,000 of them small. */
  #misspellings: Map<'en' | Dialect, Map<string, string>> | undefined;

  private constructor(dictionaries: readonly SpellingDictionary[], definitions: Definitions, wordLists: readonly string[], folder: string) {
    const dialectOf = new Map(definitions.dictionaries.filter((def) => def.locale).map((def) => [def.name, def.locale!]));
    this.#shared = dictionaries.filter((dict) => !dialectOf.has(dict.name));
    this.#dialects = new Map(dictionaries.filter((dict) => dialectOf.has(dict.name)).map((dict) => [dialectOf.get(dict.name)!, dict]));
    this.#errors = () => dictionaries.flatMap((dict) => dict.getErrors?.() ?? []).map((error) => error.message);
    this.#definitions = definitions;
    this.#wordLists = wordLists;
    this.#folder = folder;
  }

  static async create(options: EngineOptions, folder = dictionaryFolder()): Promise<SpellEngine> {
    const definitions = JSON.parse(readFileSync(join(folder, 'definitions.json'), 'utf8')) as Definitions;
    const shipped: DictionaryFile[] = definitions.dictionaries.map(({ name, file, noSuggest, repMap, dictionaryInformation }) => ({ name, path: join(folder, file), noSuggest, repMap, dictionaryInformation }));
    const extra: DictionaryFile[] = options.dictionaries.map((path, i) => ({ name: `user-${i}-${basename(path)}`, path }));
    const all = [...shipped, ...extra];
    const dictionaries = await Promise.all(all.map(loadDictionary));
    const wordLists = all.flatMap((def) => (!def.noSuggest && /\.txt(?:\.gz)?$/.test(def.path) ? [def.path] : []));
    return new SpellEngine(dictionaries, definitions, wordLists, folder);
  }

  /** Files of extra dictionaries that could not be read, with the reason. */
  errors(): string[] {
    return this.#errors();
  }

  /** The dialects whose dictionaries (with the shared ones) know the word, or its parts when it is written in mixed case. */
  knownIn(word: string): Dialect[] {
    const known = (part: string): Dialect[] => {
      if (this.#shared.some((dict) => dict.has(part, { ignoreCase: true }))) return [...DIALECTS];
      const dialects = DIALECTS.filter((dialect) => this.#dialects.get(dialect)?.has(part, { ignoreCase: true }));
      // A name one dictionary lists and the other lacks (Maisie is in en_US only) is no spelling of either dialect.
      const onlyName = dialects.length === 1 && !this.#dialects.get(dialects[0])!.has(part.toLowerCase(), { ignoreCase: false });
      return onlyName ? [...DIALECTS] : dialects;
    };
    const whole = known(word);
    if (whole.length === DIALECTS.length) return whole;
    const split = caseParts(word);
    if (!split) return whole;
    // VTOrc is VT and Orc, YORtender is YOR and tender: either reading will do.
    const readings = [split, word.match(/\p{Lu}+|\p{Ll}+/gu) ?? []].map((parts) => parts.filter((part) => !isAcronym(part) && [...part].length >= MIN_WORD_LENGTH).map(known));
    return DIALECTS.filter((dialect) => whole.includes(dialect) || readings.some((partly) => partly.every((dialects) => dialects.includes(dialect))));
  }

  isKnown(word: string, dialect: Dialect = 'en-US'): boolean {
    return this.knownIn(word).includes(dialect);
  }

  /**
   * Words of one block of prose that some dialect lacks, and words both know that have a
   * spelling only one of them has (organize, since organise is British), offsets relative to the block.
   */
  unknownWords(text: string): readonly CheckedWord[] {
    let found = this.#blocks.get(text);
    if (!found) {
      found = wordsToCheck(text).flatMap((token) => this.#checked(token) ?? []);
      if (this.#blocks.size >= CACHE_LIMIT) this.#blocks.clear();
      this.#blocks.set(text, found);
    }
    return found;
  }

  #checked(token: WordToken): CheckedWord | undefined {
    let verdict = this.#verdicts.get(token.form);
    if (verdict === undefined) {
      verdict = this.#verdict(token.form);
      if (this.#verdicts.size >= CACHE_LIMIT) this.#verdicts.clear();
      this.#verdicts.set(token.form, verdict);
    }
    return verdict ? { ...token, ...verdict } : undefined;
  }

  /** What `#checked` adds to a word's token; null for a word every dialect knows one way. */
  #verdict(form: string): Verdict | null {
    const knownIn = this.knownIn(form);
    const marked = knownIn.length === 1;
    if (knownIn.length === 0) return this.#isMisspelling(form) ? { knownIn, misspelling: true } : { knownIn };
    // Only a word one dialect lacks is worth trying every e of; most words have no ending that differs.
    const variant = this.#variant(form, marked, (candidate) => {
      const other = this.knownIn(candidate);
      return marked ? other.some((dialect) => !knownIn.includes(dialect)) : other.length === 1;
    });
    // One dictionary's word with no other spelling is vocabulary, not dialect (prob, recontact, thru).
    return variant ? { knownIn, variant } : null;
  }

  /** The word as the other dialect spells it, when `accept` takes that spelling: colour → color, pediatric → paediatric. */
  #variant(word: string, everyE: boolean, accept: (candidate: string) => boolean): string | undefined {
    const family = familyOf(word);
    const respelt = family && respelled(word, family);
    if (respelt) return accept(respelt) ? respelt : undefined;
    if (family || !everyE) return undefined;
    // A British ae/oe can't be told from the American e alone: try each e.
    for (let i = word.indexOf('e', 1); i > 0; i = word.indexOf('e', i + 1)) {
      for (const letter of ['a', 'o']) {
        const candidate = `${word.slice(0, i)}${letter}${word.slice(i)}`;
        if (accept(candidate)) return candidate;
      }
    }
    return undefined;
  }

  /**
   * Best first; about a tenth of a second for a new word, nothing for one seen before. A fix
   * the known-misspellings list gives comes first, then the other dialect's spelling of a
   * word this one lacks (color → colour), then the ranked corrections.
   */
  suggest(word: string, dialect: Dialect = 'en-US'): readonly Suggestion[] {
    const key = suggestionKey(word, dialect);
    let found = this.#suggestions.get(key);
    if (!found) {
      const main = this.#dialects.get(dialect)!;
      const known = this.#fixesOf(word, dialect);
      const variant = this.knownIn(word).length > 0 ? this.#variant(word, true, (candidate) => this.isKnown(candidate, dialect)) : undefined;
      const first = [...known, ...(variant ? [variant] : [])].map((fix): Suggestion => ({ word: matchCase(word, fix), score: 0 }));
      const candidates = main.suggest(word, { numSuggestions: 8, numChanges: 3, ignoreCase: true });
      const ranked = rankSuggestions(word, candidates, this.#lexiconOf(dialect));
      const seen = new Set(first.map((suggestion) => suggestion.word.toLowerCase()));
      found = [...first, ...ranked.filter((suggestion) => !seen.has(suggestion.word.toLowerCase()))].slice(0, SUGGESTIONS_SHOWN);
      if (this.#suggestions.size >= CACHE_LIMIT) this.#suggestions.clear();
      this.#suggestions.set(key, found);
    }
    return found;
  }

  cachedSuggestions(word: string, dialect: Dialect = 'en-US'): readonly Suggestion[] | undefined {
    return this.#suggestions.get(suggestionKey(word, dialect));
  }

  /** Frequent words this dialect's dictionaries accept: "color" is no suggestion in en-GB. */
  #lexiconOf(dialect: Dialect): Lexicon {
    let lexicon = this.#lexicons.get(dialect);
    if (!lexicon) {
      const main = this.#dialects.get(dialect)!;
      this.#lexiconWords ??= {
        frequent: readWordList(join(this.#folder, this.#definitions.frequency)).filter((word) => word.length >= 2),
        unranked: this.#wordLists.flatMap((path) => readWordList(path)).filter((word) => /^\p{L}+$/u.test(word)),
      };
      const { frequent, unranked } = this.#lexiconWords;
      lexicon = new Lexicon(frequent.filter((word) => main.has(word)), unranked);
      this.#lexicons.set(dialect, lexicon);
    }
    return lexicon;
  }

  #isMisspelling(word: string): boolean {
    const lower = word.toLowerCase();
    return [...this.#misspellingLists().values()].some((list) => list.has(lower));
  }

  #fixesOf(word: string, dialect: Dialect): string[] {
    const lists = this.#misspellingLists();
    const lower = word.toLowerCase();
    return (lists.get(dialect)?.get(lower) ?? lists.get('en')?.get(lower))?.split('|') ?? [];
  }

  /**
   * @cspell/dict-en-common-misspellings, and the short typos words under four letters can't be
   * judged without: typo → fixes, for words no dictionary knows (the list also names real words
   * and names, such as Humber and thru, which stay known).
   */
  #misspellingLists(): ReadonlyMap<'en' | Dialect, ReadonlyMap<string, string>> {
    if (!this.#misspellings) {
      const lists = JSON.parse(gunzipSync(readFileSync(join(this.#folder, this.#definitions.misspellings))).toString('utf8')) as Record<'en' | Dialect, string[][]>;
      const byList = (entries: string[][]) => new Map(entries.map(([typo, ...fixes]) => [typo, fixes.join('|')]));
      this.#misspellings = new Map([
        ['en', byList([...SHORT_TYPOS, ...lists.en])],
        ...DIALECTS.map((dialect) => [dialect, byList(lists[dialect] ?? [])] as const),
      ]);
    }
    return this.#misspellings;
  }
}

/** A cspell word list: one word a line, `#` comments, `!`/`~`/`+` markers dropped. */
function readWordList(path: string): string[] {
  try {
    return decodeDictionary(readFileSync(path))
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*$/, '').replace(/^[!~+*]+|[+*]+$/g, '').trim())
      .filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * One check and one suggestion, so the first real ones are quick. The suggestion waits a
 * turn: findings that waited for the dictionaries go first.
 */
export async function warmUp(engine: SpellEngine): Promise<void> {
  engine.unknownWords('Warm up the spelling engine with a sentance.');
  await new Promise((resolve) => setImmediate(resolve));
  engine.suggest('sentance');
}

/** One engine per set of extra dictionaries, built once and shared. */
export class SpellEngines {
  readonly #engines = new Map<string, Promise<SpellEngine>>();
  readonly #folder: string | undefined;

  constructor(folder?: string) {
    this.#folder = folder;
  }

  get(options: EngineOptions): Promise<SpellEngine> {
    const key = engineKey(options);
    let engine = this.#engines.get(key);
    if (!engine) {
      engine = SpellEngine.create(options, this.#folder);
      engine.catch(() => this.#engines.delete(key));
      this.#engines.set(key, engine);
    }
    return engine;
  }
}

export function engineKey(options: EngineOptions): string {
  return options.dictionaries.join('\n');
}
