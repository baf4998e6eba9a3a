import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { spellingFindings } from '../../server/src/core/spell/check';
import { SHORT_TYPOS } from '../../server/src/core/spell/short-typos';
import { allWords, wordsToCheck } from '../../server/src/core/spell/tokens';
import { SpellEngines, type SpellEngine } from '../../server/src/runtime/engine';
import { lines, settingsWith } from './helpers';

let engine: SpellEngine;
before(async () => {
  engine = await new SpellEngines().get({ dictionaries: [] });
});

/** Findings of a note as `code: text`, spelling and repeated words alike. */
function findings(text: string): string[] {
  const settings = settingsWith();
  return spellingFindings(analyze(text, settings), engine, settings, new Set()).map((finding) => `${finding.code}: ${text.slice(...finding.range)}`);
}

/**
 * Keys and tokens are made here from a seeded generator rather than written out, so the
 * repository holds nothing a secret scanner would stop, and every run sees the same ones.
 */
function seeded(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return (count: number) => Buffer.from(Array.from({ length: count }, () => Math.floor(next() * 256)));
}

function dataKinds(seed: number): Record<string, () => string> {
  const bytes = seeded(seed);
  const from = (alphabet: string, count: number) => Array.from(bytes(count), (byte) => alphabet[byte % alphabet.length]).join('');
  const base62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const hex = (count: number) => bytes(count).toString('hex');
  const digits = (count: number) => from('0123456789', count);
  return {
    'base64 of 32 bytes': () => bytes(32).toString('base64'),
    'base64 of 33 bytes, no padding': () => bytes(33).toString('base64'),
    'base64url': () => bytes(32).toString('base64url'),
    'base64 wrapped at 64': () => (bytes(120).toString('base64').match(/.{1,64}/g) ?? []).join('\n'),
    'base64 values in a row': () => Array.from({ length: 4 }, () => bytes(24).toString('base64')).join(' '),
    'data: URI': () => `data:image/png;base64,${bytes(90).toString('base64')}`,
    'short SHAs in a row': () => Array.from({ length: 5 }, () => hex(4).slice(0, 7)).join(' '),
    'SHA-1': () => hex(20),
    'SHA-256, upper case': () => hex(32).toUpperCase(),
    'MD5': () => hex(16),
    'UUID': () => [hex(4), hex(2), `4${hex(2).slice(1)}`, `a${hex(2).slice(1)}`, hex(6)].join('-'),
    'JWT': () => [Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'), Buffer.from(`{"sub":"${from(base62, 10)}","iat":${digits(10)}}`).toString('base64url'), bytes(32).toString('base64url')].join('.'),
    'OpenAI key': () => `sk-proj-${from(base62, 48)}-${from(base62, 20)}`,
    'GitHub token': () => `ghp_${from(base62, 36)}`,
    'AWS key id': () => `AKIA${from('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    'Slack token': () => `xoxb-${digits(12)}-${digits(13)}-${from(base62, 24)}`,
    'GitLab token': () => `glpat-${from(base62, 20)}`,
    'random token': () => from(base62, 32),
  };
}

describe('pasted data is never prose', () => {
  const kinds = dataKinds(2024);

  it('sends no part of base64, hex, hashes, UUIDs, JWTs, data: URIs or keys to the dictionary, alone or in runs', () => {
    for (const [kind, make] of Object.entries(kinds)) {
      for (let i = 0; i < 100; i++) {
        const text = `Pasted ${make()} here.`;
        assert.deepEqual(wordsToCheck(text).map((word) => word.text), ['Pasted', 'here'], `${kind}: ${text}`);
        assert.deepEqual(allWords(text).map((word) => word.text), ['Pasted', 'here'], `${kind}: ${text}`);
      }
    }
  });

  it('gives a note of pasted data no spelling or repeated-word finding', () => {
    const note = lines(
      '## Secrets I rotated',
      '',
      // AWS's own documented example pair: the secret has long runs of letters with no digit.
      'The old pair was AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, both revoked.',
      '',
      `Commits ${kinds['short SHAs in a row']()} and ${kinds['SHA-1']()} fixed it; the token was ${kinds['Slack token']()}.`,
      '',
      kinds['base64 wrapped at 64'](),
      '',
      'The dump read 1f 8b ff ff ff ff 00 00 and nothing else.',
    );
    assert.deepEqual(findings(note), []);
  });

  it('still checks words: long ones, compounds, names, acronyms, punctuation, hex-looking words, versions, Welsh and Irish names', () => {
    const text = lines(
      'Internationalization was counterintuitively hard: our well-known, state-of-the-art end-to-end pipeline',
      '(PlanetScale, BrowserStack, OpenSSL, DragonFlyBSD) met SDLC and "QA" needs.',
      'The cafe added a decade of beef to the facade; v2.3.1 and 1.0.0-beta shipped.',
      'Llanfairpwllgwyngyll, Dafydd ap Gwilym, Siobhán Ní Dhomhnaill and Seán Ó Súilleabháin came.',
    );
    const checked = new Set(wordsToCheck(text).map((word) => word.text));
    for (const word of ['Internationalization', 'counterintuitively', 'known', 'state', 'pipeline', 'PlanetScale', 'BrowserStack', 'OpenSSL', 'DragonFlyBSD', 'needs', 'cafe', 'added', 'decade', 'beef', 'facade', 'shipped', 'Llanfairpwllgwyngyll', 'Dafydd', 'Gwilym', 'Siobhán', 'Dhomhnaill', 'Súilleabháin']) {
      assert.ok(checked.has(word), word);
    }
    assert.ok(!checked.has('SDLC') && !checked.has('QA'), 'acronyms stay unchecked');
  });

  it('flags typos in long words, compounds and hex-looking words, and repeated hex-looking words', () => {
    const text = 'Internationalizaton was counterintuitivly hard; the well-knwon facde was added added, cafe cafe.';
    assert.deepEqual(findings(text), [
      'spelling: Internationalizaton',
      'spelling: counterintuitivly',
      'spelling: knwon',
      'spelling: facde',
      'repeated-word: added',
      'repeated-word: cafe',
    ]);
  });

  it('reads a megabyte of base64 in one paragraph many times faster than prose of that size, asking the dictionary nothing', () => {
    const base64 = seeded(7)(750_000).toString('base64');
    const sentence = 'I led the migration of our billing service to a new queue, and cut failed payments by a third. ';
    const prose = sentence.repeat(Math.ceil(base64.length / sentence.length)).slice(0, base64.length);
    const cost = (text: string) => {
      const started = performance.now();
      const words = wordsToCheck(text).length + allWords(text).length;
      return { ms: performance.now() - started, words };
    };
    cost(prose.slice(0, 20_000));
    const data = cost(base64);
    const words = cost(prose);
    assert.equal(base64.length, 1_000_000);
    assert.equal(data.words, 0);
    assert.deepEqual(engine.unknownWords(base64), []);
    assert.ok(data.ms * 4 < words.ms, `base64 ${Math.round(data.ms)} ms, prose ${Math.round(words.ms)} ms`);
  });
});

describe('short typos', () => {
  it('lists two- and three-letter slips, each with another word as its fix', () => {
    for (const [typo, fix] of SHORT_TYPOS) {
      assert.match(typo, /^[a-z]{2,3}$/);
      assert.ok(fix !== typo && !SHORT_TYPOS.has(fix), typo);
    }
  });

  it('lists only words no shipped dictionary knows, and fixes every dictionary knows', () => {
    for (const dialect of ['en-US', 'en-GB'] as const) {
      for (const [typo, fix] of SHORT_TYPOS) {
        assert.ok(!engine.isKnown(typo, dialect), `${typo} is known in ${dialect}`);
        assert.ok(engine.isKnown(fix, dialect), `${fix} is unknown in ${dialect}`);
      }
    }
  });

  it('flags them, capitalised too, but not written in capitals as an acronym', () => {
    assert.deepEqual(findings('Teh plan adn the budget: yuo cna see it. TEH and ADN are codes.'), ['spelling: Teh', 'spelling: adn', 'spelling: yuo', 'spelling: cna']);
  });

  it('stays quiet on real short words, acronyms and abbreviations', () => {
    const text = 'An ok PM and QA lead, it is on at 1 hr vs 2 hrs, eg etc, ppl w/ tbh imo, ba ot ue fo nad fro rto ehr yoy aer, so we go.';
    assert.deepEqual(findings(text), []);
  });
});
