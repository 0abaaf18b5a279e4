import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, underlined } from '../../../test/helpers';
import { baselineTag } from './baseline-tag';

describeRule(baselineTag, []);

function form(header: string, rows: readonly string[], period = '2023年1月-2023年12月'): string {
  return ['项目支出绩效目标申报表', '项目名称\t测试项目', `实施期\t${period}`, header, ...rows].join('\n');
}

const HEADER = '一级指标\t二级指标\t三级指标\t指标值\t绩效标准';

function found(text: string): Array<{ text: string; severity: string; en: string }> {
  return check(text)
    .filter((f) => f.rule === 'baseline-tag')
    .map((f) => ({ text: underlined(text, f), severity: f.severity, en: f.message.en }));
}

describe('rule baseline-tag', () => {
  it('reports an unknown tag, with the known one it means as a fix', () => {
    const text = form(HEADER, ['产出指标\t数量指标\t培训人数\t≥100人\t计划']);
    const f = found(text);
    assert.deepEqual(
      f.map((x) => [x.text, x.severity]),
      [['计划', 'warning']],
    );
    assert.ok(f[0]?.en.includes('did you mean “计划标准”'), f[0]?.en);
    const finding = check(text).find((x) => x.rule === 'baseline-tag');
    assert.ok(applyEdits(text, finding?.fixes?.[0]?.edits ?? []).endsWith('≥100人\t计划标准'));
  });

  it('reports an unknown tag after a value', () => {
    const header = '一级指标\t二级指标\t三级指标\t指标解释\t目标值';
    const f = found(form(header, ['产出指标\t质量指标\t审稿率\t100%(上年标准)\t100%']));
    assert.deepEqual(
      f.map((x) => x.text),
      ['上年标准'],
    );
  });

  it('reports a historical standard on a date in the project’s own period', () => {
    const f = found(form(HEADER, ['产出指标\t时效指标\t完成时间\t2023年12月\t历史标准']));
    assert.deepEqual(
      f.map((x) => x.text),
      ['历史标准'],
    );
    assert.ok(f[0]?.en.includes('(2023)'), f[0]?.en);
  });

  it('a historical standard on a rate, or on a date of another year, is fine', () => {
    const rows = [
      '产出指标\t质量指标\t合格率\t≥90%\t历史标准',
      '产出指标\t时效指标\t上期完成时间\t2021年12月\t历史标准',
    ];
    assert.deepEqual(found(form(HEADER, rows)), []);
  });

  it('leaves prose in a basis column alone', () => {
    const header = '一级指标\t二级指标\t三级指标\t指标值\t指标值设定依据';
    assert.deepEqual(
      found(form(header, ['产出指标\t数量指标\t培训人数\t≥100人\t根据上年实际完成情况和本年计划确定'])),
      [],
    );
  });

  it('notes an empty standard where the others are filled', () => {
    const rows = [
      '产出指标\t数量指标\t培训人数\t≥100人\t计划标准',
      '产出指标\t质量指标\t合格率\t≥90%\t',
      '产出指标\t时效指标\t完成时间\t2023年12月\t计划标准',
    ];
    const f = found(form(HEADER, rows));
    assert.deepEqual(
      f.map((x) => [x.text, x.severity]),
      [['合格率', 'information']],
    );
  });

  it('says nothing of empty standards where most are empty', () => {
    const rows = [
      '产出指标\t数量指标\t培训人数\t≥100人\t计划标准',
      '产出指标\t质量指标\t合格率\t≥90%\t',
      '产出指标\t时效指标\t完成时间\t2023年12月\t',
    ];
    assert.deepEqual(found(form(HEADER, rows)), []);
  });
});
