import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sourceImports } from './sources';

const SERVER = join(__dirname, '..', '..', 'server', 'src');

/** Modules that touch the machine or an editor: the core takes text in and gives findings out, nothing else. */
const IMPURE = /^(?:node:.*|fs|fs\/.*|path|os|url|zlib|worker_threads|child_process|vscode.*|cspell-lib|cspell-dictionary)$/;

describe('a pure core', () => {
  const imports = sourceImports(join(SERVER, 'core'));

  it('finds the imports it is to judge', () => {
    assert.ok(imports.length > 50, `only ${imports.length} imports found under server/src/core`);
    assert.ok(imports.some(({ typeOnly }) => typeOnly) && imports.some(({ typeOnly }) => !typeOnly));
  });

  it('imports no file system, worker, process, editor or cspell module at run time', () => {
    assert.deepEqual(imports.filter(({ module, typeOnly }) => !typeOnly && IMPURE.test(module)).map(({ where, module }) => `${where} ${module}`), []);
  });

  it('reaches outside itself only for its libraries, never into the runtime or the LSP layer', () => {
    const outside = imports.filter(({ where, module }) => {
      if (!module.startsWith('.')) return false;
      const depth = where.split('/').length - 1;
      return module.split('/').filter((part) => part === '..').length > depth;
    });
    assert.deepEqual(outside.map(({ where, module }) => `${where} ${module}`), []);
  });

  it('would catch an impure import (the check itself works)', () => {
    const lsp = sourceImports(join(SERVER, 'runtime'));
    assert.ok(lsp.some(({ module, typeOnly }) => !typeOnly && IMPURE.test(module)));
  });
});
