/**
 * Reads LSP messages (`Content-Length` framed JSON) from a byte stream, decoding each body's UTF-8
 * as its chunks arrive instead of all at once when the last one is in.
 *
 * Why not vscode-jsonrpc's `StreamMessageReader`: it decodes a message's bytes in one piece, in one
 * turn of the event loop, while every request behind it waits (CJK text decodes slowly). Here each
 * chunk is decoded as it comes, the same work in total but a chunk at a time; all that a message
 * costs in one turn is `JSON.parse` of its decoded text (figures in docs/performance.md). Node's IPC
 * channel (the extension's transport) already decodes as chunks arrive; this gives stdio clients the
 * same.
 *
 * Messages are delivered in the order they were sent, each as soon as its last byte is in.
 */
import { TextDecoder } from 'node:util';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/** Headers longer than this without their blank line are not LSP headers: the stream is broken. */
const MAX_HEADER_BYTES = 64 * 1024;

interface Body {
  /** Bytes of the body still to come. */
  remaining: number;
  readonly decoder: TextDecoder;
  readonly parts: string[];
}

export class IncrementalStreamReader extends AbstractMessageReader {
  /** Header bytes received so far (only while a header is incomplete). */
  private header: Buffer = Buffer.alloc(0);
  /** The body being received, or undefined while reading a header. */
  private body: Body | undefined;
  private callback: DataCallback | undefined;
  private failed = false;

  constructor(private readonly stream: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) =>
      this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('close', onClose);
    return {
      dispose: () => {
        this.stream.off('data', onData);
        this.stream.off('error', onError);
        this.stream.off('close', onClose);
      },
    };
  }

  /** Consumes one chunk: any number of messages, or parts of them. Never throws. */
  onData(chunk: Buffer): void {
    if (this.failed) return;
    let at = 0;
    while (at < chunk.length && !this.failed) {
      at = this.body ? this.readBody(chunk, at) : this.readHeader(chunk, at);
    }
  }

  /** Reads header bytes from `chunk[at..]`; answers where the chunk's unread part starts. */
  private readHeader(chunk: Buffer, at: number): number {
    const rest = chunk.subarray(at);
    // The header so far plus this chunk: the blank line may straddle the two.
    const joined = this.header.length === 0 ? rest : Buffer.concat([this.header, rest]);
    const end = joined.indexOf(HEADER_END);
    if (end < 0) {
      if (joined.length > MAX_HEADER_BYTES)
        this.fail(new Error(`no end of the message header after ${joined.length} bytes`));
      else this.header = Buffer.from(joined);
      return chunk.length;
    }
    const used = end + HEADER_END.length - this.header.length;
    const length = this.contentLength(joined.toString('ascii', 0, end));
    this.header = Buffer.alloc(0);
    if (length !== undefined) {
      this.body = { remaining: length, decoder: new TextDecoder('utf-8'), parts: [] };
      if (length === 0) this.fail(new Error('an empty message body'));
    }
    return at + used;
  }

  /** `Content-Length` of a header block, after checking its `Content-Type` charset. */
  private contentLength(header: string): number | undefined {
    let length: number | undefined;
    for (const line of header.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-length') length = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
      else if (key === 'content-type') {
        const charset = /charset=([^;\s]+)/i.exec(value)?.[1]?.replace(/^"|"$/g, '').toLowerCase();
        if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
          this.fail(new Error(`unsupported charset ${charset}: messages must be UTF-8`));
          return undefined;
        }
      }
    }
    if (length === undefined || !Number.isSafeInteger(length)) {
      this.fail(new Error(`the message header has no valid Content-Length: ${JSON.stringify(header.slice(0, 200))}`));
      return undefined;
    }
    return length;
  }

  /** Reads body bytes from `chunk[at..]`; answers where the chunk's unread part starts. */
  private readBody(chunk: Buffer, at: number): number {
    const body = this.body;
    if (!body) return at;
    const take = Math.min(body.remaining, chunk.length - at);
    const bytes = chunk.subarray(at, at + take);
    body.remaining -= take;
    const done = body.remaining === 0;
    if (done && body.parts.length === 0) {
      // The whole body in one chunk, the usual case: decoded in one call.
      this.deliver(bytes.toString('utf8'));
    } else {
      // The decoder keeps a character split between chunks until its last bytes arrive.
      body.parts.push(body.decoder.decode(bytes, { stream: !done }));
      if (done) this.deliver(body.parts.join(''));
    }
    return at + take;
  }

  private deliver(json: string): void {
    this.body = undefined;
    let message: unknown;
    try {
      message = JSON.parse(json);
    } catch (e) {
      this.fireError(new Error(`a message is not JSON: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    this.callback?.(message as Message);
  }

  /** A broken stream (a bad header): nothing after it can be framed, so reading stops. */
  private fail(e: Error): void {
    this.failed = true;
    this.body = undefined;
    this.fireError(e);
  }
}
