import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_NESTING, MAX_PARAGRAPH_MARKS, ParseGuard, skipReason } from '../../server/src/core/parse/guards';
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

  it('gives, version after version, the reason a fresh scan gives, rescanning only around each edit', () => {
    // Lines that open and close fences, nest, start paragraphs and carry marks: what the scan's state is made of.
    const line = fc.oneof(
      { arbitrary: fc.constantFrom('text *a* _b_ [c]', 'plain words'), weight: 6 },
      { arbitrary: fc.constant(''), weight: 3 },
      { arbitrary: fc.constantFrom('```', '~~~~'), weight: 2 },
      { arbitrary: fc.constant('*'.repeat(1100)), weight: 1 },
      { arbitrary: fc.constantFrom('- item `x`', '> quote', '    indented', '# heading', '| a | b |', `${'> '.repeat(60)}x`, `${'- '.repeat(60)}x`, '\r'), weight: 1 },
    );
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.array(line, { maxLength: 3 }).map((added) => added.join('\n')) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 200 }), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 8 }), (start, edits, every) => {
        const guard = new ParseGuard(every);
        let text = start.join('\n');
        assert.equal(skipReason(text, settings, undefined, guard), skipReason(text, settings));
        for (const { at, remove, insert } of edits) {
          const from = at % (text.length + 1);
          text = text.slice(0, from) + insert + text.slice(from + remove);
          assert.equal(skipReason(text, settings, undefined, guard), skipReason(text, settings));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('resumes only where the state and the text after it are both the same as the last scan\'s', () => {
    const stars = '*'.repeat(1100);
    const versions = [
      // A fence closed where the last version opened one: the marks after it now count.
      [['```', '```', '```', 'q', stars, stars, '```'], ['```', '```', 'q', 'q', stars, stars, '```']],
      // The same state after the first edited line, but the edit goes on into later lines.
      [['q', 'aaaa', 'q', 'q'.repeat(1100), stars], ['q', 'abaa', 'q', stars, stars]],
    ];
    for (const [before, after] of versions) {
      const guard = new ParseGuard(1);
      assert.equal(skipReason(before.join('\n'), settings, undefined, guard), undefined);
      assert.match(skipReason(after.join('\n'), settings, undefined, guard)!, /over 2000/);
    }
  });
});

