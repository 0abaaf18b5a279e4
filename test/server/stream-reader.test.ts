/**
 * The stdio message reader: LSP framing read from chunks of any size (a header or a UTF-8
 * character split between chunks), messages in order, broken input reported without a throw.
 */
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import type { Message } from 'vscode-languageserver/node';
import { IncrementalStreamReader } from '../../server/src/lsp/stream-reader';

function frame(message: unknown, headers = ''): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n${headers}\r\n`, 'ascii'), body]);
}

interface Read {
  readonly messages: Message[];
  readonly errors: Error[];
  closed: boolean;
}

function reader(): { readonly stream: PassThrough; readonly read: Read } {
  const stream = new PassThrough();
  const read: Read = { messages: [], errors: [], closed: false };
  const r = new IncrementalStreamReader(stream);
  r.onError((e) => read.errors.push(e));
  r.onClose(() => {
    read.closed = true;
  });
  r.listen((m) => read.messages.push(m));
  return { stream, read };
}

/** Feeds `bytes` cut at `cuts` straight to the reader's chunk handler. */
function feed(bytes: Buffer, cuts: number[]): Read {
  const read: Read = { messages: [], errors: [], closed: false };
  const r = new IncrementalStreamReader(new PassThrough());
  r.onError((e) => read.errors.push(e));
  r.listen((m) => read.messages.push(m));
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= at || cut >= bytes.length) continue;
    r.onData(bytes.subarray(at, cut));
    at = cut;
  }
  r.onData(bytes.subarray(at));
  return read;
}

const TEXT = '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次。\r\n𠀀😀\t“引号”\\n';

describe('stdio message reader', () => {
  it('reads messages cut at every byte, CJK and surrogate pairs included', () => {
    const messages = [
      { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: TEXT } },
      { jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { position: { line: 0, character: 3 } } },
    ];
    const bytes = Buffer.concat(messages.map((m) => frame(m)));
    for (let cut = 1; cut < bytes.length; cut++) {
      const read = feed(bytes, [cut]);
      assert.deepEqual(read.messages, messages, `cut at byte ${cut}`);
      assert.deepEqual(read.errors, []);
    }
    assert.deepEqual(
      feed(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ).messages,
      messages,
      'one byte at a time',
    );
  });

  it('reads a large message in random chunks, in order with the small ones around it', () => {
    const big = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: TEXT.repeat(5000) } };
    const messages = [{ jsonrpc: '2.0', id: 0, method: 'a' }, big, { jsonrpc: '2.0', id: 2, method: 'b' }];
    const bytes = Buffer.concat(messages.map((m) => frame(m)));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 200 }), (cuts) => {
        const read = feed(bytes, cuts);
        assert.deepEqual(read.errors, []);
        assert.deepEqual(read.messages, messages);
      }),
      { numRuns: 30 },
    );
  });

  it('accepts a UTF-8 Content-Type and header names in any case', () => {
    const m = { jsonrpc: '2.0', method: 'x', params: { t: TEXT } };
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    const bytes = Buffer.concat([
      Buffer.from(
        `content-type: application/vscode-jsonrpc; charset="UTF-8"\r\ncontent-length: ${body.length}\r\n\r\n`,
        'ascii',
      ),
      body,
      frame(m, 'Content-Type: application/vscode-jsonrpc; charset=utf8\r\n'),
    ]);
    const read = feed(bytes, [10, 70]);
    assert.deepEqual(read.errors, []);
    assert.deepEqual(read.messages, [m, m]);
  });

  it('reports a body that is not JSON and goes on with the next message', () => {
    const bad = Buffer.from('{"jsonrpc": "2.0", "method": ', 'utf8');
    const next = { jsonrpc: '2.0', method: 'next' };
    const read = feed(Buffer.concat([Buffer.from(`Content-Length: ${bad.length}\r\n\r\n`), bad, frame(next)]), [5, 40]);
    assert.equal(read.errors.length, 1);
    assert.match(read.errors[0]?.message ?? '', /not JSON/);
    assert.deepEqual(read.messages, [next]);
  });

  it('stops at a header it cannot frame: no Content-Length, a bad length, another charset, no end', () => {
    const m = { jsonrpc: '2.0', method: 'm' };
    for (const [head, error] of [
      ['Content-Type: application/vscode-jsonrpc\r\n\r\n', /Content-Length/],
      ['Content-Length: 12x\r\n\r\n', /Content-Length/],
      ['Content-Length: 20\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n', /charset latin1/],
      [`Content-Length: 20${' '.repeat(70 * 1024)}`, /no end of the message header/],
    ] as const) {
      const unended = !head.endsWith('\r\n\r\n');
      const read = feed(
        Buffer.concat([Buffer.from(head, 'ascii'), unended ? Buffer.alloc(0) : frame(m)]),
        [1000, 40000],
      );
      assert.equal(read.errors.length, 1, head.slice(0, 60));
      assert.match(read.errors[0]?.message ?? '', error);
      assert.deepEqual(read.messages, [], 'nothing after a broken header can be framed');
    }
  });

  it('reads from the stream and reports its end', async () => {
    const { stream, read } = reader();
    const m = { jsonrpc: '2.0', method: 'from-stream', params: { text: TEXT } };
    const bytes = frame(m);
    stream.write(bytes.subarray(0, 7));
    stream.write(bytes.subarray(7));
    stream.end();
    await new Promise((resolve) => stream.on('close', resolve));
    assert.deepEqual(read.messages, [m]);
    assert.equal(read.closed, true);
  });
});
