import { pathToFileURL } from 'node:url';
import type { Level } from '../../core/findings';
import { CODES } from '../../core/rules';
import type { Formatter } from './types';

/** SARIF has no hint: information and hints are notes; `none` is for what is not a problem. */
const LEVELS: Record<Level, 'error' | 'warning' | 'note' | 'none'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };

/** Paths relative to where the command ran; code scanning resolves them against the checkout. */
const SOURCE_ROOT = 'SRCROOT';

/**
 * SARIF 2.1.0, for code scanning (GitHub's upload-sarif) and other viewers: one run, every code
 * as a rule with its description and default level, one result per finding. Columns count
 * UTF-16 code units, SARIF's default and the editor's.
 */
export const sarif: Formatter = (reports, _summary, { version }) => {
  const rules = [...CODES.values()];
  const index = new Map(rules.map((rule, i) => [rule.code, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'star-notes',
            semanticVersion: version,
            rules: rules.map((rule) => ({
              id: rule.code,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.explanation },
              help: { text: rule.explanation, markdown: `${rule.explanation}\n\nFlagged:\n\n${rule.bad}\n\nBetter:\n\n${rule.good}` },
              defaultConfiguration: { level: LEVELS[rule.severity], enabled: rule.severity !== 'off' },
              properties: { tags: [rule.rule.name] },
            })),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(process.cwd() + '/').href } },
        artifacts: reports.map((report) => ({ location: location(report.shown) })),
        results: reports.flatMap((report, artifact) =>
          report.findings.map((finding) => ({
            ruleId: finding.code,
            ...(index.has(finding.code) ? { ruleIndex: index.get(finding.code) } : {}),
            level: LEVELS[finding.severity],
            message: { text: finding.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { ...location(report.shown), index: artifact },
                  region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
                },
              },
            ],
          })),
        ),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** A relative path as a URI reference against the source root; an absolute one (outside it) as a file URI. */
function location(shown: string): { uri: string; uriBaseId?: string } {
  if (shown.startsWith('/') || /^[a-z]:[\\/]/i.test(shown) || shown === '<stdin>') return { uri: shown === '<stdin>' ? 'stdin' : pathToFileURL(shown).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
