import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { analyze } from './core/analyze';
import { resolveSettings, type Settings } from './core/settings';
import { skipReason } from './core/parse/guards';
import { acceptedWords, spellingCheck, unknownWordMessage, type SpellingData } from './core/spell/check';
import { nearestCspellWords } from './runtime/cspellConfig';
import { SpellEngines } from './runtime/engine';
import { LineIndex } from './core/text';
import { byPosition, type Finding } from './core/findings';
import { notesFiles } from './runtime/files';
import { parseWordFile, userWordsFile, workspaceWordsFile } from './runtime/wordFiles';

const USAGE = `Usage: star-notes check [--format text|json] [--settings FILE] [--no-spelling] PATH...

Checks the STAR stories and the spelling in markdown files (directories are searched for *.md).
  --format       text (default): file:line:col severity code message; json: one array
  --settings     a JSON file with STAR Notes settings, e.g. {"minWords": 5, "spelling": {"language": "en-GB"}}
  --no-spelling  STAR findings only
Words in the nearest cspell.json / .cspell.json / cspell.config.yaml count as spelled right.
Exit code: 0 no error-level findings, 1 error-level findings, 2 usage or file errors.`;

interface Reported extends Finding {
  file: string;
  line: number;
  column: number;
}

const engines = new SpellEngines();

async function checkFile(file: string, settings: Settings): Promise<{ findings: Reported[]; skipped?: string }> {
  const text = readFileSync(file, 'utf8');
  const skipped = skipReason(text, settings);
  if (skipped) return { findings: [], skipped };
  const lines = new LineIndex(text);
  const analysis = analyze(text, settings);
  const findings = [...analysis.findings, ...(await spelling(file, analysis, settings))].sort(byPosition);
  return {
    findings: findings.map((finding) => {
      const line = lines.lineAt(finding.range[0]);
      return { ...finding, file, line: line + 1, column: finding.range[0] - lines.lineStart(line) + 1 };
    }),
  };
}

/**
 * The words the editor adds: the user's word file and the nearest `.star-notes/words.txt`
 * above the file (the CLI has no workspace folder, so the nearest one stands for it).
 */
function wordFileWords(file: string): string[] {
  const files = [userWordsFile()];
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (existsSync(workspaceWordsFile(dir))) {
      files.push(workspaceWordsFile(dir));
      break;
    }
    if (dirname(dir) === dir) break;
  }
  return files.flatMap((path) => {
    try {
      return parseWordFile(readFileSync(path, 'utf8'));
    } catch {
      return [];
    }
  });
}

/** Spelling findings, each naming its best correction: a report is read once, so it says it all. */
async function spelling(file: string, analysis: ReturnType<typeof analyze>, settings: Settings): Promise<Finding[]> {
  if (!settings.spelling.enabled) return [];
  const engine = await engines.get({ dictionaries: settings.spelling.dictionaries.map((path) => resolve(path)) });
  for (const error of engine.errors()) console.error(`star-notes: ${error}`);
  const cspell = await nearestCspellWords(dirname(resolve(file)));
  if (cspell?.error) console.error(`star-notes: ${cspell.file}: ${cspell.error}`);
  const { findings, dialect } = spellingCheck(analysis, engine, settings, acceptedWords(settings.spelling, [...(cspell?.words ?? []), ...wordFileWords(file)]));
  return findings.map((finding) => {
    if (finding.code !== 'spelling' || finding.message.includes('did you mean')) return finding;
    const { word } = finding.data as SpellingData;
    const suggestions = engine.suggest(word, dialect.dialect).map((suggestion) => suggestion.word);
    return { ...finding, message: unknownWordMessage(word, suggestions[0]), data: { word, dialect: dialect.dialect, suggestions } };
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return console.log(USAGE), 0;
  if (command !== 'check') return console.error(USAGE), 2;
  let format = 'text';
  let raw: unknown;
  let checkSpelling = true;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format') format = rest[++i];
    else if (arg === '--no-spelling') checkSpelling = false;
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

  const { settings: resolved, warnings } = resolveSettings(raw);
  const settings = checkSpelling ? resolved : { ...resolved, spelling: { ...resolved.spelling, enabled: false } };
  for (const warning of warnings) console.error(`star-notes: ${warning}`);
  let files: string[];
  try {
    files = (await Promise.all(paths.map(notesFiles))).flat();
  } catch (error) {
    console.error(`star-notes: ${(error as Error).message}`);
    return 2;
  }

  const all: Reported[] = [];
  for (const file of files) {
    const { findings, skipped } = await checkFile(file, settings);
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

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`star-notes: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
