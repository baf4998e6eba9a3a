// Preloaded into the language server (and its worker threads) by faults.test.ts. The server may
// not start processes, use the network or write files; every attempt, and every file it reads
// or lists, is written to stderr as a `SANDBOX` line for the test to judge.
'use strict';
const fs = require('node:fs');
const { fileURLToPath } = require('node:url');

const report = (line) => process.stderr.write(`SANDBOX ${line}\n`);

function forbid(name, functions) {
  const exports = require(name);
  for (const key of functions ?? Object.keys(exports).filter((k) => typeof exports[k] === 'function')) {
    exports[key] = function forbidden() {
      report(`forbidden ${name}.${key}`);
      throw new Error(`${name}.${key} is not for the STAR Notes server`);
    };
  }
}

forbid('child_process');
// Not net.Socket: Node builds process.stdin and stdout from it.
forbid('net', ['connect', 'createConnection', 'createServer']);
forbid('tls', ['connect', 'createServer']);
forbid('http', ['request', 'get', 'createServer']);
forbid('https', ['request', 'get', 'createServer']);
forbid('http2', ['connect', 'createServer', 'createSecureServer']);
forbid('dgram', ['createSocket']);
forbid('dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
globalThis.fetch = function fetch() {
  report('forbidden fetch');
  throw new Error('fetch is not for the STAR Notes server');
};

const pathOf = (path) => (path instanceof URL ? fileURLToPath(path) : Buffer.isBuffer(path) ? path.toString() : typeof path === 'string' ? path : undefined);
const isWrite = (flags) => typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;

function watch(target, names, kind) {
  for (const name of names) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function (path, ...rest) {
      const file = pathOf(path);
      if (file !== undefined) report(`${kind === 'open' ? (isWrite(rest[0]) ? 'write' : 'read') : kind} ${file}`);
      return original.call(this, path, ...rest);
    };
  }
}

const READS = ['readFile', 'readFileSync', 'createReadStream', 'readdir', 'readdirSync', 'opendir', 'opendirSync'];
const WRITES = ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'rename', 'renameSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'truncate', 'truncateSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'chmod', 'chmodSync'];
watch(fs, READS, 'read');
watch(fs, WRITES, 'write');
watch(fs, ['open', 'openSync'], 'open');
watch(fs.promises, ['readFile', 'readdir', 'opendir'], 'read');
watch(fs.promises, ['writeFile', 'appendFile', 'rename', 'unlink', 'rm', 'rmdir', 'mkdir', 'mkdtemp', 'copyFile', 'cp', 'truncate', 'symlink', 'link', 'chmod'], 'write');
watch(fs.promises, ['open'], 'open');
