import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, posix, win32 } from 'node:path';
import { isInside } from './files';
import { messageOf } from './protocol';

/** Overrides the folder of the user's word file: `$STAR_NOTES_CONFIG_DIR/words.txt`. */
export const CONFIG_DIR_VARIABLE = 'STAR_NOTES_CONFIG_DIR';
export const MAX_WORD_LENGTH = 100;

/** Where a workspace folder keeps its words when it has no cspell configuration. */
export function workspaceWordsFile(folder: string): string {
  return join(folder, '.star-notes', 'words.txt');
}

/** The user's word file, in the configuration folder of their platform. */
export function userWordsFile(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  const path = platform === 'win32' ? win32 : posix;
  const override = env[CONFIG_DIR_VARIABLE];
  if (override) return path.join(override, 'words.txt');
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'star-notes', 'words.txt');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'star-notes', 'words.txt');
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and is to be ignored.
  const xdg = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(xdg, 'star-notes', 'words.txt');
}

/** Why `word` can't go in a word list, or undefined when it can. */
export function wordProblem(word: unknown): string | undefined {
  if (typeof word !== 'string' || word === '') return 'no word was given';
  if (/[\s\p{Cc}]/u.test(word)) return `"${JSON.stringify(word).slice(1, -1)}" is not one word: it has spaces, line breaks or control characters`;
  if (word.length > MAX_WORD_LENGTH) return `a word is at most ${MAX_WORD_LENGTH} characters; this one has ${word.length}`;
  // A word file's lines that start with # are comments (as in cspell's word lists).
  if (word.startsWith('#')) return `"${word}" starts with #, which marks a comment in a word file`;
  return undefined;
}

/** The words of a word file: one a line, blank lines and `#` comments skipped. */
export function parseWordFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(isWordLine);
}

export function isWordLine(line: string): boolean {
  return line !== '' && !line.startsWith('#');
}

/** Whether `path` is inside `folder` once links are followed, also for a path not created yet. */
export async function isReallyInsideFolder(folder: string, path: string): Promise<boolean> {
  return isInside(await realPathSoFar(folder), await realPathSoFar(path));
}

/** The real path of `path`'s nearest existing ancestor, joined with the rest of `path`. */
async function realPathSoFar(path: string): Promise<string> {
  const rest: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    try {
      return join(await realpath(at), ...rest);
    } catch {
      if (dirname(at) === at) return path;
      rest.unshift(basename(at));
    }
  }
}

/**
 * The words of word files, each read again only once it was replaced or changed (inode, size,
 * modification time), so a check before use costs one `stat` a file.
 */
export class WordFileCache {
  readonly #files = new Map<string, { stamp: string; words: readonly string[] }>();
  readonly #onError: (file: string, message: string) => void;
  #refreshing: Promise<unknown> = Promise.resolve();

  constructor(onError: (file: string, message: string) => void) {
    this.#onError = onError;
  }

  /** The words last read from `file`; none before the first `refresh` that included it. */
  words(file: string): readonly string[] {
    return this.#files.get(file)?.words ?? [];
  }

  /**
   * Reads the files that changed since they were last read; resolves true when any did. A
   * workspace's file is only read while it is really inside its folder, links followed.
   * Refreshes run one after another, so an older one never overwrites what a newer one read.
   */
  refresh(files: readonly { file: string; folder?: string }[]): Promise<boolean> {
    const next = this.#refreshing.then(async () => (await Promise.all(files.map((entry) => this.#refreshOne(entry)))).some(Boolean));
    this.#refreshing = next.catch(() => undefined);
    return next;
  }

  async #refreshOne({ file, folder }: { file: string; folder?: string }): Promise<boolean> {
    const found = await stat(file).catch(() => undefined);
    const stamp = found ? `${found.ino}:${found.size}:${found.mtimeMs}` : 'missing';
    if (this.#files.get(file)?.stamp === stamp) return false;
    let words: string[] = [];
    if (found && folder !== undefined && !(await isReallyInsideFolder(folder, file))) {
      this.#onError(file, `it leads outside ${folder} through a link, so it is not read`);
    } else if (found) {
      words = await readFile(file, 'utf8').then(parseWordFile, (error: unknown) => {
        this.#onError(file, messageOf(error));
        return [];
      });
    }
    this.#files.set(file, { stamp, words });
    return true;
  }
}

/** Words waiting for their file's next write, by file: adds that come while one is written go in one write after it. */
const waiting = new Map<string, { word: string; settle: (added: boolean) => void; fail: (error: unknown) => void }[]>();
const writing = new Set<string>();

export interface AddWordOptions {
  /** The workspace folder the file must be inside, links followed: a cloned repository can't make us write elsewhere. */
  folder?: string;
}

/**
 * Adds `word` to the word list in `file`, a word file (`.txt`, one word a line) or a cspell
 * configuration, keeping the rest of the file, comments and formatting included; safe while other
 * servers add words to it too (`wordFileWriter.ts`). Resolves false when the list already had the
 * word in any case. Adds to one file that come while it is being written go in its next write.
 * A link is followed and its target written; the folder is created when missing.
 */
export async function addWordToFile(file: string, word: string, options: AddWordOptions = {}): Promise<boolean> {
  const problem = wordProblem(word);
  if (problem) throw new Error(problem);
  if (options.folder !== undefined && !(await isReallyInsideFolder(options.folder, file))) {
    throw new Error(`${file} leads outside ${options.folder} through a link; nothing was written`);
  }
  await mkdir(dirname(file), { recursive: true });
  const target = await realpath(file).catch(() => file);
  return new Promise((settle, fail) => {
    const queue = waiting.get(target) ?? [];
    queue.push({ word, settle, fail });
    waiting.set(target, queue);
    if (!writing.has(target)) void writeWaiting(target);
  });
}

async function writeWaiting(file: string): Promise<void> {
  writing.add(file);
  for (let batch = waiting.get(file); batch; batch = waiting.get(file)) {
    waiting.delete(file);
    try {
      // The writer's libraries load on the first add: adding a word is rare, and the server starts without them.
      const { addWords } = await import('./wordFileWriter');
      const added = await addWords(file, batch.map((entry) => entry.word));
      batch.forEach((entry, i) => entry.settle(added[i]));
    } catch (error) {
      batch.forEach((entry) => entry.fail(error));
    }
  }
  writing.delete(file);
}
