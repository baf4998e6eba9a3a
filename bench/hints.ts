/**
 * A section of `npm run bench`, which also runs alone (`--hints`): what the coaching hints (issue
 * #14) add to analysis. The same notes are analysed with every hint code on (too-short included,
 * the most work) and with every hint code off (their rules are then not run), back to back in the
 * same process, and the CPU-time ratio of each pair is taken; the median is reported.
 */
import { DocumentAnalyzer, type Analysis } from '../server/src/core/analyze';
import { resolveSettings, type Settings } from '../server/src/core/settings';
import { generateNotes } from './corpus';
import { median, round, timedBoth } from './measure';

/** The limit: hints add at most 10% to analysis time. */
export const HINTS_TARGET = 1.1;

/** The codes of the hint rules; every other code keeps its default in both runs. */
export const HINT_CODES = ['no-metric', 'team-voice', 'too-long', 'too-short', 'unbalanced', 'vague-language'] as const;

export interface HintsOptions {
  sizes: readonly { label: string; bytes: number; files: number; runs: number }[];
  /** Server settings both runs start from (the benchmark's larger maxFileSize). */
  base: object;
}

const severities = (level: string) => Object.fromEntries(HINT_CODES.map((code) => [code, level]));

export function hintsSection({ sizes, base }: HintsOptions) {
  const on = resolveSettings({ ...base, severity: severities('hint') }).settings;
  const off = resolveSettings({ ...base, severity: severities('off') }).settings;
  const warm = generateNotes(20_000, 997);
  new DocumentAnalyzer().analyze(warm, on);
  new DocumentAnalyzer().analyze(warm, off);
  const rows = sizes.map((size) => {
    const ratios: number[] = [];
    const onMs: number[] = [];
    const offMs: number[] = [];
    let hints = 0;
    for (let i = 0; i < size.files; i++) {
      const text = generateNotes(size.bytes, 3000 + i);
      for (let run = 0; run < size.runs; run++) {
        // Which goes first alternates, so neither is always the one that runs on a warmer heap.
        const cpu = new Map<Settings, { analysis: Analysis; ms: number }>();
        for (const settings of run % 2 === 0 ? [on, off] : [off, on]) {
          const [analysis, , ms] = timedBoth(() => new DocumentAnalyzer().analyze(text, settings));
          cpu.set(settings, { analysis, ms });
        }
        const [withHints, without] = [cpu.get(on)!, cpu.get(off)!];
        onMs.push(withHints.ms);
        offMs.push(without.ms);
        ratios.push(withHints.ms / without.ms);
        if (run === 0) hints += withHints.analysis.findings.filter((finding) => (HINT_CODES as readonly string[]).includes(finding.code)).length;
      }
    }
    const ratio = round(median(ratios), 3)!;
    return { size: size.label, bytes: size.bytes, files: size.files, runs: size.runs, onCpuMs: round(median(onMs)), offCpuMs: round(median(offMs)), hints, ratio, met: ratio <= HINTS_TARGET };
  });
  return { target: HINTS_TARGET, codes: HINT_CODES, rows };
}

export type HintsResult = ReturnType<typeof hintsSection>;

export function printHints(result: HintsResult): void {
  console.log(`\nhints on vs off (CPU time of a full analysis, median of back-to-back pairs); target ≤ ${result.target}×\n`);
  const table = [
    ['size', 'files × runs', 'hints on ms', 'hints off ms', 'hints found', 'on/off', 'met'],
    ...result.rows.map((r) => [r.size, `${r.files} × ${r.runs}`, r.onCpuMs, r.offCpuMs, r.hints, r.ratio, r.met ? 'yes' : 'no']),
  ].map((row) => row.map((cell) => String(cell ?? '–')));
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padStart(widths[i])).join('  '));
}
