import { sectionProse } from '../coach/prose';
import { OWN_PHRASE_ADVICE, VAGUE_PHRASES, type VaguePhrase } from '../coach/vague';
import { storyLabel } from '../model/frameworks';
import type { Settings } from '../settings';
import type { RuleFinding, StoryRule } from './rule';

/** A word as the phrases are matched: "ride-alongs" and "don't" are one word each. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const words = (phrase: string) => (phrase.match(WORD) ?? []).map((word) => word.toLowerCase().replaceAll('’', "'"));

interface Entry extends VaguePhrase {
  words: readonly string[];
}

/**
 * The built-in phrases and the writer's, by their first word, longest first, so "helped with"
 * wins over a shorter phrase of the writer's. Matched word by word rather than as one pattern
 * built from the settings, which a writer's phrase could make slow.
 */
function buildIndex(own: readonly string[]): ReadonlyMap<string, readonly Entry[]> {
  const index = new Map<string, Entry[]>();
  const seen = new Set<string>();
  const add = (entry: VaguePhrase) => {
    const phrase = words(entry.phrase);
    if (phrase.length === 0 || seen.has(phrase.join(' '))) return;
    seen.add(phrase.join(' '));
    const list = index.get(phrase[0]);
    if (list) list.push({ ...entry, words: phrase });
    else index.set(phrase[0], [{ ...entry, words: phrase }]);
  };
  VAGUE_PHRASES.forEach(add);
  own.forEach((phrase) => add({ phrase, advice: OWN_PHRASE_ADVICE }));
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** Settings objects are reused until they change: one index per list of the writer's words. */
const indexes = new WeakMap<readonly string[], ReadonlyMap<string, readonly Entry[]>>();
function indexFor(settings: Settings): ReadonlyMap<string, readonly Entry[]> {
  let index = indexes.get(settings.vagueWords);
  if (!index) indexes.set(settings.vagueWords, (index = buildIndex(settings.vagueWords)));
  return index;
}

/** The vague phrases in prose, as [start, end) offsets into it: consecutive words with only spaces or line breaks between them. */
function vaguePhrases(prose: string, index: ReadonlyMap<string, readonly Entry[]>): { start: number; end: number; entry: Entry }[] {
  const tokens = [...prose.matchAll(WORD)].map((match) => ({ word: match[0].toLowerCase().replaceAll('’', "'"), start: match.index, end: match.index + match[0].length }));
  const found: { start: number; end: number; entry: Entry }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entry = index.get(tokens[i].word)?.find((candidate) =>
      candidate.words.every((word, n) => tokens[i + n]?.word === word && (n === 0 || /^\s+$/.test(prose.slice(tokens[i + n - 1].end, tokens[i + n].start)))),
    );
    // "a new kind of rota", "the same sort of shift": the noun, not the hedge.
    if (!entry || (entry.notAfter && [tokens[i - 1], tokens[i - 2]].some((before) => before && entry.notAfter!.includes(before.word)))) continue;
    found.push({ start: tokens[i].start, end: tokens[i + entry.words.length - 1].end, entry });
    i += entry.words.length - 1;
  }
  return found;
}

export const vagueLanguage: StoryRule = {
  name: 'vague-language',
  codes: {
    'vague-language': {
      severity: 'hint',
      description: 'a hedge or filler word in the Action or Result: "helped with", "was involved in", "various", "etc.", "things", "kind of", "basically", "successfully"',
      explanation:
        'Vague words are where an interviewer stops believing the story: "helped with" hides what you did, "various" and "etc." hide what it was, "successfully" claims what the Result should show. Each finding says what to write instead. The list is small and lives in `server/src/core/coach/vague.ts`; add your own words or phrases in `starNotes.vagueWords`. "Kind of" and "sort of" after "a", "the" or "what" are nouns ("a new kind of rota") and are left alone.',
      bad: '- Situation: The clinic lost referrals to a rival practice.\n- Task: Win the GP surgeries back.\n- Action: I helped with various outreach events and updated the leaflets etc.\n- Result: Referrals went from 12 to 31 a month.',
      good: '- Situation: The clinic lost referrals to a rival practice.\n- Task: Win the GP surgeries back.\n- Action: I ran lunch talks at six GP surgeries and rewrote the referral leaflet.\n- Result: Referrals went from 12 to 31 a month.',
    },
  },
  settings: ['vagueWords'],
  check(story, { text, settings }) {
    const index = indexFor(settings);
    return story.sections.flatMap((section) => {
      if (!(section.kinds.includes('action') || section.kinds.includes('result')) || section.words === 0) return [];
      const { start, prose } = sectionProse(text, section);
      const found = vaguePhrases(prose, index);
      return found.map(({ start: from, end, entry }, n): RuleFinding => {
        const which = found.length === 1 ? '' : ` (${n + 1} of ${found.length} in this ${section.name})`;
        return {
          code: 'vague-language',
          range: [start + from, start + end],
          message: `"${prose.slice(from, end)}" in the ${section.name} of ${storyLabel(story)} is vague${which}: ${entry.advice}.`,
          data: { phrase: entry.phrase },
        };
      });
    });
  },
};
