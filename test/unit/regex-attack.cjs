// Worker for regex.test.ts: attacks each pattern with the strings that make backtracking blow up,
// reporting what it is about to run so that the test can stop a pattern that never finishes.
'use strict';
const { isMainThread, parentPort, workerData } = require('node:worker_threads');

/** Characters that trip patterns often, tried wherever a pattern repeats something. */
const COMMON = [' ', '\t', '\n', '\r\n', 'a', 'A', '1', '.', '-', '*', '_', ':', '#', '<', '>', '[', ']', '(', ')', '!', '?', '/', '\\', '&', ';', '@', "'", '’', '…', '\u00a0', 'é', '🚀', '|', '~', '`', '+', '=', '"', ',', '$', 'a ', ' a', '- ', '**', 'a:', '<!--', '\ud800'];
const CANDIDATES = [' ', 'a', 'A', '1', '-', '.', ':', '\t', '\n', '\r', '*', '_', '#', '>', '<', '!', '(', ')', '[', ']', '/', '\\', '@', "'", '’', 'é', '…', '\u00a0', '|', '~', '`', '=', ',', 'x', 'Z'];

/** Up to four characters a one-character pattern (a class, an escape, `.`) matches. */
function examples(atom, flags) {
  const re = new RegExp(`^(?:${atom})$`, flags.replace(/[gy]/g, ''));
  return CANDIDATES.filter((c) => re.test(c)).slice(0, 4);
}

/**
 * The pattern as a list of atoms, each with text that matches it and whether it repeats without
 * bound: a way into the pattern, so a pump can be put where it backtracks. Takes the first
 * alternative of each group, skips lookarounds and anchors. Good enough for our patterns, no more.
 */
function skeleton(source, flags) {
  const atoms = [];
  let i = 0;
  const group = () => {
    // Returns the text of the group's first alternative, moving past the closing parenthesis.
    let depth = 1;
    const begin = i;
    let firstEnd = -1;
    for (; i < source.length && depth > 0; i++) {
      const c = source[i];
      if (c === '\\') i++;
      else if (c === '[') while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '|' && depth === 1 && firstEnd < 0) firstEnd = i;
    }
    const inner = source.slice(begin, (firstEnd < 0 ? i - 1 : firstEnd));
    return inner;
  };
  while (i < source.length) {
    const c = source[i];
    let atom;
    let text;
    if (c === '|') break;
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '\\') {
      const escape = /^\\(?:[pP]\{[^}]*\}|u\{[^}]*\}|u[\da-fA-F]{4}|x[\da-fA-F]{2}|c[A-Za-z]|\d+|k<[^>]*>|.)/.exec(source.slice(i))[0];
      i += escape.length;
      if (/^\\[bB]$|^\\\d|^\\k/.test(escape)) continue;
      if (/^\\[^A-Za-z0-9]$/.test(escape)) text = escape[1];
      else atom = escape;
    } else if (c === '[') {
      const begin = i;
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      atom = source.slice(begin, i);
    } else if (c === '(') {
      i++;
      const look = /^\?(?:<?[=!])/.exec(source.slice(i));
      const named = /^\?(?::|<[^>=!]*>)/.exec(source.slice(i));
      if (look) i += look[0].length;
      else if (named) i += named[0].length;
      const inner = group();
      if (look) continue;
      const parts = skeleton(inner, flags);
      const whole = parts.map((part) => part.text).join('');
      const reps = parts.flatMap((part) => part.reps);
      const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(i));
      if (quantifier) i += quantifier[0].length;
      const unbounded = !!quantifier && /^[*+]|,\}/.test(quantifier[0]);
      for (const part of parts) atoms.push(part);
      if (unbounded) atoms.push({ text: '', unbounded: true, reps: [whole, ...reps].filter(Boolean).slice(0, 4) });
      continue;
    } else {
      i++;
      if (c === '.') atom = '.';
      else text = c;
    }
    const reps = atom === undefined ? [text] : examples(atom, flags);
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(i));
    if (quantifier) i += quantifier[0].length;
    const times = quantifier && /^\{(\d+)/.test(quantifier[0]) ? Math.max(1, Number(/^\{(\d+)/.exec(quantifier[0])[1])) : 1;
    atoms.push({ text: (reps[0] ?? '').repeat(times), unbounded: !!quantifier && /^[*+]|,\}/.test(quantifier[0]), reps });
  }
  return atoms;
}

/** The top-level alternatives of a pattern. */
function alternatives(source) {
  const found = [];
  let depth = 0;
  let begin = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      found.push(source.slice(begin, i));
      begin = i + 1;
    }
  }
  found.push(source.slice(begin));
  return found;
}

/** Prefix, pump and last character of every attack on one pattern. */
function* attacks(source, flags) {
  const seen = new Set();
  const attack = function* (prefix, pump) {
    for (const last of ['\0', '']) {
      const key = `${prefix}\u0001${pump}\u0001${last}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield { prefix, pump, last };
    }
  };
  // Anywhere the pattern repeats without bound, pump what it and the next two atoms match.
  for (const alternative of alternatives(source)) {
    let atoms;
    try {
      atoms = skeleton(alternative, flags);
    } catch {
      continue;
    }
    for (let k = 0; k < atoms.length; k++) {
      if (!atoms[k].unbounded) continue;
      const prefix = atoms.slice(0, k).map((atom) => atom.text).join('');
      const pumps = new Set([...atoms.slice(k, k + 3).flatMap((atom) => atom.reps), ' ', 'a']);
      for (const pump of pumps) if (pump) yield* attack(prefix, pump);
    }
  }
  // And everywhere, the usual suspects.
  for (const pump of COMMON) yield* attack('', pump);
}

function run({ patterns, length, slowMs, start }) {
  for (let p = start; p < patterns.length; p++) {
    const { source, flags } = patterns[p];
    const re = new RegExp(source, flags);
    let worst = { ms: 0, input: '' };
    for (const { prefix, pump, last } of attacks(source, flags)) {
      const input = prefix + pump.repeat(Math.ceil(length / pump.length)) + last;
      const label = `${JSON.stringify(prefix)} + ${JSON.stringify(pump)} × ${Math.ceil(length / pump.length)} + ${JSON.stringify(last)}`;
      parentPort.postMessage({ p, running: label });
      const started = performance.now();
      re.lastIndex = 0;
      if (flags.includes('g')) input.replace(re, '');
      else re.exec(input);
      const ms = performance.now() - started;
      if (ms > worst.ms) worst = { ms, input: label };
      if (ms > slowMs) break;
    }
    parentPort.postMessage({ p, done: worst });
  }
  parentPort.postMessage({ finished: true });
}

if (!isMainThread) run(workerData);
module.exports = { attacks };
