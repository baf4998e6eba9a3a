import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SpellEngine } from '../../server/src/runtime/engine';
import { Spellers, workerFile } from '../../server/src/runtime/workerClient';

const OPTIONS = { dictionaries: [] };
const BLOCKS = ['We recieved the the report on teh Monday.', 'Nothing wrong here at all.'];

/** A worker bundle that loads the real one, then dies on request number `on` (every request, for 1). */
function crashingWorker(on = 2): string {
  const file = join(mkdtempSync(join(tmpdir(), 'star-notes-worker-')), 'crashing-worker.js');
  writeFileSync(
    file,
    `require(${JSON.stringify(workerFile())});\nlet asked = 0;\nrequire('node:worker_threads').parentPort.on('message', () => { if (++asked === ${on}) process.exit(7); });\n`,
  );
  return file;
}

describe('spelling in a worker thread', () => {
  let direct: SpellEngine;
  const logged: string[] = [];
  let spellers: Spellers;

  before(async () => {
    assert.ok(workerFile(), 'npm run build writes server/out/spell-worker.js');
    direct = await SpellEngine.create(OPTIONS);
    spellers = new Spellers((message) => logged.push(message));
  });
  after(() => spellers.dispose());

  it('answers as the engine does, and a second time without a round trip', async () => {
    const speller = spellers.get(OPTIONS);
    assert.deepEqual(await speller.ready(), []);
    assert.equal(speller.checked(BLOCKS), undefined);
    const checker = await speller.check(BLOCKS);
    for (const block of BLOCKS) assert.deepEqual(checker.unknownWords(block), direct.unknownWords(block));
    assert.deepEqual(speller.checked(BLOCKS)?.unknownWords(BLOCKS[0]), direct.unknownWords(BLOCKS[0]));
    assert.deepEqual(await speller.suggestions(['recieved', 'teh'], 'en-GB'), [direct.suggest('recieved', 'en-GB'), direct.suggest('teh', 'en-GB')]);
    assert.deepEqual(speller.checked(BLOCKS)?.cachedSuggestions('teh', 'en-GB'), direct.suggest('teh', 'en-GB'));
    assert.deepEqual(logged, []);
  });

  it('keeps one worker per set of dictionaries, ending the least recently used beyond two', () => {
    const plain = spellers.get(OPTIONS);
    assert.equal(spellers.get(OPTIONS), plain);
    const one = spellers.get({ dictionaries: [join(tmpdir(), 'words-one.txt')] });
    assert.notEqual(one, plain);
    spellers.get({ dictionaries: [join(tmpdir(), 'no-such-words.txt')] });
    assert.notEqual(spellers.get(OPTIONS), plain, 'the first speller was ended, so a new one starts');
    assert.deepEqual(logged, [], 'ending a worker is no crash');
  });

  it('replaces a worker that crashed, asking it again, and logs it once', async () => {
    const messages: string[] = [];
    const crashing = new Spellers((message) => messages.push(message), crashingWorker());
    try {
      const speller = crashing.get(OPTIONS);
      await speller.check([BLOCKS[0]]);
      const checker = await speller.check([BLOCKS[1]]);
      assert.deepEqual(checker.unknownWords(BLOCKS[1]), []);
      assert.equal(messages.length, 1);
      assert.match(messages[0], /the spelling worker exited with code 7; it restarts when next needed/);
    } finally {
      crashing.dispose();
    }
  });

  it('backs off from a worker that crashes on every request, and stops after five crashes in a minute', async () => {
    const messages: string[] = [];
    const crashing = new Spellers((message) => messages.push(message), crashingWorker(1));
    try {
      const speller = crashing.get(OPTIONS);
      const started = Date.now();
      for (let i = 0; i < 4; i++) await assert.rejects(speller.check([`${BLOCKS[0]} ${i}`]));
      assert.equal(messages.filter((message) => /exited with code 7/.test(message)).length, 5, messages.join('\n'));
      assert.ok(Date.now() - started >= 250 + 500 + 1000 + 2000, 'each restart waited twice as long as the one before');
      await assert.rejects(speller.ready(), /crashed 5 times in a minute, so spelling is off until STAR Notes: Restart Server/);
      await assert.rejects(speller.check(['Nothing to see.']), /crashed 5 times/);
      assert.equal(messages.length, 5, 'no worker started after the fifth crash');
    } finally {
      crashing.dispose();
    }
  });

  it('checks on the main thread, saying so, when no worker starts', async () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'star-notes-worker-')), 'broken-worker.js');
    writeFileSync(broken, "throw new Error('a broken bundle');\n");
    const messages: string[] = [];
    const fallback = new Spellers((message) => messages.push(message), broken);
    try {
      const checker = await fallback.get(OPTIONS).check(BLOCKS);
      assert.deepEqual(checker.unknownWords(BLOCKS[0]), direct.unknownWords(BLOCKS[0]));
      assert.equal(messages.length, 1);
      assert.match(messages[0], /a broken bundle before loading the dictionaries; spelling runs on the main thread/);
    } finally {
      fallback.dispose();
    }
  });
});
