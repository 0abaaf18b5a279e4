import { lookupCode, VAGUE_VALUES } from '../catalogue';
import { unquote } from '../syntax/value';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import { indicatorsOf, LABEL_NAMES, level2Code, sameText, valueSpan, valuesOf } from './util';

/** Level-2 classes whose values must hold a measure (a number): counts, rates, money. */
const QUANTITATIVE = new Set(['count', 'rate', 'money']);

export const valueNotMeasurable: RowRule = {
  id: 'value-not-measurable',
  category: 'values',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '指标值无法衡量：数量、质量、成本、满意度类指标没有数值，或指标值只是重复指标名称、使用“控制数”“逐年提升”等空话。',
    en: 'A value cannot be measured: a quantity, quality, cost or satisfaction indicator without a number, or a value that repeats the indicator’s name or is a placeholder such as 控制数 or 逐年提升.',
  },
  rationale: {
    zh: '指标应尽量量化，定性表述只能作为补充；审核人会退回只重复指标名称或写“进一步提高”“持续开展”的指标值。',
    en: 'Indicators are to be quantified wherever possible, qualitative wording being only a supplement; reviewers send back values that repeat the name or say “进一步提高” or “持续开展”.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；享受补贴人数；实施周期指标值：享受补贴人数；年度指标值：≥2万人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；补助人数；实施周期指标值：控制数；年度指标值：控制数。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：满意；年度指标值：满意。',
        ),
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；13-时效指标；完成时限；实施周期指标值：本年内完成；年度指标值：本年内完成。2、2-效益指标；22-社会效益；政策知晓度；实施周期指标值：有力保障劳动者权益；年度指标值：有力保障劳动者权益。',
        ),
        note: { zh: '时效和效益类指标可以定性表述', en: 'timeliness and benefit values may be qualitative' },
      },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      const code = level2Code(ind);
      const entry = code ? lookupCode(code) : undefined;
      for (const v of valuesOf(ind)) {
        const text = unquote(v.text)
          .replace(/[。.]$/, '')
          .trim();
        if (text === '') continue;
        const where = LABEL_NAMES[v.label];
        if (ind.name && sameText(text, ind.name.text)) {
          ctx.report({
            span: valueSpan(v),
            message: {
              zh: `${where.zh}只是重复了指标名称“${ind.name.text}”，应填写可衡量的目标值`,
              en: `${where.en} only repeats the indicator’s name “${ind.name.text}”: write a measurable target`,
            },
          });
        } else if (VAGUE_VALUES.includes(text)) {
          ctx.report({
            span: valueSpan(v),
            message: {
              zh: `${where.zh}“${text}”不可衡量，应填写具体数值或可核验的标准`,
              en: `${where.en} “${text}” cannot be measured: write a number or a verifiable standard`,
            },
          });
        } else if (entry?.measure && QUANTITATIVE.has(entry.measure) && v.parsed.kind === 'qualitative') {
          ctx.report({
            span: valueSpan(v),
            message: {
              zh: `“${entry.code}-${entry.name}”应为可量化的数值（如${entry.measure === 'rate' ? '“≥90%”' : entry.measure === 'money' ? '“≤18万元”' : '“≥100人次”'}），而不是“${text}”`,
              en: `a ${entry.english.toLowerCase()} indicator (${entry.code}) needs a number (such as ${entry.measure === 'rate' ? '“≥90%”' : entry.measure === 'money' ? '“≤18万元”' : '“≥100人次”'}), not “${text}”`,
            },
          });
        }
      }
    }
  },
};
