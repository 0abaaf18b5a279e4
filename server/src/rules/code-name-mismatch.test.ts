import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table, underlined } from '../../../test/helpers';
import { codeNameMismatch } from './code-name-mismatch';
import { withIndicators } from './examples';
import { formRows } from './util';

describeRule(codeNameMismatch, [
  {
    name: '11-质量指标',
    rows: withIndicators('1、1-产出指标；11-质量指标；合格率；实施周期指标值：≥95%；年度指标值：≥95%。'),
    underlines: ['11-质量指标'],
    messages: [{ zh: '编码 11 是“数量指标”', en: 'code 11 is “数量指标”' }],
  },
  {
    name: 'aliases are accepted',
    rows: withIndicators(
      '1、1-产出指标；13-进度指标；完成时间；实施周期指标值：年底前；年度指标值：年底前。2、2-效果指标；23-环境效益指标；排放达标率；实施周期指标值：100%；年度指标值：100%。',
    ),
    underlines: [],
  },
  {
    name: 'a name that is no class at all',
    rows: withIndicators('1、1-产出指标；11-数目；人次；实施周期指标值：1人；年度指标值：1人。'),
    underlines: ['11-数目'],
  },
]);

describe('rule code-name-mismatch fixes', () => {
  it('offers both directions when the name is another code’s', () => {
    const text = table(withIndicators('1、1-产出指标；11-质量指标；合格率；实施周期指标值：≥95%；年度指标值：≥95%。'));
    const f = check(text).find((x) => x.rule === 'code-name-mismatch');
    assert.deepEqual(
      f?.fixes?.map((x) => x.edits[0]?.newText),
      ['数量指标', '12'],
    );
  });
});

/** The findings of this rule on a whole text (a form), with what each underlines. */
function onForm(rows: readonly string[]) {
  const text = rows.join('\n');
  const found = check(text).filter((f) => f.rule === 'code-name-mismatch');
  return { text, found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule code-name-mismatch on application forms', () => {
  it('reports a non-standard 一级 once, on the row that writes it, and fixes it', () => {
    const { text, found, underlines } = onForm(
      formRows([
        '项目完成指标\t数量指标\t助餐服务人次\t≥5000人次',
        '\t质量指标\t餐食抽检合格率\t≥98%',
        '\t时效指标\t补助发放时间\t2024年12月底前',
        '效益指标\t社会效益指标\t助餐服务覆盖率\t≥90%',
      ]),
    );
    assert.deepEqual(underlines, ['项目完成指标']);
    assert.ok(found[0]?.message.zh.includes('应为“产出指标”'));
    assert.ok(found[0]?.message.en.includes('“产出指标”'));
    const fixed = applyEdits(text, found[0]?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('产出指标\t数量指标\t助餐服务人次'));
    assert.deepEqual(onForm(fixed.split('\n')).underlines, []);
  });

  it('项目效益指标 and 效果指标 are 效益指标; 满意度指标 as a 二级 is 服务对象满意度指标', () => {
    const { found, underlines } = onForm(
      formRows([
        '产出指标\t数量指标\t助餐服务人次\t≥5000人次',
        '项目效益指标\t社会效益指标\t助餐服务覆盖率\t≥90%',
        '满意度指标\t满意度指标\t老年人满意度\t≥90%',
        '\t\t家属满意度\t≥90%',
      ]),
    );
    assert.deepEqual(underlines, ['项目效益指标', '满意度指标']);
    assert.deepEqual(
      found.map((f) => f.fixes?.[0]?.edits[0]?.newText),
      ['效益指标', '服务对象满意度指标'],
    );
    // The 二级 (third column) is the one reported, not the 一级 of the same name.
    assert.equal(found[1]?.span.start, '满意度指标\t'.length);
    assert.deepEqual(
      onForm(formRows(['产出指标\t数量指标\t助餐服务人次\t≥5000人次', '效果指标\t经济效益指标\t带动消费\t≥10万元']))
        .underlines,
      ['效果指标'],
    );
  });

  it('accepts the standard names, with or without 指标, and the accepted aliases', () => {
    assert.deepEqual(onForm(formRows()).underlines, []);
    assert.deepEqual(
      onForm(
        formRows([
          '产出\t数量\t助餐服务人次\t≥5000人次',
          '\t进度指标\t补助发放时间\t2024年12月底前',
          '效益指标\t环境效益指标\t餐厨垃圾减量\t≥10吨',
          '\t社会公众或服务对象满意度指标\t老年人满意度\t≥90%',
        ]),
      ).underlines,
      [],
    );
  });

  it('a 一级 name in the 二级 column is reported without a fix; the 2021 成本指标 一级 is not', () => {
    const { found, underlines } = onForm(
      formRows([
        '产出指标\t产出指标\t助餐服务人次\t≥5000人次',
        '成本指标\t经济成本指标\t每餐补助标准\t≤5元/餐',
        '效益指标\t社会效益指标\t助餐服务覆盖率\t≥90%',
      ]),
    );
    assert.deepEqual(underlines, ['产出指标']);
    assert.equal(found[0]?.span.start, '产出指标\t'.length);
    assert.ok(found[0]?.message.zh.includes('数量指标、质量指标'));
    assert.equal(found[0]?.fixes, undefined);
  });

  it('reads every form of a file, whatever its columns', () => {
    const first = formRows(['项目完成指标\t数量指标\t助餐服务人次\t≥5000人次']);
    const second = formRows(
      [
        '\t产出指标\t数量指标\t出差人数\t正向\t=\t8\t人\t10',
        '\t效果指标\t社会效益指标\t回收网点覆盖率\t正向\t≥\t90\t%\t10',
      ],
      ['项目绩效目标表', '项目名称\t再生资源回收管理经费', '实施单位\t某供销社', '资金总额\t3'],
      '绩效指标\t一级指标\t二级指标\t三级指标\t指标方向\t运算符号\t目标值\t计量单位\t分值',
    );
    const { found, underlines } = onForm([...first, '', ...second]);
    assert.deepEqual(underlines, ['项目完成指标', '效果指标']);
    assert.equal(found[1]?.line, first.length + 1 + 6);
  });
});
