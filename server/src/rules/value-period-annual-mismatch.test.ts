import { describeRule } from '../../../test/helpers';
import { withIndicators } from './examples';
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
