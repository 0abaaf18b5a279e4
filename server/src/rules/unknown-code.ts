import { COST_CLASSES_2021, lookupCode, lookupName } from '../catalogue';
import { withIndicators } from './examples';
import type { RowFix, RowRule } from './types';
import { indicatorsOf } from './util';

export const unknownCode: RowRule = {
  id: 'unknown-code',
  category: 'codes',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '一级或二级指标编码不在官方指标体系中。',
    en: 'A level-1 or level-2 code is not in the official indicator framework.',
  },
  rationale: {
    zh: '一级指标只有 1 产出、2 效益、3 满意度；二级指标为 11–14、21–24、31。2021 年指引把成本指标列为一级指标，但没有公开的数字编码，现行导出仍写作“1-产出指标；14-成本指标”。',
    en: 'Level 1 is 1 output, 2 benefit, 3 satisfaction; level 2 is 11–14, 21–24 and 31. The 2021 guideline made cost a level-1 class but gave it no numeric code; current exports still write “1-产出指标；14-成本指标”.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators('1、4-成本指标；41-经济成本指标；人均成本；实施周期指标值：≤500元；年度指标值：≤500元。'),
      },
      { rows: withIndicators('1、1-产出指标；15-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。') },
    ],
    good: [
      { rows: withIndicators('1、1-产出指标；14-成本指标；人均成本；实施周期指标值：≤500元；年度指标值：≤500元。') },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      for (const [node, level] of [
        [ind.level1, 1],
        [ind.level2, 2],
      ] as const) {
        const code = node?.code;
        if (!node || !code) continue;
        const entry = lookupCode(code.text);
        if (entry?.level === level) continue;
        const named = node.name ? lookupName(node.name.text) : undefined;
        const isCost = (node.name?.text ?? '').includes('成本');
        const fixes: RowFix[] =
          named && named.level === level
            ? [
                {
                  title: {
                    zh: `改为“${named.code}”（${named.name}）`,
                    en: `Change to “${named.code}” (${named.name})`,
                  },
                  safe: false,
                  edits: [{ span: code.span, newText: named.code }],
                },
              ]
            : [];
        ctx.report({
          span: code.span,
          message: {
            zh: `“${code.text}”不是${level === 1 ? '一' : '二'}级指标编码${named && named.level === level ? `；“${named.name}”的编码是 ${named.code}` : ''}${isCost ? `（${COST_CLASSES_2021.zh}）` : ''}`,
            en: `“${code.text}” is not a level-${level} code${named && named.level === level ? `; “${named.name}” is ${named.code}` : ''}${isCost ? ` (${COST_CLASSES_2021.en})` : ''}`,
          },
          fixes,
        });
      }
    }
  },
};
