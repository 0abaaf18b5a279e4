import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  LSPErrorCodes,
  SymbolKind,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { GOOD_INDICATORS, projectRow, unitRow } from '../../server/src/rules/examples';
import { messageOf, table } from '../helpers';
import { FocusNotification } from '../../server/src/protocol';
import { startServer, useServer } from './harness';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));
const ROWS = [
  unitRow('合计', ['3.00', '3.00']),
  unitRow('单位', ['3.00', '3.00']),
  projectRow('😀培训𠀋项目', ['1.00', '1.00']),
  projectRow('就业项目', ['2.00', '2.00']),
];
const TEXT = table(ROWS);
const lines = TEXT.split('\n');
const P1 = lines.findIndex((l) => l.startsWith('😀'));

describe('language server: editing, completion, settings', function () {
  this.timeout(30000);
  let dir: string;
  let uri: string;
  let version = 1;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'perf-target-edit-'));
  });
  const server = useServer(() => ({ folders: [pathToFileURL(dir).toString()] }));
  before(async () => {
    uri = pathToFileURL(join(dir, 'edit.jxmb')).toString();
    const d = await server.open(uri, TEXT);
    assert.deepEqual(codes(d), []);
    // As VS Code does, the client says where its cursor is: at the top, away from the edits below,
    // so that their findings show at once (an editor that never says waits for typing to pause).
    await server.connection.sendNotification(FocusNotification.type, { uri, line: 0, character: 0 });
  });

  it('re-checks after an incremental edit, at UTF-16 positions past surrogate pairs', async () => {
    const line = lines[P1] ?? '';
    const at = line.indexOf('\t') + 1;
    // Replace the total 1.00 with 5.00: total-mismatch on this row, at once (a row rule).
    const next = server.nextDiagnostics(uri, (p) => codes(p).includes('total-mismatch'));
    server.change(uri, ++version, [
      { range: { start: { line: P1, character: at }, end: { line: P1, character: at + 4 } }, text: '5.00' },
    ]);
    const d = (await next).diagnostics.find((x) => x.code === 'total-mismatch');
    assert.deepEqual(d?.range, { start: { line: P1, character: at }, end: { line: P1, character: at + 4 } });
    assert.equal(at, '😀培训𠀋项目'.length + 1);
    // The unit's subtotal follows once typing pauses.
    await server.nextDiagnostics(uri, (p) => codes(p).includes('subtotal-mismatch'));
  });

  it('reports a broken indicator while typing and clears it when fixed', async () => {
    const line = lines[P1] ?? '';
    const start = line.indexOf('11-数量指标');
    const broken = server.nextDiagnostics(uri, (p) => codes(p).includes('indicator-syntax'));
    server.change(uri, ++version, [
      { range: { start: { line: P1, character: start - 1 }, end: { line: P1, character: start } }, text: '' },
    ]);
    const d = (await broken).diagnostics.find((x) => x.code === 'indicator-syntax');
    assert.equal(d?.range.start.line, P1);
    const fixed = server.nextDiagnostics(uri, (p) => !codes(p).includes('indicator-syntax'));
    server.change(uri, ++version, [
      { range: { start: { line: P1, character: start - 1 }, end: { line: P1, character: start - 1 } }, text: '；' },
    ]);
    await fixed;
  });

  it('holds back findings of the indicator being typed (focus mode) until the cursor leaves', async () => {
    const line = lines[P1] ?? '';
    const valueAt = line.indexOf('≥100人次');
    const typed = server.nextDiagnostics(uri, (p) => codes(p).includes('value-period-annual-mismatch'));
    // The whole-period value becomes smaller than the annual one.
    server.change(uri, ++version, [
      { range: { start: { line: P1, character: valueAt + 1 }, end: { line: P1, character: valueAt + 4 } }, text: '10' },
    ]);
    await typed;
    const hidden = server.nextDiagnostics(uri, (p) => !codes(p).includes('value-period-annual-mismatch'));
    await server.connection.sendNotification(FocusNotification.type, { uri, line: P1, character: valueAt + 2 });
    await hidden;
    const shown = server.nextDiagnostics(uri, (p) => codes(p).includes('value-period-annual-mismatch'));
    await server.connection.sendNotification(FocusNotification.type, { uri, line: 0, character: 0 });
    await shown;
    const restored = server.nextDiagnostics(uri, (p) => !codes(p).includes('value-period-annual-mismatch'));
    server.change(uri, ++version, [
      {
        range: { start: { line: P1, character: valueAt + 1 }, end: { line: P1, character: valueAt + 3 } },
        text: '100',
      },
    ]);
    await restored;
  });

  async function completionAt(cellText: string): Promise<CompletionList> {
    const line = [`试验项目`, '1.00', '1.00', '', '', '目标', cellText].join('\t');
    const lineNo = lines.length;
    const done = server.nextDiagnostics(uri);
    server.change(uri, ++version, [
      { range: { start: { line: lineNo, character: 0 }, end: { line: lineNo + 1, character: 0 } }, text: `${line}\n` },
    ]);
    if (version === 6) await done;
    const list = await server.connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: lineNo, character: line.length },
    });
    return list;
  }

  before(() => {
    // A line to complete in, after the table.
    server.change(uri, ++version, [
      { range: { start: { line: lines.length, character: 0 }, end: { line: lines.length, character: 0 } }, text: '\n' },
    ]);
  });

  it('completes level-1 codes after a sequence number, in the file’s punctuation', async () => {
    const list = await completionAt('1、');
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['1-产出指标', '2-效益指标', '3-满意度指标'],
    );
    const edit = list.items[0]?.textEdit;
    assert.ok(edit && 'range' in edit);
    assert.equal(edit.newText, '1-产出指标；');
  });

  it('completes only the level-2 codes of the level-1 code', async () => {
    const list = await completionAt('1、3-满意度指标；');
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['31-服务对象满意度'],
    );
  });

  it('completes indicator names used under that code in the workspace', async () => {
    const list = await completionAt('1、1-产出指标；11-数量指标；');
    assert.ok(
      list.items.some((i) => i.label === '培训人次'),
      JSON.stringify(list.items.map((i) => i.label)),
    );
  });

  it('completes labels, then proposes the annual value from the period value', async () => {
    const labels = await completionAt('1、1-产出指标；11-数量指标；培训人次；');
    assert.deepEqual(
      labels.items.map((i) => i.label),
      ['实施周期指标值：', '年度指标值：'],
    );
    const annual = await completionAt('1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥50人次；年度指标值：');
    assert.equal(annual.items[0]?.label, '≥50人次');
    const units = await completionAt('1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥50');
    assert.ok(units.items.some((i) => i.label === '≥50人次'));
    const rates = await completionAt('1、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥90');
    assert.deepEqual(
      rates.items.map((i) => i.label),
      ['≥90%'],
    );
  });

  it('offers a whole new indicator with the next number after a full stop', async () => {
    const list = await completionAt(`${GOOD_INDICATORS}`);
    assert.equal(list.items[0]?.label, '3、new indicator');
    assert.equal(list.items[0]?.insertTextFormat, 2);
  });

  it('applies settings from the editor and from .perf-target.json without a restart', async () => {
    // The table's sums are off (5.00 was typed above), so subtotal-mismatch fires unless turned off;
    // the publish awaited below comes from the full re-check that a settings change triggers.
    server.settings = { rules: { 'subtotal-mismatch': 'off' }, tolerance: null };
    writeFileSync(join(dir, '.perf-target.json'), JSON.stringify({ rules: { 'total-mismatch': 'hint' } }));
    const next = server.nextDiagnostics(uri, (p) =>
      p.diagnostics.some((d) => d.code === 'total-mismatch' && d.severity === 4),
    );
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const d = await next;
    assert.ok(!codes(d).includes('subtotal-mismatch'));
  });

  it('answers a cancelled request and keeps serving', async () => {
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest('workspace/symbol', { query: '' }, source.token);
    source.cancel();
    await pending.then(
      () => undefined,
      (e: { code?: number }) => assert.equal(e.code, -32800),
    );
    const h = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: P1, character: 1 },
    });
    assert.ok(h);
  });
});

