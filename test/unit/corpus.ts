import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/findings';
import { CODES } from '../../server/src/core/rules';
import { resolveSettings, type Settings } from '../../server/src/core/settings';
import { acceptedWords, spellingFindings, type WordChecker } from '../../server/src/core/spell/check';
import { LineIndex } from '../../server/src/core/text';

/**
 * Fixture notes in markdownlint's style: each `name.md` has a sidecar `name.md.expect` that says
 * which codes it checks and which findings it must get, nothing more and nothing less:
 *
 *     # free comments
 *     checks: star spelling        groups or single codes
 *     settings: {"minWords": 5}    optional, one line of JSON
 *     todo: why it fails today     optional: reported as a to-do, with its diff
 *     12 missing-result            line, or line:column (1-based), then the code
 *     30:5 empty-section
 *
 * A sidecar, not comments in the note: a comment line ends a GFM table and, before a setext
 * underline, turns it into a thematic break, so markers in the note would change what they test.
 */
export interface Expectation {
  file: string;
  codes: ReadonlySet<string>;
  settings: Settings;
  todo?: string;
  rows: readonly Row[];
}

interface Row {
  line: number;
  column?: number;
  code: string;
}

/**
 * Groups a fixture can check. Frozen lists, not "every code of the rule": a code added later is
 * opted into deliberately (`checks: star no-metric`), so adding one re-annotates no fixture.
 */
export const CODE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  star: ['missing-situation', 'missing-task', 'missing-action', 'missing-result', 'empty-section', 'incomplete-section', 'out-of-order', 'duplicate-section'],
  spelling: ['spelling', 'repeated-word'],
};

export const NOTES = join(__dirname, '..', 'fixtures', 'notes');

/** Every note under `test/fixtures/notes/` (not its README), as a path relative to it. */
export function corpusFiles(): string[] {
  return readdirSync(NOTES, { recursive: true })
    .map(String)
    .filter((name) => /\.(?:md|markdown)$/.test(name) && !/(?:^|\/)README\.md$/.test(name))
    .sort();
}

export function readExpectation(file: string): Expectation {
  const text = readFileSync(join(NOTES, `${file}.expect`), 'utf8');
  const codes = new Set<string>();
  const rows: Row[] = [];
  let raw: unknown = {};
  let todo: string | undefined;
  for (const [i, full] of text.split(/\r?\n/).entries()) {
    const line = full.replace(/(?:^|\s)#.*$/, '').trim();
    const where = `${file}.expect:${i + 1}`;
    if (!line) continue;
    const header = /^(checks|settings|todo):\s*(.*)$/.exec(line);
    if (header?.[1] === 'checks') {
      for (const name of header[2].split(/[\s,]+/).filter(Boolean)) {
        const group = CODE_GROUPS[name] ?? (CODES.has(name) ? [name] : undefined);
        if (!group) throw new Error(`${where}: "${name}" is no code, nor a group (${Object.keys(CODE_GROUPS).join(', ')})`);
        for (const code of group) codes.add(code);
      }
    } else if (header?.[1] === 'settings') raw = JSON.parse(header[2]);
    else if (header?.[1] === 'todo') todo = full.slice(full.indexOf(':') + 1).trim();
    else {
      const row = /^(\d+)(?::(\d+))?\s+([a-z-]+)$/.exec(line);
      if (!row) throw new Error(`${where}: expected "line[:column] code", got "${line}"`);
      rows.push({ line: Number(row[1]), column: row[2] === undefined ? undefined : Number(row[2]), code: row[3] });
    }
  }
  if (codes.size === 0) throw new Error(`${file}.expect: no "checks:" line`);
  const unchecked = rows.filter((row) => !codes.has(row.code));
  if (unchecked.length) throw new Error(`${file}.expect: expects ${unchecked.map((row) => row.code).join(', ')} but does not check it`);
  const { settings, warnings } = resolveSettings(raw);
  if (warnings.length) throw new Error(`${file}.expect: ${warnings.join('; ')}`);
  return { file, codes, settings, todo, rows };
}

export interface Outcome {
  /** Empty when the note got exactly what it expects. */
  diff: string;
  expected: number;
  found: number;
}

/** The findings of one fixture against its expectation; `speller` gives the checker, for fixtures that check spelling. */
export function runFixture(expectation: Expectation, speller: () => WordChecker | undefined): Outcome {
  const text = readFileSync(join(NOTES, expectation.file), 'utf8');
  const { settings, codes } = expectation;
  const analysis = analyze(text, settings);
  const findings: Finding[] = [...analysis.findings];
  if (CODE_GROUPS.spelling.some((code) => codes.has(code))) {
    const checker = speller();
    if (!checker) throw new Error(`${expectation.file}: checks spelling, but no dictionaries were loaded`);
    findings.push(...spellingFindings(analysis, checker, settings, acceptedWords(settings.spelling)));
  }
  const lines = new LineIndex(text);
  const sourceLines = text.split(/\r\n|\r|\n/);
  const got = findings
    .filter((finding) => codes.has(finding.code))
    .map((finding) => {
      const line = lines.lineAt(finding.range[0]);
      return { line: line + 1, column: finding.range[0] - lines.lineStart(line) + 1, code: finding.code, message: finding.message };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
  const unmatched = [...expectation.rows];
  const unexpected = got.filter((finding) => {
    const at = unmatched.findIndex((row) => row.code === finding.code && row.line === finding.line && (row.column === undefined || row.column === finding.column));
    if (at < 0) return true;
    unmatched.splice(at, 1);
    return false;
  });
  const show = (line: number) => JSON.stringify((sourceLines[line - 1] ?? '').slice(0, 80));
  const diff = [
    ...unmatched.map((row) => `  missing     ${row.line}${row.column ? `:${row.column}` : ''} ${row.code}   ${show(row.line)}`),
    ...unexpected.map((finding) => `  unexpected  ${finding.line}:${finding.column} ${finding.code}   ${show(finding.line)}\n              ${finding.message}`),
  ].join('\n');
  return { diff, expected: expectation.rows.length, found: got.length };
}

export function describeFile(file: string): string {
  return relative(join(NOTES, '..', '..', '..'), join(NOTES, file));
}
