// Bundles the VS Code integration suite into test/vscode/out/, one file per
// test file so mocha can load them after its UI globals (suite, test) exist.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suiteDir = join(root, 'test/vscode/suite');
const outdir = join(root, 'test/vscode/out');

const entryPoints = readdirSync(suiteDir)
  .filter((file) => file === 'index.ts' || file.endsWith('.test.ts'))
  .map((file) => join(suiteDir, file));

rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // vscode only exists inside the extension host; mocha is resolved from the
  // repo's node_modules, which the extension host can reach on this machine.
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`built ${entryPoints.length} files into ${outdir}`);
