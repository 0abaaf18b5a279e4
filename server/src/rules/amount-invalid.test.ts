import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { amountInvalid } from './amount-invalid';
import { projectRow, unitRow } from './examples';
import { formRows } from './util';

describeRule(amountInvalid, [
  {
    name: 'a unit in the amount',
    rows: [projectRow('项目', ['100万', '100.00'])],
    underlines: ['100万'],
    messages: [{ zh: '总计“100万”不是金额', en: 'total “100万” is not an amount' }],
  },
  {
    name: 'HTML around a valid amount is not this rule',
    rows: [projectRow('项目', ['<p>100.00</p>', '100.00'])],
    underlines: [],
  },
  {
    name: 'full-width digits are an amount (amount-style writes them in ASCII)',
    rows: [unitRow('单位', ['１００', '１００']), projectRow('项目', ['１，２３４．５０', '1,234.50'])],
    underlines: [],
  },
  {
    name: 'a full-width unit is not',
    rows: [unitRow('单位', ['', '１００万'])],
    underlines: ['１００万'],
    messages: [{ en: 'fiscal appropriation' }],
  },
  {
    name: 'negative and plain numbers are amounts',
    rows: [projectRow('项目', ['-1.00', '-1.00']), projectRow('项目二', ['1234.5', '1234.5'])],
    underlines: [],
  },
]);

function onForm(block: readonly string[]) {
  const text = formRows(undefined, ['项目支出绩效目标申报表', '项目名称\t社区助餐服务补助', ...block]).join('\n');
  const found = check(text).filter((f) => f.rule === 'amount-invalid');
  return { found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule amount-invalid on application forms', () => {
  it('a total whose cell holds a column’s name, and amounts that are no number', () => {
    const { found, underlines } = onForm([
      '项目资金(万元)\t年度资金总额\t金额(万元)',
      '\t(一)财政拨款小计\t六万三千',
      '\t1、一般公共预算\t6.30',
      '\t(二)其他收入\t0.00',
    ]);
    assert.deepEqual(underlines, ['金额(万元)', '六万三千']);
    assert.ok(found[0]?.message.zh.includes('“年度资金总额”没有金额：单元格里是列名“金额(万元)”，应填写万元数'));
    assert.ok(found[1]?.message.en.includes('the amount of “财政拨款小计”, “六万三千”, is not a number'));
  });

  it('numbers, numbers with their unit (250万) and an empty heading stay silent', () => {
    assert.deepEqual(
      onForm(['单位：万元', '项目资金\t资金总额\t1,250.5', '\t年度本级预算金额\t250万', '\t上级资金\t1,000.50'])
        .underlines,
      [],
    );
  });

  it('a duty’s amount that is no number', () => {
    const { underlines } = onForm([
      '资金总额\t60',
      '年度履职目标\t部门职能\t年度目标任务\t支出项目名称\t预算金额(万元)',
      '\t档案整理\t完成馆藏档案数字化\t档案数字化经费\t待定',
      '\t档案利用\t开放档案查阅服务\t档案利用经费\t60',
    ]);
    assert.deepEqual(underlines, ['待定']);
  });
});
