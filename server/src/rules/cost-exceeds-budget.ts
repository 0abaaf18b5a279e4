import { DEFAULT_MONEY_UNIT, MONEY_UNITS } from '../catalogue';
import { formatNumber, formatWan } from '../i18n';
import { moneyInWan } from '../syntax/value';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import { EPSILON, indicatorsOf, LABEL_NAMES, level2Code, valuesOf } from './util';

export const costExceedsBudget: RowRule = {
  id: 'cost-exceeds-budget',
  category: 'values',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: false,
  description: {
    zh: '成本指标的金额超过了项目本身的预算（元、万元、亿元换算后比较）。',
    en: 'A cost (成本指标) amount exceeds the project’s own budget (元, 万元 and 亿元 converted).',
  },
  rationale: {
    zh: '成本指标原则上不得突破预算支出标准，更不可能超过项目的总预算；常见原因是把“元”写成了“万元”或“亿元”，或填入了其他口径的金额。',
    en: 'A cost target must stay within the spending standard and cannot exceed the project’s whole budget; the usual cause is 元 written as 万元 or 亿元, or an amount from another scope.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；14-成本指标；领取养老待遇金额；实施周期指标值：≤42亿元；年度指标值：≤42亿元。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
          '110.00',
        ),
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；14-成本指标；车辆购置单价；实施周期指标值：≤180000元/辆；年度指标值：≤180000元/辆。2、2-效益指标；22-社会效益；出行保障率；实施周期指标值：≥90%；年度指标值：≥90%。',
          '18.00',
        ),
      },
    ],
  },
  checkRow(row, ctx) {
    const written = row.amounts[0]?.value;
    if (row.kind !== 'project' || written === undefined || written <= 0) return;
    // Compared in 万元: the budget is in the table's unit, the cost in its own (元, 万元, 亿元).
    const budget = written * MONEY_UNITS[ctx.unit].wan;
    const inUnit = ctx.unit === DEFAULT_MONEY_UNIT ? '' : `${formatWan(written)} ${ctx.unit} = `;
    for (const ind of indicatorsOf(row)) {
      if (level2Code(ind) !== '14') continue;
      for (const v of valuesOf(ind)) {
        for (const m of v.parsed.measures) {
          const wan = moneyInWan(m);
          if (wan === undefined || wan <= budget + ctx.config.tolerance + EPSILON) continue;
          ctx.report({
            span: { start: v.span.start + m.start, end: v.span.start + m.end },
            message: {
              zh: `成本指标的${LABEL_NAMES[v.label].zh} ${formatNumber(wan)} 万元超过项目预算 ${inUnit}${formatWan(budget)} 万元`,
              en: `the cost in ${LABEL_NAMES[v.label].en}, ${formatNumber(wan)} 万元, exceeds the project’s budget of ${inUnit}${formatWan(budget)} 万元`,
            },
          });
        }
      }
    }
  },
};
