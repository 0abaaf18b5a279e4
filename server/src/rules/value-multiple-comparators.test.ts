import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { withIndicators } from './examples';
import { formRows } from './util';
import { valueMultipleComparators } from './value-multiple-comparators';

const B = '9、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(valueMultipleComparators, [
  {
    name: 'two targets glued',
    rows: withIndicators(
      `1、1-产出指标；11-数量指标；人次；实施周期指标值：≥20000人次；年度指标值：≥20000人次≥45000人次。${B}`,
    ),
    underlines: ['≥20000人次≥45000人次'],
    messages: [{ zh: '2 个目标值', en: '2 targets' }],
  },
  {
    name: 'a range is one target',
    rows: withIndicators(`1、2-效益指标；23-生态效益；排放；实施周期指标值：6≤PH值≤9；年度指标值：6≤PH值≤9。${B}`),
    underlines: [],
  },
  {
    name: 'prose with several measures is not glued',
    rows: withIndicators(
      `1、1-产出指标；11-数量指标；使用；实施周期指标值：累计使用人数不少于1500人次,使用单位不少于30家；年度指标值：≥1500人次。${B}`,
    ),
    underlines: [],
  },
]);

const EXPLAINED = '一级指标\t二级指标\t三级指标\t指标解释\t目标值';

function onForm(rows: readonly string[], header = EXPLAINED) {
  const text = formRows(rows, undefined, header).join('\n');
  const found = check(text).filter((f) => f.rule === 'value-multiple-comparators');
  return { text, found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule value-multiple-comparators on application forms', () => {
  it('an explanation and a value with two different targets, at the value, the explanation related', () => {
    const { text, found, underlines } = onForm([
      '产出指标\t数量指标\t补贴发放比例\t60%\t≥60%',
      '\t质量指标\t县(市、区)覆盖率\t90%(计划标准)\t1',
      '\t\t各类书籍审稿率\t100%(计划标准)\t1',
      '\t时效指标\t项目完成时间\t2019年12月(计划标准)\t100%',
    ]);
    assert.deepEqual(underlines, ['≥60%', '1', '1', '100%']);
    assert.ok(found[0]?.message.zh.includes('指标解释“60%”与指标值“≥60%”是两个不同的目标'));
    const first = found[0];
    const related = first?.related?.[0];
    assert.ok(first && related);
    assert.equal(underlined(text, { ...first, ...related }), '60%');
    assert.ok(found[2]?.message.en.includes('one target written as a fraction and as a percent'));
    assert.ok(found[3]?.message.en.includes('“2019年12月”'));
  });

  it('the same target in both, a baseline tag, prose explanations and the comparator column stay silent', () => {
    assert.deepEqual(
      onForm([
        '产出指标\t数量指标\t所需资金的供应\t100%(历史标准)\t100%',
        '\t\t日常工作运行\t100%\t100%',
        '\t质量指标\t审稿率\t反映书籍审稿的比例，计算公式为审稿数/书籍数×100%\t≥95%',
        '\t时效指标\t完成时间\t\t2024年12月',
      ]).underlines,
      [],
    );
    assert.deepEqual(
      onForm(
        ['产出指标\t数量指标\t出差人次\t24\t24\t≥\t人次'],
        '一级指标\t二级指标\t三级指标\t指标解释\t目标值\t运算符号\t计量单位',
      ).underlines,
      [],
    );
  });

  it('two targets in one value cell, in any value column', () => {
    const { underlines } = onForm(
      ['产出指标\t数量指标\t补贴惠及人次\t≥20000人次\t≥20000人次≥45000人次', '\t\t水质\t6≤PH值≤9\t6≤PH值≤9'],
      '一级指标\t二级指标\t三级指标\t实施期指标值\t年度指标值',
    );
    assert.deepEqual(underlines, ['≥20000人次≥45000人次']);
  });
});
