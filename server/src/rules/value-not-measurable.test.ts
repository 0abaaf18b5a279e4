import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { withIndicators } from './examples';
import { formRows } from './util';
import { valueNotMeasurable } from './value-not-measurable';

const B = '9、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(valueNotMeasurable, [
  {
    name: 'the name repeated as the value',
    rows: withIndicators(
      `1、1-产出指标；11-数量指标；享受补贴人数；实施周期指标值：享受补贴人数；年度指标值：≥2万人。${B}`,
    ),
    underlines: ['享受补贴人数'],
    messages: [{ zh: '重复了指标名称', en: 'repeats the indicator’s name' }],
  },
  {
    name: 'a placeholder',
    rows: withIndicators(
      `1、2-效益指标；24-可持续影响；决策信息；实施周期指标值：持续开展；年度指标值：持续开展。${B}`,
    ),
    underlines: ['持续开展', '持续开展'],
    messages: [{ zh: '“持续开展”不可衡量' }],
  },
  {
    name: 'a count without a number',
    rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次；实施周期指标值：若干；年度指标值：100人次。${B}`),
    underlines: ['若干'],
    messages: [{ en: 'needs a number' }],
  },
  {
    name: 'a cost with a number is measurable',
    rows: withIndicators(
      `1、1-产出指标；14-成本指标；单价；实施周期指标值：不超过缴费额的2/3；年度指标值：≤5万元。${B}`,
    ),
    underlines: [],
  },
]);

function onForm(rows: readonly string[], header?: string) {
  const text = formRows(rows, undefined, header).join('\n');
  const found = check(text).filter((f) => f.rule === 'value-not-measurable');
  return { found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule value-not-measurable on application forms', () => {
  it('vague values (长期 among them), values repeating the name, words where the class wants a number', () => {
    const { found, underlines } = onForm([
      '产出指标\t数量指标\t助餐服务人次\t助餐服务人次',
      '\t质量指标\t服务周期内空气质量\t优良',
      '\t成本指标\t成本控制\t严格按照预算标准1000元/人兑付补助',
      '效益指标\t社会效益指标\t促进社区和谐\t有效促进',
      '\t可持续影响指标\t实现社会稳定和谐发展\t长期',
      '满意度指标\t服务对象满意度指标\t老年人满意度\t满意',
    ]);
    assert.deepEqual(underlines, ['助餐服务人次', '优良', '有效促进', '长期', '满意']);
    assert.ok(found[1]?.message.zh.includes('“质量指标”应为可量化的数值'));
    assert.ok(found[1]?.message.en.includes('a quality indicator (质量指标) needs a number'));
    assert.ok(found[3]?.message.zh.includes('指标值“长期”不可衡量'));
  });

  it('reads a number with its unit column, trusts a 定性 nature, and lets timeliness and benefits be described', () => {
    const header = '一级指标\t二级指标\t三级指标\t指标性质\t指标值\t计量单位';
    assert.deepEqual(
      onForm(
        [
          '产出指标\t质量指标\t工作任务完成率\t定量\t100\t%',
          '\t\t验收结论\t定性\t合格\t',
          '\t时效指标\t完成时间\t定量\t2024年底前\t',
          '效益指标\t社会效益指标\t群众获得感\t定性\t明显增强\t',
        ],
        header,
      ).underlines,
      [],
    );
  });

  it('a non-standard 二级 is read for its class', () => {
    assert.deepEqual(onForm(['满意度指标\t满意度指标\t受益群众满意度\t较高']).underlines, ['较高']);
  });
});
