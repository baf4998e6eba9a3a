import type { Formatter } from './types';

/** Text for XML: the five entities escaped and the characters XML 1.0 can't hold dropped. */
function xml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * JUnit XML, for CI systems that show test reports: a test suite per file, a failing test
 * case per finding (its code and place as the name), one passing case for a clean file.
 */
export const junit: Formatter = (reports, summary) => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="star-notes" tests="${reports.reduce((sum, report) => sum + Math.max(1, report.findings.length), 0)}" failures="${summary.problems}">`];
  for (const report of reports) {
    const name = xml(report.shown);
    out.push(`  <testsuite name="${name}" tests="${Math.max(1, report.findings.length)}" failures="${report.findings.length}" errors="0" skipped="0">`);
    if (report.findings.length === 0) out.push(`    <testcase name="${name}" classname="star-notes"/>`);
    for (const finding of report.findings) {
      const where = `${report.shown}:${finding.line}:${finding.column}`;
      out.push(`    <testcase name="${xml(`${finding.code} at ${where}`)}" classname="star-notes.${xml(finding.code)}">`);
      out.push(`      <failure message="${xml(finding.message)}" type="${xml(finding.severity)}">${xml(`${where} ${finding.severity} ${finding.message} (${finding.code})`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
