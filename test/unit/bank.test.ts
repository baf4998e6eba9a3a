import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { storiesResult, storyEntries } from '../../server/src/core/bank/bank';
import { renderReport, type ReportOptions } from '../../server/src/core/bank/report';
import { keywordThemes, resolveThemes, THEME_SETS } from '../../server/src/core/bank/themes';
import type { StoryEntry } from '../../server/src/core/bank/types';
import { LineIndex } from '../../server/src/core/text';
import { DEALS, MOCK_INSPECTION, RFC, WARD } from './bankNotes';
import { lines, settingsWith } from './helpers';

/** The shared interview notes the issue names, as a real writer left them. */
const INTERVIEW_NOTES = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'interview-notes.md'), 'utf8');

function entries(text: string, raw: Record<string, unknown> = {}, uri = 'file:///notes/bank.md'): StoryEntry[] {
  const settings = settingsWith(raw);
  const index = new LineIndex(text);
  const position = (offset: number) => ({ line: index.lineAt(offset), character: offset - index.lineStart(index.lineAt(offset)) });
  return storyEntries(uri, analyze(text, settings), settings, ([start, end]) => ({ start: position(start), end: position(end) }));
}

/** `title: id, id?` per story, `?` marking a guess. */
const themesOf = (text: string, raw: Record<string, unknown> = {}) =>
  entries(text, raw).map((entry) => `${entry.title}: ${entry.themes.map((theme) => `${theme.id}${theme.guess ? '?' : ''}`).join(', ')}`);

const story = (title: string, ...extra: string[]) =>
  lines(
    `## ${title}`,
    ...extra,
    '- Situation: The stock room flooded the week before the regional audit.',
    '- Task: I had to get the shop floor ready and the counts right by Friday.',
    '- Action: I split the team into two shifts and recounted every aisle myself.',
    '- Result: We passed the audit with a 99.2% count accuracy.',
    '',
  );

describe('story bank: themes a story declares', () => {
  it('reads a `Questions:` line under the heading, in plain, bold or bullet form, and the list under a bare one', () => {
    assert.deepEqual(themesOf(story('Audit week', 'Questions: conflict, failure')), ['Audit week: failure, conflict']);
    assert.deepEqual(themesOf(story('Audit week', '**Questions:** Leadership; ambiguity')), ['Audit week: leadership, ambiguity']);
    assert.deepEqual(themesOf(story('Audit week', '- Questions: weakness')), ['Audit week: weakness']);
    assert.deepEqual(themesOf(story('Audit week', 'Questions:', '- strength', '- proudest achievement', '')), ['Audit week: strength, proudest-achievement']);
  });

  it('reads a `Questions:` line that follows the Result with no blank line between', () => {
    assert.deepEqual(themesOf(lines(story('Audit week').trimEnd(), 'Questions: customer focus', '')), ['Audit week: customer-focus']);
  });

  it('reads `questions:` in front matter, as a list or names parted by commas, for every story of the file', () => {
    assert.deepEqual(themesOf(MOCK_INSPECTION), ['Rewriting the Year 9 scheme of work in a week: tight-deadline, learning-fast']);
    const twoStories = lines('---', 'questions: conflict, disagreeing with a manager', '---', story('Audit week'), story('Stock count'));
    assert.deepEqual(themesOf(twoStories), ['Audit week: conflict, disagree-with-manager', 'Stock count: conflict, disagree-with-manager']);
  });

  it('takes hashtags and front matter tags that name a theme, and only those', () => {
    assert.deepEqual(themesOf(WARD), ['Night shift with two nurses down: conflict, leadership', 'Family complaint about a discharge #customer-focus: customer-focus']);
    assert.deepEqual(themesOf(story('Audit week', 'Tagged #BiasForAction #leadership #todo #fff', '')), ['Audit week: leadership'], 'common has no Bias for Action, and #todo names nothing');
    assert.deepEqual(themesOf(story('Flooded stock room', 'Tagged #BiasForAction #ownership', ''), { themes: 'amazon' }), ['Flooded stock room: ownership, bias-for-action']);
    assert.deepEqual(themesOf(lines('---', 'tags: [retail, interview/conflict]', '---', story('Audit week'))), ['Audit week: conflict']);
  });

  it('never reads a hashtag in code, a URL fragment, C#, an issue number or a character reference', () => {
    const text = story(
      'Audit week',
      'Ran the recount script (`count.py --tag #leadership`) from https://wiki.example.com/audit#conflict,',
      'written in C#, see #123 and &#35;failure.',
      '',
      '```',
      '#weakness',
      '```',
      '',
    );
    assert.deepEqual(themesOf(text), ['Audit week: ']);
  });

  it('matches a question written out by its keywords, as declared, and keeps a short name no set has as the writer\'s own', () => {
    assert.deepEqual(themesOf(DEALS), ['Losing the Northwind renewal: failure, negotiation', 'Winning over a sceptical CFO: influence?']);
    const entry = entries(DEALS)[0];
    assert.deepEqual(entry.themes.at(-1), { id: 'negotiation', name: 'negotiation', guess: false });
  });

  it('drops long lines and questions to ask the interviewer that name no theme', () => {
    assert.deepEqual(themesOf(story('Audit week', 'Questions: what does on-call look like here; how big is the team?')), ['Audit week: ']);
  });

  it('reads nothing from a document with no story', () => {
    assert.deepEqual(entries(RFC), []);
  });
});

