import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    // The injection's own patterns, tokenized as a grammar of their own: what VS Code injects into markdown lines.
    loadGrammar: async () => parseRawGrammar(readFileSync(join(ROOT, 'syntaxes/star-notes.injection.tmLanguage.json'), 'utf8'), 'grammar.json'),
  });
  return (await registry.loadGrammar('star-notes.injection'))!;
}

function scopesOf(grammar: IGrammar, line: string): Record<string, string[]> {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  return Object.fromEntries(tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.slice(1)]));
}

describe('highlighting grammar', () => {
  it('scopes section headings and labels by section, so themes can colour them', async () => {
    const grammar = await loadGrammar();
    assert.deepEqual(scopesOf(grammar, '### Situation')['Situation'], ['keyword.other.star-notes.situation']);
    assert.deepEqual(scopesOf(grammar, '- Task: Mi')['Task'], ['keyword.other.star-notes.task']);
    assert.deepEqual(scopesOf(grammar, '**Action:** did it')['Action'], ['keyword.other.star-notes.action']);
    assert.deepEqual(scopesOf(grammar, '*Outcome* – 30% faster')['Outcome'], ['keyword.other.star-notes.result']);
    assert.deepEqual(scopesOf(grammar, '#### Results')['Results'], ['keyword.other.star-notes.result']);
  });

  it('leaves ordinary lines that merely start with a section word alone', async () => {
    const grammar = await loadGrammar();
    for (const line of ['### Situational awareness', 'Results were mixed overall', '**Results** were mixed', 'Tasks for Monday']) {
      assert.ok(!Object.values(scopesOf(grammar, line)).flat().some((s) => s.startsWith('keyword.other.star-notes')), line);
    }
  });
});
