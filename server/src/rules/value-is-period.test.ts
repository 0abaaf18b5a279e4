import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { withIndicators } from './examples';
import { valueIsPeriod } from './value-is-period';

const A = '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。';
const time = (value: string): string[] =>
  withIndicators(`${A}2、1-产出指标；13-时效指标；项目实施时间；实施周期指标值：${value}；年度指标值：≥95%。`);

describeRule(valueIsPeriod, [
  {
    name: 'a whole year',
    rows: time('2021年1月-12月'),
    underlines: ['2021年1月-12月'],
    messages: [{ zh: '一整年', en: 'a whole year' }],
  },
  {
    name: 'a whole year, days written',
    rows: time('2023年1月1日至2023年12月31日'),
    underlines: ['2023年1月1日至2023年12月31日'],
  },
  { name: 'a whole year, months only', rows: time('2023年1-12月'), underlines: ['2023年1-12月'] },
  { name: 'part of a year is a deadline window', rows: time('2023年1月-6月'), underlines: [] },
  { name: 'a deadline', rows: time('2023年12月底前完成'), underlines: [] },
]);

describe('rule value-is-period on a form', () => {
  const form = (value: string, period = '2023.07-2024.01'): string =>
    [
      '项目支出绩效目标申报表',
      '项目支出名称\t雾炮车降尘抑尘服务',
      `项目支出实施期\t${period}`,
      '一级指标\t二级指标\t三级指标\t指标值及单位',
      `产出指标\t时效指标\t服务周期\t${value}`,
      '\t数量指标\t配备车辆数\t2023.07-2024.01',
    ].join('\n');
  const found = (text: string) => check(text).filter((f) => f.rule === 'value-is-period');
  it('finds the period written as a timeliness value (not under another class)', () => {
    const text = form('2023.07-2024.01');
    assert.deepEqual(
      found(text).map((f) => underlined(text, f)),
      ['2023.07-2024.01'],
    );
    assert.ok(found(text)[0]?.message.zh.includes('实施期'));
    assert.equal(found(text)[0]?.related?.length, 1);
  });
  it('reads the period however it is written', () => {
    const text = form('2023年7月-2024年1月');
    assert.equal(found(text).length, 1);
  });
  it('is silent on a deadline within the period', () => {
    assert.deepEqual(found(form('2024年1月底前完成')), []);
  });
});
