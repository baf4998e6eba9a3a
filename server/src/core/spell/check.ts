import type { Analysis } from '../analyze';
import type { Settings } from '../settings';
import type { Finding } from '../findings';
import type { OffsetRange } from '../text';
import { inlineSpelling } from './inline';
import { proseBlocks, type ProseBlock } from './prose';
import { repeatedWords } from './repeated';
import type { Suggestion } from './suggest';
import type { WordToken } from './tokens';

/**
 * What the findings need of the dictionaries, asked synchronously: the runtime's `SpellEngine`,
 * or a proxy to one in a worker that fetched the document's blocks beforehand.
 */
export interface WordChecker {
  /** Unknown words of one block of prose, offsets relative to the block. */
  unknownWords(text: string): readonly WordToken[];
  cachedSuggestions(word: string): readonly Suggestion[] | undefined;
}

/** `diagnostic.data` of a `spelling` finding: the quick fixes start from it. */
export interface SpellingData {
  word: string;
  /** Best first; present when they were already known, else computed on request. */
  suggestions?: string[];
}

/** `diagnostic.data` of a `repeated-word` finding. */
export interface RepeatedWordData {
  word: string;
  remove: OffsetRange;
}

export const SUGGESTIONS_SHOWN = 5;

/** The lower-cased words a document's settings accept, with those of its cspell configuration. */
export function acceptedWords(spelling: Settings['spelling'], cspellWords: readonly string[] = []): Set<string> {
  const { words, userWords, ignoreWords } = spelling;
  return new Set([...words, ...userWords, ...ignoreWords, ...cspellWords].map((word) => word.toLowerCase()));
}

/**
 * Spelling and repeated-word findings for the prose of a document. `accepted` holds the
 * lower-cased words the user's settings and cspell files allow; inline `cspell:` comments
 * and `star-notes-disable` comments are applied here too.
 */
export function spellingFindings(
  analysis: Pick<Analysis, 'doc' | 'directives'>,
  engine: WordChecker,
  settings: Settings,
  accepted: ReadonlySet<string>,
  blocks: readonly ProseBlock[] = proseBlocks(analysis.doc.text, analysis.doc.root),
): Finding[] {
  const { text } = analysis.doc;
  const inline = inlineSpelling(text);
  const spelling = settings.severity.spelling ?? 'information';
  const repeated = settings.severity['repeated-word'] ?? 'warning';
  const findings: Finding[] = [];
  for (const block of blocks) {
    if (spelling !== 'off') {
      for (const token of engine.unknownWords(block.text)) {
        const at = block.start + token.start;
        const lower = token.form.toLowerCase();
        if (accepted.has(lower) || inline.words.has(lower) || inline.isDisabled(at)) continue;
        const suggestions = engine.cachedSuggestions(token.text)?.slice(0, SUGGESTIONS_SHOWN).map((s) => s.word);
        const data: SpellingData = suggestions ? { word: token.text, suggestions } : { word: token.text };
        findings.push({ code: 'spelling', range: [at, block.start + token.end], message: unknownWordMessage(token.text, suggestions?.[0]), severity: spelling, data });
      }
    }
    if (repeated !== 'off') {
      for (const found of repeatedWords(block.text, block.start, text)) {
        if (inline.isDisabled(found.range[0])) continue;
        const data: RepeatedWordData = { word: found.word, remove: found.remove };
        findings.push({ code: 'repeated-word', range: found.range, message: `Repeated word "${found.word}"`, severity: repeated, data });
      }
    }
  }
  return analysis.directives.filter(findings);
}

export function unknownWordMessage(word: string, best: string | undefined): string {
  return best ? `Unknown word "${word}": did you mean "${best}"?` : `Unknown word "${word}"`;
}
