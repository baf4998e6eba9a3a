import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import ts from 'typescript';
import { insertSectionEdit, reorderEdit } from '../../server/src/core/features/fixes';
import { outline } from '../../server/src/core/features/outline';
import { quoteTitle } from '../../server/src/core/model/sections';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/core/settings';
import { MAX_NESTING, MAX_PARAGRAPH_MARKS, skipReason } from '../../server/src/core/parse/guards';
import { generateNotes } from '../../bench/corpus';
import { check, fixture, FIXTURES, lines } from './helpers';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, shell: process.platform === 'win32' });

describe('skipping what the server should not read', () => {
  const settings = DEFAULT_SETTINGS;

  it('checks files and untitled documents, skips other schemes unless starNotes.schemes names them', () => {
    assert.equal(skipReason('# a', settings, 'file:///notes/a.md'), undefined);
    assert.equal(skipReason('# a', settings, 'untitled:Untitled-1'), undefined);
    assert.match(skipReason('# a', settings, 'git:/notes/a.md?ref=HEAD')!, /"git" scheme is not in starNotes\.schemes/);
    assert.match(skipReason('# a', settings, 'vscode-vfs://github/a.md')!, /"vscode-vfs" scheme/);
    assert.equal(skipReason('# a', resolveSettings({ schemes: ['file', 'GIT'] }).settings, 'git:/notes/a.md'), undefined);
  });

  it('skips lists and quotes nested past the limit, on one line or by indentation, and nothing real notes nest', () => {
    assert.equal(skipReason(`${'- '.repeat(MAX_NESTING)}Situation: x`, settings), undefined);
    assert.match(skipReason(`${'- '.repeat(MAX_NESTING + 1)}Situation: x`, settings)!, /nested about 101 levels deep on line 1/);
    assert.match(skipReason(`${'>'.repeat(5000)} x`, settings)!, /nested/);
    assert.match(skipReason(Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}1. item`).join('\r\n'), settings)!, /on line 101 /);
    assert.equal(skipReason(lines('```', `${' '.repeat(400)}code, indented but in no list`, '```'), settings), undefined);
  });

  it('skips a paragraph with more emphasis, link and code marks than the parser pairs up in good time', () => {
    assert.match(skipReason(`x ${'a_ '.repeat(MAX_PARAGRAPH_MARKS + 1)}`, settings)!, /paragraph on line 1 has over 2000/);
    assert.match(skipReason(`# Notes\n\n${'[a\n'.repeat(MAX_PARAGRAPH_MARKS + 1)}`, settings)!, /paragraph on line 3/);
    // Blank lines, list items, headings and table rows start a new paragraph; fenced code is no paragraph.
    assert.equal(skipReason('a_ b_ c_\n\n'.repeat(MAX_PARAGRAPH_MARKS), settings), undefined);
    assert.equal(skipReason('- **Task:** ship\n'.repeat(MAX_PARAGRAPH_MARKS), settings), undefined);
    assert.equal(skipReason('| **a** | `b` |\n'.repeat(MAX_PARAGRAPH_MARKS), settings), undefined);
    assert.equal(skipReason(`\`\`\`js\n${'x[i] = a_b * c;\n'.repeat(MAX_PARAGRAPH_MARKS)}\`\`\`\n`, settings), undefined);
  });

  it('never skips real notes, long prose lines or pictures inlined as data', () => {
    for (const name of readdirSync(join(FIXTURES, 'notes'))) assert.equal(skipReason(fixture(join('notes', name)), settings), undefined, name);
    for (const name of ['interview-notes.md', 'cover-letter.md']) assert.equal(skipReason(fixture(name), settings), undefined, name);
    assert.equal(skipReason(generateNotes(1_500_000, 1), settings), undefined);
    assert.equal(skipReason(`- Situation: ${'we shipped it, then we measured it. '.repeat(20_000)}`, settings), undefined);
    assert.equal(skipReason(`![diagram](data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAA+/='.repeat(40_000)})`, settings), undefined);
  });
});

describe('settings that would crash or silence the server', () => {
  it('treats "constructor" and "__proto__" as unknown names, not as built-in ones', () => {
    const { settings, warnings } = resolveSettings(JSON.parse('{"aliases":{"constructor":["x"],"__proto__":["y"]},"severity":{"toString":"off","constructor":"error"}}'));
    assert.deepEqual(settings.aliases, DEFAULT_SETTINGS.aliases);
    assert.deepEqual(settings.severity, DEFAULT_SETTINGS.severity);
    assert.deepEqual(warnings.map((warning) => warning.split(':')[0]), ['starNotes.severity', 'starNotes.severity', 'starNotes.aliases', 'starNotes.aliases']);
  });

  it('keeps the default size limit for a limit under one byte, which would skip every file', () => {
    for (const maxFileSize of [0.5, 5e-324, 0, -1]) assert.equal(resolveSettings({ maxFileSize }).settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize, String(maxFileSize));
  });

  it('reads no word list outside the workspace, whatever a cloned repository’s settings say', () => {
    const paths = ['words.txt', 'team/words.txt.gz', '/etc/passwd', '../secret.txt', 'a/../../b.txt', 'C:\\Users\\me\\words.txt', '\\\\server\\share\\w.txt', '~/.ssh/id_rsa'];
    const { settings, warnings } = resolveSettings({ spelling: { dictionaries: paths } });
    assert.deepEqual(settings.spelling.dictionaries, ['words.txt', 'team/words.txt.gz']);
    assert.equal(warnings.length, 6);
    assert.ok(warnings.every((warning) => /is outside the workspace; ignored/.test(warning)));
  });
});

describe('text the server shows', () => {
  it('never cuts an emoji in half when it shortens a story title or a section preview', () => {
    const title = `${'a'.repeat(56)}🚀🚀🚀`;
    assert.equal(quoteTitle(title), `'${'a'.repeat(56)}…'`);
    const text = `## Story\n- Situation: ${'b'.repeat(59)}🚀 more text\n- Task: x y z\n`;
    const [story] = outline(check(text).doc, 'stories');
    assert.equal(story.children[0].detail, 'b'.repeat(59));
  });

  it('inserts a missing section after a byte-order mark, never before it', () => {
    const text = '\uFEFF**Action:** wrote the plan and shipped it';
    const { doc } = check(text);
    const edit = insertSectionEdit(doc, doc.stories[0], 'situation');
    assert.deepEqual(edit.range, [1, 1]);
    const fixed = text.slice(0, 1) + edit.text + text.slice(1);
    assert.deepEqual(check(fixed).doc.stories[0].sections.map((section) => section.kind), ['situation', 'action']);
  });

  it('reports offsets into the text as given when it starts with a byte-order mark', () => {
    const text = '\uFEFF## Story\n- Situation: a b c\n- Task: d e f\n';
    const [missing] = check(text).findings;
    assert.equal(text.slice(...missing.range), '## Story');
  });
});

/** Shapes the fuzz tests found the quick fixes getting wrong, kept as plain examples. */
describe('quick fixes on notes of unusual shape', () => {
  const apply = (text: string, edit: { range: readonly [number, number]; text: string }) => text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
  const kinds = (text: string) => check(text).doc.stories.map((story) => story.sections.map((section) => section.kind).join(' '));

  it('ends a section at the line of the next marker, so a section added before a quoted label leaves the quote whole', () => {
    const text = lines('## Situation', '', 'the build was slow', '', '> Learnings: measure first', '', '## Outcome', '', 'six minutes');
    const { doc } = check(text);
    assert.equal(text.slice(...doc.stories[0].sections[0].contentRange), 'the build was slow');
    const fixed = apply(text, insertSectionEdit(doc, doc.stories[0], 'task'));
    assert.ok(fixed.includes('\n> Learnings: measure first'), fixed);
    assert.deepEqual(kinds(fixed), ['situation task learning result']);
  });

  it('takes a label ending in a dash at the end of its line, as the inserted one is written', () => {
    assert.deepEqual(kinds(lines('* Situation – the build', '* Task –', '**Challenges:** none')), ['situation task challenges']);
  });

  it('keeps a blank line between a bullet and a paragraph it moves next to in CRLF notes', () => {
    const text = '## Story\r\n**Action:** wrote it\r\n\r\n- Situation: slow\r\n- Task: fix\r\n';
    const { doc } = check(text);
    const fixed = apply(text, reorderEdit(doc, doc.stories[0])!);
    assert.equal(fixed, '## Story\r\n- Situation: slow\r\n- Task: fix\r\n\r\n**Action:** wrote it\r\n');
  });

  it('separates an inserted paragraph from a line that would run on into it, such as a setext heading’s', () => {
    const text = lines('## Story', '', '**Situation:** the build was slow.', '', '---', 'Next part', '---');
    const { doc } = check(text);
    const fixed = apply(text, insertSectionEdit(doc, doc.stories[0], 'task'));
    assert.ok(fixed.includes('**Task:**\n\nNext part'), fixed);
    assert.deepEqual(kinds(fixed), ['situation task']);
  });

  it('leaves bullets nested at different depths where they are rather than reorder them', () => {
    for (const text of [lines('- Goal: ship it', '\t- Situation: slow'), lines('## Outcome', '', 'faster', '', '- Situation: slow', '  - Results: fast')]) {
      const { doc } = check(text);
      assert.equal(reorderEdit(doc, doc.stories[0]), undefined, text);
    }
  });

  it('offers no reordering that would carry an unclosed fence over the sections after it', () => {
    const text = lines('## Story', '- Result: shipped', '- Situation: slow', '```');
    const { doc } = check(text);
    assert.equal(reorderEdit(doc, doc.stories[0]), undefined);
  });

  it('offers no reordering that would move a section into another story, or another story’s heading elsewhere', () => {
    const around = lines('- Result: shipped', '', '### Story 1', '', '#### Situation', '', 'slow', '', '## Situation', '', 'slow too');
    const inNotes = lines('## Impact', '', '## Situation', '', '## Notes', '', '### Story 1', '', '#### Situation', '', 'slow');
    const after = lines('## Impact', '', '## Situation', '', '## Challenges', '', '- Situation: slow', '', '### Story 2', '', '#### Situation', '', 'slow');
    const labelAfter = lines('## Outcome', '', '## Situation', '', '## Notes', '', '### Story 1', '', '- Situation: slow');
    const intoPrevious = lines('## Story 0', '', '### Situation', '', 'slow', '', '## Task', '', 'fix it', '', '- Situation: slow');
    for (const text of [around, inNotes, after, labelAfter, intoPrevious]) {
      const { doc } = check(text);
      const whole = doc.stories.find((story) => !story.heading)!;
      assert.equal(reorderEdit(doc, whole), undefined, text);
    }
  });
});

const MANIFEST_SETTINGS = Object.entries(manifest.contributes.configuration.properties as Record<string, { default: unknown; scope?: string }>);

/** The manifest's defaults as the nested `starNotes` section a client sends. */
function manifestDefaults(): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const [key, schema] of MANIFEST_SETTINGS) {
    const path = key.split('.').slice(1);
    let at = section;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[path.at(-1)!] = schema.default;
  }
  return section;
}

