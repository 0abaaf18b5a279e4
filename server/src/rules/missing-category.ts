import { lookupCode } from '../catalogue';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import { indicatorsOf, level1Code } from './util';

export const missingCategory: RowRule = {
  id: 'missing-category',
  category: 'codes',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '项目缺少必备类别的指标（默认：产出指标和效益指标，可在 requiredCategories 设置）。',
    en: 'A project has no indicator in a required class (by default output and benefit; the `requiredCategories` setting).',
  },
  rationale: {
    zh: '指引要求每个项目既说明产出，也说明效益；有服务对象时还应有满意度指标。满意度不能代替效益。',
    en: 'The guideline expects every project to state both its outputs and its benefits, plus satisfaction where there are service recipients; satisfaction does not replace benefit.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
    ],
  },
  checkRow(row, ctx) {
    const indicators = indicatorsOf(row);
    if (indicators.length === 0 || !row.name) return;
    const present = new Set(indicators.map(level1Code).filter((c): c is string => c !== undefined));
    const missing = ctx.config.requiredCategories.filter((c) => !present.has(c));
    if (missing.length === 0) return;
    const names = missing.map((c) => `${c}-${lookupCode(c)?.name ?? ''}`);
    const english = missing.map((c) => `${c} (${lookupCode(c)?.english ?? ''})`);
    ctx.report({
      span: row.name.textSpan,
      message: {
        zh: `项目缺少${names.map((n) => `“${n}”`).join('、')}类指标`,
        en: `the project has no ${english.join(' or ')} indicator`,
      },
    });
  },
};
