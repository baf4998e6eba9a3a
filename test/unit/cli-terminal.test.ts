import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Progress, PROGRESS_MIN_FILES, wantsColour, type Terminal } from '../../server/src/cli/terminal';

function terminal(isTTY: boolean): Terminal & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns: 60, hasColors: () => true, written, write: (text: string) => written.push(text) };
}

describe('the progress bar', () => {
  it('draws on a terminal for a large tree, at most ten times a second, and wipes itself at the end', () => {
    const stream = terminal(true);
    let now = 0;
    const progress = new Progress(stream, 200, () => now);
    for (let i = 0; i < 200; i++) {
      now += 10;
      progress.tick(`notes/n${i}.md`);
    }
    progress.end();
    assert.equal(stream.written.length, 200 / 10 + 1);
    assert.match(stream.written[0], /^\r\[=* *\] 1\/200 notes\/n0\.md\x1b\[K$/);
    assert.match(stream.written.at(-2)!, /^\r\[=+ ?\] 191\/200 /);
    assert.equal(stream.written.at(-1), '\r\x1b[K');
    assert.ok(stream.written.every((line) => line.replace(/\x1b\[K|\r/g, '').length < 60), 'fits the terminal');
  });

  it('says nothing when standard error is no terminal, or the tree is small', () => {
    for (const [stream, files] of [[terminal(false), 500], [terminal(true), PROGRESS_MIN_FILES - 1]] as const) {
      const progress = new Progress(stream, files, () => 1000);
      for (let i = 0; i < files; i++) progress.tick('x.md');
      progress.end();
      assert.deepEqual(stream.written, []);
    }
  });
});

describe('colour', () => {
  it('follows the terminal, and NO_COLOR and FORCE_COLOR over it', () => {
    assert.equal(wantsColour(terminal(true), {}), true);
    assert.equal(wantsColour(terminal(false), {}), false);
    assert.equal(wantsColour(terminal(true), { NO_COLOR: '1' }), false);
    assert.equal(wantsColour(terminal(false), { FORCE_COLOR: '1' }), true);
    assert.equal(wantsColour(terminal(true), { FORCE_COLOR: '1', NO_COLOR: '1' }), false);
    assert.equal(wantsColour({ ...terminal(true), hasColors: () => false }, {}), false, 'a terminal without colours (TERM=dumb)');
  });
});
