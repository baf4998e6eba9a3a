import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from '../../server/src/core/settings';
import { CODE_GROUPS } from './corpus';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function lines(...parts: string[]): string {
  return parts.join('\n');
}

export function settingsWith(raw: Record<string, unknown> = {}): Settings {
  return Object.keys(raw).length ? resolveSettings(raw).settings : DEFAULT_SETTINGS;
}

export function check(text: string, raw: Record<string, unknown> = {}): Analysis {
  return analyze(text, settingsWith(raw));
}

/**
 * The structure codes (missing, empty, incomplete, order, duplicates): what these helpers report,
 * as the corpus's `star` group does. Hints added later are asserted by their own tests.
 */
const STRUCTURE = new Set(CODE_GROUPS.star);

function structureFindings(text: string, raw: Record<string, unknown>) {
  return check(text, raw).findings.filter((finding) => STRUCTURE.has(finding.code));
}

/** Structure findings as `code: covered text`, the shape tests assert on. */
export function found(text: string, raw: Record<string, unknown> = {}): string[] {
  return structureFindings(text, raw).map((finding) => `${finding.code}: ${text.slice(...finding.range)}`);
}

export function codes(text: string, raw: Record<string, unknown> = {}): string[] {
  return structureFindings(text, raw).map((finding) => finding.code);
}
