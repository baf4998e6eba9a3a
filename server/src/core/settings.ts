import { CODES } from './rules';
import { DEFAULT_ALIASES } from './model/labels';
import { EXTRA_KINDS, FRAMEWORK_IDS, STAR_KINDS, type FrameworkId, type SectionKind } from './model/types';
import { DEFAULT_FRAMEWORKS } from './model/frameworks';
import type { Level } from './findings';
import { resolveThemes, THEME_SETS, type Theme } from './bank/themes';

export const LEVELS: readonly Level[] = ['off', 'hint', 'information', 'warning', 'error'];

export type OutlineMode = 'stories' | 'headings';

/** The English dialects with a dictionary. */
export const DIALECTS = ['en-US', 'en-GB'] as const;
export type Dialect = (typeof DIALECTS)[number];
/** `auto`: each document is checked in the dialect its own spellings show (core/spell/dialect.ts). */
export type SpellingLanguage = 'auto' | Dialect;

export interface SpellingSettings {
  enabled: boolean;
  language: SpellingLanguage;
  /** Workspace words from settings; the "Add to workspace words" fix writes to the workspace's word file instead (runtime/wordFiles.ts). */
  words: string[];
  /** The user's own words from settings; "Add to user words" writes to the user's word file. */
  userWords: string[];
  ignoreWords: string[];
  /** Extra word lists: paths, relative ones against the workspace folder. */
  dictionaries: string[];
}

export interface Settings {
  enable: boolean;
  minWords: number;
  severity: Readonly<Record<string, Level>>;
  aliases: Readonly<Record<SectionKind, readonly string[]>>;
  /** The frameworks a story may be told in; a story that fits none is held to STAR. */
  frameworks: readonly FrameworkId[];
  outline: OutlineMode;
  maxFileSize: number;
  /** Findings shown per document (core/limits.ts); the rest are counted in one finding. */
  maxProblems: number;
  /** URI schemes whose documents are checked; others (git, output, remote file systems) are skipped. */
  schemes: readonly string[];
  spelling: SpellingSettings;
  /** Speaking pace for a story's spoken length (core/coach/stats.ts): too-long, too-short, the hover. */
  wordsPerMinute: number;
  maxSpokenSeconds: number;
  minSpokenSeconds: number;
  /** Hedges and filler vague-language flags besides its own list (core/coach/vague.ts). */
  vagueWords: readonly string[];
  /** A line above each story with its sections, length and hints, which adds its missing sections when clicked (lsp/codeLens.ts). */
  codeLens: boolean;
  /** The question themes the story bank and its report are held against (core/bank/themes.ts). */
  themes: readonly Theme[];
}

/** Each code's own default, from the rule that declares it. */
export const DEFAULT_SEVERITY: Readonly<Record<string, Level>> = Object.fromEntries([...CODES].map(([code, info]) => [code, info.severity]));

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enable: true,
  minWords: 3,
  severity: DEFAULT_SEVERITY,
  aliases: DEFAULT_ALIASES,
  frameworks: DEFAULT_FRAMEWORKS,
  outline: 'stories',
  maxFileSize: 2 * 1024 * 1024,
  maxProblems: 1000,
  schemes: ['file', 'untitled'],
  spelling: { enabled: true, language: 'auto' as const, words: [], userWords: [], ignoreWords: [], dictionaries: [] },
  // Coaches' two minutes, with room: 150 words a minute is an unhurried interview pace.
  wordsPerMinute: 150,
  maxSpokenSeconds: 180,
  minSpokenSeconds: 45,
  vagueWords: [],
  codeLens: true,
  themes: THEME_SETS.common,
});

export interface ResolvedSettings {
  settings: Settings;
  /** One line per setting that was ignored, for the user to see once. */
  warnings: string[];
}

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Raw settings of several levels as one, for `resolveSettings`: each level wins over those before
 * it (the editor's order is config file, then the client's user and workspace settings). Objects
 * (`severity`, `aliases`, `spelling`) merge key by key; any other value, lists included, the later
 * level replaces, as VS Code merges its own levels. Undefined and null levels are skipped.
 */
export function layerSettings(...levels: unknown[]): unknown {
  return levels.reduce<unknown>((below, level) => (level === undefined || level === null ? below : overlay(below, level)), undefined);
}

