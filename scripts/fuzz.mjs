// Long fuzzing runs: `npm run fuzz` (or `npm run fuzz -- --runs 200 --seed 1234`). `npm test` runs
// the same properties with a fixed seed and few runs to stay fast; this multiplies the runs and
// draws a new seed each time, printing it so that a failure can be replayed with --seed.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const runs = option('runs', '40');
const seed = option('seed', String(Math.floor(Math.random() * 2 ** 31)));

console.log(`npm run fuzz -- --runs ${runs} --seed ${seed}`);
const { status } = spawnSync(process.execPath, ['--import', 'tsx', '--test', 'test/unit/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
if (status !== 0) console.log(`\nReplay: npm run fuzz -- --runs ${runs} --seed ${seed}`);
process.exitCode = status ?? 1;
