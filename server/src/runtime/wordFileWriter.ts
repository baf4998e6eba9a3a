import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import detectIndent from 'detect-indent';
// The UMD build's requires are hidden from esbuild, which would leave them out of the bundle.
import { applyEdits, findNodeAtLocation, modify, parseTree, printParseErrorCode, type JSONPath, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { lock } from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type YAMLSeq } from 'yaml';
import { messageOf } from './protocol';
import { isWordLine } from './wordFiles';

/**
 * A lock not refreshed for this long was left by a server that died holding it, and is taken
 * over. Holders refresh theirs every half of it; a word is added in milliseconds.
 */
const LOCK_STALE_MS = 5000;
/** Waits between tries for a held lock: about 13 s in all, so a dead holder's lock goes stale first. */
const LOCK_RETRIES = { retries: 60, factor: 1.5, minTimeout: 5, maxTimeout: 250, randomize: true };

/**
 * Adds words to the list in `file` (a word file, or a cspell configuration: `words` of JSON/JSONC
 * or YAML, `cspell.words` of a package.json), under the file's lock: read, merge and write happen
 * while no other server can, and the file is replaced by renaming a complete temporary file
 * beside it. Resolves, for each word, whether it was added (false: listed already, in any case).
 */
export async function addWords(file: string, words: readonly string[]): Promise<boolean[]> {
  let lost: Error | undefined;
  const release = await lock(file, {
    realpath: false,
    stale: LOCK_STALE_MS,
    retries: LOCK_RETRIES,
    onCompromised: (error) => (lost = error),
  }).catch((error: unknown) => {
    const busy = (error as NodeJS.ErrnoException).code === 'ELOCKED';
    throw new Error(busy ? `${file} is locked by another program (it holds ${file}.lock); try again` : `${file} could not be locked: ${messageOf(error)}`);
  });
  try {
    const original = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw new Error(`${file} could not be read: ${error.message}`);
    });
    let text = original;
    const added = words.map((word) => {
      const next = withWord(file, text, word);
      text = next ?? text;
      return next !== undefined;
    });
    if (text === original) return added;
    await writeFileAtomic(file, text);
    if (lost) throw new Error(`the lock on ${file} was lost while writing (${lost.message}); check that ${words.map((word) => `"${word}"`).join(', ')} went in`);
    return added;
  } finally {
    await release().catch(() => undefined);
  }
}

/** The file's text with `word` in its list, or undefined when the list has it. */
function withWord(file: string, text: string, word: string): string | undefined {
  const ext = extname(file).toLowerCase();
  try {
    if (basename(file) === 'package.json') return withWordInJson(text, word, ['cspell', 'words']);
    if (ext === '.json' || ext === '.jsonc') return withWordInJson(text, word, ['words']);
    if (ext === '.yaml' || ext === '.yml') return withWordInYaml(text, word);
    if (ext === '.txt') return withWordInList(text, word);
  } catch (error) {
    throw new Error(`${file} was left as it is: ${messageOf(error)}`);
  }
  throw new Error(`${file} is no word file or cspell configuration STAR Notes can write`);
}

function has(list: readonly (string | undefined)[], word: string): boolean {
  const key = word.toLowerCase();
  return list.some((listed) => listed?.toLowerCase() === key);
}

/**
 * Where a new word goes: after the last word that sorts before it (case-insensitively), so a
 * sorted list stays sorted, nothing already listed moves, and two people adding different words
 * rarely touch the same lines of a shared file.
 */
function insertionIndex(list: readonly (string | undefined)[], word: string): number {
  const key = word.toLowerCase();
  let index = 0;
  list.forEach((listed, i) => {
    if (listed !== undefined && listed.toLowerCase() < key) index = i + 1;
  });
  return index;
}

function withWordInList(text: string, word: string): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const words = lines.map((line) => (isWordLine(line.trim()) ? line.trim() : undefined));
  if (has(words, word)) return undefined;
  const after = insertionIndex(words, word);
  // First in the list: below the comments at the top.
  const first = words.findIndex((listed) => listed !== undefined);
  lines.splice(after > 0 ? after : first === -1 ? lines.length : first, 0, word);
  return lines.join(eol) + eol;
}

