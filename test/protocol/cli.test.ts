import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'server/out/cli.js');
const CORPUS = 'test/fixtures/notes';
/** No test reads the real user word file. */
const CONFIG_DIR = mkdtempSync(join(tmpdir(), 'star-cli-config-'));

interface Run {
  cwd?: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
}

function star(args: string[], { cwd = ROOT, input, env = {} }: Run = {}) {
  // The colour of a run is up to each test, not to the terminal the suite runs in.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NO_COLOR' && name !== 'FORCE_COLOR'));
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, input, env: { ...inherited, STAR_NOTES_CONFIG_DIR: CONFIG_DIR, ...env } });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** A folder of files, from a path → text map. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'star-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const NURSE = [
  '## Calming a full waiting room',
  '',
  '- Situation: Our clinic ran forty minutes late on a winter evening, with twelve patients waiting.',
  '- Task: As the charge nurse I had to keep everyone safe and informed.',
  '- Action: I triaged the queue again, asked two patients to rebook, and updated the board every fifteen minutes.',
  '- Result: Complaints that week fell from five to none, and the average wait dropped by 18 minutes.',
  '',
].join('\n');

/** A story told Result first, with a typo that has one clear correction and a repeated word. */
const OUT_OF_ORDER = [
  '## Winning back the Harlow account',
  '',
  '- Result: They renewed for three years at 12% more.',
  '- Situation: Our biggest customer had stopped returning calls after a botched rollout.',
  '- Task: I had to rebuild the relationship before the renewal in March.',
  '- Action: I visited their site every week and and recieved their complaints about the rollout in person.',
  '',
].join('\n');

const findingsOf = (stdout: string) => JSON.parse(stdout) as { file: string; line: number; column: number; code: string; severity: string; message: string }[];

