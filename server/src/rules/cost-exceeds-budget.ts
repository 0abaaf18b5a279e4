import { DEFAULT_MONEY_UNIT, lookupFormName, MONEY_UNITS } from '../catalogue';
import { formatNumber, formatWan } from '../i18n';
import type { ModelIndicator } from '../model/types';
import { moneyInWan, type Measure } from '../syntax/value';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import {
  EPSILON,
  FORM_BLOCK,
  FORM_VALUE_NAMES,
  formLevel2Code,
  formRows,
  formValues,
  indicatorsOf,
  LABEL_NAMES,
  level2Code,
  measurePlace,
  projectBudget,
  valuesOf,
} from './util';

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
    zh: '成本指标原则上不得突破预算支出标准，更不可能超过项目的总预算；常见原因是把“元”写成了“万元”或“亿元”，或填入了其他口径的金额。申报表的预算取资金总额；资金总额没有数字时取各资金来源之和（按表格的金额单位）；成本值与计量单位列合读，等于预算的总成本没有问题。',
    en: 'A cost target must stay within the spending standard and cannot exceed the project’s whole budget; the usual cause is 元 written as 万元 or 亿元, or an amount from another scope. A form’s budget is its total, or the sum of its sources when the total holds no number (in the table’s money unit); a cost is read with its unit column, and a total cost equal to the budget is fine.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；14-成本指标；领取养老待遇金额；实施周期指标值：≤42亿元；年度指标值：≤42亿元。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
          '110.00',
        ),
      },
      {
        layout: 'form',
        rows: formRows(['产出指标\t成本指标\t项目总成本\t≤150万元', '效益指标\t社会效益指标\t助餐服务覆盖率\t≥90%']),
        note: { zh: '申报表的资金总额为 100 万元', en: 'a form whose total is 100 万元' },
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；14-成本指标；车辆购置单价；实施周期指标值：≤180000元/辆；年度指标值：≤180000元/辆。2、2-效益指标；22-社会效益；出行保障率；实施周期指标值：≥90%；年度指标值：≥90%。',
          '18.00',
        ),
      },
      {
        layout: 'form',
        rows: formRows(
          ['产出指标\t成本指标\t年度预算总成本\t3\t万元', '\t\t出差单位成本\t0.2\t万元/人'],
          [...FORM_BLOCK.slice(0, 4), '资金总额\t3'],
          '一级指标\t二级指标\t三级指标\t目标值\t计量单位',
        ),
        note: { zh: '总成本等于预算', en: 'a total cost equal to the budget' },
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
  checkProject(project, ctx) {
    const written = projectBudget(project);
    if (written === undefined || written <= 0) return;
    const budget = written * MONEY_UNITS[ctx.unit].wan;
    const inUnit = ctx.unit === DEFAULT_MONEY_UNIT ? '' : `${formatWan(written)} ${ctx.unit} = `;
    const summed = !project.amounts.some((a) => a.role === 'total' && a.value !== undefined);
    const what = summed
      ? { zh: '项目预算（各资金来源之和）', en: 'the project’s budget (the sum of its sources)' }
      : { zh: '项目预算', en: 'the project’s budget' };
    for (const ind of project.indicators) {
      if (!isCost(ind)) continue;
      for (const v of formValues(ind)) {
        for (const m of v.parsed.measures) {
          const wan = costInWan(m);
          if (wan === undefined || wan <= budget + ctx.config.tolerance + EPSILON) continue;
          ctx.report({
            place: measurePlace(v, m),
            message: {
              zh: `成本指标的${FORM_VALUE_NAMES[v.part].zh} ${formatNumber(wan)} 万元超过${what.zh} ${inUnit}${formatWan(budget)} 万元`,
              en: `the cost in ${FORM_VALUE_NAMES[v.part].en}, ${formatNumber(wan)} 万元, exceeds ${what.en} of ${inUnit}${formatWan(budget)} 万元`,
            },
          });
        }
      }
    }
  },
};

/** A form's cost indicator: filed under 成本指标, as a 二级 or (the 2021 layout) as a 一级. */
function isCost(ind: ModelIndicator): boolean {
  if (formLevel2Code(ind) === '14') return true;
  return ind.level1 !== undefined && lookupFormName(ind.level1.text, 1)?.entry.code === '14';
}

/** A cost measure in 万元: money units, or (a cost being money) a number with 万 or 亿 and no unit (`250万`). */
function costInWan(m: Measure): number | undefined {
  const wan = moneyInWan(m);
  if (wan !== undefined) return wan;
  return m.unit === '' && m.scale > 1 ? m.value / 1e4 : undefined;
}
