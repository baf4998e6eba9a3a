import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, DocumentAnalyzer, type Analysis } from '../../server/src/core/analyze';
import { insertSectionEdit, reorderEdit, type OffsetEdit } from '../../server/src/core/features/fixes';
import { type Story } from '../../server/src/core/model/types';
import { FRAMEWORKS, rankIn } from '../../server/src/core/model/frameworks';
import { resolveSettings } from '../../server/src/core/settings';
import { skipReason } from '../../server/src/core/parse/guards';
import { assertSound, fixture, missingKinds, settingsWith } from './helpers';
import { corpusFiles } from './corpus';

/** `npm run fuzz` raises the runs and picks a fresh seed; `npm test` stays fixed and fast. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 20251123);
const runs = (base: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(base * RUNS)) });

const FIXTURES = [
  'interview-notes.md',
  'cover-letter.md',
  '../../examples/story-bank.md',
  ...corpusFiles().map((name) => join('notes', name)),
].map(fixture);

/** What users paste and what breaks parsers: markup halves, STAR markers, line breaks of every kind, and characters that aren't text. */
const FRAGMENTS = [
  '## Story', '### Situation', '#### Results:', '# ', '- Situation: ', '- Task:', '**Action:** ', '*Result* – ', 'Task: TODO', 'Impact',
  '- ', '* ', '1. ', '> ', '>>>', '    ', '\t', '```', '~~~', '`', '<!--', '-->', '<!-- star-notes-disable -->', '<!-- star-notes-disable-next-line missing-result -->',
  '<div>', '[', ']', '(', ')', '**', '_', '|', '| --- |', '---', '===', '\\', '&amp;', '&#0;', '[^1]', '[x]: /y',
  '\n', '\n\n', '\r\n', '\r', '\u2028', '\u0085', '\0', '\u0007', '\u001b[31m', '\u007f', '\ufeff', '\u00a0', '\u200b',
  '\ud800', '\udfff', '\udc00\ud800', '🚀', '👩‍💻', '決済', 'é', 'e\u0301', '\u202e', 'ﬁ',
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 8 }).map((codes) => String.fromCharCode(...codes)) },
);

type Mutation = { kind: 'insert'; at: number; text: string } | { kind: 'delete' | 'duplicate'; at: number; length: number } | { kind: 'eol'; at: number; length: number; eol: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fragment }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.oneof(fc.nat(3), fc.nat(400)) }),
  fc.record({ kind: fc.constant('eol' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(2000), eol: fc.constantFrom('\n', '\r\n', '\r') }),
);

/** Offsets fall anywhere, inside surrogate pairs and CRLFs too. */
function mutate(text: string, change: Mutation): string {
  const at = Math.floor(change.at * text.length);
  switch (change.kind) {
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'duplicate':
      return text.slice(0, at + change.length) + text.slice(at, at + change.length) + text.slice(at + change.length);
    case 'eol':
      return text.slice(0, at) + text.slice(at, at + change.length).replace(/\r\n|\r|\n/g, change.eol) + text.slice(at + change.length);
  }
}

const markdown = fc
  .tuple(fc.oneof(fc.constantFrom(...FIXTURES), fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''))), fc.array(mutation, { maxLength: 12 }))
  .map(([base, changes]) => changes.reduce(mutate, base));

/** Settings as a settings file might hold them, valid or not. */
const rawSettings = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      minWords: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.jsonValue()),
      aliases: fc.oneof(fc.dictionary(fc.constantFrom('situation', 'task', 'action', 'result', 'learning', 'notes', 'bogus', 'constructor', '__proto__'), fc.array(fc.oneof(fragment, fc.constantFrom('Setting', 'Win', 'What happened')))), fc.jsonValue()),
      severity: fc.oneof(fc.dictionary(fc.constantFrom('missing-result', 'out-of-order', 'spelling', 'nope', 'toString'), fc.constantFrom('off', 'error', 'info', 'loud', 3)), fc.jsonValue()),
      outline: fc.constantFrom('stories', 'headings', 'tree'),
      frameworks: fc.oneof(fc.subarray(['star', 'star-l', 'car', 'car-l', 'par', 'soar', 'sar', 'STARR']), fc.jsonValue()),
      maxFileSize: fc.oneof(fc.constant(-1), fc.constant(0), fc.constant(1e9), fc.jsonValue()),
      schemes: fc.oneof(fc.constant(['file']), fc.jsonValue()),
      enable: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
);

