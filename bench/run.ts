/**
 * `npm run bench`: how fast the checker and the server are, as ratios against a baseline measured
 * in the same run on the same generated files (so figures compare across machines), plus absolute
 * times. Prints one table and writes bench/results.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { checkText } from '../server/src/check';
import { decode } from '../server/src/decode';
import { patchedProjects, TableOutlineRequest, TableRowsRequest } from '../server/src/protocol';
import { generate } from './generate';
import { workbookTimes, type WorkbookTimes } from './workbook';

const root = join(__dirname, '..', '..');
const sample = readFileSync(join(root, 'seeds', '000_5e46737169912d50.txt'), 'utf8');
const MB = 1024 * 1024;
const quick = process.argv.includes('--quick');
const SIZES = quick ? [1, 2, 5] : [1, 10, 50];
/** `--server`: only the server figures (on the middle size), for iterating on them. */
const serverOnly = process.argv.includes('--server');

/** The least work any checker must do: decode, split rows and cells, split the indicator cell. */
function baseline(bytes: Buffer): number {
  const text = bytes.toString('utf8');
  let n = 0;
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    const ind = cells[6];
    if (ind) n += ind.split(/[；;。]/).length;
    n += cells.length;
  }
  return n;
}

/** What `perf-target check` does with a file: decode, parse, every rule. */
function fullCheck(bytes: Buffer): number {
  return checkText(decode(bytes).text).findings.length;
}

/** Median of `runs` timings in ms (after one warm-up). */
function time(fn: () => unknown, runs: number): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return median(t);
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

/** A server over stdio, its diagnostics awaited by version, and how to stop it. */
async function benchServer() {
  // PERF_TARGET_PROFILE=dir writes a CPU profile of the server there (open with Chrome DevTools).
  const profile = process.env['PERF_TARGET_PROFILE'];
  const child = spawn(
    process.execPath,
    [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), join(root, 'dist', 'server.js'), '--stdio'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  if (!child.stdout || !child.stdin) throw new Error('no stdio');
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters: Array<{ uri: string; version: number; resolve: () => void }> = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of [...waiters]) {
      if (p.uri === w.uri && (p.version ?? -1) >= w.version) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [],
    capabilities: {},
  });
  await conn.sendNotification('initialized', {});
  const published = (uri: string, version: number) =>
    new Promise<void>((resolve) => waiters.push({ uri, version, resolve }));
  const stop = async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, 5000);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    conn.dispose();
  };
  return { conn, child, published, stop };
}

/** The least any server spends on a didOpen before its own work: decoding the message's bytes. */
function openMessageTime(uri: string, text: string): number {
  const openMessage = Buffer.from(
    JSON.stringify({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'perf-target', version: 1, text } },
    }),
  );
  return time(() => JSON.parse(openMessage.toString('utf8')), 3);
}

/**
 * Opens `text` as `uri` and hovers `at` every 5 ms until `opened` (its first diagnostics): how long
 * that took, and how long each hover waited meanwhile.
 */
async function openWhileHovering(
  conn: Awaited<ReturnType<typeof benchServer>>['conn'],
  opened: Promise<void>,
  uri: string,
  text: string,
  at: { readonly uri: string; readonly line: number },
): Promise<{ firstDiagnosticsMs: number; waits: number[] }> {
  const s = performance.now();
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'perf-target', version: 1, text },
  });
  const waits: number[] = [];
  let done = false;
  void opened.then(() => {
    done = true;
  });
  while (!done) {
    const t0 = performance.now();
    await conn.sendRequest('textDocument/hover', {
      textDocument: { uri: at.uri },
      position: { line: at.line, character: 1 },
    });
    waits.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5));
  }
  await opened;
  return { firstDiagnosticsMs: performance.now() - s, waits };
}

/**
 * A table pasted as one 5 MB line opens while another document is hovered every 5 ms: the longest
 * a hover waits (the bound is 200 ms), beside the decoding of the message alone.
 */
