import { describeRule } from '../../../test/helpers';
import { withIndicators } from './examples';
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
