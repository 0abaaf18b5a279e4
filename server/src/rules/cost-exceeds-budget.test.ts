import { describeRule } from '../../../test/helpers';
import { costExceedsBudget } from './cost-exceeds-budget';
import { withIndicators } from './examples';

const B = '9、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(costExceedsBudget, [
  {
    name: '亿元 against a 万元 budget',
    rows: withIndicators(
      `1、1-产出指标；14-成本指标；金额；实施周期指标值：≥42亿元；年度指标值：≤100万元。${B}`,
      '110.00',
    ),
    underlines: ['≥42亿元'],
    messages: [
      { zh: '420000 万元超过项目预算 110.00 万元', en: '420000 万元, exceeds the project’s budget of 110.00 万元' },
    ],
  },
  {
    name: '元 converted',
    rows: withIndicators(
      `1、1-产出指标；14-成本指标；单价；实施周期指标值：≤180001元/辆；年度指标值：≤180000元/辆。${B}`,
      '18.00',
    ),
    underlines: ['≤180001元/辆'],
  },
  {
    name: 'equal to the budget is fine',
    rows: withIndicators(
      `1、1-产出指标；14-成本指标；支持资金；实施周期指标值：≥400万元；年度指标值：≥400万元。${B}`,
      '400.00',
    ),
    underlines: [],
  },
  {
    name: 'other classes are not costs',
    rows: withIndicators(
      `1、2-效益指标；21-经济效益；营收；实施周期指标值：6亿元以上；年度指标值：6亿元以上。${B}`,
      '10.00',
    ),
    underlines: [],
  },
]);
