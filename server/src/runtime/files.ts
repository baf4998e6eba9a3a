import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';

export const NOTES_FILE = /\.(?:md|markdown)$/i;

/** Folders that hold tools' files, never notes: dependencies, git's objects, build output. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

/**
 * The notes files at `path`: the path itself when it is a file, else every `*.md` and
 * `*.markdown` below it, folder by folder in name order. Links are not followed, so a link
 * can't lead the walk out of the folder or round in a circle. A missing `path` rejects; a
 * folder below it that can't be read is passed over.
 */
export async function notesFiles(path: string): Promise<string[]> {
  if ((await stat(path)).isFile()) return [path];
  const found: string[] = [];
  const walk = async (dir: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk(join(dir, entry.name));
      } else if (entry.isFile() && NOTES_FILE.test(entry.name)) found.push(join(dir, entry.name));
    }
  };
  await walk(path);
  return found;
}

/** Whether `path` is `folder` or inside it, on any platform's paths. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Whether `path` is inside `folder` once links are followed: a word list inside the workspace
 * may be a link to a file outside it, which workspace settings must not make the server read.
 * A path that does not exist is judged by its name; the reader will report it missing.
 */
export function isReallyInside(folder: string, path: string): boolean {
  const real = (target: string) => {
    try {
      return realpathSync(target);
    } catch {
      return target;
    }
  };
  return isInside(folder, path) && isInside(real(folder), real(path));
}
