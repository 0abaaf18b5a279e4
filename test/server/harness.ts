/**
 * Drives the real language server (dist/server.js) over stdio through vscode-languageserver-
 * protocol's client-side connection, as an editor would. `useServer` gives a suite (or each of its
 * tests) a running server; the custom messages go through the typed definitions of
 * `server/src/protocol.ts`, as the extension sends them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import {
  LANGUAGE_ID,
  StatusNotification,
  type InitializationOptions,
  type StatusParams,
} from '../../server/src/protocol';

const root = join(__dirname, '..', '..', '..');

export interface Harness {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly diagnostics: Map<string, PublishDiagnosticsParams>;
  /** `window/logMessage` notifications, in order. */
  readonly notifications: Array<{ method: string; params: unknown }>;
  /** What the server registered dynamically (`client/registerCapability`), in order. */
  readonly registrations: Array<{ id: string; method: string; registerOptions?: unknown }>;
  /** Every `perfTarget/status` notification, in order. */
  readonly statuses: StatusParams[];
  /** The last status of `uri`, waiting up to `timeoutMs` for one (it follows the diagnostics). */
  status(uri: string, timeoutMs?: number): Promise<StatusParams>;
  settings: Record<string, unknown>;
  /** Resolves with the first diagnostics for `uri` that satisfy `accept`, published after the call. */
  nextDiagnostics(
    uri: string,
    accept?: (p: PublishDiagnosticsParams) => boolean,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams>;
  /** Calls `listener` with every publish from now on, until the returned function is called. */
  onDiagnostics(listener: (p: PublishDiagnosticsParams) => void): () => void;
  open(uri: string, text: string, languageId?: string): Promise<PublishDiagnosticsParams>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  stop(): Promise<void>;
  stderr(): string;
}

export interface ServerOptions {
  /** `InitializeParams.locale`; `en` unless given. */
  readonly locale?: string;
  /** Workspace folders (file URIs) the server indexes. */
  readonly folders?: readonly string[];
  /** As the extension sends them; none unless given, as from other editors. */
  readonly initializationOptions?: InitializationOptions;
}

export async function startServer(options: ServerOptions = {}): Promise<Harness> {
  // PERF_TARGET_SERVER_NODE_ARGS: extra Node options for the server (`--cpu-prof --cpu-prof-dir=DIR` to profile it).
  const nodeArgs = (process.env['PERF_TARGET_SERVER_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'bin', 'perf-target-language-server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`server exited (${String(code)}): ${err}`))),
  );
  exited.catch(() => undefined);
  if (!child.stdout || !child.stdin) throw new Error('no stdio');
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const notifications: Array<{ method: string; params: unknown }> = [];
  const registrations: Harness['registrations'] = [];
  const statuses: StatusParams[] = [];
  const listeners = new Set<(p: PublishDiagnosticsParams) => void>();
  const waiters: Array<{
    uri: string;
    accept: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }> = [];
  const harness: Harness = {
    connection,
    process: child,
    diagnostics,
    notifications,
    registrations,
    statuses,
    async status(uri, timeoutMs = 2000) {
      const last = () => statuses.filter((s) => s.uri === uri).pop();
      for (let waited = 0; !last() && waited < timeoutMs; waited += 20) await new Promise((r) => setTimeout(r, 20));
      const found = last();
      if (!found) throw new Error(`no status for ${uri} within ${timeoutMs} ms`);
      return found;
    },
    settings: {},
    nextDiagnostics(uri, accept = () => true, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri)?.diagnostics.map((d) => d.code))}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          uri,
          accept,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    onDiagnostics(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async open(uri, text, languageId = LANGUAGE_ID) {
      const next = harness.nextDiagnostics(uri);
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId, version: 1, text },
      });
      return next;
    },
    change(uri, version, contentChanges) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      // A server told to exit does so (and writes its profile, when asked to keep one); kill it otherwise.
      if (child.exitCode === null)
        await new Promise((resolve) => {
          child.once('exit', resolve);
          setTimeout(resolve, 2000).unref();
        });
      connection.dispose();
      child.kill();
    },
    stderr: () => err,
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p);
    for (const l of listeners) l(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification(StatusNotification.type, (p) => {
    statuses.push(p);
  });
  connection.onNotification('window/logMessage', (params: unknown) => {
    notifications.push({ method: 'window/logMessage', params });
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => harness.settings));
  connection.onRequest('client/registerCapability', (p: { registrations: Harness['registrations'] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await Promise.race([
    exited,
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: options.locale ?? 'en',
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
      workspaceFolders: (options.folders ?? []).map((f, i) => ({ uri: f, name: `folder${i}` })),
      capabilities: {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
          workspaceFolders: true,
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        },
      },
    }),
  ]);
  await connection.sendNotification('initialized', {});
  return harness;
}

/** The (line, character) of the first occurrence of `needle` on the line that contains `lineNeedle`. */
export function positionOf(
  text: string,
  needle: string,
  lineNeedle = needle,
  offset = 0,
): { line: number; character: number } {
  const lines = text.split(/\r\n|\n/);
  const line = lines.findIndex((l) => l.includes(lineNeedle) && l.includes(needle));
  if (line < 0) throw new Error(`not found: ${needle}`);
  return { line, character: (lines[line] ?? '').indexOf(needle) + offset };
}

/**
 * Starts a server before the suite's tests (`perTest`: before each test) and stops it after them;
 * the returned harness stands for the running server. `options` may be a function, called when the
 * server starts (after the suite's earlier `before` hooks, e.g. one making its workspace folder).
 */
export function useServer(options: ServerOptions | (() => ServerOptions) = {}, { perTest = false } = {}): Harness {
  let current: Harness | undefined;
  const server = (): Harness => {
    if (!current) throw new Error('no server running: use the harness inside a test or a later hook');
    return current;
  };
  (perTest ? beforeEach : before)(async () => {
    current = await startServer(typeof options === 'function' ? options() : options);
  });
  (perTest ? afterEach : after)(async () => {
    const running = current;
    current = undefined;
    await running?.stop();
  });
  return {
    get connection() {
      return server().connection;
    },
    get process() {
      return server().process;
    },
    get diagnostics() {
      return server().diagnostics;
    },
    get notifications() {
      return server().notifications;
    },
    get registrations() {
      return server().registrations;
    },
    get statuses() {
      return server().statuses;
    },
    get settings() {
      return server().settings;
    },
    set settings(s) {
      server().settings = s;
    },
    status: (uri, timeoutMs) => server().status(uri, timeoutMs),
    nextDiagnostics: (uri, accept, timeoutMs) => server().nextDiagnostics(uri, accept, timeoutMs),
    onDiagnostics: (listener) => server().onDiagnostics(listener),
    open: (uri, text, languageId) => server().open(uri, text, languageId),
    change: (uri, version, changes) => server().change(uri, version, changes),
    stop: () => server().stop(),
    stderr: () => server().stderr(),
  };
}
