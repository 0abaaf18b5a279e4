import { formExample } from './examples';
import type { Bilingual } from '../catalogue';
import type { IndicatorPart, ModelProject, ModelTable, ReaderNote } from '../model/types';
import { columnRole } from '../syntax/form';
import { COMPARATORS, DIRECTION_WORDS, FORM_COLUMNS, NATURE_WORDS } from '../vocabulary';
import type { FormRule, ProjectContext, Severity } from './types';

/** A column's role by name, in messages: `指标方向（正向/反向）` / `the direction (正向/反向)`. */
function partName(part: IndicatorPart): Bilingual {
  const brief = FORM_COLUMNS.find((c) => c.role === part)?.brief ?? { zh: part, en: part };
  const words =
    part === 'direction'
      ? `${DIRECTION_WORDS.up[0] ?? ''}/${DIRECTION_WORDS.down[0] ?? ''}`
      : part === 'nature'
        ? `${NATURE_WORDS.quantitative[0] ?? ''}/${NATURE_WORDS.qualitative[0] ?? ''}`
        : part === 'comparator'
          ? COMPARATORS.map((c) => c.means).join(' ')
          : '';
  return words ? { zh: `${brief.zh}（${words}）`, en: `${brief.en}s (${words})` } : brief;
}

/** The reader's notes that stand in `project`'s part of the table (each note once over the projects). */
function notesOf(project: ModelProject, table: ModelTable): ReaderNote[] {
  const projects = [...table.projects].sort((a, b) => a.place.line - b.place.line);
  const k = projects.indexOf(project);
  const from = k <= 0 ? -Infinity : project.place.line;
  const to = projects[k + 1]?.place.line ?? Infinity;
  return table.notes.filter((n) => n.place.line >= from && n.place.line < to);
}

/** The column-content notes of one header row, as one message: what each column holds. */
function columnContent(group: readonly ReaderNote[]): Bilingual {
  const held = (n: ReaderNote): Bilingual =>
    n.holds ? partName(n.holds) : { zh: '其他列的内容', en: 'another column’s content' };
  const zh = group.map((n) => `「${n.subject}」列填的是${held(n).zh}`).join('；');
  const en = group.map((n) => `the column ${n.subject} holds ${held(n).en}`).join('; ');
  // Two columns each holding what another's name says: their headers and content are swapped.
  const swapped =
    group.length >= 2 && group.some((n) => group.some((m) => m !== n && m.holds === columnRole(n.subject)));
  return swapped
    ? {
        zh: `${zh}——列的内容与表头对调了（已按内容读取），请对调表头或内容`,
        en: `${en} — the columns are swapped (read by their content); swap their headers or their content`,
      }
    : {
        zh: `${zh}，与列名不符（已按内容读取），请把内容移到对应的列`,
        en: `${en}, not what its name says (read by its content); move the content to its column`,
      };
}

function describe(note: ReaderNote): { message: Bilingual; severity: Severity } {
  switch (note.kind) {
    case 'merged-label-repeated':
      return {
        severity: 'hint',
        message: {
          zh: `「${note.subject}」又写在了第一行指标的首格：这是合并单元格留下的重复，该格应留空`,
          en: `“${note.subject}” is repeated in the first cell of an indicator row: a merged cell’s leftover; leave the cell empty`,
        },
      };
    case 'column-content':
      return { severity: 'warning', message: columnContent([note]) };
    case 'file-name-title':
      return {
        severity: 'information',
        message: {
          zh: `标题是附件的文件名（「${note.subject}」）：请写表的名称，文件名中的编号、金额和扩展名不属于标题`,
          en: `the title is an attachment’s file name (“${note.subject}”): write the table’s name; the file name’s number, amount and extension are no part of a title`,
        },
      };
    case 'empty-review':
      return {
        severity: 'hint',
        message: {
          zh: `「${note.subject}」为空：由审核部门填写，提交前留空属正常`,
          en: `${note.subject} is empty: the reviewing department fills it in; empty before submission is expected`,
        },
      };
  }
}

export const formLayout: FormRule = {
  id: 'form-layout',
  category: 'structure',
  scope: 'form',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '申报表版式上的问题：两列内容填反、合并单元格的标签重复、标题是文件名、审核意见为空。',
    en: 'Problems of an application form’s layout: two columns’ content swapped, a merged cell’s label repeated, a file name as the title, an empty review.',
  },
  rationale: {
    zh: '申报表按列名读取。列的内容与列名不符（如「指标性质」列填了正向/反向，「指标方向」列填了 ≥、=）时，本工具按内容读取，但导入预算系统时会按列名读，数据就错位了，这是警告。合并单元格的标签重复（提示）、标题写成附件文件名（说明）、财政部门审核意见为空（提示）不影响读取，只是提醒。',
    en: 'A form is read by its column names. When a column holds what another column’s name says (正向/反向 under 指标性质, ≥ and = under 指标方向) the product reads it by content, but a budget system imports by name and shifts the data: a warning. A merged cell’s label repeated (hint), an attachment’s file name as the title (note) and an empty finance review (hint) do not change the reading; they are reminders.',
  },
  examples: {
    bad: [
      formExample([
        '项目绩效目标表',
        '项目名称\t培训项目',
        '一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位',
        '产出指标\t数量指标\t培训人数\t正向\t≥\t100\t人',
        '产出指标\t质量指标\t培训合格率\t正向\t≥\t90\t%',
      ]),
    ],
    good: [
      formExample([
        '项目绩效目标表',
        '项目名称\t培训项目',
        '一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位',
        '产出指标\t数量指标\t培训人数\t定量\t正向\t≥100\t人',
        '产出指标\t质量指标\t培训合格率\t定量\t正向\t≥90\t%',
      ]),
    ],
  },
  checkProject(project, ctx: ProjectContext) {
    if (!ctx.table) return;
    const notes = notesOf(project, ctx.table);
    const done = new Set<ReaderNote>();
    for (const note of notes) {
      if (done.has(note)) continue;
      if (note.kind === 'column-content') {
        // The columns of one header row are one finding: a swap is one mistake, not two.
        const group = notes.filter((n) => n.kind === 'column-content' && n.place.line === note.place.line);
        for (const n of group) done.add(n);
        const [, ...others] = group;
        ctx.report({
          place: note.place,
          message: columnContent(group),
          severity: 'warning',
          ...(others.length > 0
            ? {
                related: others.map((n) => ({
                  place: n.place,
                  message: { zh: `「${n.subject}」列`, en: `the column ${n.subject}` },
                })),
              }
            : {}),
        });
        continue;
      }
      const { message, severity } = describe(note);
      ctx.report({ place: note.place, message, severity });
    }
  },
};
