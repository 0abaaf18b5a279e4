import * as assert from 'node:assert/strict';
import { check, describeRule, table } from '../../../test/helpers';
import { projectRow } from './examples';
import { moneyUnitMismatch } from './money-unit-mismatch';

describeRule(moneyUnitMismatch, [
  {
    name: 'a 万元 table filled in 元: on the unit line, naming 元',
    rows: [
      projectRow('项目甲', ['2,226,570,000.00', '2,226,570,000.00']),
      projectRow('项目乙', ['3,000,000.00', '3,000,000.00']),
    ],
    underlines: ['万元'],
    messages: [{ zh: '金额看起来是按“元”填写的', en: 'the amounts look written in “元”' }],
  },
  {
    name: 'a 元 table of plausible budgets',
    rows: ['单位：元', projectRow('项目甲', ['90,000.00', '90,000.00'])],
    underlines: [],
  },
]);

describe('rule money-unit-mismatch fix', () => {
  it('offers the unit the amounts fit, on the unit line', () => {
    const text = table([
      '单位：元',
      projectRow('项目甲', ['22.00', '22.00']),
      projectRow('项目乙', ['300.00', '300.00']),
    ]);
    const [f] = check(text).filter((x) => x.rule === 'money-unit-mismatch');
    assert.equal(f?.fixes?.[0]?.edits[0]?.newText, '万元');
    assert.equal(f?.fixes?.[0]?.safe, false);
  });
});
