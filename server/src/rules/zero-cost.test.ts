import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { withIndicators } from './examples';
import { zeroCost } from './zero-cost';

const A = '1、1-产出指标；11-数量指标；出差人次；实施周期指标值：24人次；年度指标值：24人次。';

describeRule(zeroCost, [
  {
    name: 'a zero cost in 万元',
    rows: withIndicators(`${A}2、1-产出指标；14-成本指标；办公费总成本；实施周期指标值：0万元；年度指标值：≤4500元。`),
    underlines: ['0万元'],
    messages: [{ zh: '成本指标值为 0', en: 'in 元' }],
  },
  {
    name: 'zero elsewhere is not a cost',
    rows: withIndicators(`${A}2、2-效益指标；22-社会效益；安全事故数；实施周期指标值：0起；年度指标值：0起。`),
    underlines: [],
  },
]);

describe('rule zero-cost on a form', () => {
  it('reads the unit column and reports each zero cost once', () => {
    const text = [
      '项目绩效目标表',
      '项目名称\t再生资源回收市场管理经费',
      '一级指标\t二级指标\t三级指标\t指标方向\t目标值\t计量单位',
      '产出指标\t成本指标\t出差单位成本\t反向\t0\t万元/人',
      '产出指标\t成本指标\t出差总成本\t反向\t1\t万元',
      '产出指标\t数量指标\t事故次数\t反向\t0\t次',
    ].join('\n');
    const found = check(text).filter((f) => f.rule === 'zero-cost');
    assert.deepEqual(
      found.map((f) => underlined(text, f)),
      ['0'],
    );
    assert.equal(found[0]?.line, 3);
    assert.ok(found[0]?.message.zh.includes('万元/人'));
  });
});
