import { formatWan } from '../i18n';
import { labelKey } from '../syntax/form';
import { projectRow } from './examples';
import type { RowRule } from './types';
import { EPSILON, FORM_BLOCK, formRows, isAmountRow, toleranceIn, topParts } from './util';
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
    zh: '总计不等于财政拨款 + 财政专户拨款 + 其他资金；申报表的资金总额不等于其下各项之和（资金来源，或基本支出 + 项目支出）。',
    en: 'The total (总计) is not the sum of 财政拨款, 财政专户拨款 and 其他资金; a form’s total (资金总额) is not the sum of its parts (its sources, or 基本支出 + 项目支出).',
  },
  rationale: {
    zh: '每一行的总计必须等于三个资金来源之和；差额即使只有 0.01（按表格的金额单位）也会被退回。允许的舍入误差可在设置 tolerance 中调整（以万元计，按表格的单位换算）。申报表的资金总额与其下一级各项（小计、资金来源、基本支出和项目支出）比较；只列出一项“其中”且小于总额时，其余来源视为未列出。',
    en: 'Each row’s total must equal its three sources; even a 0.01 difference (in the table’s money unit) is sent back. The allowed rounding difference is the `tolerance` setting (in 万元, converted to the table’s unit). A form’s total is compared with the parts right beneath it (subtotals, sources, 基本支出 and 项目支出); a single “of which” part below the total leaves the rest unlisted.',
  },
  examples: {
    bad: [
      { rows: [projectRow('就业补助资金', ['100.00', '90.00', '5.00', '4.99'])] },
      {
        layout: 'form',
        rows: formRows(undefined, [
          ...FORM_BLOCK.slice(0, 4),
          '项目资金\t资金总额\t100',
          '\t财政拨款\t80',
          '\t其他资金\t10',
        ]),
      },
    ],
    good: [
      { layout: 'form', rows: formRows() },
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
  checkProject(project, ctx) {
    const total = project.amounts.find((a) => a.role === 'total');
    if (!total?.cell || total.value === undefined) return;
    const parts = topParts(project);
    // A part that holds no number is amount-invalid's.
    if (parts.length === 0 || parts.some((p) => p.value === undefined)) return;
    const sum = parts.reduce((acc, p) => acc + (p.value ?? 0), 0);
    const diff = total.value - sum;
    if (Math.abs(diff) <= toleranceIn(ctx.unit, ctx.config.tolerance) + EPSILON) return;
    // One part (`其中：财政拨款`) below the total: the other sources are not listed.
    if (parts.length === 1 && diff > 0) return;
    const fixed = formatWan(sum);
    const names = parts.map((p) => labelKey(p.label.text)).join(' + ');
    const totalName = labelKey(total.label.text);
    ctx.report({
      place: total.cell.place,
      message: {
        zh: `${totalName} ${formatWan(total.value)} ≠ ${names} = ${fixed}（相差 ${formatWan(diff)} ${ctx.unit}）`,
        en: `${totalName} ${formatWan(total.value)} ≠ ${names} = ${fixed} (off by ${formatWan(diff)} ${ctx.unit})`,
      },
      related: parts.map((p) => ({
        place: (p.cell ?? p.label).place,
        message: {
          zh: `${labelKey(p.label.text)}：${formatWan(p.value ?? 0)}`,
          en: `${labelKey(p.label.text)}: ${formatWan(p.value ?? 0)}`,
        },
      })),
      // A total written with its unit (`250万`) is left for the writer to correct.
      ...(total.writtenUnit
        ? {}
        : {
            fixes: [
              {
                title: { zh: `${totalName}改为 ${fixed}`, en: `Set ${totalName} to ${fixed}` },
                safe: false,
                edits: [{ line: total.cell.place.line, span: total.cell.place.span, newText: fixed }],
              },
            ],
          }),
    });
  },
};