describe('language server in Chinese', function () {
  this.timeout(30000);
  it('speaks the client’s display language', async () => {
    const server = await startServer({ locale: 'zh-cn' });
    try {
      const uri = 'untitled:表1';
      const d = await server.open(
        uri,
        table([projectRow('项目', ['2.00', '1.00']), projectRow('项目二', ['2.00', '1.00'])]),
      );
      const msg = d.diagnostics.find((x) => x.code === 'total-mismatch')?.message;
      assert.match(typeof msg === 'string' ? msg : '', /^总计 2\.00 ≠ 财政拨款/);
      // The note counting findings left out of a capped list is in Chinese too.
      server.settings = { maxDiagnosticsPerFile: 1 };
      const capped = server.nextDiagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'omitted-findings'));
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      const note = (await capped).diagnostics.find((x) => x.code === 'omitted-findings');
      assert.match(messageOf(note), /^另有 2 个错误，0 个警告，0 条提示未列出：每个文件最多列出 1 条/);
    } finally {
      await server.stop();
    }
  });
});

describe('language server: a file with more findings than the editor lists', function () {
  this.timeout(30000);
  // 40 projects: each total is wrong (an error); every fifth also has a whole-period value below
  // its annual one (a warning).
  const WEAK = GOOD_INDICATORS.replace('实施周期指标值：≥100人次', '实施周期指标值：≥10人次');
  const rows = Array.from({ length: 40 }, (_, i) =>
    projectRow(`项目${i}`, ['2.00', '1.00'], i % 5 === 0 ? WEAK : GOOD_INDICATORS),
  );
  const text = table(rows);
  const lineOf = (i: number) => text.split('\n').findIndex((l) => l.startsWith(`项目${i}\t`));
  const listed = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code !== 'omitted-findings');
  /** `n` projects whose totals are all wrong (an error each), and where each project stands. */
  const wrongTotals = (n: number) => {
    const big = table(Array.from({ length: n }, (_, i) => projectRow(`项目${i}`, ['2.00', '1.00'])));
    const bigLines = big.split('\n');
    return { big, bigLines, lineOfProject: (i: number) => bigLines.findIndex((l) => l.startsWith(`项目${i}\t`)) };
  };

  it('lists the edited row, errors and the findings near the cursor first, with a note counting the rest', async () => {
    const server = await startServer();
    try {
      const uri = 'untitled:city';
      assert.equal((await server.open(uri, text)).diagnostics.length, 48);
      server.settings = { maxDiagnosticsPerFile: 10 };
      let next = server.nextDiagnostics(uri, (p) => p.diagnostics.length === 10);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      let d = await next;
      const note = d.diagnostics.find((x) => x.code === 'omitted-findings');
      // 40 errors and 8 warnings: 9 errors listed, 31 errors and 8 warnings counted in the note.
      assert.match(messageOf(note), /^31 error\(s\), 8 warning\(s\), 0 note\(s\) more not listed: at most 10/);
      assert.equal(note?.severity, 3);
      // No cursor yet: the first nine projects' errors.
      assert.deepEqual(
        listed(d).map((x) => [x.code, x.range.start.line]),
        Array.from({ length: 9 }, (_, i) => ['total-mismatch', lineOf(i)]),
      );

      // The cursor moves far down: the listed findings follow it.
      next = server.nextDiagnostics(uri, (p) => listed(p).some((x) => x.range.start.line === lineOf(30)));
      await server.connection.sendNotification(FocusNotification.type, { uri, line: lineOf(30), character: 0 });
      d = await next;
      // Project 30's own error and warning, then the errors nearest it: projects 26 to 33.
      assert.deepEqual(
        listed(d).map((x) => x.range.start.line),
        [26, 27, 28, 29, 30, 30, 31, 32, 33].map(lineOf),
      );

      // An edit on project 10: its warning is listed although errors elsewhere outnumber the cap.
      await server.connection.sendNotification(FocusNotification.type, { uri, line: lineOf(10), character: 0 });
      const line = text.split('\n')[lineOf(10)] ?? '';
      const at = line.indexOf('培训人次');
      next = server.nextDiagnostics(uri, (p) => p.version === 2);
      server.change(uri, 2, [
        {
          range: { start: { line: lineOf(10), character: at }, end: { line: lineOf(10), character: at } },
          text: '参加',
        },
      ]);
      d = await next;
      const own = listed(d)
        .filter((x) => x.range.start.line === lineOf(10))
        .map((x) => x.code)
        .sort();
      assert.deepEqual(own, ['total-mismatch', 'value-period-annual-mismatch']);
      assert.equal(d.diagnostics.length, 10);
      // The status bar still counts every finding.
      const status = server.statuses.filter((s) => s.uri === uri).pop();
      assert.deepEqual([status?.errors, status?.warnings], [40, 8]);
    } finally {
      await server.stop();
    }
  });

  it('opens a large file in slices and lists the findings nearest the cursor, rebuilding dropped rows', async () => {
    const server = await startServer();
    try {
      // Above the size opened in slices, with more rows than the checker keeps results for.
      const n = 6000;
      const { big, lineOfProject } = wrongTotals(n);
      const uri = 'untitled:large';
      let d = await server.open(uri, big);
      assert.equal(d.diagnostics.length, 1000);
      assert.deepEqual(
        d.diagnostics.filter((x) => x.code === 'total-mismatch').map((x) => x.range.start.line),
        Array.from({ length: 999 }, (_, i) => lineOfProject(i)),
      );
      // Far down: those rows' results were dropped long ago and are built again for the list.
      const next = server.nextDiagnostics(uri, (p) =>
        p.diagnostics.some((x) => x.range.start.line === lineOfProject(n - 1)),
      );
      await server.connection.sendNotification(FocusNotification.type, {
        uri,
        line: lineOfProject(n - 1),
        character: 0,
      });
      d = await next;
      const listed = d.diagnostics.filter((x) => x.code === 'total-mismatch');
      assert.equal(listed.length, 999);
      assert.ok(listed.every((x) => x.range.start.line >= lineOfProject(n - 999)));
      assert.match(messageOf(d.diagnostics.find((x) => x.code === 'omitted-findings')), /^5001 error\(s\)/);
    } finally {
      await server.stop();
    }
  });

  it('lists everything when the limit is 0, and at most 1000 by default', async () => {
    const server = await startServer();
    try {
      const big = table(Array.from({ length: 1200 }, (_, i) => projectRow(`项目${i}`, ['2.00', '1.00'])));
      let d = await server.open('untitled:big', big);
      assert.equal(d.diagnostics.length, 1000);
      assert.match(messageOf(d.diagnostics.find((x) => x.code === 'omitted-findings')), /^201 error\(s\)/);
      server.settings = { maxDiagnosticsPerFile: 0 };
      const next = server.nextDiagnostics('untitled:big', (p) => p.diagnostics.length > 1000);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      d = await next;
      assert.ok(d.diagnostics.length >= 1200);
      assert.ok(!d.diagnostics.some((x) => x.code === 'omitted-findings'));
    } finally {
      await server.stop();
    }
  });

  it('checks again in slices the rows around a keystroke far from those checked last', async () => {
    const server = await startServer();
    try {
      // More rows than the checker keeps results for: those near the end were dropped after the open.
      const n = 6000;
      const { big, bigLines, lineOfProject } = wrongTotals(n);
      const uri = 'untitled:far';
      await server.open(uri, big);
      const line = lineOfProject(n - 10);
      const at = (bigLines[line] ?? '').indexOf('培训人次');
      const answered: string[] = [];
      const published = server
        .nextDiagnostics(uri, (p) => p.version === 2)
        .then((p) => {
          answered.push('diagnostics');
          return p;
        });
      server.change(uri, 2, [
        { range: { start: { line, character: at }, end: { line, character: at } }, text: '参加' },
      ]);
      // Sent after the edit: answered while the rows around it are checked again.
      await server.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 9, character: 1 },
      });
      answered.push('hover');
      const d = await published;
      assert.deepEqual(answered, ['hover', 'diagnostics']);
      const listed = d.diagnostics.filter((x) => x.code === 'total-mismatch').map((x) => x.range.start.line);
      assert.equal(listed.length, 999);
      assert.ok(
        listed.includes(line) && listed.every((l) => l >= lineOfProject(n - 999)),
        'the rows nearest the edit are listed',
      );
    } finally {
      await server.stop();
    }
  });

  it('answers the outline and formatting of a large file in slices, and ends them when the file changes', async () => {
    const server = await startServer();
    try {
      // Amounts without separators: formatting has something to do on every row. Big enough that
      // the outline takes several 10 ms slices even on a machine several times faster than CI's.
      const n = 15000;
      const big = table([
        unitRow('合计', ['30000.00', '15000.00']),
        ...Array.from({ length: n }, (_, i) => projectRow(`项目${i}`, ['2000.00', '1000.00'])),
      ]);
      const uri = 'untitled:sliced';
      await server.open(uri, big);
      const td = { textDocument: { uri } };
      const answered: string[] = [];
      // The outline takes several slices: a hover sent after it is answered before it.
      const outline = server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', td).then((r) => {
        answered.push('outline');
        return r;
      });
      const hover = server.connection
        .sendRequest<Hover | null>('textDocument/hover', { ...td, position: { line: 9, character: 1 } })
        .then(() => answered.push('hover'));
      const symbols = await outline;
      await hover;
      assert.deepEqual(answered, ['hover', 'outline']);
      const count = (list: readonly DocumentSymbol[]): number =>
        list.reduce((k, x) => k + (x.kind === SymbolKind.Function ? 1 : 0) + count(x.children ?? []), 0);
      assert.equal(count(symbols), n);
      // Formatting answers every row; an edit while it runs makes it moot: ContentModified.
      const edits = await server.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
        ...td,
        options: { tabSize: 4, insertSpaces: false },
      });
      assert.equal(edits.length, n + 1);
      const formatting = server.connection.sendRequest('textDocument/formatting', {
        ...td,
        options: { tabSize: 4, insertSpaces: false },
      });
      server.change(uri, 2, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' },
      ]);
      await formatting.then(
        () => assert.fail('formatting answered for text that had changed'),
        (e: { code?: number }) => assert.equal(e.code, LSPErrorCodes.ContentModified),
      );
    } finally {
      await server.stop();
    }
  });
});
