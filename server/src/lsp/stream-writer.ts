/**
 * Writes LSP messages (`Content-Length` framed JSON) to a byte stream without ever making a
 * message's JSON one string or one Buffer.
 *
 * Why not vscode-jsonrpc's `StreamMessageWriter`: it makes one string of the message and then one
 * Buffer of that string. For a large publish both live outside V8's young generation (in its
 * large-object space and in malloc'd memory) until the next scavenge, so while a clerk types in a
 * large table dead publishes pile up there (figures in docs/performance.md). Here a message's JSON
 * is never one string: it becomes pieces of at most `MAX_PIECE` characters (ordinary young
 * objects, reused memory), whose UTF-8 lengths make the header; the pieces are written corked, so
 * the stream hands them to the operating system in one vectored write, as before. A large message
 * is serialized a slice at a time (see `PiecewiseStreamWriter`), so that it never holds the event
 * loop for long either.
 */
import { AbstractMessageWriter, type Message } from 'vscode-languageserver/node';
import { runAll, runSlice, yieldToEventLoop, type Steps } from '../steps';

/** Characters per piece: a two-byte piece is 32 KB, well inside V8's regular object size. */
export const MAX_PIECE = 16 * 1024;

/**
 * A container holding more than this many values (a string counts one per 64 characters) is
 * written in parts; a smaller one (a diagnostic, an outline's project) with one `JSON.stringify`.
 */
const WHOLE_BUDGET = 256;

/** Collects text into pieces of at most `max` characters. */
class Pieces {
  readonly done: string[] = [];
  /** The containers being written in parts, outermost first. */
  readonly open = new Set<object>();
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
const isContainer = (v: unknown): boolean => (typeof v === 'object' && v !== null) || typeof v === 'bigint';

const isPlainObject = (v: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** `budget` less the values in `value`; negative as soon as it runs out (the rest not counted). */
function budgetLeft(value: unknown, budget: number): number {
  if (typeof value === 'string') return budget - 1 - (value.length >> 6);
  if (typeof value !== 'object' || value === null) return budget - 1;
  let left = budget - 1;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && left >= 0; i++) left = budgetLeft(value[i], left);
    return left;
  }
  const record = value as Readonly<Record<string, unknown>>;
  for (const key in record) {
    if (left < 0) break;
    if (Object.prototype.hasOwnProperty.call(record, key)) left = budgetLeft(record[key], left - 1);
  }
  return left;
}

/**
 * Whether a container is written in parts, else with one `JSON.stringify` (as are boxed primitives
 * and class instances, whose rules the built-in knows).
 */
const piecewise = (value: object): boolean =>
  (Array.isArray(value) || isPlainObject(value)) && budgetLeft(value, WHOLE_BUDGET) < 0;

