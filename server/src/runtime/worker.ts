/**
 * The spelling worker's entry (bundled as server/out/spell-worker.js): loading the
 * dictionaries and looking words up take whole seconds of CPU that would otherwise keep
 * the server from answering anything else.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Dialect } from '../core/settings';
import { suggestionKey } from '../core/spell/suggest';
import { SpellEngine } from './engine';
import { answer, messageOf, type SpellCalls, type SpellMessage, type SpellRequest, type WorkerData } from './protocol';

/** Beyond this many words waiting, a document is mostly names and jargon: corrections wait until asked. */
const PREFETCH_LIMIT = 100;
/**
 * A correction takes up to a tenth of a second and can't be interrupted, so they are worked
 * out only after this long without a request: a check for an edit should never wait behind one.
 */
const QUIET_MS = 1000;

const port = parentPort!;
const send = (message: SpellMessage) => port.postMessage(message);
const engine = SpellEngine.create((workerData as WorkerData).options);

/**
 * Words whose corrections are worked out ahead, so quick fixes and "Fix all" answer at once;
 * the latest first, as the document just checked is the one being edited.
 */
const toSuggest = new Map<string, { word: string; dialect: Dialect }>();
/** Counts requests: corrections worked out ahead stop as soon as one comes. */
let requests = 0;

engine.then(
  (loaded) => {
    send({ kind: 'ready', errors: loaded.errors() });
    // The first correction builds the frequency lexicon, about half a second: one ahead, while quiet.
    toSuggest.set(suggestionKey('sentance', 'en-US'), { word: 'sentance', dialect: 'en-US' });
    const turn = requests;
    setTimeout(() => suggestWhileQuiet(loaded, turn), QUIET_MS);
  },
  (error: unknown) => send({ kind: 'failed', error: messageOf(error) }),
);

port.on('message', (request: SpellRequest) => {
  const turn = ++requests;
  engine
    .then(async (loaded) => {
      const result = await answer(loaded, request.method, request.args);
      send({ kind: 'result', id: request.id, result });
      if (request.method === 'prefetch') {
        const { words, dialect } = request.args;
        for (const word of words) {
          const key = suggestionKey(word, dialect);
          if (loaded.cachedSuggestions(word, dialect) || (toSuggest.size >= PREFETCH_LIMIT && !toSuggest.has(key))) continue;
          toSuggest.delete(key);
          toSuggest.set(key, { word, dialect });
        }
      }
      setTimeout(() => suggestWhileQuiet(loaded, turn), QUIET_MS);
    })
    .catch((error: unknown) => send({ kind: 'error', id: request.id, error: messageOf(error) }));
});

function suggestWhileQuiet(loaded: SpellEngine, turn: number): void {
  const next = [...toSuggest].at(-1);
  if (next === undefined || turn !== requests) return;
  toSuggest.delete(next[0]);
  loaded.suggest(next[1].word, next[1].dialect);
  setImmediate(() => suggestWhileQuiet(loaded, turn));
}
