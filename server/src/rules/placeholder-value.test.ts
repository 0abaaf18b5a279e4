import * as assert from 'node:assert/strict';
import { check, describeRule } from '../../../test/helpers';
import { withIndicators } from './examples';
import { placeholderValue } from './placeholder-value';

const A = '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。';

describeRule(placeholderValue, [
  {
    name: 'a star and a dash (seven-column)',
    rows: withIndicators(`${A}2、2-效益指标；22-社会效益；社会影响；实施周期指标值：*；年度指标值：——。`),
    underlines: ['*', '——'],
    messages: [{ zh: '只是占位符', en: 'only a placeholder' }],
  },
  {
    name: 'null and 无',
    rows: withIndicators(`${A}2、2-效益指标；22-社会效益；社会影响；实施周期指标值：NULL；年度指标值：无。`),
    underlines: ['NULL', '无'],
  },
  {
    name: 'a word that starts like a placeholder is a value',
    rows: withIndicators(`${A}2、2-效益指标；22-社会效益；社会影响；实施周期指标值：无重大事故；年度指标值：-5%以内。`),
    underlines: [],
  },
]);

describe('rule placeholder-value on forms', () => {
  it('reports a placeholder in a form’s value column, not in its unit column', () => {
    const text = [
      '项目绩效目标表',
      '项目名称\t测试项目',
      '一级指标\t二级指标\t三级指标\t指标值\t计量单位',
      '效益指标\t社会效益指标\t社会影响\t_\t/',
      '效益指标\t社会效益指标\t环境改善\t明显改善\t/',
    ].join('\n');
    const found = check(text).filter((f) => f.rule === 'placeholder-value');
    assert.deepEqual(
      found.map((f) => f.line),
      [3],
    );
  });
});
