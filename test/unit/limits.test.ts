import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/findings';
import { capFindings, PER_WORD } from '../../server/src/core/limits';

const star = (at: number): Finding => ({ code: 'missing-result', range: [at, at + 1], message: 'no Result', severity: 'warning' });
const typo = (at: number, word: string): Finding => ({ code: 'spelling', range: [at, at + 1], message: `Unknown word "${word}"`, severity: 'information', data: { word } });
const repeated = (at: number): Finding => ({ code: 'repeated-word', range: [at, at + 1], message: 'Repeated word "word"', severity: 'warning', data: { word: 'word', remove: [at, at + 1] } });

describe('caps on what the editor shows', () => {
  it('changes nothing under the caps', () => {
    const findings = [star(5), typo(1, 'teh'), typo(9, 'adn')];
    assert.deepEqual(capFindings(findings, 1000, 'information'), [typo(1, 'teh'), star(5), typo(9, 'adn')]);
  });

  it('shows 20 findings for one word, in any case, and counts the rest at the top', () => {
    const findings = [...Array.from({ length: 199_999 }, (_, i) => repeated(i * 5)), ...Array.from({ length: 30 }, (_, i) => typo(2_000_000 + i, i % 2 ? 'Recieve' : 'recieve'))];
    const shown = capFindings(findings, 1000, 'information');
    assert.equal(shown.filter((f) => f.code === 'repeated-word').length, PER_WORD);
    assert.equal(shown.filter((f) => f.code === 'spelling').length, PER_WORD);
    assert.deepEqual([shown[0].code, shown[0].range], ['more-findings', [0, 0]]);
    assert.match(shown[0].message, /^199989 more spelling findings not shown: at most 20 per word and 1000 per document/);
  });

  it('keeps STAR findings before spelling ones when the document is over maxProblems', () => {
    const findings = [...Array.from({ length: 8 }, (_, i) => typo(i, `word${i}`)), star(100), star(200), star(300)];
    const shown = capFindings(findings, 5, 'information');
    assert.deepEqual(shown.map((f) => f.code), ['more-findings', 'spelling', 'spelling', 'missing-result', 'missing-result', 'missing-result']);
    assert.match(shown[0].message, /^6 more spelling findings/);
    const onlyStar = capFindings([star(1), star(2), star(3)], 2, 'information');
    assert.match(onlyStar[0].message, /^1 more STAR finding not shown/);
    assert.equal(onlyStar.length, 3);
  });

  it('drops the summary, not the caps, when more-findings is off', () => {
    assert.deepEqual(capFindings([star(1), star(2), star(3)], 2, 'off'), [star(1), star(2)]);
  });
});
