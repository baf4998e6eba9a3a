/**
 * `npm run bench`: STAR Notes against its floor (remark alone) and its peer (cspell, the engine
 * of Code Spell Checker) on the same generated notes, in process and over LSP. Prints a table
 * and writes bench/results.json. Absolute times vary by machine; the ratios are what we track.
 *
 *   --quick        two small sizes, one file each (a smoke run; results go to the temp folder)
 *   --out FILE     where to write the results
 *   --shapes       only the hostile shapes (bench/hostile.ts), each at 1 MB
 *   --first-open   only the first open of a 100 KB note
 *   --hints        only the coaching hints' cost: analysis with them on vs off
 *   --cli          only `star-notes check` on a tree of notes, in worker threads and in one
 * A section run alone replaces its own part of the results file and keeps the rest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { DocumentAnalyzer } from '../server/src/core/analyze';
import { resolveSettings } from '../server/src/core/settings';
import { spellingFindings } from '../server/src/core/spell/check';
import { SpellEngine } from '../server/src/runtime/engine';
import { DiagnosticsProvider } from '../server/src/lsp/diagnostics';
import { cliSection, printCli } from './cli';
import { generateNotes } from './corpus';
import { hintsSection, printHints } from './hints';
import { firstOpenSection, hostileShapesSection, printFirstOpen, printShapes } from './hostile';
import { BenchClient } from './lsp';
import { median, round, sleep, timed, timedAsync, timedBoth } from './measure';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outIndex = args.indexOf('--out');
const OUT = outIndex >= 0 ? resolve(args[outIndex + 1]) : quick ? join(os.tmpdir(), 'star-notes-bench', 'results.json') : join(__dirname, 'results.json');
const alone = { workspace: args.includes('--workspace'), shapes: args.includes('--shapes'), firstOpen: args.includes('--first-open'), hints: args.includes('--hints'), cli: args.includes('--cli') };
const sections = Object.values(alone).some(Boolean) ? { core: false, ...alone } : { core: true, workspace: true, shapes: true, firstOpen: true, hints: true, cli: true };

interface Size {
  label: string;
  bytes: number;
  /** Files of this size, each from its own seed: the spelling engine's block cache must not make later runs look warm. */
  files: number;
  /** Back-to-back runs of the floor and ours per file. */
  runs: number;
  /** Time edits, in process and as a burst over LSP (not for the largest size: the targets name 100 KB and 1 MB). */
  edits: boolean;
}

const SIZES: Size[] = quick
  ? [
      { label: '10 KB', bytes: 10_000, files: 1, runs: 2, edits: true },
      { label: '50 KB', bytes: 50_000, files: 1, runs: 2, edits: true },
    ]
  : [
      { label: '10 KB', bytes: 10_000, files: 5, runs: 5, edits: true },
      { label: '100 KB', bytes: 100_000, files: 3, runs: 3, edits: true },
      { label: '1 MB', bytes: 1_000_000, files: 1, runs: 3, edits: true },
      { label: '5 MB', bytes: 5_000_000, files: 1, runs: 1, edits: false },
    ];
/** The workspace index target: a thousand notes files, 20 MB in all. */
const WORKSPACE = quick ? { files: 20, bytes: 20_000 } : { files: 1000, bytes: 20_000 };
const BURST_EDITS = 50;
const BURST_INTERVAL_MS = 30;
const CORE_EDITS = 10;
/** Long enough for the server's spelling warm-up to be over. */
const WARM_UP_MS = 3000;
/** Big enough for the 5 MB notes; the default skips files over 2 MB. */
const SERVER_SETTINGS = { maxFileSize: 64 * 1024 * 1024 };
/** The size for the hostile shapes. */
const SHAPE_BYTES = quick ? 50_000 : 1_000_000;
/** remark's whole-text parse of the setext shape takes minutes at 1 MB; past this it is reported as over. */
const FLOOR_TIMEOUT_MS = quick ? 20_000 : 60_000;
const FIRST_OPEN_RUNS = quick ? 2 : 5;
/** The CLI's tree: the thousand notes of 20 KB; quick, enough files for the worker threads to start. */
const CLI_TREE = quick ? { files: 100, bytes: 5_000 } : { files: 1000, bytes: 20_000 };
/** Pairs of analyses, hints on and off, per file: the ratio of a pair is taken, and the median of the pairs reported. */
const HINT_SIZES = quick
  ? [{ label: '50 KB', bytes: 50_000, files: 1, runs: 4 }]
  : [
      { label: '100 KB', bytes: 100_000, files: 3, runs: 6 },
      { label: '1 MB', bytes: 1_000_000, files: 1, runs: 6 },
    ];

