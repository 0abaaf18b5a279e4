import * as assert from 'node:assert/strict';
import { check, describeRule, table } from '../../../test/helpers';
import { withIndicators } from './examples';
import { indicatorSyntax } from './indicator-syntax';

const B = '2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(indicatorSyntax, [
  { name: 'missing level-1 code', rows: withIndicators(`1、产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。${B}`), underlines: ['产出指标'], messages: [{ zh: '缺少编码', en: 'has no code' }] },
  { name: 'missing colon after the label', rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次；实施周期指标值100人；年度指标值：100人。${B}`), underlines: ['实施周期指标值'], messages: [{ zh: '缺少冒号', en: 'expected a colon' }] },
  { name: 'missing separator before the annual label', rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人年度指标值：100人。${B}`), underlines: ['年'], messages: [{ zh: '缺少分隔符', en: 'expected the separator' }] },
  { name: 'stray text before the first indicator', rows: withIndicators(`培训人次100人；1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。${B}`), underlines: ['培训人次100人；'], messages: [{ en: 'belongs to no indicator' }] },
  { name: 'name missing after level-2 code', rows: withIndicators(`1、1-产出指标；11-数量指标；实施周期指标值：100人；年度指标值：100人。${B}`), underlines: ['11-数量指标'], messages: [{ en: 'indicator’s own name' }] },
  { name: 'the sample’s mixed punctuation and long quoted values parse', rows: withIndicators('1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值:“1.新引进1名院士；2.新引进人才不超过30人。”；年度指标值:“1.新引进1名院士；2.新引进人才不超过30人。”。2、2-效益指标:22-社会效益:就业率;实施周期指标值:≥90%;年度指标值:≥90%。'), underlines: [] },
]);

describe('rule indicator-syntax recovery', () => {
  it('a broken indicator does not hide the next one', () => {
    const text = table(withIndicators(`1、1-产出指标11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。${B}`));
    const found = check(text);
    assert.ok(found.some((f) => f.rule === 'indicator-syntax'));
    // The second indicator was still read: its values are checked (and are fine), and no
    // finding says that the benefit category is missing.
    assert.equal(found.filter((f) => f.rule === 'missing-category').length, 0);
  });
});
