import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { formLayout } from './form-layout';

describeRule(formLayout, []);

function findings(rows: readonly string[]): Array<{ text: string; severity: string; zh: string; en: string }> {
  const text = rows.join('\n');
  return check(text)
    .filter((f) => f.rule === 'form-layout')
    .map((f) => ({ text: underlined(text, f), severity: f.severity, zh: f.message.zh, en: f.message.en }));
}

describe('rule form-layout', () => {
  it('reports swapped nature and direction columns once, as a warning naming both', () => {
    const found = findings([
      '项目绩效目标表',
      '项目名称\t测试项目',
      '一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位',
      '产出指标\t数量指标\t培训人数\t正向\t=\t100\t人',
      '产出指标\t成本指标\t人均成本\t反向\t≤\t500\t元/人',
    ]);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f?.text, '指标性质');
    assert.equal(f?.severity, 'warning');
    assert.ok(f?.en.includes('指标性质 holds directions (正向/反向)'), f?.en);
    assert.ok(f?.en.includes('指标方向 holds comparators') && f.en.includes('swapped'), f?.en);
    assert.ok(f?.zh.includes('「指标性质」列填的是指标方向（正向/反向）'), f?.zh);
  });

  it('reports a merged label repeated on the first indicator row as a hint', () => {
    const found = findings([
      '项目支出绩效目标申报表',
      '项目名称\t测试项目',
      '绩效指标\t一级指标\t二级指标\t三级指标\t指标值',
      '绩效指标\t产出指标\t数量指标\t培训人数\t≥100人',
      '\t\t质量指标\t培训合格率\t≥90%',
    ]);
    assert.deepEqual(
      found.map((f) => [f.text, f.severity]),
      [['绩效指标', 'hint']],
    );
  });

  it('reports a file name as the title (note) and an empty review (hint)', () => {
    const found = findings([
      '附件3:项目支出绩效目标表(12.5).xls',
      '项目名称\t测试项目',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t培训人数\t≥100人',
      '财政部门审核意见\t',
    ]);
    assert.deepEqual(
      found.map((f) => [f.text, f.severity]),
      [
        ['附件3:项目支出绩效目标表(12.5).xls', 'information'],
        ['财政部门审核意见', 'hint'],
      ],
    );
  });

  it('a severity set in the settings applies to every report', () => {
    const text = [
      '附件3:项目支出绩效目标表(12.5).xls',
      '项目名称\t测试项目',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t培训人数\t≥100人',
      '财政部门审核意见\t',
    ].join('\n');
    const found = check(text, { rules: { 'form-layout': 'error' } }).filter((f) => f.rule === 'form-layout');
    assert.deepEqual(
      found.map((f) => f.severity),
      ['error', 'error'],
    );
  });

  it('reports each note once when a file holds two forms', () => {
    const one = (name: string): string[] => [
      '项目支出绩效目标申报表',
      `项目名称\t${name}`,
      '绩效指标\t一级指标\t二级指标\t三级指标\t指标值',
      '绩效指标\t产出指标\t数量指标\t培训人数\t≥100人',
    ];
    const found = findings([...one('甲项目'), '', ...one('乙项目')]);
    assert.equal(found.length, 2);
  });
});
