import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table, underlined } from '../../../test/helpers';
import { projectRow, unitRow } from './examples';
import { totalMismatch } from './total-mismatch';
import { formRows } from './util';

describeRule(totalMismatch, [
  {
    name: 'off by one cent',
    rows: [projectRow('项目', ['100.00', '99.99'])],
    underlines: ['100.00'],
    messages: [{ zh: '相差 0.01 万元', en: 'off by 0.01 万元' }],
  },
  {
    name: 'a cent within the tolerance',
    rows: [projectRow('项目', ['100.00', '99.99'])],
    config: { tolerance: 0.01 },
    underlines: [],
  },
  {
    name: 'unit and 合计 rows too',
    rows: [unitRow('合计', ['5.00', '4.00']), unitRow('单位', ['5.00', '4.00', '1.00'])],
    underlines: ['5.00'],
  },
  {
    name: 'thousands separators are read',
    rows: [projectRow('项目', ['1,100.00', '1,000.00', '', '100.00'])],
    underlines: [],
  },
  { name: 'an invalid source is left to amount-invalid', rows: [projectRow('项目', ['100.00', 'x'])], underlines: [] },
]);

describe('rule total-mismatch fix', () => {
  it('offers the recomputed total, not as a safe fix', () => {
    const text = table([projectRow('项目', ['100.00', '90.00', '5.5'])]);
    const f = check(text).find((x) => x.rule === 'total-mismatch');
    assert.equal(f?.fixes?.[0]?.safe, false);
    const fixed = applyEdits(text, f?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('项目\t95.50\t90.00\t5.5'));
  });
});

function onForm(block: readonly string[], config = {}) {
  const text = formRows(undefined, ['项目支出绩效目标申报表', '项目名称\t社区助餐服务补助', ...block]).join('\n');
  const found = check(text, config).filter((f) => f.rule === 'total-mismatch');
  return { text, found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule total-mismatch on application forms', () => {
  it('资金总额 against its sources, with the parts related and a fix', () => {
    const { text, found, underlines } = onForm(['资金总额\t100', '其中：财政拨款\t80', '其他资金\t10']);
    assert.deepEqual(underlines, ['100']);
    assert.ok(found[0]?.message.zh.includes('资金总额 100.00 ≠ 财政拨款 + 其他资金 = 90.00（相差 10.00 万元）'));
    assert.equal(found[0]?.related?.length, 2);
    const fixed = applyEdits(text, found[0]?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('资金总额\t90.00'));
    assert.deepEqual(onForm(fixed.split('\n').slice(2)).underlines, []);
  });

  it('a department’s 基本支出 + 项目支出 against 资金总额; subtotals count once, their items not', () => {
    assert.deepEqual(
      onForm(['年度预算安排(万元)\t资金总额\t171.41', '\t项目支出\t60.8', '\t基本支出\t110.6']).underlines,
      ['171.41'],
    );
    assert.deepEqual(
      onForm([
        '项目资金(万元)\t年度资金总额\t6.30',
        '\t(一)财政拨款小计\t6.30',
        '\t1、一般公共预算\t6.30',
        '\t2、政府性基金\t0.00',
        '\t(二)自有资金小计\t0.00',
        '\t(三)其他收入\t0.00',
      ]).underlines,
      [],
    );
  });

  it('silent when the sums hold, within the tolerance, for one “of which” part, and without a number to compare', () => {
    assert.deepEqual(onForm(['资金总额\t3', '其中: 财政拨款数\t3', '其他资金\t0']).underlines, []);
    assert.deepEqual(onForm(['资金总额\t3', '财政拨款\t2.99', '其他资金\t0'], { tolerance: 0.01 }).underlines, []);
    assert.deepEqual(onForm(['资金总额\t250', '其中：财政拨款\t200']).underlines, []);
    assert.deepEqual(onForm(['资金总额\t金额(万元)', '财政拨款\t6.3']).underlines, []);
    assert.deepEqual(onForm(['年度本级预算金额\t250万\t上级资金\t0']).underlines, []);
  });

  it('a total written with its unit gets no fix', () => {
    const { found } = onForm(['资金总额\t250万', '财政拨款\t200', '其他资金\t40']);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.fixes, undefined);
  });
});
