import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { withIndicators } from './examples';
import { indicatorNumbering } from './indicator-numbering';

const I = (n: string, name: string) =>
  `${n}、1-产出指标；11-数量指标；${name}；实施周期指标值：100人；年度指标值：100人。`;
const B = (n: string) => `${n}、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`;

describeRule(indicatorNumbering, [
  {
    name: 'a skipped number',
    rows: withIndicators(I('1', '甲') + B('3')),
    underlines: ['3、'],
    messages: [{ zh: '应为“2、”', en: 'should be numbered “2、”' }],
  },
  { name: 'a repeated number', rows: withIndicators(I('1', '甲') + I('1', '乙') + B('3')), underlines: ['1、'] },
  { name: 'starting at 0', rows: withIndicators(I('0', '甲') + B('1')), underlines: ['0、', '1、'] },
]);

describe('rule indicator-numbering fix', () => {
  it('renumbers every indicator of the cell at once, from the first finding', () => {
    const text = table(withIndicators(I('2', '甲') + I('5', '乙') + B('7')));
    const found = check(text).filter((x) => x.rule === 'indicator-numbering');
    assert.equal(found.length, 3);
    const all = found[0]?.fixes?.find((x) => x.title.en === 'Renumber 1, 2, 3…');
    assert.equal(all?.safe, true);
    assert.equal(applyEdits(text, all?.edits ?? []), table(withIndicators(I('1', '甲') + I('2', '乙') + B('3'))));
    // Each finding also fixes its own number; together they renumber the cell as well.
    const own = found.flatMap((x) => x.fixes?.[0]?.edits ?? []);
    assert.equal(applyEdits(text, own), table(withIndicators(I('1', '甲') + I('2', '乙') + B('3'))));
    assert.ok(found.slice(1).every((x) => x.fixes?.length === 1));
  });
});
