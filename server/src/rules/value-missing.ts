import { LABELS } from '../vocabulary';
import type { ParsedRow } from '../syntax/document';
import { parseIndicators } from '../syntax/indicators';
import { withIndicators } from './examples';
import type { RowFix, RowRule } from './types';
import { indicatorsOf, indicatorTitle, LABEL_NAMES } from './util';

/** Whether the indicator at `start` has an annual value once `text` is inserted at `at` (line columns). */
function annualAfterInsert(row: ParsedRow, start: number, at: number, text: string): boolean {
  const cell = row.indicatorCell;
  if (!cell) return false;
  const base = cell.textSpan.start;
  const edited = `${cell.text.slice(0, at - base)}${text}${cell.text.slice(at - base)}`;
  const ind = parseIndicators(edited, base).indicators.find((i) => i.span.start === start);
  return (ind?.annual?.text.trim() ?? '') !== '';
}

export const valueMissing: RowRule = {
  id: 'value-missing',
  category: 'values',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '指标缺少实施周期指标值或年度指标值，或值为空。',
    en: 'An indicator lacks its whole-period or its annual value, or the value is empty.',
  },
  rationale: {
    zh: '每条指标都要同时给出实施周期指标值和年度指标值；一年期项目两者通常相同，年度值是对周期值的细化。',
    en: 'Every indicator gives both a whole-period (实施周期) and an annual (年度) value; for a one-year project they are usually the same, the annual value refining the period one.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：；年度指标值：100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
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
    for (const ind of indicatorsOf(row)) {
      const title = indicatorTitle(ind);
      for (const label of ['period', 'annual'] as const) {
        const v = ind[label];
        if (v && v.text.trim() !== '') continue;
        const fixes: RowFix[] = [];
        const other = label === 'annual' ? ind.period : undefined;
        if (!v && other && other.text.trim() !== '') {
          // Copy the period value as the annual value, in the cell's own punctuation.
          const sep = ind.punctuation.find((p) => p.role === 'name')?.char ?? '；';
          const colon = ind.punctuation.find((p) => p.role === 'label')?.char ?? '：';
          const newText = `${sep}${LABELS.annual}${colon}${other.text}`;
          // Offered only when the copy reads as the annual value: a period value that swallowed a
          // broken label (`年"度指标值`) would open a quote that swallows the new label too.
          if (annualAfterInsert(row, ind.span.start, other.span.end, newText)) {
            fixes.push({
              title: { zh: '年度指标值取实施周期指标值', en: 'Copy the whole-period value as the annual value' },
              safe: false,
              edits: [{ span: { start: other.span.end, end: other.span.end }, newText }],
            });
          }
        }
        ctx.report({
          span: v ? v.labelSpan : (ind.name?.span ?? ind.seq.span),
          message: v
            ? {
                zh: `指标“${title}”的${LABEL_NAMES[label].zh}为空`,
                en: `${LABEL_NAMES[label].en} of “${title}” is empty`,
              }
            : {
                zh: `指标“${title}”缺少${LABEL_NAMES[label].zh}`,
                en: `“${title}” lacks ${LABEL_NAMES[label].en} (${LABELS[label]})`,
              },
          fixes,
        });
      }
    }
  },
};