function overlay(below: unknown, above: unknown): unknown {
  if (!isObject(below) || !isObject(above)) return above;
  const out: Raw = {};
  for (const [key, value] of [...Object.entries(below), ...Object.entries(above)]) {
    const merged = Object.hasOwn(out, key) ? overlay(out[key], value) : value;
    // defineProperty: a "__proto__" key from a JSON file stays a key and never becomes the prototype.
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Turns whatever the client sent (the `starNotes` section) into valid settings.
 * Invalid values fall back to the default with a warning instead of failing.
 */
export function resolveSettings(raw: unknown): ResolvedSettings {
  const warnings: string[] = [];
  const input: Raw = isObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isObject(raw)) warnings.push('starNotes: settings must be an object; using defaults.');

  const bool = (key: string, fallback: boolean, from: Raw = input, prefix = 'starNotes.'): boolean => {
    const value = from[key];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    warnings.push(`${prefix}${key} must be true or false; using ${fallback}.`);
    return fallback;
  };

  const wholeNumber = (key: 'minWords' | 'maxProblems' | 'wordsPerMinute' | 'maxSpokenSeconds' | 'minSpokenSeconds', min: number, max: number): number => {
    const value = input[key];
    if (value === undefined) return DEFAULT_SETTINGS[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    warnings.push(`starNotes.${key} must be a whole number from ${min} to ${max}; using ${DEFAULT_SETTINGS[key]}.`);
    return DEFAULT_SETTINGS[key];
  };

  const minWords = wholeNumber('minWords', 0, 1000);

  const maxFileSize = (() => {
    const value = input.maxFileSize;
    if (value === undefined) return DEFAULT_SETTINGS.maxFileSize;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 1) return Math.floor(value);
    warnings.push(`starNotes.maxFileSize must be a positive number of bytes; using ${DEFAULT_SETTINGS.maxFileSize}.`);
    return DEFAULT_SETTINGS.maxFileSize;
  })();

  const maxProblems = wholeNumber('maxProblems', 1, 1_000_000);

  const wordsPerMinute = wholeNumber('wordsPerMinute', 60, 400);
  let maxSpokenSeconds = wholeNumber('maxSpokenSeconds', 10, 3600);
  let minSpokenSeconds = wholeNumber('minSpokenSeconds', 0, 3600);
  if (minSpokenSeconds >= maxSpokenSeconds) {
    warnings.push(`starNotes.minSpokenSeconds (${minSpokenSeconds}) must be under starNotes.maxSpokenSeconds (${maxSpokenSeconds}); using ${DEFAULT_SETTINGS.minSpokenSeconds} and ${DEFAULT_SETTINGS.maxSpokenSeconds}.`);
    [minSpokenSeconds, maxSpokenSeconds] = [DEFAULT_SETTINGS.minSpokenSeconds, DEFAULT_SETTINGS.maxSpokenSeconds];
  }

  const vagueWords = (() => {
    const value = input.vagueWords;
    if (value === undefined) return DEFAULT_SETTINGS.vagueWords;
    if (Array.isArray(value) && value.every((phrase) => typeof phrase === 'string')) {
      // A phrase is matched as whole words: one that holds no letter or digit would match nothing.
      return value.map((phrase: string) => phrase.trim()).filter((phrase) => {
        if (/[\p{L}\p{N}]/u.test(phrase) && phrase.length <= 60) return true;
        warnings.push(`starNotes.vagueWords: "${phrase.slice(0, 60)}" is not a word or phrase of up to 60 characters; ignored.`);
        return false;
      });
    }
    warnings.push('starNotes.vagueWords must be a list of words or phrases; ignored.');
    return DEFAULT_SETTINGS.vagueWords;
  })();

  const schemes = (() => {
    const value = input.schemes;
    if (value === undefined) return DEFAULT_SETTINGS.schemes;
    if (Array.isArray(value) && value.every((scheme) => typeof scheme === 'string' && /^[a-z][a-z\d+.-]*$/i.test(scheme))) {
      return value.map((scheme: string) => scheme.toLowerCase());
    }
    warnings.push(`starNotes.schemes must be a list of URI schemes such as "file"; using ${DEFAULT_SETTINGS.schemes.join(', ')}.`);
    return DEFAULT_SETTINGS.schemes;
  })();

  const severity: Record<string, Level> = { ...DEFAULT_SEVERITY };
  if (input.severity !== undefined) {
    if (!isObject(input.severity)) {
      warnings.push('starNotes.severity must be an object mapping codes to levels; using defaults.');
    } else {
      for (const [code, level] of Object.entries(input.severity)) {
        const normalized = normalizeLevel(level);
        // Own keys only: "constructor" or "__proto__" from a settings file is no code.
        if (!Object.hasOwn(DEFAULT_SEVERITY, code)) warnings.push(`starNotes.severity: unknown code "${code}" ignored.`);
        else if (!normalized) warnings.push(`starNotes.severity.${code}: "${String(level)}" is not one of ${LEVELS.join(', ')}; using ${severity[code]}.`);
        else severity[code] = normalized;
      }
    }
  }

  const aliases: Record<SectionKind, string[]> = Object.fromEntries(
    [...STAR_KINDS, ...EXTRA_KINDS].map((kind) => [kind, [...DEFAULT_ALIASES[kind]]]),
  ) as Record<SectionKind, string[]>;
  if (input.aliases !== undefined) {
    if (!isObject(input.aliases)) {
      warnings.push('starNotes.aliases must be an object mapping sections to lists of labels; ignored.');
    } else {
      for (const [kind, labels] of Object.entries(input.aliases)) {
        if (!Object.hasOwn(aliases, kind)) {
          warnings.push(`starNotes.aliases: unknown section "${kind}" ignored (known: ${Object.keys(aliases).join(', ')}).`);
        } else if (!Array.isArray(labels) || labels.some((label) => typeof label !== 'string')) {
          warnings.push(`starNotes.aliases.${kind} must be a list of labels; ignored.`);
        } else {
          aliases[kind as SectionKind].push(...labels.map((label: string) => label.trim()).filter((label) => label.length > 0 && label.length <= 40));
        }
      }
    }
  }

  const frameworks = (() => {
    const value = input.frameworks;
    if (value === undefined) return DEFAULT_SETTINGS.frameworks;
    if (Array.isArray(value) && value.length > 0 && value.every((id) => typeof id === 'string' && (FRAMEWORK_IDS as readonly string[]).includes(id.toLowerCase()))) {
      return [...new Set(value.map((id: string) => id.toLowerCase() as FrameworkId))];
    }
    warnings.push(`starNotes.frameworks must be a non-empty list of ${FRAMEWORK_IDS.join(', ')}; using ${DEFAULT_SETTINGS.frameworks.join(', ')}.`);
    return DEFAULT_SETTINGS.frameworks;
  })();

  const outline = (() => {
    const value = input.outline;
    if (value === undefined) return DEFAULT_SETTINGS.outline;
    if (value === 'stories' || value === 'headings') return value;
    warnings.push(`starNotes.outline must be "stories" or "headings"; using "${DEFAULT_SETTINGS.outline}".`);
    return DEFAULT_SETTINGS.outline;
  })();

  const spelling = resolveSpelling(input.spelling, warnings, bool);

  return {
    settings: { enable: bool('enable', true), minWords, severity, aliases, frameworks, outline, maxFileSize, maxProblems, schemes, spelling, wordsPerMinute, maxSpokenSeconds, minSpokenSeconds, vagueWords, codeLens: bool('codeLens', true), themes: resolveThemes(input.themes, warnings) },
    warnings,
  };
}

function resolveSpelling(
  raw: unknown,
  warnings: string[],
  bool: (key: string, fallback: boolean, from: Raw, prefix: string) => boolean,
): SpellingSettings {
  const defaults = DEFAULT_SETTINGS.spelling;
  if (raw === undefined) return { ...defaults };
  if (!isObject(raw)) {
    warnings.push('starNotes.spelling must be an object; using defaults.');
    return { ...defaults };
  }
  const prefix = 'starNotes.spelling.';
  const words = (key: 'words' | 'userWords' | 'ignoreWords' | 'dictionaries'): string[] => {
    const value = raw[key];
    if (value === undefined) return [];
    if (Array.isArray(value)) return value.filter((word): word is string => typeof word === 'string' && word.trim().length > 0).map((word) => word.trim());
    warnings.push(`${prefix}${key} must be a list of strings; ignored.`);
    return [];
  };
  const language = (() => {
    const value = raw.language;
    if (value === undefined) return defaults.language;
    if (value === 'auto' || (DIALECTS as readonly unknown[]).includes(value)) return value as SpellingLanguage;
    warnings.push(`${prefix}language must be "auto", ${DIALECTS.map((dialect) => `"${dialect}"`).join(' or ')}; using "${defaults.language}".`);
    return defaults.language;
  })();
  // A cloned repository's settings name these files: only ones inside the workspace may be read.
  const dictionaries = words('dictionaries').filter((path) => {
    if (!/^(?:[\\/~]|[a-z]:)/i.test(path) && !path.split(/[\\/]/).includes('..')) return true;
    warnings.push(`${prefix}dictionaries: "${path}" is outside the workspace; ignored. Name a word list by its path inside the workspace folder.`);
    return false;
  });
  return {
    enabled: bool('enabled', defaults.enabled, raw, prefix),
    language,
    words: words('words'),
    userWords: words('userWords'),
    ignoreWords: words('ignoreWords'),
    dictionaries,
  };
}

function normalizeLevel(value: unknown): Level | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'ignore' || lower === 'none') return 'off';
  if (lower === 'info') return 'information';
  return (LEVELS as readonly string[]).includes(lower) ? (lower as Level) : undefined;
}
