import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, SymbolKind, type FileEvent, type SymbolInformation, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyzer, mayHaveStories } from '../core/analyze';
import { completeness } from '../core/features/outline';
import { storyEntries } from '../core/bank/bank';
import type { StoryEntry } from '../core/bank/types';
import type { Settings } from '../core/settings';
import { skipReason } from '../core/parse/guards';
import { inSlices } from './analysis';
import { toRange } from './convert';
import { isInside, NOTES_FILE, notesFiles } from '../runtime/files';


interface Dependencies {
  /** Workspace folders as file paths. */
  folders: readonly string[];
  /** Settings for a folder's URI. */
  settings: (uri: string) => Promise<Settings>;
  /** Undefined, or rejects, when the client shows no progress. */
  progress: () => Promise<WorkDoneProgressReporter | undefined>;
  log: (message: string) => void;
  /** A file's stories were indexed again, or its file is gone. */
  changed?: () => void;
}

/** What the index keeps of a file: its stories as symbols and as story bank entries. */
interface IndexedFile {
  symbols: SymbolInformation[];
  stories: StoryEntry[];
}

/**
 * Every story in every notes file of the workspace, for `workspace/symbol` and the story bank
 * (`starNotes/stories`). Files are read and analysed in the background one slice at a time, so
 * editor requests never wait for the index; changed files are re-read when the client reports
 * them, and every file when the settings change.
 */
export class WorkspaceIndex {
  readonly #deps: Dependencies;
  readonly #files = new Map<string, IndexedFile>();
  /** Every notes file found, indexed or skipped, so a change of settings can look at each again. */
  readonly #known = new Set<string>();
  /** Files waiting to be (re)indexed, by path; a file changed twice is read once. */
  readonly #queue = new Set<string>();
  #draining?: Promise<void>;

  constructor(deps: Dependencies) {
    this.#deps = deps;
  }

  /** Finds the notes files in the workspace folders and indexes them; resolves when done. */
  async indexAll(): Promise<void> {
    for (const folder of this.#deps.folders) {
      for (const path of await notesFiles(folder).catch(() => [])) {
        this.#queue.add(path);
        this.#known.add(path);
      }
    }
    if (this.#queue.size === 0) return;
    await this.#drain(await this.#deps.progress().catch(() => undefined));
  }

  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      if (!change.uri.startsWith('file:') || !NOTES_FILE.test(change.uri)) continue;
      const path = fileURLToPath(change.uri);
      if (!this.#deps.folders.some((folder) => isInside(folder, path))) continue;
      if (change.type === FileChangeType.Deleted) {
        this.#queue.delete(path);
        this.#known.delete(path);
        // Keyed as the index wrote it: clients encode URIs each their own way.
        if (this.#files.delete(pathToFileURL(path).href)) this.#deps.changed?.();
      } else {
        this.#queue.add(path);
        this.#known.add(path);
      }
    }
    void this.#drain();
  }

  /** Settings changed: every file is read again in the background, and answers keep coming from the last index meanwhile. */
  settingsChanged(): void {
    if (this.#known.size === 0) return;
    for (const path of this.#known) this.#queue.add(path);
    void this.#drain();
  }

  /** The story bank's entries per file URI, as the index wrote them. */
  *storiesByFile(): Generator<[uri: string, stories: readonly StoryEntry[]]> {
    for (const [uri, file] of this.#files) yield [uri, file.stories];
  }

  /** Stories whose title holds the query's characters in order, ignoring case. */
  symbols(query: string): SymbolInformation[] {
    const wanted = query.toLowerCase().replace(/\s+/g, '');
    const matches = (name: string) => {
      let at = 0;
      const lower = name.toLowerCase();
      for (const char of wanted) {
        at = lower.indexOf(char, at) + 1;
        if (at === 0) return false;
      }
      return true;
    };
    return [...this.#files.values()].flatMap((file) => file.symbols).filter((symbol) => matches(symbol.name));
  }

  /** Files queued while it runs are indexed by the same run. */
  #drain(progress?: WorkDoneProgressReporter): Promise<void> {
    if (this.#draining) return this.#draining;
    // With nothing queued the run below would end before it is stored, and stay stored: every later change would wait on it.
    if (this.#queue.size === 0) return Promise.resolve();
    this.#draining = (async () => {
      const total = this.#queue.size;
      progress?.begin('STAR Notes: indexing notes', 0, `0/${total} files`);
      let done = 0;
      try {
        for (const path of this.#queue) {
          this.#queue.delete(path);
          await this.#index(path);
          done++;
          progress?.report(Math.round((100 * done) / Math.max(total, done)), `${done}/${total} files`);
          // One file at a time, then whatever requests arrived meanwhile.
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        progress?.done();
        this.#draining = undefined;
      }
    })();
    return this.#draining;
  }

  async #index(path: string): Promise<void> {
    const uri = pathToFileURL(path).href;
    try {
      const folder = this.#deps.folders.find((candidate) => isInside(candidate, path)) ?? path;
      // Settings per folder, not per file: a thousand files should not mean a thousand configuration requests.
      const settings = await this.#deps.settings(pathToFileURL(folder).href);
      if (!settings.enable || (await stat(path)).size > settings.maxFileSize) return this.#forget(uri);
      const text = await readFile(path, 'utf8');
      if (skipReason(text, settings) || !mayHaveStories(text, settings.aliases)) return this.#forget(uri);
      const analysis = (await inSlices(new DocumentAnalyzer().steps(text, settings), () => false))!;
      const document = TextDocument.create(uri, 'markdown', 0, text);
      const file = basename(path);
      const symbols = analysis.doc.stories.map((story) => ({
        name: story.title,
        kind: SymbolKind.Class,
        location: { uri, range: toRange(document, story.anchor) },
        containerName: `${file} · ${completeness(story, text, settings)}`,
      }));
      this.#files.set(uri, { symbols, stories: storyEntries(uri, analysis, settings, (offsets) => toRange(document, offsets)) });
      this.#deps.changed?.();
    } catch (error) {
      this.#forget(uri);
      this.#deps.log(`STAR Notes: could not index ${path}: ${(error as Error).message}`);
    }
  }

  #forget(uri: string): void {
    if (this.#files.delete(uri)) this.#deps.changed?.();
  }
}