/** Whether `JSON.stringify` would call a `toJSON` of this value (passing it its key). */
const hasToJSON = (v: unknown): boolean => isContainer(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function';

/** What `JSON.stringify` would serialize for `holder[key]`: `toJSON` applied; undefined if left out. */
function jsonValue(value: unknown, key: string): unknown {
  return hasToJSON(value) ? (value as { toJSON: (k: string) => unknown }).toJSON(key) : value;
}

const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function* addValue(out: Pieces, value: unknown): Steps<void> {
  if (typeof value !== 'object' || value === null || !piecewise(value)) {
    out.add(JSON.stringify(value) ?? 'null');
    return;
  }
  // Containers being written in parts: one met again inside itself is a cycle.
  if (out.open.has(value)) throw new TypeError('Converting circular structure to JSON');
  out.open.add(value);
  if (Array.isArray(value)) {
    yield* addArray(out, value);
    out.open.delete(value);
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
    yield* addValue(out, v);
  }
  out.add('}');
  out.open.delete(value);
}

/**
 * An array, a step per run of elements: consecutive elements that are small together (within
 * `WHOLE_BUDGET`) go through one `JSON.stringify`; a large element is written in parts, and one
 * with a `toJSON` on its own (it is passed its index).
 */
function* addArray(out: Pieces, array: readonly unknown[]): Steps<void> {
  out.add('[');
  let i = 0;
  while (i < array.length) {
    if (i > 0) out.add(',');
    const first = array[i];
    if (hasToJSON(first) || (isContainer(first) && piecewise(first as object))) {
      const v = jsonValue(first, String(i));
      if (typeof v === 'object' && v !== null) yield* addValue(out, v);
      else out.add(JSON.stringify(v) ?? 'null');
      i++;
      yield;
      continue;
    }
    let left = budgetLeft(first, WHOLE_BUDGET);
    let end = i + 1;
    while (end < array.length && left >= 0 && !hasToJSON(array[end])) {
      left = budgetLeft(array[end], left);
      if (left < 0) break;
      end++;
    }
    out.add(JSON.stringify(end === array.length && i === 0 ? array : array.slice(i, end)).slice(1, -1));
    i = end;
    yield;
  }
  out.add(']');
}

/**
 * `JSON.stringify(value)` as pieces of at most `max` characters (a single value longer than that,
 * a long string, is cut into pieces too); joined, they are exactly what `JSON.stringify` makes of
 * JSON data (one difference: a `toJSON` whose result has a `toJSON` of its own may see that one
 * called too). Throws what `JSON.stringify` throws (a cycle, a BigInt).
 */
export function jsonPieces(value: unknown, max = MAX_PIECE): string[] {
  return runAll(jsonPieceSteps(value, max));
}

/** `jsonPieces`, a step per array element (see `steps.ts`). */
export function* jsonPieceSteps(value: unknown, max = MAX_PIECE): Steps<string[]> {
  const out = new Pieces(max);
  const v = jsonValue(value, '');
  if (omitted(v)) throw new TypeError('a message must be a JSON value');
  yield* addValue(out, v);
  out.flush();
  return out.done;
}

/** A message on its way out. */
interface Outgoing {
  readonly message: Message;
  /** A response may be written before earlier responses that are still being serialized. */
  readonly response: boolean;
  readonly steps: Steps<string[]>;
  pieces?: string[];
  error?: Error;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

const isResponse = (m: Message): boolean => {
  const r = m as { readonly method?: unknown; readonly id?: unknown };
  return r.method === undefined && r.id !== undefined;
};

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/**
 * Serializes each message in slices (`runSlice`), so that no large answer (an outline) holds the
 * event loop while it is serialized, and writes it once it is whole. Messages go out in the order
 * `write` was called, with one exception LSP allows: a response whose serialization is done may go
 * before earlier responses still being serialized (a hover answered while the outline is on its
 * way). Notifications and requests never pass anything, so diagnostics of version 3 can never
 * follow those of version 4.
 */
export class PiecewiseStreamWriter extends AbstractMessageWriter {
  private errorCount = 0;
  private readonly queue: Outgoing[] = [];
  private pumping = false;

  constructor(private readonly stream: NodeJS.WritableStream & { cork?: () => void; uncork?: () => void }) {
    super();
    stream.on('error', (e: unknown) => this.fireError(e));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const entry: Outgoing = {
        message,
        response: isResponse(message),
        steps: jsonPieceSteps(message),
        resolve,
        reject,
      };
      this.queue.push(entry);
      this.serialize(entry);
      this.flush();
      if (!entry.pieces && !entry.error) void this.pump();
    });
  }

  /** Serializes `entry` for about one slice; true when it is done (or failed). */
  private serialize(entry: Outgoing): boolean {
    try {
      const r = runSlice(entry.steps);
      if (r) entry.pieces = r.value;
      return r !== undefined;
    } catch (e) {
      entry.error = asError(e);
      return true;
    }
  }

  /** Serializes what is left, a slice per turn of the event loop. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const next = this.queue.find((e) => !e.pieces && !e.error);
        if (!next) return;
        await yieldToEventLoop();
        this.serialize(next);
        this.flush();
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Writes every message that may go now; reports the ones that could not be serialized. */
  private flush(): void {
    let onlyResponsesBefore = true;
    for (let i = 0; i < this.queue.length;) {
      const e = this.queue[i] as Outgoing;
      if (e.error) {
        this.queue.splice(i, 1);
        this.fireError(e.error, e.message);
        e.reject(e.error);
        continue;
      }
      if (e.pieces && (i === 0 || (e.response && onlyResponsesBefore))) {
        this.queue.splice(i, 1);
        this.send(e, e.pieces);
        continue;
      }
      if (!e.response) onlyResponsesBefore = false;
      i++;
    }
  }

  private send(entry: Outgoing, pieces: readonly string[]): void {
    let bytes = 0;
    for (const p of pieces) bytes += Buffer.byteLength(p, 'utf8');
    const done = (e?: Error | null) => {
      if (e) {
        this.errorCount++;
        this.fireError(e, entry.message, this.errorCount);
        entry.reject(e);
      } else entry.resolve();
    };
    try {
      this.stream.cork?.();
      this.stream.write(`Content-Length: ${bytes}\r\n\r\n`, 'ascii');
      for (let i = 0; i < pieces.length - 1; i++) this.stream.write(pieces[i] ?? '', 'utf8');
      this.stream.write(pieces[pieces.length - 1] ?? '', 'utf8', done);
    } catch (e) {
      done(asError(e));
    } finally {
      this.stream.uncork?.();
    }
  }

  end(): void {
    this.stream.end();
  }
}
