import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../core/settings';
import { byPosition, type Finding } from '../core/findings';
import { capFindings } from '../core/limits';
import type { AnalysisCache, DocumentAnalysis } from './analysis';
import { SEVERITY, SOURCE, toRange } from './convert';
import { ruleDocLink } from './ruleDocs';

/** Findings beyond the STAR rules (spelling); may be slow the first time, so may be async. */
export type FindingSource = (document: TextDocument, analysis: Exclude<DocumentAnalysis, { skipped: string }>, settings: Settings) => Finding[] | Promise<Finding[]>;

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const href = ruleDocLink(finding.code);
  return {
    range: toRange(document, finding.range),
    severity: finding.severity === 'off' ? undefined : SEVERITY[finding.severity],
    code: finding.code,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: finding.message,
    data: finding.data,
  };
}

interface Dependencies {
  connection: Connection;
  analyses: AnalysisCache;
  settings: (uri: string) => Promise<Settings>;
  sources: readonly FindingSource[];
  document: (uri: string) => TextDocument | undefined;
  /** Told once per document version that was skipped, and why. */
  onSkip: (document: TextDocument, reason: string) => void;
}

/**
 * Pushes `publishDiagnostics` with the version they describe. Edits are debounced; a newer
 * version makes older work drop its result. Slow sources (spelling while dictionaries load)
 * don't hold back STAR findings: those are published first, the rest when ready.
 */
export class DiagnosticsProvider {
  static readonly DEBOUNCE_MS = 120;
  /** How long STAR findings wait for slow sources before they are published alone. */
  static readonly QUICK_MS = 50;
  readonly #deps: Dependencies;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** Documents with diagnostics on screen, which an edit should not make flicker. */
  readonly #shown = new Set<string>();

  constructor(deps: Dependencies) {
    this.#deps = deps;
  }

  schedule(uri: string, delay = DiagnosticsProvider.DEBOUNCE_MS): void {
    clearTimeout(this.#timers.get(uri));
    this.#timers.set(
      uri,
      setTimeout(() => {
        this.#timers.delete(uri);
        void this.publish(uri);
      }, delay),
    );
  }

  cancel(uri: string): void {
    clearTimeout(this.#timers.get(uri));
    this.#timers.delete(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    this.#shown.delete(uri);
    void this.#deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  async publish(uri: string): Promise<void> {
    const { connection, document: get } = this.#deps;
    try {
      const document = get(uri);
      if (!document) return;
      const version = document.version;
      const isCurrent = () => get(uri)?.version === version;
      const settings = await this.#deps.settings(uri);
      if (!isCurrent()) return;
      const send = (findings: readonly Finding[]) => {
        this.#shown.add(uri);
        return connection.sendDiagnostics({ uri, version, diagnostics: shown(findings, settings).map((finding) => toDiagnostic(document, finding)) });
      };
      const result = await this.#collect(document, settings);
      if (!isCurrent()) return;
      if (!result) return void send([]);
      if (result.pending.length === 0) return void send(result.ready);
      const pending = Promise.all(result.pending);
      // On an edit, a quick answer (the spelling worker re-checking one block) joins the first publish: no flicker.
      const quick = this.#shown.has(uri) ? await within(pending, DiagnosticsProvider.QUICK_MS) : undefined;
      if (quick) return void (isCurrent() && send(sorted([...result.ready, ...quick.flat()])));
      if (isCurrent()) void send(result.ready);
      const late = (await pending).flat();
      if (isCurrent()) void send(sorted([...result.ready, ...late]));
    } catch (error) {
      connection.console.error(`STAR Notes: checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** Every finding for a document, waiting for slow sources (pull diagnostics, CLI-like callers). */
  async findings(document: TextDocument): Promise<Finding[]> {
    const settings = await this.#deps.settings(document.uri);
    const result = await this.#collect(document, settings);
    if (!result) return [];
    return shown([...result.ready, ...(await Promise.all(result.pending)).flat()], settings);
  }

  async #collect(document: TextDocument, settings: Settings): Promise<{ ready: Finding[]; pending: Promise<Finding[]>[] } | undefined> {
    if (!settings.enable) return undefined;
    // Undefined when a newer version superseded this one; that version gets its own check.
    const analysis = await this.#deps.analyses.analyze(document, settings);
    if (!analysis) return undefined;
    if (analysis.skipped !== undefined) {
      this.#deps.onSkip(document, analysis.skipped);
      return undefined;
    }
    // Sources start after a turn of the event loop: even their quick part (spelling's prose) never holds back STAR findings.
    const turn = new Promise<void>((resolve) => setImmediate(resolve));
    const pending = this.#deps.sources.map((source) => turn.then(() => source(document, analysis, settings)));
    return { ready: sorted([...analysis.findings]), pending };
  }
}

/** The promise's value if it settles within `ms`, else undefined. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the editor shows: capped, with the rest counted (core/limits.ts). */
function shown(findings: readonly Finding[], settings: Settings): Finding[] {
  return capFindings(findings, settings.maxProblems, settings.severity['more-findings'] ?? 'information');
}

function sorted(findings: Finding[]): Finding[] {
  return findings.sort(byPosition);
}
