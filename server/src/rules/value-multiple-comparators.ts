import type { Located, ModelIndicator } from '../model/types';
import { parseValue, type Measure, type ParsedValue } from '../syntax/value';
import { COMPARATOR_FORMS, FORM_COLUMNS, type Comparator } from '../vocabulary';
import { withIndicators } from './examples';
import type { ProjectContext, RowRule } from './types';
import {
  FORM_VALUE_NAMES,
  formRows,
  formValues,
  indicatorsOf,
  LABEL_NAMES,
  valueSpan,
  valuesOf,
  withoutStandard,
  type FormValue,
} from './util';

export const valueMultipleComparators: RowRule = {
  id: 'value-multiple-comparators',
  category: 'values',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: false,
  description: {
    zh: '一个指标值里粘连了两个目标值，如“≥20000人次≥45000人次”；或申报表的指标解释与指标值给出两个不同的目标，如“60%”与“≥60%”。',
    en: 'One value holds two targets glued together, as in “≥20000人次≥45000人次”; or a form’s explanation and value give two different targets, as “60%” and “≥60%”.',
  },
  rationale: {
    zh: '通常是复制时把另一条指标的值粘了进来；一个指标值只能有一个目标（区间“6≤PH值≤9”除外）。申报表的指标解释列若也写了目标（去掉“(计划标准)”等标准说明后只剩数值），它必须与指标值相同：比较符号、数值和单位都一致，“90%”与“1”、“2019年12月”与“100%”是两个目标。',
    en: 'Usually another indicator’s value was pasted in; a value has one target (a range such as “6≤PH值≤9” excepted). When a form’s explanation column writes a target too (nothing but a measure once a baseline tag such as “(计划标准)” is removed), it must be the value’s: the same comparator, number and unit; “90%” and “1”, or “2019年12月” and “100%”, are two targets.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次；年度指标值：≥20000人次≥45000人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        layout: 'form',
        rows: formRows(
          [
            '产出指标\t数量指标\t补贴发放人数\t60%\t≥60%',
            '\t质量指标\t书籍审稿率\t90%(计划标准)\t1',
            '\t时效指标\t项目完成时间\t2024年12月(计划标准)\t100%',
            '效益指标\t社会效益指标\t助餐服务覆盖率\t\t≥90%≥95%',
          ],
          undefined,
          '一级指标\t二级指标\t三级指标\t指标解释\t目标值',
        ),
        note: {
          zh: '申报表：指标解释与目标值不同，一个目标值里两个目标',
          en: 'a form: explanations that differ from the value, and a value with two targets',
        },
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次；年度指标值：≥20000人次。2、2-效益指标；23-生态效益；污水排放；实施周期指标值：6≤PH值≤9；年度指标值：6≤PH值≤9。',
        ),
      },
      {
        layout: 'form',
        rows: formRows(
          [
            '产出指标\t数量指标\t助餐服务人次\t5000人次(计划标准)\t≥5000人次\t≥',
            '效益指标\t社会效益指标\t覆盖率\t\t≥90%\t',
          ],
          undefined,
          '一级指标\t二级指标\t三级指标\t指标解释\t目标值\t运算符号',
        ),
        note: {
          zh: '运算符号列的比较符号对两列都适用；标准说明不算目标',
          en: 'the comparator column applies to both cells; a baseline tag is no target',
        },
      },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      for (const v of valuesOf(ind)) {
        const p = v.parsed;
        if (!p.onlyMeasures || p.range) continue;
        const targets = p.measures.filter((m) => m.comparator !== undefined);
        if (targets.length < 2) continue;
        const written = targets.map((m) => v.text.slice(m.start, m.end).trim());
        ctx.report({
          span: valueSpan(v),
          message: {
            zh: `${LABEL_NAMES[v.label].zh}中有 ${targets.length} 个目标值（${written.join('、')}），只能保留一个`,
            en: `${LABEL_NAMES[v.label].en} holds ${targets.length} targets (${written.join(', ')}); keep one`,
          },
        });
      }
    }
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      const values = formValues(ind);
      for (const v of values) {
        const targets = twoTargets(v.parsed);
        if (!targets) continue;
        const written = targets.map((m) => v.text.slice(m.start, m.end).trim());
        ctx.report({
          place: v.cell.place,
          message: {
            zh: `${FORM_VALUE_NAMES[v.part].zh}中有 ${targets.length} 个目标值（${written.join('、')}），只能保留一个`,
            en: `${FORM_VALUE_NAMES[v.part].en} holds ${targets.length} targets (${written.join(', ')}); keep one`,
          },
        });
      }
      explanationAgainstValue(ind, values, ctx);
    }
  },
};

