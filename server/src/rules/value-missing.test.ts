import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { withIndicators } from './examples';
import { valueMissing } from './value-missing';

const B = '2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(valueMissing, [
  {
    name: 'no annual value',
    rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次。${B}`),
    underlines: ['培训人次'],
    messages: [{ zh: '缺少年度指标值', en: 'lacks the annual value' }],
  },
  {
    name: 'empty whole-period value',
    rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次；实施周期指标值：；年度指标值：100人次。${B}`),
    underlines: ['实施周期指标值：'],
    messages: [{ zh: '实施周期指标值为空' }],
  },
  {
    name: 'neither value',
    rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次。${B}`),
    underlines: ['培训人次', '培训人次'],
  },
]);

describe('rule value-missing fix', () => {
  it('copies the whole-period value as the annual value in the cell’s punctuation', () => {
    const text = table(withIndicators(`1、1-产出指标:11-数量指标:培训人次;实施周期指标值:100人次。${B}`));
    const f = check(text).find((x) => x.rule === 'value-missing');
    const fixed = applyEdits(text, f?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('培训人次;实施周期指标值:100人次;年度指标值:100人次。2、'));
    assert.equal(check(fixed).filter((x) => x.rule === 'value-missing').length, 0);
  });

  it('offers no copy that would not read as the annual value', () => {
    // The period value swallowed a broken label with a quote; copying it would open a quote
    // that swallows the new label as well.
    const text = table(
      withIndicators(`1、1-产出指标:11-数量指标:参保单位数量;实施周期指标值:230个;年"度指标值:230个。${B}`),
    );
    const f = check(text).find((x) => x.rule === 'value-missing');
    assert.ok(f, 'the missing annual value is reported');
    assert.deepEqual(f.fixes ?? [], []);
  });
});
