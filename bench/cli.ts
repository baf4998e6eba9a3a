/**
 * `star-notes check` from a shell, as CI runs it: a tree of generated notes checked in worker
 * threads (the default for a tree this size) and in one thread (`--jobs 1`), and one small note,
 * dictionaries included, each a fresh process timed from spawn to exit. The summary line must
 * be there: a run that died early would otherwise look fast.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { generateNotes } from './corpus';
import { round } from './measure';

const CLI = resolve(__dirname, '../server/out/cli.js');
const SUMMARY = /^(\d+) files?, (\d+) stor(?:y|ies) \((\d+) complete\), (\d+) problems?$/m;

/** The targets: a thousand notes (20 MB) in under two minutes, one small note in under two seconds. */
export const CLI_TARGETS = { treeMs: 120_000, smallFileMs: 2_000 };

export interface CliOptions {
  dir: string;
  files: number;
  bytes: number;
}

function timedCheck(args: string[], cwd: string) {
  const start = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  const summary = SUMMARY.exec(run.stderr);
  if (run.status === 2 || !summary) throw new Error(`star-notes check ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
  return { ms: round(ms)!, files: Number(summary[1]), stories: Number(summary[2]), problems: Number(summary[4]) };
}

export function cliSection({ dir, files, bytes }: CliOptions) {
  const tree = join(dir, 'cli-tree');
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  let total = 0;
  for (let i = 0; i < files; i++) {
    const text = generateNotes(bytes, 7000 + i);
    total += text.length;
    writeFileSync(join(tree, `notes-${String(i).padStart(4, '0')}.md`), text);
  }
  const small = join(dir, 'cli-small.md');
  writeFileSync(small, generateNotes(2_000, 7));

  const workers = timedCheck(['.'], tree);
  const oneThread = timedCheck(['--jobs', '1', '.'], tree);
  if (workers.problems !== oneThread.problems) throw new Error(`threads disagree: ${workers.problems} problems in workers, ${oneThread.problems} in one thread`);
  const smallFile = timedCheck([small], dir);
  return {
    files,
    bytes: total,
    cores: availableParallelism(),
    tree: { workersMs: workers.ms, oneThreadMs: oneThread.ms, speedUp: round(oneThread.ms / workers.ms, 2), stories: workers.stories, problems: workers.problems },
    smallFileMs: smallFile.ms,
    targets: CLI_TARGETS,
  };
}

export type CliResult = ReturnType<typeof cliSection>;

export function printCli(result: CliResult): void {
  const { tree } = result;
  const mb = (result.bytes / 1e6).toFixed(1);
  console.log(
    `\nstar-notes check: ${result.files} files (${mb} MB) in ${tree.workersMs} ms with worker threads (target ${result.targets.treeMs} ms), ${tree.oneThreadMs} ms in one thread: ${tree.speedUp}x on ${result.cores} cores; one small note in ${result.smallFileMs} ms (target ${result.targets.smallFileMs} ms)`,
  );
}
