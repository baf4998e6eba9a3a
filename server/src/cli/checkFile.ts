import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyze, type Analysis } from '../core/analyze';
import { reorderEdit } from '../core/features/fixes';
import { byPosition, type Finding } from '../core/findings';
import { isComplete, storyProgress } from '../core/model/progress';
import { skipReason } from '../core/parse/guards';
import type { Dialect, Settings } from '../core/settings';
import { acceptedWords, spellingCheck, unknownWordMessage, type RepeatedWordData, type SpellingData } from '../core/spell/check';
import { obviousFixes, typoWords } from '../core/spell/fixes';
import { LineIndex } from '../core/text';
import { nearestCspellWords, type CspellWords } from '../runtime/cspellConfig';
import { SpellEngines, type SpellEngine } from '../runtime/engine';
import { parseWordFile, userWordsFile, workspaceWordsFile } from '../runtime/wordFiles';

/** The settings of one file: what its config file says, with the command line's overrides. Plain data, so it crosses to a worker. */
export interface FileSettings {
  settings: Settings;
  /** Extra word lists, absolute paths. */
  dictionaries: string[];
}

/** A finding as a report shows it: 1-based lines and columns (UTF-16 code units, as in editors and SARIF). */
export interface Reported {
  code: string;
  severity: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CheckResult {
  findings: Reported[];
  /** Why the file was not checked (too large, binary …). */
  skipped?: string;
  stories: number;
  complete: number;
  /** Problems with what the check read besides the file (a word list, a cspell file): said once by the caller. */
  notices: string[];
}

export interface FixResult {
  text: string;
  typos: number;
  repeated: number;
  reordered: number;
  notices: string[];
}

/**
 * What a checker keeps between files: the dictionaries (seconds to load, so once per set of
 * extra word lists) and each folder's word files and cspell words, which every file in the
 * folder shares.
 */
export class Checker {
  readonly #engines = new SpellEngines();
  readonly #cspell = new Map<string, Promise<CspellWords | undefined>>();
  readonly #wordFiles = new Map<string, string[]>();

  async check(file: string, text: string, { settings, dictionaries }: FileSettings): Promise<CheckResult> {
    const notices: string[] = [];
    const skipped = skipReason(text, settings);
    if (skipped) return { findings: [], skipped, stories: 0, complete: 0, notices };
    const analysis = analyze(text, settings);
    const spelling = await this.#spelling(file, analysis, settings, dictionaries, notices);
    const lines = new LineIndex(text);
    const position = (offset: number) => {
      const line = lines.lineAt(offset);
      return { line: line + 1, column: offset - lines.lineStart(line) + 1 };
    };
    const findings = [...analysis.findings, ...(spelling?.findings ?? [])].sort(byPosition).map(({ code, severity, message, range }): Reported => {
      const start = position(range[0]);
      const end = position(range[1]);
      return { code, severity, message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    });
    const { stories } = analysis.doc;
    const complete = stories.filter((story) => isComplete(storyProgress(story, text, settings))).length;
    return { findings, stories: stories.length, complete, notices };
  }

  /**
   * The safe fixes, applied until none is left: obvious typos and repeated words first, then
   * each out-of-order story's sections put in order. A fix is made only where its finding is
   * reported, so a code turned off is never fixed. Rounds are few: each fix removes its finding.
   */
  async fix(file: string, text: string, { settings, dictionaries }: FileSettings): Promise<FixResult> {
    const result: FixResult = { text, typos: 0, repeated: 0, reordered: 0, notices: [] };
    if (skipReason(text, settings)) return result;
    for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
      const before = result.text;
      const analysis = analyze(result.text, settings);
      const spelling = await this.#spelling(file, analysis, settings, dictionaries, result.notices);
      if (spelling) {
        const { findings, engine, dialect } = spelling;
        const edits = obviousFixes(result.text, findings, typoWords(findings).map((word) => engine.suggest(word, dialect)));
        for (const edit of [...edits].reverse()) result.text = result.text.slice(0, edit.range[0]) + edit.text + result.text.slice(edit.range[1]);
        const removals = new Set(findings.flatMap((finding) => (finding.code === 'repeated-word' ? [String((finding.data as RepeatedWordData).remove)] : [])));
        const repeated = edits.filter((edit) => edit.text === '' && removals.has(String(edit.range))).length;
        result.repeated += repeated;
        result.typos += edits.length - repeated;
      }
      // Reordering moves whole sections: one story a round, on a fresh analysis, so no offsets go stale.
      if (result.text === before) {
        for (const story of analysis.doc.stories) {
          const told = analysis.findings.some((finding) => finding.code === 'out-of-order' && story.range[0] <= finding.range[0] && finding.range[1] <= story.range[1]);
          const edit = told ? reorderEdit(analysis.doc, story) : undefined;
          if (!edit) continue;
          result.text = result.text.slice(0, edit.range[0]) + edit.text + result.text.slice(edit.range[1]);
          result.reordered++;
          break;
        }
      }
      if (result.text === before) break;
    }
    return result;
  }

  /** Spelling findings, each naming its best correction: a report is read once, so it says it all. */
  async #spelling(file: string, analysis: Analysis, settings: Settings, dictionaries: string[], notices: string[]): Promise<{ findings: Finding[]; engine: SpellEngine; dialect: Dialect } | undefined> {
    if (!settings.spelling.enabled) return undefined;
    const engine = await this.#engines.get({ dictionaries });
    notices.push(...engine.errors());
    const folder = dirname(file);
    const cspell = await this.#cspellWords(folder);
    if (cspell?.error) notices.push(`${cspell.file}: ${cspell.error}`);
    const accepted = acceptedWords(settings.spelling, [...(cspell?.words ?? []), ...this.#wordFileWords(folder)]);
    const { findings, dialect } = spellingCheck(analysis, engine, settings, accepted);
    return {
      engine,
      dialect: dialect.dialect,
      findings: findings.map((finding) => {
        if (finding.code !== 'spelling' || finding.message.includes('did you mean')) return finding;
        const { word } = finding.data as SpellingData;
        const suggestions = engine.suggest(word, dialect.dialect).map((suggestion) => suggestion.word);
        return { ...finding, message: unknownWordMessage(word, suggestions[0]), data: { word, dialect: dialect.dialect, suggestions } };
      }),
    };
  }

  #cspellWords(folder: string): Promise<CspellWords | undefined> {
    let words = this.#cspell.get(folder);
    if (!words) this.#cspell.set(folder, (words = nearestCspellWords(folder)));
    return words;
  }

  /**
   * The words the editor adds: the user's word file and the nearest `.star-notes/words.txt`
   * above the folder (the CLI has no workspace folder, so the nearest one stands for it).
   */
  #wordFileWords(folder: string): string[] {
    let words = this.#wordFiles.get(folder);
    if (words) return words;
    const files = [userWordsFile()];
    for (let dir = folder; ; dir = dirname(dir)) {
      if (existsSync(workspaceWordsFile(dir))) {
        files.push(workspaceWordsFile(dir));
        break;
      }
      if (dirname(dir) === dir) break;
    }
    words = files.flatMap((path) => {
      try {
        return parseWordFile(readFileSync(path, 'utf8'));
      } catch {
        return [];
      }
    });
    this.#wordFiles.set(folder, words);
    return words;
  }
}

/** A typo fixed can leave a repeated word, removed in the next round; a story reordered is one round each. */
const MAX_FIX_ROUNDS = 20;
