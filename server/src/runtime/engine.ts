import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DictionaryDefinition, SpellingDictionary, SpellingDictionaryCollection } from 'cspell-lib';
import type { SpellingSettings } from '../core/settings';
import { Lexicon, rankSuggestions, type Suggestion } from '../core/spell/suggest';
import { caseParts, isAcronym, MIN_WORD_LENGTH, wordsToCheck, type WordToken } from '../core/spell/tokens';

/** What scripts/build.mjs writes next to the dictionaries it copies. */
interface Definitions {
  dictionaries: { name: string; file: string; locale?: string; repMap?: [string, string][]; dictionaryInformation?: object }[];
  frequency: string;
}

export type EngineOptions = Pick<SpellingSettings, 'language'> & {
  /** Extra word lists (cspell formats: .txt, .txt.gz, .trie, .trie.gz), absolute paths. */
  dictionaries: readonly string[];
};

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

/**
 * cspell-lib's dictionaries behind three questions: is this word known, which words in
 * this block of prose are not, and what was meant. Blocks and suggestions are cached, so
 * a one-character edit costs one block's look-ups.
 */
export class SpellEngine {
  readonly #dictionary: SpellingDictionaryCollection;
  /** The dialect's dictionary: cspell's suggestions come from it alone, the rest is scanned as word lists. */
  readonly #main: SpellingDictionary;
  readonly #wordLists: readonly string[];
  readonly #folder: string;
  readonly #frequency: string;
  readonly #blocks = new Map<string, readonly WordToken[]>();
  readonly #suggestions = new Map<string, readonly Suggestion[]>();
  #lexicon: Lexicon | undefined;

  private constructor(dictionary: SpellingDictionaryCollection, main: SpellingDictionary, wordLists: readonly string[], folder: string, frequency: string) {
    this.#dictionary = dictionary;
    this.#main = main;
    this.#wordLists = wordLists;
    this.#folder = folder;
    this.#frequency = frequency;
  }

  static async create(options: EngineOptions, folder = dictionaryFolder()): Promise<SpellEngine> {
    const { getDictionary } = await import('cspell-lib');
    const definitions = JSON.parse(readFileSync(join(folder, 'definitions.json'), 'utf8')) as Definitions;
    const shipped: DictionaryDefinition[] = definitions.dictionaries
      .filter((def) => !def.locale || def.locale === options.language)
      .map(({ name, file, repMap, dictionaryInformation }) => ({ name, path: join(folder, file), repMap, dictionaryInformation }));
    const extra: DictionaryDefinition[] = options.dictionaries.map((path, i) => ({ name: `user-${i}-${basename(path)}`, path }));
    const all = [...shipped, ...extra];
    const dictionary = await getDictionary({ dictionaryDefinitions: all, dictionaries: all.map((def) => def.name) });
    const language = definitions.dictionaries.find((def) => def.locale === options.language)?.name;
    const main = dictionary.dictionaries.find((dict) => dict.name === language) ?? dictionary;
    const wordLists = all.map((def) => def.path).filter((path): path is string => !!path && /\.txt(?:\.gz)?$/.test(path));
    return new SpellEngine(dictionary, main, wordLists, folder, definitions.frequency);
  }

  /** Files of extra dictionaries that could not be read, with the reason. */
  errors(): string[] {
    return this.#dictionary.getErrors?.().map((error) => error.message) ?? [];
  }

  isKnown(word: string): boolean {
    if (this.#dictionary.has(word, { ignoreCase: true })) return true;
    const parts = caseParts(word);
    return !!parts && parts.every((part) => isAcronym(part) || [...part].length < MIN_WORD_LENGTH || this.#dictionary.has(part, { ignoreCase: true }));
  }

  /** Unknown words of one block of prose, offsets relative to the block. */
  unknownWords(text: string): readonly WordToken[] {
    let found = this.#blocks.get(text);
    if (!found) {
      found = wordsToCheck(text).filter((token) => !this.isKnown(token.form));
      if (this.#blocks.size >= CACHE_LIMIT) this.#blocks.clear();
      this.#blocks.set(text, found);
    }
    return found;
  }

  /** Best first; about a tenth of a second for a new word, nothing for one seen before. */
  suggest(word: string): readonly Suggestion[] {
    let found = this.#suggestions.get(word);
    if (!found) {
      const candidates = this.#main.suggest(word, { numSuggestions: 8, numChanges: 3, ignoreCase: true });
      found = rankSuggestions(word, candidates, this.#lexiconOf());
      if (this.#suggestions.size >= CACHE_LIMIT) this.#suggestions.clear();
      this.#suggestions.set(word, found);
    }
    return found;
  }

  cachedSuggestions(word: string): readonly Suggestion[] | undefined {
    return this.#suggestions.get(word);
  }

  /** Frequent words this dialect's dictionaries accept: "color" is no suggestion in en-GB. */
  #lexiconOf(): Lexicon {
    if (!this.#lexicon) {
      const words = readWordList(join(this.#folder, this.#frequency));
      this.#lexicon = new Lexicon(
        words.filter((word) => word.length >= 2 && this.#main.has(word)),
        this.#wordLists.flatMap((path) => readWordList(path)).filter((word) => /^\p{L}+$/u.test(word)),
      );
    }
    return this.#lexicon;
  }
}

/** A cspell word list: one word a line, `#` comments, `!`/`~`/`+` markers dropped. */
function readWordList(path: string): string[] {
  try {
    const data = readFileSync(path);
    const text = (path.endsWith('.gz') ? gunzipSync(data) : data).toString('utf8');
    return text
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

/** One engine per dialect and set of extra dictionaries, built once and shared. */
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
  return `${options.language}\n${options.dictionaries.join('\n')}`;
}
