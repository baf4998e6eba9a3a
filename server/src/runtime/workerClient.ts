import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WordChecker } from '../core/spell/check';
import type { CspellWords } from './cspellConfig';
import { engineKey, SpellEngine, warmUp, type EngineOptions } from './engine';
import { answer, messageOf, type SpellCalls, type SpellMessage, type SpellMethod, type WorkerData } from './protocol';
import { suggestionKey, type Suggestion } from '../core/spell/suggest';
import type { CheckedWord } from '../core/spell/check';
import type { Dialect } from '../core/settings';

/** The worker bundle beside the server bundle (server/out); running from source, the last build's. */
export function workerFile(): string | undefined {
  return [join(__dirname, 'spell-worker.js'), join(__dirname, '..', '..', 'out', 'spell-worker.js')].find((file) => existsSync(file));
}

/** A worker that exited or failed: what was asked of it may be asked again of a new one. */
class WorkerStopped extends Error {}

/** The dictionaries behind an asynchronous surface, in a worker thread or (if none starts) in this one. */
interface Backend {
  /** Errors of extra dictionaries; rejects when the dictionaries did not load. */
  readonly ready: Promise<readonly string[]>;
  /** False once it can answer no more: the dictionaries did not load, or the worker stopped. */
  readonly alive: boolean;
  call<M extends SpellMethod>(method: M, args: SpellCalls[M]['args']): Promise<SpellCalls[M]['result']>;
  dispose(): void;
}

class WorkerBackend implements Backend {
  readonly ready: Promise<readonly string[]>;
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #loaded = false;
  #dead = false;
  #disposed = false;

  /** `stopped` hears of a worker that went away unasked, and whether it had loaded the dictionaries. */
  constructor(file: string, options: EngineOptions, stopped: (error: Error, loaded: boolean) => void) {
    this.#worker = new Worker(file, { workerData: { options } satisfies WorkerData });
    this.ready = new Promise((resolve, reject) => {
      const stop = (error: Error) => {
        if (this.#dead) return;
        this.#dead = true;
        reject(error);
        for (const { reject: fail } of this.#pending.values()) fail(error);
        this.#pending.clear();
        if (!this.#disposed) stopped(error, this.#loaded);
      };
      this.#worker.on('message', (message: SpellMessage) => {
        if (message.kind === 'ready') {
          this.#loaded = true;
          this.#unrefWhenIdle();
          resolve(message.errors);
        } else if (message.kind === 'failed') {
          this.#dead = true;
          reject(new Error(message.error));
          void this.#worker.terminate();
        } else {
          const pending = this.#pending.get(message.id);
          this.#pending.delete(message.id);
          this.#unrefWhenIdle();
          if (message.kind === 'result') pending?.resolve(message.result as never);
          else pending?.reject(new Error(message.error));
        }
      });
      this.#worker.on('error', (error) => stop(new WorkerStopped(`the spelling worker failed: ${error.message}`)));
      this.#worker.on('exit', (code) => stop(new WorkerStopped(`the spelling worker exited with code ${code}`)));
    });
    // Callers hear of a failure when they ask; a worker nobody asked yet may fail unheard.
    this.ready.catch(() => undefined);
  }

  get alive(): boolean {
    return !this.#dead;
  }

  async call<M extends SpellMethod>(method: M, args: SpellCalls[M]['args']): Promise<SpellCalls[M]['result']> {
    await this.ready;
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      this.#worker.ref();
      this.#worker.postMessage({ id, method, args });
    });
  }

  dispose(): void {
    this.#disposed = true;
    void this.#worker.terminate();
  }

  /** An idle worker must never be why the process lingers: the server's connection keeps it alive, not this. */
  #unrefWhenIdle(): void {
    if (this.#loaded && this.#pending.size === 0) this.#worker.unref();
  }
}

class InProcessBackend implements Backend {
  readonly ready: Promise<readonly string[]>;
  readonly #engine: Promise<SpellEngine>;
  #alive = true;

  constructor(options: EngineOptions) {
    this.#engine = SpellEngine.create(options);
    this.#engine.then(warmUp, () => (this.#alive = false));
    this.ready = this.#engine.then((engine) => engine.errors());
    this.ready.catch(() => undefined);
  }

  get alive(): boolean {
    return this.#alive;
  }