/** cspell's package exports neither its CLI script nor its package.json. */
const PACKAGES = join(__dirname, '..', 'node_modules');
const settings = resolveSettings(SERVER_SETTINGS).settings;
const floor = unified().use(remarkParse);
const dir = join(os.tmpdir(), 'star-notes-bench');

/** A one-character edit in the middle of the prose, as a typist makes them. */
function typingSpot(text: string): { offset: number; line: number; character: number } {
  const lines = text.split('\n');
  let line = lines.length >> 1;
  while (line < lines.length - 1 && !/^[A-Z][a-z]+ \w/.test(lines[line])) line++;
  const offset = lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + 5;
  return { offset, line, character: 5 };
}

const loadAverage = () => os.loadavg().map((load) => round(load, 2));

async function main() {
  const loadAverageAtStart = loadAverage();
  mkdirSync(dir, { recursive: true });
  const engine = await SpellEngine.create({ dictionaries: [] });
  const machine = {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart,
  };
  const previous = sections.core || !existsSync(OUT) ? {} : (JSON.parse(readFileSync(OUT, 'utf8')) as Partial<Report>);
  const core = sections.core ? await coreSections(engine) : undefined;
  const workspace = sections.workspace ? { date: new Date().toISOString(), loadAverageAtStart: loadAverage(), ...(await workspaceIndex()), loadAverageAtEnd: loadAverage() } : undefined;
  const shapes = sections.shapes
    ? { date: new Date().toISOString(), loadAverageAtStart: loadAverage(), ...(await hostileShapesSection({ bytes: SHAPE_BYTES, dir, settings, serverSettings: SERVER_SETTINGS, engine, floorTimeoutMs: FLOOR_TIMEOUT_MS })), loadAverageAtEnd: loadAverage() }
    : undefined;
  const firstOpen = sections.firstOpen
    ? { date: new Date().toISOString(), loadAverageAtStart: loadAverage(), ...(await firstOpenSection({ dir, serverSettings: SERVER_SETTINGS, runs: FIRST_OPEN_RUNS })), loadAverageAtEnd: loadAverage() }
    : undefined;
  const hints = sections.hints ? { date: new Date().toISOString(), loadAverageAtStart: loadAverage(), ...hintsSection({ sizes: HINT_SIZES, base: SERVER_SETTINGS }), loadAverageAtEnd: loadAverage() } : undefined;
  const cli = sections.cli ? { date: new Date().toISOString(), loadAverageAtStart: loadAverage(), ...cliSection({ dir, ...CLI_TREE }), loadAverageAtEnd: loadAverage() } : undefined;
  const report = {
    ...previous,
    ...(core ? { date: new Date().toISOString(), machine: { ...machine, loadAverageAtEnd: loadAverage() }, ...core } : {}),
    ...(previous.machine || core ? {} : { machine }),
    ...(workspace ? { workspace } : {}),
    ...(shapes ? { shapes } : {}),
    ...(firstOpen ? { firstOpen } : {}),
    ...(hints ? { hints } : {}),
    ...(cli ? { cli } : {}),
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(report, null, 2) + '\n');
  console.log(`\n${JSON.stringify(machine)}`);
  if (core) printTable(report as Report);
  if (workspace) printWorkspace(workspace);
  if (shapes) printShapes(shapes);
  if (firstOpen) printFirstOpen(firstOpen);
  if (hints) printHints(hints);
  if (cli) printCli(cli);
  console.log(`\nWritten to ${OUT}`);
}

