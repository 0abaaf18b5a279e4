import { AMOUNT_COLUMNS, AMOUNT_COLUMNS_EN } from '../vocabulary';
import { projectRow, unitRow } from './examples';
import type { RowRule } from './types';
import { isAmountRow } from './util';

export const amountInvalid: RowRule = {
  id: 'amount-invalid',
  category: 'structure',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: false,
  description: {
    zh: '金额单元格不是数字（单位：万元）。',
    en: 'An amount cell is not a number (in 万元).',
  },
  rationale: {
    zh: '金额列只能填写万元数，如“1,076.63”；空白表示 0。文字或单位会让合计无法核对（全角数字按其数值读取，由 amount-style 改为半角）。',
    en: 'Amount columns hold a number of 万元 such as “1,076.63”; blank means 0. Words or units make the sums impossible to check (full-width digits are read by their value; amount-style writes them in ASCII).',
  },
  examples: {
    bad: [
      { rows: [projectRow('就业补助资金', ['100万', '100.00'])] },
      { rows: [unitRow('某单位', ['一百', '100.00'])] },
    ],
    good: [{ rows: [projectRow('就业补助资金', ['1,100.00', '1,000.00', '', '100.00'])] }],
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
};
