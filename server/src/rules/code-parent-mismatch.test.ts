import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table, underlined } from '../../../test/helpers';
import { codeParentMismatch } from './code-parent-mismatch';
import { withIndicators } from './examples';
import { formRows } from './util';

describeRule(codeParentMismatch, [
  {
    name: '31 under 2',
    rows: withIndicators('1、2-效益指标；31-服务对象满意度；满意率；实施周期指标值：≥98%；年度指标值：≥98%。'),
    underlines: ['31-服务对象满意度'],
    messages: [{ zh: '属于“3-满意度指标”', en: 'belongs under “3-满意度指标”' }],
  },
  {
    name: '12 under 2 (quality filed as benefit)',
    rows: withIndicators('1、2-效益指标；12-质量指标；合格率；实施周期指标值：≥98%；年度指标值：≥98%。'),
    underlines: ['12-质量指标'],
  },
  {
    name: 'unknown codes are left to unknown-code',
    rows: withIndicators('1、5-其他；31-服务对象满意度；满意率；实施周期指标值：≥98%；年度指标值：≥98%。'),
    underlines: [],
  },
]);

describe('rule code-parent-mismatch fix', () => {
  it('moves the indicator under its level-1 code', () => {
    const text = table(
      withIndicators('1、2-效益指标；31-服务对象满意度；满意率；实施周期指标值：≥98%；年度指标值：≥98%。'),
    );
    const f = check(text).find((x) => x.rule === 'code-parent-mismatch');
    const fixed = applyEdits(text, f?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('1、3-满意度指标；31-服务对象满意度；'));
    assert.deepEqual(
      f?.related?.map((r) => r.line),
      [f?.line],
    );
  });
});

function onForm(rows: readonly string[]) {
  const text = rows.join('\n');
  const found = check(text).filter((f) => f.rule === 'code-parent-mismatch');
  return { found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule code-parent-mismatch on application forms', () => {
  it('a 二级 under the wrong 一级 (satisfaction under 效益指标, as old Hunan templates), once where written', () => {
    const { found, underlines } = onForm(
      formRows([
        '产出指标\t数量指标\t配备车辆数\t10辆',
        '效益指标\t社会效益指标\t扬尘投诉下降率\t≥10%',
        '\t社会公众或服务对象满意度指标\t市民满意度\t≥90%',
        '\t\t商户满意度\t≥90%',
        '\t质量指标\t作业达标率\t≥95%',
      ]),
    );
    assert.deepEqual(underlines, ['社会公众或服务对象满意度指标', '质量指标']);
    assert.ok(found[0]?.message.zh.includes('属于“满意度指标”，不应放在“效益指标”下'));
    assert.ok(found[1]?.message.en.includes('belongs under “产出指标” (Output)'));
    assert.equal(found[0]?.related?.[0]?.message.en, 'the level-1 class');
  });

  it('reads non-standard names for the hierarchy: 满意度指标 ⇥ 满意度指标 and 项目完成指标 ⇥ 数量指标 are right', () => {
    assert.deepEqual(
      onForm(
        formRows([
          '项目完成指标\t数量指标\t扶助家庭户数\t63户',
          '项目效益指标\t社会效益指标\t政策知晓率\t≥90%',
          '满意度指标\t满意度指标\t受益群众满意度\t≥90%',
        ]),
      ).underlines,
      [],
    );
  });

  it('a 三级 whose name says its class, filed under another 二级', () => {
    const { found, underlines } = onForm(
      formRows([
        '产出指标\t数量指标\t工作开展所需资金的供应时效\t100%',
        '\t\t资金到位时间\t2024年3月',
        '\t质量指标\t单位运行成本\t≤3万元',
        '\t时效指标\t任务完成率\t100%',
        '效益指标\t社会效益指标\t市民对空气质量改善的满意程度\t≥85%',
      ]),
    );
    assert.deepEqual(underlines, [
      '工作开展所需资金的供应时效',
      '资金到位时间',
      '单位运行成本',
      '任务完成率',
      '市民对空气质量改善的满意程度',
    ]);
    assert.ok(found[0]?.message.zh.includes('是时效指标，却放在“数量指标”下'));
    assert.ok(found[4]?.message.en.includes('satisfaction indicator (服务对象满意度指标)'));
  });

  it('names of the class they stand in, names of two classes, and output words among the benefits are left alone', () => {
    assert.deepEqual(
      onForm(
        formRows([
          '产出指标\t时效指标\t财政资金到位及时支付率\t100%',
          '\t\t按时完成率\t100%',
          '\t成本指标\t出差单位成本\t≤0.5万元/人',
          '\t质量指标\t工作任务完成率\t100%',
          '效益指标\t经济效益指标\t运行成本节约\t≥5万元',
          '\t社会效益指标\t群众诉求办理及时率\t≥95%',
          '满意度指标\t服务对象满意度指标\t市民满意度\t≥90%',
        ]),
      ).underlines,
      [],
    );
  });
});
