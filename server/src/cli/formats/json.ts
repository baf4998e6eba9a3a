import type { Formatter } from './types';

/** For scripts: one array of every finding, in file order, each with its file. The summary goes to standard error. */
export const json: Formatter = (reports) =>
  JSON.stringify(
    reports.flatMap((report) => report.findings.map(({ line, column, endLine, endColumn, severity, code, message }) => ({ file: report.shown, line, column, endLine, endColumn, severity, code, message }))),
    null,
    2,
  ) + '\n';
