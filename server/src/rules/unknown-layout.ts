import { projectRow } from './examples';
import type { RowRef, TargetDocument } from '../syntax/document';
import type { DocumentRule } from './types';

/** The row a table of unknown columns is reported at: its first row of several cells (its header). */
function firstRow(doc: TargetDocument, start: number, end: number): RowRef | undefined {
  let first: RowRef | undefined;
  for (let i = start; i <= end && i < doc.rows.length; i++) {
    const ref = doc.rows[i];
    if (!ref || ref.line !== i || ref.row.kind === 'blank') continue;
    // A preface line (`部门：… ⇥ 单位：万元`) is not the table's header.
    if (ref.row.kind === 'text' && first === undefined) {
      first = ref;
      continue;
    }
    if (ref.row.kind !== 'text' && ref.row.cells.filter((c) => c.text !== '').length >= 2) return ref;
  }
  return first;
}

export const unknownLayout: DocumentRule = {
  id: 'unknown-layout',
  category: 'structure',
  scope: 'document',
  defaultSeverity: 'information',
  fixable: false,
  description: {
    zh: '表格的版式不是本工具能读的版式（既不是七列的绩效目标表，也不是有一级/二级/三级指标的申报表）。',
    en: 'A table is in a layout the product does not read (neither the seven-column target table nor an application form with 一级/二级/三级指标 columns).',
  },
  rationale: {
    zh: '本工具只读七列的项目支出绩效目标表和以一级指标、二级指标、三级指标为列的申报表。其他表格（如预算收支表）的行不按这两种版式检查：每张这样的表只给出这一条提示，不会报出一串七列表格的错误。若它本应是绩效目标表，请按七列表格或申报表的表头填写。',
    en: 'The product reads the seven-column performance target table and application forms whose grid has 一级指标, 二级指标 and 三级指标 columns. Other tables (a budget statement, say) are not checked as either: each gets this one note, never a flood of seven-column errors. If it is meant to be a target table, give it the header of one of the two layouts.',
  },
  examples: {
    bad: [
      {
        layout: 'form',
        note: {
          zh: '一张预算支出表：其列不是绩效目标表的列',
          en: 'a budget statement: its columns are no target table’s',
        },
        rows: [
          '2023年部门支出预算表',
          '单位：万元',
          '科目编码\t科目名称\t合计\t基本支出\t项目支出',
          '201\t一般公共服务支出\t120.5\t100\t20.5',
          '20101\t人大事务\t50\t40\t10',
        ],
      },
    ],
    good: [
      {
        note: { zh: '七列的绩效目标表', en: 'a seven-column target table' },
        rows: [projectRow('职业技能培训项目', ['100.00', '100.00'])],
      },
    ],
  },
  check(doc: TargetDocument, ctx) {
    for (const t of doc.tables) {
      if (t.layout !== 'unknown') continue;
      const ref = firstRow(doc, t.startLine, t.endLine);
      if (!ref) continue;
      const columns = ref.row.cells
        .map((c) => c.text)
        .filter((c) => c !== '')
        .slice(0, 6);
      const shown = columns.join(' · ');
      ctx.report({
        line: ref.line,
        span: { start: 0, end: ref.row.text.length },
        message: {
          zh: `这张表的版式本工具不能读（列为 ${shown}）：它既不是七列的绩效目标表，也不是有一级指标、二级指标、三级指标的申报表，其内容未检查`,
          en: `this table is in a layout the product does not read (columns ${shown}): neither the seven-column target table nor an application form with 一级指标/二级指标/三级指标 columns; its content is not checked`,
        },
      });
    }
  },
};
