import type { Analysis } from '../analyze';
import type { OffsetEdit } from '../features/fixes';
import type { Finding, Level } from '../findings';
import { DIALECTS, type Dialect, type Settings } from '../settings';
import { shiftRange, type OffsetRange } from '../text';
import { chooseDialect, DIALECT_NAMES, familyOf, respelled, STYLE_OF, type DialectChoice, type Family, type Style } from './dialect';
import { foreignStretches } from './foreign';
import { inlineSpelling } from './inline';
import { proseOf, type Prose } from './pieces';
import { LOREM_WORDS } from '../rules/data/template-phrases';
import { isLorem } from '../rules/template';
import type { ProseBlock } from './prose';
import { matchCase, type Suggestion } from './suggest';
import type { WordToken } from './tokens';

/** A word of a block that some dialect's dictionaries lack, or spelled in one dialect's way. */
export interface CheckedWord extends WordToken {
  /** The dialects that know the word: none for a typo, one for colour or color, both for organize. */
  knownIn: readonly Dialect[];
  /** The word in the other dialect's spelling, when one of the two is only one dialect's (organize → organise). */
  variant?: string;
  /** A misspelling the known-misspellings list names (recieve, Teh): never taken for a name. */
  misspelling?: true;
}

/**
 * What the findings need of the dictionaries, asked synchronously: the runtime's `SpellEngine`,
 * or a proxy to one in a worker that fetched the document's blocks beforehand.
 */
export interface WordChecker {
  /** Such words of one block of prose, offsets relative to the block. */
  unknownWords(text: string): readonly CheckedWord[];
  cachedSuggestions(word: string, dialect: Dialect): readonly Suggestion[] | undefined;
}

/** `diagnostic.data` of a `spelling` finding: the quick fixes start from it. */
export interface SpellingData {
  word: string;
  /** The dialect the document was checked in: its suggestions are that dialect's. */
  dialect: Dialect;
  /** Best first; present when they were already known, else computed on request. */
  suggestions?: string[];
}

/** `diagnostic.data` of a `repeated-word` finding. */
export interface RepeatedWordData {
  word: string;
  remove: OffsetRange;
}

/** `diagnostic.data` of a `mixed-dialect` finding: this word respelled, and every word of its family that way. */
export interface MixedDialectData {
  word: string;
  respelled: string;
  /** A spelling of the family the note keeps, for the message. */
  kept: string;
  edits: OffsetEdit[];
}

export const SUGGESTIONS_SHOWN = 5;

/** The lower-cased words a document's settings accept, with those of its cspell configuration. */
export function acceptedWords(spelling: Settings['spelling'], cspellWords: readonly string[] = []): Set<string> {
  const { words, userWords, ignoreWords } = spelling;
  return new Set([...words, ...userWords, ...ignoreWords, ...cspellWords].map((word) => word.toLowerCase()));
}

export interface SpellingResult {
  findings: Finding[];
  dialect: DialectChoice;
}

/**
 * Spelling, mixed-dialect and repeated-word findings for the prose of a document, in the
 * dialect the settings name or (`auto`) the document's own spellings show. `accepted` holds
 * the lower-cased words the user's settings and cspell files allow; inline `cspell:` comments
 * and `star-notes-disable` comments are applied here too.
 */