describe('star-notes check: formats', () => {
  const json = star(['check', '--format', 'json', CORPUS]);
  const expected = findingsOf(json.stdout);

  it('prints every finding of the corpus as JSON, with the summary on standard error', () => {
    assert.equal(json.status, 0, json.stderr);
    assert.ok(expected.length > 50);
    assert.ok(expected.some((f) => f.file === `${CORPUS}/bank-priya-raman.md` && f.code === 'spelling'));
    const files = new Set(expected.map((f) => f.file));
    assert.ok([...files].every((file) => file.startsWith(`${CORPUS}/`) && file.endsWith('.md')), 'paths relative to the working folder');
    assert.match(json.stderr, /^\d+ files, \d+ stories \(\d+ complete\), \d+ problems$/m);
    assert.match(json.stderr, new RegExp(`, ${expected.length} problems$`, 'm'));
  });

  it('groups findings by file in stylish, uncoloured when piped, and ends with the summary line', () => {
    const { stdout, status } = star(['check', CORPUS]);
    assert.equal(status, 0);
    assert.doesNotMatch(stdout, /\x1b\[/);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines.at(-1)!, /^\d+ files, \d+ stories \(\d+ complete\), \d+ problems$/);
    const first = expected[0];
    const header = lines.indexOf(first.file);
    assert.ok(header >= 0, 'a line with the file name');
    assert.match(lines[header + 1], new RegExp(`^  ${first.line}:${first.column} +\\w+ +.+  ${first.code}$`));
    assert.equal(lines.filter((line) => /^  \d+:\d+ /.test(line)).length, expected.length);
  });

  it('colours stylish with FORCE_COLOR, and never with NO_COLOR', () => {
    assert.match(star(['check', '--no-spelling', 'test/fixtures/interview-notes.md'], { env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[33mwarning/);
    assert.doesNotMatch(star(['check', '--no-spelling', 'test/fixtures/interview-notes.md'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\x1b\[/);
  });

  it('writes SARIF 2.1.0 that the official schema accepts, one result per finding', () => {
    const { stdout, status } = star(['check', '--format', 'sarif', CORPUS]);
    assert.equal(status, 0);
    const log = JSON.parse(stdout) as { runs: { results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')));
    assert.ok(validate(log), ajv.errorsText(validate.errors));
    const [run] = log.runs;
    assert.equal(run.results.length, expected.length);
    const rules = run.tool.driver.rules.map((rule) => rule.id);
    for (const [i, result] of run.results.entries()) {
      assert.equal(result.ruleId, expected[i].code);
      assert.equal(rules[result.ruleIndex], result.ruleId);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uri, expected[i].file);
      assert.equal(artifactLocation.uriBaseId, 'SRCROOT');
      assert.deepEqual([region.startLine, region.startColumn], [expected[i].line, expected[i].column]);
    }
    assert.equal(run.results.find((r) => r.ruleId === 'spelling')?.level, 'note');
  });

  it('prints GitHub workflow commands, one per finding, with the summary after them', () => {
    const { stdout, status } = star(['check', '--format', 'github', CORPUS]);
    assert.equal(status, 0);
    const lines = stdout.trimEnd().split('\n');
    const commands = lines.filter((line) => line.startsWith('::'));
    assert.equal(commands.length, expected.length);
    const first = expected[0];
    const level = first.severity === 'error' ? 'error' : first.severity === 'warning' ? 'warning' : 'notice';
    assert.ok(commands[0].startsWith(`::${level} file=${first.file},line=${first.line},col=${first.column},`), commands[0]);
    assert.ok(commands.every((line) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=STAR Notes [a-z-]+::[^\n]+$/.test(line)), 'one well-formed command a line');
    assert.match(lines.at(-1)!, /^\d+ files, \d+ stories/);
  });

  it('writes well-formed JUnit XML: a suite per file, a failing case per finding', () => {
    const { stdout, status } = star(['check', '--format', 'junit', CORPUS]);
    assert.equal(status, 0);
    assert.equal(XMLValidator.validate(stdout), true);
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(stdout);
    const suites: { '@_name': string; testcase: { failure?: unknown }[] }[] = xml.testsuites.testsuite;
    assert.equal(suites.flatMap((suite) => suite.testcase.filter((testcase) => testcase.failure)).length, expected.length);
    assert.equal(Number(xml.testsuites['@_failures']), expected.length);
    const clean = suites.find((suite) => !expected.some((f) => f.file === suite['@_name']));
    assert.ok(clean, 'a file without findings is a passing case');
  });

  it('rejects an unknown format with exit code 2', () => {
    const { status, stderr } = star(['check', '--format', 'xml', CORPUS]);
    assert.equal(status, 2);
    assert.match(stderr, /^star-notes: --format: unknown format "xml"/);
  });
});

describe('star-notes check: exit codes', () => {
  it('exits 0 with warnings only, and 1 when a finding is error level, from --rule or a settings file', () => {
    assert.equal(star(['check', '--no-spelling', 'test/fixtures/interview-notes.md']).status, 0);
    const rule = star(['check', '--no-spelling', '--rule', 'missing-action=error', 'test/fixtures/interview-notes.md']);
    assert.equal(rule.status, 1);
    assert.match(rule.stdout, /  26:1 +error +Story .+ has no Action.+  missing-action$/m);
    const dir = tree({ 'settings.json': JSON.stringify({ severity: { 'missing-action': 'error' } }) });
    assert.equal(star(['check', '--no-spelling', '--settings', join(dir, 'settings.json'), 'test/fixtures/interview-notes.md']).status, 1);
  });

  it('exits 1 only past --max-warnings', () => {
    const warnings = findingsOf(star(['check', '--no-spelling', '--format', 'json', 'test/fixtures/interview-notes.md']).stdout).filter((f) => f.severity === 'warning').length;
    assert.ok(warnings >= 2);
    assert.equal(star(['check', '--no-spelling', '--max-warnings', String(warnings), 'test/fixtures/interview-notes.md']).status, 0);
    const over = star(['check', '--no-spelling', '--max-warnings', String(warnings - 1), 'test/fixtures/interview-notes.md']);
    assert.equal(over.status, 1);
    assert.match(over.stderr, new RegExp(`^star-notes: ${warnings} warnings, more than --max-warnings ${warnings - 1}$`, 'm'));
  });

  it('exits 2 with one line on usage errors and missing files', () => {
    const cases: [string[], RegExp][] = [
      [['lint'], /unknown command "lint"/],
      [[], /no command given/],
      [['check', '--frobnicate', 'x.md'], /Unknown option '--frobnicate'/],
      [['check', 'no/such/path.md'], /^star-notes: no\/such\/path\.md: no such file or directory$/m],
      [['check', 'no/such/*.md'], /^star-notes: no\/such\/\*\.md: no files match$/m],
      [['check', '--max-warnings', 'many', CORPUS], /--max-warnings takes a whole number/],
      [['check', '--rule', 'missing-action', CORPUS], /--rule takes CODE=LEVEL/],
      [['check', '--rule', 'no-such-code=error', CORPUS], /unknown code "no-such-code"/],
      [['check', '--rule', 'missing-action=fatal', CORPUS], /"fatal" is not one of off, hint, information, warning, error/],
      [['check', '--settings', 'no/such/settings.json', CORPUS], /^star-notes: no\/such\/settings\.json: no such file/],
      [['check', '--stdin-filename', 'a.md', CORPUS], /--stdin-filename goes with --stdin/],
    ];
    for (const [args, message] of cases) {
      const { status, stderr } = star(args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, message, args.join(' '));
      assert.equal(stderr.trimEnd().split('\n').length, 1, `one line for ${args.join(' ')}: ${stderr}`);
    }
  });

  it('reports only error-level findings with --quiet, and no spelling with --no-spelling', () => {
    const quiet = star(['check', '--quiet', '--rule', 'missing-action=error', '--format', 'json', 'test/fixtures/interview-notes.md']);
    assert.deepEqual(findingsOf(quiet.stdout).map((f) => f.code), ['missing-action']);
    assert.equal(quiet.status, 1);
    const star_ = findingsOf(star(['check', '--no-spelling', '--format', 'json', 'test/fixtures/interview-notes.md']).stdout);
    assert.ok(star_.length > 0 && star_.every((f) => f.code !== 'spelling'));
  });
});

describe('star-notes check: files, standard input and settings', () => {
  it('searches folders for *.md and *.markdown, honouring .gitignore and .star-notesignore from the repository root', () => {
    const dir = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'drafts/\n',
      'notes/.star-notesignore': 'private-*.md\n!private-ok.md\n',
      'notes/story.md': NURSE,
      'notes/Story Two.MARKDOWN': NURSE,
      'notes/private-diary.md': NURSE,
      'notes/private-ok.md': NURSE,
      'notes/drafts/half.md': NURSE,
      'notes/node_modules/pkg/README.md': NURSE,
      'notes/.obsidian/trash.md': NURSE,
      'notes/readme.txt': NURSE,
    });
    const files = (args: string[]) => {
      const { stderr } = star(['check', '--no-spelling', '--format', 'json', ...args], { cwd: join(dir, 'notes') });
      return stderr;
    };
    assert.match(files(['.']), /^3 files, 3 stories \(3 complete\)/m);
    const listed = star(['check', '--no-spelling', '--format', 'junit', '.'], { cwd: join(dir, 'notes') }).stdout;
    assert.deepEqual([...listed.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]), ['Story Two.MARKDOWN', 'private-ok.md', 'story.md']);
    // A glob, and a named file that an ignore file names, keep to the ignore files too.
    assert.match(files(['*.md', 'drafts/half.md']), /^2 files/m);
  });

  it('checks standard input, named and configured by --stdin-filename', () => {
    const dir = tree({ '.star-notes.json': JSON.stringify({ severity: { 'repeated-word': 'error' } }), 'notes/.keep': '' });
    const text = '- Situation: teh ward was short staffed on the the night shift.\n';
    const named = star(['check', '--stdin', '--stdin-filename', 'notes/ward.md', '--format', 'json'], { cwd: dir, input: text });
    assert.equal(named.status, 1, 'repeated-word is an error by the config file above the named path');
    const findings = findingsOf(named.stdout);
    assert.ok(findings.every((f) => f.file === 'notes/ward.md'));
    assert.deepEqual(findings.filter((f) => f.code === 'spelling' || f.code === 'repeated-word').map((f) => [f.code, f.line, f.column]), [
      ['spelling', 1, 14],
      ['repeated-word', 1, 48],
    ]);
    const anonymous = star(['check', '--stdin'], { cwd: tmpdir(), input: text });
    assert.match(anonymous.stdout, /^<stdin>$/m);
    assert.equal(star(['check', '--stdin', 'notes/x.md'], { input: text }).status, 2);
  });

  it('takes settings from the nearest .star-notes.json, .star-notes.jsonc or package.json "starNotes" above each file', () => {
    const dir = tree({
      'package.json': JSON.stringify({ name: 'notes', starNotes: { severity: { 'missing-result': 'error' } } }),
      'team/.star-notes.jsonc': '// the team keeps bullets short\n{ "severity": { "missing-result": "off" }, "spelling.enabled": false, }\n',
      'team/deep/er/story.md': '- Situation: The lab lost power on a Fridya.\n- Task: Save the samples.\n- Action: I moved them to the backup freezer.\n',
      'mine/story.md': '- Situation: The lab lost power on a Friday.\n- Task: Save the samples.\n- Action: I moved them to the backup freezer.\n',
    });
    const codes = (path: string) => findingsOf(star(['check', '--format', 'json', path], { cwd: dir }).stdout).map((f) => f.code);
    assert.ok(!codes('team').includes('missing-result') && !codes('team').includes('spelling'), 'the nearer .jsonc turns missing-result and spelling off, dotted keys and all');
    assert.ok(codes('team/deep/er/story.md').includes('missing-task') === false);
    assert.ok(codes('mine').includes('missing-result'));
    assert.equal(star(['check', 'mine'], { cwd: dir }).status, 1, 'package.json makes missing-result an error');
  });

  it('stops with exit code 2 and one line naming a broken config file', () => {
    const dir = tree({ 'notes/.star-notes.json': '{ "minWords": 5, }\n', 'notes/story.md': NURSE, 'other/.star-notes.json': '[1, 2]', 'other/story.md': NURSE });
    const broken = star(['check', 'notes'], { cwd: dir });
    assert.equal(broken.status, 2);
    assert.equal(broken.stdout, '');
    assert.equal(broken.stderr, 'star-notes: notes/.star-notes.json: line 1, column 18: expected a property name in double quotes\n');
    assert.equal(star(['check', 'other'], { cwd: dir }).stderr, 'star-notes: other/.star-notes.json: must be an object of settings, e.g. {"minWords": 5}\n');
  });

  it('gives the same report from worker threads as from one thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 45; i++) files[`n${String(i).padStart(2, '0')}.md`] = i % 2 ? NURSE : OUT_OF_ORDER;
    const dir = tree(files);
    const one = star(['check', '--format', 'json', '--jobs', '1', '.'], { cwd: dir });
    const two = star(['check', '--format', 'json', '--jobs', '2', '.'], { cwd: dir });
    assert.equal(two.status, one.status);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    assert.match(two.stderr, /^45 files, 45 stories \(45 complete\)/m);
  });
});

describe('star-notes fix', () => {
  it('prints a unified diff with --dry-run and changes nothing', () => {
    const dir = tree({ 'accounts.md': OUT_OF_ORDER, 'clinic.md': NURSE });
    const { stdout, stderr, status } = star(['fix', '--dry-run', '.'], { cwd: dir });
    assert.equal(status, 0, stderr);
    assert.equal(
      stdout,
      [
        '--- a/accounts.md',
        '+++ b/accounts.md',
        '@@ -1,6 +1,6 @@',
        ' ## Winning back the Harlow account',
        ' ',
        '-- Result: They renewed for three years at 12% more.',
        ' - Situation: Our biggest customer had stopped returning calls after a botched rollout.',
        ' - Task: I had to rebuild the relationship before the renewal in March.',
        '-- Action: I visited their site every week and and recieved their complaints about the rollout in person.',
        '+- Action: I visited their site every week and received their complaints about the rollout in person.',
        '+- Result: They renewed for three years at 12% more.',
        '',
      ].join('\n'),
    );
    assert.equal(stderr, 'Would fix 3 problems in 1 of 2 files: 1 typo, 1 repeated word, 1 story reordered.\n');
    assert.equal(readFileSync(join(dir, 'accounts.md'), 'utf8'), OUT_OF_ORDER);
  });

  it('writes the fixed files and leaves the others untouched', () => {
    const dir = tree({ 'accounts.md': OUT_OF_ORDER, 'clinic.md': NURSE });
    const untouched = statSync(join(dir, 'clinic.md')).mtimeMs;
    const { stdout, status } = star(['fix', '.'], { cwd: dir });
    assert.equal(status, 0);
    assert.equal(stdout, 'Fixed 3 problems in 1 of 2 files: 1 typo, 1 repeated word, 1 story reordered.\n');
    assert.match(readFileSync(join(dir, 'accounts.md'), 'utf8'), /^- Situation:[^]*^- Task:[^]*^- Action: I visited their site every week and received their complaints about the rollout in person\.\n- Result:/m);
    assert.equal(statSync(join(dir, 'clinic.md')).mtimeMs, untouched);
    assert.equal(star(['check', '--format', 'json', 'accounts.md'], { cwd: dir }).status, 0);
    assert.equal(star(['fix', '.'], { cwd: dir }).stdout, 'Nothing to fix in 2 files.\n');
  });

  it('fixes nothing a code turned off would report', () => {
    const dir = tree({ 'accounts.md': OUT_OF_ORDER });
    const { stderr } = star(['fix', '--dry-run', '--rule', 'out-of-order=off', '--no-spelling', '.'], { cwd: dir });
    assert.equal(stderr, 'Nothing to fix in 1 file.\n');
  });
});

describe('star-notes check: word files', () => {
  it('accepts the words the editor added, in the nearest .star-notes/words.txt and the user word file', () => {
    const dir = tree({ '.star-notes/words.txt': 'frobnicator\n', 'config/words.txt': 'zorblax\n', 'notes/story.md': 'the frobnicator, the zorblax and the quuxly.\n' });
    const { stdout } = star(['check', join(dir, 'notes', 'story.md')], { env: { STAR_NOTES_CONFIG_DIR: join(dir, 'config') } });
    assert.deepEqual([...stdout.matchAll(/Unknown word "(\w+)"/g)].map((match) => match[1]), ['quuxly']);
  });
});
