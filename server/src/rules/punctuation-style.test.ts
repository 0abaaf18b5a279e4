import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { withIndicators } from './examples';
import { punctuationStyle } from './punctuation-style';

const HALF = '1、1-产出指标:11-数量指标:参保人数;实施周期指标值:>28000人;年度指标值:>28000人。';
const FULL = '2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(punctuationStyle, [
  {
    name: 'half-width marks, one finding per indicator',
    rows: withIndicators(HALF + FULL),
    underlines: [':11-数量指标:参保人数;实施周期指标值:>28000人;年度指标值:'],
    messages: [{ zh: '6 处标点', en: '6 punctuation mark(s)' }],
  },
  {
    name: 'halfwidth style flags the full-width indicator',
    rows: withIndicators(HALF + FULL),
    config: { punctuationStyle: 'halfwidth' },
    underlines: [':11-数量指标:', '；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：'],
  },
  {
    name: 'consistent style: one width throughout, whatever the width',
    rows: withIndicators(HALF + HALF.replace('1、', '2、')),
    config: { punctuationStyle: 'consistent' },
    underlines: [],
  },
  {
    name: 'consistent style flags the minority width',
    rows: withIndicators(HALF + HALF.replace('1、', '2、') + FULL.replace('2、', '3、')),
    config: { punctuationStyle: 'consistent' },
    underlines: ['；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：'],
  },
  {
    name: '：between codes is not the official separator',
    rows: withIndicators('1、1-产出指标：11-数量指标；人次；实施周期指标值：1人；年度指标值：1人。'),
    underlines: ['：'],
  },
]);

describe('rule punctuation-style fix', () => {
  it('rewrites only the punctuation, safely', () => {
    const text = table(withIndicators(HALF + FULL));
    const f = check(text).find((x) => x.rule === 'punctuation-style');
    assert.equal(f?.fixes?.[0]?.safe, true);
    const fixed = applyEdits(text, f?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('1、1-产出指标；11-数量指标；参保人数；实施周期指标值：>28000人；年度指标值：>28000人。'));
    assert.equal(check(fixed).filter((x) => x.rule === 'punctuation-style').length, 0);
  });
});
