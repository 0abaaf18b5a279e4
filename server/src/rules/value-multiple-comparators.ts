import { withIndicators } from './examples';
import type { RowRule } from './types';
import { indicatorsOf, LABEL_NAMES, valueSpan, valuesOf } from './util';

export const valueMultipleComparators: RowRule = {
  id: 'value-multiple-comparators',
  category: 'values',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: false,
  description: {
    zh: '一个指标值里粘连了两个目标值，如“≥20000人次≥45000人次”。',
    en: 'One value holds two targets glued together, as in “≥20000人次≥45000人次”.',
  },
  rationale: {
    zh: '通常是复制时把另一条指标的值粘了进来；一个指标值只能有一个目标（区间“6≤PH值≤9”除外）。',
    en: 'Usually another indicator’s value was pasted in; a value has one target (a range such as “6≤PH值≤9” excepted).',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次；年度指标值：≥20000人次≥45000人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次；年度指标值：≥20000人次。2、2-效益指标；23-生态效益；污水排放；实施周期指标值：6≤PH值≤9；年度指标值：6≤PH值≤9。',
        ),
      },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      for (const v of valuesOf(ind)) {
        const p = v.parsed;
        if (!p.onlyMeasures || p.range) continue;
        const targets = p.measures.filter((m) => m.comparator !== undefined);
        if (targets.length < 2) continue;
        const written = targets.map((m) => v.text.slice(m.start, m.end).trim());
        ctx.report({
          span: valueSpan(v),
          message: {
            zh: `${LABEL_NAMES[v.label].zh}中有 ${targets.length} 个目标值（${written.join('、')}），只能保留一个`,
            en: `${LABEL_NAMES[v.label].en} holds ${targets.length} targets (${written.join(', ')}); keep one`,
          },
        });
      }
    }
  },
};
