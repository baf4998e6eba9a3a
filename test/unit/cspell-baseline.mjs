// Worker for spelling-quality.test.ts: what Code Spell Checker makes of each word with cspell 9's
// defaults in a markdown file. Its suggestions cost about three times ours, so they are worked
// out in a thread of their own while the test measures our engine.
import { parentPort, workerData } from 'node:worker_threads';
import { CompoundWordsMethod, getDictionary, spellCheckDocument } from 'cspell-lib';

/** @type {{ words: string[] }} */
const { words } = workerData;

// The document check decides what is flagged, as the extension's diagnostics do.
const checked = await spellCheckDocument({ uri: 'file:///held-out-typos.md', text: words.join('\n'), languageId: 'markdown' }, { noConfigSearch: true }, {});
const flagged = [...new Set(checked.issues.map((issue) => issue.text))];

// The extension's quick fixes, asked for as its SuggestionsGenerator asks: three edits, ten
// suggestions (one past 15 letters, none past 20), no ties, no compounds, case ignored.
const dictionary = await getDictionary(checked.settingsUsed);
function suggest(word) {
  if (word.length > 20) return [];
  const options = { numChanges: 3, numSuggestions: word.length > 15 ? 1 : 10, compoundMethod: CompoundWordsMethod.NONE, ignoreCase: true, includeTies: false };
  return dictionary.suggest(word, options).map((suggestion) => suggestion.word.replace(/\+/g, ''));
}

parentPort.postMessage({ flagged, suggestions: Object.fromEntries(flagged.map((word) => [word, suggest(word)])) });
