import { describeRule } from '../../../test/helpers';
import { staffPayInProject } from './staff-pay-in-project';

const duties = (...rows: string[]): string =>
  [
    '部门整体支出绩效目标表',
    '部门(单位)名称\t某研究室',
    '年度预算安排(万元)\t资金总额\t100',
    '\t项目支出\t40',
    '\t基本支出\t60',
    '年度履职目标\t部门职能\t年度目标任务\t支出项目名称\t预算金额(万元)',
    ...rows,
    '一级指标\t二级指标\t三级指标\t目标值',
    '产出指标\t数量指标\t年鉴出版册数\t≥2册',
  ].join('\n');

describeRule(staffPayInProject, [
  {
    name: 'staff welfare paid from a project item is found, at the words that say so',
    rows: [],
    text: duties('\t人员管理\t按时发放2019年人员福利\t地情编纂经费\t11', '\t日常运转\t发放工资\t基本支出\t60'),
    underlines: ['人员福利'],
    messages: [{ zh: '地情编纂经费', en: 'basic expenditure' }],
  },
  {
    name: 'bonuses and 工资福利 too; contract staff and items of basic expenditure are fine',
    rows: [],
    text: duties(
      '\t人员管理\t按年度发放绩效奖\t业务经费\t5',
      '\t人员管理\t发放编外聘用人员工资\t业务经费\t5',
      '\t日常运转\t保障在职人员工资福利\t人员经费\t30',
      '\t日常运转\t按时发放人员工资待遇\t基本支出\t60',
    ),
    underlines: ['绩效奖'],
  },
  {
    name: 'a seven-column project paying its contract staff says nothing',
    rows: [
      '人事业务经费（编外人员聘用经费）\t81.00\t81.00\t\t\t通过实施本项目，按时发放自聘编外人员工资待遇。\t1、1-产出指标；11-数量指标；聘用人数；实施周期指标值：≥5人；年度指标值：≥5人。',
    ],
    underlines: [],
  },
]);
