import type { Dialect } from '../settings';

/** A word's spelling style where British and American English differ: `gb` colour, organise; `us` color, organize. */
export type Style = 'gb' | 'us';

/**
 * Where British and American spellings of one word differ, as the British and the American
 * form of the same ending. Each pattern needs a few letters before it, and only the endings
 * listed, so "four"/"for", "honorary" or "analysis" never look like a pair. `licence`/`license`
 * and `practice`/`practise` are left out on purpose: British English uses both, as noun and verb.
 */
interface Rule {
  id: string;
  gb: RegExp;
  us: RegExp;
  toUs: (match: string, ...groups: string[]) => string;
  /** Undefined where the British form can't be told from the American one (pediatric → paediatric?). */
  toGb?: (match: string, ...groups: string[]) => string;
  /** The family is the whole word, not the letters before the ending: paediatric and paedophile are no family. */
  whole?: boolean;
}

const RULES: readonly Rule[] = [
  { id: 'ize', gb: /(?<=\p{L}{3})is(e|es|ed|ing|er|ers|ation|ations|able)$/u, us: /(?<=\p{L}{3})iz(e|es|ed|ing|er|ers|ation|ations|able)$/u, toUs: (_, end) => `iz${end}`, toGb: (_, end) => `is${end}` },
  { id: 'yze', gb: /(?<=\p{L}{2})ys(e|es|ed|ing|er|ers)$/u, us: /(?<=\p{L}{2})yz(e|es|ed|ing|er|ers)$/u, toUs: (_, end) => `yz${end}`, toGb: (_, end) => `ys${end}` },
  { id: 'or', gb: /(?<=\p{L}{3})our(s|ed|ing|ite|ites|ful|less|able|er|ers|ist|ists|al|ally)?$/u, us: /(?<=\p{L}{3})or(s|ed|ing|ite|ites|ful|less|able|er|ers|ist|ists|al|ally)?$/u, toUs: (_, end = '') => `or${end}`, toGb: (_, end = '') => `our${end}` },
  { id: 'l', gb: /(?<=\p{L}{2}[aeiou])ll(ed|ing|er|ers|or|ors|ation)$/u, us: /(?<=\p{L}{2}[aeiou])l(ed|ing|er|ers|or|ors|ation)$/u, toUs: (_, end) => `l${end}`, toGb: (_, end) => `ll${end}` },
  {
    id: 'er',
    gb: /(?<=\p{L}{2}[bt])r(e|es|ed|ing)$/u,
    us: /(?<=\p{L}{2}[bt])er(s|ed|ing)?$/u,
    toUs: (_, end) => `er${{ e: '', es: 's', ed: 'ed', ing: 'ing' }[end]}`,
    toGb: (_, end = '') => `r${{ '': 'e', s: 'es', ed: 'ed', ing: 'ing' }[end]}`,
  },
  { id: 'og', gb: /(?<=\p{L}{3})ogue(s)?$/u, us: /(?<=\p{L}{3})og(s)?$/u, toUs: (_, end = '') => `og${end}`, toGb: (_, end = '') => `ogue${end}` },
  { id: 'ense', gb: /(?<=^(?:def|off|pret))ence(s)?$/u, us: /(?<=^(?:def|off|pret))ense(s)?$/u, toUs: (_, end = '') => `ense${end}`, toGb: (_, end = '') => `ence${end}` },
  { id: 'sceptic', gb: /^scep(?=tic)/u, us: /^skep(?=tic)/u, toUs: () => 'skep', toGb: () => 'scep', whole: true },
  { id: 'dgment', gb: /dgement(s)?$/u, us: /dgment(s)?$/u, toUs: (_, end = '') => `dgment${end}`, toGb: (_, end = '') => `dgement${end}` },
  { id: 'e', gb: /(?<=\p{L})[ao]e(?=\p{L}{3})/u, us: /$^/u, toUs: (match) => match.slice(1), whole: true },
];

/** The rule a lower-case word follows and which way it spells it. */
export interface Family {
  /** Equal for every spelling and inflection of the word, either style: "organ|ize" for organised and organizing. */
  key: string;
  style: Style;
  rule: Rule;
}

export function familyOf(word: string): Family | undefined {
  const lower = word.toLowerCase();
  for (const rule of RULES) {
    for (const style of ['gb', 'us'] as const) {
      const match = rule[style].exec(lower);
      if (!match) continue;
      const stem = rule.whole ? lower.replace(rule.gb, rule.toUs) : lower.slice(0, match.index);
      return { key: `${stem}|${rule.id}`, style, rule };
    }
  }
  return undefined;
}

/** The word spelled the other way, when there is one way to do it: organise → organize, color → colour. */
export function respelled(word: string, family: Family = familyOf(word)!): string | undefined {
  if (!family) return undefined;
  const { rule, style } = family;
  const lower = word.toLowerCase();
  const other = style === 'gb' ? lower.replace(rule.gb, rule.toUs) : rule.toGb && lower.replace(rule.us, rule.toGb);
  return other && other !== lower ? withCaseOf(word, other) : undefined;
}

function withCaseOf(typed: string, word: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return word.toUpperCase();
  return /^\p{Lu}/u.test(typed) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

export const DIALECT_NAMES: Readonly<Record<Dialect, string>> = { 'en-US': 'American English', 'en-GB': 'British English' };
export const STYLE_OF: Readonly<Record<Dialect, Style>> = { 'en-US': 'us', 'en-GB': 'gb' };

/** Which dialect a document was checked in, and the spellings that chose it. */
export interface DialectChoice {
  dialect: Dialect;
  /** How it was chosen, for the hover and the output channel. */
  reason: string;
}

/**
 * The dialect whose own spellings the document uses more often (words one dictionary has and
 * the other lacks: colour, analysed vs color, analyzed); American when none tell.
 */
export function chooseDialect(marked: readonly { form: string; knownIn: readonly Dialect[] }[]): DialectChoice {
  const seen: Record<Dialect, Map<string, number>> = { 'en-US': new Map(), 'en-GB': new Map() };
  for (const { form, knownIn } of marked) {
    if (knownIn.length !== 1) continue;
    const words = seen[knownIn[0]];
    const lower = form.toLowerCase();
    words.set(lower, (words.get(lower) ?? 0) + 1);
  }
  const count = (dialect: Dialect) => [...seen[dialect].values()].reduce((sum, n) => sum + n, 0);
  const [gb, us] = [count('en-GB'), count('en-US')];
  const dialect: Dialect = gb > us ? 'en-GB' : 'en-US';
  if (gb + us === 0) return { dialect, reason: 'the note has no spellings only one of the two uses, so American English' };
  const spellings = (d: Dialect) => {
    const n = count(d);
    const examples = [...seen[d]].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([word]) => word);
    return `${n} ${DIALECT_NAMES[d]} spelling${n === 1 ? '' : 's'} (${examples.join(', ')})`;
  };
  const other: Dialect = dialect === 'en-GB' ? 'en-US' : 'en-GB';
  return { dialect, reason: `the note's own spellings, ${count(other) > 0 ? `${spellings(dialect)} against ${spellings(other)}` : spellings(dialect)}` };
}
