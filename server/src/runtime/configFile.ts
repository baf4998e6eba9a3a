import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { isInside } from './files';

/**
 * STAR Notes' own configuration files, in the order they win within one folder. A package.json
 * counts only when it has a `starNotes` key, so a `.star-notes.json` beside an ordinary
 * package.json is found, and the package.json of a project that never heard of us is passed over.
 */
export const CONFIG_FILES: readonly string[] = ['.star-notes.json', '.star-notes.jsonc', 'package.json'];

export type FoundConfig = { path: string; raw: unknown } | { path: string; error: string };

/**
 * The configuration nearest to `fromPath` (a file or a folder), searching its folder and then
 * each parent up to `stopAt` (inclusive) or the root. `raw` has the shape `resolveSettings`
 * takes: the keys of the VS Code settings without `starNotes.`, nested (`{"spelling":
 * {"language": "en-GB"}}`) or dotted as in settings.json (`{"spelling.language": "en-GB"}`).
 * A file that is there but can't be used gives `error`, one line saying why, so the caller can
 * say so and fall back to the defaults rather than skip to a config file further up.
 */
export function findConfig(fromPath: string, stopAt?: string): FoundConfig | undefined {
  const start = resolve(fromPath);
  const stop = stopAt === undefined ? undefined : resolve(stopAt);
  for (let dir = isDirectory(start) ? start : dirname(start); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const found = readConfig(join(dir, name));
      if (found) return found;
    }
    const parent = dirname(dir);
    if (parent === dir || (stop !== undefined && !isInside(stop, parent))) return undefined;
  }
}

/** The configuration in `path`, or undefined when there is none there (no file, or a package.json without `starNotes`). */
export function readConfig(path: string): FoundConfig | undefined {
  let text: string;
  try {
    if (!statSync(path).isFile()) return undefined;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { path, error: `cannot read: ${(error as Error).message}` };
  }
  const isPackage = basename(path) === 'package.json';
  const errors: ParseError[] = [];
  // .jsonc takes comments and trailing commas; .json files and package.json are JSON, as the editor's schema checks them.
  const lenient = path.endsWith('.jsonc');
  const value: unknown = parse(text, errors, { disallowComments: !lenient, allowTrailingComma: lenient, allowEmptyContent: false });
  if (errors.length > 0) {
    // A package.json that isn't JSON is npm's to report; it tells nothing about STAR Notes.
    if (isPackage) return undefined;
    const { line, column } = position(text, errors[0].offset);
    return { path, error: `line ${line}, column ${column}: ${describe(errors[0])}` };
  }
  if (isPackage) {
    if (!isObject(value) || !Object.hasOwn(value, 'starNotes')) return undefined;
    const section = value.starNotes;
    return isObject(section) ? { path, raw: nest(section) } : { path, error: '"starNotes" must be an object of settings' };
  }
  return isObject(value) ? { path, raw: nest(value) } : { path, error: 'must be an object of settings, e.g. {"minWords": 5}' };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * settings.json's dotted keys (`"spelling.language"`) as the nested objects the settings take.
 * Codes such as `missing-task` have no dots, so only the setting names are split. Where both
 * forms name one setting, the dotted one wins, as it is the more specific.
 */
function nest(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const dotted = Object.entries(input).filter(([key]) => key.includes('.'));
  for (const [key, value] of Object.entries(input)) if (!key.includes('.')) out[key] = isObject(value) ? { ...value } : value;
  for (const [key, value] of dotted) {
    const parts = key.replace(/^starNotes\./, '').split('.');
    let target = out;
    for (const part of parts.slice(0, -1)) {
      if (!isObject(target[part])) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]] = value;
  }
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const PARSE_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'comments are only allowed in .jsonc files',
  UnexpectedEndOfComment: 'unfinished comment',
  UnexpectedEndOfString: 'unfinished string',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

function describe(error: ParseError): string {
  const name = printParseErrorCode(error.error);
  return PARSE_ERRORS[name] ?? name;
}
