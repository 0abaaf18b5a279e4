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

  it('an application form (CRLF, a merged 一级 cell): its project, details and grid read from the model', async () => {
    const uri = 'untitled:form.jxmb';
    const form = (name: string) => [
      '2024年项目支出绩效目标申报表',
      '填报单位：（盖章）  单位：万元',
      `项目名称\t${name}\t主管部门\t某市城市管理局`,
      '项目资金\t资金总额\t120',
      '\t其中：财政拨款\t100',
      '\t其他资金\t20',
      '实施期\t2024.01-2024.12',
      '年度绩效目标\t完成主次干道清扫保洁，垃圾日产日清',
      '一级指标\t二级指标\t三级指标\t运算符号\t指标值\t计量单位\t分值\t备注',
      '产出指标\t数量指标\t清扫保洁面积\t≥\t300\t万平方米\t40\t',
      '\t质量指标\t垃圾清运率\t=\t≥60%\t%\t30\t',
      '\t时效指标\t完成时间\t≤\t12\t月\t20\t',
      '效益指标\t满意度指标\t群众满意度\t≥\t90\t%\t20\t抽样调查',
    ];
    const text = [...form('城乡环卫一体化运营'), '', ...form('公厕管护')].join('\r\n') + '\r\n';
    await server.open(uri, text);
    const status = await server.status(uri);
    const outline: TableOutlineResult = await server.connection.sendRequest(TableOutlineRequest.type, { uri });
    // Two forms, a table each, a project each; not a seven-column project among them.
    assert.deepEqual(
      outline.tables.map((t) => [t.layout, t.title, t.unit, t.unitStated, t.year, t.first, t.count]),
      [
        ['form', '2024年项目支出绩效目标申报表', '万元', true, 2024, 0, 1],
        ['form', '2024年项目支出绩效目标申报表', '万元', true, 2024, 1, 1],
      ],
    );
    assert.equal(outline.tables[0]?.department, '某市城市管理局');
    assert.deepEqual(
      outline.projects.map((p) => [p.name, p.line, p.amounts[0], p.indicators, p.form?.details]),
      [
        ['城乡环卫一体化运营', 0, 120, 4, 6],
        ['公厕管护', 14, 120, 4, 6],
      ],
    );
    const columns = ['level1', 'level2', 'name', 'comparator', 'value', 'unit', 'weight', 'note'];
    assert.deepEqual(outline.projects[0]?.form?.columns, columns);
    assert.equal(outline.summary.projects, 2);
    assert.equal(outline.summary.indicators, 8);
    if (outline.summary.checked) {
      assert.equal(outline.summary.counts[0], status.errors);
      assert.equal(outline.summary.counts[1], status.warnings);
    }
    // A form's findings come from the document pass: its project counts those of its lines.
    const first = outline.projects[0];
    assert.ok(first && first.counts[0] + first.counts[1] >= 4, JSON.stringify(first?.counts));

    const { rows } = await server.connection.sendRequest(TableRowsRequest.type, {
      uri,
      version: outline.version,
      from: 0,
      to: 2,
    });
    assert.deepEqual(
      rows.map((r) => [r.index, r.key, r.name.text]),
      outline.projects.map((p, i) => [i, p.key, p.name]),
    );
    const row = rows[0];
    const f = row?.form;
    assert.ok(row && f, JSON.stringify(row));
    assert.deepEqual(row.indicators, []);
    assert.equal(row.amounts[0]?.value, 120);
    assert.deepEqual(f.columns, columns);
    // Every part's range holds its text, through CRLF lines.
    const parts: Array<[string, TablePart]> = [['name', row.name]];
    for (const [what, field] of [
      ['department', f.department],
      ['period', f.period],
      ['annual goal', f.goals.annual],
    ] as const) {
      assert.ok(field, what);
      parts.push([`${what} value`, field.value]);
      if (field.label) parts.push([`${what} label`, field.label]);
    }
    f.amounts.forEach((a, i) => {
      parts.push([`amount${i} label`, a.label]);
      if (a.cell) parts.push([`amount${i}`, a.cell]);
    });
    f.indicators.forEach((ind, i) => {
      for (const [c, part] of Object.entries(ind.cells)) parts.push([`indicator${i}.${c}`, part]);
    });
    for (const [what, part] of parts) assert.equal(textAt(text, part.range), part.text, what);
    assert.equal(f.department?.label?.text, '主管部门');
    assert.equal(f.department?.value.text, '某市城市管理局');
    assert.equal(f.period?.value.text, '2024.01-2024.12');
    assert.equal(f.goals.period, null);
    assert.equal(f.goals.annual?.value.text, '完成主次干道清扫保洁，垃圾日产日清');
    assert.deepEqual(
      f.amounts.map((a) => [a.label.text, a.role, a.depth, a.cell?.value]),
      [
        ['资金总额', 'total', 0, 120],
        ['其中：财政拨款', 'source', 1, 100],
        ['其他资金', 'source', 1, 20],
      ],
    );
    // The grid: the merged 一级 cell is carried down, its range the cell that wrote it.
    const [a, b, c, d] = f.indicators;
    assert.ok(a && b && c && d);
    assert.deepEqual(
      f.indicators.map((ind) => [ind.cells.level1?.text, ind.cells.level1?.carried ?? false, ind.cells.name?.text]),
      [
        ['产出指标', false, '清扫保洁面积'],
        ['产出指标', true, '垃圾清运率'],
        ['产出指标', true, '完成时间'],
        ['效益指标', false, '群众满意度'],
      ],
    );
    assert.deepEqual(b.cells.level1?.range, a.cells.level1?.range);
    assert.equal(b.cells.level1?.findings, undefined);
    assert.equal(b.range.start.line, 10);
    assert.equal(d.cells.note?.text, '抽样调查');
    assert.equal(a.cells.note, undefined, 'an empty cell is absent');
    assert.match(b.cells.value?.reading ?? '', /60/);
    // Findings sit on the cell they concern: the comparator against the value, the 二级 under the wrong 一级.
    const rulesOf = (part: { readonly findings?: readonly { readonly rule: string }[] } | undefined) =>
      (part?.findings ?? []).map((x) => x.rule);
    const bCells = [b.cells.comparator, b.cells.value, b.cells.unit];
    assert.ok(
      bCells.some((p) => rulesOf(p).includes('comparator-contradiction')),
      JSON.stringify(b),
    );
    assert.ok(rulesOf(d.cells.level2).includes('code-parent-mismatch'), JSON.stringify(d));
    for (const [what, part] of parts)
      for (const x of part.findings ?? [])
        assert.equal(textAt(text, x.range).length <= textAt(text, part.range).length, true, `${what} ${x.rule}`);
    // The second form's project: its own lines.
    assert.equal(rows[1]?.form?.indicators[0]?.range.start.line, 23);
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
