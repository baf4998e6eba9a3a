/**
 * The question themes a story bank is held against, as data, and how a story is matched to them:
 * by the names a writer declares (`Questions: conflict, failure`, hashtags, front matter; see
 * declared.ts), else by keywords in its title, which are only a guess.
 */
export interface Theme {
  /** Stable, for settings and the `starNotes/stories` request: `failure`, `bias-for-action`. */
  id: string;
  name: string;
  /**
   * Title keywords. A keyword is one or more words, next to each other and in order, or with up
   * to three other words where it says `...` (`disagree* ... manager|boss` finds "Disagreeing
   * with my manager"); a word may give alternatives with `|`, may end in `*` for any ending,
   * and matches its plural too. Words start at a word's start: `tension*` is not in "extension".
   */
  keywords: readonly string[];
  /** Other names a declaration may use: `backbone` for Have Backbone; Disagree and Commit. */
  aliases?: readonly string[];
}

/** The built-in sets `starNotes.themes` can name. */
export const THEME_SET_NAMES = ['common', 'amazon'] as const;
export type ThemeSetName = (typeof THEME_SET_NAMES)[number];

const COMMON: readonly Theme[] = [
  {
    id: 'strength',
    name: 'Strength',
    keywords: ['strength', 'strongest', 'good at', 'best at', 'superpower'],
    aliases: ['strengths', 'greatest strength'],
  },
  {
    id: 'weakness',
    name: 'Weakness',
    keywords: ['weakness*', 'weakest', 'development area', 'area* to|for improve*', 'blind spot', 'working on myself'],
    aliases: ['weaknesses', 'greatest weakness', 'development area'],
  },
  {
    id: 'proudest-achievement',
    name: 'Proudest achievement',
    keywords: ['proud*', 'achievement*', 'accomplishment*', 'biggest win'],
    aliases: ['achievement', 'proudest', 'proud', 'accomplishment', 'greatest achievement'],
  },
  {
    id: 'failure',
    name: 'Failure or mistake',
    keywords: ['fail', 'failed', 'failing', 'failure', 'mistake*', 'setback*', 'got it wrong', 'went wrong', 'my fault', 'blunder*', 'regret*', 'screwed up', 'messed up'],
    aliases: ['mistake', 'failure or mistake', 'fail', 'setback'],
  },
  {
    id: 'conflict',
    name: 'Conflict',
    keywords: ['conflict*', 'clash*', 'dispute*', 'friction', 'tension*', 'difficult|challenging ... colleague*|coworker*|person|stakeholder*|customer*|client*|relative*|parent*', 'disagreement*', 'falling out', 'fell out'],
    aliases: ['conflict resolution', 'difficult colleague', 'difficult person'],
  },
  {
    id: 'leadership',
    name: 'Leadership',
    keywords: ['leading', 'led', 'leader*', 'leadership', 'mentor*', 'took charge', 'take charge', 'in charge'],
    aliases: ['lead', 'leading', 'leading a team'],
  },
  {
    id: 'influence',
    name: 'Influence without authority',
    keywords: ['influenc*', 'persuad*', 'persuasion', 'convinc*', 'buy in', 'buyin', 'won over', 'winning over', 'without authority'],
    aliases: ['influence', 'influencing', 'persuasion', 'influence without authority'],
  },
  {
    id: 'tight-deadline',
    name: 'Tight deadline',
    keywords: ['deadline*', 'tight ... timeline*|timescale*|turnaround|schedule', 'time pressure', 'under pressure', 'crunch', 'last minute', 'lastminute', 'against the clock', 'short notice'],
    aliases: ['deadline', 'pressure', 'working under pressure', 'time pressure'],
  },
  {
    id: 'ambiguity',
    name: 'Ambiguity',
    keywords: ['ambigu*', 'unclear', 'uncertain*', 'vague ... requirement*|brief|goal*', 'no clear', 'without clear', 'unknown*', 'incomplete information|data'],
    aliases: ['ambiguous', 'uncertainty', 'dealing with ambiguity'],
  },
  {
    id: 'learning-fast',
    name: 'Learning fast',
    keywords: ['learn*', 'ramp* up', 'picked up', 'pick up', 'taught myself', 'self taught', 'selftaught', 'new to', 'unfamiliar', 'from scratch'],
    aliases: ['learning', 'learn fast', 'learning quickly', 'fast learner', 'quick learner'],
  },
  {
    id: 'customer-focus',
    name: 'Customer focus',
    keywords: ['customer*', 'client*', 'complain*', 'service user*', 'user feedback', 'end user*', 'enduser*'],
    aliases: ['customer', 'customers', 'customer service', 'client focus'],
  },
  {
    id: 'disagree-with-manager',
    name: 'Disagreeing with a manager',
    keywords: ['disagree* ... manager*|boss*|supervisor*|lead|head|director*|consultant*|principal|headteacher', 'push* back ... manager*|boss*|supervisor*|director*', 'pushback', 'challeng* ... manager*|boss*|supervisor*|director*|decision*'],
    aliases: ['disagreeing with a manager', 'disagree with manager', 'disagreement with manager', 'disagreeing with your manager', 'manager'],
  },
];

