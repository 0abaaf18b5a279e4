/**
 * Entry of the bundled language server (`dist/server.js`, the `perf-target-language-server` bin).
 * The transport comes from the command line: `--stdio`, `--node-ipc`, `--socket=N` or `--pipe=name`.
 */
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { IncrementalStreamReader } from './lsp/stream-reader';

const other = process.argv.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'));

startServer(other ? createConnection(ProposedFeatures.all) : overStdio());

/**
 * Stdio (also what other editors mean when they start the bin without a flag), read with our own
 * reader so that a large message is decoded as it arrives (see `IncrementalStreamReader`). What
 * vscode-languageserver does for its own stdio transport is kept: the server ends with its input,
 * and console output goes to the client's log, never into the protocol stream on stdout.
 */
function overStdio(): Connection {
  const connection = createConnection(ProposedFeatures.all, new IncrementalStreamReader(process.stdin), new StreamMessageWriter(process.stdout));
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  return connection;
}
