import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule } from '../../../test/helpers';
import { withIndicators } from './examples';
import { serialDate } from './serial-date';

describeRule(serialDate, [
  {
    name: 'a serial in a timeliness value (seven-column), with the date it stands for',
    rows: withIndicators('1、1-产出指标；13-时效指标；项目完成时间；实施周期指标值：44561；年度指标值：≤44561。'),
    underlines: ['44561', '44561'],
    messages: [{ zh: '即 2021年12月31日', en: '2021-12-31' }],
  },
  {
    name: 'a five-digit count is no date',
    rows: withIndicators('1、1-产出指标；11-数量指标；培训人次；实施周期指标值：45000；年度指标值：45000人次。'),
    underlines: [],
  },
  {
    name: 'a number outside the range of dates',
    rows: withIndicators('1、1-产出指标；13-时效指标；项目完成时间；实施周期指标值：12345；年度指标值：12345。'),
    underlines: [],
  },
]);

/** A form with one indicator row under a header with a value and a unit column. */
function form(row: string): string {
  return ['项目绩效目标表', '项目名称\t测试项目', '一级指标\t二级指标\t三级指标\t运算符号\t目标值\t计量单位', row].join(
    '\n',
  );
}

describe('rule serial-date on forms', () => {
  it('reads a serial with a thousands separator in a form and fixes it as a date', () => {
    const text = form('产出指标\t时效指标\t资金到位时间\t=\t44,561\t');
    const found = check(text).filter((f) => f.rule === 'serial-date');
    assert.equal(found.length, 1);
    const fixed = applyEdits(text, found[0]?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('资金到位时间\t=\t2021年12月31日'), fixed);
    assert.deepEqual(
      check(fixed).filter((f) => f.rule === 'serial-date'),
      [],
    );
  });

  it('reads a date name outside a timeliness class', () => {
    const found = check(form('产出指标\t质量指标\t验收日期\t≤\t45291\t')).filter((f) => f.rule === 'serial-date');
    assert.ok(found[0]?.message.en.includes('2023-12-31'), found[0]?.message.en);
  });
});
