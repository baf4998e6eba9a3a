import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../core/analyze';
import { storiesResult, storyEntries } from '../core/bank/bank';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../core/bank/report';
import type { StoryEntry } from '../core/bank/types';
import { skipReason } from '../core/parse/guards';
import { parse, UsageError } from './args';
import { showPath } from './check';
import { notesFiles } from './files';
import { CliSettings, warnOnce } from './settings';

export const REPORT_USAGE = `Usage: star-notes report [options] [PATH|GLOB ...]

The story bank: every STAR story in the notes, how complete it is, how long it takes to tell, its
hints, and which question themes it answers; at the top, the themes no complete story covers yet.
Folders are searched as by check; with no path, the current folder.

  --format NAME    markdown (default), html (a page that works on its own), json (the editor's
                   starNotes/stories result)
  --settings FILE  settings from FILE instead of the config files beside the notes

A story declares its themes with a "Questions: conflict, failure" line, "questions:" in front
matter, or hashtags (#leadership); title keywords are matched too, marked as guesses. The theme
set is "starNotes.themes" in the settings of the first path: "common" (default), "amazon" or a list.
Exit code: 0 done; 2 a usage, config or file error.`;

const OPTIONS = {
  format: { type: 'string', default: 'markdown' },
  settings: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** `star-notes report`: the editor's "Show Story Report", from the same code, to standard output. */
export async function runReport(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.help) return console.log(REPORT_USAGE), 0;
  const format = REPORT_FORMATS.find((known) => known === values.format);
  if (!format) throw new UsageError(`--format: unknown format "${values.format}" (formats: ${REPORT_FORMATS.join(', ')})`);
  const cwd = process.cwd();
  const warn = warnOnce();
  const settings = new CliSettings({ file: values.settings, rules: {}, spelling: false, cwd }, warn);
  const paths = positionals.length > 0 ? positionals : ['.'];
  const files = await notesFiles(paths, cwd);

  const stories: StoryEntry[] = [];
  for (const file of files) {
    const own = settings.forFile(file).settings;
    if (!own.enable) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`${showPath(cwd, file)}: ${(error as Error).message}`);
    }
    const skipped = skipReason(text, own);
    if (skipped) {
      warn(`${showPath(cwd, file)}: ${skipped}`);
      continue;
    }
    const uri = pathToFileURL(file).href;
    const document = TextDocument.create(uri, 'markdown', 0, text);
    stories.push(...storyEntries(uri, analyze(text, own), own, ([start, end]) => ({ start: document.positionAt(start), end: document.positionAt(end) })));
  }

  const themes = settings.forFile(settingsPathFor(resolve(cwd, paths[0]), files)).settings.themes;
  const shown = (uri: string) => showPath(cwd, fileURLToPath(uri));
  process.stdout.write(
    renderReport(storiesResult(stories, themes), format as ReportFormat, {
      fileLabel: shown,
      // VS Code's markdown preview and editors that follow file links open `notes.md#L12` at that line.
      href: (story) => `${encodeURI(shown(story.uri))}#L${story.range.start.line + 1}`,
    }),
  );
  return 0;
}

/** A file whose settings stand for the first path: the path itself when it is a file, else a file inside it. */
function settingsPathFor(path: string, files: readonly string[]): string {
  try {
    if (statSync(path).isDirectory()) return join(path, 'report.md');
  } catch {
    // A glob: its first file's settings.
    return files[0] ?? path;
  }
  return path;
}
