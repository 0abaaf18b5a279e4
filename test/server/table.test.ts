/**
 * The table view's requests (`perfTarget/tableOutline`, `perfTarget/tableRows`) through the real
 * server: the outline of the sample, rows whose every part's range holds its text, findings on the
 * cell they concern, rows spanning lines, versions, and a 10 MB table answered in bounded time.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { generate } from '../../bench/generate';
import {
  ExportRequest,
  patchedProjects,
  TableOutlineRequest,
  TableRowsRequest,
  type TablePart,
  type TableProjectRow,
  type TableOutlineResult,
} from '../../server/src/protocol';
import { projectRow, unitRow } from '../../server/src/rules/examples';
import { table, textAt } from '../helpers';
import { useServer } from './harness';

const root = join(__dirname, '..', '..', '..');
const sample = readFileSync(join(root, 'seeds', '000_5e46737169912d50.txt'), 'utf8');

/** Every part of a project row, with what to call it. */
function partsOf(row: TableProjectRow): Array<[string, TablePart]> {
  const out: Array<[string, TablePart]> = [
    ['name', row.name],
    ...row.amounts.map((a, i): [string, TablePart] => [`amount${i}`, a]),
  ];
  if (row.goal) out.push(['goal', row.goal]);
  row.indicators.forEach((ind, i) => {
    for (const key of ['seq', 'level1', 'level2', 'name', 'period', 'annual'] as const) {
      const p = ind[key];
      if (p) out.push([`indicator${i}.${key}`, p]);
    }
  });
  return out;
}

async function rejects(p: Promise<unknown>, code: number): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof ResponseError && e.code === code);
}

