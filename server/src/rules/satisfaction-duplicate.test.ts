import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { withIndicators } from './examples';
import { satisfactionDuplicate } from './satisfaction-duplicate';

const A = '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。';

describeRule(satisfactionDuplicate, [
  {
    name: 'a 100% target, reported once per indicator',
    rows: withIndicators(
      `${A}2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值：100%；年度指标值：100%。`,
    ),
    underlines: ['100%'],
    messages: [{ zh: '≥90%～95%', en: '≥90–95%' }],
  },
  {
    name: 'two targets of the same people',
    rows: withIndicators(
      `${A}2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值：≥90%；年度指标值：≥90%。3、3-满意度指标；31-服务对象满意度；服务对象满意率；实施周期指标值：≥85%；年度指标值：≥85%。`,
    ),
    underlines: ['≥85%'],
    messages: [{ zh: '同一对象', en: 'differs from 90%' }],
  },
  {
    name: 'two groups may differ',
    rows: withIndicators(
      `${A}2、3-满意度指标；31-服务对象满意度；学生满意度；实施周期指标值：≥90%；年度指标值：≥90%。3、3-满意度指标；31-服务对象满意度；家长满意度；实施周期指标值：≥85%；年度指标值：≥85%。`,
    ),
    underlines: [],
  },
  {
    name: 'a name that says nobody’s satisfaction is compared with no other',
    rows: withIndicators(
      `${A}2、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。3、3-满意度指标；31-服务对象满意度；补贴对象满意度；实施周期指标值：≥95%；年度指标值：≥95%。`,
    ),
    underlines: [],
  },
  {
    name: 'a ceiling of 100% promises nothing unrealistic',
    rows: withIndicators(
      `${A}2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值：≤100%；年度指标值：≥90%。`,
    ),
    underlines: [],
  },
]);

describe('rule satisfaction-duplicate on a form', () => {
  it('finds a second target of the same people and a 100% target (unit column too)', () => {
    const text = [
      '项目绩效目标表',
      '项目名称\t雾炮车降尘抑尘服务',
      '一级指标\t二级指标\t三级指标\t指标方向\t目标值\t计量单位',
      '效益指标\t社会效益指标\t服务周期内,市民对空气质量改善的满意程度\t正向\t85\t%',
      '满意度指标\t服务对象满意度指标\t市民满意度\t正向\t90\t%',
      '满意度指标\t服务对象满意度指标\t受益群众满意度\t正向\t100\t%',
    ].join('\n');
    const found = check(text).filter((f) => f.rule === 'satisfaction-duplicate');
    assert.deepEqual(
      found.map((f) => [f.line, underlined(text, f)]),
      [
        [4, '90'],
        [5, '100'],
      ],
    );
    assert.equal(found[0]?.related?.[0]?.line, 3);
  });
});
