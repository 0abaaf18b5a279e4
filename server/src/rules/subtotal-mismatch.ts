import { formatWan } from '../i18n';
import type { RowRef } from '../syntax/document';
import { AMOUNT_COLUMNS, AMOUNT_COLUMNS_EN } from '../vocabulary';
import { projectRow, unitRow } from './examples';
import { EPSILON, toleranceIn } from './util';
import type { MoneyUnit } from '../catalogue';
import type { DocumentContext, DocumentRule, Related } from './types';

/** At most this many parts are listed as related information. */
const MAX_RELATED = 50;

function compare(
  ctx: DocumentContext,
  money: MoneyUnit,
  owner: RowRef,
  parts: readonly RowRef[],
  what: { zh: string; en: string },
): void {
  for (let col = 0; col < 4; col++) {
    const amount = owner.row.amounts[col];
    if (!amount || amount.value === undefined) continue;
    const values = parts.map((p) => p.row.amounts[col]?.value);
    if (values.some((v) => v === undefined)) continue;
    const sum = values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
    const diff = amount.value - sum;
    if (Math.abs(diff) <= toleranceIn(money, ctx.config.tolerance) + EPSILON) continue;
    const related: Related[] = parts.slice(0, MAX_RELATED).map((p) => ({
      line: p.line,
      span: p.row.amounts[col]?.cell.textSpan ?? p.row.name?.textSpan ?? { start: 0, end: 0 },
      message: {
        zh: `${p.row.name?.text ?? ''}：${formatWan(p.row.amounts[col]?.value ?? 0)}`,
        en: `${p.row.name?.text ?? ''}: ${formatWan(p.row.amounts[col]?.value ?? 0)}`,
      },
    }));
    const fixed = formatWan(sum);
    ctx.report({
      line: owner.line,
      span: amount.cell.textSpan,
      message: {
        zh: `${AMOUNT_COLUMNS[col]} ${formatWan(amount.value)} ≠ ${what.zh}之和 ${fixed}（${parts.length} 行，相差 ${formatWan(diff)} ${money}）`,
        en: `${AMOUNT_COLUMNS_EN[col]} ${formatWan(amount.value)} ≠ the sum of ${what.en}, ${fixed} (${parts.length} rows, off by ${formatWan(diff)} ${money})`,
      },
      related,
      ...(owner.row.name ? { project: owner.row.name.text } : {}),
      fixes: [
        {
          title: { zh: `改为 ${fixed}`, en: `Change to ${fixed}` },
          safe: false,
          edits: [{ line: owner.line, span: amount.cell.textSpan, newText: fixed }],
        },
      ],
    });
  }
}

export const subtotalMismatch: DocumentRule = {
  id: 'subtotal-mismatch',
  category: 'arithmetic',
  scope: 'document',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '单位小计不等于其下项目之和，或合计不等于各单位之和（逐列核对）。',
    en: 'A unit’s subtotal is not the sum of its projects, or 合计 is not the sum of the units (column by column).',
  },
  rationale: {
    zh: '单位行的每一列必须等于其下各项目之和，合计必须等于各单位之和；源系统的舍入可能造成 0.01 的差额，同样需要报告，允许的误差由 tolerance 设置。',
    en: 'Each column of a unit row must equal the sum of its projects, and 合计 the sum of the units; rounding in the source system can leave 0.01, which is reported too unless the `tolerance` setting allows it.',
  },
  examples: {
    bad: [
      {
        rows: [
          unitRow('合计', ['300.00', '300.00']),
          unitRow('某单位', ['300.00', '300.00']),
          projectRow('项目甲', ['100.00', '100.00']),
          projectRow('项目乙', ['199.99', '199.99']),
        ],
      },
      {
        rows: [
          unitRow('合计', ['301.00', '301.00']),
          unitRow('某单位', ['300.00', '300.00']),
          projectRow('项目甲', ['300.00', '300.00']),
        ],
      },
    ],
    good: [
      {
        rows: [
          unitRow('合计', ['300.00', '300.00']),
          unitRow('某单位', ['300.00', '300.00']),
          projectRow('项目甲', ['100.00', '100.00']),
          projectRow('项目乙', ['200.00', '200.00']),
        ],
      },
    ],
  },
  check(doc, ctx) {
    for (const table of doc.tables) {
      for (const unit of table.units) {
        compare(ctx, table.unit, unit.ref, unit.projects, {
          zh: `“${unit.ref.row.name?.text ?? ''}”下各项目`,
          en: `its projects`,
        });
      }
      if (table.total) {
        if (table.units.length > 0) {
          compare(ctx, table.unit, table.total, [...table.units.map((u) => u.ref), ...table.looseProjects], {
            zh: '各单位',
            en: 'the units',
          });
        } else if (table.projects.length > 0) {
          compare(ctx, table.unit, table.total, table.projects, { zh: '各项目', en: 'the projects' });
        }
      }
    }
  },
};
