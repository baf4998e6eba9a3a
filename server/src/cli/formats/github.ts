import type { Level } from '../../core/findings';
import { summaryLine, type Formatter } from './types';

/** GitHub Actions has three levels: information and hints are notices. */
const COMMANDS: Record<Level, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice', off: 'notice' };

/** A property's value: `%`, line breaks, `:` and `,` escaped, as the runner reads them. */
const property = (value: string) => data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
const data = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/**
 * GitHub Actions workflow commands, one per finding (`::warning file=…,line=…::message`): the
 * runner turns them into annotations on the pull request's lines. The summary is a plain line.
 */
export const github: Formatter = (reports, summary) => {
  const out = reports.flatMap((report) =>
    report.findings.map((finding) => {
      const where = `file=${property(report.shown)},line=${finding.line},col=${finding.column},endLine=${finding.endLine},endColumn=${finding.endColumn}`;
      return `::${COMMANDS[finding.severity]} ${where},title=${property(`STAR Notes ${finding.code}`)}::${data(finding.message)}`;
    }),
  );
  out.push(summaryLine(summary));
  return out.join('\n') + '\n';
};
