import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';
import { spellingFindings, SUGGESTIONS_SHOWN, type RepeatedWordData, type SpellingData } from '../core/spell/check';
import { isInside, nearestCspellWords, type CspellWords } from '../core/spell/cspellConfig';
import { SpellEngines, type EngineOptions, type SpellEngine } from '../core/spell/engine';
import { ignoreInFileEdit, replaceEdit } from '../core/spell/fixes';
import { isObvious } from '../core/spell/suggest';
import type { Finding } from '../core/types';
import { quickFix, workspaceEdit, type EditCapabilities } from './codeActions';
import { SOURCE } from './convert';
import type { FindingSource } from './diagnostics';

/** The client command behind "Add to workspace/user words": (word, 'workspace' | 'user', uri). */
export const ADD_WORD_COMMAND = 'starNotes.spelling.addWord';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.star-notes`;

interface Dependencies {
  /** Workspace folders as file paths: relative dictionary paths and cspell files resolve within them. */
  workspaceFolders: () => readonly string[];
  warn: (message: string) => void;
}

/**
 * Spelling in the editor: a slow-at-first `FindingSource` (dictionaries load in the
 * background; STAR findings don't wait) and the quick fixes for its findings.
 */
export class SpellingProvider {
  readonly #deps: Dependencies;
  readonly #engines = new SpellEngines();
  /** Nearest cspell configuration per folder, until a watched cspell file changes. */
  readonly #cspell = new Map<string, Promise<CspellWords | undefined>>();
  readonly #cspellReady = new Map<string, CspellWords | undefined>();
  readonly #warned = new Set<string>();

  constructor(deps: Dependencies) {
    this.#deps = deps;
  }

  /** Starts loading the dictionaries so the first document doesn't wait for them. */
  warmUp(settings: Settings): Promise<unknown> {
    return this.#engines.warmUp(this.#engineOptions(settings, undefined)).catch((error) => this.#warnOnce(String(error)));
  }

  cspellFilesChanged(): void {
    this.#cspell.clear();
    this.#cspellReady.clear();
  }

  readonly source: FindingSource = (document, analysis, settings) => {
    if (!settings.spelling.enabled) return [];
    const options = this.#engineOptions(settings, document.uri);
    const folder = folderOf(document.uri);
    const engine = this.#engines.ready(options);
    if (engine && (!folder || this.#cspellReady.has(folder))) {
      return this.#findings(engine, analysis, settings, folder ? this.#cspellReady.get(folder) : undefined);
    }
    return (async () => {
      const [loaded, cspell] = await Promise.all([this.#engine(options), folder ? this.#cspellWords(folder) : undefined]);
      return loaded ? this.#findings(loaded, analysis, settings, cspell) : [];
    })();
  };

  async codeActions(document: TextDocument, analysis: Analysis, params: CodeActionParams, settings: Settings, capabilities: EditCapabilities): Promise<CodeAction[]> {
    const only = params.context.only;
    const wantsQuickFixes = !only || only.some((kind) => CodeActionKind.QuickFix.startsWith(kind));
    const wantsFixAll = !!only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind !== '');
    if (!settings.spelling.enabled && !wantsFixAll) return [];
    const engine = await this.#engine(this.#engineOptions(settings, document.uri));
    if (!engine) return [];
    const actions: CodeAction[] = [];
    if (wantsQuickFixes) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== SOURCE) continue;
        if (diagnostic.code === 'spelling') actions.push(...this.#spellingFixes(document, analysis, diagnostic, engine, capabilities));
        if (diagnostic.code === 'repeated-word') {
          const data = diagnostic.data as RepeatedWordData | undefined;
          if (data?.remove) actions.push(quickFix(`Remove repeated "${data.word}"`, document, [{ range: data.remove, text: '' }], diagnostic, capabilities, true));
        }
      }
    }
    if (wantsFixAll) {
      const folder = folderOf(document.uri);
      const findings = this.#findings(engine, analysis, settings, folder ? await this.#cspellWords(folder) : undefined);
      const action = fixAllAction(document, findings, engine, capabilities);
      if (action) actions.push(action);
    }
    return actions;
  }

  #spellingFixes(document: TextDocument, analysis: Analysis, diagnostic: Diagnostic, engine: SpellEngine, capabilities: EditCapabilities): CodeAction[] {
    const range = [document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end)] as const;
    const word = (diagnostic.data as SpellingData | undefined)?.word ?? document.getText().slice(range[0], range[1]);
    const actions = engine
      .suggest(word)
      .slice(0, SUGGESTIONS_SHOWN)
      .map((suggestion, i) => quickFix(`Change to "${suggestion.word}"`, document, [replaceEdit(range, suggestion.word)], diagnostic, capabilities, i === 0));
    const addWord = (title: string, target: 'workspace' | 'user'): CodeAction => ({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title, command: ADD_WORD_COMMAND, arguments: [word, target, document.uri] },
    });
    actions.push(
      addWord(`Add "${word}" to workspace words`, 'workspace'),
      addWord(`Add "${word}" to user words`, 'user'),
      quickFix(`Ignore "${word}" in this file`, document, [ignoreInFileEdit(document.getText(), analysis.doc.root, word)], diagnostic, capabilities),
    );
    return actions;
  }

  #findings(engine: SpellEngine, analysis: Analysis, settings: Settings, cspell: CspellWords | undefined): Finding[] {
    const { words, userWords, ignoreWords } = settings.spelling;
    const accepted = new Set([...words, ...userWords, ...ignoreWords, ...(cspell?.words ?? [])].map((word) => word.toLowerCase()));
    return spellingFindings(analysis, engine, settings, accepted);
  }

  async #engine(options: EngineOptions): Promise<SpellEngine | undefined> {
    try {
      const engine = await this.#engines.get(options);
      for (const error of engine.errors()) this.#warnOnce(`STAR Notes: a spelling dictionary could not be read: ${error}`);
      return engine;
    } catch (error) {
      this.#warnOnce(`STAR Notes: spelling is off, the dictionaries did not load: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  #cspellWords(folder: string): Promise<CspellWords | undefined> {
    let found = this.#cspell.get(folder);
    if (!found) {
      const root = this.#deps.workspaceFolders().find((workspace) => isInside(workspace, folder));
      found = nearestCspellWords(folder, root ?? folder).then((words) => {
        if (words?.error) this.#warnOnce(`STAR Notes: could not read ${words.file}: ${words.error}`);
        this.#cspellReady.set(folder, words);
        return words;
      });
      this.#cspell.set(folder, found);
    }
    return found;
  }

  #engineOptions(settings: Settings, uri: string | undefined): EngineOptions {
    const base = (uri && this.#deps.workspaceFolders().find((workspace) => isInside(workspace, folderOf(uri) ?? ''))) ?? this.#deps.workspaceFolders()[0];
    const dictionaries = settings.spelling.dictionaries.map((path) => (isAbsolute(path) || !base ? resolve(path) : join(base, path)));
    return { language: settings.spelling.language, dictionaries };
  }

  #warnOnce(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    this.#deps.warn(message);
  }
}

/** One edit for every typo whose correction is unambiguous, and every repeated word. */
function fixAllAction(document: TextDocument, findings: readonly Finding[], engine: SpellEngine, capabilities: EditCapabilities): CodeAction | undefined {
  const edits = findings.flatMap((finding) => {
    if (finding.code === 'repeated-word') return [{ range: (finding.data as RepeatedWordData).remove, text: '' }];
    if (finding.code !== 'spelling') return [];
    const suggestions = engine.suggest((finding.data as SpellingData).word);
    return isObvious(suggestions) ? [replaceEdit(finding.range, suggestions[0].word)] : [];
  });
  const ordered = edits.sort((a, b) => a.range[0] - b.range[0]).filter((edit, i, all) => i === 0 || edit.range[0] >= all[i - 1].range[1]);
  if (ordered.length === 0) return undefined;
  return { title: 'Fix all obvious typos', kind: FIX_ALL_KIND, edit: workspaceEdit(document, ordered, capabilities) };
}

function folderOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? dirname(fileURLToPath(uri)) : undefined;
}
