import { STAFF_PAY_EXCEPT_SOURCE, STAFF_PAY_SOURCE } from '../vocabulary';
import type { ProjectRule } from './types';

const PAY = new RegExp(STAFF_PAY_SOURCE);
const EXCEPT = new RegExp(STAFF_PAY_EXCEPT_SOURCE);
/** The item that pays staff: 基本支出 (or 人员经费, 工资福利支出). */
const BASIC = /基本支出|人员经费|工资福利支出/;

const FORM = [
  '部门整体支出绩效目标表',
  '部门(单位)名称\t某研究室',
  '年度预算安排(万元)\t资金总额\t100',
  '\t项目支出\t40',
  '\t基本支出\t60',
  '年度履职目标\t部门职能\t年度目标任务\t支出项目名称\t预算金额(万元)',
];
const GRID = ['一级指标\t二级指标\t三级指标\t目标值', '产出指标\t数量指标\t年鉴出版册数\t≥2册'];

export const staffPayInProject: ProjectRule = {
  id: 'staff-pay-in-project',
  category: 'arithmetic',
  scope: 'project',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '部门履职目标中，本单位人员的工资、福利、奖金由项目支出（而非基本支出）安排。',
    en: 'A department’s duties pay its own staff’s wages, welfare or bonuses from a project item instead of basic expenditure.',
  },
  rationale: {
    zh: '在编人员的工资福利属于基本支出（人员经费），项目支出不得用于人员经费；审核时会要求调整到基本支出。编外、聘用、劳务人员的报酬可由项目安排，不在此列。',
    en: 'Staff wages and welfare are basic expenditure (人员经费), which project funds may not pay; reviewers ask for them to move to basic expenditure. Pay of contract staff (编外, 聘用, 劳务) may come from projects and is not meant.',
  },
  examples: {
    bad: [
      {
        layout: 'form',
        rows: [
          ...FORM,
          '\t编纂地方志\t完成年鉴\t编纂经费\t30',
          '\t人员管理\t按时发放人员福利\t编纂经费\t10',
          '\t日常运转\t发放工资\t基本支出\t60',
          ...GRID,
        ],
      },
    ],
    good: [
      {
        layout: 'form',
        rows: [
          ...FORM,
          '\t编纂地方志\t完成年鉴\t编纂经费\t30',
          '\t编纂地方志\t发放编外聘用人员工资\t编纂经费\t10',
          '\t日常运转\t按时发放人员工资待遇\t基本支出\t60',
          ...GRID,
        ],
      },
    ],
  },
  checkProject(project, ctx) {
    for (const s of project.spending) {
      const task = s.task;
      if (!task || !s.item || BASIC.test(s.item.text)) continue;
      const m = PAY.exec(task.text);
      if (!m || EXCEPT.test(task.text)) continue;
      ctx.report({
        place: {
          line: task.place.line,
          span: { start: task.place.span.start + m.index, end: task.place.span.start + m.index + m[0].length },
        },
        message: {
          zh: `“${m[0]}”属于基本支出（人员经费），却由项目“${s.item.text}”安排`,
          en: `“${m[0]}” is basic expenditure (staff costs), yet the project item “${s.item.text}” pays it`,
        },
        related: [{ place: s.item.place, message: { zh: '支出项目', en: 'the paying item' } }],
      });
    }
  },
};
