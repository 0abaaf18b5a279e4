import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { projectRow } from './examples';
import { htmlResidue } from './html-residue';

describeRule(htmlResidue, [
  {
    name: 'outer tags in two cells',
    rows: [projectRow('<p>项目</p>', ['<p>1.00</p>', '1.00'])],
    underlines: ['<p>项目</p>', '<p>1.00</p>'],
  },
  {
    name: 'entity inside a goal',
    rows: [projectRow('项目', ['1.00', '1.00'], undefined, '促进&nbsp;就业')],
    underlines: ['&nbsp;'],
  },
  {
    name: 'a comparator < is not HTML',
    rows: [projectRow('项目', ['1.00', '1.00'], undefined, '误差<5%')],
    underlines: [],
  },
]);

describe('rule html-residue fix', () => {
  it('strips tags and turns entities into characters', () => {
    const text = table([projectRow('<p>项目</p>', ['1.00', '1.00'], undefined, '促进&amp;就业')]);
    const edits = check(text)
      .filter((f) => f.rule === 'html-residue')
      .flatMap((f) => f.fixes?.[0]?.edits ?? []);
    const fixed = applyEdits(text, edits);
    assert.ok(fixed.includes('\n项目\t1.00\t1.00\t\t\t促进&就业\t'));
    assert.equal(check(fixed).filter((f) => f.rule === 'html-residue').length, 0);
  });
});
