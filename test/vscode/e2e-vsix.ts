// End to end on what users install: packages the VSIX (npm run package),
// checks its size and contents, installs it with code-server's own CLI into a
// fresh extensions folder (no extensionDevelopmentPath), opens a copy of
// test/fixtures in headless Chromium and works the UI the way a person does:
// Quick Open to open the notes, Ctrl+Shift+M for the Problems panel, the
// Explorer's Outline section. Asserts on the DOM, i.e. on what is on screen,
// and saves screenshots under test/artifacts/vsix/.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import {
  CodeServer,
  abortable as abortableBy,
  codeServerProblems,
  freePort,
  installVsix,
  launchChromium,
  sleep as sleepBy,
} from './code-server';
import { ARTIFACTS_DIR, REPO_ROOT, createSandbox } from './sandbox';
import { describeEntries, kilobytes, zipEntries, type ZipEntry } from './vsix';

const ARTIFACTS = path.join(ARTIFACTS_DIR, 'vsix');
const MAX_VSIX_BYTES = 3 * 1024 * 1024;
const NOTES = 'interview-notes.md';
const STORY = 'Leading CI Migration (Jenkins -> GH Actions)';
/** A typo in the fixture that spelling must flag (the description promises it). */
const TYPO = 'relieazed';
const TABLE_NOTES = 'trades-paramedic-star-table.md';
const PAR_NOTES = 'trades-sales-lead.md';
/** Screenshots the README shows; `--update-images` copies them to images/ after a run that met every expectation. */
const README_SHOTS = ['codelens.png', 'hover.png', 'story-bank.png', 'report.png'];
const IMAGES = path.join(REPO_ROOT, 'images');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  version: string;
  main: string;
  bin: Record<string, string>;
};
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    'timeout-seconds': { type: 'string', default: '300' },
    'update-images': { type: 'boolean', default: false },
  },
});

const log = (line: string) => console.log(`[e2e-vsix] ${line}`);
const stop = new AbortController();
let interrupted = false;
let server: CodeServer | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) {
      server?.kill();
      process.exit(130);
    }
    interrupted = true;
    stop.abort(new Error(`interrupted by ${signal}`));
  });
}
process.on('exit', () => server?.kill());
const abortable = <T>(promise: Promise<T>): Promise<T> => abortableBy(stop.signal, promise);
const sleep = (ms: number): Promise<void> => sleepBy(stop.signal, ms);

/** Collects failed expectations so one run reports all of them. */
const failures: string[] = [];
function expect(condition: unknown, message: string): void {
  if (condition) {
    log(`ok   ${message}`);
  } else {
    log(`FAIL ${message}`);
    failures.push(message);
  }
}

const timings: [string, number][] = [];
async function step<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  log(`-- ${name}`);
  try {
    return await run();
  } finally {
    timings.push([name, Date.now() - started]);
  }
}

