import { describeRule } from '../../../test/helpers';
import { withIndicators } from './examples';
import { missingCategory } from './missing-category';

const OUTPUT = '1、1-产出指标；11-数量指标；人次；实施周期指标值：1人；年度指标值：1人。';
const SATISFACTION = '2、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(missingCategory, [
  {
    name: 'no benefit indicator',
    rows: withIndicators(OUTPUT + SATISFACTION),
    underlines: ['职业技能培训项目'],
    messages: [{ zh: '“2-效益指标”', en: 'no 2 (Benefit) indicator' }],
  },
  {
    name: 'configured to require satisfaction as well',
    rows: withIndicators(OUTPUT + SATISFACTION),
    config: { requiredCategories: ['1', '3'] },
    underlines: [],
  },
  {
    name: 'a level-2 code under the wrong parent still counts for its own class',
    rows: withIndicators(`${OUTPUT}2、3-满意度指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`),
    config: { requiredCategories: ['1'] },
    underlines: [],
  },
]);
