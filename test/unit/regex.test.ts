import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { mayHaveStories } from '../../server/src/core/analyze';
import { findCuts } from '../../server/src/core/parse/cuts';
import { DEFAULT_ALIASES } from '../../server/src/core/model/labels';

const SOURCE = join(__dirname, '..', '..', 'server', 'src');
/** About the length of a long line of pasted data; what a linear pattern scans in a few milliseconds. */
const LENGTH = 100_000;
/** Far above a linear scan of LENGTH characters (milliseconds, even on a busy machine), far below a square-time one (seconds to hours). */
const SLOW_MS = 750;
/** A pattern still running after this long is stopped and reported. */
const HUNG_MS = 1500;

interface Pattern {
  where: string;
  literal: string;
  source: string;
  flags: string;
}

/** Every regular expression literal in the server's source, found by the TypeScript parser rather than by a regular expression. */
function patterns(): Pattern[] {
  const found: Pattern[] = [];
  for (const file of readdirSync(SOURCE, { recursive: true }).map(String).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(SOURCE, file), 'utf8');
    const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(tree);
        const slash = literal.lastIndexOf('/');
        const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
        found.push({ where: `${relative(SOURCE, join(SOURCE, file))}:${line}`, literal, source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return found;
}

/** `new RegExp(…)` calls: their patterns depend on data, so each is attacked through the function that builds it, below. */
function dynamicPatterns(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(SOURCE, { recursive: true }).map(String).filter((name) => name.endsWith('.ts'))) {
    const tree = ts.createSourceFile(file, readFileSync(join(SOURCE, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(tree) === 'RegExp') found.push(file);
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return found;
}

/**
 * Each pattern is attacked in a worker (regex-attack.cjs), so one that never finishes can be
 * stopped: wherever it repeats without bound, what it and the next atoms match is pumped to
 * LENGTH characters after text that gets a match under way, then a character that makes it fail.
 */
const ATTACKER = join(__dirname, 'regex-attack.cjs');
const { attacks } = require(ATTACKER) as { attacks: (source: string, flags: string) => Iterable<{ prefix: string; pump: string; last: string }> };

interface Outcome {
  ms: number;
  input: string;
  hung?: boolean;
}

/** Attacks every pattern, restarting the worker after one that hangs. */
async function attack(all: Pattern[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let start = 0;
  while (start < all.length) {
    start = await new Promise<number>((resolve, reject) => {
      const worker = new Worker(ATTACKER, { workerData: { patterns: all.map(({ source, flags }) => ({ source, flags })), length: LENGTH, slowMs: SLOW_MS, start } });
      let current = { p: start, running: '' };
      let timer: NodeJS.Timeout | undefined;
      const watch = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          outcomes[current.p] = { ms: HUNG_MS, input: current.running, hung: true };
          void worker.terminate().then(() => resolve(current.p + 1));
        }, HUNG_MS);
      };
      watch();
      worker.on('message', (message: { p: number; running?: string; done?: Outcome; finished?: boolean }) => {
        if (message.finished) {
          clearTimeout(timer);
          void worker.terminate().then(() => resolve(all.length));
        } else if (message.done) {
          outcomes[message.p] = message.done;
        } else {
          current = { p: message.p, running: message.running! };
          watch();
        }
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }
  return outcomes;
}

describe('regular expressions in the server', () => {
  const all = patterns();
  let outcomes: Outcome[] = [];

  before(async () => {
    outcomes = await attack(all);
  });

  it('finds the patterns it is to attack', () => {
    assert.ok(all.length > 40, `only ${all.length} regular expression literals found under server/src`);
  });

  it('attacks a pattern where it backtracks, past the text that starts a match', () => {
    const source = String.raw`<!--\s*star-notes-(disable|enable)\b([^>]*?)\s*-->`;
    const found = [...attacks(source, 'g')].filter(({ prefix, pump }) => prefix === '<!-- star-notes-disable' && pump === ' ');
    assert.equal(found.length, 2);
  });

  for (const [i, pattern] of all.entries()) {
    it(`${pattern.where} ${pattern.literal} stays linear on ${LENGTH / 1000}k-character adversarial strings`, () => {
      const outcome = outcomes[i];
      assert.ok(outcome, 'not run');
      assert.ok(!outcome.hung && outcome.ms < SLOW_MS, `${outcome.hung ? 'still running after' : 'took'} ${Math.round(outcome.ms)} ms on ${outcome.input}`);
    });
  }

  it('builds patterns from data in two places only, each attacked below', () => {
    assert.deepEqual(dynamicPatterns().sort(), ['core/analyze.ts', 'core/parse/cuts.ts'], 'a pattern built at run time: attack it through the function that builds it, as below');
  });

  it('matches label aliases from settings in linear time, however the text is built', () => {
    const aliases = { ...DEFAULT_ALIASES, result: [...DEFAULT_ALIASES.result, 'What went well', 'Win'] };
    for (const text of ['What '.repeat(LENGTH / 5), `What${' '.repeat(LENGTH)}x`, 'Wha'.repeat(LENGTH / 3), `${'\u00a0'.repeat(LENGTH)}went`]) {
      const started = performance.now();
      mayHaveStories(text, aliases);
      assert.ok(performance.now() - started < SLOW_MS, JSON.stringify(text.slice(0, 20)));
    }
  });

  it('finds where front matter ends in linear time', () => {
    for (const text of [`---\n${'-'.repeat(LENGTH)}`, `---\n${'\n---'.repeat(LENGTH / 4)}x`, `+++\n${' \t'.repeat(LENGTH / 2)}`, `---${' '.repeat(LENGTH)}\n`]) {
      const started = performance.now();
      findCuts(text);
      assert.ok(performance.now() - started < SLOW_MS, JSON.stringify(text.slice(0, 20)));
    }
  });
});
