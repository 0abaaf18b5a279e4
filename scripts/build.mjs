// Bundles the command line, the language server and the extension client with esbuild (CommonJS,
// so they load in any Node and in VS Code's extension host whatever Chevrotain's module format),
// and with --tests every test file and the generators under out/, each bundled on its own.
import { build } from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const withTests = process.argv.includes('--tests');
// --production (the .vsix): minified, without source maps.
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

function walk(dir, keep, out = []) {
  for (const entry of readdirSync(join(root, dir))) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(join(root, path)).isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

const existing = (paths) =>
  paths.filter((p) => {
    try {
      return statSync(join(root, p)).isFile();
    } catch {
      return false;
    }
  });

const jobs = [
  build({
    ...common,
    entryPoints: Object.fromEntries(
      existing(['server/src/cli.ts', 'server/src/server.ts']).map((p) => [p.endsWith('cli.ts') ? 'cli' : 'server', p]),
    ),
    outdir: 'dist',
  }),
];
if (existing(['client/src/extension.ts']).length > 0) {
  jobs.push(
    build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  );
}
if (existing(['client/src/webview/table-view.ts']).length > 0) {
  // The table view's page runs in the webview (a browser): its script and its style, no Node.
  jobs.push(
    build({
      ...common,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      entryPoints: {
        'table-view': 'client/src/webview/table-view.ts',
        'table-view-style': 'client/src/webview/table-view.css',
      },
      outdir: 'dist',
    }),
  );
}
if (withTests) {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  const tests = [
    ...walk('server/src', (p) => p.endsWith('.test.ts')),
    ...walk('test', (p) => p.endsWith('.test.ts') && !p.startsWith(join('test', 'e2e'))),
    ...walk('scripts', (p) => p.endsWith('.ts')),
    // The end-to-end suite (run inside VS Code's extension host) and its runner.
    ...walk(join('test', 'e2e'), (p) => p.endsWith('.ts')),
    ...walk('bench', (p) => p.endsWith('.ts')),
  ];
  jobs.push(
    build({
      ...common,
      entryPoints: Object.fromEntries(tests.map((p) => [relative(root, join(root, p)).replace(/\.ts$/, ''), p])),
      outdir: 'out',
      external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'],
    }),
  );
}
await Promise.all(jobs);
