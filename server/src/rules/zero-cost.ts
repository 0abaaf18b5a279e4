import { withIndicators } from './examples';
import { classCode, measuresOf, textSpan, valuesOf } from '../model/meaning';
import type { ProjectRule } from './types';

/** The cost class (成本指标). */
const COST = '14';

export const zeroCost: ProjectRule = {
  id: 'zero-cost',
  category: 'values',
  scope: 'project',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '成本指标的指标值为 0。',
    en: 'A cost (成本指标) value is 0.',
  },
  rationale: {
    zh: '成本指标是完成产出所需的成本，不可能为 0：按万元取整会把几千元的成本舍成 0（“出差单位成本 0 万元/人”）。应以元为单位写出实际成本（如“≤3000元/人”）；确实不花钱的事项不必设成本指标。',
    en: 'A cost target is what the outputs cost and cannot be 0: rounding to whole 万元 collapses a cost of a few thousand yuan to 0 (“出差单位成本 0 万元/人”). Write the real cost in 元 (such as “≤3000元/人”); an item that costs nothing needs no cost indicator.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；出差人次；实施周期指标值：24人次；年度指标值：24人次。2、1-产出指标；14-成本指标；出差单位成本；实施周期指标值：0万元/人；年度指标值：0万元/人。',
        ),
      },
      {
        layout: 'form',
        rows: [
          '项目绩效目标表',
          '项目名称\t再生资源回收市场管理经费',
          '一级指标\t二级指标\t三级指标\t指标方向\t目标值\t计量单位',
          '产出指标\t成本指标\t办公费总成本\t反向\t0\t万元',
        ],
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；出差人次；实施周期指标值：24人次；年度指标值：24人次。2、1-产出指标；14-成本指标；出差单位成本；实施周期指标值：≤3000元/人；年度指标值：≤3000元/人。',
        ),
      },
      {
        layout: 'form',
        rows: [
          '项目绩效目标表',
          '项目名称\t再生资源回收市场管理经费',
          '一级指标\t二级指标\t三级指标\t指标方向\t目标值\t计量单位',
          '产出指标\t成本指标\t办公费总成本\t反向\t4500\t元',
        ],
      },
    ],
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      if (classCode(ind) !== COST) continue;
      for (const v of valuesOf(ind)) {
        const measures = measuresOf(ind, v);
        if (measures.length !== 1 || measures[0]?.number !== 0) continue;
        const unit = ind.unit?.text.trim() || measures[0].unit;
        ctx.report({
          place: { line: v.place.line, span: textSpan(v) },
          message: {
            zh: `成本指标值为 0${unit ? `（${unit}）` : ''}：成本不可能为 0，按万元取整会把小额成本舍成 0；应以元为单位写出实际成本（如“≤3000元/人”）`,
            en: `the cost is 0${unit ? ` (${unit})` : ''}: a cost cannot be 0, and rounding to 万元 collapses small costs to 0; write the real cost in 元 (such as “≤3000元/人”)`,
          },
        });
        break;
      }
    }
  },
};