function packageVsix(): string {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`npm run package failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  return path.join(REPO_ROOT, `star-notes-${manifest.version}.vsix`);
}

/** Files the build leaves under `dir`, relative to the repo. */
function builtFiles(dir: string): string[] {
  const absolute = path.join(REPO_ROOT, dir);
  if (!fs.existsSync(absolute)) {
    return [];
  }
  return (fs.readdirSync(absolute, { recursive: true }) as string[])
    .map((file) => path.posix.join(dir, file.split(path.sep).join('/')))
    .filter((file) => fs.statSync(path.join(REPO_ROOT, file)).isFile());
}

function checkContents(vsix: string, entries: ZipEntry[]): void {
  const size = fs.statSync(vsix).size;
  const listing = describeEntries(entries);
  fs.writeFileSync(path.join(ARTIFACTS, 'vsix-contents.txt'), `${path.basename(vsix)}: ${size} bytes\n\n${listing}\n`);
  log(`${path.basename(vsix)}: ${kilobytes(size)}\n${listing}`);
  expect(size < MAX_VSIX_BYTES, `the VSIX is under 3 MB (${kilobytes(size)})`);

  const names = new Set(entries.map((e) => e.name));
  const inExtension = (file: string) => names.has(`extension/${path.posix.normalize(file)}`);
  const required = [
    'package.json',
    manifest.main,
    ...Object.values(manifest.bin),
    'server/out/server.js',
    'images/icon.png',
    'snippets/markdown.json',
    'syntaxes/star-notes.injection.tmLanguage.json',
    // Whatever else the build puts beside the bundles is loaded at run time
    // (lazily loaded chunks, spelling dictionaries); only source maps are not.
    ...[...builtFiles('client/out'), ...builtFiles('server/out')].filter((file) => !file.endsWith('.map')),
  ];
  const missing = required.filter((file) => !inExtension(file));
  expect(missing.length === 0, `the VSIX holds what the extension needs at run time${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);
  const stray = entries
    .map((e) => e.name)
    .filter((name) => /(^|\/)(node_modules|src|test|bench|\.cache)\//.test(name) || /\.(map|ts)$/.test(name));
  expect(stray.length === 0, `the VSIX holds no sources, maps, tests or node_modules${stray.length ? `; found: ${stray.join(', ')}` : ''}`);
}

interface Finding {
  line: number;
  column: number;
  code: string;
  message: string;
  severity: string;
}

/** What the CLI (the same core, from the repo's build) finds in the notes: the Problems panel must show each. */
function referenceFindings(file: string): Finding[] {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server/out/cli.js'), 'check', '--format', 'json', file], {
    encoding: 'utf8',
  });
  if (result.status === 2 || !result.stdout.trim()) {
    throw new Error(`the CLI failed on ${file}:\n${result.stdout}${result.stderr}`);
  }
  // VS Code's Problems panel lists errors, warnings and information, never hints.
  return (JSON.parse(result.stdout) as Finding[]).filter((finding) => finding.severity !== 'hint');
}

interface Row {
  index: number;
  level: number;
  expanded: boolean | undefined;
  /** The label as shown (outline: the symbol's name). */
  name: string;
  description: string;
  text: string;
  /** An Outline row that groups one provider's symbols. */
  group: boolean;
}

/** Every row of a (virtualised) tree: scrolls it through, then back to the top. */
async function treeRows(page: Page, container: string): Promise<Row[]> {
  const rows = new Map<number, Row>();
  const list = page.locator(`${container} .monaco-list`).first();
  await list.hover();
  let round = 0;
  for (; round < 100; round++) {
    const visible = await page.locator(`${container} .monaco-list-row`).evaluateAll((elements) =>
      elements.map((element) => {
        const expanded = element.getAttribute('aria-expanded');
        const name = element.querySelector('.label-name, .outline-element-label');
        return {
          index: Number(element.getAttribute('data-index')),
          level: Number(element.getAttribute('aria-level')),
          expanded: expanded === null ? undefined : expanded === 'true',
          name: (name?.textContent ?? '').trim(),
          description: (element.querySelector('.label-description')?.textContent ?? '').trim(),
          text: (element as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim(),
          group: element.querySelector('.outline-element-label') !== null,
        };
      }),
    );
    const before = rows.size;
    for (const row of visible) {
      rows.set(row.index, row);
    }
    if (round > 0 && rows.size === before) {
      break;
    }
    await page.mouse.wheel(0, 400);
    await sleep(100);
  }
  for (; round >= 0; round--) {
    await page.mouse.wheel(0, -400);
    await sleep(50);
  }
  // Out of the way, so no hover tooltip covers the screenshots.
  await page.mouse.move(1000, 450);
  await sleep(300);
  return [...rows.values()].sort((a, b) => a.index - b.index);
}

/** The rows below `parent` in the tree, down to the next row at its level or above. */
function childrenOf(rows: Row[], parent: Row, depth = 1): Row[] {
  const start = rows.indexOf(parent) + 1;
  const end = rows.findIndex((row, i) => i >= start && row.level <= parent.level);
  return rows.slice(start, end < 0 ? undefined : end).filter((row) => row.level === parent.level + depth);
}

async function openNotesLikeAUser(page: Page, name = NOTES, shows = 'Leading CI Migration'): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The file search behind Quick Open only works once the folder is loaded.
  if (name === NOTES) await page.locator('.explorer-folders-view .monaco-list-row', { hasText: NOTES }).first().waitFor({ timeout: 60_000 });
  const quickInput = page.locator('.quick-input-widget');
  const activeTab = page.locator('.tabs-container .tab.active', { hasText: name });
  // A workbench that is still starting up can drop the first keystrokes, as
  // it would a person's: try again as they would.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('Control+P');
      await quickInput.waitFor({ state: 'visible', timeout: 5_000 });
      await page.keyboard.type(name, { delay: 20 });
      await quickInput.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await activeTab.waitFor({ timeout: 10_000 });
      break;
    } catch (err) {
      if (attempt === 3) {
        throw err;
      }
      log(`Quick Open did not open ${name} (attempt ${attempt}): ${(err as Error).message.split('\n')[0]}`);
      await page.keyboard.press('Escape');
      await sleep(1000);
    }
  }
  await page.locator('.editor-instance .view-lines', { hasText: shows }).waitFor({ timeout: 20_000 });
}

