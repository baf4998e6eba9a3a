/**
 * The `star-notes` command (bundled as server/out/cli.js): the editor's checks from a shell, a
 * hook or CI. Each subcommand is its own module in cli/; this file only dispatches and turns a
 * usage, config or file error into one line and exit code 2.
 */
import { UsageError } from './cli/args';
import { CHECK_USAGE, runCheck } from './cli/check';
import { FIX_USAGE, runFix } from './cli/fix';
import { REPORT_USAGE, runReport } from './cli/report';
import { toolVersion } from './cli/version';

const USAGE = `Usage: star-notes <command> [options] [PATH|GLOB ...]

Commands:
  check    report what is missing or unfinished in the STAR stories, and typos
  fix      apply the safe fixes: clear typos, repeated words, sections out of order
  report   the story bank: every story, how complete it is, which questions it answers

star-notes <command> --help says more. star-notes --version prints the version.`;

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; usage: string }> = {
  check: { run: runCheck, usage: CHECK_USAGE },
  fix: { run: runFix, usage: FIX_USAGE },
  report: { run: runReport, usage: REPORT_USAGE },
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(COMMANDS[rest[0]]?.usage ?? USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v') return console.log(toolVersion()), 0;
  const run = command === undefined ? undefined : COMMANDS[command]?.run;
  if (!run) throw new UsageError(command === undefined ? 'no command given (check, fix or report); star-notes --help lists them' : `unknown command "${command}" (check, fix or report); star-notes --help lists them`);
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`star-notes: ${error.message}`);
    else console.error(`star-notes: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
