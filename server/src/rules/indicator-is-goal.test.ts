import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { withIndicators } from './examples';
import { indicatorIsGoal } from './indicator-is-goal';

const A = '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。';

describeRule(indicatorIsGoal, [
  {
    name: 'a goal sentence with a percent target',
    rows: withIndicators(
      `${A}2、2-效益指标；22-社会效益；促进人口与经济协调发展；实施周期指标值：100%；年度指标值：100%。`,
    ),
    underlines: ['促进人口与经济协调发展'],
    messages: [{ zh: '以“促进”开头', en: '“100%” against it measures nothing' }],
  },
  {
    name: 'a goal sentence with a qualitative value',
    rows: withIndicators(
      `${A}2、2-效益指标；24-可持续影响；实现社会稳定和谐发展；实施周期指标值：长期；年度指标值：长期。`,
    ),
    underlines: ['实现社会稳定和谐发展'],
  },
  {
    name: 'a goal verb with a measure word is an indicator',
    rows: withIndicators(
      `${A}2、2-效益指标；22-社会效益；提高群众政策知晓率；实施周期指标值：≥90%；年度指标值：≥90%。`,
    ),
    underlines: [],
  },
]);

describe('rule indicator-is-goal on a form', () => {
  it('finds the goal sentence in a form’s 三级 column', () => {
    const text = [
      '部门整体支出绩效目标表',
      '部门(单位)名称\t地方志研究室',
      '一级指标\t二级指标\t三级指标\t指标解释\t目标值',
      '产出指标\t数量指标\t确保日常工作正常运行\t100%\t100%',
      '\t\t各类书籍审稿率\t100%\t≥95%',
    ].join('\n');
    const found = check(text).filter((f) => f.rule === 'indicator-is-goal');
    assert.deepEqual(
      found.map((f) => underlined(text, f)),
      ['确保日常工作正常运行'],
    );
  });
});