/** The same story after an edit inside it: the same heading (which an edit after it leaves in place), or both the whole document. */
const sameStory = (a: Story, b: Story) => a.title === b.title && a.heading?.range[0] === b.heading?.range[0];
const apply = (text: string, edit: OffsetEdit) => text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).sort();

/** Generous: ten times the rate of ordinary notes, plus slack for a busy machine. A hang or a square-time blow-up still fails it. */
const budgetMs = (length: number) => 2000 + length * 0.1;

describe('hostile input: random and mutated markdown', () => {
  it('never throws, stays in time, and reports only ranges inside the document on character boundaries', () => {
    fc.assert(
      fc.property(markdown, rawSettings, (text, raw) => {
        const settings = resolveSettings(raw).settings;
        const started = performance.now();
        if (skipReason(text, settings) === undefined) assertSound(text, analyze(text, settings), settings);
        const elapsed = performance.now() - started;
        assert.ok(elapsed < budgetMs(text.length), `${Math.round(elapsed)} ms for ${text.length} characters`);
      }),
      runs(150),
    );
  });

  it('never throws and reports sound ranges while the same document is edited (the server’s incremental path)', () => {
    const settings = settingsWith({ minWords: 2 });
    fc.assert(
      fc.property(fc.constantFrom(...FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 10 }), (initial, changes) => {
        const analyzer = new DocumentAnalyzer();
        let text = initial;
        for (const change of changes) {
          text = mutate(text, change);
          if (skipReason(text, settings) === undefined) assertSound(text, analyzer.analyze(text, settings), settings);
        }
      }),
      runs(60),
    );
  });

  it('turns any settings value into valid settings and warnings, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(rawSettings, fc.anything(), fc.jsonValue()), (raw) => {
        const { settings, warnings } = resolveSettings(raw);
        assert.ok(warnings.every((warning) => typeof warning === 'string' && warning.length > 0));
        assert.ok(Number.isInteger(settings.minWords) && settings.minWords >= 0);
        assert.ok(settings.maxFileSize > 0);
        assert.ok(Object.values(settings.aliases).every((labels) => labels.every((label) => typeof label === 'string')));
        assert.ok(settings.schemes.every((scheme) => typeof scheme === 'string'));
      }),
      runs(300),
    );
  });
});

/** A section written the many ways notes write them; `{label}` and `{body}` are filled in per section. */
const SECTION_STYLES = [
  (depth: number) => `${'#'.repeat(depth + 1)} {label}\n\n{body}\n\n`,
  (depth: number) => `${'#'.repeat(depth + 1)} {label}: {body}\n`,
  () => '- {label}: {body}\n',
  () => '* {label} – {body}\n',
  () => '1. {label}: {body}\n',
  () => '- **{label}:** {body}\n',
  () => '- **{label}**: {body}\n',
  () => '**{label}:** {body}\n\n',
  () => '*{label}* – {body}\n\n',
  () => '{label}: {body}\n\n',
  () => '> {label}: {body}\n>\n',
  () => '  - {label}: {body}\n',
  () => '\t- {label}: {body}\n',
];
const LABELS = ['Situation', 'SITUATION', 'context', 'Task', 'Goal', 'Action', 'Actions', 'What I did', 'Result', 'Results', 'Outcome', 'impact', 'Learnings', 'Challenges', 'Notes'];
const BODIES = ['', 'TODO', 'the build took forty minutes', 'we cut it to six and', 'I owned the rollout, end to end.', 'first line\n  second line of it', '🚀 shipped 決済 on time', '`code` and **bold** text'];

