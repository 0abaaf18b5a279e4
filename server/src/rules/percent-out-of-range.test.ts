import { describeRule } from '../../../test/helpers';
import { withIndicators } from './examples';
import { percentOutOfRange } from './percent-out-of-range';

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
