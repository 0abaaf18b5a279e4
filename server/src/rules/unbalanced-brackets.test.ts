import * as assert from 'node:assert/strict';
import { describeRule } from '../../../test/helpers';
import { projectRow } from './examples';
import { unbalancedBrackets, unmatchedBracket } from './unbalanced-brackets';

describe('unmatchedBracket', () => {
  it('pairs full- and half-width brackets of a family, and finds a lone half', () => {
    assert.equal(unmatchedBracket('某项目（一期)'), undefined);
    assert.equal(unmatchedBracket('【重点】《规划》“双随机”'), undefined);
    assert.deepEqual(unmatchedBracket('2019年度)'), { start: 6, end: 7 });
    assert.deepEqual(unmatchedBracket('（2024年', 10), { start: 10, end: 11 });
    assert.deepEqual(unmatchedBracket('（一】'), { start: 2, end: 3 });
  });
});

describeRule(unbalancedBrackets, [
  {
    name: 'a name whose bracket was never closed, on a seven-column row',
    rows: [projectRow('就业补助资金（2024年', ['100.00', '100.00'])],
    underlines: ['（'],
  },
  {
    name: 'a preface line and a grid cell of a form, each found once (a carried 一级 is one cell)',
    rows: [],
    text: [
      '部门整体支出绩效目标表',
      '2019年度)',
      '部门(单位)名称\t某研究室',
      '一级指标\t二级指标\t三级指标\t目标值',
      '产出指标（\t数量指标\t年鉴出版册数\t≥2册',
      '\t\t地方志(市、区)覆盖率\t100%',
      '\t质量指标\t审稿率】\t100%',
    ].join('\n'),
    underlines: [')', '（', '】'],
  },
  {
    name: 'balanced brackets in every width are fine',
    rows: [projectRow('就业补助资金（一期)', ['100.00', '100.00'])],
    underlines: [],
  },
]);
