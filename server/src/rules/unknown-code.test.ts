import { describeRule } from '../../../test/helpers';
import { withIndicators } from './examples';
import { unknownCode } from './unknown-code';

describeRule(unknownCode, [
  {
    name: '4-成本指标 names the 2021 classes',
    rows: withIndicators('1、4-成本指标；14-成本指标；人均成本；实施周期指标值：≤500元；年度指标值：≤500元。'),
    underlines: ['4'],
    messages: [{ zh: '2021', en: '2021 guideline' }],
  },
  {
    name: 'a level-2 code used as level 1',
    rows: withIndicators('1、11-数量指标；11-数量指标；人次；实施周期指标值：1人；年度指标值：1人。'),
    underlines: ['11'],
    messages: [{ en: 'not a level-1 code' }],
  },
  {
    name: 'unknown level-2 code with a known name suggests its code',
    rows: withIndicators('1、1-产出指标；19-数量指标；人次；实施周期指标值：1人；年度指标值：1人。'),
    underlines: ['19'],
    messages: [{ zh: '“数量指标”的编码是 11', en: '“数量指标” is 11' }],
  },
]);
