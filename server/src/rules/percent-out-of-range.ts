import { formatNumber } from '../i18n';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import {
  FORM_VALUE_NAMES,
  formLevel2Code,
  formRows,
  formValues,
  indicatorsOf,
  LABEL_NAMES,
  level2Code,
  measurePlace,
  valuesOf,
} from './util';

/** Names of growth measures, which may exceed 100%. */
const GROWTH = /增长|增幅|增速|提高|提升|增加|同比|环比/;
/** Names of rates and shares, which cannot. */
const RATE_NAME = /(率|度|比例|占比|比重|覆盖面)(?:[（(][%％][）)])?$/;
const RATE_CODES = new Set(['12', '31']);

export const percentOutOfRange: RowRule = {
  id: 'percent-out-of-range',
  category: 'values',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: false,
  description: {
    zh: '比率、满意度类指标的百分比超过 100%。',
    en: 'A rate or satisfaction percentage is above 100%.',
  },
  rationale: {
    zh: '合格率、覆盖率、满意度等比率不可能超过 100%；增长率类指标（名称含“增长”“提高”等）不在此列。申报表按二级指标名称和三级指标名称判断，数值与计量单位列合读（“120 ⇥ %”）。',
    en: 'Pass, coverage or satisfaction rates cannot exceed 100%; growth measures (names with 增长, 提高 and the like) are exempt. On a form the level-2 and indicator names decide, and a value is read with its unit column (“120 ⇥ %”).',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥900%；年度指标值：≥90%。',
        ),
      },
      {
        layout: 'form',
        rows: formRows([
          '产出指标\t数量指标\t助餐服务人次\t≥5000人次',
          '\t质量指标\t餐食抽检合格率\t110%',
          '满意度指标\t服务对象满意度指标\t老年人满意度\t≥190%',
        ]),
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、2-效益指标；21-经济效益；营业收入增长率；实施周期指标值：≥150%；年度指标值：≥150%。',
        ),
      },
      {
        layout: 'form',
        rows: formRows([
          '产出指标\t数量指标\t助餐服务人次\t≥5000人次',
          '效益指标\t经济效益指标\t营业收入增长率\t≥150%',
        ]),
      },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      const name = ind.name?.text ?? '';
      const code = level2Code(ind);
      if (GROWTH.test(name) || !((code && RATE_CODES.has(code)) || RATE_NAME.test(name))) continue;
      for (const v of valuesOf(ind)) {
        for (const m of v.parsed.measures) {
          if (m.unit !== '%' || m.value <= 100) continue;
          ctx.report({
            span: { start: v.span.start + m.start, end: v.span.start + m.end },
            message: {
              zh: `${LABEL_NAMES[v.label].zh}中的比率 ${formatNumber(m.value)}% 超过 100%`,
              en: `the rate ${formatNumber(m.value)}% in ${LABEL_NAMES[v.label].en} is above 100%`,
            },
          });
        }
      }
    }
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      const name = ind.name?.text ?? '';
      const code = formLevel2Code(ind);
      if (GROWTH.test(name) || !((code && RATE_CODES.has(code)) || RATE_NAME.test(name))) continue;
      for (const v of formValues(ind)) {
        for (const m of v.parsed.measures) {
          if (m.unit !== '%' || m.value <= 100) continue;
          ctx.report({
            place: measurePlace(v, m),
            message: {
              zh: `${FORM_VALUE_NAMES[v.part].zh}中的比率 ${formatNumber(m.value)}% 超过 100%`,
              en: `the rate ${formatNumber(m.value)}% in ${FORM_VALUE_NAMES[v.part].en} is above 100%`,
            },
          });
        }
      }
    }
  },
};
