import * as assert from 'node:assert/strict';
import { check, describeRule, table } from '../../../test/helpers';
import { codeNameMismatch } from './code-name-mismatch';
import { withIndicators } from './examples';

describeRule(codeNameMismatch, [
  {
    name: '11-质量指标',
    rows: withIndicators('1、1-产出指标；11-质量指标；合格率；实施周期指标值：≥95%；年度指标值：≥95%。'),
    underlines: ['11-质量指标'],
    messages: [{ zh: '编码 11 是“数量指标”', en: 'code 11 is “数量指标”' }],
  },
  {
    name: 'aliases are accepted',
    rows: withIndicators(
      '1、1-产出指标；13-进度指标；完成时间；实施周期指标值：年底前；年度指标值：年底前。2、2-效果指标；23-环境效益指标；排放达标率；实施周期指标值：100%；年度指标值：100%。',
    ),
    underlines: [],
  },
  {
    name: 'a name that is no class at all',
    rows: withIndicators('1、1-产出指标；11-数目；人次；实施周期指标值：1人；年度指标值：1人。'),
    underlines: ['11-数目'],
  },
]);

describe('rule code-name-mismatch fixes', () => {
  it('offers both directions when the name is another code’s', () => {
    const text = table(withIndicators('1、1-产出指标；11-质量指标；合格率；实施周期指标值：≥95%；年度指标值：≥95%。'));
    const f = check(text).find((x) => x.rule === 'code-name-mismatch');
    assert.deepEqual(
      f?.fixes?.map((x) => x.edits[0]?.newText),
      ['数量指标', '12'],
    );
  });
});
