import type { Located } from '../model/types';
import { labelKey } from '../syntax/form';
import { AMOUNT_COLUMNS, AMOUNT_COLUMNS_EN } from '../vocabulary';
import { projectRow, unitRow } from './examples';
import type { RowRule } from './types';
import { FORM_BLOCK, formRows, isAmountRow } from './util';

export const amountInvalid: RowRule = {
  id: 'amount-invalid',
  category: 'structure',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: false,
  description: {
    zh: '金额单元格不是数字（单位：万元）；申报表的资金总额等金额处写的不是数字（如列名“金额(万元)”）。',
    en: 'An amount cell is not a number (in 万元); a form’s total or other amount holds something else than a number (such as the column name “金额(万元)”).',
  },
  rationale: {
    zh: '金额列只能填写万元数，如“1,076.63”；空白表示 0。文字或单位会让合计无法核对（全角数字按其数值读取，由 amount-style 改为半角）。申报表中金额没有数字时，资金总额和各项来源无法核对。',
    en: 'Amount columns hold a number of 万元 such as “1,076.63”; blank means 0. Words or units make the sums impossible to check (full-width digits are read by their value; amount-style writes them in ASCII). A form’s amount without a number leaves its total and sources impossible to check.',
  },
  examples: {
    bad: [
      { rows: [projectRow('就业补助资金', ['100万', '100.00'])] },
      { rows: [unitRow('某单位', ['一百', '100.00'])] },
      {
        layout: 'form',
        rows: formRows(undefined, [
          ...FORM_BLOCK.slice(0, 4),
          '项目资金(万元)\t年度资金总额\t金额(万元)',
          '\t(一)财政拨款\t6.30',
        ]),
        note: { zh: '资金总额处写的是列名', en: 'the total’s cell holds a column name' },
      },
    ],
    good: [
      { rows: [projectRow('就业补助资金', ['1,100.00', '1,000.00', '', '100.00'])] },
      { layout: 'form', rows: formRows() },
    ],
  },
  checkRow(row, ctx) {
    if (!isAmountRow(row)) return;
    row.amounts.forEach((a, i) => {
      if (a.value !== undefined) return;
      ctx.report({
        span: a.cell.textSpan,
        message: {
          zh: `${AMOUNT_COLUMNS[i] ?? '金额'}“${a.cell.text}”不是金额：应填写万元数，如“1,076.63”`,
          en: `${AMOUNT_COLUMNS_EN[i] ?? 'amount'} “${a.cell.text}” is not an amount: write a number of 万元 such as “1,076.63”`,
        },
      });
    });
  },
  checkProject(project, ctx) {
    const duties = project.spending.flatMap((s) => (s.amount ? [s.amount] : []));
    for (const a of [...project.amounts, ...duties]) {
      if (a.value !== undefined || !a.cell) continue;
      const name = labelKey(a.label.text) || a.label.text;
      // The reader found a column's name where the amount should stand (`年度资金总额 ⇥ 金额(万元)`).
      const blocked = project.fields.some((f) => f.blocked && samePlace(f.blocked, a.cell));
      ctx.report({
        place: a.cell.place,
        message: blocked
          ? {
              zh: `“${name}”没有金额：单元格里是列名“${a.cell.text}”，应填写${ctx.unit}数`,
              en: `“${name}” has no amount: its cell holds the column name “${a.cell.text}”; write a number of ${ctx.unit}`,
            }
          : {
              zh: `“${name}”的金额“${a.cell.text}”不是数字：应填写${ctx.unit}数，如“1,076.63”`,
              en: `the amount of “${name}”, “${a.cell.text}”, is not a number: write a number of ${ctx.unit} such as “1,076.63”`,
            },
      });
    }
  },
};

function samePlace(a: Located, b: Located | undefined): boolean {
  return (
    b !== undefined &&
    a.place.line === b.place.line &&
    a.place.span.start === b.place.span.start &&
    a.place.span.end === b.place.span.end
  );
}
