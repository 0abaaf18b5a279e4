import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { GOOD_INDICATORS, projectRow } from './examples';
import { joinedCell, multiLineCell } from './multi-line-cell';

const twoLineIndicators = `"${GOOD_INDICATORS.replace('。2、', '。\n2、')}"`;

describeRule(multiLineCell, [
  {
    name: 'a goal over two lines: the whole quoted cell',
    rows: [projectRow('项目', ['1.00', '1.00'], GOOD_INDICATORS, '"促进就业，\n稳定岗位。"')],
    underlines: ['"促进就业，\n稳定岗位。"'],
    messages: [{ zh: '跨 2 行', en: 'spans 2 lines' }],
  },
  {
    name: 'the goal and the indicators both over several lines',
    rows: [projectRow('项目', ['1.00', '1.00'], twoLineIndicators, '"促进就业，\n\n稳定岗位。"')],
    underlines: ['"促进就业，\n\n稳定岗位。"', twoLineIndicators],
    messages: [{ zh: '跨 3 行' }, { zh: '跨 2 行' }],
  },
  {
    name: 'a quoted cell on one line is silent',
    rows: [projectRow('"就业""补助"资金', ['1.00', '1.00'])],
    underlines: [],
  },
]);

describe('rule multi-line-cell fix', () => {
  it('joins the lines and drops the quotes, reading doubled quotes as one', () => {
    assert.equal(joinedCell('"促进就业，\n稳定岗位。"'), '促进就业，稳定岗位。');
    assert.equal(joinedCell('"Job\n  training ""plus"""'), 'Job training "plus"');
    assert.equal(joinedCell('"第一行 \n\n　第二行"'), '第一行第二行');
  });

  it('leaves a row the checker reads the same, on one line, without the note', () => {
    const text = table([projectRow('项目', ['1.00', '1.00'], twoLineIndicators, '"促进就业，\n稳定岗位。"')]);
    const found = check(text).filter((f) => f.rule === 'multi-line-cell');
    assert.equal(found.length, 2);
    assert.ok(
      found.every((f) => f.fixes?.[0]?.safe === false),
      'joining changes how the sheet shows the cell: never in fix-all',
    );
    const fixed = applyEdits(
      text,
      found.flatMap((f) => f.fixes?.[0]?.edits ?? []),
    );
    assert.equal(fixed, table([projectRow('项目', ['1.00', '1.00'], GOOD_INDICATORS, '促进就业，稳定岗位。')]));
    assert.deepEqual(
      check(fixed).map((f) => f.rule),
      [],
    );
  });
});
