/**
 * Writes LSP messages (`Content-Length` framed JSON) to a byte stream without ever holding a
 * message's whole JSON text or its bytes.
 *
 * Why not vscode-jsonrpc's `StreamMessageWriter`: it makes one string of the message and then one
 * Buffer of that string. A publish of 1 000 diagnostics on a table with Chinese project names is a
 * ~540 000-character two-byte string (1 MB) plus a 600 KB Buffer; objects that size live outside
 * V8's young generation (in its large-object space and in malloc'd memory) and stay there until the
 * next scavenge, so a clerk typing in a large table kept 15-20 MB of dead publishes around, the
 * server's peak. Here a message becomes pieces of at most `MAX_PIECE` characters (ordinary young
 * objects, reused memory), whose UTF-8 lengths make the header; the pieces are written corked, so
 * the stream hands them to the operating system in one vectored write, as before.
 *
 * Messages go out in the order `write` is called: everything a call writes is queued on the stream
 * before it returns.
 */
import { AbstractMessageWriter, type Message } from 'vscode-languageserver/node';

/** Characters per piece: a two-byte piece is 32 KB, well inside V8's regular object size. */
export const MAX_PIECE = 16 * 1024;

/** Containers this deep or deeper are written with one `JSON.stringify` (a diagnostic, a symbol's children). */
const PIECEWISE_DEPTH = 3;

/** Primitive array elements stringified together (semantic tokens' numbers, say). */
const PRIMITIVE_BATCH = 1024;

/** Collects text into pieces of at most `max` characters. */
class Pieces {
  readonly done: string[] = [];
  private current = '';

  constructor(private readonly max: number) {}

  add(s: string): void {
    if (this.current.length + s.length <= this.max) {
      this.current += s;
      return;
    }
    this.flush();
    if (s.length <= this.max) {
      this.current = s;
      return;
    }
    // One long value (a document's text, a long hover): cut where no surrogate pair is split.
    let at = 0;
    while (at < s.length) {
      let end = Math.min(s.length, at + this.max);
      const last = s.charCodeAt(end - 1);
      if (end < s.length && last >= 0xd800 && last <= 0xdbff) end--;
      this.done.push(s.slice(at, end));
      at = end;
    }
  }

  flush(): void {
    if (this.current.length > 0) this.done.push(this.current);
    this.current = '';
  }
}

/** What `JSON.stringify` may call `toJSON` on or descend into. */
const isContainer = (v: unknown): boolean => typeof v === 'object' && v !== null || typeof v === 'bigint';

const isPlainObject = (v: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** What `JSON.stringify` would serialize for `holder[key]`: `toJSON` applied; undefined if left out. */
function jsonValue(value: unknown, key: string): unknown {
  if (isContainer(value)) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return (toJSON as (k: string) => unknown).call(value, key);
  }
  return value;
}

const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function addValue(out: Pieces, value: unknown, depth: number): void {
  if (typeof value !== 'object' || value === null || depth >= PIECEWISE_DEPTH) {
    out.add(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    addArray(out, value, depth);
    return;
  }
  if (!isPlainObject(value)) {
    // Boxed primitives and class instances: the built-in knows their rules.
    out.add(JSON.stringify(value) ?? 'null');
    return;
  }
  const record = value as Readonly<Record<string, unknown>>;
  out.add('{');
  let first = true;
  for (const key of Object.keys(record)) {
    const v = jsonValue(record[key], key);
    if (omitted(v)) continue;
    out.add(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    addValue(out, v, depth + 1);
  }
  out.add('}');
}

function addArray(out: Pieces, array: readonly unknown[], depth: number): void {
  out.add('[');
  let i = 0;
  while (i < array.length) {
    if (i > 0) out.add(',');
    if (isContainer(array[i])) {
      const v = jsonValue(array[i], String(i));
      if (typeof v === 'object' && v !== null) addValue(out, v, depth + 1);
      else out.add(JSON.stringify(v) ?? 'null');
      i++;
      continue;
    }
    // A run of primitives (no toJSON applies to them): one `JSON.stringify`, without its brackets.
    let end = i + 1;
    while (end < array.length && end - i < PRIMITIVE_BATCH && !isContainer(array[end])) end++;
    out.add(JSON.stringify(array.slice(i, end)).slice(1, -1));
    i = end;
  }
  out.add(']');
}

/** What `JSON.stringify` may call `toJSON` on or descend into. */
/**
 * `JSON.stringify(value)` as pieces of at most `max` characters (a single value longer than that,
 * a long string, is cut into pieces too); joined, they are exactly what `JSON.stringify` makes of
 * JSON data (one difference: a `toJSON` whose result has a `toJSON` of its own may see that one
 * called too). Throws what `JSON.stringify` throws (a cycle, a BigInt).
 */
export function jsonPieces(value: unknown, max = MAX_PIECE): string[] {
  const out = new Pieces(max);
  const v = jsonValue(value, '');
  if (omitted(v)) throw new TypeError('a message must be a JSON value');
  addValue(out, v, 0);
  out.flush();
  return out.done;
}

export class PiecewiseStreamWriter extends AbstractMessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream & { cork?: () => void; uncork?: () => void }) {
    super();
    stream.on('error', (e: unknown) => this.fireError(e));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let pieces: string[];
    try {
      pieces = jsonPieces(message);
    } catch (e) {
      this.fireError(e, message);
      return Promise.reject(e);
    }
    let bytes = 0;
    for (const p of pieces) bytes += Buffer.byteLength(p, 'utf8');
    return new Promise<void>((resolve, reject) => {
      const done = (e?: Error | null) => {
        if (e) {
          this.errorCount++;
          this.fireError(e, message, this.errorCount);
          reject(e);
        } else resolve();
      };
      try {
        this.stream.cork?.();
        this.stream.write(`Content-Length: ${bytes}\r\n\r\n`, 'ascii');
        for (let i = 0; i < pieces.length - 1; i++) this.stream.write(pieces[i] ?? '', 'utf8');
        this.stream.write(pieces[pieces.length - 1] ?? '', 'utf8', done);
      } catch (e) {
        done(e instanceof Error ? e : new Error(String(e)));
      } finally {
        this.stream.uncork?.();
      }
    });
  }

  end(): void {
    this.stream.end();
  }
}
