import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { costExceedsBudget } from './cost-exceeds-budget';
import { withIndicators } from './examples';
import { formRows } from './util';

const B = '9、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(costExceedsBudget, [
  {
    name: '亿元 against a 万元 budget',
    rows: withIndicators(
      `1、1-产出指标；14-成本指标；金额；实施周期指标值：≥42亿元；年度指标值：≤100万元。${B}`,
      '110.00',
    ),
    underlines: ['≥42亿元'],
    messages: [
      { zh: '420000 万元超过项目预算 110.00 万元', en: '420000 万元, exceeds the project’s budget of 110.00 万元' },
    ],
  },
  {
    name: '元 converted',
    rows: withIndicators(
      `1、1-产出指标；14-成本指标；单价；实施周期指标值：≤180001元/辆；年度指标值：≤180000元/辆。${B}`,
      '18.00',
    ),
    underlines: ['≤180001元/辆'],
  },
  {
    name: 'equal to the budget is fine',
    rows: withIndicators(
      `1、1-产出指标；14-成本指标；支持资金；实施周期指标值：≥400万元；年度指标值：≥400万元。${B}`,
      '400.00',
    ),
    underlines: [],
  },
  {
    name: 'other classes are not costs',
    rows: withIndicators(
      `1、2-效益指标；21-经济效益；营收；实施周期指标值：6亿元以上；年度指标值：6亿元以上。${B}`,
      '10.00',
    ),
    underlines: [],
  },
]);

const HEAD = ['项目支出绩效目标申报表', '项目名称\t社区助餐服务补助', '预算单位\t某区民政局'];

function onForm(block: readonly string[], rows: readonly string[], header?: string) {
  const text = formRows(rows, [...HEAD, ...block], header).join('\n');
  const found = check(text).filter((f) => f.rule === 'cost-exceeds-budget');
  return { found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule cost-exceeds-budget on application forms', () => {
  it('a cost above the total; a total cost equal to it is fine', () => {
    const { found, underlines } = onForm(
      ['单位：万元', '资金总额\t100', '财政拨款\t100'],
      ['产出指标\t成本指标\t项目总成本\t≤100万元', '\t\t设备购置成本\t≤120万元', '\t\t人均补助\t≤200元/人'],
    );
    assert.deepEqual(underlines, ['≤120万元']);
    assert.ok(found[0]?.message.zh.includes('120 万元超过项目预算 100.00 万元'));
  });

  it('no number in the total: the budget is the sum of the sources, subtotals counted once', () => {
    const block = [
      '单位：万元',
      '项目资金(万元)\t年度资金总额\t金额(万元)',
      '\t(一)财政拨款小计\t6.30',
      '\t1、一般公共预算\t6.30',
      '\t2、政府性基金\t0.00',
      '\t(二)其他收入\t0.00',
    ];
    const { found, underlines } = onForm(block, [
      '项目完成指标\t成本指标\t成本控制\t严格按照预算标准1000元/人兑付补助',
      '\t\t补助总额\t≤6.3万元',
      '\t\t培训费用\t≤8万元',
    ]);
    assert.deepEqual(underlines, ['≤8万元']);
    assert.ok(found[0]?.message.en.includes('the project’s budget (the sum of its sources) of 6.30 万元'));
  });

  it('in the table’s money unit, with the unit column, 250万 as money, and the 2021 成本指标 一级', () => {
    const { underlines } = onForm(
      ['单位：元', '资金总额\t30000'],
      [
        '产出指标\t成本指标\t项目总成本\t5\t万元',
        '\t\t控制在预算成本内\t250万\t',
        '\t\t每餐成本\t5\t元/餐',
        '成本指标\t经济成本指标\t设备成本\t≤4万元\t',
      ],
      '一级指标\t二级指标\t三级指标\t指标值\t计量单位',
    );
    assert.deepEqual(underlines, ['5', '250万', '≤4万元']);
  });

  it('costs equal to a budget of sources (本级 + 上级), and a form without amounts, are silent', () => {
    assert.deepEqual(
      onForm(
        ['单位：万元', '年度本级 预算金额\t250万\t该项目支出上级资金\t0'],
        ['产出指标\t成本指标\t控制在预算成本内\t250万'],
      ).underlines,
      [],
    );
    assert.deepEqual(onForm([], ['产出指标\t成本指标\t项目总成本\t≤100万元']).underlines, []);
  });
});
