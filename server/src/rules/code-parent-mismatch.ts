import { lookupCode } from '../catalogue';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import { indicatorsOf } from './util';

export const codeParentMismatch: RowRule = {
  id: 'code-parent-mismatch',
  category: 'codes',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '二级指标放在了错误的一级指标下，如“2-效益指标；31-服务对象满意度”。',
    en: 'A level-2 code stands under the wrong level-1 code, as in “2-效益指标；31-服务对象满意度”.',
  },
  rationale: {
    zh: '二级编码的第一位就是它的一级编码（31 属于 3 满意度指标）。满意度不能代替效益，质量也不能记作效益。',
    en: 'A level-2 code’s first digit is its level-1 code (31 belongs to 3, satisfaction). Satisfaction does not stand in for benefit, nor quality for benefit.',
  },
  examples: {
    bad: [
      { rows: withIndicators('1、2-效益指标；31-服务对象满意度；满意率；实施周期指标值：≥98%；年度指标值：≥98%。') },
    ],
    good: [
      { rows: withIndicators('1、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥98%；年度指标值：≥98%。') },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      const l1 = ind.level1;
      const l2 = ind.level2;
      if (!l1?.code || !l2?.code) continue;
      const e1 = lookupCode(l1.code.text);
      const e2 = lookupCode(l2.code.text);
      if (e1?.level !== 1 || e2?.level !== 2 || e2.parent === e1.code) continue;
      const parent = e2.parent ? lookupCode(e2.parent) : undefined;
      if (!parent) continue;
      ctx.report({
        span: l2.span,
        message: {
          zh: `“${e2.code}-${e2.name}”属于“${parent.code}-${parent.name}”，不应放在“${e1.code}-${e1.name}”下`,
          en: `“${e2.code}-${e2.name}” belongs under “${parent.code}-${parent.name}” (${parent.english}), not “${e1.code}-${e1.name}”`,
        },
        related: [{ span: l1.span, message: { zh: '一级指标', en: 'the level-1 code' } }],
        fixes: [
          {
            title: {
              zh: `一级指标改为“${parent.code}-${parent.name}”`,
              en: `Change the level-1 code to “${parent.code}-${parent.name}”`,
            },
            safe: false,
            edits: [{ span: l1.span, newText: `${parent.code}-${parent.name}` }],
          },
        ],
      });
    }
  },
};
