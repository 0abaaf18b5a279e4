import * as assert from 'node:assert/strict';
import { check, describeRule, table } from '../../../test/helpers';
import { duplicateIndicator } from './duplicate-indicator';
import { withIndicators } from './examples';

const rows = withIndicators(
  '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：1人；年度指标值：1人。2、1-产出指标；11-数量指标；培训 人次；实施周期指标值：2人；年度指标值：2人。',
);

describeRule(duplicateIndicator, [
  {
    name: 'same name, whitespace aside',
    rows,
    underlines: ['培训 人次'],
    messages: [{ zh: '与“1、培训人次”重复', en: 'repeats “1、培训人次”' }],
  },
]);

describe('rule duplicate-indicator related', () => {
  it('points at the first occurrence', () => {
    const text = table(rows);
    const f = check(text).find((x) => x.rule === 'duplicate-indicator');
    const line = text.split('\n')[f?.line ?? 0] ?? '';
    const r = f?.related?.[0];
    assert.equal(r && line.slice(r.span.start, r.span.end), '培训人次');
  });
});
