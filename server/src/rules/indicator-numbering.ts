import { withIndicators } from './examples';
import type { IndicatorNode } from '../syntax/indicators';
import type { RowFix, RowRule } from './types';
import { indicatorsOf } from './util';

export const indicatorNumbering: RowRule = {
  id: 'indicator-numbering',
  category: 'syntax',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    zh: '同一项目的指标序号不是从 1 开始依次递增。',
    en: 'A project’s indicators are not numbered 1, 2, 3… in order.',
  },
  rationale: {
    zh: '序号跳号或重复通常说明指标被删改过而遗漏了调整，审核人会据此怀疑缺漏。',
    en: 'Skipped or repeated numbers usually mean an indicator was removed or copied without renumbering, which reviewers read as something missing.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。3、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
    ],
  },
  checkRow(row, ctx) {
    // A forgotten number is indicator-syntax's (its fix inserts the number): only written ones count.
    const indicators = indicatorsOf(row).filter((ind) => ind.seq.span.end > ind.seq.span.start);
    const wrong = indicators.filter((ind, i) => ind.seq.value !== i + 1);
    if (wrong.length === 0) return;
    // Each finding fixes its own number; the first also offers renumbering the whole cell in one go.
    // (Every finding carrying the whole-cell fix would make a cell of n indicators cost n² edits.)
    const renumber = (ind: IndicatorNode, expected: number) => {
      const text = row.text.slice(ind.seq.span.start, ind.seq.span.end);
      const digits = /^[0-9０-９]+/.exec(text)?.[0] ?? '';
      return {
        span: { start: ind.seq.span.start, end: ind.seq.span.start + digits.length },
        newText: String(expected),
      };
    };
    let first = true;
    indicators.forEach((ind, i) => {
      if (ind.seq.value === i + 1) return;
      const written = row.text.slice(ind.seq.span.start, ind.seq.span.end);
      const fixes: RowFix[] = [
        { title: { zh: `改为“${i + 1}、”`, en: `Change to “${i + 1}、”` }, safe: true, edits: [renumber(ind, i + 1)] },
      ];
      if (first && wrong.length > 1) {
        fixes.push({
          title: { zh: '按 1、2、3… 重新编号', en: 'Renumber 1, 2, 3…' },
          safe: true,
          edits: indicators
            .map((x, j) => ({ x, j }))
            .filter(({ x, j }) => x.seq.value !== j + 1)
            .map(({ x, j }) => renumber(x, j + 1)),
        });
      }
      first = false;
      ctx.report({
        span: ind.seq.span,
        message: {
          zh: `第 ${i + 1} 条指标的序号应为“${i + 1}、”，实际为“${written}”`,
          en: `indicator ${i + 1} should be numbered “${i + 1}、”, not “${written}”`,
        },
        fixes,
      });
    });
  },
};
