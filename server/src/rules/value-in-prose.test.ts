import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, underlined } from '../../../test/helpers';
import { withIndicators } from './examples';
import { valueInProse } from './value-in-prose';

const A = '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。';
const ind = (cls: string, name: string, value: string): string[] =>
  withIndicators(`${A}2、${cls}；${name}；实施周期指标值：${value}；年度指标值：100人次。`);

describeRule(valueInProse, [
  {
    name: 'a cost in a sentence',
    rows: ind('1-产出指标；14-成本指标', '成本控制', '严格按照预算标准1000元/人给补助对象兑付补助'),
    underlines: ['严格按照预算标准1000元/人给补助对象兑付补助'],
    messages: [{ zh: '“≤1000元/人”', en: '“≤1000元/人”' }],
  },
  {
    name: 'a count in a sentence',
    rows: ind('2-效益指标；22-社会效益', '先导区运营服务', '为8家入驻机构提供服务'),
    underlines: ['为8家入驻机构提供服务'],
    messages: [{ zh: '“8家”' }],
  },
  {
    name: 'a comparator word kept as its symbol',
    rows: ind('3-满意度指标；31-服务对象满意度', '服务对象满意率', '考核评价90%以上满意'),
    underlines: ['考核评价90%以上满意'],
    messages: [{ zh: '“≥90%”' }],
  },
  {
    name: 'a date that is not a deadline',
    rows: ind('1-产出指标；13-时效指标', '资金拨付', '12月底到位'),
    underlines: ['12月底到位'],
  },
  { name: 'the name repeated', rows: ind('1-产出指标；12-质量指标', '发放准确率', '准确率达到99%'), underlines: [] },
  { name: 'a deadline', rows: ind('1-产出指标；13-时效指标', '资金拨付', '12月底前完成'), underlines: [] },
  { name: 'a frequency', rows: ind('1-产出指标；11-数量指标', '宣传次数', '每季度1次'), underlines: [] },
  { name: 'a share of a base', rows: ind('1-产出指标；14-成本指标', '补贴标准', '不超过缴费额的2/3'), underlines: [] },
  {
    name: 'several measures are another rule’s',
    rows: ind('1-产出指标；11-数量指标', '使用数', '累计使用人数不少于1500人次,使用单位不少于30家'),
    underlines: [],
  },
]);

describe('rule value-in-prose on a form', () => {
  it('offers the measure alone, not as a safe fix', () => {
    const text = [
      '项目支出绩效目标申报表',
      '项目名称\t特困家庭再扶助',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t成本指标\t成本控制\t严格按照预算标准1000元/人给补助对象兑付补助',
    ].join('\n');
    const found = check(text).filter((f) => f.rule === 'value-in-prose');
    assert.equal(found.length, 1);
    const f = found[0];
    assert.ok(f);
    assert.equal(underlined(text, f), '严格按照预算标准1000元/人给补助对象兑付补助');
    const fix = f.fixes?.[0];
    assert.ok(fix && !fix.safe);
    assert.ok(applyEdits(text, fix.edits).endsWith('成本控制\t≤1000元/人'));
  });
  it('offers no fix for a date', () => {
    const text = [
      '项目支出绩效目标申报表',
      '项目名称\t特困家庭再扶助',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t时效指标\t资金拨付\t12月底到位',
    ].join('\n');
    const found = check(text).filter((f) => f.rule === 'value-in-prose');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.fixes, undefined);
  });
});