async function giantLineFigures() {
  const { conn, published, stop } = await benchServer();
  const small = 'file:///bench/small.jxmb';
  const smallText = sample.split('\n').slice(0, 20).join('\n');
  const smallOpen = published(small, 1);
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: small, languageId: 'perf-target', version: 1, text: smallText },
  });
  await smallOpen;
  const rows = sample.split('\n');
  const row = rows.find((l) => l.includes('、1-产出指标')) ?? '';
  const cells = row.split('\t');
  const cell = cells[6] ?? '';
  const giant = [
    ...rows.slice(0, 7),
    [...cells.slice(0, 6), cell.repeat(Math.ceil((5 * MB) / Buffer.byteLength(cell)))].join('\t'),
  ].join('\n');
  const uri = 'file:///bench/one-line.jxmb';
  const decodeMs = openMessageTime(uri, giant);
  const { firstDiagnosticsMs, waits } = await openWhileHovering(conn, published(uri, 1), uri, giant, {
    uri: small,
    line: 10,
  });
  await stop();
  return {
    mb: Buffer.byteLength(giant) / MB,
    firstDiagnosticsMs,
    longestWaitMs: Math.max(...waits),
    decodeMs,
    hovers: waits.length,
  };
}

async function serverFigures(text: string) {
  const { conn, child, published: publishedAt, stop } = await benchServer();
  const uri = 'file:///bench/large.jxmb';
  const published = (version: number) => publishedAt(uri, version);
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  let target = middle;
  while (!(lines[target] ?? '').includes('、1-产出指标') && target < lines.length - 1) target++;
  const line = lines[target] ?? '';

  const openMessageMs = openMessageTime(uri, text);

  // The first diagnostics after didOpen, and the longest the server leaves a request waiting meanwhile.
  const { firstDiagnosticsMs: firstDiagnostics, waits: stalls } = await openWhileHovering(
    conn,
    published(1),
    uri,
    text,
    {
      uri,
      line: target,
    },
  );
  let s: number;

  // Keystrokes in the middle of the file: a one-character edit, then its publishDiagnostics.
  const edits: number[] = [];
  const col = line.lastIndexOf('。');
  /** Types a character before the line's last `。` (`insert`), or deletes it again. */
  const typeAt = (version: number, insert: boolean) =>
    conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        {
          range: { start: { line: target, character: col }, end: { line: target, character: insert ? col : col + 1 } },
          text: insert ? '字' : '',
        },
      ],
    });
  let version = 1;
  /** A keystroke (odd ones delete what even ones typed) and its publishDiagnostics. */
  const keystroke = async (i: number) => {
    version++;
    const next = published(version);
    await typeAt(version, i % 2 === 0);
    await next;
  };
  for (let i = 0; i < 120; i++) {
    s = performance.now();
    await keystroke(i);
    edits.push(performance.now() - s);
    // Between keystrokes, as a clerk types; the interactive requests below are timed while idle.
    await new Promise((r) => setTimeout(r, 20));
  }
  const hovers: number[] = [];
  const completions: number[] = [];
  const cell = line.lastIndexOf('\t') + 1;
  for (let i = 0; i < 120; i++) {
    s = performance.now();
    await conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: target, character: cell + 5 },
    });
    hovers.push(performance.now() - s);
    s = performance.now();
    await conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: target, character: cell + 2 },
    });
    completions.push(performance.now() - s);
  }
  // Let the cross-row check after the last keystroke run too before reading the peak.
  await new Promise((r) => setTimeout(r, 600));
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+([0-9]+)/.exec(status)?.[1] ?? 0);

  // The table view (after the peak was read): opening it is the outline and a window of rows; an
  // edit is its publish, the outline again and the rows whose key changed (the client's debounce and
  // the page's drawing aside).
  const WINDOW = 40;
  s = performance.now();
  let outline = await conn.sendRequest(TableOutlineRequest.type, { uri });
  await conn.sendRequest(TableRowsRequest.type, { uri, version: outline.version, from: 0, to: WINDOW });
  const tableOpenMs = performance.now() - s;
  const viewUpdates: number[] = [];
  for (let i = 0; i < 20; i++) {
    s = performance.now();
    await keystroke(i);
    // As the extension asks: a patch of the outline it holds.
    const answer = await conn.sendRequest(TableOutlineRequest.type, { uri, since: outline.version });
    const projects = answer.patch ? patchedProjects(outline.projects, answer.patch) : answer.projects;
    outline = { ...answer, projects: projects ?? [] };
    const changed = answer.patch ? answer.patch.at : -1;
    if (changed >= 0 && changed < outline.projects.length)
      await conn.sendRequest(TableRowsRequest.type, { uri, version: outline.version, from: changed, to: changed + 1 });
    viewUpdates.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 20));
  }
  await stop();
  return {
    firstDiagnosticsMs: firstDiagnostics,
    openMessageMs,
    maxStallDuringOpenMs: Math.max(...stalls),
    keystroke: { p50: pct(edits, 50), p95: pct(edits, 95), count: edits.length },
    hover: { p50: pct(hovers, 50), p95: pct(hovers, 95) },
    completion: { p50: pct(completions, 50), p95: pct(completions, 95) },
    peakMemoryMB: peakKb / 1024,
    tableView: {
      openMs: tableOpenMs,
      projects: outline.projects.length,
      update: { p50: pct(viewUpdates, 50), p95: pct(viewUpdates, 95) },
    },
  };
}

