/**
 * Drives the real language server (dist/server.js) over stdio through vscode-languageserver-
 * protocol's client-side connection, as an editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ProtocolConnection, type PublishDiagnosticsParams, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

const root = join(__dirname, '..', '..', '..');

export interface Harness {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly diagnostics: Map<string, PublishDiagnosticsParams>;
  readonly notifications: Array<{ method: string; params: unknown }>;
  /** What the server registered dynamically (`client/registerCapability`), in order. */
  readonly registrations: Array<{ id: string; method: string; registerOptions?: unknown }>;
  settings: Record<string, unknown>;
  /** Resolves with the first diagnostics for `uri` that satisfy `accept`, published after the call. */
  nextDiagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Calls `listener` with every publish from now on, until the returned function is called. */
  onDiagnostics(listener: (p: PublishDiagnosticsParams) => void): () => void;
  open(uri: string, text: string, languageId?: string): Promise<PublishDiagnosticsParams>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  stop(): Promise<void>;
  stderr(): string;
}

export async function startServer(options: { locale?: string; folders?: string[] } = {}): Promise<Harness> {
  // PERF_TARGET_SERVER_NODE_ARGS: extra Node options for the server (`--cpu-prof --cpu-prof-dir=DIR` to profile it).
  const nodeArgs = (process.env['PERF_TARGET_SERVER_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'bin', 'perf-target-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`server exited (${String(code)}): ${err}`))));
  exited.catch(() => undefined);
  if (!child.stdout || !child.stdin) throw new Error('no stdio');
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const notifications: Array<{ method: string; params: unknown }> = [];
  const registrations: Harness['registrations'] = [];
  const listeners = new Set<(p: PublishDiagnosticsParams) => void>();
  const waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const harness: Harness = {
    connection,
    process: child,
    diagnostics,
    notifications,
    registrations,
    settings: {},
    nextDiagnostics(uri, accept = () => true, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri)?.diagnostics.map((d) => d.code))}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (p) => { clearTimeout(timer); resolve(p); } });
      });
    },
    onDiagnostics(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async open(uri, text, languageId = 'perf-target') {
      const next = harness.nextDiagnostics(uri);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
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
      if (child.exitCode === null) await new Promise((resolve) => { child.once('exit', resolve); setTimeout(resolve, 2000).unref(); });
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
  for (const method of ['perfTarget/status', 'window/logMessage']) {
    connection.onNotification(method, (params: unknown) => { notifications.push({ method, params }); });
  }
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => harness.settings));
  connection.onRequest('client/registerCapability', (p: { registrations: Harness['registrations'] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await Promise.race([exited, connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: options.locale ?? 'en',
    workspaceFolders: (options.folders ?? []).map((f, i) => ({ uri: f, name: `folder${i}` })),
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true }, workspaceFolders: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } },
    },
  })]);
  await connection.sendNotification('initialized', {});
  return harness;
}

/** The (line, character) of the first occurrence of `needle` on the line that contains `lineNeedle`. */
export function positionOf(text: string, needle: string, lineNeedle = needle, offset = 0): { line: number; character: number } {
  const lines = text.split(/\r\n|\n/);
  const line = lines.findIndex((l) => l.includes(lineNeedle) && l.includes(needle));
  if (line < 0) throw new Error(`not found: ${needle}`);
  return { line, character: (lines[line] ?? '').indexOf(needle) + offset };
}
