import { nearestCspellWords, type CspellWords } from './cspellConfig';
import type { EngineOptions, SpellEngine } from './engine';
import type { Suggestion } from '../core/spell/suggest';
import type { CheckedWord } from '../core/spell/check';
import type { Dialect } from '../core/settings';

/** What a spelling worker is started with. */
export interface WorkerData {
  options: EngineOptions;
}

/** The questions a worker answers, each a batch: one round trip per document check, not per block. */
export interface SpellCalls {
  /** Unknown and dialect-marked words of each block of prose. */
  check: { args: readonly string[]; result: (readonly CheckedWord[])[] };
  /** Corrections of each word in a dialect, best first. */
  suggest: { args: { words: readonly string[]; dialect: Dialect }; result: (readonly Suggestion[])[] };
  /** Words whose corrections the worker works out while it is quiet, so quick fixes answer at once. */
  prefetch: { args: { words: readonly string[]; dialect: Dialect }; result: null };
  /** Words of the cspell configuration nearest to `dir`: reading it takes cspell-lib, which only the worker loads. */
  cspellWords: { args: { dir: string; stop?: string }; result: CspellWords | undefined };
}

export type SpellMethod = keyof SpellCalls;

export type SpellRequest = { [M in SpellMethod]: { id: number; method: M; args: SpellCalls[M]['args'] } }[SpellMethod];

/** Worker to main thread: the dictionaries loaded or not, then one answer per request id. */
export type SpellMessage =
  | { kind: 'ready'; errors: string[] }
  | { kind: 'failed'; error: string }
  | { kind: 'result'; id: number; result: SpellCalls[SpellMethod]['result'] }
  | { kind: 'error'; id: number; error: string };

export async function answer<M extends SpellMethod>(engine: SpellEngine, method: M, args: SpellCalls[M]['args']): Promise<SpellCalls[M]['result']> {
  const handlers: { [K in SpellMethod]: (args: SpellCalls[K]['args']) => SpellCalls[K]['result'] | Promise<SpellCalls[K]['result']> } = {
    check: (texts) => texts.map((text) => engine.unknownWords(text)),
    suggest: ({ words, dialect }) => words.map((word) => engine.suggest(word, dialect)),
    prefetch: () => null,
    cspellWords: ({ dir, stop }) => nearestCspellWords(dir, stop),
  };
  return handlers[method](args);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