/** Amazon's Leadership Principles, in the order Amazon lists them. */
const AMAZON: readonly Theme[] = [
  {
    id: 'customer-obsession',
    name: 'Customer Obsession',
    keywords: ['customer*', 'client*', 'complain*', 'user feedback', 'end user*'],
    aliases: ['customer', 'customer obsessed'],
  },
  {
    id: 'ownership',
    name: 'Ownership',
    keywords: ['ownership', 'owned', 'took|taking on|over', 'stepped|stepping up|in', 'outside my role|remit|job', 'not my job', 'above and beyond'],
    aliases: ['owner'],
  },
  {
    id: 'invent-and-simplify',
    name: 'Invent and Simplify',
    keywords: ['invent*', 'simplif*', 'innovat*', 'automat*', 'streamlin*', 'new way', 'new idea', 'reinvent*'],
    aliases: ['invent', 'simplify', 'innovation'],
  },
  {
    id: 'are-right-a-lot',
    name: 'Are Right, A Lot',
    keywords: ['judgment*', 'judgement*', 'tough|hard|difficult|big ... call|decision*', 'right call', 'wrong call', 'gut feel*', 'instinct*'],
    aliases: ['right a lot', 'judgment', 'judgement'],
  },
  {
    id: 'learn-and-be-curious',
    name: 'Learn and Be Curious',
    keywords: ['learn*', 'curious', 'curiosity', 'taught myself', 'self taught', 'selftaught', 'new ... skill*|technology|language|domain', 'unfamiliar'],
    aliases: ['learn', 'curiosity', 'curious', 'learning'],
  },
  {
    id: 'hire-and-develop-the-best',
    name: 'Hire and Develop the Best',
    keywords: ['hire', 'hired', 'hiring', 'recruit*', 'mentor*', 'coach*', 'onboard*', 'grow* ... team|people|report*', 'develop* ... team|people|others|report*|junior*', 'promot*'],
    aliases: ['hire and develop', 'develop the best', 'hiring', 'mentoring', 'developing people'],
  },
  {
    id: 'insist-on-the-highest-standards',
    name: 'Insist on the Highest Standards',
    keywords: ['standard*', 'quality', 'high bar', 'rais* ... bar', 'best practice*', 'defect*', 'bug* escap*'],
    aliases: ['highest standards', 'high standards', 'standards', 'quality'],
  },
  {
    id: 'think-big',
    name: 'Think Big',
    keywords: ['think* big', 'vision*', 'long term', 'longterm', 'bold', 'ambitio*', 'moonshot', 'strateg*', 'roadmap'],
    aliases: ['big thinking', 'vision'],
  },
  {
    id: 'bias-for-action',
    name: 'Bias for Action',
    keywords: ['bias ... action', 'calculated risk*', 'took a risk', 'acted|acting|act fast|quickly|now', 'quick* decision*', 'without waiting', 'without all ... information|data|facts', 'moved fast', 'move fast'],
    aliases: ['bias to action', 'action'],
  },
  {
    id: 'frugality',
    name: 'Frugality',
    keywords: ['frugal*', 'budget*', 'cost*', 'sav* ... money|cost*', 'cheap*', 'shoestring', 'limited resources|budget', 'with less', 'no budget', 'spend*'],
    aliases: ['frugal', 'cost saving', 'budget'],
  },
  {
    id: 'earn-trust',
    name: 'Earn Trust',
    keywords: ['trust*', 'credibility', 'rebuil* ... relationship*', 'relationship*', 'candid*', 'honest*', 'admit*', 'own up', 'owned up'],
    aliases: ['trust', 'building trust'],
  },
  {
    id: 'dive-deep',
    name: 'Dive Deep',
    keywords: ['deep dive', 'dive deep', 'dug into', 'digging into', 'root caus*', 'rootcaus*', 'deepdive', 'investigat*', 'debug*', 'troubleshoot*', 'bottom of', 'analys*', 'analyz*', 'audit*'],
    aliases: ['deep dive', 'root cause'],
  },
  {
    id: 'have-backbone',
    name: 'Have Backbone; Disagree and Commit',
    keywords: ['backbone', 'disagree*', 'push* back', 'pushback', 'stood my ground', 'spoke up', 'speak up', 'challeng* ... decision*|manager*|boss*', 'commit'],
    aliases: ['backbone', 'have backbone', 'disagree and commit', 'disagree commit', 'disagreeing'],
  },
  {
    id: 'deliver-results',
    name: 'Deliver Results',
    keywords: ['deliver*', 'deadline*', 'on time', 'shipped', 'ship*', 'launch*', 'hit ... target*|goal*', 'against the odds'],
    aliases: ['delivering results', 'delivery', 'results'],
  },
  {
    id: 'best-employer',
    name: "Strive to be Earth's Best Employer",
    keywords: ['wellbeing', 'well being', 'morale', 'burnout', 'work life', 'worklife', 'inclusi*', 'divers*', 'psychological safety', 'team culture', 'safer workplace', 'employee experience'],
    aliases: ["earth's best employer", 'best employer', 'strive to be earths best employer'],
  },
  {
    id: 'broad-responsibility',
    name: 'Success and Scale Bring Broad Responsibility',
    keywords: ['sustainab*', 'environment*', 'carbon', 'ethic*', 'privacy', 'accessib*', 'community', 'communities', 'social impact', 'unintended consequence*', 'society'],
    aliases: ['broad responsibility', 'success and scale', 'success and scale bring broad responsibility'],
  },
];

