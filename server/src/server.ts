/**
 * Entry of the bundled language server (`dist/server.js`, the `perf-target-language-server` bin).
 * The transport comes from the command line: `--stdio`, `--node-ipc` or `--socket=N`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  // Other editors start the bin without a flag: stdio is what they mean.
  process.argv.push('--stdio');
}
startServer(createConnection(ProposedFeatures.all));