/**
 * A paramedic's story table and a sales lead's PAR stories, as their writers see them: each row
 * a story in the Outline, the empty cell in Problems, and PAR stories held to P A R.
 */
async function tablesAndFrameworks(page: Page): Promise<void> {
  await openNotesLikeAUser(page, TABLE_NOTES, 'Story bank');
  const outlineRow = page.locator('.outline-pane .monaco-list-row', { hasText: 'Conflict – drunk pt' }).first();
  await outlineRow.waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+Shift+M');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: "Action of story 'Conflict – drunk pt' is empty" }).first();
  await problem.waitFor({ timeout: 30_000 }).catch(() => undefined);
  await sleep(500);
  await page.screenshot({ path: path.join(ARTIFACTS, 'story-table.png') });
  const outlineRows = await treeRows(page, '.outline-pane');
  const problems = await treeRows(page, '.markers-panel');
  fs.writeFileSync(path.join(ARTIFACTS, 'story-table.txt'), [...outlineRows.map((row) => `${row.name}  — ${row.description}`), '', ...problems.map((row) => row.text)].join('\n') + '\n');
  expect(outlineRows.some((row) => row.name === 'Cardiac arrest – ROSC' && row.description === 'S T A R'), 'the Outline lists the story table row "Cardiac arrest – ROSC" with S T A R');
  expect(problems.some((row) => row.text.includes("Action of story 'Conflict – drunk pt' is empty")), 'the Problems panel shows the empty Action cell of "Conflict – drunk pt"');

  await openNotesLikeAUser(page, PAR_NOTES, 'Problem');
  const par = page.locator('.outline-pane .monaco-list-row', { hasText: 'P A R' }).first();
  await par.waitFor({ timeout: 30_000 }).catch(() => undefined);
  await sleep(500);
  await page.screenshot({ path: path.join(ARTIFACTS, 'par-stories.png') });
  const parRows = await treeRows(page, '.outline-pane');
  fs.writeFileSync(path.join(ARTIFACTS, 'par-stories.txt'), parRows.map((row) => `${row.name}  — ${row.description}`).join('\n') + '\n');
  expect(parRows.some((row) => row.description === 'P A R'), 'the Outline shows a PAR story as P A R');
}