describe('the table view’s model through the server', function () {
  this.timeout(120000);
  const server = useServer({ locale: 'zh-cn' });

  it(`${TableOutlineRequest.method}: the sample’s tables, units and projects, as the export sees them, with counts`, async () => {
    const uri = 'untitled:sample.jxmb';
    await server.open(uri, sample);
    const status = await server.status(uri);
    const outline: TableOutlineResult = await server.connection.sendRequest(TableOutlineRequest.type, { uri });
    const model = await server.connection.sendRequest(ExportRequest.type, { uri });
    assert.equal(outline.version, 1);
    assert.equal(outline.tables.length, model.tables.length);
    const exported = model.tables.flatMap((t) => [...t.projects, ...t.units.flatMap((u) => u.projects)]);
    assert.equal(outline.projects.length, exported.length);
    assert.equal(outline.summary.projects, status.projects);
    assert.deepEqual(
      outline.projects.map((p) => p.line).sort((a, b) => a - b),
      exported.map((p) => p.line).sort((a, b) => a - b),
    );
    const t = outline.tables[0];
    assert.ok(t);
    assert.equal(t.unit, '万元');
    assert.equal(t.department, '广州市天河区人力资源和社会保障局');
    assert.equal(t.total?.name.text, '合计');
    assert.equal(t.total?.amounts[0]?.value, 67805.48);
    // Each unit's projects are the next `count` of the list, in order, after the loose ones.
    let next = t.first + t.loose.count;
    for (const u of t.units) {
      assert.equal(u.first, next);
      next += u.count;
      const unitModel = model.tables[0]?.units.find((m) => m.line === u.row.line);
      assert.deepEqual(
        outline.projects.slice(u.first, u.first + u.count).map((p) => p.line),
        unitModel?.projects.map((p) => p.line),
      );
    }
    assert.equal(next, t.first + t.count);
    // The summary counts every error and warning, as the status bar does.
    if (outline.summary.checked) {
      assert.equal(outline.summary.counts[0], status.errors);
      assert.equal(outline.summary.counts[1], status.warnings);
    }
    assert.ok(outline.summary.indicators > outline.projects.length);
    const withIndicators = outline.projects.filter((p) => p.indicators > 0);
    assert.ok(withIndicators.length > 0);
  });

  it(`${TableRowsRequest.method}: every part’s range holds its text; findings sit on their cell; values are read`, async () => {
    const uri = 'untitled:sample.jxmb';
    const outline = await server.connection.sendRequest(TableOutlineRequest.type, { uri });
    const { rows } = await server.connection.sendRequest(TableRowsRequest.type, {
      uri,
      version: outline.version,
      from: 0,
      to: outline.projects.length,
    });
    assert.equal(rows.length, outline.projects.length);
    let findings = 0;
    for (const row of rows) {
      assert.equal(row.key, outline.projects[row.index]?.key, 'the outline and the rows agree on the key');
      for (const [what, part] of partsOf(row)) {
        if (what.endsWith('.period') || what.endsWith('.annual') || what.endsWith('.seq')) {
          assert.ok(textAt(sample, part.range).length > 0 || part.text === '', `${row.name.text} ${what}`);
        } else {
          assert.equal(textAt(sample, part.range), part.text, `${row.name.text} ${what}`);
        }
        findings += part.findings?.length ?? 0;
      }
    }
    assert.ok(findings > 0, 'the sample has findings in place');
    // 就业补助资金's first annual value glues two targets: its finding sits on that value.
    const job = rows.find((r) => r.name.text === '就业补助资金');
    const annual = job?.indicators[0]?.annual;
    assert.ok(annual);
    assert.match(annual.text, /^≥20000人次≥45000人次/);
    assert.ok(
      annual.findings?.some((f) => f.rule === 'value-multiple-comparators'),
      JSON.stringify(job?.indicators[0]),
    );
    assert.match(job?.indicators[0]?.period?.reading ?? '', /≥ 20000 人次/);
    assert.equal(job?.indicators[0]?.level1?.text, '1-产出指标');
    assert.equal(job?.indicators[0]?.level2?.text, '11-数量指标');
    assert.equal(job?.indicators[0]?.name?.text, '补贴惠及人次');
  });

  it('a wrong total and a unit that does not add up: the finding on 总计, the difference beside the unit', async () => {
    const uri = 'untitled:sums.jxmb';
    const text = table([
      unitRow('合计', ['3.00', '3.00']),
      unitRow('单位甲', ['3.00', '3.00']),
      projectRow('项目一', ['2.00', '1.00']),
      projectRow('项目二', ['0.50', '0.50']),
    ]);
    await server.open(uri, text);
    const outline = await server.connection.sendRequest(TableOutlineRequest.type, { uri });
    const unit = outline.tables[0]?.units[0];
    assert.ok(unit);
    assert.equal(unit.difference?.[0], 0.5);
    assert.equal(unit.count, 2);
    const { rows } = await server.connection.sendRequest(TableRowsRequest.type, {
      uri,
      version: outline.version,
      from: 0,
      to: 2,
    });
    const first = rows[0];
    assert.ok(
      first?.amounts[0]?.findings?.some((f) => f.rule === 'total-mismatch' && f.severity === 'error'),
      JSON.stringify(first),
    );
    assert.equal(first?.amounts[0]?.value, 2);
    assert.ok((outline.projects[0]?.counts[0] ?? 0) >= 1);
    assert.equal(rows[1]?.amounts[0]?.findings, undefined);
  });

  it('a row spanning lines: its parts’ ranges run across the lines', async () => {
    const uri = 'untitled:multi.jxmb';
    const text = table([
      unitRow('单位甲', ['1.00', '1.00']),
      projectRow('项目一', ['1.00', '1.00'], undefined, '"第一行\n第二行"'),
    ]);
    await server.open(uri, text);
    const outline = await server.connection.sendRequest(TableOutlineRequest.type, { uri });
    const { rows } = await server.connection.sendRequest(TableRowsRequest.type, {
      uri,
      version: outline.version,
      from: 0,
      to: 1,
    });
    const goal = rows[0]?.goal;
    assert.ok(goal);
    assert.equal(goal.text, '第一行\n第二行');
    assert.equal(goal.range.end.line, goal.range.start.line + 1);
    assert.equal(textAt(text, goal.range), goal.text);
    const ind = rows[0]?.indicators[0];
    assert.ok(ind?.name);
    assert.equal(ind.name.range.start.line, goal.range.end.line, 'the indicator cell stands on the second line');
    assert.equal(textAt(text, ind.name.range), ind.name.text);
  });

  it('a request for another version, an unknown uri or no params is refused; an edit changes only its row’s key', async () => {
    const uri = 'untitled:sums.jxmb';
    const before = await server.connection.sendRequest(TableOutlineRequest.type, { uri });
    await rejects(
      server.connection.sendRequest(TableRowsRequest.type, { uri, version: before.version + 1, from: 0, to: 1 }),
      LSPErrorCodes.ContentModified,
    );
    await rejects(
      server.connection.sendRequest(TableOutlineRequest.type, { uri: 'untitled:none.jxmb' }),
      LSPErrorCodes.RequestFailed,
    );
    await rejects(server.connection.sendRequest(TableRowsRequest.method, {}), ErrorCodes.InvalidParams);
    // Change 项目二's name: its key changes, 项目一's stays.
    const line = before.projects[1]?.line ?? -1;
    const next = server.nextDiagnostics(uri);
    server.change(uri, before.version + 1, [
      { range: { start: { line, character: 0 }, end: { line, character: 3 } }, text: '项目贰' },
    ]);
    await next;
    // Asked with the version held, the answer is a patch of that one project.
    const patched = await server.connection.sendRequest(TableOutlineRequest.type, { uri, since: before.version });
    assert.equal(patched.version, before.version + 1);
    assert.deepEqual(patched.projects, []);
    assert.equal(patched.patch?.at, 1);
    assert.equal(patched.patch?.deleteCount, 1);
    assert.deepEqual(
      patched.patch?.items.map((p) => p.name),
      ['项目贰'],
    );
    const after = {
      ...patched,
      projects:
        patchedProjects(before.projects, patched.patch ?? { since: 0, at: 0, deleteCount: 0, items: [], length: -1 }) ??
        [],
    };
    assert.equal(after.projects[1]?.name, '项目贰');
    assert.notEqual(after.projects[1]?.key, before.projects[1]?.key);
    assert.equal(after.projects[0]?.key, before.projects[0]?.key);
    // A version the server did not answer last gets the whole outline.
    const whole = await server.connection.sendRequest(TableOutlineRequest.type, { uri, since: before.version });
    assert.equal(whole.patch, undefined);
    assert.deepEqual(
      whole.projects.map((p) => p.key),
      after.projects.map((p) => p.key),
    );
  });

  it('a 10 MB table: the outline in bounded time, and a window of rows at once', async () => {
    const uri = 'untitled:big.jxmb';
    const text = generate(sample, 10 * 1024 * 1024);
    await server.open(uri, text);
    let started = Date.now();
    const outline = await server.connection.sendRequest(TableOutlineRequest.type, { uri });
    const outlineMs = Date.now() - started;
    assert.ok(outline.projects.length > 10000, `${outline.projects.length} projects`);
    assert.ok(outlineMs < 8000, `outline in ${outlineMs} ms`);
    started = Date.now();
    const middle = Math.floor(outline.projects.length / 2);
    const { rows } = await server.connection.sendRequest(TableRowsRequest.type, {
      uri,
      version: outline.version,
      from: middle,
      to: middle + 60,
    });
    const rowsMs = Date.now() - started;
    assert.equal(rows.length, 60);
    assert.equal(rows[0]?.index, middle);
    assert.equal(rows[0]?.line, outline.projects[middle]?.line);
    assert.ok(rowsMs < 2000, `rows in ${rowsMs} ms`);
    // The window is bounded by MAX_TABLE_ROWS.
    const all = await server.connection.sendRequest(TableRowsRequest.type, {
      uri,
      version: outline.version,
      from: 0,
      to: outline.projects.length,
    });
    assert.equal(all.rows.length, 500);
    console.log(`      10 MB: ${outline.projects.length} projects, outline ${outlineMs} ms, 60 rows ${rowsMs} ms`);
  });
});
