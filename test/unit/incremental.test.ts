import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, DocumentAnalyzer, mayHaveStories, type Analysis } from '../../server/src/core/analyze';
import { BlockParser } from '../../server/src/core/parse/pieces';
import { parseMarkdown } from '../../server/src/core/parse/parse';
import { STORY_RULES } from '../../server/src/core/rules';
import { generateNotes } from '../../bench/corpus';
import { fixture, lines, settingsWith } from './helpers';
import { corpusFiles } from './corpus';

const FIXTURES = ['interview-notes.md', 'cover-letter.md', ...corpusFiles().map((name) => join('notes', name))].map(fixture);

/** Lines that open, close or confuse the constructs a cut must not fall inside, and STAR markers. */
const ATOMS = [
  '# Heading', '## Story', '### Situation', '#### Result: shipped it', '#', '####### seven', '#no space', ' # indented', '#\tTab',
  '- Situation: the build was slow', '- Task: TBD', '**Action:** did things and', '*Result* – up 20%', 'Task: x', 'Results',
  '```', '```js', '~~~', '````', '  ```', '    ```', '``` not `a fence`', '- ```', '1. ```',
  '<!--', '-->', '<!-- star-notes-disable-next-line missing-result -->', '<!-- star-notes-disable -->', '<!-- star-notes-enable -->', '<!-->',
  '<div>', '</div>', '<pre>', '</pre>', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>', '<span>inline</span>',
  '| a | b |', '| - | - |', '| 1 | 2 |', '> quote', '> # in a quote', '1. item', '   continued', '  - nested', '- item',
  '===', '---', '+++', '***', 'title: x', '[ref]', '[ref]: /url', '[REF]: </u> "t"', '[^1]', '[^1]: note', '[Foo\\]]: /u', '[foo\\]]',
  'see [link][ref] and ![img][ref]', '[^a b]: odd', '[^a b]', 'words in a paragraph', '', '    indented code', '\tcode', 'emoji 🚀 日本語',
  'http://example.com and www.example.org', 'a@b.co', '~~gone~~', '- [x] done',
];

const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const document = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...FIXTURES) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...ATOMS), lineBreak), { maxLength: 40 }))
      .map(([matter, parts]) => (matter ? '---\ntitle: x\n# not a heading\n---\n' : '') + parts.map(([atom, br]) => atom + br).join('')),
  },
);
const insertion = fc.oneof(
  fc.constantFrom('#', '`', '\n', '\r\n', ' ', '-', 'a', '[', ']', ':', '<', '>', '!', '~', '*', '|', '\t', '# ', '```\n', '<!--', '-->'),
  fc.tuple(fc.constantFrom(...ATOMS), lineBreak).map(([atom, br]) => br + atom + br),
);
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.oneof(fc.nat(4), fc.nat(200)), insert: fc.oneof(insertion, fc.constant('')) });

function applyEdit(text: string, { at, remove, insert }: { at: number; remove: number; insert: string }): string {
  const start = Math.floor(at * text.length);
  return text.slice(0, start) + insert + text.slice(start + remove);
}

/** What an analysis says, without the pieces it was parsed in. */
function outcome(analysis: Analysis) {
  return { root: analysis.doc.root, stories: analysis.doc.stories, headings: analysis.doc.headings, findings: analysis.findings };
}

