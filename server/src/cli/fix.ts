import { readFile } from 'node:fs/promises';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import writeFileAtomic from 'write-file-atomic';
import { parse, wholeNumber } from './args';
import { reportFailures, runAll, showPath } from './check';
import type { FixResult } from './checkFile';
import { notesFiles } from './files';
import { defaultJobs } from './pool';
import { CliSettings, parseRules, warnOnce } from './settings';
import type { Task } from './tasks';

export const FIX_USAGE = `Usage: star-notes fix [options] [PATH|GLOB ...]

Applies the fixes that need no judgement: typos with one clear correction, repeated words, and
sections put back in STAR order. Files are found as by star-notes check; each changed file is
written whole or not at all, and a file with nothing to fix is not touched.

  --dry-run             print what would change, as a unified diff, and change nothing
  --rule CODE=LEVEL     set a code's level; a code that is off is not fixed
  --no-spelling         fix sections only
  --settings FILE       settings from FILE instead of the config files beside the notes
  --jobs N              threads to work in (default: one per core for large trees)

Exit code: 0 done (also when something was fixed); 2 a usage, config or file error.`;

const OPTIONS = {
  'dry-run': { type: 'boolean', default: false },
  rule: { type: 'string', multiple: true },
  'no-spelling': { type: 'boolean', default: false },
  settings: { type: 'string' },
  jobs: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function runFix(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.help) return console.log(FIX_USAGE), 0;
  const jobs = wholeNumber('jobs', values.jobs, 1);
  const cwd = process.cwd();
  const warn = warnOnce();
  const settings = new CliSettings({ file: values.settings, rules: parseRules(values.rule), spelling: !values['no-spelling'], cwd }, warn);
  const files = await notesFiles(positionals.length > 0 ? positionals : ['.'], cwd);
  const tasks = files.flatMap((file): Task[] => {
    const fileSettings = settings.forFile(file);
    return fileSettings.settings.enable ? [{ kind: 'fix', file, settings: fileSettings }] : [];
  });
  const shown = (file: string) => showPath(cwd, file);
  const results = await runAll(tasks, jobs ?? defaultJobs(tasks.length), (task) => shown(task.file));
  if (reportFailures(results, tasks, shown)) return 2;

  const total = { files: 0, typos: 0, repeated: 0, reordered: 0 };
  let failed = false;
  for (const [i, outcome] of results.entries()) {
    if (outcome.kind !== 'fix') continue;
    const { before, result } = outcome;
    for (const notice of result.notices) warn(notice);
    if (result.text === before) continue;
    const { file } = tasks[i];
    if (values['dry-run']) {
      const name = shown(file);
      const [from, to] = name === file ? [file, file] : [`a/${name}`, `b/${name}`];
      process.stdout.write(createTwoFilesPatch(from, to, before, result.text, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }));
    } else if (!(await write(file, before, result.text, shown(file)))) {
      failed = true;
      continue;
    }
    count(total, result);
  }
  const line = fixSummary(total, tasks.length, values['dry-run']);
  // The diff is the dry run's output, and may be piped to `patch`: the summary goes beside it.
  if (values['dry-run']) console.error(line);
  else console.log(line);
  return failed ? 2 : 0;
}

/**
 * Writes the fixed text through a temporary file and a rename, unless the file changed since it
 * was read (an editor saved it meanwhile): then nothing is written and the file is named.
 */
async function write(file: string, before: string, after: string, shown: string): Promise<boolean> {
  try {
    if ((await readFile(file, 'utf8')) !== before) {
      console.error(`star-notes: ${shown}: changed while it was being fixed; not written`);
      return false;
    }
    await writeFileAtomic(file, after, 'utf8');
    return true;
  } catch (error) {
    console.error(`star-notes: ${shown}: ${(error as Error).message.replace(/^[A-Z]+: /, '')}`);
    return false;
  }
}

function count(total: { files: number; typos: number; repeated: number; reordered: number }, result: FixResult): void {
  total.files++;
  total.typos += result.typos;
  total.repeated += result.repeated;
  total.reordered += result.reordered;
}

/** "Fixed 4 problems in 2 of 9 files: 2 typos, 1 repeated word, 1 story reordered." */
export function fixSummary(total: { files: number; typos: number; repeated: number; reordered: number }, files: number, dryRun: boolean): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const of = plural(files, 'file', 'files');
  const problems = total.typos + total.repeated + total.reordered;
  if (problems === 0) return `Nothing to fix in ${of}.`;
  const parts = [
    total.typos > 0 ? plural(total.typos, 'typo', 'typos') : '',
    total.repeated > 0 ? plural(total.repeated, 'repeated word', 'repeated words') : '',
    total.reordered > 0 ? `${plural(total.reordered, 'story', 'stories')} reordered` : '',
  ].filter(Boolean);
  return `${dryRun ? 'Would fix' : 'Fixed'} ${plural(problems, 'problem', 'problems')} in ${total.files} of ${of}: ${parts.join(', ')}.`;
}