describe('story bank: themes guessed from the title', () => {
  it('marks title keyword matches as guesses, and a declared theme is never a guess too', () => {
    assert.deepEqual(themesOf(story('Disagreeing with my manager about the rota')), ['Disagreeing with my manager about the rota: disagree-with-manager?']);
    assert.deepEqual(themesOf(story('Missed deadline on the audit', 'Questions: tight deadline')), ['Missed deadline on the audit: tight-deadline']);
    assert.deepEqual(themesOf(story('Missed deadline on the audit', 'Questions: failure')), ['Missed deadline on the audit: failure, tight-deadline?']);
  });

  it('finds words in order with the gaps a keyword allows, plurals and hyphenated words', () => {
    const common = (title: string) => keywordThemes(title, THEME_SETS.common).map((theme) => theme.id);
    assert.deepEqual(common('Pushing back on my new boss'), ['disagree-with-manager']);
    assert.deepEqual(common('Winning buy-in for the new rota'), ['influence']);
    assert.deepEqual(common('A difficult co-worker on nights'), ['conflict']);
    assert.deepEqual(common('Three tight deadlines in one month'), ['tight-deadline']);
    assert.deepEqual(common('Leading CI Migration (Jenkins -> GH Actions)'), ['leadership']);
  });

  it('does not guess from a word that only contains a keyword or means something else', () => {
    const common = (title: string) => keywordThemes(title, THEME_SETS.common).map((theme) => theme.id);
    assert.deepEqual(common('Cutting lead time on orders'), []);
    assert.deepEqual(common('The ward extension'), []);
    assert.deepEqual(common('Failover for the payments database'), []);
    assert.deepEqual(common('A new approach to onboarding'), []);
  });

  it('guesses Amazon Leadership Principles from their own words', () => {
    const amazon = (title: string) => keywordThemes(title, THEME_SETS.amazon).map((theme) => theme.id);
    assert.deepEqual(amazon('Root-causing the duplicate refunds'), ['dive-deep']);
    assert.deepEqual(amazon('Cutting our cloud costs by a third'), ['frugality']);
    assert.deepEqual(amazon('Disagreeing with the launch date, then committing'), ['have-backbone', 'deliver-results']);
  });
});

