/**
 * Two sections of `npm run bench`, which also run alone (`--shapes`, `--first-open`):
 *
 * - hostile shapes (issue #12): each shape of `hostileShapes` at 1 MB, in process and over LSP,
 *   next to remark-parse + GFM on the same text;
 * - first open: a 100 KB note opened on a server that was just initialised (dictionaries still
 *   loading) and on one whose dictionaries are loaded, as a ratio to remark-parse + GFM.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { DocumentAnalyzer } from '../server/src/core/analyze';
import type { Settings } from '../server/src/core/settings';
import { spellingFindings } from '../server/src/core/spell/check';
import type { SpellEngine } from '../server/src/runtime/engine';
import { generateNotes, hostileShapes } from './corpus';
import { BenchClient } from './lsp';
import { median, round, sleep, timed, timedBoth } from './measure';

/** The targets for every shape at 1 MB, on the 2-core machine. */
export const SHAPE_TARGETS = { starMs: 3000, spellingMs: 10_000 };
/** First open of a 100 KB note, as a multiple of remark-parse + GFM on the same text. */
export const FIRST_OPEN_TARGET = 2.5;

const ROOT = resolve(__dirname, '..');

/**
 * remark-parse + GFM on the text of `file`, after one parse of `warm`, in a process of its own
 * that is stopped after `timeoutMs`: remark's whole-text parse of setext headings takes time in
 * the square of the text.
 */
const FLOOR_SCRIPT = `
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
const floor = unified().use(remarkParse).use(remarkGfm);
floor.parse(readFileSync(process.argv[1], 'utf8'));
const text = readFileSync(process.argv[2], 'utf8');
const cpu = process.cpuUsage();
const start = performance.now();
floor.parse(text);
const wallMs = performance.now() - start;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000 }));
`;

function floorInChild(warm: string, file: string, timeoutMs: number): { wallMs?: number; cpuMs?: number; timedOut?: number } {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', FLOOR_SCRIPT, warm, file], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
  if (run.error || run.signal) return { timedOut: timeoutMs };
  if (run.status !== 0) throw new Error(`remark-parse on ${file} failed: ${run.stderr}`);
  const { wallMs, cpuMs } = JSON.parse(run.stdout) as { wallMs: number; cpuMs: number };
  return { wallMs: round(wallMs), cpuMs: round(cpuMs) };
}

/** A publish that carries spelling: a spelling or repeated-word diagnostic, or a more-findings count that includes some. */
function carriesSpelling(params: PublishDiagnosticsParams): boolean {
  return params.diagnostics.some(
    (diagnostic) => diagnostic.code === 'spelling' || diagnostic.code === 'repeated-word' || (diagnostic.code === 'more-findings' && /spelling/.test(String(diagnostic.message))),
  );
}

/** A server with spelling on whose dictionaries are loaded: a probe note's spelling was published. */
async function warmServer(serverSettings: object, dir: string): Promise<BenchClient> {
  const client = await BenchClient.start({ ...serverSettings, spelling: { enabled: true } });
  const probe = pathToFileURL(join(dir, 'probe.md')).href;
  await client.open(probe, generateNotes(10_000, 77));
  await client.diagnostics(probe, 1, carriesSpelling);
  return client;
}

export interface ShapeOptions {
  bytes: number;
  /** Where the texts are written for the floor's process. */
  dir: string;
  settings: Settings;
  serverSettings: object;
  engine: SpellEngine;
  floorTimeoutMs: number;
}

export async function hostileShapesSection({ bytes, dir, settings, serverSettings, engine, floorTimeoutMs }: ShapeOptions) {
  // Both sides warm up on the same ordinary notes first, so neither pays for its first call here.
  const warm = join(dir, 'shapes-warm.md');
  writeFileSync(warm, generateNotes(100_000, 998));
  const warmText = readFileSync(warm, 'utf8');
  spellingFindings(new DocumentAnalyzer().analyze(warmText, settings), engine, settings, new Set());
  const rows = [];
  for (const shape of hostileShapes(bytes)) {
    const file = join(dir, `shape-${shape.name.replace(/\W+/g, '-')}.md`);
    writeFileSync(file, shape.text);
    const floor = floorInChild(warm, file, floorTimeoutMs);
    const [analysis, starMs, starCpuMs] = timedBoth(() => new DocumentAnalyzer().analyze(shape.text, settings));
    const [spelled, spellingMs] = timed(() => spellingFindings(analysis, engine, settings, new Set()));

    const client = await warmServer(serverSettings, dir);
    const uri = pathToFileURL(file).href;
    const sent = await client.open(uri, shape.text);
    const star = await client.diagnostics(uri, 1, () => true, 600_000);
    const spelling = await client.diagnostics(uri, 1, carriesSpelling, 600_000);
    const peakRssMB = round(client.peakRssMb(), 0);
    await client.stop();

    const lsp = { starMs: round(star.at - sent)!, spellingMs: round(spelling.at - sent)!, diagnostics: star.params.diagnostics.length, diagnosticsWithSpelling: spelling.params.diagnostics.length, peakRssMB };
    rows.push({
      shape: shape.name,
      bytes: shape.text.length,
      floor,
      core: { starMs: round(starMs), starCpuMs: round(starCpuMs), spellingMs: round(spellingMs), starFindings: analysis.findings.length, spellingFindings: spelled.length, pieces: analysis.blocks.length },
      lsp,
      starVsFloor: floor.wallMs ? round(starMs / floor.wallMs, 2) : undefined,
      met: { star: lsp.starMs <= SHAPE_TARGETS.starMs, spelling: lsp.spellingMs <= SHAPE_TARGETS.spellingMs },
    });
    console.error(`shape ${shape.name}: done`);
  }
  return { bytes, targets: SHAPE_TARGETS, floorTimeoutMs, rows };
}

