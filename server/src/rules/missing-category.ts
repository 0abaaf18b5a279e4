import { lookupCode } from '../catalogue';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import { formLevel1Code, formRows, indicatorsOf, level1Code } from './util';

export const missingCategory: RowRule = {
  id: 'missing-category',
  category: 'codes',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '项目（或申报表）缺少必备类别的指标（默认：产出指标和效益指标，可在 requiredCategories 设置）。',
    en: 'A project (or a form) has no indicator in a required class (by default output and benefit; the `requiredCategories` setting).',
  },
  rationale: {
    zh: '指引要求每个项目既说明产出，也说明效益；有服务对象时还应有满意度指标。满意度不能代替效益。申报表按一级指标名称（含“项目完成指标”等不规范名称）判断类别，在指标表的第一行报告。',
    en: 'The guideline expects every project to state both its outputs and its benefits, plus satisfaction where there are service recipients; satisfaction does not replace benefit. A form’s classes are read from its level-1 names (non-standard ones such as 项目完成指标 too), and the finding stands on the grid’s first row.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        layout: 'form',
        rows: formRows([
          '产出指标\t数量指标\t助餐服务人次\t≥5000人次',
          '满意度指标\t服务对象满意度指标\t老年人满意度\t≥90%',
        ]),
        note: { zh: '申报表没有效益指标', en: 'a form without a benefit indicator' },
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      { layout: 'form', rows: formRows() },
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
  checkProject(project, ctx) {
    const first = project.indicators[0];
    if (!first) return;
    const present = new Set(project.indicators.map(formLevel1Code).filter((c): c is string => c !== undefined));
    const missing = ctx.config.requiredCategories.filter((c) => !present.has(c));
    if (missing.length === 0) return;
    ctx.report({
      place: first.level1?.place ?? first.place,
      message: {
        zh: `申报表缺少${missing.map((c) => `“${lookupCode(c)?.name ?? c}”`).join('、')}类指标`,
        en: `the form has no ${missing.map((c) => `${lookupCode(c)?.name ?? c} (${lookupCode(c)?.english ?? ''})`).join(' or ')} indicator`,
      },
    });
  },
};