async function problemsPanel(page: Page, expected: Finding[]): Promise<void> {
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 20_000 });
  // The extension activates on the markdown file, its server starts and
  // analyses; spelling comes a moment after the STAR findings.
  const deadline = Date.now() + 60_000;
  let rows: Row[] = [];
  const shows = (needle: string) => rows.some((row) => row.text.includes(needle));
  for (;;) {
    rows = await treeRows(page, '.markers-panel');
    if ((shows('has no Action') && shows('Task of story') && shows(TYPO)) || Date.now() > deadline) {
      break;
    }
    await sleep(500);
  }
  // Let the tree settle after the last update before the screenshot.
  await sleep(500);
  await page.screenshot({ path: path.join(ARTIFACTS, 'problems.png') });
  fs.writeFileSync(path.join(ARTIFACTS, 'problems.txt'), rows.map((row) => row.text).join('\n') + '\n');

  expect(shows('has no Action'), 'the Problems panel lists "… has no Action" for the CI migration story');
  expect(shows('Task of story'), 'the Problems panel lists "Task of story … has only 1 word"');
  // A row reads "<message> star-notes <code> [Ln l, Col c]". The CLI may say
  // more after the message's first ": " (e.g. spelling suggestions, which the
  // editor offers as quick fixes instead), so only the part before it must match.
  const shown = (finding: Finding) => {
    const headline = finding.message.split(': ')[0];
    const where = `[Ln ${finding.line}, Col ${finding.column}]`;
    return rows.some((row) => row.text.includes(headline) && row.text.includes(`star-notes ${finding.code} ${where}`));
  };
  const unseen = expected.filter((finding) => !shown(finding));
  expect(
    unseen.length === 0,
    `the Problems panel shows all ${expected.length} findings of the CLI${unseen.length ? `; not: ${unseen.map((f) => `${f.code}@${f.line}:${f.column}`).join(', ')}` : ''}`,
  );
  expect(
    rows.some((row) => row.text.includes(`"${TYPO}"`) && row.text.includes('star-notes spelling')),
    `the Problems panel flags the typo "${TYPO}" as star-notes spelling`,
  );
  const problemRows = rows.filter((row) => row.level === 2);
  log(`Problems panel: ${problemRows.length} problems in ${NOTES}, ${problemRows.filter((row) => row.text.includes('star-notes')).length} from star-notes`);
}