export function spellingCheck(
  analysis: Pick<Analysis, 'doc' | 'directives'>,
  engine: WordChecker,
  settings: Settings,
  accepted: ReadonlySet<string>,
  prose: Prose = proseOf(analysis.doc.text, analysis.doc.root),
): SpellingResult {
  const { text } = analysis.doc;
  const inline = inlineSpelling(text);
  const level = (code: string, fallback: Level) => settings.severity[code] ?? fallback;
  const [spelling, mixed, repeated] = [level('spelling', 'information'), level('mixed-dialect', 'hint'), level('repeated-word', 'warning')];
  const found: CheckedWord[] = [];
  const named = new Set<string>();
  if (spelling !== 'off' || mixed !== 'off') {
    for (const part of prose.parts) {
      for (const block of part.blocks) {
        const base = part.start + block.start;
        // A template's filler: its Latin is incomplete-section's to report, not a page of typos.
        let lorem: boolean | undefined;
        const unknown = engine.unknownWords(block.text);
        const foreign = foreignStretches(block.text, unknown.filter((word) => word.knownIn.length === 0));
        let stretch = 0;
        for (const word of unknown) {
          const at = base + word.start;
          const lower = word.form.toLowerCase();
          if (accepted.has(lower) || inline.words.has(lower) || inline.isDisabled(at) || (LOREM_WORDS.has(lower) && (lorem ??= isLorem(block.text.toLowerCase())))) continue;
          while (stretch < foreign.length && foreign[stretch][1] <= word.start) stretch++;
          if (stretch < foreign.length && foreign[stretch][0] <= word.start) continue;
          if (looksLikeName(word, block, named)) named.add(word.form);
          found.push({ ...word, start: at, end: base + word.end });
        }
      }
    }
  }
  const forms = new Map<string, number>();
  for (const { form } of found) forms.set(form, (forms.get(form) ?? 0) + 1);
  // Written the same way twice, capitals and all, and never in lower case: a name, not a slip.
  for (const word of found) if ((forms.get(word.form) ?? 0) > 1 && isNameShaped(word)) named.add(word.form);
  const words = found.filter((word) => !named.has(word.form) || forms.has(word.form.toLowerCase()));
  const { language } = settings.spelling;
  const choice: DialectChoice = language === 'auto' ? chooseDialect(words) : { dialect: language, reason: 'set by starNotes.spelling.language' };
  const { dialect } = choice;
  const findings: Finding[] = [];
  const respelt = mixed === 'off' ? new Map<CheckedWord, MixedDialectData>() : mixedSpellings(words, dialect);
  for (const [word, data] of respelt) {
    const message = `"${word.text}" here, "${data.kept}" elsewhere: write "${data.respelled}" to spell it one way`;
    findings.push({ code: 'mixed-dialect', range: [word.start, word.end], message, severity: mixed, data });
  }
  if (spelling !== 'off') {
    for (const word of words) {
      if (respelt.has(word) || word.knownIn.includes(dialect)) continue;
      const suggestions = engine.cachedSuggestions(word.text, dialect)?.slice(0, SUGGESTIONS_SHOWN).map((s) => s.word);
      const data: SpellingData = suggestions ? { word: word.text, dialect, suggestions } : { word: word.text, dialect };
      const message = word.knownIn.length > 0 ? otherDialectMessage(word, dialect) : unknownWordMessage(word.text, suggestions?.[0]);
      findings.push({ code: 'spelling', range: [word.start, word.end], message, severity: spelling, data });
    }
  }
  if (repeated !== 'off') {
    for (const part of prose.parts) {
      for (const found of part.repeated) {
        const range = shiftRange(found.range, part.start);
        if (inline.isDisabled(range[0])) continue;
        const data: RepeatedWordData = { word: found.word, remove: shiftRange(found.remove, part.start) };
        findings.push({ code: 'repeated-word', range, message: `Repeated word "${found.word}"`, severity: repeated, data });
      }
    }
  }
  return { findings: analysis.directives.filter(findings), dialect: choice };
}

export function spellingFindings(...args: Parameters<typeof spellingCheck>): Finding[] {
  return spellingCheck(...args).findings;
}

/**
 * Words of one family spelled both ways (organize, organised), each with its respelling. The
 * way to keep is the one the dialect has when only one of the two is its own (color in a
 * British note goes), else the one the note uses more, else the dialect's own.
 */
