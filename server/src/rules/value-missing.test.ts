import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table, underlined } from '../../../test/helpers';
import { withIndicators } from './examples';
import { formRows } from './util';
import { valueMissing } from './value-missing';

const B = '2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(valueMissing, [
  {
    name: 'no annual value',
    rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次。${B}`),
    underlines: ['培训人次'],
    messages: [{ zh: '缺少年度指标值', en: 'lacks the annual value' }],
  },
  {
    name: 'empty whole-period value',
    rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次；实施周期指标值：；年度指标值：100人次。${B}`),
    underlines: ['实施周期指标值：'],
    messages: [{ zh: '实施周期指标值为空' }],
  },
  {
    name: 'neither value',
    rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次。${B}`),
    underlines: ['培训人次', '培训人次'],
  },
]);

describe('rule value-missing fix', () => {
  it('copies the whole-period value as the annual value in the cell’s punctuation', () => {
    const text = table(withIndicators(`1、1-产出指标:11-数量指标:培训人次;实施周期指标值:100人次。${B}`));
    const f = check(text).find((x) => x.rule === 'value-missing');
    const fixed = applyEdits(text, f?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('培训人次;实施周期指标值:100人次;年度指标值:100人次。2、'));
    assert.equal(check(fixed).filter((x) => x.rule === 'value-missing').length, 0);
  });

  it('offers no copy that would not read as the annual value', () => {
    // The period value swallowed a broken label with a quote; copying it would open a quote
    // that swallows the new label as well.
    const text = table(
      withIndicators(`1、1-产出指标:11-数量指标:参保单位数量;实施周期指标值:230个;年"度指标值:230个。${B}`),
    );
    const f = check(text).find((x) => x.rule === 'value-missing');
    assert.ok(f, 'the missing annual value is reported');
    assert.deepEqual(f.fixes ?? [], []);
  });
});

function onForm(rows: readonly string[]) {
  const text = rows.join('\n');
  const found = check(text).filter((f) => f.rule === 'value-missing');
  return { found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule value-missing on application forms', () => {
  it('an empty level-2 row (as 经济效益指标 ⇥ ⇥ ⇥), at its 二级; a 三级 without a value, at its name', () => {
    const { found, underlines } = onForm(
      formRows([
        '产出指标\t数量指标\t配备车辆数\t10辆',
        '\t质量指标\t服务周期内空气质量\t',
        '效益指标\t经济效益指标\t\t',
        '\t社会效益指标\t扬尘投诉下降率\t≥10%',
        '\t生态效益指标\t\t',
        '\t可持续影响指标',
      ]),
    );
    assert.deepEqual(underlines, ['服务周期内空气质量', '经济效益指标', '生态效益指标', '可持续影响指标']);
    assert.ok(found[0]?.message.zh.includes('没有指标值'));
    assert.ok(found[1]?.message.en.includes('“经济效益指标” has no indicator and no value'));
  });

  it('a value in any value column (实施期 or 年度 alone) is a value; a carried 二级 row with only a standard is empty', () => {
    const header = '一级指标\t二级指标\t三级指标\t实施期指标值\t年度指标值\t绩效标准';
    const { underlines } = onForm(
      formRows(
        [
          '产出指标\t数量指标\t助餐服务人次\t≥15000人次\t\t计划标准',
          '\t\t送餐上门户数\t\t≥200户\t计划标准',
          '\t\t\t\t\t计划标准',
          '效益指标\t社会效益指标\t助餐服务覆盖率\t≥90%\t≥90%\t计划标准',
        ],
        undefined,
        header,
      ),
    );
    assert.deepEqual(underlines, ['计划标准']);
  });

  it('a full form is silent', () => {
    assert.deepEqual(onForm(formRows()).underlines, []);
  });
});
