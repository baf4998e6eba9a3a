import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentAnalyzer } from '../../server/src/core/analyze';
import { ProseCache, proseOf } from '../../server/src/core/spell/pieces';
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
      assert.deepEqual(cache.of(analysis), proseOf(text, analysis.doc.root));
    }
  });

  it('works out the prose of only the pieces an edit touched', () => {
    let walked = 0;
    const analyzer = new DocumentAnalyzer();
    const cache = new ProseCache((...args) => (walked++, proseOf(...args)));
    const first = analyzer.analyze(base, settings);
    cache.of(first);
    assert.equal(walked, first.blocks.length);
    const at = base.indexOf('Another story');
    const analysis = analyzer.analyze(`${base.slice(0, at)}x${base.slice(at)}`, settings);
    walked = 0;
    cache.of(analysis);
    assert.equal(walked, 1, `${analysis.blocks.length} pieces, one edited`);
  });
});
