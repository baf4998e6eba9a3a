import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';
import { skipReason } from '../core/skip';

export type DocumentAnalysis = { skipped: string } | (Analysis & { skipped?: undefined });

/** One analysis per document version and settings, shared by every provider. */
export class AnalysisCache {
  readonly #entries = new Map<string, { version: number; settings: Settings; result: DocumentAnalysis }>();

  get(document: TextDocument, settings: Settings): DocumentAnalysis {
    const cached = this.#entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.result;
    const text = document.getText();
    const skipped = skipReason(text, settings);
    const result: DocumentAnalysis = skipped ? { skipped } : analyze(text, settings);
    this.#entries.set(document.uri, { version: document.version, settings, result });
    return result;
  }

  forget(uri: string): void {
    this.#entries.delete(uri);
  }
}
