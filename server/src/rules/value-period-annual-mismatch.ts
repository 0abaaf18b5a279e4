import { formatNumber } from '../i18n';
import type { Bilingual } from '../catalogue';
import type { Measure, ParsedValue } from '../syntax/value';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import { FORM_VALUE_NAMES, formLevel2Code, formRows, formValues, indicatorsOf, level2Code, valueSpan } from './util';

const direction = (m: Measure): 'up' | 'down' | undefined =>
  m.comparator === '≥' || m.comparator === '>'
    ? 'up'
    : m.comparator === '≤' || m.comparator === '<'
      ? 'down'
      : undefined;

/** Classes whose values accumulate over the period (counts, money): the annual value cannot exceed it. */
const CUMULATIVE = new Set(['11', '14']);

export const valuePeriodAnnualMismatch: RowRule = {
  id: 'value-period-annual-mismatch',
  category: 'values',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '实施周期指标值与年度指标值（申报表的实施期、年度指标值两列）的单位不同、比较方向相反，或数量、金额类的年度值超过周期值。',
    en: 'The whole-period and annual values (a form’s 实施期 and 年度 value columns) use different units or opposite comparators, or a count or money annual value exceeds the whole-period one.',
  },
  rationale: {
    zh: '年度值是周期值的细化：两者应使用相同的单位和同一比较方向；累计的数量和金额，年度值不应大于周期值。',
    en: 'The annual value refines the whole-period one: both use the same unit and comparator direction, and for cumulative counts and money the annual value is not larger.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；档案影像化份数；实施周期指标值：200万卷；年度指标值：200万页。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        rows: withIndicators(
          '1、1-产出指标；12-质量指标；合格率；实施周期指标值：≥95%；年度指标值：≤95%。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥300人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        layout: 'form',
        rows: formRows(
          [
            '产出指标\t数量指标\t助餐服务人次\t≥5000人次\t≥8000人次',
            '\t质量指标\t餐食抽检合格率\t≥98%\t≤98%',
            '效益指标\t社会效益指标\t助餐服务覆盖率\t≥90%\t≥90%',
          ],
          undefined,
          '一级指标\t二级指标\t三级指标\t实施期指标值\t年度指标值',
        ),
        note: { zh: '申报表的实施期与年度指标值两列', en: 'a form’s whole-period and annual value columns' },
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥300人次；年度指标值：≥100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        layout: 'form',
        rows: formRows(
          [
            '产出指标\t数量指标\t助餐服务人次\t≥15000人次\t≥5000人次',
            '效益指标\t社会效益指标\t助餐服务覆盖率\t≥90%\t≥85%',
          ],
          undefined,
          '一级指标\t二级指标\t三级指标\t实施期指标值\t年度指标值',
        ),
      },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      if (!ind.period || !ind.annual) continue;
      const message = conflict(ind.period.parsed, ind.annual.parsed, level2Code(ind));
      if (!message) continue;
      ctx.report({
        span: valueSpan(ind.annual),
        related: [{ span: valueSpan(ind.period), message: { zh: '实施周期指标值', en: 'the whole-period value' } }],
        message,
      });
    }
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      const values = formValues(ind);
      const period = values.find((v) => v.part === 'period');
      const annual = values.find((v) => v.part === 'annual');
      if (!period || !annual) continue;
      const message = conflict(period.parsed, annual.parsed, formLevel2Code(ind));
      if (!message) continue;
      ctx.report({
        place: annual.cell.place,
        related: [{ place: period.cell.place, message: FORM_VALUE_NAMES.period }],
        message,
      });
    }
  },
};

/** How an annual value conflicts with the whole-period one: units, directions, or a larger cumulative value. */
function conflict(period: ParsedValue, annual: ParsedValue, code: string | undefined): Bilingual | undefined {
  // Only values written as bare measures compare reliably; prose may mention several numbers.
  if (!period.onlyMeasures || !annual.onlyMeasures) return undefined;
  const p = period.measures[0];
  const a = annual.measures[0];
  if (!p || !a) return undefined;
  if (p.unit !== '' && a.unit !== '' && p.unit !== a.unit) {
    return {
      zh: `年度指标值的单位“${a.unit}”与实施周期指标值的单位“${p.unit}”不同`,
      en: `the annual value’s unit “${a.unit}” differs from the whole-period unit “${p.unit}”`,
    };
  }
  const dp = direction(p);
  const da = direction(a);
  if (dp && da && dp !== da) {
    return {
      zh: `年度指标值用“${a.comparatorText ?? a.comparator}”，实施周期指标值用“${p.comparatorText ?? p.comparator}”：比较方向相反`,
      en: `the annual value uses “${a.comparatorText ?? a.comparator}” and the whole-period value “${p.comparatorText ?? p.comparator}”: opposite directions`,
    };
  }
  if (code && CUMULATIVE.has(code) && p.unit === a.unit && a.value > p.value) {
    return {
      zh: `年度指标值 ${formatNumber(a.value)}${a.unit} 大于实施周期指标值 ${formatNumber(p.value)}${p.unit}：累计的数量或金额，年度值不应超过周期值`,
      en: `the annual value ${formatNumber(a.value)}${a.unit} exceeds the whole-period value ${formatNumber(p.value)}${p.unit}: for a cumulative count or amount the annual value cannot be larger`,
    };
  }
  return undefined;
}
