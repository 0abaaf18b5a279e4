import * as assert from 'node:assert/strict';
import { check, describeRule, table, underlined } from '../../../test/helpers';
import { projectRow, unitRow } from './examples';
import { subtotalMismatch } from './subtotal-mismatch';
import { formRows } from './util';

const rows = [
  unitRow('合计', ['300.00', '300.00']),
  unitRow('单位甲', ['300.00', '300.00']),
  projectRow('项目一', ['100.00', '100.00']),
  '',
  projectRow('项目二', ['199.99', '199.99']),
];

describeRule(subtotalMismatch, [
  {
    name: 'a unit off by a cent, both columns',
    rows,
    underlines: ['300.00', '300.00'],
    messages: [{ zh: '相差 0.01 万元', en: 'off by 0.01 万元' }],
  },
  { name: 'tolerance', rows, config: { tolerance: 0.01 }, underlines: [] },
  {
    name: '合计 against its units',
    rows: [
      unitRow('合计', ['10.00', '10.00']),
      unitRow('甲', ['4.00', '4.00']),
      projectRow('p1', ['4.00', '4.00']),
      unitRow('乙', ['5.00', '5.00']),
      projectRow('p2', ['5.00', '5.00']),
    ],
    underlines: ['10.00', '10.00'],
    messages: [{ en: 'the sum of the units, 9.00' }],
  },
  {
    name: 'a table without units: 合计 against its projects',
    rows: [unitRow('合计', ['3.00', '3.00']), projectRow('p1', ['1.00', '1.00']), projectRow('p2', ['1.00', '1.00'])],
    underlines: ['3.00', '3.00'],
  },
]);

describe('rule subtotal-mismatch related information', () => {
  it('points at every project of the unit', () => {
    const f = check(table(rows)).find((x) => x.rule === 'subtotal-mismatch');
    assert.deepEqual(
      f?.related?.map((r) => r.line),
      [9, 11],
    );
  });
  it('each table is summed on its own', () => {
    const one = table([unitRow('合计', ['1.00', '1.00']), projectRow('p', ['1.00', '1.00'])]);
    const text = `${one}\n\n${one}`;
    assert.equal(check(text).filter((x) => x.rule === 'subtotal-mismatch').length, 0);
  });
});

function onForm(block: readonly string[]) {
  const text = formRows(undefined, ['绩效目标表', '项目名称\t某单位', ...block]).join('\n');
  const found = check(text).filter((f) => f.rule === 'subtotal-mismatch');
  return { text, found, underlines: found.map((f) => underlined(text, f)) };
}

const DEPARTMENT = ['年度预算安排(万元)\t资金总额\t171.41', '\t项目支出\t60.8', '\t基本支出\t110.61'];
const DUTIES = '年度履职目标\t部门职能\t年度目标任务\t支出项目名称\t预算金额(万元)';

describe('rule subtotal-mismatch on application forms', () => {
  it('a 小计 against the numbered items beneath it', () => {
    const { found, underlines } = onForm([
      '项目资金(万元)\t年度资金总额\t6.40',
      '\t(一)财政拨款小计\t6.40',
      '\t1、一般公共预算\t6.30',
      '\t2、政府性基金\t0.00',
      '\t(二)自有资金小计\t0.00',
      '\t1、事业收入\t0.00',
      '\t(三)其他收入\t0.00',
    ]);
    assert.deepEqual(underlines, ['6.40']);
    assert.equal(found[0]?.line, 3);
    assert.ok(found[0]?.message.zh.includes('财政拨款小计 6.40 ≠ 其下各项之和 6.30（2 项，相差 0.10 万元）'));
    assert.equal(found[0]?.fixes?.[0]?.edits[0]?.newText, '6.30');
  });

  it('a duty paid from 基本支出 against the block’s 基本支出, the duties’ total said with it', () => {
    const { text, found, underlines } = onForm([
      ...DEPARTMENT,
      DUTIES,
      '\t地方志编纂\t完成年度任务\t地情、市志编纂与年鉴出版经费\t49.8',
      '\t人员福利\t按时发放人员福利\t地情、市志编纂与年鉴出版经费\t11',
      '\t日常运行\t按时发放人员工资\t基本支出\t171.41',
    ]);
    assert.deepEqual(underlines, ['171.41']);
    assert.equal(found[0]?.line, 8);
    assert.ok(
      found[0]?.message.zh.includes(
        '预算金额 171.41 ≠ 资金安排的基本支出 110.61；履职目标各项合计 232.21 ≠ 资金总额 171.41',
      ),
    );
    const related = found[0]?.related?.[0];
    assert.ok(found[0] && related);
    assert.equal(underlined(text, { ...found[0], ...related }), '110.61');
  });

  it('the other duties against 项目支出; duties that add up stay silent', () => {
    const off = onForm([
      ...DEPARTMENT,
      DUTIES,
      '\t地方志编纂\t完成年度任务\t编纂经费\t49.8',
      '\t日常运行\t按时发放人员工资\t基本支出\t110.61',
    ]);
    assert.deepEqual(off.underlines, ['60.8']);
    assert.ok(
      off.found[0]?.message.en.includes('≠ the sum of the duties’ spending items, 49.80 (1 items, off by 11.00 万元)'),
    );
    assert.deepEqual(
      onForm([
        ...DEPARTMENT,
        DUTIES,
        '\t地方志编纂\t完成年度任务\t编纂经费\t49.8',
        '\t人员福利\t按时发放人员福利\t编纂经费\t11',
        '\t日常运行\t按时发放人员工资\t基本支出\t110.61',
      ]).underlines,
      [],
    );
  });

  it('duties covering the whole budget without a breakdown to compare with: against the total, at 年度履职目标', () => {
    const { underlines } = onForm([
      '资金总额\t100',
      DUTIES,
      '\t档案整理\t完成数字化\t档案经费\t40',
      '\t日常运行\t按时发放工资\t基本支出\t70',
    ]);
    assert.deepEqual(underlines, ['年度履职目标']);
  });
});

describe('rule subtotal-mismatch: duties that cover the whole budget', () => {
  it('does not hold duties naming their basic spending their own way (机关运转) against 项目支出 alone', () => {
    const text = [
      '部门整体支出绩效目标表',
      '部门(单位)名称\t某局',
      '年度预算资金\t资金总额\t450',
      '\t其中：基本支出\t300',
      '\t项目支出\t150',
      '年度主要任务\t任务名称\t主要内容\t预算金额',
      '\t机关运转\t保障人员工资及日常公用经费\t300',
      '\t监管信息化建设\t建设平台\t150',
      '一级指标\t二级指标\t三级指标\t目标值',
      '产出指标\t数量指标\t平台建设数\t1个',
    ].join('\n');
    assert.deepEqual(
      check(text)
        .filter((f) => f.rule === 'subtotal-mismatch' || f.rule === 'total-mismatch')
        .map((f) => f.message.en),
      [],
    );
  });
});
