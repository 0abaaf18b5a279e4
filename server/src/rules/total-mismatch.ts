import { formatWan } from '../i18n';
import { projectRow } from './examples';
import type { RowRule } from './types';
import { EPSILON, isAmountRow, toleranceIn } from './util';
import { AMOUNT_COLUMNS, AMOUNT_COLUMNS_EN } from '../vocabulary';

/** 总计 and the sources it sums (财政拨款 + 财政专户拨款 + 其他资金), as the messages name them. */
const [TOTAL_ZH = '', ...SOURCE_COLUMNS_ZH] = AMOUNT_COLUMNS;
const [TOTAL_EN = '', ...SOURCE_COLUMNS_EN] = AMOUNT_COLUMNS_EN;
const SOURCES_ZH = SOURCE_COLUMNS_ZH.join(' + ');
const SOURCES_EN = SOURCE_COLUMNS_EN.join(' + ');

export const totalMismatch: RowRule = {
  id: 'total-mismatch',
  category: 'arithmetic',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '总计不等于财政拨款 + 财政专户拨款 + 其他资金。',
    en: 'The total (总计) is not the sum of 财政拨款, 财政专户拨款 and 其他资金.',
  },
  rationale: {
    zh: '每一行的总计必须等于三个资金来源之和；差额即使只有 0.01（按表格的金额单位）也会被退回。允许的舍入误差可在设置 tolerance 中调整（以万元计，按表格的单位换算）。',
    en: 'Each row’s total must equal its three sources; even a 0.01 difference (in the table’s money unit) is sent back. The allowed rounding difference is the `tolerance` setting (in 万元, converted to the table’s unit).',
  },
  examples: {
    bad: [{ rows: [projectRow('就业补助资金', ['100.00', '90.00', '5.00', '4.99'])] }],
    good: [
      { rows: [projectRow('就业补助资金', ['100.00', '90.00', '5.00', '5.00'])] },
      {
        rows: [projectRow('就业补助资金', ['100.00', '100.00', '', ''])],
        note: { zh: '空白按 0 计', en: 'blank counts as 0' },
      },
    ],
  },
  checkRow(row, ctx) {
    if (!isAmountRow(row)) return;
    const [total, ...sources] = row.amounts;
    if (!total || total.value === undefined || sources.some((s) => s.value === undefined)) return;
    const sum = sources.reduce((acc, s) => acc + (s.value ?? 0), 0);
    const diff = total.value - sum;
    if (Math.abs(diff) <= toleranceIn(ctx.unit, ctx.config.tolerance) + EPSILON) return;
    const fixed = formatWan(sum);
    ctx.report({
      span: total.cell.textSpan,
      message: {
        zh: `${TOTAL_ZH} ${formatWan(total.value)} ≠ ${SOURCES_ZH} = ${fixed}（相差 ${formatWan(diff)} ${ctx.unit}）`,
        en: `${TOTAL_EN} ${formatWan(total.value)} ≠ ${SOURCES_EN} = ${fixed} (off by ${formatWan(diff)} ${ctx.unit})`,
      },
      fixes: [
        {
          title: { zh: `总计改为 ${fixed}`, en: `Set the total to ${fixed}` },
          safe: false,
          edits: [{ span: total.cell.textSpan, newText: fixed }],
        },
      ],
    });
  },
};
