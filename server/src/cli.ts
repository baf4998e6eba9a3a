import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from './core/analyze';
import { resolveSettings, type Settings } from './core/settings';
import { skipReason } from './core/skip';
import { LineIndex } from './core/text';
import type { Finding } from './core/types';

const USAGE = `Usage: star-notes check [--format text|json] [--settings FILE] PATH...

Checks the STAR stories in markdown files (directories are searched for *.md).
  --format    text (default): file:line:col severity code message; json: one array
  --settings  a JSON file with STAR Notes settings, e.g. {"minWords": 5}
Exit code: 0 no error-level findings, 1 error-level findings, 2 usage or file errors.`;

const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

function markdownFiles(path: string): string[] {
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : markdownFiles(join(path, entry.name));
      return /\.(md|markdown)$/i.test(entry.name) ? [join(path, entry.name)] : [];
    });
}

interface Reported extends Finding {
  file: string;
  line: number;
  column: number;
}

export function checkFile(file: string, settings: Settings): { findings: Reported[]; skipped?: string } {
  const text = readFileSync(file, 'utf8');
  const skipped = skipReason(text, settings);
  if (skipped) return { findings: [], skipped };
  const lines = new LineIndex(text);
  return {
    findings: analyze(text, settings).findings.map((finding) => {
      const line = lines.lineAt(finding.range[0]);
      return { ...finding, file, line: line + 1, column: finding.range[0] - lines.lineStart(line) + 1 };
    }),
  };
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return console.log(USAGE), 0;
  if (command !== 'check') return console.error(USAGE), 2;
  let format = 'text';
  let raw: unknown;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format') format = rest[++i];
    else if (arg === '--settings') {
      try {
        raw = JSON.parse(readFileSync(rest[++i], 'utf8'));
      } catch (error) {
        console.error(`star-notes: cannot read settings ${rest[i]}: ${(error as Error).message}`);
        return 2;
      }
    } else paths.push(arg);
  }
  if (paths.length === 0 || (format !== 'text' && format !== 'json')) return console.error(USAGE), 2;

  const { settings, warnings } = resolveSettings(raw);
  for (const warning of warnings) console.error(`star-notes: ${warning}`);
  let files: string[];
  try {
    files = paths.flatMap(markdownFiles);
  } catch (error) {
    console.error(`star-notes: ${(error as Error).message}`);
    return 2;
  }

  const all: Reported[] = [];
  for (const file of files) {
    const { findings, skipped } = checkFile(file, settings);
    if (skipped) console.error(`star-notes: ${file} ${skipped}`);
    all.push(...findings);
  }
  if (format === 'json') {
    console.log(JSON.stringify(all.map(({ file, line, column, severity, code, message }) => ({ file: relative(process.cwd(), file), line, column, severity, code, message })), null, 2));
  } else {
    for (const f of all) console.log(`${relative(process.cwd(), f.file)}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
    const errors = all.filter((f) => f.severity === 'error').length;
    console.log(`\n${files.length} file${files.length === 1 ? '' : 's'} checked: ${all.length} finding${all.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}.`);
  }
  return all.some((f) => f.severity === 'error') ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
