import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import { storiesResult, storyEntries } from '../core/bank/bank';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../core/bank/report';
import type { StoriesResult, StoryEntry } from '../core/bank/types';
import type { Settings } from '../core/settings';
import { isInside } from '../runtime/files';
import { toRange } from './convert';

/** The story bank, for any client: every story of the workspace with its completeness, length, hints and question themes. */
export const STORIES_REQUEST = 'starNotes/stories';
/** The story bank's report, rendered by the server so every editor and the CLI show the same. */
export const REPORT_REQUEST = 'starNotes/report';
/** Sent when the stories the bank answers with may have changed (a file indexed or gone); clients ask again. */
export const STORIES_CHANGED_NOTIFICATION = 'starNotes/storiesChanged';

export interface StoriesParams {
  /** Only this document's stories, with the theme coverage of those alone. */
  uri?: string;
}

export interface ReportParams {
  /** `html` (default), `markdown` or `json`. */
  format?: ReportFormat;
}

interface Dependencies {
  /** Stories per file URI from the workspace index. */
  indexed: () => Iterable<[uri: string, stories: readonly StoryEntry[]]>;
  open: () => readonly TextDocument[];
  /** An open document's current analysis and settings; undefined when it is disabled or skipped. */
  analysisOf: (uri: string) => Promise<{ document: TextDocument; analysis: Analysis; settings: Settings } | undefined>;
  settings: (uri: string) => Promise<Settings>;
  /** Workspace folders as file paths: the bank's theme set is the first one's, and files are named relative to theirs. */
  folders: () => readonly string[];
}

/** A file URI by its path, so an index entry and the client's URI of the same open file meet, however each encodes it. */
function fileKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/**
 * `starNotes/stories` and `starNotes/report`, served from the workspace index, with the open
 * documents' own analyses in place of what the index read from disk: the bank shows what the
 * editor shows, unsaved edits included.
 */
export class StoryBank {
  readonly #deps: Dependencies;
  /** Entries of an open document per analysis: a new version or new settings make a new analysis. */
  readonly #entries = new WeakMap<Analysis, StoryEntry[]>();

  constructor(deps: Dependencies) {
    this.#deps = deps;
  }

  async stories(params: StoriesParams | null | undefined, token?: CancellationToken): Promise<StoriesResult> {
    const uri = typeof params?.uri === 'string' ? params.uri : undefined;
    const folders = this.#deps.folders();
    const themesFrom = uri ?? (folders.length > 0 ? pathToFileURL(folders[0]).href : '');
    const [settings, open] = await Promise.all([this.#deps.settings(themesFrom), this.#openEntries(uri)]);
    if (token?.isCancellationRequested) return { stories: [], themes: [] };
    const stories = [...open.values()].flat();
    const wanted = uri === undefined ? undefined : fileKey(uri);
    for (const [indexed, entries] of this.#deps.indexed()) {
      const key = fileKey(indexed);
      if (open.has(key) || (wanted !== undefined && key !== wanted)) continue;
      // Asked for by the client's URI, answered in it: the client compares them as strings.
      stories.push(...(uri === undefined ? entries : entries.map((entry) => ({ ...entry, uri }))));
    }
    stories.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line));
    return storiesResult(stories, settings.themes);
  }

  async report(params: ReportParams | null | undefined, token?: CancellationToken): Promise<string> {
    const format = REPORT_FORMATS.find((known) => known === params?.format) ?? 'html';
    const result = await this.stories({}, token);
    const folders = this.#deps.folders();
    return renderReport(result, format, {
      fileLabel: (uri) => {
        const path = fileKey(uri);
        const folder = folders.find((candidate) => isInside(candidate, path));
        return folder ? relative(folder, path) : path;
      },
      href: (story) => `${story.uri}#L${story.range.start.line + 1}`,
    });
  }

  /** Entries of the open documents (only `uri`'s when given), by file key. */
  async #openEntries(uri: string | undefined): Promise<Map<string, StoryEntry[]>> {
    const documents = this.#deps.open().filter((document) => uri === undefined || fileKey(document.uri) === fileKey(uri));
    const found = await Promise.all(documents.map((document) => this.#deps.analysisOf(document.uri)));
    const entries = new Map<string, StoryEntry[]>();
    for (const one of found) {
      if (!one) continue;
      let own = this.#entries.get(one.analysis);
      if (!own) {
        own = storyEntries(one.document.uri, one.analysis, one.settings, (offsets) => toRange(one.document, offsets));
        this.#entries.set(one.analysis, own);
      }
      entries.set(fileKey(one.document.uri), uri === undefined ? own : own.map((entry) => ({ ...entry, uri })));
    }
    return entries;
  }
}
