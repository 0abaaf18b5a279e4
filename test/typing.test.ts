/**
 * Typing comfort (server/src/lsp/typing.ts): which findings wait while a cell or an indicator is
 * typed, decided from one row.
 */
import * as assert from 'node:assert/strict';
import { isHeld, lineChange, ROW_COMPLETENESS_RULES, typingUnit } from '../server/src/lsp/typing';
import { GOOD_INDICATORS, projectRow } from '../server/src/rules/examples';
import type { Finding } from '../server/src/rules/types';
import { parseRow } from '../server/src/syntax/document';
import { check, FIRST_ROW, table } from './helpers';

const LINE = 3;
const at = (text: string, needle: string, offset = 0) => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return i + offset;
};
const finding = (rule: string, start: number, end: number, line = LINE): Finding => ({
  rule,
  severity: 'error',
  line,
  span: { start, end },
  message: { zh: '', en: '' },
});

describe('typing comfort: what waits while the clerk types', () => {
  const text = projectRow('就业项目', ['2.00', '1.00'], GOOD_INDICATORS, '促进就业。');
  const row = parseRow(text);
  const cell = (i: number) => row.cells[i]?.span ?? assert.fail(`cell ${i}`);

  it('holds the name cell while it is typed, and only it', () => {
    const unit = typingUnit(row, LINE, 2);
    assert.ok(isHeld(unit, finding('html-residue', cell(0).start, cell(0).end)));
    assert.ok(!isHeld(unit, finding('total-mismatch', cell(1).start, cell(1).end)));
    assert.ok(!isHeld(unit, finding('html-residue', cell(0).start, cell(0).end, LINE + 1)), 'another line');
  });

  it('holds the four amount cells while one of them is typed (the row’s sum is noise meanwhile)', () => {
    const unit = typingUnit(row, LINE, cell(2).end);
    for (let i = 1; i <= 4; i++)
      assert.ok(isHeld(unit, finding('amount-style', cell(i).start, cell(i).end)), `amount ${i}`);
    assert.ok(!isHeld(unit, finding('html-residue', cell(5).start, cell(5).end)), 'the goal');
    // Typing on in the amounts keeps the same unit: no republish per keystroke.
    assert.equal(typingUnit(row, LINE, cell(1).start).key, unit.key);
  });

  it('holds the goal cell, with the findings saying the row is incomplete', () => {
    const unit = typingUnit(row, LINE, cell(5).end);
    assert.ok(isHeld(unit, finding('html-residue', cell(5).start + 1, cell(5).end)));
    assert.ok(isHeld(unit, finding('empty-goal', cell(0).start, cell(0).end)), 'placed on the name');
    assert.ok(!isHeld(unit, finding('total-mismatch', cell(1).start, cell(1).end)));
  });

  it('holds the indicator under the cursor, not the other indicators of the cell', () => {
    const second = at(text, '2、');
    const unit = typingUnit(row, LINE, second + 5);
    assert.ok(isHeld(unit, finding('code-name-mismatch', at(text, '22-社会效益'), at(text, '22-社会效益', 7))));
    assert.ok(
      !isHeld(unit, finding('code-name-mismatch', at(text, '11-数量指标'), at(text, '11-数量指标', 7))),
      'the first indicator',
    );
    assert.ok(isHeld(unit, finding('missing-category', cell(0).start, cell(0).end)));
    assert.notEqual(typingUnit(row, LINE, at(text, '11-数量指标')).key, unit.key);
  });

  it('holds the cell under the cursor on a row still without tabs, or the whole line', () => {
    const stray = parseRow('新项目');
    assert.ok(isHeld(typingUnit(stray, LINE, 3), finding('row-columns', 0, 3)));
    const blank = parseRow('');
    assert.deepEqual(typingUnit(blank, LINE, 0).spans, [{ start: 0, end: 0 }]);
  });

  it('holds what the checker reports on a half-typed row, and nothing of the rows around it', () => {
    // A new row typed up to its goal: too few cells and a goal without indicators, both waiting.
    const half = '新项目\t1.00\t1.00\t\t\t促进';
    const doc = table([projectRow('就业项目', ['1.00', '1.00']), half]);
    const line = FIRST_ROW + 1;
    const found = check(doc).filter((f) => f.line === line);
    assert.ok(found.length > 0);
    const unit = typingUnit(parseRow(half), line, half.length);
    for (const f of found) assert.ok(isHeld(unit, f), f.rule);
    assert.ok(ROW_COMPLETENESS_RULES.has('row-columns'));
  });

  it('finds what an edit changed in a line', () => {
    assert.deepEqual(lineChange('abc', 'abxc'), { start: 2, oldEnd: 2, end: 3 });
    assert.deepEqual(lineChange('abc', 'abc\t'), { start: 3, oldEnd: 3, end: 4 });
    assert.deepEqual(lineChange('abcd', 'abd'), { start: 2, oldEnd: 3, end: 2 });
    assert.deepEqual(lineChange(undefined, 'new'), { start: 0, oldEnd: 0, end: 3 });
    assert.deepEqual(lineChange('1.0', '1.00'), { start: 3, oldEnd: 3, end: 4 });
  });
});
