import { spokenTime } from '../coach/stats';
import type { SlotState } from '../model/progress';
import type { StoriesResult, StoryEntry } from './types';

export const REPORT_FORMATS = ['markdown', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  /** How a file is named: its path relative to the workspace folder, or to where the command ran. */
  fileLabel: (uri: string) => string;
  /** Where a story's link goes: a file path for a report on disk, the note's URI for the editor. */
  href: (story: StoryEntry) => string;
}

const MARKS: Readonly<Record<SlotState, string>> = { done: '✓', weak: '⚠', missing: '✗' };
const STATE_NAMES: Readonly<Record<SlotState, string>> = { done: 'done', weak: 'unfinished', missing: 'missing' };

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What every format shows, worked out once: the renderings differ only in markup. */
interface Report {
  summary: string;
  /** Themes no complete story covers, with the unfinished stories that would. */
  gaps: { name: string; started: StoryEntry[] }[];
  themes: StoriesResult['themes'];
  rows: Row[];
  /** Per theme, how many complete stories have it. */
  counts: number[];
  /** Whether any story has a theme outside the set: only then the table gets an "Other" column. */
  others: boolean;
}

interface Row {
  story: StoryEntry;
  file: string;
  /** Per theme of the set: declared, guessed, or not this story's. */
  marks: ('declared' | 'guess' | undefined)[];
  /** Themes the writer declared that the set has not. */
  other: string[];
}

function build(result: StoriesResult, options: ReportOptions): Report {
  const stories = [...result.stories].sort((a, b) => options.fileLabel(a.uri).localeCompare(options.fileLabel(b.uri)) || a.range.start.line - b.range.start.line);
  const setIds = new Set(result.themes.map((theme) => theme.id));
  const rows = stories.map((story) => {
    const byId = new Map(story.themes.map((theme) => [theme.id, theme]));
    return {
      story,
      file: `${options.fileLabel(story.uri)}:${story.range.start.line + 1}`,
      marks: result.themes.map((theme) => {
        const own = byId.get(theme.id);
        return own ? (own.guess ? ('guess' as const) : ('declared' as const)) : undefined;
      }),
      other: story.themes.filter((theme) => !setIds.has(theme.id)).map((theme) => theme.name),
    };
  });
  const files = new Set(stories.map((story) => story.uri)).size;
  const complete = stories.filter((story) => story.complete).length;
  const covered = result.themes.filter((theme) => theme.covered).length;
  const summary =
    stories.length === 0
      ? 'No STAR stories found yet. A story is a heading with Situation, Task, Action and Result under it.'
      : `${plural(stories.length, 'story', 'stories')} in ${plural(files, 'file')} · ${complete} complete · ${covered} of ${plural(result.themes.length, 'theme')} covered by a complete story`;
  return {
    summary,
    gaps: result.themes
      .filter((theme) => !theme.covered)
      .map((theme) => ({ name: theme.name, started: stories.filter((story) => story.themes.some((own) => own.id === theme.id)) })),
    themes: result.themes,
    rows,
    counts: result.themes.map((_, i) => rows.filter((row) => row.story.complete && row.marks[i]).length),
    others: rows.some((row) => row.other.length > 0),
  };
}

/** The story bank's report: the same content as Markdown, JSON (the `starNotes/stories` result) or a standalone HTML page. */
export function renderReport(result: StoriesResult, format: ReportFormat, options: ReportOptions): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const report = build(result, options);
  return format === 'html' ? html(report, options) : markdown(report, options);
}

const slotMarks = (story: StoryEntry): string => story.slots.map((slot) => `${slot.letter} ${MARKS[slot.state]}`).join(' ');

const length = (story: StoryEntry) => `${spokenTime(story.seconds)} (${plural(story.words, 'word')})`;

const LEGEND = '✓ declared (a `Questions:` line, a hashtag or front matter) · ? guessed from the title · slots: ✓ done, ⚠ unfinished, ✗ missing';

/** Text for a table cell or a link's text: no pipes, brackets or line breaks to end it early. */
function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<|]/g, '\\$&').replace(/\s+/g, ' ');
}

/** A link target: spaces and parentheses escaped so the target ends where it should. */
function mdHref(href: string): string {
  return href.replace(/[ ()<>]/g, (char) => encodeURIComponent(char));
}