describe('story bank: starNotes.themes', () => {
  const resolve = (raw: unknown) => {
    const warnings: string[] = [];
    return { ids: resolveThemes(raw, warnings).map((theme) => theme.id), warnings };
  };

  it('has the twelve common themes by default and the sixteen Leadership Principles as "amazon"', () => {
    assert.equal(THEME_SETS.common.length, 12);
    assert.equal(THEME_SETS.amazon.length, 16);
    assert.equal(settingsWith().themes, THEME_SETS.common);
    assert.equal(settingsWith({ themes: 'Amazon' }).themes, THEME_SETS.amazon);
    for (const set of Object.values(THEME_SETS)) assert.equal(new Set(set.map((theme) => theme.id)).size, set.length);
  });

  it('takes a list of set names, built-in themes and the user\'s own, each theme once', () => {
    assert.deepEqual(resolve(['conflict', 'Ownership', 'Stakeholder management', { name: 'Safeguarding', keywords: ['safeguard*'] }, 'conflict']), {
      ids: ['conflict', 'ownership', 'stakeholder-management', 'safeguarding'],
      warnings: [],
    });
    assert.equal(resolve(['common', 'amazon']).ids.length, 12 + 16 - 0);
  });

  it('matches the user\'s own themes by their keywords, or their name when they give none', () => {
    const raw = { themes: ['Stakeholder management', { name: 'Safeguarding', keywords: ['safeguard*'] }] };
    assert.deepEqual(themesOf(story('Raising a safeguarding concern'), raw), ['Raising a safeguarding concern: safeguarding?']);
    assert.deepEqual(themesOf(story('Stakeholder management on the refit'), raw), ['Stakeholder management on the refit: stakeholder-management?']);
  });

  it('falls back to "common" with a warning for what it cannot use, and skips bad items', () => {
    assert.deepEqual(resolve('google').warnings.length, 1);
    assert.equal(resolve('google').ids.length, 12);
    assert.equal(resolve(42).ids.length, 12);
    assert.deepEqual(resolve([]), { ids: THEME_SETS.common.map((theme) => theme.id), warnings: ['starNotes.themes: no theme in the list; using "common".'] });
    const mixed = resolve(['conflict', 7, { keywords: ['x'] }, { name: 'Safety', keywords: 'safe' }]);
    assert.deepEqual(mixed.ids, ['conflict']);
    assert.equal(mixed.warnings.length, 3);
  });
});

describe('story bank: entries and coverage', () => {
  it('gives the interview notes\' one story with its slots, length, hints and a leadership guess', () => {
    const [entry, ...rest] = entries(INTERVIEW_NOTES);
    assert.equal(rest.length, 0);
    assert.equal(entry.title, 'Leading CI Migration (Jenkins -> GH Actions)');
    assert.deepEqual(entry.range.start, { line: INTERVIEW_NOTES.split('\n').indexOf('### Leading CI Migration (Jenkins -> GH Actions)'), character: 0 });
    assert.equal(entry.framework, 'star');
    assert.equal(entry.complete, false);
    assert.deepEqual(entry.slots.map((slot) => `${slot.letter} ${slot.state}`), ['S done', 'T weak', 'A missing', 'R done']);
    assert.ok(entry.words > 100 && entry.seconds === Math.round((entry.words * 60) / 150), `${entry.words} words, ${entry.seconds} s`);
    assert.deepEqual(entry.themes, [{ id: 'leadership', name: 'Leadership', guess: true }]);
  });

  it('counts the story\'s findings at hint level, after the user\'s severities', () => {
    const text = story('Audit week').replace('with a 99.2% count accuracy', 'and everyone was pleased');
    assert.equal(entries(text)[0].hints, 1);
    assert.equal(entries(text, { severity: { 'no-metric': 'warning' } })[0].hints, 0);
  });

  it('covers a theme only with a complete story', () => {
    const result = storiesResult([...entries(WARD), ...entries(DEALS)], THEME_SETS.common);
    const covered = result.themes.filter((theme) => theme.covered).map((theme) => theme.id);
    assert.deepEqual(covered, ['failure', 'conflict', 'leadership', 'customer-focus']);
    assert.ok(!covered.includes('influence'), 'the CFO story has no Result yet');
  });
});