/** Opens the Explorer's Outline section; returns a description of what it shows. */
async function outlineView(page: Page): Promise<string> {
  await page.keyboard.press('Control+Shift+E');
  const header = (name: RegExp) => page.locator('.split-view-view .pane-header', { hasText: name }).first();
  // Collapse the folder section to give the Outline the room a person would.
  const folder = page.locator('.explorer-folders-view').first();
  if (await folder.isVisible()) {
    const folderHeader = page.locator('.pane-header:has(+ .pane-body .explorer-folders-view)').first();
    await folderHeader.click();
  }
  const outline = header(/^outline$/i);
  if ((await outline.getAttribute('aria-expanded')) !== 'true') {
    await outline.click();
  }
  await page.locator('.outline-pane .monaco-list-row', { hasText: STORY }).first().waitFor({ timeout: 30_000 });
  await sleep(500);
  const rows = await treeRows(page, '.outline-pane');
  await page.screenshot({ path: path.join(ARTIFACTS, 'outline.png') });
  fs.writeFileSync(
    path.join(ARTIFACTS, 'outline.txt'),
    rows.map((row) => `${'  '.repeat(row.level - 1)}${row.name}${row.description ? `  — ${row.description}` : ''}`).join('\n') + '\n',
  );

  // With two symbol providers for markdown (VS Code's and ours) the Outline
  // shows one group per provider, labelled as the provider asks.
  const groups = rows.filter((row) => row.group);
  const ours = groups.find((row) => row.name === 'STAR stories');
  const story = rows.find((row) => row.name === STORY);
  expect(story, `the Outline shows the story "${STORY}"`);
  if (story) {
    const sections = childrenOf(rows, story).map((row) => row.name);
    for (const section of [/^situation/i, /^task/i, /^results?/i, /^challenges/i]) {
      expect(sections.some((name) => section.test(name)), `the story's sections in the Outline include ${section} (${sections.join(', ')})`);
    }
    expect(!sections.some((name) => /^action/i.test(name)), 'the Outline shows no Action section for the story');
  }
  if (ours) {
    const ourRows = rows.filter((row, i) => {
      const end = rows.findIndex((r, j) => j > rows.indexOf(ours) && r.level <= ours.level);
      return i > rows.indexOf(ours) && (end < 0 || i < end);
    });
    expect(
      ourRows.every((row) => !row.name.startsWith('#')) && !ourRows.some((row) => /Craftmanship|Hiring Manager/.test(row.name)),
      'the "STAR stories" group holds only stories and their sections, not the heading tree',
    );
  }

  // Report (not a failure either way) which headings a person sees twice.
  const headingName = (name: string) => name.replace(/^#+\s*/, '').toLowerCase();
  const counts = new Map<string, number>();
  for (const row of rows.filter((r) => !groups.includes(r))) {
    counts.set(headingName(row.name), (counts.get(headingName(row.name)) ?? 0) + 1);
  }
  const twice = [...counts].filter(([, n]) => n > 1).map(([name]) => name);
  return `groups: ${groups.map((g) => g.name).join(' | ') || '(one provider, no groups)'}; ${rows.length} rows; listed more than once: ${twice.length ? twice.join(' | ') : 'nothing'}`;
}

/** Runs a command from the Command Palette by its title, as a person would. */
async function runCommand(page: Page, title: string): Promise<void> {
  const quickInput = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await quickInput.waitFor({ state: 'visible', timeout: 5_000 });
  await page.keyboard.type(title, { delay: 10 });
  await quickInput.locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await quickInput.waitFor({ state: 'hidden', timeout: 5_000 });
}

/**
 * The line above the CI migration story (the issue's own example, `S ✓ T ⚠ A ✗ R ✓`), the hover
 * on its heading, and the note's count in the status bar.
 */
async function codeLensAndHover(page: Page): Promise<void> {
  // Still open in its tab from the first step.
  await page.locator('.tabs-container .tab', { hasText: NOTES }).first().click();
  // The whole editor's height for the note: the story starts on line 26.
  await runCommand(page, 'View: Hide Panel');
  await page.locator('.editor-instance .view-lines', { hasText: STORY }).waitFor({ timeout: 20_000 });
  const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'S ✓ T ⚠ A ✗ R ✓' }).first();
  await lens.waitFor({ timeout: 30_000 }).catch(() => undefined);
  const lensText = (await lens.textContent().catch(() => null))?.trim() ?? '';
  const status = page.locator('.statusbar-item', { hasText: /STAR \d+\/\d+ complete/ }).first();
  await status.waitFor({ timeout: 30_000 }).catch(() => undefined);
  const statusText = (await status.textContent().catch(() => null))?.trim() ?? '';
  await page.mouse.move(1000, 700);
  await sleep(500);
  // The story and the lines around it, large enough to read in the README.
  const editor = await page.locator('.editor-instance').first().boundingBox();
  const lensBox = await lens.boundingBox().catch(() => null);
  const around = editor && lensBox ? { x: editor.x, y: Math.max(editor.y, lensBox.y - 200), width: editor.width, height: 440 } : undefined;
  await page.screenshot({ path: path.join(ARTIFACTS, 'codelens.png'), clip: around });
  expect(/^S ✓ T ⚠ A ✗ R ✓ · \d+ words · ~\d+(?:m\d*)?s?.*$/.test(lensText), `the code lens above the CI migration story reads "S ✓ T ⚠ A ✗ R ✓ · … words · ~…" ("${lensText}")`);
  expect(/^STAR \d+\/\d+ complete$/.test(statusText), `the status bar shows "STAR n/m complete" for the note ("${statusText}")`);

  // On the heading's text, not the empty width of its line.
  const heading = page.locator('.view-lines .view-line', { hasText: STORY }).first().locator(':scope > span');
  const box = await heading.boundingBox();
  let hoverText = '';
  if (box) {
    await page.mouse.move(box.x + Math.min(120, box.width / 2), box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: /story/i }).first();
    await hover.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    await sleep(300);
    hoverText = ((await hover.textContent().catch(() => null)) ?? '').replace(/\s+/g, ' ').trim();
    await page.screenshot({ path: path.join(ARTIFACTS, 'hover.png'), clip: around });
  }
  fs.writeFileSync(path.join(ARTIFACTS, 'codelens.txt'), `lens: ${lensText}\nstatus bar: ${statusText}\nhover: ${hoverText}\n`);
  expect(/STAR story/.test(hoverText) && /words/.test(hoverText), `hovering the story heading explains the story and its length ("${hoverText.slice(0, 160)}")`);
  await page.mouse.move(1000, 700);
  await page.keyboard.press('Escape');
}