function withWordInJson(original: string, word: string, path: JSONPath): string | undefined {
  // A configuration emptied (or removed) since it was found is written afresh.
  const text = original.trim() === '' ? '{}\n' : original;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) throw new Error(`it is not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})`);
  if (root && root.type !== 'object') throw new Error('it holds no JSON object');
  const node = root && findNodeAtLocation(root, path);
  if (node && node.type !== 'array') throw new Error(`its "${path.join('.')}" is not a list`);
  const list = (node?.children ?? []).map((item) => (item.type === 'string' ? (item.value as string) : undefined));
  if (has(list, word)) return undefined;
  const indent = detectIndent(text);
  const formattingOptions = { insertSpaces: indent.type !== 'tab', tabSize: indent.amount || 2, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  const edits = node
    ? modify(text, [...path, insertionIndex(list, word)], word, { isArrayInsertion: true, formattingOptions })
    : modify(text, path, [word], { formattingOptions });
  return applyEdits(text, edits);
}

function withWordInYaml(text: string, word: string): string | undefined {
  const doc = parseYaml(text);
  const node = doc.get('words', true);
  if (node !== undefined && !isSeq(node) && !(isScalar(node) && node.value === null)) throw new Error('its "words" is not a list');
  const list = isSeq(node) ? yamlStrings(node) : [];
  if (has(list, word)) return undefined;
  const index = insertionIndex(list, word);
  const before = (doc.toJS() ?? {}) as { words?: unknown[] | null };
  const expected = { ...before, words: [...(before.words ?? []).slice(0, index), word, ...(before.words ?? []).slice(index)] };
  const edited = editedYamlText(text, isSeq(node) ? node : undefined, index, word);
  if (edited !== undefined && isDeepStrictEqual(yamlValue(edited), expected)) return edited;
  // Shapes a text edit does not cover (`words:` with no value, `[]`, anchors): the document model
  // writes it, which keeps comments but may re-space some of the file.
  if (isSeq(node)) node.items.splice(index, 0, doc.createNode(word));
  else {
    const seq = doc.createNode([word]);
    // `words: # none yet` keeps its comment.
    if (isScalar(node)) [seq.commentBefore, seq.comment] = [node.commentBefore, node.comment];
    doc.set('words', seq);
  }
  return doc.toString({ lineWidth: 0 });
}

function parseYaml(text: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`it is not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new Error('it holds no YAML mapping');
  return doc;
}

function yamlStrings(seq: YAMLSeq): (string | undefined)[] {
  return seq.items.map((item) => (isScalar(item) && typeof item.value === 'string' ? item.value : undefined));
}

/** What a YAML text means, or undefined when it does not parse. */
function yamlValue(text: string): unknown {
  try {
    return parseYaml(text).toJS();
  } catch {
    return undefined;
  }
}

/**
 * The YAML text with one more item written the way its neighbours are: a line `  - word` in a
 * block list, `word, ` in a flow list, a new block list at the end when there is none. The
 * rest of the text stays byte for byte; the caller checks that the result means what it should.
 */
function editedYamlText(text: string, seq: YAMLSeq | undefined, index: number, word: string): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const scalar = stringify(word, { lineWidth: 0 }).trimEnd();
  if (!seq) {
    const body = text === '' || text.endsWith('\n') ? text : text + eol;
    return `${body}words:${eol}${' '.repeat(detectIndent(text).amount || 2)}- ${scalar}${eol}`;
  }
  const items = seq.items as { range?: [number, number, number] }[];
  const neighbour = items[Math.min(index, items.length - 1)]?.range;
  if (!neighbour) return undefined;
  if (seq.flow) {
    return index < items.length ? splice(text, neighbour[0], `${scalar}, `) : splice(text, neighbour[1], `, ${scalar}`);
  }
  const lineStart = text.lastIndexOf('\n', neighbour[0] - 1) + 1;
  const prefix = text.slice(lineStart, neighbour[0]);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
  if (index < items.length) return splice(text, lineStart, `${prefix}${scalar}${eol}`);
  const lineEnd = text.indexOf('\n', neighbour[1]);
  return lineEnd === -1 ? `${text}${eol}${prefix}${scalar}${eol}` : splice(text, lineEnd + 1, `${prefix}${scalar}${eol}`);
}

function splice(text: string, at: number, inserted: string): string {
  return text.slice(0, at) + inserted + text.slice(at);
}
