import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';
import { acceptedWords, spellingCheck, SUGGESTIONS_SHOWN, type MixedDialectData, type RepeatedWordData, type SpellingData, type SpellingResult, type WordChecker } from '../core/spell/check';
import { DIALECT_NAMES, type DialectChoice } from '../core/spell/dialect';
import type { Dialect } from '../core/settings';
import type { CspellWords } from '../runtime/cspellConfig';
import { isInside, isReallyInside } from '../runtime/files';
import type { EngineOptions } from '../runtime/engine';
import { ignoreInFileEdit, obviousFixes, replaceEdit, typoWords } from '../core/spell/fixes';
import { ProseCache, proseTexts, type Prose } from '../core/spell/pieces';
import { messageOf } from '../runtime/protocol';
import type { Suggestion } from '../core/spell/suggest';
import { Spellers, type Speller } from '../runtime/workerClient';
import type { Finding } from '../core/findings';
import type { OffsetRange } from '../core/text';
import { quickFix, workspaceEdit, type EditCapabilities } from './codeActions';
import { SOURCE, toOffsets } from './convert';
import type { FindingSource } from './diagnostics';

/** The command behind "Add to workspace/user words": (word, 'workspace' | 'user', uri); the server runs it (lsp/words.ts). */
export const ADD_WORD_COMMAND = 'starNotes.spelling.addWord';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.star-notes`;

interface Dependencies {
  /** Workspace folders as file paths: relative dictionary paths and cspell files resolve within them. */
  workspaceFolders: () => readonly string[];
  /** The words of the word files for documents in `folder` (undefined: not a file), accepted like `starNotes.spelling.words`. */
  wordFileWords: (folder: string | undefined) => readonly string[];
  warn: (message: string) => void;
  log: (message: string) => void;
}

/**
 * Spelling in the editor: a `FindingSource` whose dictionaries live in a worker thread
 * (STAR findings and other requests never wait for them), and the quick fixes for its findings.
 */
export class SpellingProvider {
  readonly #deps: Dependencies;
  readonly #spellers: Spellers;
  /** Nearest cspell configuration per folder, until a watched cspell file changes. */
  readonly #cspell = new Map<string, Promise<CspellWords | undefined>>();
  readonly #cspellReady = new Map<string, CspellWords | undefined>();
  readonly #warned = new Set<string>();
  /** The dialect each open document was last checked in, for the hover and for suggestions, and where its spelling findings are. */
  readonly #dialects = new Map<string, DialectChoice & { words: readonly OffsetRange[] }>();
  /** Each open document's prose, piece by piece, so an edit works out the prose of one piece. */
  readonly #prose = new Map<string, ProseCache>();

  constructor(deps: Dependencies) {
    this.#deps = deps;
    this.#spellers = new Spellers(deps.log);
  }

  /** Starts loading the dictionaries so the first document doesn't wait for them. */
  warmUp(settings: Settings): Promise<unknown> {
    if (!settings.spelling.enabled) return Promise.resolve();
    return this.#ready(this.#spellers.get(this.#engineOptions(settings, undefined)));
  }

  dispose(): void {
    this.#spellers.dispose();
  }

  forget(uri: string): void {
    this.#dialects.delete(uri);
    this.#prose.delete(uri);
  }

  #proseOf(uri: string, analysis: Analysis): Prose {
    let cache = this.#prose.get(uri);
    if (!cache) this.#prose.set(uri, (cache = new ProseCache()));
    return cache.of(analysis);
  }

  /** On a spelling finding: the dialect the note was checked in, and why. */
  hover(uri: string, offset: number): { markdown: string; range: OffsetRange } | undefined {
    const choice = this.#dialects.get(uri);
    const range = choice?.words.find(([start, end]) => start <= offset && offset <= end);
    if (!choice || !range) return undefined;
    return { markdown: `Spelling checked in **${DIALECT_NAMES[choice.dialect]}** (${choice.dialect}): ${choice.reason}.`, range };
  }

  cspellFilesChanged(): void {
    this.#cspell.clear();
    this.#cspellReady.clear();
  }

  readonly source: FindingSource = (document, analysis, settings) => {
    if (!settings.spelling.enabled) return [];
    const speller = this.#spellers.get(this.#engineOptions(settings, document.uri));
    const folder = folderOf(document.uri);
    const prose = this.#proseOf(document.uri, analysis);
    const checked = speller.checked(proseTexts(prose));
    if (checked && (!folder || this.#cspellReady.has(folder))) {
      return this.#published(document.uri, speller, this.#findings(checked, analysis, settings, folder ? this.#cspellReady.get(folder) : undefined, prose, folder));
    }
    return this.#checked(speller, analysis, settings, folder, prose).then(
      (result) => this.#published(document.uri, speller, result),
      (error: unknown) => {
        this.#deps.log(`STAR Notes: spelling of ${document.uri} not checked: ${messageOf(error)}`);
        return [];
      },
    );
  };

  /** Notes the dialect (telling the output channel when it changes) and has the corrections worked out ahead. */
  #published(uri: string, speller: Speller, { findings, dialect }: SpellingResult): Finding[] {
    const before = this.#dialects.get(uri);
    if (before?.dialect !== dialect.dialect) this.#deps.log(`STAR Notes: ${uri} is checked in ${DIALECT_NAMES[dialect.dialect]}: ${dialect.reason}.`);
    const words = findings.flatMap((finding) => (finding.code === 'spelling' || finding.code === 'mixed-dialect' ? [finding.range] : []));
    this.#dialects.set(uri, { ...dialect, words });
    const unsuggested = findings.flatMap((finding) => (finding.code === 'spelling' && !(finding.data as SpellingData).suggestions ? [(finding.data as SpellingData).word] : []));
    speller.prefetch(unsuggested, dialect.dialect);
    return findings;
  }

  async codeActions(document: TextDocument, analysis: Analysis, params: CodeActionParams, settings: Settings, capabilities: EditCapabilities): Promise<CodeAction[]> {
    const only = params.context.only;
    const wantsQuickFixes = !only || only.some((kind) => CodeActionKind.QuickFix.startsWith(kind));
    const wantsFixAll = !!only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind !== '');
    if (!settings.spelling.enabled) return [];
    const speller = this.#spellers.get(this.#engineOptions(settings, document.uri));
    if (!(await this.#ready(speller))) return [];
    const actions: CodeAction[] = [];
    if (wantsQuickFixes) {
      const typos = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE && diagnostic.code === 'spelling');
      const words = typos.map((diagnostic) => wordOf(document, diagnostic));
      const dialect = this.#dialectOf(document.uri, typos[0]);
      const suggestions = new Map((await speller.suggestions(words, dialect)).map((found, i) => [words[i], found]));
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== SOURCE) continue;
        if (diagnostic.code === 'spelling') {
          const word = wordOf(document, diagnostic);
          actions.push(...this.#spellingFixes(document, analysis, diagnostic, word, suggestions.get(word) ?? [], capabilities));
        }
        if (diagnostic.code === 'repeated-word') {
          const data = diagnostic.data as RepeatedWordData | undefined;
          if (data?.remove) actions.push(quickFix(`Remove repeated "${data.word}"`, document, [{ range: data.remove, text: '' }], diagnostic, capabilities, true));
        }
        if (diagnostic.code === 'mixed-dialect') {
          const data = diagnostic.data as MixedDialectData | undefined;
          if (!data?.edits) continue;
          actions.push(quickFix(`Change to "${data.respelled}"`, document, [replaceEdit(toOffsets(document, diagnostic.range), data.respelled)], diagnostic, capabilities, data.edits.length === 1));
          if (data.edits.length > 1) actions.push(quickFix(`Spell it one way: ${data.edits.length} changes`, document, data.edits, diagnostic, capabilities, true));
        }
      }
    }
    if (wantsFixAll) {
      const { findings, dialect } = await this.#checked(speller, analysis, settings, folderOf(document.uri), this.#proseOf(document.uri, analysis));
      const action = await fixAllAction(document, findings, speller, dialect.dialect, capabilities);
      if (action) actions.push(action);
    }
    return actions;
  }

  #spellingFixes(document: TextDocument, analysis: Analysis, diagnostic: Diagnostic, word: string, suggestions: readonly Suggestion[], capabilities: EditCapabilities): CodeAction[] {
    const range = toOffsets(document, diagnostic.range);
    const actions = suggestions
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

  /** Findings once the dictionaries answered for the blocks they had not seen; none if they did not load. */
  async #checked(speller: Speller, analysis: Analysis, settings: Settings, folder: string | undefined, prose: Prose): Promise<SpellingResult> {
    if (!(await this.#ready(speller))) return { findings: [], dialect: { dialect: 'en-US', reason: 'the dictionaries did not load' } };
    const [checker, cspell] = await Promise.all([speller.check(proseTexts(prose)), folder ? this.#cspellWords(speller, folder) : undefined]);
    return this.#findings(checker, analysis, settings, cspell, prose, folder);
  }

  #findings(checker: WordChecker, analysis: Analysis, settings: Settings, cspell: CspellWords | undefined, prose: Prose, folder: string | undefined): SpellingResult {
    return spellingCheck(analysis, checker, settings, acceptedWords(settings.spelling, [...(cspell?.words ?? []), ...this.#deps.wordFileWords(folder)]), prose);
  }

  #dialectOf(uri: string, diagnostic: Diagnostic | undefined): Dialect {
    return (diagnostic?.data as SpellingData | undefined)?.dialect ?? this.#dialects.get(uri)?.dialect ?? 'en-US';
  }

  /** Whether the dictionaries loaded, telling the user (once) of any that could not be read. */
  async #ready(speller: Speller): Promise<boolean> {
    try {
      for (const error of await speller.ready()) this.#warnOnce(`STAR Notes: a spelling dictionary could not be read: ${error}`);
      return true;
    } catch (error) {
      this.#warnOnce(`STAR Notes: spelling is off: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  #cspellWords(speller: Speller, folder: string): Promise<CspellWords | undefined> {
    let found = this.#cspell.get(folder);
    if (!found) {
      const root = this.#deps.workspaceFolders().find((workspace) => isInside(workspace, folder));
      found = speller.cspellWords(folder, root ?? folder).then(
        (words) => {
          if (words?.error) this.#warnOnce(`STAR Notes: could not read ${words.file}: ${words.error}`);
          this.#cspellReady.set(folder, words);
          return words;
        },
        (error: unknown) => {
          this.#cspell.delete(folder);
          throw error;
        },
      );
      this.#cspell.set(folder, found);
    }
    return found;
  }

  #engineOptions(settings: Settings, uri: string | undefined): EngineOptions {
    const base = (uri && this.#deps.workspaceFolders().find((workspace) => isInside(workspace, folderOf(uri) ?? ''))) ?? this.#deps.workspaceFolders()[0];
    const dictionaries = settings.spelling.dictionaries.flatMap((path) => {
      const full = isAbsolute(path) || !base ? resolve(path) : join(base, path);
      if (!base || isReallyInside(base, full)) return [full];
      this.#warnOnce(`starNotes.spelling.dictionaries: "${path}" leads outside the workspace through a link; ignored.`);
      return [];
    });
    return { dictionaries };
  }

  #warnOnce(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    this.#deps.warn(message);
  }
}

/** One edit for every typo whose correction is unambiguous, and every repeated word. */
async function fixAllAction(document: TextDocument, findings: readonly Finding[], speller: Speller, dialect: Dialect, capabilities: EditCapabilities): Promise<CodeAction | undefined> {
  const corrections = await speller.suggestions(typoWords(findings), dialect);
  const edits = obviousFixes(document.getText(), findings, corrections);
  if (edits.length === 0) return undefined;
  return { title: 'Fix all obvious typos', kind: FIX_ALL_KIND, edit: workspaceEdit(document, edits, capabilities) };
}

function wordOf(document: TextDocument, diagnostic: Diagnostic): string {
  return (diagnostic.data as SpellingData | undefined)?.word ?? document.getText(diagnostic.range);
}

function folderOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? dirname(fileURLToPath(uri)) : undefined;
}
