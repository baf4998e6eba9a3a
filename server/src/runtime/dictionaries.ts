import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { SpellingDictionary, SpellingDictionaryOptions } from 'cspell-dictionary';

export interface DictionaryFile extends SpellingDictionaryOptions {
  name: string;
  /** Absolute path; any of cspell's dictionary formats: `.txt`, `.trie`, either gzipped. */
  path: string;
}

/** cspell's own test for a trie file (`.trie`, `.btrie`, `.trie.gz`); anything else is a word list. */
const TRIE = /\.b?trie\b/i;

/**
 * One dictionary file, read as cspell-lib reads it (a trie, or a word list one entry a line with
 * its `#` comments and `!`/`~`/`+` marks), but without cspell-lib: its module starts loading
 * cspell's whole default configuration, and its `getDictionary` puts the dictionaries in a
 * collection that counts every trie's words to sort them, a third of a second each start.
 * A file that can't be read is a dictionary that knows nothing and says why in `getErrors()`.
 */
export async function loadDictionary(file: DictionaryFile): Promise<SpellingDictionary> {
  const { createFailedToLoadDictionary, createSpellingDictionary, createSpellingDictionaryFromTrieFile } = await import('cspell-dictionary');
  const source = pathToFileURL(file.path).href;
  try {
    const text = decodeDictionary(await readFile(file.path));
    return TRIE.test(file.path) ? createSpellingDictionaryFromTrieFile(text, file.name, source, file) : createSpellingDictionary(text.split(/\r?\n|\r/), file.name, source, file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return createFailedToLoadDictionary(file.name, source, new Error(`${file.path}: ${reason}`), file);
  }
}

/** A dictionary file's text: gzipped or not, whatever the name says, as cspell decides; UTF-8 without its byte-order mark. */
export function decodeDictionary(data: Buffer): string {
  const plain = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
  return plain.toString('utf8').replace(/^\uFEFF/, '');
}