describe('manifest', () => {
  it('declares every setting the server reads, with the defaults the server falls back to (one path: manifest → core/settings.ts)', () => {
    const { settings, warnings } = resolveSettings(manifestDefaults());
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    const declared = MANIFEST_SETTINGS.map(([key]) => key).sort();
    const read = [...Object.keys(DEFAULT_SETTINGS).filter((key) => key !== 'spelling'), ...Object.keys(DEFAULT_SETTINGS.spelling).map((key) => `spelling.${key}`)].map((key) => `starNotes.${key}`).sort();
    assert.deepEqual(declared, read);
  });

  it('supports untrusted workspaces in a limited way, ignoring the workspace’s settings that name files', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.ok(untrusted.description.length > 0);
    assert.ok(untrusted.restrictedConfigurations.includes('starNotes.spelling.dictionaries'));
    const declared = new Set(MANIFEST_SETTINGS.map(([key]) => key));
    assert.deepEqual(untrusted.restrictedConfigurations.filter((key: string) => !declared.has(key)), []);
  });
});

const FORBIDDEN_MODULES = /^(?:node:)?(?:child_process|cluster|dgram|dns|http|http2|https|net|tls|inspector|vm)(?:\/.*)?$/;

/** Calls and imports in our own TypeScript that would let the server run code or reach the network. */
function risky(folder: string): string[] {
  const found: string[] = [];
  for (const file of readdirSync(folder, { recursive: true }).map(String).filter((name) => name.endsWith('.ts'))) {
    const tree = ts.createSourceFile(file, readFileSync(join(folder, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${file}:${tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1}`;
    const visit = (node: ts.Node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && FORBIDDEN_MODULES.test(node.moduleSpecifier.text)) {
        found.push(`${where(node)} imports ${node.moduleSpecifier.text}`);
      }
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression.getText(tree);
        const [first] = node.arguments ?? [];
        if ((callee === 'require' || node.expression.kind === ts.SyntaxKind.ImportKeyword) && first && ts.isStringLiteral(first) && FORBIDDEN_MODULES.test(first.text)) found.push(`${where(node)} loads ${first.text}`);
        if (/^(?:globalThis\.|window\.)?(?:eval|Function)$/.test(callee)) found.push(`${where(node)} calls ${callee}`);
      }
      if (ts.isIdentifier(node) && node.text === 'fetch' && ts.isCallExpression(node.parent) && node.parent.expression === node) found.push(`${where(node)} calls fetch`);
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return found;
}

describe('security', () => {
  it('has no process, network or code-evaluation API in our own server and client source', () => {
    assert.deepEqual([...risky(join(ROOT, 'server', 'src')), ...risky(join(ROOT, 'client', 'src'))], []);
  });

  it('ships bundles that evaluate no strings as code', () => {
    for (const bundle of [...readdirSync(join(ROOT, 'server', 'out')).filter((name) => name.endsWith('.js')).map((name) => join('server', 'out', name)), join('client', 'out', 'extension.js')]) {
      const code = readFileSync(join(ROOT, bundle), 'utf8');
      assert.doesNotMatch(code, /\beval\(|\bnew Function\(/, bundle);
    }
  });

  it('packages no source maps, sources, tests or fixtures, and no absolute path of the machine that built it', () => {
    // vsce lists what .vscodeignore lets through; walking this checkout (with its caches) takes it
    // seconds, so it lists a stand-in: the same names, empty but for the files vsce reads.
    const standIn = mkdtempSync(join(tmpdir(), 'star-notes-vsix-'));
    for (const name of ['package.json', 'README.md', '.vscodeignore']) cpSync(join(ROOT, name), join(standIn, name));
    const folders = ['client', 'server', 'test', 'bench', 'scripts', 'examples', 'images', 'snippets', 'syntaxes'];
    const names = [...readdirSync(ROOT).filter((name) => statSync(join(ROOT, name)).isFile()), ...folders.flatMap((folder) => readdirSync(join(ROOT, folder), { recursive: true }).map((name) => join(folder, String(name))))];
    for (const name of names.filter((name) => !existsSync(join(standIn, name)) && statSync(join(ROOT, name)).isFile())) {
      mkdirSync(dirname(join(standIn, name)), { recursive: true });
      writeFileSync(join(standIn, name), '');
    }
    const listed = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: standIn, encoding: 'utf8', timeout: 60_000 });
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.trim().split('\n');
    assert.ok(files.includes('server/out/server.js') && files.includes('client/out/extension.js'), listed.stdout);
    assert.deepEqual(files.filter((file) => /\.map$|\.tsx?$|(?:^|\/)(?:test|tests|fixtures|bench|node_modules|src)\//.test(file)), []);
    for (const file of files.filter((name) => name.endsWith('.js'))) assert.ok(!readFileSync(join(ROOT, file), 'utf8').includes(ROOT), `${file} names ${ROOT}`);
  });

  it('has no high or critical advisories in its runtime dependencies (npm audit --omit=dev)', (t: TestContext) => {
    const audit = run('npm', ['audit', '--omit=dev', '--json']);
    let report: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string };
    try {
      report = JSON.parse(audit.stdout);
    } catch {
      return t.skip(`npm audit gave no report: ${audit.error?.message ?? audit.stderr.split('\n').find((line) => line.includes('error')) ?? 'no output'}`);
    }
    const counts = report.metadata?.vulnerabilities;
    if (!counts) return t.skip(`the registry did not answer the audit: ${report.message ?? 'no vulnerability counts'}`);
    assert.equal((counts.high ?? 0) + (counts.critical ?? 0), 0, JSON.stringify(counts));
  });
});
