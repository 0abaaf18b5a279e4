import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { withIndicators } from './examples';
import { formRows } from './util';
import { valuePeriodAnnualMismatch } from './value-period-annual-mismatch';

const B = '9、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(valuePeriodAnnualMismatch, [
  {
    name: 'different units',
    rows: withIndicators(`1、1-产出指标；11-数量指标；影像化份数；实施周期指标值：200万卷；年度指标值：200万页。${B}`),
    underlines: ['200万页'],
    messages: [{ zh: '单位“页”', en: 'unit “页”' }],
  },
  {
    name: 'opposite comparators, word forms included',
    rows: withIndicators(`1、1-产出指标；12-质量指标；合格率；实施周期指标值：95%以上；年度指标值：不高于95%。${B}`),
    underlines: ['不高于95%'],
    messages: [{ en: 'opposite directions' }],
  },
  {
    name: 'annual count above the period count',
    rows: withIndicators(
      `1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥1万人次；年度指标值：≥20000人次。${B}`,
    ),
    underlines: ['≥20000人次'],
    messages: [{ en: 'exceeds the whole-period value 10000人次' }],
  },
  {
    name: 'rates may be equal; prose is not compared',
    rows: withIndicators(
      `1、1-产出指标；12-质量指标；合格率；实施周期指标值：≥95%；年度指标值：95%。2、1-产出指标；11-数量指标；人次；实施周期指标值：全年培训不少于100人次；年度指标值：第一季度200人次。${B}`,
    ),
    underlines: [],
  },
]);

const BOTH = '一级指标\t二级指标\t三级指标\t实施期指标值\t年度指标值\t计量单位';

function onForm(rows: readonly string[], header = BOTH) {
  const text = formRows(rows, undefined, header).join('\n');
  const found = check(text).filter((f) => f.rule === 'value-period-annual-mismatch');
  return { text, found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule value-period-annual-mismatch on application forms', () => {
  it('judges a form’s 实施期 and 年度 columns as the seven-column values, at the annual cell', () => {
    const { text, found, underlines } = onForm([
      '产出指标\t数量指标\t档案影像化份数\t200万卷\t200万页\t',
      '\t质量指标\t合格率\t≥95%\t≤95%\t',
      '\t成本指标\t运维费用\t≤30万元\t≤40万元\t',
      '\t数量指标\t培训人次\t300\t100\t人次',
      '效益指标\t社会效益指标\t就业率\t≥90%\t≥95%\t',
    ]);
    assert.deepEqual(underlines, ['200万页', '≤95%', '≤40万元']);
    assert.ok(found[0]?.message.zh.includes('单位“页”与实施周期指标值的单位“卷”不同'));
    const first = found[0];
    const related = first?.related?.[0];
    assert.ok(first && related);
    assert.equal(underlined(text, { ...first, ...related }), '200万卷');
    assert.equal(related.message.zh, '实施期指标值');
  });

  it('a form with one value column, or prose values, has nothing to compare', () => {
    assert.deepEqual(onForm(['产出指标\t数量指标\t培训人次\t≥300人次\t本年完成100人次\t']).underlines, []);
    assert.deepEqual(
      onForm(['产出指标\t数量指标\t培训人次\t≥300人次'], '一级指标\t二级指标\t三级指标\t指标值').underlines,
      [],
    );
  });
});
