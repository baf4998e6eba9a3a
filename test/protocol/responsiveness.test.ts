import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { fixture } from '../unit/helpers';
import { TestClient } from './client';

/** Far below the second or more that loading the dictionaries on the server's own thread took. */
const LONGEST_WAIT_MS = 500;

describe('a server loading its dictionaries', () => {
  it('answers other requests at once: spelling loads and checks in a worker thread', async () => {
    const client = await TestClient.start({ settings: () => ({}) });
    try {
      const uri = 'file:///notes/responsive.md';
      const spelled = () => client.published.some((params) => params.uri === uri && params.diagnostics.some((d) => d.code === 'spelling'));
      await client.open(uri, fixture('interview-notes.md'));
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.ok(symbols && symbols.length > 0);
      assert.equal(spelled(), false, 'the outline came before the spelling findings');
      await client.until(() => client.published.some((params) => params.uri === uri), 10_000, 'STAR findings');
      assert.equal(spelled(), false, 'STAR findings were published without waiting for the dictionaries');

      let longest = 0;
      let answered = 0;
      const deadline = Date.now() + 15_000;
      while (!spelled() && Date.now() < deadline) {
        const sent = performance.now();
        await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
        longest = Math.max(longest, performance.now() - sent);
        answered++;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.ok(spelled(), `spelling findings arrived; stderr: ${client.stderr.join('')}`);
      // Spelling takes about a second to load: a handful of answers means the loop measured that second, not nothing.
      assert.ok(answered >= 5, `only ${answered} requests went out while the dictionaries loaded: nothing was measured`);
      assert.ok(longest < LONGEST_WAIT_MS, `an outline request waited ${longest.toFixed(0)} ms while the dictionaries loaded`);
    } finally {
      await client.stop();
    }
  });
});
