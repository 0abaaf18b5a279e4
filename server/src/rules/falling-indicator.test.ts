import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { withIndicators } from './examples';
import { fallingIndicator } from './falling-indicator';

const B = '2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(fallingIndicator, [
  {
    name: 'a complaint count written with ≥ (seven-column)',
    rows: withIndicators(`1、1-产出指标；12-质量指标；投诉次数；实施周期指标值：≥3次；年度指标值：不低于3次。${B}`),
    underlines: ['≥', '不低于'],
    messages: [{ zh: '含「投诉」', en: 'should fall (投诉)' }],
  },
  {
    name: 'a floor written after the number',
    rows: withIndicators(`1、1-产出指标；12-质量指标；差错率；实施周期指标值：1%以上；年度指标值：1%以上。${B}`),
    underlines: ['以上', '以上'],
  },
  {
    name: 'a ceiling is right',
    rows: withIndicators(`1、1-产出指标；12-质量指标；安全事故次数；实施周期指标值：≤1次；年度指标值：0次。${B}`),
    underlines: [],
  },
  {
    name: 'handling a falling thing should rise',
    rows: withIndicators(
      `1、1-产出指标；12-质量指标；投诉办结率；实施周期指标值：≥95%；年度指标值：≥95%。2、2-效益指标；22-社会效益；逾期贷款清收率；实施周期指标值：≥80%；年度指标值：≥80%。`,
    ),
    underlines: [],
  },
]);

describe('rule falling-indicator on forms and its fix', () => {
  it('reports a floor in a form’s comparator column and in its value', () => {
    const text = [
      '项目绩效目标表',
      '项目名称\t测试项目',
      '一级指标\t二级指标\t三级指标\t运算符号\t指标值\t计量单位',
      '产出指标\t时效指标\t资金拨付逾期天数\t≥\t0\t天',
      '产出指标\t成本指标\t成本超支额\t\t>0\t万元',
    ].join('\n');
    const found = check(text).filter((f) => f.rule === 'falling-indicator');
    assert.deepEqual(
      found.map((f) => f.line),
      [3, 4],
    );
    const fixed = applyEdits(
      text,
      found.flatMap((f) => f.fixes?.[0]?.edits ?? []),
    );
    assert.ok(fixed.includes('逾期天数\t≤\t0') && fixed.includes('超支额\t\t<0'), fixed);
  });

  it('the fix writes the mirror of the comparator in a seven-column value', () => {
    const text = table(
      withIndicators(`1、1-产出指标；12-质量指标；投诉次数；实施周期指标值：≥3次；年度指标值：≥3次。${B}`),
    );
    const f = check(text).find((x) => x.rule === 'falling-indicator');
    const fixed = applyEdits(text, f?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('实施周期指标值：≤3次'), fixed);
  });
});

describe('rule falling-indicator beside a direction column', () => {
  it('leaves a 反向 indicator written with ≥ to comparator-contradiction: one finding for one slip', () => {
    const text = [
      '项目名称\t某项目',
      '一级指标\t二级指标\t三级指标\t指标方向\t运算符号\t目标值\t计量单位',
      '产出指标\t质量指标\t工程质量事故次数\t反向\t≥\t0\t次',
      '产出指标\t质量指标\t群众投诉次数\t正向\t≥\t0\t次',
    ].join('\n');
    const found = check(text).filter((f) => f.rule === 'falling-indicator' || f.rule === 'comparator-contradiction');
    assert.deepEqual(
      found.map((f) => `${f.line}:${f.rule}`),
      ['2:comparator-contradiction', '3:falling-indicator'],
    );
  });
});
