import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { codeParentMismatch } from './code-parent-mismatch';
import { withIndicators } from './examples';

describeRule(codeParentMismatch, [
  {
    name: '31 under 2',
    rows: withIndicators('1、2-效益指标；31-服务对象满意度；满意率；实施周期指标值：≥98%；年度指标值：≥98%。'),
    underlines: ['31-服务对象满意度'],
    messages: [{ zh: '属于“3-满意度指标”', en: 'belongs under “3-满意度指标”' }],
  },
  {
    name: '12 under 2 (quality filed as benefit)',
    rows: withIndicators('1、2-效益指标；12-质量指标；合格率；实施周期指标值：≥98%；年度指标值：≥98%。'),
    underlines: ['12-质量指标'],
  },
  {
    name: 'unknown codes are left to unknown-code',
    rows: withIndicators('1、5-其他；31-服务对象满意度；满意率；实施周期指标值：≥98%；年度指标值：≥98%。'),
    underlines: [],
  },
]);

describe('rule code-parent-mismatch fix', () => {
  it('moves the indicator under its level-1 code', () => {
    const text = table(
      withIndicators('1、2-效益指标；31-服务对象满意度；满意率；实施周期指标值：≥98%；年度指标值：≥98%。'),
    );
    const f = check(text).find((x) => x.rule === 'code-parent-mismatch');
    const fixed = applyEdits(text, f?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('1、3-满意度指标；31-服务对象满意度；'));
    assert.deepEqual(
      f?.related?.map((r) => r.line),
      [f?.line],
    );
  });
});