/** The sections by document size, against the floor and cspell, in process and over LSP. */
async function coreSections(engine: SpellEngine) {
  const cspellLib = await import('cspell-lib');
  const cspellBin = join(PACKAGES, 'cspell', 'bin.mjs');

  const checkWithCspell = (file: string, text: string) =>
    cspellLib.spellCheckDocument({ uri: pathToFileURL(file).href, text, languageId: 'markdown', locale: 'en' }, { generateSuggestions: false, noConfigSearch: true }, {});
  const ours = (analyzer: DocumentAnalyzer, text: string) => {
    const start = performance.now();
    const analysis = analyzer.analyze(text, settings);
    const star = performance.now() - start;
    spellingFindings(analysis, engine, settings, new Set());
    return { star, total: performance.now() - start };
  };

  // Warm every contender up on notes none of the measured files share, so first-call costs are their own line.
  const warm = generateNotes(20_000, 999);
  const warmFile = join(dir, 'warm.md');
  writeFileSync(warmFile, warm);
  const [, cspellFirst] = await timedAsync(() => checkWithCspell(warmFile, warm));
  floor.parse(warm);
  ours(new DocumentAnalyzer(), warm);

  const results = [];
  for (const size of SIZES) {
    const names = ['floor', 'star', 'core', 'findings', 'cspellLib', 'cspellCli', 'starVsFloor', 'coreVsFloor', 'starVsFloorCpu', 'coreVsFloorCpu', 'coreVsCspell', 'editStar', 'edit'] as const;
    const rows = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<(typeof names)[number], number[]>;
    const files: { file: string; text: string }[] = [];
    for (let i = 0; i < size.files; i++) {
      const text = generateNotes(size.bytes, 1000 + i);
      const file = join(dir, `notes-${size.bytes}-${i}.md`);
      writeFileSync(file, text);
      files.push({ file, text });
    }
    for (const { file, text } of files) {
      // On a shared machine other work comes and goes, so each ratio is taken between runs made
      // back to back, and the ratios' median is reported.
      let spelling = 0;
      let spellingCpu = 0;
      for (let run = 0; run < size.runs; run++) {
        const [, floorMs, floorCpu] = timedBoth(() => floor.parse(text));
        const analyzer = new DocumentAnalyzer();
        const [analysis, star, starCpu] = timedBoth(() => analyzer.analyze(text, settings));
        if (run === 0) {
          // The spelling engine remembers the blocks it has seen: only its first look at a file counts.
          const [found, ms, cpu] = timedBoth(() => spellingFindings(analysis, engine, settings, new Set()));
          spelling = ms;
          spellingCpu = cpu;
          rows.findings.push(analysis.findings.length + found.length);
        }
        rows.starVsFloorCpu.push(starCpu / floorCpu);
        rows.coreVsFloorCpu.push((starCpu + spellingCpu) / floorCpu);
        const cspellMs = (await timedAsync(() => checkWithCspell(file, text)))[1];
        rows.floor.push(floorMs);
        rows.star.push(star);
        rows.core.push(star + spelling);
        rows.cspellLib.push(cspellMs);
        rows.starVsFloor.push(star / floorMs);
        rows.coreVsFloor.push((star + spelling) / floorMs);
        rows.coreVsCspell.push((star + spelling) / cspellMs);
      }
      const cli = performance.now();
      // Run from the notes' folder: cspell checks no file outside its working directory.
      const checked = spawnSync(process.execPath, [cspellBin, '--no-progress', '--no-summary', '--no-cache', basename(file)], { cwd: dir, encoding: 'utf8' });
      if (!checked.stdout.includes('Unknown word')) throw new Error(`cspell CLI found nothing in ${file}: ${checked.stderr}`);
      rows.cspellCli.push(performance.now() - cli);
      if (!size.edits) continue;
      const analyzer = new DocumentAnalyzer();
      analyzer.analyze(text, settings);
      const { offset } = typingSpot(text);
      let edited = text;
      for (let e = 0; e < CORE_EDITS; e++) {
        edited = edited.slice(0, offset + e) + 'x' + edited.slice(offset + e);
        const measured = ours(analyzer, edited);
        rows.editStar.push(measured.star);
        rows.edit.push(measured.total);
      }
    }
    const starOnly = await overLsp(files, size.edits, false);
    const lsp = await overLsp(files, size.edits, true);
    const mb = files[0].text.length / 1e6;
    const floorMs = median(rows.floor);
    const result = {
      size: size.label,
      bytes: files[0].text.length,
      files: size.files,
      floorMs: round(floorMs),
      core: { starMs: round(median(rows.star)), totalMs: round(median(rows.core)), mbPerS: round(mb / (median(rows.core) / 1000), 2), findings: median(rows.findings) },
      coreEdit: size.edits ? { starMs: round(median(rows.editStar)), totalMs: round(median(rows.edit)) } : undefined,
      cspell: { libMs: round(median(rows.cspellLib)), cliMs: round(median(rows.cspellCli)) },
      lsp: { starOnly, withSpelling: lsp },
      ratios: {
        coreVsFloor: round(median(rows.coreVsFloor), 2),
        starVsFloor: round(median(rows.starVsFloor), 2),
        starVsFloorCpu: round(median(rows.starVsFloorCpu), 2),
        coreVsFloorCpu: round(median(rows.coreVsFloorCpu), 2),
        coreVsCspellLib: round(median(rows.coreVsCspell), 2),
        coreVsCspellCli: round(median(rows.core) / median(rows.cspellCli), 2),
        openVsFloor: round(lsp.openVsFloor ?? lsp.openMs / floorMs, 2),
        openStarOnlyVsFloor: round(starOnly.openVsFloor ?? starOnly.openMs / floorMs, 2),
        editAfterDebounceVsCspellLib: lsp.burst ? round(lsp.burst.afterDebounceMs / median(rows.cspellLib), 2) : undefined,
      },
    };
    results.push(result);
    console.error(`${size.label}: done`);
  }

  return {
    cspell: { version: JSON.parse(readFileSync(join(PACKAGES, 'cspell-lib', 'package.json'), 'utf8')).version, firstCallMs: round(cspellFirst) },
    burst: { edits: BURST_EDITS, intervalMs: BURST_INTERVAL_MS },
    results,
  };
}

