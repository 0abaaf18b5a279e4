import { htmlReplacement } from '../syntax/canonical';
import { projectRow } from './examples';
import type { RowRule } from './types';

export const htmlResidue: RowRule = {
  id: 'html-residue',
  category: 'structure',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    zh: '单元格中残留 HTML 标签或实体（如 <p>、&nbsp;）。',
    en: 'A cell holds HTML tags or entities left over from an export (<p>, &nbsp;).',
  },
  rationale: {
    zh: '从网页或系统导出时带入的标签会原样出现在公开的表格中，也会干扰金额和指标的识别。',
    en: 'Tags carried over from a web page or an export show up verbatim in the published table and get in the way of reading amounts and indicators.',
  },
  examples: {
    bad: [{ rows: [projectRow('<p>就业补助资金</p>', ['<p>100.00</p>', '100.00'])] }],
    good: [{ rows: [projectRow('就业补助资金', ['100.00', '100.00'])] }],
  },
  checkRow(row, ctx) {
    if (row.kind === 'blank') return;
    for (const cell of row.cells) {
      if (cell.html.length === 0) continue;
      const first = cell.html[0];
      const last = cell.html[cell.html.length - 1];
      if (!first || !last) continue;
      const tags = cell.html.map((h) => row.text.slice(h.start, h.end));
      ctx.report({
        span: { start: first.start, end: last.end },
        message: {
          zh: `单元格中有 HTML 残留：${Array.from(new Set(tags)).join(' ')}`,
          en: `HTML left in the cell: ${Array.from(new Set(tags)).join(' ')}`,
        },
        fixes: [
          {
            title: { zh: '删除 HTML 标签', en: 'Remove the HTML' },
            safe: true,
            edits: cell.html.map((h, i) => ({ span: h, newText: htmlReplacement(tags[i] ?? '') })),
          },
        ],
      });
    }
  },
};
