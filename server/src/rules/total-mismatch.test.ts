import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { projectRow, unitRow } from './examples';
import { totalMismatch } from './total-mismatch';

describeRule(totalMismatch, [
  {
    name: 'off by one cent',
    rows: [projectRow('项目', ['100.00', '99.99'])],
    underlines: ['100.00'],
    messages: [{ zh: '相差 0.01 万元', en: 'off by 0.01 万元' }],
  },
  {
    name: 'a cent within the tolerance',
    rows: [projectRow('项目', ['100.00', '99.99'])],
    config: { tolerance: 0.01 },
    underlines: [],
  },
  {
    name: 'unit and 合计 rows too',
    rows: [unitRow('合计', ['5.00', '4.00']), unitRow('单位', ['5.00', '4.00', '1.00'])],
    underlines: ['5.00'],
  },
  {
    name: 'thousands separators are read',
    rows: [projectRow('项目', ['1,100.00', '1,000.00', '', '100.00'])],
    underlines: [],
  },
  { name: 'an invalid source is left to amount-invalid', rows: [projectRow('项目', ['100.00', 'x'])], underlines: [] },
]);

describe('rule total-mismatch fix', () => {
  it('offers the recomputed total, not as a safe fix', () => {
    const text = table([projectRow('项目', ['100.00', '90.00', '5.5'])]);
    const f = check(text).find((x) => x.rule === 'total-mismatch');
    assert.equal(f?.fixes?.[0]?.safe, false);
    const fixed = applyEdits(text, f?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('项目\t95.50\t90.00\t5.5'));
  });
});
