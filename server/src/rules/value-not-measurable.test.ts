import { describeRule } from '../../../test/helpers';
import { withIndicators } from './examples';
import { valueNotMeasurable } from './value-not-measurable';

const B = '9、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(valueNotMeasurable, [
  {
    name: 'the name repeated as the value',
    rows: withIndicators(
      `1、1-产出指标；11-数量指标；享受补贴人数；实施周期指标值：享受补贴人数；年度指标值：≥2万人。${B}`,
    ),
    underlines: ['享受补贴人数'],
    messages: [{ zh: '重复了指标名称', en: 'repeats the indicator’s name' }],
  },
  {
    name: 'a placeholder',
    rows: withIndicators(
      `1、2-效益指标；24-可持续影响；决策信息；实施周期指标值：持续开展；年度指标值：持续开展。${B}`,
    ),
    underlines: ['持续开展', '持续开展'],
    messages: [{ zh: '“持续开展”不可衡量' }],
  },
  {
    name: 'a count without a number',
    rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次；实施周期指标值：若干；年度指标值：100人次。${B}`),
    underlines: ['若干'],
    messages: [{ en: 'needs a number' }],
  },
  {
    name: 'a cost with a number is measurable',
    rows: withIndicators(
      `1、1-产出指标；14-成本指标；单价；实施周期指标值：不超过缴费额的2/3；年度指标值：≤5万元。${B}`,
    ),
    underlines: [],
  },
]);