/**
 * Over LSP, with a server of its own. With `spelling` off the times are STAR Notes' own; with it
 * on they wait for the diagnostics that include spelling. The probe document opened first loads
 * the dictionaries and the folder's cspell settings, as the first document of a session does.
 */
async function overLsp(files: readonly { file: string; text: string }[], burst: boolean, spelling: boolean) {
  const client = await BenchClient.start({ ...SERVER_SETTINGS, spelling: { enabled: spelling } });
  const done = spelling ? hasSpelling : () => true;
  const probe = pathToFileURL(join(dir, 'probe.md')).href;
  const probeSent = await client.open(probe, generateNotes(10_000, 77));
  const probeDiagnosed = await client.diagnostics(probe, 1);
  await client.diagnostics(probe, 1, done);
  // The dictionaries load in the background even with spelling off; measure after that.
  if (!spelling) await sleep(WARM_UP_MS);

  const opens: number[] = [];
  const openVsFloor: number[] = [];
  const symbolLatencies: number[] = [];
  for (const { file, text } of files) {
    const uri = pathToFileURL(file).href;
    const floorMs = pairedFloor(text);
    const sent = await client.open(uri, text);
    let opened = false;
    const diagnosed = client.diagnostics(uri, 1, done).finally(() => (opened = true));
    while (!opened) {
      symbolLatencies.push(await client.symbolsLatency(probe));
      await sleep(50);
    }
    opens.push((await diagnosed).at - sent);
    if (floorMs !== undefined) openVsFloor.push(opens[opens.length - 1] / floorMs);
  }

  const { file, text } = files[0];
  const uri = pathToFileURL(file).href;
  let burstResult;
  if (burst) {
    const { line, character } = typingSpot(text);
    const first = client.version(uri) + 1;
    let last = 0;
    for (let i = 0; i < BURST_EDITS; i++) {
      if (i > 0) await sleep(BURST_INTERVAL_MS);
      last = await client.insert(uri, line, character + i, 'x');
    }
    const final = client.version(uri);
    const settled = await client.diagnostics(uri, final, done);
    burstResult = {
      ms: round(settled.at - last)!,
      afterDebounceMs: round(settled.at - last - DiagnosticsProvider.DEBOUNCE_MS)!,
      stalePublishes: client.published.filter((p) => p.params.uri === uri && p.params.version! >= first && p.params.version! < final).length,
    };
  }
  const result = {
    startMs: round(client.startMs),
    startToFirstDiagnosticsMs: round(probeDiagnosed.at - client.spawnedAt),
    probeOpenMs: round(probeDiagnosed.at - probeSent),
    openMs: round(median(opens))!,
    openVsFloor: openVsFloor.length ? median(openVsFloor) : undefined,
    symbolsWhileOpening: { requests: symbolLatencies.length, maxMs: round(Math.max(0, ...symbolLatencies)), medianMs: round(symbolLatencies.length ? median(symbolLatencies) : 0) },
    burst: burstResult,
    peakRssMB: round(client.peakRssMb(), 0),
  };
  await client.stop();
  return result;
}

