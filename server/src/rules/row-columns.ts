import { COLUMNS } from '../vocabulary';
import { layoutAtLine } from '../syntax/document';
import type { DocumentRule } from './types';
import { projectRow } from './examples';

const EXPECTED = COLUMNS.length;
/** The columns as messages name them: `名称、总计、…` / `name, total, …`. */
const NAMES_ZH = COLUMNS.map((c) => c.brief.zh).join('、');
const NAMES_EN = COLUMNS.map((c) => c.brief.en).join(', ');

export const rowColumns: DocumentRule = {
  id: 'row-columns',
  category: 'structure',
  scope: 'document',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '表格行不是 7 个以制表符分隔的单元格（名称、4 个金额、绩效目标、绩效指标）。',
    en: 'A table row does not have seven tab-separated cells (name, four amounts, goal, indicators).',
  },
  rationale: {
    zh: '单元格错位后，金额、目标和指标都会被读到错误的列里；常见原因是复制时制表符变成了空格，或多出了空列。',
    en: 'When cells shift, amounts, goal and indicators are read from the wrong columns; tabs turned into spaces when copying, or extra empty columns, are the usual causes.',
  },
  examples: {
    bad: [
      { rows: ['就业补助资金\t100.00\t100.00\t\t\t目标'] },
      { rows: [projectRow('就业补助资金', ['100.00', '100.00']) + '\t\t'] },
      { rows: ['就业补助资金 100.00 100.00 目标'], note: { zh: '制表符变成了空格', en: 'tabs turned into spaces' } },
    ],
    good: [{ rows: [projectRow('就业补助资金', ['100.00', '100.00'])] }],
  },
  check(doc, ctx) {
    for (const table of doc.tables) {
      for (const ref of table.strayLines) {
        const cell = ref.row.cells[0];
        if (!cell) continue;
        ctx.report({
          line: ref.line,
          span: cell.textSpan,
          message: {
            zh: '表格中的这一行没有制表符：单元格应以制表符分隔（可能被替换成了空格）',
            en: 'this line inside the table has no tabs: cells must be tab-separated (they may have been replaced by spaces)',
          },
        });
      }
    }
    for (const [i, ref] of doc.rows.entries()) {
      const { row, line } = ref;
      // A row of several lines (a quoted cell with line breaks) is read once, at its first.
      if (line !== i) continue;
      if (layoutAtLine(doc, i) !== 'seven-column') continue;
      if (row.kind === 'blank' || row.kind === 'text' || row.cells.length === EXPECTED) continue;
      const n = row.cells.length;
      const project = row.name?.text;
      if (n > EXPECTED) {
        const extra = row.cells.slice(EXPECTED);
        const first = extra[0];
        const last = extra[extra.length - 1];
        const lastKept = row.cells[EXPECTED - 1];
        if (!first || !last || !lastKept) continue;
        const allEmpty = extra.every((c) => c.text === '');
        ctx.report({
          line,
          span: { start: first.span.start, end: Math.max(first.span.start + 0, last.span.end) },
          message: {
            zh: `应为 ${EXPECTED} 个单元格，实际为 ${n} 个${allEmpty ? '（末尾多出空单元格）' : ''}`,
            en: `expected ${EXPECTED} cells, found ${n}${allEmpty ? ' (extra empty cells at the end)' : ''}`,
          },
          ...(project !== undefined ? { project } : {}),
          ...(allEmpty
            ? {
                fixes: [
                  {
                    title: { zh: '删除末尾多余的空单元格', en: 'Remove the extra empty cells' },
                    safe: true,
                    edits: [{ line, span: { start: lastKept.span.end, end: last.span.end }, newText: '' }],
                  },
                ],
              }
            : {}),
        });
      } else {
        const last = row.cells[n - 1];
        if (!last) continue;
        ctx.report({
          line,
          span: last.span.end > last.span.start ? last.span : { start: 0, end: row.text.length },
          message: {
            zh: `应为 ${EXPECTED} 个单元格（${NAMES_ZH}），实际为 ${n} 个`,
            en: `expected ${EXPECTED} cells (${NAMES_EN}), found ${n}`,
          },
          ...(project !== undefined ? { project } : {}),
        });
      }
    }
  },
};
