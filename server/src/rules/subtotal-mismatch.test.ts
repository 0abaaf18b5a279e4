import * as assert from 'node:assert/strict';
import { check, describeRule, table } from '../../../test/helpers';
import { projectRow, unitRow } from './examples';
import { subtotalMismatch } from './subtotal-mismatch';

const rows = [
  unitRow('合计', ['300.00', '300.00']),
  unitRow('单位甲', ['300.00', '300.00']),
  projectRow('项目一', ['100.00', '100.00']),
  '',
  projectRow('项目二', ['199.99', '199.99']),
];

describeRule(subtotalMismatch, [
  {
    name: 'a unit off by a cent, both columns',
    rows,
    underlines: ['300.00', '300.00'],
    messages: [{ zh: '相差 0.01 万元', en: 'off by 0.01 万元' }],
  },
  { name: 'tolerance', rows, config: { tolerance: 0.01 }, underlines: [] },
  {
    name: '合计 against its units',
    rows: [
      unitRow('合计', ['10.00', '10.00']),
      unitRow('甲', ['4.00', '4.00']),
      projectRow('p1', ['4.00', '4.00']),
      unitRow('乙', ['5.00', '5.00']),
      projectRow('p2', ['5.00', '5.00']),
    ],
    underlines: ['10.00', '10.00'],
    messages: [{ en: 'the sum of the units, 9.00' }],
  },
  {
    name: 'a table without units: 合计 against its projects',
    rows: [unitRow('合计', ['3.00', '3.00']), projectRow('p1', ['1.00', '1.00']), projectRow('p2', ['1.00', '1.00'])],
    underlines: ['3.00', '3.00'],
  },
]);

describe('rule subtotal-mismatch related information', () => {
  it('points at every project of the unit', () => {
    const f = check(table(rows)).find((x) => x.rule === 'subtotal-mismatch');
    assert.deepEqual(
      f?.related?.map((r) => r.line),
      [9, 11],
    );
  });
  it('each table is summed on its own', () => {
    const one = table([unitRow('合计', ['1.00', '1.00']), projectRow('p', ['1.00', '1.00'])]);
    const text = `${one}\n\n${one}`;
    assert.equal(check(text).filter((x) => x.rule === 'subtotal-mismatch').length, 0);
  });
});