/** The Explorer's "STAR Stories" view: every story of the workspace by file, then by question theme. */
async function storyBankView(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+E');
  const header = (name: string) => page.locator('.pane-header', { has: page.locator(`h3.title:text-is("${name}")`) }).first();
  const outline = header('Outline');
  if ((await outline.getAttribute('aria-expanded')) === 'true') await outline.click();
  const bank = header('STAR Stories');
  await bank.waitFor({ timeout: 20_000 });
  if ((await bank.getAttribute('aria-expanded')) !== 'true') await bank.click();
  const pane = '.pane:has(> .pane-header h3.title:text-is("STAR Stories"))';
  await page.locator(`${pane} .monaco-list-row`, { hasText: STORY }).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
  // Wider, as a person would drag it, so titles and their lengths show whole.
  const sidebar = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (sidebar) {
    await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + sidebar.height / 2);
    await page.mouse.down();
    await page.mouse.move(640, sidebar.y + sidebar.height / 2, { steps: 10 });
    await page.mouse.up();
  }
  await sleep(500);
  const byFile = await treeRows(page, pane);
  const bankClip = { x: 0, y: 0, width: 660, height: 900 };
  await page.screenshot({ path: path.join(ARTIFACTS, 'story-bank.png'), clip: bankClip });
  const story = byFile.find((row) => row.name === STORY);
  const notes = byFile.find((row) => row.name === NOTES);
  expect(notes && /\d+\/\d+ complete$/.test(notes.description), `the story bank lists ${NOTES} with its count of complete stories ("${notes?.description}")`);
  expect(story && /^~\d+(?:m\d*)?s?(?: · \d+ hints?)?$/.test(story.description), `the story bank lists "${STORY}" with its spoken length and hints ("${story?.description}")`);

  // The view's own title button switches to question themes.
  await bank.hover();
  await page.locator(`${pane} .pane-header .action-label[aria-label="Group by Question Theme"]`).click({ timeout: 10_000 });
  await page.locator(`${pane} .monaco-list-row`, { hasText: 'Conflict' }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await sleep(500);
  const byTheme = await treeRows(page, pane);
  await page.screenshot({ path: path.join(ARTIFACTS, 'story-bank-themes.png'), clip: bankClip });
  fs.writeFileSync(
    path.join(ARTIFACTS, 'story-bank.txt'),
    [...byFile, { level: 1, name: '', description: '' }, ...byTheme].map((row) => `${'  '.repeat(Math.max(0, row.level - 1))}${row.name}${row.description ? `  — ${row.description}` : ''}`).join('\n') + '\n',
  );
  expect(byTheme.some((row) => row.name === 'Conflict' && /^\d+ stor(?:y|ies)/.test(row.description)), 'grouped by question theme, the story bank has a Conflict theme with its stories');
  await page.locator(`${pane} .pane-header .action-label[aria-label="Group by File"]`).click({ timeout: 10_000 }).catch(() => undefined);
}

/** "STAR Notes: Show Story Report": the webview with the stories × themes table. */
async function storyReport(page: Page): Promise<void> {
  // The report's table is wide: the whole window for it.
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await runCommand(page, 'STAR Notes: Show Story Report');
  const body = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
  await body.locator('table').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
  await sleep(1000);
  const text = ((await body.innerText({ timeout: 5_000 }).catch(() => '')) ?? '').trim();
  await page.screenshot({ path: path.join(ARTIFACTS, 'report.png') });
  fs.writeFileSync(path.join(ARTIFACTS, 'report.txt'), `${text}\n`);
  expect(text.includes(STORY), `the story report lists "${STORY}"`);
}

/** After a run that met every expectation: the README's screenshots, from what this run saw. */
function updateImages(): void {
  for (const shot of README_SHOTS) fs.copyFileSync(path.join(ARTIFACTS, shot), path.join(IMAGES, shot));
  log(`copied ${README_SHOTS.join(', ')} to ${path.relative(REPO_ROOT, IMAGES)}/`);
}

/** Errors the extension logged to its output channel, or an activation failure in the extension host log. */
function loggedErrors(userDataDir: string): string[] {
  const errors: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (path.basename(dir) === EXTENSION_ID && entry.name.endsWith('.log')) {
        errors.push(...fs.readFileSync(file, 'utf8').split('\n').filter((line) => /\[error\]/.test(line)));
      } else if (/exthost\.log$/.test(entry.name)) {
        errors.push(
          ...fs
            .readFileSync(file, 'utf8')
            .split('\n')
            .filter((line) => line.includes(EXTENSION_ID) && /\[error\]|failed/i.test(line)),
        );
      }
    }
  };
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) {
    walk(logs);
  }
  return errors;
}

