import type { Located } from '../model/types';
import { ANNUAL_WORDS } from '../vocabulary';
import { withIndicators } from './examples';
import { parseDateRange, textSpan } from '../model/meaning';
import type { ProjectRule } from './types';
import { sameText } from './util';

const where = (l: Located) => ({ line: l.place.line, span: textSpan(l) });

export const goalsIdentical: ProjectRule = {
  id: 'goals-identical',
  category: 'values',
  scope: 'project',
  defaultSeverity: 'information',
  fixable: false,
  description: {
    zh: '实施期目标与年度目标一字不差，或实施期跨年而资金称为“年度”资金。',
    en: 'The whole-period goal and the annual goal are word for word the same, or a period runs into another year while its money is called annual.',
  },
  rationale: {
    zh: '跨年项目的年度目标是实施期目标中本年要完成的部分，照抄实施期目标说明不了本年做什么；实施期只在一年之内时两者相同是正常的，不提示。实施期跨入下一年（“2023.07-2024.01”）时，“年度”资金只是其中一部分，应说明本年度安排的是哪一部分。',
    en: 'For a project that runs over more than one year, the annual goal is the part of the period goal done this year; a copy says nothing about this year (when the period lies within one year, the two are rightly the same, and nothing is said). A period that runs into the next year (“2023.07-2024.01”) makes “annual” money only part of it: say which part this year pays for.',
  },
  examples: {
    bad: [
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目支出名称\t雾炮车降尘抑尘服务',
          '年度本级预算金额\t250',
          '项目支出实施期\t2023.07-2024.01',
          '实施期绩效目标\t通过采购雾炮车降尘抑尘服务，全市空气质量达到优良',
          '本年度绩效目标\t通过采购雾炮车降尘抑尘服务，全市空气质量达到优良',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t数量指标\t配备车辆数\t10辆',
        ],
      },
    ],
    good: [
      {
        rows: withIndicators('1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。'),
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目支出名称\t雾炮车降尘抑尘服务',
          '年度本级预算金额\t250',
          '项目支出实施期\t2023.01-2023.12',
          '实施期绩效目标\t通过采购雾炮车降尘抑尘服务，全市空气质量达到优良',
          '本年度绩效目标\t通过采购雾炮车降尘抑尘服务，全市空气质量达到优良',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t数量指标\t配备车辆数\t10辆',
        ],
        note: { zh: '实施期在一年之内', en: 'the period lies within one year' },
      },
    ],
  },
  checkProject(project, ctx) {
    const range = project.period ? parseDateRange(project.period.text) : undefined;
    const withinYear = range !== undefined && range.start.year === range.end.year;
    const { period, annual } = project.goals;
    if (period && annual && !withinYear && sameText(period.text, annual.text)) {
      ctx.report({
        place: where(annual),
        message: {
          zh: '年度目标与实施期目标一字不差：应写明本年度要完成的部分',
          en: 'the annual goal is word for word the whole-period goal: say what this year is to achieve',
        },
        related: [{ place: where(period), message: { zh: '实施期目标', en: 'the whole-period goal' } }],
      });
    }
    if (!project.period || !range || range.start.year === undefined || range.end.year === undefined) return;
    if (range.end.year <= range.start.year) return;
    const yearly = project.amounts.find((a) => ANNUAL_WORDS.some((w) => a.label.text.includes(w)));
    if (!yearly) return;
    const label = yearly.label.text.replace(/\s+/g, '');
    ctx.report({
      place: where(project.period),
      message: {
        zh: `实施期“${project.period.text.trim()}”跨入 ${range.end.year} 年，而资金称为“${label}”：应说明本年度资金安排的是实施期中的哪一部分`,
        en: `the period “${project.period.text.trim()}” runs into ${range.end.year} while the money is called “${label}” (annual): say which part of the period this year’s money pays for`,
      },
      related: [{ place: where(yearly.label), message: { zh: '年度资金', en: 'the annual money' } }],
    });
  },
};
