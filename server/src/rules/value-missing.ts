import { LABELS } from '../vocabulary';
import type { ParsedRow } from '../syntax/document';
import { parseIndicators } from '../syntax/indicators';
import { withIndicators } from './examples';
import type { RowFix, RowRule } from './types';
import { formRows, formValues, indicatorsOf, indicatorTitle, LABEL_NAMES } from './util';

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
    zh: '指标缺少实施周期指标值或年度指标值，或值为空；申报表中三级指标没有指标值，或二级指标下既没有三级指标也没有指标值。',
    en: 'An indicator lacks its whole-period or its annual value, or the value is empty; on a form, an indicator without a value, or a level-2 class with neither an indicator nor a value.',
  },
  rationale: {
    zh: '每条指标都要同时给出实施周期指标值和年度指标值；一年期项目两者通常相同，年度值是对周期值的细化。申报表中列出却未填写的二级指标（只有“经济效益指标”，没有三级指标和指标值）是空指标：应填写或删除该行。',
    en: 'Every indicator gives both a whole-period (实施周期) and an annual (年度) value; for a one-year project they are usually the same, the annual value refining the period one. On a form, a level-2 class listed but left empty (a 经济效益指标 row with no indicator and no value) is an empty indicator: fill the row in or remove it.',
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
      {
        layout: 'form',
        rows: formRows([
          '产出指标\t数量指标\t助餐服务人次\t≥5000人次',
          '\t质量指标\t餐食抽检合格率\t',
          '效益指标\t经济效益指标\t\t',
          '\t社会效益指标\t助餐服务覆盖率\t≥90%',
        ]),
        note: {
          zh: '申报表：没有值的三级指标，空的二级指标',
          en: 'a form: an indicator without a value, an empty level-2 class',
        },
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      { layout: 'form', rows: formRows() },
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
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      if (formValues(ind).length > 0) continue;
      const { name, level1, level2 } = ind;
      if (name) {
        ctx.report({
          place: name.place,
          message: { zh: `三级指标“${name.text}”没有指标值`, en: `“${name.text}” has no value` },
        });
        continue;
      }
      // No indicator and no value: the row lists a class and leaves it empty.
      const cls = level2 ?? level1;
      const written = (level2 && !ind.carried?.level2) || (!level2 && level1 && !ind.carried?.level1);
      ctx.report({
        place: written && cls ? cls.place : ind.place,
        message: cls
          ? {
              zh: `“${cls.text}”下没有三级指标，也没有指标值：空指标应填写或删除`,
              en: `“${cls.text}” has no indicator and no value: fill the empty row in or remove it`,
            }
          : { zh: '这一行没有三级指标，也没有指标值', en: 'the row has no indicator and no value' },
      });
    }
  },
};
