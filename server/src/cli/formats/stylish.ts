import { styleText } from 'node:util';
import type { Level } from '../../core/findings';
import { summaryLine, type Formatter } from './types';

const LABELS: Record<Exclude<Level, 'off'>, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const COLOURS: Record<Exclude<Level, 'off'>, Parameters<typeof styleText>[0]> = { error: 'red', warning: 'yellow', information: 'cyan', hint: 'gray' };

/**
 * For people, as ESLint's stylish: each file's path, then one aligned line per finding with
 * its line:column, severity, message and code; the summary last. Whether to colour is decided
 * once, by the caller (a terminal, NO_COLOR, FORCE_COLOR), not by node per call.
 */
export const stylish: Formatter = (reports, summary, { colour }) => {
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (colour ? styleText(format, text, { validateStream: false }) : text);
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(paint('underline', report.shown));
    const rows = report.findings.map((finding) => {
      const level = finding.severity === 'off' ? 'hint' : finding.severity;
      return { at: `${finding.line}:${finding.column}`, level, label: LABELS[level], message: finding.message.replace(/(?<!\s)\s*[\r\n]\s*/g, ' '), code: finding.code };
    });
    const atWidth = Math.max(...rows.map((row) => row.at.length));
    const labelWidth = Math.max(...rows.map((row) => row.label.length));
    for (const row of rows) {
      out.push(`  ${paint('dim', row.at.padEnd(atWidth))}  ${paint(COLOURS[row.level], row.label.padEnd(labelWidth))}  ${row.message}  ${paint('dim', row.code)}`);
    }
    out.push('');
  }
  const line = summaryLine(summary);
  out.push(summary.errors > 0 ? paint(['red', 'bold'], line) : summary.warnings > 0 ? paint(['yellow', 'bold'], line) : paint('bold', line));
  return out.join('\n') + '\n';
};
