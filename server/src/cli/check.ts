import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parse, UsageError, wholeNumber } from './args';
import type { CheckResult } from './checkFile';
import { notesFiles } from './files';
import { FORMATS } from './formats';
import { summaryLine, type FileReport, type Summary } from './formats/types';
import { createRunner, defaultJobs } from './pool';
import { CliSettings, parseRules, warnOnce } from './settings';
import type { Task, TaskResult } from './tasks';
import { Progress, wantsColour } from './terminal';
import { toolVersion } from './version';

export const CHECK_USAGE = `Usage: star-notes check [options] [PATH|GLOB ...]

Checks the STAR stories and the spelling of markdown notes. Folders are searched for *.md and
*.markdown, leaving out what .gitignore and .star-notesignore ignore; with no path, the current folder.

  --format NAME         stylish (default, for people), json, sarif (SARIF 2.1.0), github (workflow
                        commands: annotations on a pull request), junit
  --max-warnings N      fail (exit 1) when there are more than N warning-level findings
  --rule CODE=LEVEL     set a code's level (off, hint, information, warning, error); repeatable
  --quiet               report error-level findings only
  --no-spelling         STAR findings only
  --stdin               check the text on standard input
  --stdin-filename PATH the path that text stands for: its config file, word files and name in reports
  --settings FILE       settings from FILE instead of the config files beside the notes
  --jobs N              threads to check in (default: one per core for large trees; 1: no workers)

Settings come from the nearest .star-notes.json, .star-notes.jsonc or package.json "starNotes" above
each file: the keys of the VS Code settings without "starNotes.", e.g. {"minWords": 5}.
Exit code: 0 clean; 1 error-level findings, or more warnings than --max-warnings; 2 a usage,
config or file error.`;

const OPTIONS = {
  format: { type: 'string', default: 'stylish' },
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean', default: false },
  'no-spelling': { type: 'boolean', default: false },
  stdin: { type: 'boolean', default: false },
  'stdin-filename': { type: 'string' },
  settings: { type: 'string' },
  jobs: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function runCheck(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.help) return console.log(CHECK_USAGE), 0;
  const format = FORMATS[values.format];
  if (!format) throw new UsageError(`--format: unknown format "${values.format}" (formats: ${Object.keys(FORMATS).join(', ')})`);
  const maxWarnings = wholeNumber('max-warnings', values['max-warnings'], 0);
  const jobs = wholeNumber('jobs', values.jobs, 1);
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename goes with --stdin');
  if (values.stdin && positionals.length > 0) throw new UsageError('--stdin takes no paths: name the text with --stdin-filename');
  const cwd = process.cwd();
  const warn = warnOnce();
  const settings = new CliSettings({ file: values.settings, rules: parseRules(values.rule), spelling: !values['no-spelling'], cwd }, warn);

  const stdinText = values.stdin ? await readStdin() : undefined;
  const files = values.stdin ? [resolve(cwd, values['stdin-filename'] ?? '<stdin>')] : await notesFiles(positionals.length > 0 ? positionals : ['.'], cwd);
  const shown = (file: string) => (values.stdin && values['stdin-filename'] === undefined ? '<stdin>' : showPath(cwd, file));
  const tasks = files.flatMap((file): Task[] => {
    const fileSettings = settings.forFile(file);
    return fileSettings.settings.enable ? [{ kind: 'check', file, text: stdinText, settings: fileSettings }] : [];
  });

  const results = await runAll(tasks, jobs ?? defaultJobs(tasks.length), (task) => shown(task.file));
  if (reportFailures(results, tasks, shown)) return 2;

  const reports: FileReport[] = [];
  let warnings = 0;
  let errors = 0;
  results.forEach((result, i) => {
    const { findings, skipped, stories, complete, notices } = (result as { result: CheckResult }).result;
    for (const notice of notices) warn(notice);
    if (skipped) warn(`${shown(tasks[i].file)}: ${skipped}`);
    warnings += findings.filter((finding) => finding.severity === 'warning').length;
    errors += findings.filter((finding) => finding.severity === 'error').length;
    const reported = values.quiet ? findings.filter((finding) => finding.severity === 'error') : findings;
    if (!skipped) reports.push({ file: tasks[i].file, shown: shown(tasks[i].file), findings: reported, stories, complete });
  });
  const summary: Summary = {
    files: reports.length,
    stories: reports.reduce((sum, report) => sum + report.stories, 0),
    complete: reports.reduce((sum, report) => sum + report.complete, 0),
    problems: reports.reduce((sum, report) => sum + report.findings.length, 0),
    errors,
    warnings,
  };
  process.stdout.write(format.format(reports, summary, { colour: wantsColour(process.stdout), version: toolVersion() }));
  if (format.summaryOnStderr) console.error(summaryLine(summary));
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (tooManyWarnings) console.error(`star-notes: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * Every task's result, in the tasks' order, `jobs` at a time: in worker threads when there are
 * several, with a progress bar on a terminal.
 */
export async function runAll(tasks: readonly Task[], jobs: number, name: (task: Task) => string): Promise<TaskResult[]> {
  const runner = createRunner(Math.min(jobs, Math.max(1, tasks.length)));
  const progress = new Progress(process.stderr, tasks.length);
  const results: TaskResult[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await runner.run(tasks[i]);
      progress.tick(name(tasks[i]));
    }
  };
  try {
    await Promise.all(Array.from({ length: jobs }, lane));
  } finally {
    progress.end();
    await runner.close();
  }
  return results;
}

/** Says, one line each, which files could not be read or checked; true if any. */
export function reportFailures(results: readonly TaskResult[], tasks: readonly Task[], shown: (file: string) => string): boolean {
  let failed = false;
  results.forEach((result, i) => {
    if (result.kind !== 'error') return;
    console.error(`star-notes: ${shown(tasks[i].file)}: ${result.error}`);
    failed = true;
  });
  return failed;
}

/** Relative to `cwd` with `/` where the file is inside it (reports and annotations name it so), else absolute. */
export function showPath(cwd: string, file: string): string {
  const path = relative(cwd, file);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? file : path.split(sep).join('/');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
