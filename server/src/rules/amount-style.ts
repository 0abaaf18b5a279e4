import { amountRewrite } from '../syntax/canonical';
import { amountAscii } from '../syntax/normalize';
import { projectRow } from './examples';
import type { RowRule } from './types';
import { isAmountRow } from './util';

export const amountStyle: RowRule = {
  id: 'amount-style',
  category: 'structure',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    zh: '金额没有按“千位分隔符 + 两位小数”书写，或用了全角数字。',
    en: 'An amount is not written with thousands separators and two decimals, or in full-width digits.',
  },
  rationale: {
    zh: '财政系统导出的金额统一为“67,805.48”的格式；格式不一致往往说明数字是手工录入的，也容易看错数量级。',
    en: 'The finance system writes every amount as “67,805.48”; a different form usually means a hand-typed number and invites misreading its magnitude.',
  },
  examples: {
    bad: [
      { rows: [projectRow('就业补助资金', ['22265.7', '22265.7'])] },
      { rows: [projectRow('就业补助资金', ['1,000.5', '1,000.5'])] },
      {
        rows: [projectRow('就业补助资金', ['１２.５０', '１２.５０'])],
        note: { zh: '全角数字', en: 'full-width digits' },
      },
    ],
    good: [{ rows: [projectRow('就业补助资金', ['22,265.70', '22,265.70'])] }],
  },
  checkRow(row, ctx) {
    if (!isAmountRow(row)) return;
    for (const a of row.amounts) {
      const rewrite = amountRewrite(a);
      if (!rewrite) continue;
      const { text: expected, safe } = rewrite;
      ctx.report({
        span: a.cell.textSpan,
        message:
          amountAscii(a.cell.text) === a.cell.text
            ? {
                zh: `金额应写作“${expected}”（千位分隔符、两位小数）`,
                en: `write the amount as “${expected}” (thousands separators, two decimals)`,
              }
            : {
                zh: `金额应写作“${expected}”（半角数字、千位分隔符、两位小数）`,
                en: `write the amount as “${expected}” (ASCII digits, thousands separators, two decimals)`,
              },
        fixes: [
          {
            title: { zh: `改为“${expected}”`, en: `Change to “${expected}”` },
            safe,
            edits: [{ span: a.cell.textSpan, newText: expected }],
          },
        ],
      });
    }
  },
};