/** `--check-size N`: the child that times one size (see `checkFigures`). */
const childSize = (() => {
  const i = process.argv.indexOf('--check-size');
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
})();

interface SizeTimes {
  readonly bytes: number;
  readonly base: number[];
  readonly full: number[];
}

/** In a child: generates one size's text and times its baseline and full check in turns. */
function timeOneSize(mb: number, runs: number): SizeTimes {
  const bytes = Buffer.from(generate(sample, mb * MB), 'utf8');
  baseline(bytes);
  fullCheck(bytes);
  const base: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < runs; i++) {
    let s = performance.now();
    baseline(bytes);
    base.push(performance.now() - s);
    s = performance.now();
    fullCheck(bytes);
    full.push(performance.now() - s);
  }
  return { bytes: bytes.length, base, full };
}

/**
 * Each size is timed in a process of its own, as `perf-target check` runs on one file, and the
 * sizes take turns over a few rounds: the shared VM's speed drifts by tens of percent within a run,
 * and a 10 MB block timed in a slow phase against a 50 MB block in a fast one (or the reverse) had
 * made the growth figure swing from 3.9 to 6.0. In one process the sizes also shaped each other's
 * heap (a 10 MB check right after a 50 MB one took 0.69-0.81 s instead of ~0.5 s), and holding
 * every size's bytes at once made each check ~15 % slower. Within a size, baseline and full check
 * take turns too, so their ratio compares like with like. Medians over all rounds.
 */
