import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_NESTING, MAX_PARAGRAPH_MARKS, skipReason } from '../../server/src/core/parse/guards';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/core/settings';
import { generateNotes } from '../../bench/corpus';
import { join } from 'node:path';
import { fixture, lines } from './helpers';
import { corpusFiles } from './corpus';

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
    for (const name of corpusFiles()) assert.equal(skipReason(fixture(join('notes', name)), settings), undefined, name);
    for (const name of ['interview-notes.md', 'cover-letter.md']) assert.equal(skipReason(fixture(name), settings), undefined, name);
    assert.equal(skipReason(generateNotes(1_500_000, 1), settings), undefined);
    assert.equal(skipReason(`- Situation: ${'we shipped it, then we measured it. '.repeat(20_000)}`, settings), undefined);
    assert.equal(skipReason(`![diagram](data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAA+/='.repeat(40_000)})`, settings), undefined);
  });
});

