import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentAnalyzer } from '../../server/src/core/analyze';
import { ProseCache, proseOf, type Prose } from '../../server/src/core/spell/pieces';
import { shiftRange } from '../../server/src/core/text';
import { fixture, settingsWith } from './helpers';

describe('spelling per piece of the incremental parse', () => {
  const settings = settingsWith();
  const base = `${fixture('interview-notes.md')}\n\n## Another story\n\n- Situation: the the build was slow.\n- Result: it it got faster.\n`;

  it('gives the prose and repeated words of the whole document, version after version', () => {
    const analyzer = new DocumentAnalyzer();
    const cache = new ProseCache();
    let text = base;
    for (const [at, insert] of [[base.length - 5, ' again again'], [20, 'x'], [base.indexOf('Situation'), '\n\n---\n\n'], [0, '# Title\n\n']] as const) {
      text = text.slice(0, at) + insert + text.slice(at);
      const analysis = analyzer.analyze(text, settings);
      assert.ok(analysis.blocks.length > 1, 'the document is parsed in pieces');
      assert.deepEqual(placed(cache.of(analysis)), placed(proseOf(text, analysis.doc.root)));
    }
  });

  it('works out the prose of only the pieces an edit touched', () => {
    let walked = 0;
    const analyzer = new DocumentAnalyzer();
    const cache = new ProseCache((text, root) => (walked++, proseOf(text, root).parts[0]));
    const first = analyzer.analyze(base, settings);
    const prose = cache.of(first);
    assert.equal(walked, first.blocks.length);
    const at = base.indexOf(' the ', base.length / 3) + 2;
    const analysis = analyzer.analyze(`${base.slice(0, at)}x${base.slice(at)}`, settings);
    walked = 0;
    const after = cache.of(analysis);
    assert.equal(walked, 1, `${analysis.blocks.length} pieces, one edited`);
    const edited = analysis.blocks.filter((piece) => piece.start <= at).length - 1;
    assert.ok(edited >= 0 && edited + 1 < after.parts.length, 'a piece follows the edited one');
    assert.equal(after.parts[edited + 1].blocks, prose.parts[edited + 1].blocks, 'the blocks after the edit are the same objects, not copies');
  });
});

/** Blocks and repeated words with document offsets, in order. */
function placed(prose: Prose) {
  return {
    blocks: prose.parts.flatMap((part) => part.blocks.map((block) => ({ ...block, start: part.start + block.start }))),
    repeated: prose.parts.flatMap((part) => part.repeated.map((word) => ({ ...word, range: shiftRange(word.range, part.start), remove: shiftRange(word.remove, part.start) }))),
  };
}