/** The targets of a value written as nothing but measures, when there are two or more (a range aside). */
function twoTargets(p: ParsedValue): readonly Measure[] | undefined {
  if (!p.onlyMeasures || p.range) return undefined;
  const targets = p.measures.filter((m) => m.comparator !== undefined);
  return targets.length >= 2 ? targets : undefined;
}

const MEANING = new Map<string, Comparator>(COMPARATOR_FORMS.map((f) => [f.text, f.means]));
const EXPLANATION: { zh: string; en: string } = FORM_COLUMNS.find((c) => c.role === 'explanation')?.brief ?? {
  zh: '指标解释',
  en: 'explanation',
};

/** A target as compared: each measure's comparator (the row's, else `=`), number and unit. */
function targetOf(p: ParsedValue, row: Comparator | undefined): string {
  return p.measures.map((m) => `${m.comparator ?? row ?? '='}${m.value}${m.unit}`).join('|');
}

/** A measure read from a cell, with the unit column's unit after a bare number (`90` ⇥ `%`). */
function readCell(cell: Located, unit: string): ParsedValue {
  const own = withoutStandard(cell.text.trim());
  const p = parseValue(own);
  const bare = p.onlyMeasures && p.measures.length === 1 && p.measures[0]?.unit === '';
  return bare && unit !== '' && !/[0-9０-９]/.test(unit) ? parseValue(`${own}${unit}`) : p;
}

/** `1` and `100%`: one target written as a fraction and as a percent. */
function fractionAndPercent(a: ParsedValue, b: ParsedValue): boolean {
  const [x] = a.measures;
  const [y] = b.measures;
  if (!x || !y || a.measures.length !== 1 || b.measures.length !== 1) return false;
  const near = (f: number, pct: number): boolean => Math.abs(f * 100 - pct) < 1e-9;
  return (
    (x.unit === '' && y.unit === '%' && near(x.value, y.value)) ||
    (y.unit === '' && x.unit === '%' && near(y.value, x.value))
  );
}

/** A form's explanation cell that writes a target other than the value’s. */
function explanationAgainstValue(ind: ModelIndicator, values: readonly FormValue[], ctx: ProjectContext): void {
  const explanation = ind.explanation;
  if (!explanation) return;
  const value = values.find((v) => v.part === 'value') ?? values.find((v) => v.part === 'annual') ?? values[0];
  if (!value) return;
  const e = readCell(explanation, ind.unit?.text.trim() ?? '');
  if (!e.onlyMeasures || !value.parsed.onlyMeasures || twoTargets(e) || twoTargets(value.parsed)) return;
  const row = ind.comparator ? MEANING.get(ind.comparator.text.trim()) : undefined;
  if (targetOf(e, row) === targetOf(value.parsed, row)) return;
  const said = withoutStandard(explanation.text.trim());
  const where = FORM_VALUE_NAMES[value.part];
  const same = fractionAndPercent(e, value.parsed);
  ctx.report({
    place: value.cell.place,
    message: same
      ? {
          zh: `${EXPLANATION.zh}写“${said}”，${where.zh}写“${value.text}”：同一目标写成了小数和百分数两种形式，应统一写为百分数`,
          en: `the ${EXPLANATION.en} says “${said}” and ${where.en} “${value.text}”: one target written as a fraction and as a percent; write it once, as a percent`,
        }
      : {
          zh: `${EXPLANATION.zh}“${said}”与${where.zh}“${value.text}”是两个不同的目标，只能保留一个`,
          en: `the ${EXPLANATION.en} “${said}” and ${where.en} “${value.text}” are two different targets; keep one`,
        },
    related: [{ place: explanation.place, message: { zh: EXPLANATION.zh, en: `the ${EXPLANATION.en}` } }],
  });
}
