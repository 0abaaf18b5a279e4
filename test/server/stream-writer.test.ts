/**
 * The stdio message writer: a message as bounded pieces that join to exactly `JSON.stringify`'s
 * text, framed with the UTF-8 length of the whole, readable by vscode-jsonrpc's own reader.
 */
import * as assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { jsonPieces, MAX_PIECE, PiecewiseStreamWriter } from '../../server/src/lsp/stream-writer';

const TEXT = '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次。\r\n𠀀😀\t“引号”\\n';

/** A publish as the server sends it for a large table: many diagnostics with CJK messages. */
function publish(n: number): Message {
  const diagnostics = Array.from({ length: n }, (_, i) => ({
    range: { start: { line: i, character: 3 }, end: { line: i, character: 9 } },
    severity: 1 + (i % 4),
    code: 'punctuation-style',
    source: 'perf-target',
    message: `${TEXT}${i}`,
    relatedInformation:
      i % 7 === 0
        ? [
            {
              location: {
                uri: 'file:///表.txt',
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
              },
              message: '合计',
            },
          ]
        : undefined,
  }));
  return {
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: { uri: 'file:///表.txt', version: 3, diagnostics },
  } as Message;
}

/** A writer into a pipe that vscode-jsonrpc's reader reads from: what it read so far in `read`. */
function loop(): {
  readonly writer: PiecewiseStreamWriter;
  readonly reader: StreamMessageReader;
  readonly read: Message[];
} {
  const stream = new PassThrough();
  const writer = new PiecewiseStreamWriter(stream);
  const reader = new StreamMessageReader(stream);
  const read: Message[] = [];
  reader.listen((m) => read.push(m));
  return { writer, reader, read };
}

