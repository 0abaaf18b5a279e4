/**
 * Protocol abuse: unknown documents, edits past the end and out of order, malformed requests and
 * settings, thousands of open/close cycles, a 100 MB document and one 5 MB line. The server answers
 * every request and stays up.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { GOOD_INDICATORS, projectRow, unitRow } from '../../server/src/rules/examples';
import { table } from '../helpers';
import { useServer } from '../server/harness';

const TEXT = table([
  unitRow('合计', ['1.00', '1.00']),
  unitRow('单位', ['1.00', '1.00']),
  projectRow('项目', ['1.00', '1.00']),
]);
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));
const rssMB = (pid: number | undefined) =>
  Number(/VmRSS:\s+([0-9]+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

describe('protocol abuse', function () {
  this.timeout(120000);
  const server = useServer();

  it('answers every request about a document it never saw', async () => {
    const textDocument = { uri: 'file:///nowhere/x.jxmb' };
    const position = { line: 3, character: 4 };
    const range = { start: position, end: position };
    assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument, position }), null);
    assert.equal(await server.connection.sendRequest('textDocument/completion', { textDocument, position }), null);
    assert.deepEqual(
      await server.connection.sendRequest('textDocument/references', {
        textDocument,
        position,
        context: { includeDeclaration: true },
      }),
      [],
    );
    assert.deepEqual(
      await server.connection.sendRequest('textDocument/codeAction', {
        textDocument,
        range,
        context: { diagnostics: [] },
      }),
      [],
    );
    assert.deepEqual(
      await server.connection.sendRequest('textDocument/formatting', {
        textDocument,
        options: { tabSize: 4, insertSpaces: false },
      }),
      [],
    );
    assert.deepEqual(await server.connection.sendRequest('textDocument/foldingRange', { textDocument }), []);
  });

  it('answers a malformed request with an LSP error and keeps serving', async () => {
    const uri = 'file:///abuse/malformed.jxmb';
    await server.open(uri, TEXT);
    await assert.rejects(
      server.connection.sendRequest('textDocument/hover', { textDocument: { uri } }),
      (e: { code?: number }) => e.code === -32603,
    );
    const h = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 9, character: 1 },
    });
    assert.ok(h);
  });

  it('survives edits past the end, overlapping edits and an old version', async () => {
    const uri = 'file:///abuse/edits.jxmb';
    await server.open(uri, TEXT);
    const lines = TEXT.split('\n').length;
    server.change(uri, 2, [
      {
        range: { start: { line: lines + 50, character: 0 }, end: { line: lines + 60, character: 9 } },
        text: `\n${projectRow('尾部项目', ['5.00', '4.00'])}`,
      },
      {
        range: { start: { line: 9, character: 0 }, end: { line: 9, character: 999 } },
        text: projectRow('项目', ['2.00', '2.00']),
      },
      { range: { start: { line: 9, character: 1 }, end: { line: 8, character: 0 } }, text: '' },
    ]);
    server.change(uri, 1, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\t\t\t' },
    ]);
    const d = await server.nextDiagnostics(uri, () => true);
    assert.ok(Array.isArray(d.diagnostics));
    assert.ok(await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }));
  });

  it('keeps working with a malformed settings object, and says what was wrong', async () => {
    server.settings = { rules: 'all', tolerance: -3, requiredCategories: ['9'], punctuationStyle: 42, ignore: 'x' };
    const uri = 'file:///abuse/settings.jxmb';
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const d = await server.open(uri, table([projectRow('项目', ['2.00', '1.00'])]));
    assert.ok(codes(d).includes('total-mismatch'), 'defaults apply');
    await new Promise((r) => setTimeout(r, 300));
    const logs = server.notifications
      .filter((n) => n.method === 'window/logMessage')
      .map((n) => (n.params as { message: string }).message)
      .join('\n');
    assert.match(logs, /settings: "rules" must be an object/);
    assert.match(logs, /"tolerance" must be a number/);
    server.settings = {};
  });

  it('returns its memory after thousands of open/close cycles', async () => {
    const cycle = async (i: number) => {
      const uri = `file:///abuse/cycle-${i}.jxmb`;
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri,
          languageId: 'perf-target',
          version: 1,
          text: table([projectRow(`循环项目${i}`, ['1.00', '1.00'], GOOD_INDICATORS)]),
        },
      });
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    };
    for (let i = 0; i < 300; i++) await cycle(i);
    await server.connection.sendRequest('workspace/symbol', { query: '' });
    const warm = rssMB(server.process.pid);
    for (let i = 300; i < 3300; i++) await cycle(i);
    const symbols = await server.connection.sendRequest<unknown[]>('workspace/symbol', { query: '循环项目' });
    assert.equal(symbols.length, 0, 'closed documents are forgotten');
    const after = rssMB(server.process.pid);
    assert.ok(after - warm < 60, `RSS grew from ${warm.toFixed(0)} MB to ${after.toFixed(0)} MB over 3000 cycles`);
  });

  it('degrades on purpose above the size limit, says so, and answers', async () => {
    const uri = 'file:///abuse/huge.jxmb';
    const row = `${projectRow('项目', ['1.00', '1.00'])}\n`;
    const huge = table([]) + '\n' + row.repeat(Math.ceil((100 * 1024 * 1024) / Buffer.byteLength(row)));
    const told = new Promise<void>((resolve) => {
      server.connection.onNotification('window/showMessage', (p: { message: string }) => {
        if (p.message.includes('huge.jxmb')) resolve();
      });
    });
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'perf-target', version: 1, text: huge },
    });
    await told;
    assert.equal(
      await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: 10, character: 1 },
      }),
      null,
    );
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('checks a file with one 5 MB line', async () => {
    const uri = 'file:///abuse/long-line.jxmb';
    const cell = GOOD_INDICATORS.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(GOOD_INDICATORS)));
    const d = await server.open(uri, table([projectRow('项目', ['1.00', '1.00'], cell)]));
    assert.ok(codes(d).includes('indicator-numbering'), 'the numbering restarts in the pasted copies');
    const h = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 7, character: 1 },
    });
    assert.ok(h);
  });
});
