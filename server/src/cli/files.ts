import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isInside } from '../runtime/files';
import { UsageError } from './args';

/** Ignore files, read in each folder in this order: `.star-notesignore` can take back (`!drafts/`) what git ignores. */
export const IGNORE_FILES = ['.gitignore', '.star-notesignore'] as const;

/** Dependencies hold other people's markdown, never notes, and are seldom ignored below the root. */
const ALWAYS_SKIPPED = ['**/node_modules/**'];

/**
 * The notes files the command line names: a file as it is, a folder searched for `*.md` and
 * `*.markdown` (hidden folders and links left out, as links could lead outside it or round in a
 * circle), a glob matched from `cwd`. Files under a folder or matched by a glob are left out when
 * a `.gitignore` or `.star-notesignore` ignores them, with git's rules: the ignore files of every
 * folder from the repository's root (else `cwd`) down to the file's own. A named file that an
 * ignore file names is left out too, so a hook that passes every staged file keeps to them.
 * Sorted, each once. A path that does not exist, or a glob that matches nothing, is a usage error.
 */
export async function notesFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const rules = new IgnoreRules(cwd);
  const found = new Set<string>();
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const kind = kindOf(path);
    if (kind === 'file') {
      if (!rules.ignores(path, dirname(path))) found.add(path);
    } else if (kind === 'directory') {
      const files = await glob(['**/*.md', '**/*.markdown'], { cwd: path, absolute: true, caseSensitiveMatch: false, followSymbolicLinks: false, ignore: ALWAYS_SKIPPED });
      for (const file of files) if (!rules.ignores(resolve(file), path)) found.add(resolve(file));
    } else if (isDynamicPattern(arg)) {
      const files = await glob([arg.split(sep).join('/')], { cwd, absolute: true, followSymbolicLinks: false, expandDirectories: false, onlyFiles: true, ignore: ALWAYS_SKIPPED });
      if (files.length === 0) throw new UsageError(`${arg}: no files match`);
      for (const file of files) if (!rules.ignores(resolve(file), cwd)) found.add(resolve(file));
    } else {
      throw new UsageError(`${arg}: no such file or directory`);
    }
  }
  return [...found].sort();
}

function kindOf(path: string): 'file' | 'directory' | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : undefined;
  } catch {
    return undefined;
  }
}

/** git's ignore rules over folders, each folder's ignore files read once. */
export class IgnoreRules {
  readonly #cwd: string;
  readonly #folders = new Map<string, Ignore | null>();
  readonly #roots = new Map<string, string>();
  readonly #ignoredFolders = new Map<string, boolean>();

  constructor(cwd: string) {
    this.#cwd = resolve(cwd);
  }

  /** Whether `file`, found from the command line's `base` (a folder, or `cwd` for a glob), is ignored. */
  ignores(file: string, base: string): boolean {
    const chain = this.#chain(dirname(file), base);
    // A folder that is ignored hides everything in it, whatever is said further down (as in git).
    for (let i = 1; i < chain.length; i++) if (this.#folderIgnored(chain.slice(0, i + 1))) return true;
    return this.#verdict(file, chain, false);
  }

  /** Whether the last folder of `chain` is ignored by the ignore files of the folders above it. */
  #folderIgnored(chain: string[]): boolean {
    const folder = chain[chain.length - 1];
    let ignored = this.#ignoredFolders.get(folder);
    if (ignored === undefined) this.#ignoredFolders.set(folder, (ignored = this.#verdict(folder, chain.slice(0, -1), true)));
    return ignored;
  }

  /** The last word of the ignore files in `folders`, outermost first: a deeper file overrides, `!pattern` takes back. */
  #verdict(path: string, folders: readonly string[], isFolder: boolean): boolean {
    let ignored = false;
    for (const folder of folders) {
      const rules = this.#rulesOf(folder);
      if (!rules) continue;
      const result = rules.test(relative(folder, path).split(sep).join('/') + (isFolder ? '/' : ''));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /** The folders from the root whose ignore files apply down to `folder`, outermost first. */
  #chain(folder: string, base: string): string[] {
    const root = this.#rootOf(folder, base);
    const chain = [folder];
    for (let dir = folder; dir !== root && dirname(dir) !== dir; ) chain.unshift((dir = dirname(dir)));
    return chain;
  }

  /** The repository's root (the nearest folder with `.git`); outside one, `cwd` for what is in it, else the folder named on the command line. */
  #rootOf(folder: string, base: string): string {
    const root = this.#repositoryOf(folder) || (isInside(this.#cwd, folder) ? this.#cwd : base);
    return isInside(root, folder) ? root : folder;
  }

  #repositoryOf(folder: string): string {
    let root = this.#roots.get(folder);
    if (root === undefined) {
      const parent = dirname(folder);
      root = kindOf(join(folder, '.git')) !== undefined ? folder : parent === folder ? '' : this.#repositoryOf(parent);
      this.#roots.set(folder, root);
    }
    return root;
  }

  #rulesOf(folder: string): Ignore | null {
    let rules = this.#folders.get(folder);
    if (rules !== undefined) return rules;
    const texts = IGNORE_FILES.flatMap((name) => {
      try {
        return [readFileSync(join(folder, name), 'utf8')];
      } catch {
        return [];
      }
    });
    rules = texts.length > 0 ? ignore().add(texts.join('\n')) : null;
    this.#folders.set(folder, rules);
    return rules;
  }
}