/** Indexing a workspace of notes: from `initialized` to the end of the progress it reports. */
async function workspaceIndex() {
  const folder = join(dir, 'workspace');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < WORKSPACE.files; i++) {
    const text = generateNotes(WORKSPACE.bytes, 5000 + i);
    bytes += text.length;
    writeFileSync(join(folder, `notes-${i}.md`), text);
  }
  let begun = 0;
  let ended = 0;
  const client = await BenchClient.start(SERVER_SETTINGS, {
    folder,
    onProgress: (kind) => {
      if (kind === 'begin') begun = performance.now();
      if (kind === 'end') ended = performance.now();
    },
  });
  const probe = pathToFileURL(join(dir, 'probe.md')).href;
  await client.open(probe, generateNotes(10_000, 77));
  const latencies: number[] = [];
  while (!ended) {
    latencies.push(await client.symbolsLatency(probe));
    await sleep(50);
  }
  // The story bank once indexing is done: the tree view's and the report's request, five times.
  const bank: number[] = [];
  let stories = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const answer = await client.connection.sendRequest<{ stories: unknown[] }>('starNotes/stories', {});
    bank.push(performance.now() - start);
    stories = answer.stories.length;
  }
  const result = {
    files: WORKSPACE.files,
    bytes,
    indexMs: round(ended - begun)!,
    symbolsWhileIndexing: { requests: latencies.length, maxMs: round(Math.max(...latencies)), medianMs: round(median(latencies)) },
    storyBank: { stories, firstMs: round(bank[0]), medianMs: round(median(bank)) },
    peakRssMB: round(client.peakRssMb(), 0),
  };
  await client.stop();
  return result;
}

/** The floor parsed just before the server gets the same text; not past 1 MB, where it takes most of a minute. */
function pairedFloor(text: string): number | undefined {
  return text.length <= 1_100_000 ? timed(() => floor.parse(text))[1] : undefined;
}

/** The spelling source's findings are in: typos, or repeated words (which a full cap of warnings keeps before typos). */
function hasSpelling(params: { diagnostics: { code?: number | string }[] }): boolean {
  return params.diagnostics.some((diagnostic) => diagnostic.code === 'spelling' || diagnostic.code === 'repeated-word');
}

type Report = { machine: object; cspell: { firstCallMs?: number }; results: SizeResult[] };
type SizeResult = {
  size: string;
  floorMs?: number;
  core: { starMs?: number; totalMs?: number; mbPerS?: number };
  coreEdit?: { starMs?: number; totalMs?: number };
  cspell: { libMs?: number; cliMs?: number };
  lsp: Record<'starOnly' | 'withSpelling', Awaited<ReturnType<typeof overLsp>>>;
  ratios: Record<string, number | undefined>;
};

function printTable(report: Report) {
  const table = [
    ['size', 'floor', 'ours STAR', 'ours', 'cspell-lib', 'cspell CLI', 'STAR/floor', 'ours/floor', 'CPU: STAR/floor', 'ours/floor', 'ours/cspell', 'edit STAR', 'edit', 'LSP open STAR', 'LSP open', 'open/floor', 'LSP edit STAR', 'LSP edit', 'edit-120/cspell', 'symbols max', 'RSS STAR', 'RSS'],
    ...report.results.map((r) => [
      r.size,
      r.floorMs,
      r.core.starMs,
      r.core.totalMs,
      r.cspell.libMs,
      r.cspell.cliMs,
      r.ratios.starVsFloor,
      r.ratios.coreVsFloor,
      r.ratios.starVsFloorCpu,
      r.ratios.coreVsFloorCpu,
      r.ratios.coreVsCspellLib,
      r.coreEdit?.starMs,
      r.coreEdit?.totalMs,
      r.lsp.starOnly.openMs,
      r.lsp.withSpelling.openMs,
      r.ratios.openVsFloor,
      r.lsp.starOnly.burst?.ms,
      r.lsp.withSpelling.burst?.ms,
      r.ratios.editAfterDebounceVsCspellLib,
      r.lsp.withSpelling.symbolsWhileOpening.maxMs,
      r.lsp.starOnly.peakRssMB,
      r.lsp.withSpelling.peakRssMB,
    ]),
  ].map((row) => row.map((cell) => String(cell ?? '–')));
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  console.log(`\ncspell-lib first call ${report.cspell.firstCallMs} ms; times in ms, memory in MB\n`);
  for (const row of table) console.log(row.map((cell, i) => cell.padStart(widths[i])).join('  '));
}

function printWorkspace(w: Awaited<ReturnType<typeof workspaceIndex>>) {
  console.log(`\nworkspace: ${w.files} files, ${(w.bytes / 1e6).toFixed(1)} MB indexed in ${w.indexMs} ms; documentSymbol meanwhile: max ${w.symbolsWhileIndexing.maxMs} ms, median ${w.symbolsWhileIndexing.medianMs} ms; starNotes/stories after it (${w.storyBank.stories} stories): first ${w.storyBank.firstMs} ms, median ${w.storyBank.medianMs} ms; peak RSS ${w.peakRssMB} MB`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