function checkFigures(sizes: readonly number[], rounds: number, runs: number): Array<Record<string, number>> {
  const all = sizes.map((): { bytes: number; base: number[]; full: number[] } => ({ bytes: 0, base: [], full: [] }));
  for (let round = 0; round < rounds; round++) {
    sizes.forEach((mb, k) => {
      const out = execFileSync(
        process.execPath,
        [...process.execArgv, __filename, '--check-size', String(mb), '--runs', String(mb >= 10 ? runs : runs * 3)],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      const t = JSON.parse(out) as SizeTimes;
      const into = all[k];
      if (!into) return;
      into.bytes = t.bytes;
      into.base.push(...t.base);
      into.full.push(...t.full);
    });
  }
  return all.map(({ bytes, base, full }) => {
    const size = bytes / MB;
    const b = median(base);
    const f = median(full);
    return { mb: size, baselineMs: b, fullMs: f, fullMBps: size / (f / 1000), ratioToBaseline: f / b };
  });
}

async function main(): Promise<void> {
  const workbookSize = process.argv.indexOf('--workbook-size');
  if (workbookSize >= 0) {
    process.stdout.write(JSON.stringify(workbookTimes(sample, Number(process.argv[workbookSize + 1]), 3)));
    return;
  }
  if (childSize !== undefined) {
    const i = process.argv.indexOf('--runs');
    process.stdout.write(JSON.stringify(timeOneSize(childSize, i >= 0 ? Number(process.argv[i + 1]) : 3)));
    return;
  }
  const rows = serverOnly ? [] : checkFigures(SIZES, 3, 3);
  const big = rows[rows.length - 1];
  const mid = rows[1];
  const scaling = big && mid ? ((big.fullMs ?? 0) / (mid.fullMs ?? 1) / ((big.mb ?? 1) / (mid.mb ?? 1))) * 5 : 0;
  // The workbook round trip of the middle size, in a process of its own like each check size.
  const workbook = serverOnly
    ? undefined
    : (JSON.parse(
        execFileSync(process.execPath, [...process.execArgv, __filename, '--workbook-size', String(SIZES[1] ?? 10)], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        }),
      ) as WorkbookTimes);
  const serverText = generate(sample, (SIZES[1] ?? 10) * MB);
  const server = await serverFigures(serverText);
  const giant = await giantLineFigures();
  const serverMB = Buffer.byteLength(serverText) / MB;
  const machine = {
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  };

  const f = (n: number | undefined, d = 1) => (n === undefined ? '?' : n.toFixed(d));
  console.log(
    `\nperf-target benchmark — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}${quick ? ' (quick)' : ''}\n`,
  );
  console.log('size MB | baseline ms | full check ms | MB/s  | full ÷ baseline');
  for (const r of rows)
    console.log(
      `${f(r.mb).padStart(7)} | ${f(r.baselineMs).padStart(11)} | ${f(r.fullMs).padStart(13)} | ${f(r.fullMBps).padStart(5)} | ${f(r.ratioToBaseline, 2).padStart(6)}×`,
    );
  console.log(
    `\ngrowth: ${SIZES[2]} MB time ÷ ${SIZES[1]} MB time = ${f(big && mid ? (big.fullMs ?? 0) / (mid.fullMs ?? 1) : 0, 2)} (${f(scaling, 2)} when normalised to a 5× size step; linear = 5)`,
  );
  if (workbook) {
    const w = workbook;
    console.log(
      `\nworkbook, ${f(w.mb)} MB table (${w.projects} projects, a ${f(w.bookMB, 2)} MB .xlsx), beside its full check (${f(w.checkMs)} ms in the same process):`,
    );
    console.log(`  export --format xlsx   ${f(w.exportMs)} ms = ${f(w.exportMs / w.checkMs, 2)}× the full check`);
    console.log(`  import                 ${f(w.importMs)} ms = ${f(w.importMs / w.checkMs, 2)}× the full check`);
    console.log(
      `  check BOOK.xlsx        ${f(w.checkBookMs)} ms = ${f(w.checkBookMs / w.checkMs, 2)}× the full check of the text`,
    );
  }
  console.log(`\nserver, ${f(serverMB)} MB document open:`);
  console.log(
    `  first diagnostics after didOpen   ${f(server.firstDiagnosticsMs)} ms (longest wait of a request meanwhile: ${f(server.maxStallDuringOpenMs)} ms;`,
  );
  console.log(
    `                                    decoding the didOpen message's bytes alone: ${f(server.openMessageMs)} ms)`,
  );
  console.log(
    `  keystroke → publishDiagnostics    p50 ${f(server.keystroke.p50)} ms, p95 ${f(server.keystroke.p95)} ms (${server.keystroke.count} edits)`,
  );
  console.log(`  hover                             p50 ${f(server.hover.p50, 2)} ms, p95 ${f(server.hover.p95, 2)} ms`);
  console.log(
    `  completion                        p50 ${f(server.completion.p50, 2)} ms, p95 ${f(server.completion.p95, 2)} ms`,
  );
  console.log(
    `  peak memory                       ${f(server.peakMemoryMB)} MB = ${f(server.peakMemoryMB / serverMB, 2)}× the open text`,
  );
  console.log(
    `  table view: open (outline + 40 rows) ${f(server.tableView.openMs)} ms for ${server.tableView.projects} projects;`,
  );
  console.log(
    `              keystroke → view's data p50 ${f(server.tableView.update.p50)} ms, p95 ${f(server.tableView.update.p95)} ms`,
  );
  console.log(`\nserver, ${f(giant.mb)} MB table on one line (hovers elsewhere every 5 ms while it opens):`);
  console.log(
    `  longest wait of a hover           ${f(giant.longestWaitMs)} ms (bound 200 ms; decoding the message alone ${f(giant.decodeMs)} ms = ${f(giant.longestWaitMs / giant.decodeMs, 2)}×)`,
  );
  console.log(
    `  first diagnostics after didOpen   ${f(giant.firstDiagnosticsMs)} ms (${giant.hovers} hovers answered meanwhile)`,
  );
  const results = {
    date: new Date().toISOString(),
    machine,
    quick,
    check: rows,
    workbook: workbook ?? null,
    growth: big && mid ? (big.fullMs ?? 0) / (mid.fullMs ?? 1) : null,
    server: { ...server, documentMB: serverMB, memoryPerMB: server.peakMemoryMB / serverMB },
    giantLine: giant,
  };
  if (serverOnly) return;
  writeFileSync(
    join(root, 'bench', quick ? 'results.quick.json' : 'results.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exitCode = 1;
});