const wellFormed = (s: string): boolean =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('stdio message writer', () => {
  it('cuts a large message into bounded pieces that join to JSON.stringify', () => {
    const message = publish(3000);
    const pieces = jsonPieces(message);
    assert.equal(pieces.join(''), JSON.stringify(message));
    assert.ok(pieces.length > 10, `${pieces.length} pieces`);
    for (const p of pieces) assert.ok(p.length <= MAX_PIECE, `a piece of ${p.length}`);
  });

  it('joins to JSON.stringify for any JSON value and any piece size', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), (value, max) => {
        const pieces = jsonPieces(value, max);
        assert.equal(pieces.join(''), JSON.stringify(value));
        for (const p of pieces) {
          assert.ok(p.length <= max);
          assert.ok(wellFormed(p), `a surrogate pair cut: ${JSON.stringify(p)}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('follows JSON.stringify where it leaves out, replaces or converts values', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const values: unknown[] = [
      { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
      [undefined, () => 1, Symbol('s'), 1, null, Number.NaN, Infinity, -0],
      { when: new Date(Date.UTC(2026, 10, 24)), boxed: [new String('字'), new Number(2), new Boolean(false)] },
      { own: { toJSON: (key: string) => `key ${key}` }, list: [{ toJSON: (key: string) => ({ at: key }) }] },
      { point: new Point(3), bare: Object.assign(Object.create(null) as object, { z: 1 }) },
      Array.from({ length: 5000 }, (_, i) => (i % 1500 === 0 ? { i } : i % 3 === 0 ? `s${i}` : i)),
      { deep: { deeper: { deepest: { deepest2: [[[1, [2, { x: [3] }]]]] } } } },
      { long: `${'长'.repeat(MAX_PIECE - 1)}😀${'x'.repeat(MAX_PIECE * 2)}`, empty: {}, none: [] },
      'a string alone',
      42,
      null,
    ];
    for (const v of values) {
      const pieces = jsonPieces(v);
      assert.equal(pieces.join(''), JSON.stringify(v));
      for (const p of pieces) assert.ok(p.length <= MAX_PIECE && wellFormed(p));
    }
  });

  it('throws as JSON.stringify does on what JSON cannot hold', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle['self'] = { again: cycle };
    assert.throws(() => jsonPieces({ params: cycle }), TypeError);
    assert.throws(() => jsonPieces({ params: { n: 1n } }), TypeError);
    assert.throws(() => jsonPieces(undefined), TypeError);
  });

  it('frames messages so that vscode-jsonrpc reads them back in order', async () => {
    const { writer, reader, read } = loop();
    const messages: Message[] = [
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: TEXT } } as Message,
      publish(2000),
      { jsonrpc: '2.0', id: 7, result: { contents: { kind: 'markdown', value: TEXT.repeat(3000) } } } as Message,
      { jsonrpc: '2.0', id: 8, result: null } as Message,
    ];
    await Promise.all(messages.map((m) => writer.write(m)));
    for (let i = 0; i < 100 && read.length < messages.length; i++) await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(read, JSON.parse(JSON.stringify(messages)));
    reader.dispose();
    writer.dispose();
  });

  it('never stringifies a long array whole, however deep it is', () => {
    // An outline: 合计 → units → projects → indicators, the long arrays below depth 3.
    const indicator = (i: number) => ({
      name: `${i}、补贴惠及人次`,
      detail: '11-数量指标',
      kind: 8,
      range: { start: { line: i, character: 0 }, end: { line: i, character: 9 } },
    });
    const project = (i: number) => ({ name: `项目${i}`, kind: 12, children: [1, 2, 3, 4].map(indicator) });
    const units = Array.from({ length: 20 }, (_, u) => ({
      name: `单位${u}`,
      kind: 2,
      children: Array.from({ length: 200 }, (_, p) => project(u * 200 + p)),
    }));
    const message = { jsonrpc: '2.0', id: 3, result: [{ name: '合计', kind: 3, children: units }] };
    const stringify = JSON.stringify;
    let longest = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      const out = stringify(...args);
      longest = Math.max(longest, out?.length ?? 0);
      return out;
    }) as typeof JSON.stringify;
    let pieces: string[];
    try {
      pieces = jsonPieces(message);
    } finally {
      JSON.stringify = stringify;
    }
    assert.equal(pieces.join(''), JSON.stringify(message));
    assert.ok(longest < 2000, `one JSON.stringify made ${longest} characters`);
  });

  it('keeps notifications in order and lets only a response pass a response still being serialized', async () => {
    const { writer, reader, read } = loop();
    const big = {
      jsonrpc: '2.0',
      id: 1,
      result: Array.from({ length: 60_000 }, (_, i) => ({
        name: `项目${i}`,
        range: { start: { line: i, character: 0 }, end: { line: i, character: 5 } },
      })),
    } as Message;
    const hover = { jsonrpc: '2.0', id: 2, result: { contents: '说明' } } as Message;
    const publish3 = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///a', version: 3, diagnostics: [] },
    } as Message;
    const hover2 = { jsonrpc: '2.0', id: 4, result: null } as Message;
    const writes = [big, hover, publish3, hover2].map((m) => writer.write(m));
    await Promise.all(writes);
    for (let i = 0; i < 200 && read.length < 4; i++) await new Promise((r) => setTimeout(r, 5));
    const ids = read.map((m) => ('id' in m ? `id${String(m.id)}` : 'publish'));
    // The hover goes before the outline still being serialized; the publish waits for the outline,
    // and the response after the publish waits for the publish.
    assert.deepEqual(ids, ['id2', 'id1', 'publish', 'id4']);
    assert.deepEqual(read[1], JSON.parse(JSON.stringify(big)));
    reader.dispose();
    writer.dispose();
  });

  it('writes the header with the body’s UTF-8 length', async () => {
    const chunks: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        cb();
      },
    });
    const message = { jsonrpc: '2.0', method: 'x', params: { text: TEXT } } as Message;
    await new PiecewiseStreamWriter(stream).write(message);
    const bytes = Buffer.concat(chunks).toString('utf8');
    const body = JSON.stringify(message);
    assert.equal(bytes, `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  });

  it('reports a failed write and rejects it, without throwing', async () => {
    const stream = new Writable({
      write(_chunk, _enc, cb) {
        cb(new Error('pipe closed'));
      },
    });
    stream.on('error', () => undefined);
    const writer = new PiecewiseStreamWriter(stream);
    const errors: Array<[Error, Message | undefined, number | undefined]> = [];
    writer.onError((e) => errors.push(e));
    const message = { jsonrpc: '2.0', method: 'x', params: {} } as Message;
    await assert.rejects(writer.write(message), /pipe closed/);
    assert.ok(errors.some(([e, m, count]) => /pipe closed/.test(e.message) && m === message && count === 1));
    const broken = { jsonrpc: '2.0', method: 'x', params: { n: 1n } } as unknown as Message;
    await assert.rejects(writer.write(broken), TypeError);
  });
});
