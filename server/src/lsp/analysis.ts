import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyzer, type Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';
import { ParseGuard, skipReason } from '../core/parse/guards';

export type DocumentAnalysis = { skipped: string } | (Analysis & { skipped?: undefined });

/** How long an analysis runs before it lets waiting requests through. */
const SLICE_MS = 8;

interface Job {
  version: number;
  settings: Settings;
  result: Promise<DocumentAnalysis | undefined>;
  superseded: boolean;
}

interface Entry {
  /** Keeps the pieces, events and rule findings of the last version, so the next one redoes only what changed. */
  analyzer: DocumentAnalyzer;
  /** Keeps the last version's scan for what the parser can't take, so an edit rescans a few lines. */
  guard: ParseGuard;
  latest?: { version: number; settings: Settings; result: DocumentAnalysis };
  running?: Job;
}

/**
 * One analysis per document version and settings, shared by every provider. Analyses run in
 * slices between which other requests are answered, and a newer version supersedes a running one.
 */
export class AnalysisCache {
  readonly #entries = new Map<string, Entry>();

  /**
   * The analysis of this version, without blocking the server: undefined when a newer version
   * of the document was asked for before this one was done (its work so far is kept).
   */
  analyze(document: TextDocument, settings: Settings): Promise<DocumentAnalysis | undefined> {
    const entry = this.#entry(document.uri);
    const { latest, running } = entry;
    if (latest && latest.version === document.version && latest.settings === settings) return Promise.resolve(latest.result);
    if (running && running.version === document.version && running.settings === settings) return running.result;
    // Only a newer version supersedes: then whoever waits for the old one has no use for it.
    if (running && running.version !== document.version) running.superseded = true;
    const text = document.getText();
    const skipped = skipReason(text, settings, document.uri, entry.guard);
    if (skipped) {
      entry.latest = { version: document.version, settings, result: { skipped } };
      return Promise.resolve(entry.latest.result);
    }
    const job: Job = { version: document.version, settings, superseded: false, result: Promise.resolve(undefined) };
    job.result = this.#run(entry, job, text);
    entry.running = job;
    return job.result;
  }

  forget(uri: string): void {
    const running = this.#entries.get(uri)?.running;
    if (running) running.superseded = true;
    this.#entries.delete(uri);
  }

  #entry(uri: string): Entry {
    let entry = this.#entries.get(uri);
    if (!entry) {
      entry = { analyzer: new DocumentAnalyzer(), guard: new ParseGuard() };
      this.#entries.set(uri, entry);
    }
    return entry;
  }

  async #run(entry: Entry, job: Job, text: string): Promise<DocumentAnalysis | undefined> {
    try {
      const result = await inSlices(entry.analyzer.steps(text, job.settings), () => job.superseded);
      if (result) entry.latest = { version: job.version, settings: job.settings, result };
      return result;
    } finally {
      if (entry.running === job) entry.running = undefined;
    }
  }
}

/**
 * Runs steps to the end, a few milliseconds at a time, so that requests and notifications that
 * arrived meanwhile are handled in between. Undefined when `stop` says so between two slices.
 */
export async function inSlices<T>(steps: Generator<void, T>, stop: () => boolean): Promise<T | undefined> {
  let slice = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - slice < SLICE_MS) continue;
    await new Promise((resolve) => setImmediate(resolve));
    if (stop()) return undefined;
    slice = performance.now();
  }
}
