import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, underlined } from '../../../test/helpers';
import { amountWrittenUnit } from './amount-written-unit';
import { withIndicators } from './examples';

describeRule(amountWrittenUnit, [
  {
    name: 'a seven-column cost value is another rule’s',
    rows: withIndicators('1、1-产出指标；14-成本指标；服务总成本；实施周期指标值：≤250万；年度指标值：≤250万。'),
    underlines: [],
  },
]);

const form = (amount: string, cost: string, unitLine = '填报单位:(盖章) 单位:万元'): string =>
  [
    '项目支出绩效目标申报表',
    unitLine,
    '项目支出名称\t雾炮车降尘抑尘服务',
    `年度本级预算金额\t${amount}`,
    '该项目支出上级资金\t0',
    '一级指标\t二级指标\t三级指标\t指标值及单位',
    `产出指标\t成本指标\t控制在预算成本内\t${cost}`,
  ].join('\n');
const found = (text: string) => check(text).filter((f) => f.rule === 'amount-written-unit');

describe('rule amount-written-unit on a form', () => {
  it('finds an amount and a cost value written with 万', () => {
    const text = form('250万', '250万');
    assert.deepEqual(
      found(text).map((f) => [f.line, underlined(text, f)]),
      [
        [3, '250万'],
        [6, '250万'],
      ],
    );
    const fixed = applyEdits(
      text,
      found(text).flatMap((f) => f.fixes?.[0]?.edits ?? []),
    );
    assert.ok(fixed.includes('年度本级预算金额\t250\n'));
    assert.ok(fixed.endsWith('控制在预算成本内\t250万元'));
    assert.ok(found(text).every((f) => f.fixes?.[0]?.safe));
  });
  it('converts an amount in another unit, not as a safe fix', () => {
    const text = form('2500000元', '≤250万元');
    const f = found(text);
    assert.equal(f.length, 1);
    assert.ok(f[0]?.message.zh.includes('250'));
    assert.equal(f[0]?.fixes?.[0]?.safe, false);
  });
  it('is silent on numbers alone and on a cost with its money unit', () => {
    assert.deepEqual(found(form('250', '≤250万元')), []);
  });
});