export const THEME_SETS: Readonly<Record<ThemeSetName, readonly Theme[]>> = Object.freeze({ common: COMMON, amazon: AMAZON });

/** Letters and digits only, lower case: how names are compared (`#CustomerFocus`, `customer-focus`, `Customer focus`). */
export function squash(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** `Influence without authority` → `influence-without-authority`, for a theme the writer names that no set has. */
export function slug(name: string): string {
  return name.toLowerCase().replace(/['’]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|(?<!-)-+$/g, '') || 'theme';
}

/** The theme `name` names: its id, its name or an alias, ignoring case, spacing, punctuation and a plural "s". */
export function themeNamed(name: string, themes: readonly Theme[]): Theme | undefined {
  const key = squash(name);
  if (key.length === 0) return undefined;
  const names = (theme: Theme) => [theme.id, theme.name, ...(theme.aliases ?? [])].map(squash);
  return themes.find((theme) => names(theme).includes(key)) ?? (key.endsWith('s') ? themes.find((theme) => names(theme).includes(key.slice(0, -1))) : undefined);
}

/**
 * Words of a title as keywords see them: lower case, apostrophes dropped ("manager's" is
 * "managers") and hyphenated words joined ("co-worker" is "coworker", "buy-in" is "buyin").
 */
function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/(?<=[\p{L}\p{N}])[-‐‑](?=[\p{L}\p{N}])/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Other words `...` lets between two of a keyword's words: "disagreed with my new manager". */
const GAP = 3;

interface Word {
  alternatives: readonly { stem: string; prefix: boolean }[];
  /** How far after the word before it this one may come: 1 is right after it. */
  reach: number;
}

const compiled = new Map<string, readonly Word[]>();

function compile(keyword: string): readonly Word[] {
  let found = compiled.get(keyword);
  if (found) return found;
  const pattern: Word[] = [];
  let reach = 1;
  for (const part of keyword.toLowerCase().split(/\s+/)) {
    if (part === '...' || part === '…') {
      reach = GAP + 1;
      continue;
    }
    const alternatives = part.split('|').map((alternative) => ({ stem: words(alternative).join(''), prefix: alternative.endsWith('*') })).filter(({ stem }) => stem.length > 0);
    if (alternatives.length === 0) continue;
    pattern.push({ alternatives, reach });
    reach = 1;
  }
  compiled.set(keyword, pattern);
  return pattern;
}

function matchesWord(token: string, word: Word): boolean {
  return word.alternatives.some(({ stem, prefix }) => (prefix ? token.startsWith(stem) : token === stem || token === `${stem}s` || token === `${stem}es`));
}

/**
 * Whether the keyword's words appear in `tokens` in order, each within its reach of the one
 * before: word by word, the tokens where the keyword so far can end, so a long keyword on a long
 * title costs words × tokens × reach, never a search of every way to place it.
 */
function matches(tokens: readonly string[], pattern: readonly Word[]): boolean {
  if (pattern.length === 0) return false;
  let ends = new Set<number>();
  tokens.forEach((token, i) => matchesWord(token, pattern[0]) && ends.add(i));
  for (let w = 1; w < pattern.length && ends.size > 0; w++) {
    const next = new Set<number>();
    for (const end of ends) {
      for (let i = end + 1; i < tokens.length && i <= end + pattern[w].reach; i++) if (!next.has(i) && matchesWord(tokens[i], pattern[w])) next.add(i);
    }
    ends = next;
  }
  return ends.size > 0;
}

/** The themes whose keywords `text` holds, in the set's order. */
export function keywordThemes(text: string, themes: readonly Theme[]): Theme[] {
  const tokens = words(text);
  if (tokens.length === 0) return [];
  return themes.filter((theme) => theme.keywords.some((keyword) => matches(tokens, compile(keyword))));
}

export interface StoryTheme {
  id: string;
  name: string;
  /** Matched by title keywords only: the writer did not say so. */
  guess: boolean;
}

/** What a story says about the questions it answers (declared.ts finds it). */
export interface ThemeDeclarations {
  /** Names from a `Questions:` line or front matter `questions:`: kept even when no theme has them. */
  questions: readonly string[];
  /** Hashtags and front matter `tags:`: count only when they name a theme, since tags serve other ends too (`#todo`, `#fff`). */
  tags: readonly string[];
}

/**
 * A name no set has, kept as the writer's own theme: a few words, not a question. A longer line
 * under `Questions:` is more often what the writer means to ask the interviewer.
 */
function isOwnTheme(name: string): boolean {
  return squash(name).length > 0 && words(name).length <= 4 && !/\?\s*$/.test(name);
}

/**
 * A story's themes: each one it declares (a short name no set has is kept as the writer's own;
 * one written as a question, "a time you failed", is matched by keywords and still counts as
 * declared), then those its title's keywords suggest, marked as guesses. In the set's order, the
 * writer's own themes after.
 */
export function storyThemes(title: string, declarations: ThemeDeclarations, themes: readonly Theme[]): StoryTheme[] {
  const declared = new Set<Theme>();
  const own = new Map<string, string>();
  for (const question of declarations.questions) {
    const named = themeNamed(question, themes);
    const matched = named ? [named] : keywordThemes(question, themes);
    matched.forEach((theme) => declared.add(theme));
    if (matched.length === 0 && isOwnTheme(question) && !own.has(slug(question))) own.set(slug(question), question.trim());
  }
  for (const tag of declarations.tags) {
    const named = themeNamed(tag, themes);
    if (named) declared.add(named);
  }
  const guessed = new Set(keywordThemes(title, themes));
  const listed = themes.flatMap((theme) =>
    declared.has(theme) ? [{ id: theme.id, name: theme.name, guess: false }] : guessed.has(theme) ? [{ id: theme.id, name: theme.name, guess: true }] : [],
  );
  const ids = new Set(listed.map((theme) => theme.id));
  for (const [id, name] of own) if (!ids.has(id)) listed.push({ id, name, guess: false });
  return listed;
}

/**
 * `starNotes.themes`: a set's name (`"common"`, the default, or `"amazon"`), or a list whose items
 * are a set's name (every theme of it), a built-in theme's id or name (`"conflict"`,
 * `"Ownership"`), a new theme's name (`"Stakeholder management"`: its name is its keyword), or
 * `{ "name": …, "id"?: …, "keywords"?: […], "aliases"?: […] }`. What is invalid is skipped with a
 * warning; with nothing valid left the default set stands.
 */
export function resolveThemes(raw: unknown, warnings: string[]): readonly Theme[] {
  const fallback = THEME_SETS.common;
  if (raw === undefined) return fallback;
  if (typeof raw === 'string') {
    const set = setNamed(raw);
    if (set) return set;
    warnings.push(`starNotes.themes: "${raw.slice(0, 60)}" is no theme set (${THEME_SET_NAMES.join(', ')}); using "common". Give a list for your own themes.`);
    return fallback;
  }
  if (!Array.isArray(raw)) {
    warnings.push('starNotes.themes must be "common", "amazon" or a list of themes; using "common".');
    return fallback;
  }
  const builtIn = [...COMMON, ...AMAZON];
  const chosen: Theme[] = [];
  const add = (theme: Theme) => {
    if (!chosen.some((other) => other.id === theme.id)) chosen.push(theme);
  };
  for (const item of raw) {
    if (typeof item === 'string' && squash(item).length > 0 && item.length <= 80) {
      const set = setNamed(item);
      if (set) set.forEach(add);
      else add(themeNamed(item, builtIn) ?? { id: slug(item), name: item.trim(), keywords: [item.trim()] });
    } else if (isThemeObject(item)) {
      const name = item.name.trim();
      add({ id: item.id === undefined ? slug(name) : slug(item.id), name, keywords: item.keywords ?? [name], ...(item.aliases ? { aliases: item.aliases } : {}) });
    } else {
      warnings.push(`starNotes.themes: ${JSON.stringify(item)?.slice(0, 80)} is no theme (a name, or { "name": …, "keywords": […] }); ignored.`);
    }
  }
  if (chosen.length > 0) return chosen;
  warnings.push('starNotes.themes: no theme in the list; using "common".');
  return fallback;
}

function setNamed(name: string): readonly Theme[] | undefined {
  const key = name.trim().toLowerCase();
  return (THEME_SET_NAMES as readonly string[]).includes(key) ? THEME_SETS[key as ThemeSetName] : undefined;
}

const isWordList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((word) => typeof word === 'string' && squash(word).length > 0 && word.length <= 80);

function isThemeObject(item: unknown): item is { name: string; id?: string; keywords?: string[]; aliases?: string[] } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const { name, id, keywords, aliases } = item as Record<string, unknown>;
  return (
    typeof name === 'string' &&
    squash(name).length > 0 &&
    name.length <= 80 &&
    (id === undefined || (typeof id === 'string' && squash(id).length > 0)) &&
    (keywords === undefined || isWordList(keywords)) &&
    (aliases === undefined || isWordList(aliases))
  );
}
