import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { goalsIdentical } from './goals-identical';
import { GOOD_INDICATORS, projectRow } from './examples';

describeRule(goalsIdentical, [
  {
    name: 'a seven-column row has one goal: nothing to compare',
    rows: [projectRow('职业技能培训项目', ['100.00', '100.00'], GOOD_INDICATORS, '开展职业技能培训，促进就业。')],
    underlines: [],
  },
]);

const form = (period: string, annualGoal: string, money = '年度本级预算金额'): string =>
  [
    '项目支出绩效目标申报表',
    '项目支出名称\t雾炮车降尘抑尘服务',
    `${money}\t250`,
    `项目支出实施期\t${period}`,
    '实施期绩效目标\t通过采购雾炮车降尘抑尘服务，全市空气质量达到优良',
    `本年度绩效目标\t${annualGoal}`,
    '一级指标\t二级指标\t三级指标\t指标值',
    '产出指标\t数量指标\t配备车辆数\t10辆',
  ].join('\n');
const found = (text: string) => check(text).filter((f) => f.rule === 'goals-identical');
const SAME = '通过采购雾炮车降尘抑尘服务，全市空气质量达到优良';

describe('rule goals-identical on a form', () => {
  it('finds identical goals and a period across years with annual money', () => {
    const text = form('2023.07-2024.01', SAME);
    assert.deepEqual(
      found(text).map((f) => [f.line, underlined(text, f)]),
      [
        [3, '2023.07-2024.01'],
        [5, SAME],
      ],
    );
    assert.ok(found(text)[0]?.message.zh.includes('跨入 2024 年'));
  });
  it('is silent when the annual goal says what this year does', () => {
    assert.deepEqual(
      found(form('2023.07-2024.01', '2023年完成雾炮车采购及前6个月服务', '项目预算金额')).map((f) => f.message.en),
      [],
    );
  });
  it('is silent on identical goals of a period within one year', () => {
    assert.deepEqual(found(form('2023.01-2023.12', SAME)), []);
  });
  it('finds identical goals when the period is not written', () => {
    const text = form('', SAME);
    assert.equal(found(text).length, 1);
  });
});
