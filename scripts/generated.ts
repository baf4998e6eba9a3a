import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, type CodeEntry } from '../server/src/core/rules';
import { LEVELS } from '../server/src/core/settings';

/**
 * What the rules' metadata makes of the files that describe them. `npm run generate` writes these
 * files; `test/unit/generated.test.ts` fails when one of them lags behind the rules.
 */
export interface GeneratedFile {
  path: string;
  content: string;
}

const ROOT = join(__dirname, '..');
const README_START = '<!-- codes:start (generated from the rules by `npm run generate`) -->';
const README_END = '<!-- codes:end -->';

/** The `starNotes.severity` setting: one property per code, with its levels and what it reports. */
export function severitySchema(): Record<string, unknown> {
  const codes = [...CODES.values()];
  return {
    type: 'object',
    scope: 'language-overridable',
    default: {},
    markdownDescription: `Severity per diagnostic code, e.g. \`{ "out-of-order": "off", "missing-result": "error" }\`. Codes: ${codes.map(({ code }) => `\`${code}\``).join(', ')}.`,
    properties: Object.fromEntries(
      codes.map(({ code, severity, description }) => [
        code,
        { type: 'string', enum: [...LEVELS], default: severity, markdownDescription: `${capitalize(description)}. Default: \`${severity}\`.` },
      ]),
    ),
    additionalProperties: false,
  };
}

export function codesTable(): string {
  const rows = [...CODES.values()].map(({ code, severity, description, quickFix }) => `| [\`${code}\`](docs/rules/${code}.md) | ${severity} | ${description} | ${quickFix ? 'yes' : ''} |`);
  return ['| Code | Default | When | Quick fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function ruleDoc(entry: CodeEntry): string {
  const { code, severity, description, explanation, bad, good, quickFix, rule } = entry;
  const settings = rule.settings.length ? rule.settings.map((key) => `\`starNotes.${key}\``).join(', ') : 'none besides `starNotes.severity`';
  return [
    `# \`${code}\``,
    '',
    `${capitalize(description)}.`,
    '',
    `Default severity: **${severity}**. Rule: \`${rule.name}\`. Settings it reads: ${settings}.`,
    '',
    explanation,
    '',
    '## Reported',
    '',
    fence(bad),
    '',
    '## Not reported',
    '',
    fence(good),
    '',
    '## Quick fix',
    '',
    quickFix ? `${capitalize(quickFix)}.` : 'None.',
    '',
    '## Turning it down or off',
    '',
    fence(`"starNotes.severity": { "${code}": "off" }`, 'jsonc'),
    '',
    `or, for one spot in a note, \`<!-- star-notes-disable-next-line ${code} -->\`.`,
    '',
  ].join('\n');
}

export function generatedFiles(): GeneratedFile[] {
  const manifest = JSON.parse(read('package.json'));
  manifest.contributes.configuration.properties['starNotes.severity'] = severitySchema();
  const readme = read('README.md');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} markers`);
  return [
    { path: 'package.json', content: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: 'README.md', content: `${readme.slice(0, start + README_START.length)}\n${codesTable()}\n${readme.slice(end)}` },
    ...[...CODES.values()].map((entry) => ({ path: `docs/rules/${entry.code}.md`, content: ruleDoc(entry) })),
  ];
}

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fence(text: string, language = 'markdown'): string {
  return `\`\`\`${language}\n${text}\n\`\`\``;
}
