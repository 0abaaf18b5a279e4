import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { withIndicators } from './examples';
import { percentOutOfRange } from './percent-out-of-range';
import { formRows } from './util';

const A = '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。';

describeRule(percentOutOfRange, [
  {
    name: 'satisfaction above 100%',
    rows: withIndicators(`${A}2、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥900%；年度指标值：≥90%。`),
    underlines: ['≥900%'],
    messages: [{ zh: '900%', en: '900% in the whole-period value' }],
  },
  {
    name: 'a rate by its name under any code',
    rows: withIndicators(`${A}2、2-效益指标；22-社会效益；政策知晓率；实施周期指标值：≥90%；年度指标值：达到120％。`),
    underlines: ['达到120％'],
  },
  {
    name: '100% is fine',
    rows: withIndicators(`${A}2、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：100%；年度指标值：100%。`),
    underlines: [],
  },
]);

function onForm(rows: readonly string[], header?: string) {
  const text = formRows(rows, undefined, header).join('\n');
  const found = check(text).filter((f) => f.rule === 'percent-out-of-range');
  return { found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule percent-out-of-range on application forms', () => {
  it('a rate above 100% by class or by name, the measure underlined (the cell when the unit column gives the %)', () => {
    const { found, underlines } = onForm(
      [
        '产出指标\t质量指标\t餐食抽检\t≥110%\t',
        '\t数量指标\t助餐服务覆盖率\t120\t%',
        '\t\t助餐服务人次\t5000\t人次',
        '满意度指标\t满意度指标\t受益群众满意度\t不低于 190%(计划标准)\t',
      ],
      '一级指标\t二级指标\t三级指标\t指标值\t计量单位',
    );
    assert.deepEqual(underlines, ['≥110%', '120', '不低于 190%']);
    assert.ok(found[0]?.message.zh.includes('指标值中的比率 110% 超过 100%'));
  });

  it('growth measures and rates within 100% are silent', () => {
    assert.deepEqual(
      onForm(['产出指标\t质量指标\t合格率\t100%', '效益指标\t经济效益指标\t营业收入增长率\t≥150%']).underlines,
      [],
    );
  });
});