function markdown(report: Report, options: ReportOptions): string {
  const link = (story: StoryEntry) => `[${mdText(story.title)}](${mdHref(options.href(story))})`;
  const out = ['# Story bank', '', report.summary, ''];
  if (report.rows.length > 0) {
    out.push('## Not covered yet', '');
    if (report.gaps.length === 0) out.push('Every theme has a complete story.', '');
    else {
      out.push('No complete story answers these yet:', '');
      for (const gap of report.gaps) {
        const started = gap.started.map((story) => `${link(story)} (${slotMarks(story)})`).join(', ');
        out.push(`- **${mdText(gap.name)}**: ${started ? `only unfinished stories: ${started}` : 'no story yet'}`);
      }
      out.push('');
    }
    out.push('## Stories', '');
    const headers = ['Story', 'File', 'Sections', 'Length', 'Hints', ...report.themes.map((theme) => mdText(theme.name)), ...(report.others ? ['Other'] : [])];
    out.push(`| ${headers.join(' | ')} |`);
    out.push(`| ${headers.map((_, i) => (i === 3 || i === 4 ? '---:' : i >= 5 ? ':-:' : '---')).join(' | ')} |`);
    for (const row of report.rows) {
      const cells = [
        link(row.story),
        mdText(row.file),
        slotMarks(row.story),
        length(row.story),
        String(row.story.hints),
        ...row.marks.map((mark) => (mark === 'declared' ? '✓' : mark === 'guess' ? '?' : '')),
        ...(report.others ? [mdText(row.other.join(', '))] : []),
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push(`| **Complete stories** | | | | | ${report.counts.join(' | ')} |${report.others ? ' |' : ''}`, '', LEGEND, '');
  }
  return out.join('\n');
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Colours come from the editor's theme where there is one (a webview gets `--vscode-*`
 * variables), else from the browser's own light or dark scheme (`Canvas`, `CanvasText`).
 */
const STYLE = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px); color: var(--vscode-foreground, CanvasText); background: var(--vscode-editor-background, Canvas); margin: 1.5em; line-height: 1.45; }
a { color: var(--vscode-textLink-foreground, LinkText); text-decoration: none; }
a:hover { color: var(--vscode-textLink-activeForeground, LinkText); text-decoration: underline; }
h1 { font-size: 1.6em; font-weight: 600; margin: 0 0 0.3em; }
h2 { font-size: 1.2em; font-weight: 600; margin: 1.6em 0 0.5em; }
.summary, .legend, .file { color: var(--vscode-descriptionForeground, GrayText); }
.gaps li { margin: 0.2em 0; }
table { border-collapse: collapse; margin-top: 0.5em; }
th, td { border: 1px solid var(--vscode-panel-border, color-mix(in srgb, currentColor 25%, transparent)); padding: 0.3em 0.6em; vertical-align: top; }
th { font-weight: 600; text-align: left; background: var(--vscode-editorWidget-background, color-mix(in srgb, currentColor 6%, transparent)); }
th.theme { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; white-space: nowrap; padding: 0.6em 0.3em; }
td.num { text-align: right; white-space: nowrap; }
td.mark { text-align: center; }
td.slots { white-space: nowrap; font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
tr.incomplete td.story a { font-style: italic; }
tfoot td { font-weight: 600; }
.done, .declared { color: var(--vscode-testing-iconPassed, #2e7d32); }
.weak, .guess { color: var(--vscode-editorWarning-foreground, #b26a00); }
.missing { color: var(--vscode-editorError-foreground, #c62828); }
.none { color: var(--vscode-testing-iconPassed, #2e7d32); }
`;

function html(report: Report, options: ReportOptions): string {
  // The data attributes let the editor's webview reveal the story in place of following the link.
  const link = (story: StoryEntry) =>
    `<a href="${esc(options.href(story))}" data-uri="${esc(story.uri)}" data-line="${story.range.start.line}" data-character="${story.range.start.character}">${esc(story.title)}</a>`;
  const slots = (story: StoryEntry) =>
    story.slots.map((slot) => `<span class="${slot.state}" title="${esc(`${slot.name}: ${STATE_NAMES[slot.state]}`)}">${esc(slot.letter)} ${MARKS[slot.state]}</span>`).join(' ');
  const body: string[] = ['<h1>Story bank</h1>', `<p class="summary">${esc(report.summary)}</p>`];
  if (report.rows.length > 0) {
    body.push('<h2>Not covered yet</h2>');
    if (report.gaps.length === 0) body.push('<p class="none">Every theme has a complete story.</p>');
    else {
      body.push('<p>No complete story answers these yet:</p>', '<ul class="gaps">');
      for (const gap of report.gaps) {
        const started = gap.started.map((story) => `${link(story)} (${slots(story)})`).join(', ');
        body.push(`<li><strong>${esc(gap.name)}</strong>: ${started ? `only unfinished stories: ${started}` : 'no story yet'}</li>`);
      }
      body.push('</ul>');
    }
    body.push('<h2>Stories</h2>', '<table>', '<thead><tr><th>Story</th><th>Sections</th><th>Length</th><th>Hints</th>');
    body.push(...report.themes.map((theme) => `<th class="theme" title="${esc(theme.name)}">${esc(theme.name)}</th>`));
    if (report.others) body.push('<th>Other</th>');
    body.push('</tr></thead>', '<tbody>');
    for (const row of report.rows) {
      const marks = row.marks.map((mark) =>
        mark === 'declared' ? '<td class="mark declared" title="declared">✓</td>' : mark === 'guess' ? '<td class="mark guess" title="guessed from the title">?</td>' : '<td class="mark"></td>',
      );
      body.push(
        `<tr class="${row.story.complete ? 'complete' : 'incomplete'}"><td class="story">${link(row.story)}<br><span class="file">${esc(row.file)}</span></td>` +
          `<td class="slots">${slots(row.story)}</td><td class="num">${esc(length(row.story))}</td><td class="num">${row.story.hints}</td>${marks.join('')}` +
          `${report.others ? `<td>${esc(row.other.join(', '))}</td>` : ''}</tr>`,
      );
    }
    body.push('</tbody>', `<tfoot><tr><td colspan="4">Complete stories</td>${report.counts.map((count) => `<td class="mark">${count}</td>`).join('')}${report.others ? '<td></td>' : ''}</tr></tfoot>`, '</table>');
    body.push(`<p class="legend">${esc(LEGEND).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`);
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>STAR Notes: story bank</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
