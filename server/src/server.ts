/**
 * Entry of the bundled language server (`dist/server.js`, the `perf-target-language-server` bin).
 * The transport comes from the command line: `--stdio`, `--node-ipc`, `--socket=N` or `--pipe=name`.
 */
import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { IncrementalStreamReader } from './lsp/stream-reader';
import { PiecewiseStreamWriter } from './lsp/stream-writer';

/*
 * V8's allocation-site pretenuring guesses from survival rates which code allocates long-lived
 * objects and then allocates everything from that code straight into the old generation. The server
 * keeps rows and their outlines but drops the indicator trees, tokens and findings built alongside
 * them, and that guess differs from run to run: when it sends the trees to the old generation, they
 * stay there until a full collection. Turned off, every object starts young and what the server
 * drops is collected young, so the peak memory of an open does not depend on a guess (figures in
 * docs/performance.md). Set before any document arrives; the command line's one-off check gains
 * nothing from it.
 */
setFlagsFromString('--no-allocation-site-pretenuring');

const other = process.argv.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'));

startServer(other ? createConnection(ProposedFeatures.all) : overStdio());

/**
 * Stdio (also what other editors mean when they start the bin without a flag), read with our own
 * reader so that a large message is decoded as it arrives (see `IncrementalStreamReader`). What
 * vscode-languageserver does for its own stdio transport is kept: the server ends with its input,
 * and console output goes to the client's log, never into the protocol stream on stdout.
 */
function overStdio(): Connection {
  const connection = createConnection(
    ProposedFeatures.all,
    new IncrementalStreamReader(process.stdin),
    new PiecewiseStreamWriter(process.stdout),
  );
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  /* eslint-disable no-console -- replacing console's methods, so that nothing writes to stdout */
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  /* eslint-enable no-console */
  return connection;
}