export type ShapesResult = Awaited<ReturnType<typeof hostileShapesSection>>;

export interface FirstOpenOptions {
  dir: string;
  serverSettings: object;
  runs: number;
}

/**
 * didOpen of a 100 KB note to its first publish (the STAR findings), on a server initialised just
 * before (its dictionaries load meanwhile, in the spelling worker) and on one whose dictionaries
 * are loaded. Each run is paired with remark-parse + GFM on the same text, just before it.
 */
export async function firstOpenSection({ dir, serverSettings, runs }: FirstOpenOptions) {
  const floor = unified().use(remarkParse).use(remarkGfm);
  for (let i = 0; i < 3; i++) floor.parse(generateNotes(100_000, 900 + i));
  const open = async (client: BenchClient, seed: number) => {
    const text = generateNotes(100_000, seed);
    const floorMs = timed(() => floor.parse(text))[1];
    const uri = pathToFileURL(join(dir, `first-open-${seed}.md`)).href;
    const sent = await client.open(uri, text);
    const first = await client.diagnostics(uri, 1);
    return { openMs: first.at - sent, floorMs };
  };
  const summary = (measured: { openMs: number; floorMs: number }[]) => ({
    runs: measured.length,
    openMs: round(median(measured.map((m) => m.openMs))),
    floorMs: round(median(measured.map((m) => m.floorMs))),
    ratio: round(median(measured.map((m) => m.openMs / m.floorMs)), 2),
    ratios: measured.map((m) => round(m.openMs / m.floorMs, 2)),
  });

  const loading = [];
  for (let i = 0; i < runs; i++) {
    const client = await BenchClient.start({ ...serverSettings, spelling: { enabled: true } });
    loading.push(await open(client, 3000 + i));
    await client.stop();
  }
  const client = await warmServer(serverSettings, dir);
  // The probe's suggestions are worked out while idle; let that finish too.
  await sleep(3000);
  const loaded = [];
  for (let i = 0; i < runs; i++) loaded.push(await open(client, 4000 + i));
  await client.stop();
  return { bytes: 100_000, target: FIRST_OPEN_TARGET, dictionariesLoading: summary(loading), dictionariesLoaded: summary(loaded) };
}

export type FirstOpenResult = Awaited<ReturnType<typeof firstOpenSection>>;

const cells = (rows: unknown[][]) => {
  const table = rows.map((row) => row.map((cell) => String(cell ?? '–')));
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  return table.map((row) => row.map((cell, i) => cell.padStart(widths[i])).join('  ')).join('\n');
};

export function printShapes(result: ShapesResult): void {
  console.log(`\nhostile shapes at ${result.bytes} bytes; targets: STAR ${result.targets.starMs} ms, spelling ${result.targets.spellingMs} ms over LSP; times in ms\n`);
  console.log(
    cells([
      ['shape', 'remark+gfm', 'STAR', 'STAR CPU', 'STAR/remark', 'spelling', 'pieces', 'LSP open→STAR', 'LSP open→spelling', 'STAR met', 'spelling met', 'findings STAR · spelling', 'RSS MB'],
      ...result.rows.map((r) => [
        r.shape,
        r.floor.timedOut ? `>${r.floor.timedOut}` : r.floor.wallMs,
        r.core.starMs,
        r.core.starCpuMs,
        r.starVsFloor,
        r.core.spellingMs,
        r.core.pieces,
        r.lsp.starMs,
        r.lsp.spellingMs,
        r.met.star ? 'yes' : 'no',
        r.met.spelling ? 'yes' : 'no',
        `${r.core.starFindings} · ${r.core.spellingFindings}`,
        r.lsp.peakRssMB,
      ]),
    ]),
  );
}

export function printFirstOpen(result: FirstOpenResult): void {
  console.log(`\nfirst open of a ${result.bytes}-byte note → first publish (STAR), ratio to remark-parse + GFM of the same text; target ≤ ${result.target}×\n`);
  console.log(
    cells([
      ['server', 'runs', 'open→STAR ms', 'remark+gfm ms', 'ratio (median)', 'ratios'],
      ...(['dictionariesLoading', 'dictionariesLoaded'] as const).map((key) => {
        const r = result[key];
        return [key === 'dictionariesLoading' ? 'just initialised (dictionaries loading)' : 'dictionaries loaded', r.runs, r.openMs, r.floorMs, r.ratio, r.ratios.join(' ')];
      }),
    ]),
  );
}
