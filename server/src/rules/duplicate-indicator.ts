import { withIndicators } from './examples';
import type { RowRule } from './types';
import { indicatorsOf, indicatorTitle } from './util';

const key = (name: string) => name.replace(/[\s\u3000]+/g, '');

export const duplicateIndicator: RowRule = {
  id: 'duplicate-indicator',
  category: 'codes',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '同一项目中出现了同一个二级指标下的同名指标。',
    en: 'A project lists the same indicator name twice under the same level-2 code.',
  },
  rationale: {
    zh: '重复的指标通常是复制粘贴遗留的，会让考核口径不清；请合并或改为不同的衡量内容。',
    en: 'A repeated indicator is usually a copy-and-paste leftover and blurs what is measured; merge them or measure different things.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、1-产出指标；11-数量指标；培训人次；实施周期指标值：120人次；年度指标值：120人次。3、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、1-产出指标；12-质量指标；培训人次；实施周期指标值：≥95%；年度指标值：≥95%。3、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
        note: { zh: '二级指标不同', en: 'different level-2 codes' },
      },
    ],
  },
  checkRow(row, ctx) {
    const seen = new Map<string, { title: string; span: { start: number; end: number } }>();
    for (const ind of indicatorsOf(row)) {
      if (!ind.name) continue;
      const k = `${ind.level2?.code?.text ?? ''}\u0000${key(ind.name.text)}`;
      const first = seen.get(k);
      if (!first) {
        seen.set(k, { title: indicatorTitle(ind), span: ind.name.span });
        continue;
      }
      ctx.report({
        span: ind.name.span,
        message: {
          zh: `指标“${ind.name.text}”与“${first.title}”重复`,
          en: `the indicator “${ind.name.text}” repeats “${first.title}”`,
        },
        related: [{ span: first.span, message: { zh: '首次出现', en: 'first listed here' } }],
      });
    }
  },
};
