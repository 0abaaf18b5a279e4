import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { projectRow } from './examples';
import { rowColumns } from './row-columns';

describeRule(rowColumns, [
  {
    name: 'six cells: the last cell is marked',
    rows: ['项目\t1.00\t1.00\t\t\t目标'],
    underlines: ['目标'],
    messages: [{ zh: '实际为 6 个', en: 'found 6' }],
  },
  {
    name: 'extra non-empty cell',
    rows: [projectRow('项目', ['1.00', '1.00']) + '\t多余'],
    underlines: ['多余'],
    messages: [{ en: 'found 8' }],
  },
  { name: 'a line without tabs inside the table', rows: ['项目 1.00 1.00 目标'], underlines: ['项目 1.00 1.00 目标'] },
  {
    name: 'preface lines and blank lines are not rows',
    rows: ['', '   ', projectRow('项目', ['1.00', '1.00'])],
    underlines: [],
  },
]);

describe('rule row-columns fix', () => {
  it('removes trailing empty cells', () => {
    const text = table([projectRow('项目', ['1.00', '1.00']) + '\t\t']);
    const f = check(text).find((x) => x.rule === 'row-columns');
    assert.ok(f?.fixes?.[0]);
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.equal(check(fixed).filter((x) => x.rule === 'row-columns').length, 0);
    assert.equal(fixed, table([projectRow('项目', ['1.00', '1.00'])]));
  });
});
