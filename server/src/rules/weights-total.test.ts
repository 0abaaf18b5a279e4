import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { weightsTotal } from './weights-total';

describeRule(weightsTotal, []);

/** A form whose grid header's first cell is `label` (a weighting note, or empty) and whose rows are `rows`. */
function form(label: string, rows: readonly string[]): string {
  return [
    '项目绩效目标表',
    '项目名称\t测试项目',
    `${label}\t一级指标\t二级指标\t三级指标\t指标值\t分值`,
    ...rows.map((r) => `\t${r}`),
  ].join('\n');
}

function found(text: string): Array<{ text: string; severity: string; en: string; zh: string }> {
  return check(text)
    .filter((f) => f.rule === 'weights-total')
    .map((f) => ({ text: underlined(text, f), severity: f.severity, en: f.message.en, zh: f.message.zh }));
}

const ROWS = [
  '产出指标\t数量指标\t培训人数\t≥100人\t30',
  '产出指标\t质量指标\t合格率\t≥90%\t20',
  '效益指标\t社会效益指标\t就业率\t≥90%\t30',
  '满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t20',
];

describe('rule weights-total', () => {
  it('is silent when the weights total 100', () => {
    assert.deepEqual(found(form('绩效指标', ROWS)), []);
  });

  it('reports weights that do not total 100, with each weight as a related place', () => {
    const text = form('绩效指标', [...ROWS.slice(0, 3), '满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t10分']);
    const f = found(text);
    assert.equal(f.length, 1);
    assert.equal(f[0]?.text, '30');
    assert.ok(f[0]?.en.includes('total 90, not full marks 100'), f[0]?.en);
    assert.ok(f[0]?.zh.includes('分值合计 90'), f[0]?.zh);
    const finding = check(text).find((x) => x.rule === 'weights-total');
    assert.equal(finding?.related?.length, 4);
  });

  it('checks against a declared total and notes that the declared total is not 100', () => {
    const label = '绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分)';
    const rows = [...ROWS.slice(0, 3), '满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t10'];
    const f = found(form(label, rows));
    assert.deepEqual(
      f.map((x) => [x.severity, x.en]),
      [['information', 'the declared total weight is 90, not 100']],
    );
  });

  it('reports a class whose weights are not its declared share, and classes with no indicators', () => {
    const label = '绩效指标(权重分值100分,其中产出指标权重分值60分,效益指标权重分值30分,满意度指标权重分值10分)';
    const f = found(form(label, ROWS.slice(0, 2)));
    assert.deepEqual(
      f.map((x) => x.en),
      [
        'the weights total 50, not the declared total 100; 效益指标 (30), 满意度指标 (10) have no indicators',
        'the weights of 产出指标 total 50, not the declared 60',
      ],
    );
    assert.equal(f[1]?.text, '30');
  });

  it('reads a class written by an alias', () => {
    const label = '绩效指标(权重分值100分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值20分)';
    const rows = [...ROWS.slice(0, 3), '服务对象满意度\t服务对象满意度指标\t学员满意度\t≥90%\t20'];
    assert.deepEqual(
      found(form(label, rows))
        .map((x) => x.en)
        .filter((e) => e.includes('满意度')),
      [],
    );
  });

  it('reports declared shares that do not add up to the declared total', () => {
    const label = '绩效指标(权重分值100分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分)';
    const f = found(form(label, ROWS));
    assert.ok(
      f.some((x) => x.en.startsWith('the declared class shares total 90')),
      JSON.stringify(f),
    );
  });

  it('reports a weight that is not a number, and then no total', () => {
    const rows = [...ROWS.slice(0, 3), '满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t二十'];
    const f = found(form('绩效指标', rows));
    assert.deepEqual(
      f.map((x) => [x.text, x.en]),
      [['二十', 'the weight “二十” is not a number']],
    );
  });

  it('says nothing on a form without weights', () => {
    const text = [
      '项目绩效目标表',
      '项目名称\t测试项目',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t培训人数\t≥100人',
    ].join('\n');
    assert.deepEqual(found(text), []);
  });
});
