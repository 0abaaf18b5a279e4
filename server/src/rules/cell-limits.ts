import { withIndicators, GOOD_INDICATORS } from './examples';
import type { RowRule } from './types';

/** At most this many findings are listed per cell; one note of this rule counts the rest. */
export const MAX_FINDINGS_PER_CELL = 100;

/**
 * Not a check of the table but of how far it was checked: giant input (a table pasted from a PDF
 * or a broken export as one line) degrades on purpose, and says so. The checker writes the note on
 * findings beyond `MAX_FINDINGS_PER_CELL` (check/checker.ts); this rule notes an indicator cell that was
 * read only in part (longer than `maxCellLength`, or so broken that reading on stopped).
 */
export const cellLimits: RowRule = {
  id: 'cell-limits',
  category: 'structure',
  scope: 'row',
  defaultSeverity: 'information',
  fixable: false,
  description: {
    zh: '单元格只检查了一部分：超过长度上限（maxCellLength）的部分未检查，或单元格的问题超过 100 条、其余未列出。',
    en: 'A cell was checked only in part: what lies past the length limit (maxCellLength) was not checked, or its findings beyond 100 are not listed.',
  },
  rationale: {
    zh: '从 PDF 粘贴或导出出错的表格可能整张表在一行里、一个单元格有数兆字符。检查这样的单元格会让编辑器卡住数秒、列出上百万条问题，所以只检查单元格的前 maxCellLength 个字符（默认 20000，设置 perfTarget.maxCellLength 或 .perf-target.json 的 "maxCellLength"），每个单元格最多列出 100 条问题，并各用一条提示说明。先把表格恢复成一行一个项目。',
    en: 'A table pasted from a PDF or a broken export can be one line, with cells of megabytes. Checking such a cell would freeze the editor for seconds and list a million findings, so only the first maxCellLength characters of a cell are checked (default 20 000; setting perfTarget.maxCellLength or "maxCellLength" in .perf-target.json) and at most 100 findings per cell are listed, each with one note saying so. Restore the table to one project per line first.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(GOOD_INDICATORS.repeat(30)),
        note: {
          zh: '同一对指标粘贴了 30 次：超过 100 条问题',
          en: 'the same two indicators pasted 30 times: over 100 findings',
        },
      },
    ],
    good: [{ rows: withIndicators(GOOD_INDICATORS) }],
  },
  checkRow(row, ctx) {
    const cell = row.indicatorCell;
    const checked = row.kind === 'project' ? row.indicators?.checked : undefined;
    if (!cell || checked === undefined) return;
    const length = cell.text.length;
    const at = cell.textSpan.start + checked;
    const limit = ctx.config.maxCellLength;
    const byLength = row.indicators?.stoppedBy !== 'problems';
    ctx.report({
      span: { start: at, end: Math.min(at + 1, cell.textSpan.end) },
      message: byLength
        ? {
            zh: `单元格有 ${length} 个字符，只检查了前 ${checked} 个（上限 maxCellLength 为 ${limit}），其余未检查`,
            en: `cell of ${length} characters: only the first ${checked} were checked (the limit, maxCellLength, is ${limit}); the rest was not`,
          }
        : {
            zh: `单元格有 ${length} 个字符，问题太多，只检查了前 ${checked} 个，其余未检查`,
            en: `cell of ${length} characters: it has so many problems that only the first ${checked} were checked; the rest was not`,
          },
    });
  },
};
