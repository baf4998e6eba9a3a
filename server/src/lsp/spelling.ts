import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';
import { acceptedWords, spellingFindings, SUGGESTIONS_SHOWN, type RepeatedWordData, type SpellingData, type WordChecker } from '../core/spell/check';
import type { CspellWords } from '../runtime/cspellConfig';
import { isInside, isReallyInside } from '../runtime/files';
import type { EngineOptions } from '../runtime/engine';
import { ignoreInFileEdit, replaceEdit } from '../core/spell/fixes';
import { proseBlocks, type ProseBlock } from '../core/spell/prose';
import { messageOf } from '../runtime/protocol';
import { isObvious, type Suggestion } from '../core/spell/suggest';
import { Spellers, type Speller } from '../runtime/workerClient';
import type { Finding } from '../core/findings';
import { quickFix, workspaceEdit, type EditCapabilities } from './codeActions';
import { SOURCE, toOffsets } from './convert';
import type { FindingSource } from './diagnostics';

/** The client command behind "Add to workspace/user words": (word, 'workspace' | 'user', uri). */
export const ADD_WORD_COMMAND = 'starNotes.spelling.addWord';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.star-notes`;

interface Dependencies {
  /** Workspace folders as file paths: relative dictionary paths and cspell files resolve within them. */
  workspaceFolders: () => readonly string[];
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

  constructor(deps: Dependencies) {
    this.#deps = deps;
    this.#spellers = new Spellers(deps.log);
  }

  /** Starts loading the dictionaries so the first document doesn't wait for them. */
  warmUp(settings: Settings): Promise<unknown> {
    return this.#ready(this.#spellers.get(this.#engineOptions(settings, undefined)));
  }

  dispose(): void {
    this.#spellers.dispose();
  }

  cspellFilesChanged(): void {
    this.#cspell.clear();
    this.#cspellReady.clear();
  }

  readonly source: FindingSource = (document, analysis, settings) => {
    if (!settings.spelling.enabled) return [];
    const speller = this.#spellers.get(this.#engineOptions(settings, document.uri));
    const folder = folderOf(document.uri);
    const blocks = proseBlocks(analysis.doc.text, analysis.doc.root);
    const checked = speller.checked(blocks.map((block) => block.text));
    if (checked && (!folder || this.#cspellReady.has(folder))) {
      return this.#findings(checked, analysis, settings, folder ? this.#cspellReady.get(folder) : undefined, blocks);
    }
    return this.#checked(speller, analysis, settings, folder, blocks).catch((error: unknown) => {
      this.#deps.log(`STAR Notes: spelling of ${document.uri} not checked: ${messageOf(error)}`);
      return [];
    });
  };

  async codeActions(document: TextDocument, analysis: Analysis, params: CodeActionParams, settings: Settings, capabilities: EditCapabilities): Promise<CodeAction[]> {
    const only = params.context.only;
    const wantsQuickFixes = !only || only.some((kind) => CodeActionKind.QuickFix.startsWith(kind));
    const wantsFixAll = !!only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind !== '');
    if (!settings.spelling.enabled && !wantsFixAll) return [];
    const speller = this.#spellers.get(this.#engineOptions(settings, document.uri));
    if (!(await this.#ready(speller))) return [];
    const actions: CodeAction[] = [];
    if (wantsQuickFixes) {
      const typos = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE && diagnostic.code === 'spelling');
      const words = typos.map((diagnostic) => wordOf(document, diagnostic));
      const suggestions = new Map((await speller.suggestions(words)).map((found, i) => [words[i], found]));
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
      }
    }
    if (wantsFixAll) {
      const findings = await this.#checked(speller, analysis, settings, folderOf(document.uri), proseBlocks(analysis.doc.text, analysis.doc.root));
      const action = await fixAllAction(document, findings, speller, capabilities);
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
  async #checked(speller: Speller, analysis: Analysis, settings: Settings, folder: string | undefined, blocks: readonly ProseBlock[]): Promise<Finding[]> {
    if (!(await this.#ready(speller))) return [];
    const [checker, cspell] = await Promise.all([speller.check(blocks.map((block) => block.text)), folder ? this.#cspellWords(speller, folder) : undefined]);
    return this.#findings(checker, analysis, settings, cspell, blocks);
  }

  #findings(checker: WordChecker, analysis: Analysis, settings: Settings, cspell: CspellWords | undefined, blocks: readonly ProseBlock[]): Finding[] {
    return spellingFindings(analysis, checker, settings, acceptedWords(settings.spelling, cspell?.words), blocks);
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
    return { language: settings.spelling.language, dictionaries };
  }

  #warnOnce(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    this.#deps.warn(message);
  }
}

/** One edit for every typo whose correction is unambiguous, and every repeated word. */
async function fixAllAction(document: TextDocument, findings: readonly Finding[], speller: Speller, capabilities: EditCapabilities): Promise<CodeAction | undefined> {
  const typos = findings.filter((finding) => finding.code === 'spelling');
  const corrections = await speller.suggestions(typos.map((finding) => (finding.data as SpellingData).word));
  const edits = [
    ...findings.filter((finding) => finding.code === 'repeated-word').map((finding) => ({ range: (finding.data as RepeatedWordData).remove, text: '' })),
    ...typos.flatMap((finding, i) => (isObvious(corrections[i]) ? [replaceEdit(finding.range, corrections[i][0].word)] : [])),
  ];
  const ordered = edits.sort((a, b) => a.range[0] - b.range[0]).filter((edit, i, all) => i === 0 || edit.range[0] >= all[i - 1].range[1]);
  if (ordered.length === 0) return undefined;
  return { title: 'Fix all obvious typos', kind: FIX_ALL_KIND, edit: workspaceEdit(document, ordered, capabilities) };
}

function wordOf(document: TextDocument, diagnostic: Diagnostic): string {
  return (diagnostic.data as SpellingData | undefined)?.word ?? document.getText(diagnostic.range);
}

function folderOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? dirname(fileURLToPath(uri)) : undefined;
}