describe('incremental parsing', () => {
  it('builds the tree remark builds for the whole text, for every fixture and generated notes', () => {
    for (const text of [...FIXTURES, fixture('../../examples/story-bank.md'), generateNotes(60_000, 3)]) {
      assert.deepStrictEqual(new BlockParser().parse(text).root, parseMarkdown(text));
    }
  });

  it('gives the same tree and findings as a full parse after every random edit, for every rule', () => {
    // too-short is off by default: on here, so its findings are compared too.
    const settings = settingsWith({ minWords: 2, severity: { 'too-short': 'hint' } });
    const seen = new Set<string>();
    fc.assert(
      fc.property(document, fc.array(edit, { maxLength: 8 }), (initial, edits) => {
        const analyzer = new DocumentAnalyzer();
        let text = initial;
        for (const step of [undefined, ...edits]) {
          if (step) text = applyEdit(text, step);
          const cached = outcome(analyzer.analyze(text, settings));
          assert.deepStrictEqual(cached, outcome(analyze(text, settings)), JSON.stringify(text));
          // analyze() parses in pieces too: the whole-text parse is the reference for the tree.
          assert.deepStrictEqual(cached.root, parseMarkdown(text), JSON.stringify(text));
          for (const finding of cached.findings) seen.add(finding.code);
        }
      }),
      // Every fixture as it is, besides the random runs: which rules the random ones reach depends on which notes the seed draws.
      { seed: 20240611, numRuns: 300, examples: FIXTURES.map((text): [string, never[]] => [text, []]) },
    );
    // Each rule's findings were compared, cached against fresh, not just some rules'.
    assert.deepEqual(STORY_RULES.flatMap((rule) => Object.keys(rule.codes)).filter((code) => !seen.has(code)), []);
  });

  it('re-parses only the piece an edit touches', () => {
    const text = generateNotes(30_000, 5);
    const parser = new BlockParser();
    const parsed = (next: string) => {
      let count = 0;
      const steps = parser.steps(next);
      while (!steps.next().done) count++;
      return count;
    };
    assert.ok(parsed(text) > 20);
    const at = text.indexOf('**Action:**');
    assert.equal(parsed(text.slice(0, at) + 'x' + text.slice(at)), 1);
    assert.equal(parsed(text), 1);
  });

  it('cuts at setext headings after a blank line, so a story bank in them is parsed and edited in pieces', () => {
    const story = (i: number) => `Story ${i}\n=======\n\nSituation: slow build ${i}\n\nResult: 8 minutes\n\nSubsection\n----------\n- a list\nnot a heading\n---\n\n`;
    const text = Array.from({ length: 50 }, (_, i) => story(i)).join('');
    const parser = new BlockParser();
    const { root, pieces } = parser.parse(text);
    assert.deepStrictEqual(root, parseMarkdown(text));
    assert.equal(pieces.length, 100);
    let count = 0;
    const steps = parser.steps(text.replace('slow build 25', 'slow build 26'));
    while (!steps.next().done) count++;
    assert.equal(count, 1);
  });

  it('keeps a fenced block whole when a line inside it looks like a heading', () => {
    const text = lines('# Notes', '```bash', '# install', 'npm ci', '```', '## Story', 'Task: ship it');
    const { root, pieces } = new BlockParser().parse(text);
    assert.deepStrictEqual(root, parseMarkdown(text));
    assert.deepEqual(pieces.map(({ piece }) => piece.text.split('\n')[0]), ['# Notes', '## Story']);
  });

  it('links a reference to a definition in another piece', () => {
    const text = lines('# Notes', 'See [the runbook] and [^1].', '', '# Links', '[the runbook]: https://example.com/runbook', '[^1]: From the postmortem.');
    const { root } = new BlockParser().parse(text);
    assert.deepStrictEqual(root, parseMarkdown(text));
    assert.deepEqual(
      (root.children[1] as { children: { type: string }[] }).children.map((node) => node.type),
      ['text', 'linkReference', 'text', 'footnoteReference', 'text'],
    );
  });

  it('gives the same findings after an edit inside one story of a long story bank', () => {
    const settings = settingsWith();
    const analyzer = new DocumentAnalyzer();
    const text = generateNotes(30_000, 9);
    analyzer.analyze(text, settings);
    const at = text.indexOf('- Task:') + 7;
    const edited = text.slice(0, at) + ' z' + text.slice(at);
    assert.deepStrictEqual(outcome(analyzer.analyze(edited, settings)), outcome(analyze(edited, settings)));
  });

  it('rules out notes without a STAR label, and never notes with a story', () => {
    const settings = settingsWith({ aliases: { result: ['Win'] } });
    assert.equal(mayHaveStories(lines('# Groceries', '- milk', '- bread'), settings.aliases), false);
    assert.equal(mayHaveStories(lines('## Launch', '- Wins: shipped'), settings.aliases), true);
    fc.assert(
      fc.property(document, (text) => {
        if (!mayHaveStories(text, settings.aliases)) assert.deepEqual(analyze(text, settings).doc.stories, []);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
