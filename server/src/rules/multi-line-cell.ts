import { isQuotedCell } from '../syntax/document';
import { GOOD_INDICATORS, projectRow } from './examples';
import type { RowRule } from './types';

/** The characters a line break may sit between and still stand for a space (Latin words, numbers). */
const WORD = /[A-Za-z0-9]/;

/**
 * A quoted cell's content on one line: Excel's quotes dropped, doubled quotes read as one, each line
 * break (with the spaces around it) removed — or a space where it parted two Latin words.
 */
export function joinedCell(raw: string): string {
  const body = isQuotedCell(raw) ? raw.slice(1, -1).replace(/""/g, '"') : raw;
  return body.replace(/[ \u3000]*\r?\n[ \u3000]*/g, (m: string, at: number, all: string) => {
    const before = all[at - 1] ?? '';
    const after = all[at + m.length] ?? '';
    return WORD.test(before) && WORD.test(after) ? ' ' : '';
  });
}

export const multiLineCell: RowRule = {
  id: 'multi-line-cell',
  category: 'structure',
  scope: 'row',
  defaultSeverity: 'information',
  fixable: true,
  description: {
    zh: '单元格内有换行（Excel 中按 Alt+Enter 换行的单元格，复制后带引号跨多行）。',
    en: 'A cell holds line breaks (a cell broken with Alt+Enter in Excel, copied as a quoted cell spanning lines).',
  },
  rationale: {
    zh: '从 Excel 或 WPS 复制含换行的单元格时，单元格会被加上引号并跨越多行；本扩展把它读作一行中的一个单元格，但预算系统导入和逐行处理的工具通常要求每个项目占一行。快速修复把单元格合并为一行并去掉引号。',
    en: 'A cell with line breaks copied from Excel or WPS comes in quotes and spans several lines; this checker reads it as one cell of one row, but budget systems importing the table and tools reading it line by line usually expect one row per line. The quick fix joins the cell onto one line and drops the quotes.',
  },
  examples: {
    bad: [
      { rows: [projectRow('就业补助资金', ['100.00', '100.00'], GOOD_INDICATORS, '"开展职业技能培训，\n促进就业。"')] },
      {
        rows: [projectRow('就业补助资金', ['100.00', '100.00'], `"${GOOD_INDICATORS.replace('。2、', '。\n2、')}"`)],
        note: { zh: '指标单元格跨两行', en: 'an indicator cell over two lines' },
      },
    ],
    good: [
      { rows: [projectRow('就业补助资金', ['100.00', '100.00'], GOOD_INDICATORS, '"开展职业技能培训，促进就业。"')] },
    ],
  },
  checkRow(row, ctx) {
    if (!row.breaks) return;
    for (const cell of row.cells) {
      if (!cell.raw.includes('\n')) continue;
      const lines = cell.raw.split('\n').length;
      ctx.report({
        span: cell.span,
        message: {
          zh: `单元格内有换行，跨 ${lines} 行（从 Excel 复制的多行单元格）；按一个单元格读取`,
          en: `the cell holds line breaks and spans ${lines} lines (a multi-line cell copied from Excel); read as one cell`,
        },
        fixes: [
          {
            title: { zh: '合并为一行（去掉换行和引号）', en: 'Join onto one line (drop the line breaks and quotes)' },
            // It changes how the cell reads in a sheet (its lines run together): the clerk's choice.
            safe: false,
            edits: [{ span: cell.span, newText: joinedCell(cell.raw) }],
          },
        ],
      });
    }
  },
};
