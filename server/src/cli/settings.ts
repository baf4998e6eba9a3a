import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Level } from '../core/findings';
import { CODES } from '../core/rules';
import { LEVELS, resolveSettings } from '../core/settings';
import { findConfig, readConfig, type FoundConfig } from '../runtime/configFile';
import { UsageError } from './args';
import type { FileSettings } from './checkFile';

export interface SettingsOptions {
  /** `--settings FILE`: this file instead of the config files found beside the notes. */
  file?: string;
  /** `--rule CODE=LEVEL`, over what the config says. */
  rules: Readonly<Record<string, Level>>;
  /** False for `--no-spelling`. */
  spelling: boolean;
  cwd: string;
}

/** `--rule` values as severities; an unknown code or level is a usage error. */
export function parseRules(values: readonly string[] = []): Record<string, Level> {
  const rules: Record<string, Level> = {};
  for (const value of values) {
    const match = /^([^=]+)=(.*)$/.exec(value);
    if (!match) throw new UsageError(`--rule takes CODE=LEVEL, e.g. missing-result=error, not "${value}"`);
    const [, code, level] = match.map((part) => part.trim());
    if (!CODES.has(code)) throw new UsageError(`--rule: unknown code "${code}" (codes: ${[...CODES.keys()].join(', ')})`);
    const known = LEVELS.find((candidate) => candidate === level.toLowerCase() || (level.toLowerCase() === 'info' && candidate === 'information'));
    if (!known) throw new UsageError(`--rule ${code}: "${level}" is not one of ${LEVELS.join(', ')}`);
    rules[code] = known;
  }
  return rules;
}

/**
 * Each file's settings: the nearest `.star-notes.json`, `.star-notes.jsonc` or package.json
 * `"starNotes"` above it (or `--settings FILE` for all), then `--rule` and `--no-spelling`.
 * Relative dictionary paths are relative to the file that names them. A config file that can't
 * be used is a usage error naming it: a check in CI must not pass on settings it never read.
 */
export class CliSettings {
  readonly #options: SettingsOptions;
  readonly #warn: (line: string) => void;
  readonly #byFolder = new Map<string, FoundConfig | undefined>();
  readonly #byConfig = new Map<string, FileSettings>();
  readonly #explicit: FoundConfig | undefined;

  constructor(options: SettingsOptions, warn: (line: string) => void) {
    this.#options = options;
    this.#warn = warn;
    if (options.file !== undefined) {
      const path = resolve(options.cwd, options.file);
      this.#explicit = readConfig(path) ?? { path, error: 'no such file, or a package.json without "starNotes"' };
    }
  }

  forFile(file: string): FileSettings {
    const config = this.#explicit ?? this.#configOf(dirname(resolve(this.#options.cwd, file)));
    if (config && 'error' in config) throw new UsageError(`${this.#show(config.path)}: ${config.error}`);
    const key = config?.path ?? '';
    let settings = this.#byConfig.get(key);
    if (!settings) this.#byConfig.set(key, (settings = this.#resolve(config)));
    return settings;
  }

  #configOf(folder: string): FoundConfig | undefined {
    if (!this.#byFolder.has(folder)) this.#byFolder.set(folder, findConfig(folder));
    return this.#byFolder.get(folder);
  }

  #resolve(config: { path: string; raw: unknown } | undefined): FileSettings {
    const raw = isObject(config?.raw) ? config.raw : {};
    // A severity that is no object is left for resolveSettings to warn about.
    const severity = raw.severity === undefined || isObject(raw.severity) ? { ...(raw.severity as object | undefined), ...this.#options.rules } : raw.severity;
    const { settings, warnings } = resolveSettings({ ...raw, severity });
    // The file names settings without the `starNotes.` of the editor's, so its warnings do too.
    for (const warning of warnings) this.#warn(config ? `${this.#show(config.path)}: ${warning.replace(/^starNotes\./, '')}` : warning);
    const base = config ? dirname(config.path) : this.#options.cwd;
    return {
      settings: this.#options.spelling ? settings : { ...settings, spelling: { ...settings.spelling, enabled: false } },
      dictionaries: settings.spelling.dictionaries.map((path) => (isAbsolute(path) ? path : resolve(base, path))),
    };
  }

  #show(path: string): string {
    const shown = relative(this.#options.cwd, path);
    return shown.startsWith('..') ? path : shown;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A warning on stderr, each line once: every file of a tree may hit the same bad setting. */
export function warnOnce(): (line: string) => void {
  const warned = new Set<string>();
  return (line) => {
    if (!warned.has(line)) console.error(`star-notes: ${line}`);
    warned.add(line);
  };
}
