import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ErrorCodes, LSPErrorCodes, ResponseError, type ExecuteCommandParams, type FileSystemWatcher } from 'vscode-languageserver';
import { CSPELL_CONFIG_FILES, nearestCspellFile } from '../runtime/cspellConfig';
import { isInside } from '../runtime/files';
import { messageOf } from '../runtime/protocol';
import { addWordToFile, WordFileCache, wordProblem, workspaceWordsFile } from '../runtime/wordFiles';
import { ADD_WORD_COMMAND } from './spelling';

/** What `starNotes.spelling.addWord` answers: the file the word is in now, and whether it was added or already there. */
export interface AddWordResult {
  word: string;
  file: string;
  added: boolean;
}

interface Dependencies {
  /** Workspace folders as file paths. */
  workspaceFolders: () => readonly string[];
  /** The user's word file. */
  userFile: string;
  /** A cspell configuration was written: its words are to be read again and open documents checked again. */
  cspellFileWritten: () => void;
  /** The words of the word files changed: open documents are to be checked again. */
  wordsChanged: () => void;
  log: (message: string) => void;
}

/**
 * The spelling words that live in files: the command that adds one (from any LSP client, through
 * `workspace/executeCommand`), and the words of the user's word file and of each workspace
 * folder's `.star-notes/words.txt` for the spelling check. Workspace words go to the cspell
 * configuration the document's spelling reads when there is one, so Code Spell Checker and STAR
 * Notes share one list; else to `.star-notes/words.txt`.
 */
export class WordsProvider {
  readonly #deps: Dependencies;
  readonly #cache: WordFileCache;

  constructor(deps: Dependencies) {
    this.#deps = deps;
    this.#cache = new WordFileCache((file, message) => deps.log(`STAR Notes: the words of ${file} are not used: ${message}.`));
  }

  /** The word-file words for a document in `dir` (undefined: not a file): the user's, and its workspace folder's. */
  words(dir: string | undefined): readonly string[] {
    const user = this.#cache.words(this.#deps.userFile);
    const folder = dir === undefined ? undefined : this.#folderOf(dir);
    return folder === undefined ? user : [...user, ...this.#cache.words(workspaceWordsFile(folder))];
  }

  /**
   * Reads the word files that changed since they were last read, and has open documents checked
   * again when any did. It costs a `stat` a file, so it runs on every edit: clients that watch no
   * files still see words added by another server or by hand.
   */
  async refresh(): Promise<void> {
    const files = [{ file: this.#deps.userFile }, ...this.#deps.workspaceFolders().map((folder) => ({ file: workspaceWordsFile(folder), folder }))];
    if (await this.#cache.refresh(files)) this.#deps.wordsChanged();
  }

  /** File watchers for the word files and cspell configurations; the user's file only for clients that take a base folder. */
  watchers(relativePatterns: boolean): FileSystemWatcher[] {
    return [
      { globPattern: `**/{${CSPELL_CONFIG_FILES.join(',')}}` },
      { globPattern: '**/.star-notes/words.txt' },
      ...(relativePatterns ? [{ globPattern: { baseUri: pathToFileURL(dirname(this.#deps.userFile)).href, pattern: 'words.txt' } }] : []),
    ];
  }

  /** `starNotes.spelling.addWord(word, 'workspace' | 'user', documentUri)`. */
  async executeCommand(params: ExecuteCommandParams): Promise<AddWordResult> {
    if (params.command !== ADD_WORD_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `STAR Notes has no command ${params.command}.`);
    const [word, target = 'workspace', uri] = params.arguments ?? [];
    const problem = wordProblem(word);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `STAR Notes can't add that to the spelling words: ${problem}.`);
    if (target !== 'workspace' && target !== 'user') throw new ResponseError(ErrorCodes.InvalidParams, `STAR Notes adds words to "workspace" or "user" words, not ${JSON.stringify(target)}.`);
    if (uri !== undefined && typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'STAR Notes needs the document as a URI string.');
    const { file, folder, cspell } = await this.#destination(target, uri);
    let added: boolean;
    try {
      added = await addWordToFile(file, word as string, { folder });
    } catch (error) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `STAR Notes could not add "${word as string}": ${messageOf(error)}`);
    }
    if (cspell) this.#deps.cspellFileWritten();
    else await this.refresh();
    return { word: word as string, file, added };
  }

  /**
   * Where a word goes. Workspace words of a document in no workspace folder (a lone file, an
   * unsaved one) have no workspace to go to, so they go to the user's words.
   */
  async #destination(target: 'workspace' | 'user', uri: string | undefined): Promise<{ file: string; folder?: string; cspell?: boolean }> {
    const dir = uri?.startsWith('file:') ? dirname(fileURLToPath(uri)) : undefined;
    const folder = target === 'workspace' && dir !== undefined ? this.#folderOf(dir) : undefined;
    if (dir === undefined || folder === undefined) return { file: this.#deps.userFile };
    // The same search as the spelling check's, so the word lands in the list the document reads.
    const cspell = await nearestCspellFile(dir, folder);
    return cspell ? { file: cspell, folder, cspell: true } : { file: workspaceWordsFile(folder), folder };
  }

  /** The workspace folder holding `dir`, found as the spelling check finds it. */
  #folderOf(dir: string): string | undefined {
    return this.#deps.workspaceFolders().find((folder) => isInside(folder, dir));
  }
}