function mixedSpellings(words: readonly CheckedWord[], dialect: Dialect): Map<CheckedWord, MixedDialectData> {
  const families = new Map<string, { word: CheckedWord; family: Family; style: Style }[]>();
  for (const word of words) {
    const own = familyOf(word.form);
    const fromVariant = own ? undefined : word.variant && familyOf(word.variant);
    const family = own ?? fromVariant;
    if (!family) continue;
    const style: Style = own ? own.style : family.style === 'gb' ? 'us' : 'gb';
    const members = families.get(family.key) ?? [];
    members.push({ word, family, style });
    families.set(family.key, members);
  }
  const found = new Map<CheckedWord, MixedDialectData>();
  for (const members of families.values()) {
    const count = (style: Style) => members.filter((member) => member.style === style).length;
    if (count('gb') === 0 || count('us') === 0) continue;
    const wrong = new Set(members.filter((member) => !member.word.knownIn.includes(dialect)).map((member) => member.style));
    if (wrong.size === 2) continue;
    const keep: Style = wrong.size === 1 ? (wrong.has('gb') ? 'us' : 'gb') : count('gb') === count('us') ? STYLE_OF[dialect] : count('gb') > count('us') ? 'gb' : 'us';
    const changes = members
      .filter((member) => member.style !== keep)
      .flatMap(({ word, family, style }) => {
        const spelling = style === family.style ? respelled(word.text, family) : word.variant && matchCase(word.text, word.variant);
        return spelling ? [{ word, spelling }] : [];
      });
    const kept = members.find((member) => member.style === keep)!.word.text;
    const edits = changes.map(({ word, spelling }): OffsetEdit => ({ range: [word.start, word.end], text: spelling }));
    for (const { word, spelling } of changes) found.set(word, { word: word.text, respelled: spelling, kept, edits });
  }
  return found;
}

const NAME = /^\p{Lu}\p{Ll}+(?:['’]?\p{Lu}\p{Ll}+)*$/u;
/** Capitals only, longer than `tokens.ts` takes for an acronym (SWASFT, CABRIT): an acronym still. */
const CAPITALS = /^\p{Lu}{2,}s?$/u;

/** Unknown to every dialect and to the known-misspellings list: it may be a name. */
function mayBeName(word: CheckedWord): boolean {
  return word.knownIn.length === 0 && !word.misspelling;
}

function isNameShaped(word: CheckedWord): boolean {
  return mayBeName(word) && NAME.test(word.form);
}
/** What may end the text before a name in the same sentence: a letter or digit, a comma or colon, a bracket or quote, a dash, an at sign. */
const IN_SENTENCE = /[\p{L}\p{N},:)\]’'"”\-–—&/@]$/u;
const LAST_WORD = /(\p{L}[\p{L}'’]*)[^\p{L}]*$/u;
/** Space, and what opens a bracket or quote, between a name and the word before it. */
const OPENING = new Set([' ', '\t', '\n', '\r', '(', '[', '"', '“', '‘']);

/**
 * An unknown word written as a name (Okafor, McAllister, O'Neill) in the middle of a sentence,
 * that no list of known misspellings names. Such a word is a person, a place or a firm: the
 * check skips it everywhere in the note, unless the note also writes it in lower case. In a
 * heading, where Title Case capitalises every word, it must follow a word in lower case or
 * another name (Priya Raman).
 */
function looksLikeName(word: CheckedWord, block: ProseBlock, named: ReadonlySet<string>): boolean {
  if (mayBeName(word) && CAPITALS.test(word.form)) return true;
  if (!isNameShaped(word)) return false;
  let end = word.start;
  while (end > 0 && OPENING.has(block.text[end - 1])) end--;
  const previous = block.text.slice(Math.max(0, end - 40), end);
  if (previous.length === 0 || end === word.start || !IN_SENTENCE.test(previous)) return false;
  if (!block.heading) return true;
  const last = LAST_WORD.exec(previous)?.[1];
  return !!last && (/^\p{Ll}/u.test(last) || named.has(last));
}

function otherDialectMessage(word: CheckedWord, dialect: Dialect): string {
  const other = DIALECTS.find((candidate) => candidate !== dialect)!;
  const fix = word.variant ? `: did you mean "${matchCase(word.text, word.variant)}"?` : '';
  return `"${word.text}" is ${DIALECT_NAMES[other]} spelling; this note is in ${DIALECT_NAMES[dialect]}${fix}`;
}

export function unknownWordMessage(word: string, best: string | undefined): string {
  return best ? `Unknown word "${word}": did you mean "${best}"?` : `Unknown word "${word}"`;
}