/** Story banks: stories under headings of any depth (or none), each with any sections in any order and style. */
const storyBank = fc
  .tuple(
    fc.array(
      fc.record({
        depth: fc.integer({ min: 0, max: 4 }),
        titled: fc.boolean(),
        style: fc.nat(SECTION_STYLES.length - 1),
        mixed: fc.boolean(),
        sections: fc.array(fc.record({ label: fc.constantFrom(...LABELS), body: fc.constantFrom(...BODIES), style: fc.nat(SECTION_STYLES.length - 1) }), { minLength: 1, maxLength: 6 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([stories, eol]) =>
    stories
      .map((story, i) => {
        const heading = story.titled ? `${'#'.repeat(story.depth + 1)} Story ${i}\n\n` : '';
        const body = story.sections
          .map((section) => SECTION_STYLES[story.mixed ? section.style : story.style](Math.min(story.depth + 1, 5)).replace('{label}', section.label).replace('{body}', section.body))
          .join('');
        return heading + body;
      })
      .join('\n')
      .replace(/\n/g, eol),
  );

describe('quick fixes are idempotent', () => {
  const star = fc.oneof(
    fc.tuple(fc.constantFrom(...FIXTURES), fc.array(mutation, { maxLength: 4 })).map(([base, changes]) => changes.reduce(mutate, base)),
    storyBank,
  );

  it('inserting a missing section gives the story that section, adds no missing-section finding, and replaces no text', () => {
    const settings = settingsWith();
    fc.assert(
      fc.property(star, (text) => {
        if (skipReason(text, settings)) return;
        const analyzed = analyze(text, settings);
        const { doc } = analyzed;
        for (const story of doc.stories) {
          for (const kind of missingKinds(story)) {
            const edit = insertSectionEdit(doc, story, kind);
            if (!edit) continue;
            assert.equal(edit.range[0], edit.range[1], 'an inserted section replaces nothing');
            const fixed = apply(text, edit);
            const after = analyze(fixed, settings);
            const same = after.doc.stories.find((candidate) => sameStory(candidate, story));
            assert.ok(same && !missingKinds(same).includes(kind), `adding ${kind} to '${story.title}' did not take: ${JSON.stringify(fixed)}`);
            const missing = (analysis: Analysis) => analysis.findings.filter((finding) => finding.code === `missing-${kind}`).length;
            assert.ok(missing(after) <= missing(analyzed), `adding ${kind} to '${story.title}' left another story without it`);
          }
        }
      }),
      runs(60),
    );
  });

  it('putting sections in STAR order keeps every word and section, leaves nothing out of order, and a second time changes nothing', () => {
    const settings = settingsWith();
    const shuffled = fc
      .tuple(fc.constantFrom(...FIXTURES), fc.array(fc.nat(), { minLength: 2, maxLength: 8 }), fc.array(mutation, { maxLength: 3 }))
      .map(([base, swaps, changes]) => {
        // Swap whole lines that carry markers, so most stories end up out of order.
        const lines = base.split(/(?<=\n)/);
        const marked = lines.flatMap((line, i) => (/^\s*(?:[-*]\s+)?(?:\*\*)?(?:situation|task|action|result|#+\s)/i.test(line) ? [i] : []));
        for (let i = 0; i + 1 < swaps.length && marked.length > 1; i += 2) {
          const a = marked[swaps[i] % marked.length];
          const b = marked[swaps[i + 1] % marked.length];
          [lines[a], lines[b]] = [lines[b], lines[a]];
        }
        return changes.reduce(mutate, lines.join(''));
      });
    fc.assert(
      fc.property(fc.oneof(shuffled, storyBank), (text) => {
        if (skipReason(text, settings)) return;
        let current = text;
        for (let round = 0; round < 2; round++) {
          const { doc } = analyze(current, settings);
          const story = doc.stories.find((candidate) => reorderEdit(doc, candidate));
          if (!story) return;
          const edit = reorderEdit(doc, story)!;
          const fixed = apply(current, edit);
          assert.deepEqual(words(fixed), words(current), `reordering '${story.title}' lost or made up words`);
          const again = analyze(fixed, settings).doc.stories.find((candidate) => sameStory(candidate, story));
          assert.ok(again, `reordering '${story.title}' lost the story`);
          const kinds = (of: Story) => of.sections.map((section) => section.kinds.join('+')).sort();
          assert.deepEqual(kinds(again), kinds(story), `reordering '${story.title}' changed its sections: ${JSON.stringify(fixed)}`);
          const ranks = again.sections.map((section) => rankIn(FRAMEWORKS[again.framework.id], section)).filter((rank) => rank >= 0);
          assert.ok(ranks.every((rank, i) => i === 0 || ranks[i - 1] <= rank), `'${story.title}' is still out of order: ${JSON.stringify(fixed)}`);
          assert.equal(reorderEdit(analyze(fixed, settings).doc, again), undefined, `a second reorder of '${story.title}' changes the text: ${JSON.stringify(fixed)}`);
          current = fixed;
        }
      }),
      runs(80),
    );
  });
});