async function main(): Promise<number> {
  const problems = codeServerProblems({ browser: true });
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }
  const started = Date.now();
  const timer = setTimeout(
    () => stop.abort(new Error(`timed out after ${options['timeout-seconds']} s`)),
    Number(options['timeout-seconds']) * 1000,
  );
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const sandbox = createSandbox();
  const stateDir = path.join(sandbox.root, 'code-server');
  const serverLog = path.join(sandbox.root, 'code-server.log');
  let browser: Browser | undefined;
  let page: Page | undefined;
  let outline = '';
  let crashed: Error | undefined;
  try {
    const vsix = options.vsix ? path.resolve(options.vsix) : await step('package the VSIX', packageVsix);
    await step('check its size and contents', () => checkContents(vsix, zipEntries(vsix)));
    const expected = referenceFindings(path.join(sandbox.workspace, NOTES));

    await step('install it with code-server --install-extension', () => {
      log(installVsix(vsix, { ...sandbox, stateDir }));
      const installed = fs.readdirSync(sandbox.extensionsDir).filter((name) => name.startsWith(EXTENSION_ID));
      expect(installed.length === 1, `one ${EXTENSION_ID} in the fresh extensions folder (${installed.join(', ')})`);
    });

    const port = await freePort();
    server = await step('start code-server', () =>
      CodeServer.start(
        {
          port,
          userDataDir: sandbox.userDataDir,
          extensionsDir: sandbox.extensionsDir,
          stateDir,
          folder: sandbox.workspace,
          env: sandbox.env,
          logFile: serverLog,
        },
        stop.signal,
      ),
    );
    browser = await launchChromium(stop.signal);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const url = server.url(`/?folder=${encodeURIComponent(sandbox.workspace)}`);
    log(`opening ${url}`);
    await abortable(page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }));

    await step(`open ${NOTES} with Quick Open`, () => abortable(openNotesLikeAUser(page!)));
    const title = await page.title();
    expect(!/Extension Development Host/.test(title), `the window is a normal one, not an extension development host ("${title}")`);
    await step('read the Problems panel', () => abortable(problemsPanel(page!, expected)));
    outline = await step('read the Outline', () => abortable(outlineView(page!)));
    log(`Outline: ${outline}`);
    await step('open a story table and PAR stories', () => abortable(tablesAndFrameworks(page!)));
    await step('the code lens, the hover and the status bar', () => abortable(codeLensAndHover(page!)));
    await step('the story bank in the Explorer', () => abortable(storyBankView(page!)));
    await step('the story report', () => abortable(storyReport(page!)));
    const errors = loggedErrors(sandbox.userDataDir);
    expect(errors.length === 0, `no errors in the extension's logs${errors.length ? `:\n${errors.join('\n')}` : ''}`);
  } catch (err) {
    crashed = err as Error;
    log(`ERROR ${crashed.stack ?? crashed.message}`);
  } finally {
    clearTimeout(timer);
    if ((crashed || failures.length > 0) && !interrupted) {
      if (page && !page.isClosed()) {
        await page.screenshot({ path: path.join(ARTIFACTS, 'failure.png'), timeout: 10_000 }).catch(() => {});
      }
      if (fs.existsSync(serverLog)) {
        fs.copyFileSync(serverLog, path.join(ARTIFACTS, 'code-server.log'));
      }
      const logs = path.join(sandbox.userDataDir, 'logs');
      if (fs.existsSync(logs)) {
        fs.cpSync(logs, path.join(ARTIFACTS, 'logs'), { recursive: true });
      }
    }
    await Promise.race([browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]).catch(() => {});
    server?.kill();
    sandbox.dispose();
  }
  for (const [name, ms] of timings) {
    log(`${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and listings in ${path.relative(REPO_ROOT, ARTIFACTS)}/`);
  if (interrupted) {
    return 130;
  }
  if (crashed || failures.length > 0) {
    log(`vsix: ${failures.length} expectation(s) failed${crashed ? ', and the run stopped early' : ''}`);
    return 1;
  }
  log('vsix: all expectations met');
  if (options['update-images']) updateImages();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`[e2e-vsix] ${err.message}`);
    process.exit(1);
  },
);