  async call<M extends SpellMethod>(method: M, args: SpellCalls[M]['args']): Promise<SpellCalls[M]['result']> {
    return answer(await this.#engine, method, args);
  }

  dispose(): void {}
}

/** Spelling that gave up: every call fails with the reason, and STAR findings go on without it. */
class StoppedBackend implements Backend {
  readonly ready: Promise<readonly string[]>;
  readonly alive = true;
  readonly #reason: Error;

  constructor(reason: string) {
    this.#reason = new Error(reason);
    this.ready = Promise.reject(this.#reason);
    this.ready.catch(() => undefined);
  }

  call(): Promise<never> {
    return Promise.reject(this.#reason);
  }

  dispose(): void {}
}

/** A worker started after a pause: one that keeps crashing is not restarted in a tight loop. */
class DelayedBackend implements Backend {
  readonly ready: Promise<readonly string[]>;
  #inner: Backend | undefined;
  #timer: NodeJS.Timeout | undefined;
  #disposed = false;

  constructor(delayMs: number, start: () => Backend) {
    const inner = new Promise<Backend>((resolve, reject) => {
      this.#timer = setTimeout(() => (this.#disposed ? reject(new WorkerStopped('the spelling settings changed')) : resolve((this.#inner = start()))), delayMs);
    });
    this.ready = inner.then((backend) => backend.ready);
    this.ready.catch(() => undefined);
  }

  get alive(): boolean {
    return this.#inner?.alive ?? !this.#disposed;
  }

  async call<M extends SpellMethod>(method: M, args: SpellCalls[M]['args']): Promise<SpellCalls[M]['result']> {
    await this.ready;
    return this.#inner!.call(method, args);
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#inner?.dispose();
  }
}

const CACHE_LIMIT = 20000;

/**
 * One set of dictionaries, seen from the main thread: results are cached here per block of
 * prose and per word, so a one-character edit costs one round trip for one block. A worker
 * that stops is replaced when next needed, and what was asked of it is asked again once.
 */
export class Speller {
  readonly #start: () => Backend;
  readonly #blocks = new Map<string, readonly CheckedWord[]>();
  readonly #suggestions = new Map<string, readonly Suggestion[]>();
  #backend: Backend | undefined;
  #disposed = false;

  constructor(start: () => Backend) {
    this.#start = start;
  }

  /** Loads the dictionaries; errors of extra dictionaries that could not be read. */
  ready(): Promise<readonly string[]> {
    return this.#use((backend) => backend.ready);
  }

  /** Results for these blocks without waiting, when every one is cached. */
  checked(texts: readonly string[]): WordChecker | undefined {
    const found = new Map<string, readonly CheckedWord[]>();
    for (const text of texts) {
      const tokens = this.#blocks.get(text);
      if (!tokens) return undefined;
      found.set(text, tokens);
    }
    return this.#checker(found);
  }

  /** Results for these blocks, fetching the ones not seen before in one round trip. */
  async check(texts: readonly string[]): Promise<WordChecker> {
    const found = new Map<string, readonly CheckedWord[]>();
    const missing = new Set<string>();
    for (const text of texts) {
      const tokens = this.#blocks.get(text);
      if (tokens) found.set(text, tokens);
      else missing.add(text);
    }
    if (missing.size > 0) {
      const asked = [...missing];
      const results = await this.#use((backend) => backend.call('check', asked));
      if (this.#blocks.size + asked.length > CACHE_LIMIT) this.#blocks.clear();
      asked.forEach((text, i) => {
        this.#blocks.set(text, results[i]);
        found.set(text, results[i]);
      });
    }
    return this.#checker(found);
  }

  /** Corrections of each word in a dialect, best first; about a tenth of a second for each word not seen before. */
  async suggestions(words: readonly string[], dialect: Dialect): Promise<(readonly Suggestion[])[]> {
    const key = (word: string) => suggestionKey(word, dialect);
    const missing = [...new Set(words.filter((word) => !this.#suggestions.has(key(word))))];
    if (missing.length > 0) {
      const results = await this.#use((backend) => backend.call('suggest', { words: missing, dialect }));
      if (this.#suggestions.size + missing.length > CACHE_LIMIT) this.#suggestions.clear();
      missing.forEach((word, i) => this.#suggestions.set(key(word), results[i]));
    }
    return words.map((word) => this.#suggestions.get(key(word)) ?? []);
  }

  /** Has the worker work out these corrections while it is quiet; answers nothing. */
  prefetch(words: readonly string[], dialect: Dialect): void {
    const missing = words.filter((word) => !this.#suggestions.has(suggestionKey(word, dialect)));
    if (missing.length > 0) this.#use((backend) => backend.call('prefetch', { words: missing, dialect })).catch(() => undefined);
  }

  /** Words of the cspell configuration nearest to `dir`, searching up to `stop`. */
  cspellWords(dir: string, stop?: string): Promise<CspellWords | undefined> {
    return this.#use((backend) => backend.call('cspellWords', { dir, stop }));
  }

  dispose(): void {
    this.#disposed = true;
    this.#backend?.dispose();
  }

  #checker(found: ReadonlyMap<string, readonly CheckedWord[]>): WordChecker {
    return { unknownWords: (text) => found.get(text)!, cachedSuggestions: (word, dialect) => this.#suggestions.get(suggestionKey(word, dialect)) };
  }

  async #use<T>(ask: (backend: Backend) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      // Someone still holding a speller whose settings were replaced must not start a worker nobody ends.
      if (this.#disposed) throw new Error('the spelling settings changed');
      const backend = (this.#backend ??= this.#start());
      try {
        return await ask(backend);
      } catch (error) {
        // Dictionaries that did not load are tried again next time; a stopped worker at once.
        if (this.#backend === backend && !backend.alive) this.#backend = undefined;
        if (!(error instanceof WorkerStopped) || attempt > 1) throw error;
      }
    }
  }
}

/** Crashes within `CRASH_WINDOW_MS` after which no worker is started again: it would only crash again. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;
const BACK_OFF_MS = 250;

/** Holding a second set of extra dictionaries covers a multi-root workspace whose folders name different ones. */
const MAX_SPELLERS = 2;

/**
 * A `Speller` per set of extra dictionaries, each with its own worker. Changing
 * those settings starts a new one; the least recently used beyond two is ended.
 */
export class Spellers {
  readonly #spellers = new Map<string, Speller>();
  readonly #log: (message: string) => void;
  /** When loaded workers crashed, oldest first, within the last minute. */
  readonly #crashes: number[] = [];
  /** Undefined when there is no worker to start: spelling then runs on this thread. */
  #workerFile: string | undefined;

  constructor(log: (message: string) => void, file = workerFile()) {
    this.#log = log;
    this.#workerFile = file;
    if (!file) log('STAR Notes: no spelling worker found beside the server (spell-worker.js); spelling runs on the main thread.');
  }

  get(options: EngineOptions): Speller {
    const key = engineKey(options);
    let speller = this.#spellers.get(key);
    if (speller) this.#spellers.delete(key);
    else speller = new Speller(() => this.#start(options));
    this.#spellers.set(key, speller);
    for (const [oldKey, old] of this.#spellers) {
      if (this.#spellers.size <= MAX_SPELLERS) break;
      old.dispose();
      this.#spellers.delete(oldKey);
    }
    return speller;
  }

  dispose(): void {
    for (const speller of this.#spellers.values()) speller.dispose();
    this.#spellers.clear();
  }

  #start(options: EngineOptions): Backend {
    const file = this.#workerFile;
    if (!file) return new InProcessBackend(options);
    const cannotStart = (message: string) => {
      this.#workerFile = undefined;
      this.#log(`STAR Notes: ${message}; spelling runs on the main thread.`);
    };
    const now = Date.now();
    while (this.#crashes.length > 0 && now - this.#crashes[0] > CRASH_WINDOW_MS) this.#crashes.shift();
    if (this.#crashes.length >= MAX_CRASHES) {
      return new StoppedBackend(`the spelling worker crashed ${MAX_CRASHES} times in a minute, so spelling is off until STAR Notes: Restart Server`);
    }
    const start = (): Backend => {
      try {
        return new WorkerBackend(file, options, (error, loaded) => {
          if (!loaded) return cannotStart(`${error.message} before loading the dictionaries`);
          this.#crashes.push(Date.now());
          this.#log(`STAR Notes: ${error.message}; it restarts when next needed.`);
        });
      } catch (error) {
        cannotStart(`the spelling worker did not start: ${messageOf(error)}`);
        return new InProcessBackend(options);
      }
    };
    // Back off after a crash: 250 ms, then twice as long each time, so a worker that dies on every request costs little.
    return this.#crashes.length === 0 ? start() : new DelayedBackend(BACK_OFF_MS * 2 ** (this.#crashes.length - 1), start);
  }
}
