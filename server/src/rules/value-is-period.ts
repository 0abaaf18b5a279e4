import { withIndicators } from './examples';
import { classCode, isWholeYear, parseDateRange, sameRange, textSpan, valuesOf } from '../model/meaning';
import type { ProjectRule } from './types';

/** The timeliness class (时效指标). */
const TIMELINESS = '13';

export const valueIsPeriod: ProjectRule = {
  id: 'value-is-period',
  category: 'values',
  scope: 'project',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '时效指标的指标值就是项目的整个实施期（或一整年），衡量不了是否按时。',
    en: 'A timeliness value is just the project’s whole period (or a whole year), which measures nothing.',
  },
  rationale: {
    zh: '时效指标要衡量是否按时完成：写完成时限（“2024年1月底前完成”）或按时完成率（“≥95%”）。把实施期“2023.07-2024.01”或“2021年1月-12月”填作指标值，等于只说项目在实施期内实施，无法据此评价。',
    en: 'A timeliness indicator measures whether things are done on time: write a deadline (“2024年1月底前完成”) or an on-time rate (“≥95%”). Writing the period (“2023.07-2024.01”, “2021年1月-12月”) as the value only says the project runs during its period, which nothing can be judged by.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、1-产出指标；13-时效指标；项目实施时间；实施周期指标值：2021年1月-12月；年度指标值：2021年1月-12月。',
        ),
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目名称\t雾炮车降尘抑尘服务',
          '项目实施期\t2023.07-2024.01',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t时效指标\t服务周期\t2023.07-2024.01',
        ],
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、1-产出指标；13-时效指标；培训完成时间；实施周期指标值：2021年6月底前；年度指标值：2021年6月底前。',
        ),
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目名称\t雾炮车降尘抑尘服务',
          '项目实施期\t2023.07-2024.01',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t时效指标\t服务按时完成率\t≥95%',
        ],
      },
    ],
  },
  checkProject(project, ctx) {
    const period = project.period ? parseDateRange(project.period.text) : undefined;
    for (const ind of project.indicators) {
      if (classCode(ind) !== TIMELINESS) continue;
      for (const v of valuesOf(ind)) {
        const range = parseDateRange(v.text);
        if (!range) continue;
        const isPeriod = period !== undefined && sameRange(range, period);
        if (!isPeriod && !isWholeYear(range)) continue;
        const what = isPeriod
          ? { zh: '项目的实施期', en: 'the project’s period' }
          : { zh: '一整年', en: 'a whole year' };
        ctx.report({
          place: { line: v.place.line, span: textSpan(v) },
          message: {
            zh: `时效指标值“${v.text.trim()}”就是${what.zh}，衡量不了是否按时：应写完成时限（如“12月底前完成”）或按时完成率（如“≥95%”）`,
            en: `the timeliness value “${v.text.trim()}” is ${what.en}, which measures nothing: write a deadline (such as “12月底前完成”) or an on-time rate (such as “≥95%”)`,
          },
          ...(isPeriod && project.period
            ? {
                related: [
                  {
                    place: { line: project.period.place.line, span: textSpan(project.period) },
                    message: { zh: '实施期', en: 'the period' },
                  },
                ],
              }
            : {}),
        });
      }
    }
  },
};