describe('story bank: report', () => {
  const result = storiesResult([...entries(WARD, {}, 'file:///notes/ward.md'), ...entries(DEALS, {}, 'file:///notes/sales%20deals.md')], THEME_SETS.common);
  const options: ReportOptions = { fileLabel: (uri) => decodeURIComponent(uri.replace('file:///notes/', '')), href: (entry) => `${entry.uri}#L${entry.range.start.line + 1}` };

  it('puts the themes no complete story covers at the top, then a table of stories × themes (markdown)', () => {
    const markdown = renderReport(result, 'markdown', options);
    const [top, table] = markdown.split('## Stories');
    assert.match(top, /4 stories in 2 files · 3 complete · 4 of 12 themes covered by a complete story/);
    assert.match(top, /- \*\*Influence without authority\*\*: only unfinished stories: \[Winning over a sceptical CFO\]\(file:\/\/\/notes\/sales%20deals\.md#L11\) \(S ✓ T ✓ A ✓ R ✗\)/);
    assert.match(top, /- \*\*Weakness\*\*: no story yet/);
    assert.doesNotMatch(top, /\*\*Conflict\*\*/);
    const header = table.split('\n').find((line) => line.startsWith('| Story'))!;
    assert.equal(header, `| Story | File | Sections | Length | Hints | ${THEME_SETS.common.map((theme) => theme.name).join(' | ')} | Other |`);
    const row = table.split('\n').find((line) => line.includes('Losing the Northwind'))!.split(' | ');
    assert.deepEqual(row.slice(1, 5), ['sales deals.md:3', 'S ✓ T ✓ A ✓ R ✓', '~23s (58 words)', '0']);
    assert.equal(row[5 + THEME_SETS.common.findIndex((theme) => theme.id === 'failure')], '✓');
    assert.equal(row.at(-1), 'negotiation |');
    const cfo = table.split('\n').find((line) => line.includes('sceptical CFO'))!.split(' | ');
    assert.equal(cfo[5 + THEME_SETS.common.findIndex((theme) => theme.id === 'influence')], '?');
    assert.match(table, /\| \*\*Complete stories\*\* \| \| \| \| \| 0 \| 0 \| 0 \| 1 \| 1 \| 1 \| 0 \|/);
  });

  it('renders the same in HTML, escaped, with theme colours and links the editor can reveal', () => {
    const html = renderReport(storiesResult(entries(story('Cover <b>& "more"</b>')), THEME_SETS.common), 'html', options);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /var\(--vscode-foreground, CanvasText\)/);
    assert.match(html, /<a href="file:\/\/\/notes\/bank\.md#L1" data-uri="file:\/\/\/notes\/bank\.md" data-line="0" data-character="0">Cover &#60;b&#62;&#38; &#34;more&#34;&#60;\/b&#62;<\/a>/);
    assert.ok(html.indexOf('Not covered yet') < html.indexOf('<table>'));
    const full = renderReport(result, 'html', options);
    assert.match(full, /<li><strong>Weakness<\/strong>: no story yet<\/li>/);
    assert.match(full, /<td class="mark guess" title="guessed from the title">\?<\/td>/);
  });

  it('gives the request\'s result as JSON, and says so when there is no story', () => {
    assert.deepEqual(JSON.parse(renderReport(result, 'json', options)), result);
    const empty = renderReport(storiesResult([], THEME_SETS.common), 'markdown', options);
    assert.match(empty, /No STAR stories found yet/);
    assert.doesNotMatch(empty, /\| Story/);
  });
});

describe('story bank: the model and Questions lines', () => {
  it('takes no `Questions:` line for a section, a story break or words of the story', () => {
    const plain = story('Audit week');
    const declared = story('Audit week', 'Questions: conflict, failure');
    const [a, b] = [analyze(plain, settingsWith()), analyze(declared, settingsWith())];
    assert.deepEqual(
      b.doc.stories.map((one) => one.sections.map((section) => `${section.name} ${section.words}`)),
      a.doc.stories.map((one) => one.sections.map((section) => `${section.name} ${section.words}`)),
    );
    assert.deepEqual(b.findings.map((finding) => finding.code), a.findings.map((finding) => finding.code));
  });
});
