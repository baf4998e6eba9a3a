import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, type CodeEntry } from '../server/src/core/rules';
import { LEVELS } from '../server/src/core/settings';
import { FRAMEWORKS, type Slot } from '../server/src/core/model/frameworks';
import type { WrittenStyle } from '../server/src/core/model/types';
import { DEFAULT_LAYOUT, NEW_STORY_FRAMEWORKS, storySkeleton } from '../server/src/core/features/newStory';
import { writeSections } from '../server/src/core/features/rest';
import { CONFIG_SCHEMA_ASSOCIATIONS, configSchemas } from './configSchema';

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
    ...(severity === 'off'
      ? ['## Turning it on', '', fence(`"starNotes.severity": { "${code}": "hint" }`, 'jsonc'), '', `and, for one spot in a note, \`<!-- star-notes-disable-next-line ${code} -->\` to leave it out.`]
      : ['## Turning it down or off', '', fence(`"starNotes.severity": { "${code}": "off" }`, 'jsonc'), '', `or, for one spot in a note, \`<!-- star-notes-disable-next-line ${code} -->\`.`]),
    '',
  ].join('\n');
}

/** The forms a story snippet comes in: the styles notes are written in. */
const SNIPPET_FORMS: readonly { suffix: string; name: string; describe: string; style: WrittenStyle }[] = [
  { suffix: '', name: 'headings', describe: 'a heading per section', style: DEFAULT_LAYOUT.style },
  { suffix: '-bullets', name: 'bullets', describe: 'labelled bullets', style: { type: 'label', template: '- {label}: ' } },
  { suffix: '-bold', name: 'bold labels', describe: 'bold labels', style: { type: 'label', template: '**{label}:** ' } },
];

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/**
 * `snippets/markdown.json`: a story snippet for each framework New Story offers in each form, and
 * a heading snippet for each section, all written by the code New Story and completions use, from
 * the frameworks' own prompts.
 */
export function markdownSnippets(): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  const body = (snippet: string) => [...snippet.split('\n'), '$0'];
  for (const id of NEW_STORY_FRAMEWORKS) {
    const framework = FRAMEWORKS[id];
    const names = framework.slots.map((slot) => slot.name).join(', ');
    for (const form of SNIPPET_FORMS) {
      snippets[`${framework.name} story (${form.name})`] = {
        prefix: `${id}${form.suffix}`,
        description: `A ${framework.name} story (${names}) with ${form.describe}`,
        body: body(storySkeleton({ framework: id }, { titleDepth: DEFAULT_LAYOUT.titleDepth, style: form.style }, '\n').snippet),
      };
    }
  }
  const slots = new Map<string, Slot>();
  for (const id of NEW_STORY_FRAMEWORKS) for (const slot of FRAMEWORKS[id].slots) slots.set(slot.name, slot);
  for (const slot of slots.values()) {
    snippets[`${slot.name} section`] = {
      prefix: slot.name.toLowerCase(),
      description: `A ${slot.name} heading for a story under a ## title: ${slot.prompt}`,
      body: body(writeSections([slot], DEFAULT_LAYOUT.style, '\n').snippet),
    };
  }
  return snippets;
}

export function generatedFiles(): GeneratedFile[] {
  const manifest = JSON.parse(read('package.json'));
  manifest.contributes.configuration.properties['starNotes.severity'] = severitySchema();
  manifest.contributes.jsonValidation = CONFIG_SCHEMA_ASSOCIATIONS;
  const readme = read('README.md');
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} markers`);
  return [
    { path: 'package.json', content: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: 'README.md', content: `${readme.slice(0, start + README_START.length)}\n${codesTable()}\n${readme.slice(end)}` },
    { path: 'snippets/markdown.json', content: `${JSON.stringify(markdownSnippets(), null, 2)}\n` },
    ...[...CODES.values()].map((entry) => ({ path: `docs/rules/${entry.code}.md`, content: ruleDoc(entry) })),
    ...configSchemas(manifest.contributes.configuration.properties).map(({ path, schema }) => ({ path, content: `${JSON.stringify(schema, null, 2)}\n` })),
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
