import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, underlined } from '../../../test/helpers';
import { projectRow } from './examples';
import { nameDiffersFromGoal } from './name-differs-from-goal';

const S = '2、3-满意度指标；31-服务对象满意度；受益群众满意度；实施周期指标值：≥90%；年度指标值：≥90%。';
const row = (name: string, goal: string): string[] => [
  projectRow(
    '特困家庭再扶助',
    ['6.30', '6.30'],
    `1、1-产出指标；11-数量指标；${name}；实施周期指标值：63人；年度指标值：63人。${S}`,
    goal,
  ),
];

describeRule(nameDiffersFromGoal, [
  {
    name: 'a dropped character',
    rows: row('独生子伤残家庭扶助人数', '对独生子女伤残、死亡家庭进行特别扶助。'),
    underlines: ['独生子伤残'],
    messages: [{ zh: '“独生子女伤残”', en: '“独生子女伤残” in the goal' }],
  },
  {
    name: 'a changed character',
    rows: row('计划生育特扶家庭人数', '对计划生育特殊家庭进行扶助。'),
    underlines: ['计划生育特扶家庭'],
  },
  {
    name: 'a dropped particle is a shortening',
    rows: row('节日慰问金发放人数', '保障节日慰问金的发放。'),
    underlines: [],
  },
  {
    name: 'a dropped character before a conjunction is a shortening',
    rows: row('博士后和博士工作站资助数', '对博士后站和博士工作站提供资金支持。'),
    underlines: [],
  },
  {
    name: 'not when the name also writes the goal’s phrase',
    rows: row('独生子女伤残及独生子伤残人数', '对独生子女伤残家庭进行扶助。'),
    underlines: [],
  },
  {
    name: 'numerals differ on purpose',
    rows: row('第二批次培训学员人数', '完成第一批次培训学员招录。'),
    underlines: [],
  },
]);

describe('rule name-differs-from-goal on a form', () => {
  const text = [
    '项目支出绩效目标申报表',
    '项目名称\t特困家庭再扶助',
    '总体目标\t年度目标',
    '\t区域内独生子女伤残、死亡适龄家庭进行政策特别扶助',
    '绩效指标\t一级指标\t二级指标\t三级指标\t指标值',
    '\t产出指标\t数量指标\t对符合政策法规的独生子伤残、死亡家庭进行扶助\t63人',
  ].join('\n');
  it('reads the annual goal and offers its spelling', () => {
    const found = check(text).filter((f) => f.rule === 'name-differs-from-goal');
    assert.deepEqual(
      found.map((f) => underlined(text, f)),
      ['独生子伤残'],
    );
    const fix = found[0]?.fixes?.[0];
    assert.ok(fix && !fix.safe);
    assert.ok(applyEdits(text, fix.edits).includes('对符合政策法规的独生子女伤残、死亡家庭进行扶助\t63人'));
  });
});
