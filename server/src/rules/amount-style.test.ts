import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { amountStyle } from './amount-style';
import { projectRow } from './examples';

describeRule(amountStyle, [
  {
    name: 'no separators, one decimal',
    rows: [projectRow('项目', ['22265.7', '22,265.70'])],
    underlines: ['22265.7'],
    messages: [{ zh: '“22,265.70”', en: '“22,265.70”' }],
  },
  { name: 'blank cells are fine', rows: [projectRow('项目', ['1.00', '1.00', '', ''])], underlines: [] },
  { name: 'invalid amounts are left to amount-invalid', rows: [projectRow('项目', ['abc', '1.00'])], underlines: [] },
  {
    name: 'full-width digits, point and comma',
    rows: [projectRow('项目', ['１，２３４．５０', '1,234.50'])],
    underlines: ['１，２３４．５０'],
    messages: [{ zh: '“1,234.50”（半角数字', en: '(ASCII digits' }],
  },
]);

describe('rule amount-style fix', () => {
  it('rewrites the amount; rounding is not safe', () => {
    const text = table([projectRow('项目', ['1234.5', '1234.567'])]);
    const found = check(text).filter((f) => f.rule === 'amount-style');
    assert.deepEqual(
      found.map((f) => f.fixes?.[0]?.safe),
      [true, false],
    );
    const fixed = applyEdits(
      text,
      found.flatMap((f) => f.fixes?.[0]?.edits ?? []),
    );
    assert.ok(fixed.includes('项目\t1,234.50\t1,234.57\t'));
  });

  it('writes a full-width amount in ASCII, safely; rounding one is not safe', () => {
    const text = table([projectRow('项目', ['１２.５０', '１２．５６７'])]);
    const found = check(text).filter((f) => f.rule === 'amount-style');
    assert.deepEqual(
      found.map((f) => [f.fixes?.[0]?.edits[0]?.newText, f.fixes?.[0]?.safe]),
      [
        ['12.50', true],
        ['12.57', false],
      ],
    );
    assert.deepEqual(
      check(text).filter((f) => f.rule === 'amount-invalid'),
      [],
    );
  });
});
