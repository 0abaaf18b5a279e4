import { formExample } from './examples';
import { lookupName } from '../catalogue';
import type { Located, ModelIndicator } from '../model/types';
import { toAscii } from '../syntax/normalize';
import type { FormRule } from './types';

/** What a form's weights total when it states no total. */
const FULL_MARKS = 100;
/** At most this many weight cells are listed as related places. */
const MAX_RELATED = 50;
const NEAR = 1e-6;

/** A weight cell's number: `4`, `4分`, `4.5`, `10%`; undefined when it holds no number. */
function weightOf(text: string): number | undefined {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(?:分|%)?\s*$/.exec(toAscii(text));
  return m ? Number(m[1]) : undefined;
}

/** Whether an indicator's 一级 is the declared class (by its official name or an alias). */
function inClass(ind: ModelIndicator, name: string): boolean {
  const text = ind.level1?.text.trim();
  if (!text) return false;
  return text === name || lookupName(text)?.name === name;
}

const show = (n: number): string => String(Math.round(n * 100) / 100);

const HEADER = '一级指标\t二级指标\t三级指标\t指标值\t分值';

export const weightsTotal: FormRule = {
  id: 'weights-total',
  category: 'arithmetic',
  scope: 'form',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '申报表的分值（权重）合计不是 100（或表中声明的总分），某类指标的分值之和不是它声明的分值，或分值不是数字。',
    en: 'An application form’s weights do not total 100 (or the total it declares), a class’s weights do not add up to its declared share, or a weight is not a number.',
  },
  rationale: {
    zh: '评价按分值打分：分值合计不是满分，得分就无法折算。表中写明了总分和各类分值（如「权重分值90分，其中产出指标权重分值50分」）时按声明核对，并提示声明的总分本身不是 100（说明）。',
    en: 'An evaluation scores by the weights: weights that do not total full marks cannot be scored. When the form declares its total and each class’s share (`权重分值90分，其中产出指标权重分值50分`) they are checked against it, with a note when the declared total itself is not 100.',
  },
  examples: {
    bad: [
      formExample([
        '项目绩效目标表',
        '项目名称\t培训项目',
        HEADER,
        '产出指标\t数量指标\t培训人数\t≥100人\t40',
        '效益指标\t社会效益指标\t就业率\t≥90%\t30',
        '满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t20',
      ]),
    ],
    good: [
      formExample([
        '项目绩效目标表',
        '项目名称\t培训项目',
        HEADER,
        '产出指标\t数量指标\t培训人数\t≥100人\t50',
        '效益指标\t社会效益指标\t就业率\t≥90%\t30',
        '满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t20',
      ]),
    ],
  },
  checkProject(project, ctx) {
    const declared = project.weights;
    if (declared?.total !== undefined && Math.abs(declared.total - FULL_MARKS) > NEAR)
      ctx.report({
        place: declared.place,
        severity: 'information',
        message: {
          zh: `声明的总分值为 ${show(declared.total)} 分，不是 ${FULL_MARKS} 分`,
          en: `the declared total weight is ${show(declared.total)}, not ${FULL_MARKS}`,
        },
      });
    const expected = declared?.total ?? FULL_MARKS;
    if (declared && declared.byLevel1.length > 0) {
      const shares = declared.byLevel1.reduce((s, c) => s + c.value, 0);
      if (Math.abs(shares - expected) > NEAR)
        ctx.report({
          place: declared.place,
          message: {
            zh: `声明的各类分值之和 ${show(shares)}（${declared.byLevel1.map((c) => `${c.name} ${show(c.value)}`).join('、')}）不等于总分 ${show(expected)}`,
            en: `the declared class shares total ${show(shares)} (${declared.byLevel1.map((c) => `${c.name} ${show(c.value)}`).join(', ')}), not the total ${show(expected)}`,
          },
        });
    }
    const weighted: Array<{ ind: ModelIndicator; cell: Located; value: number }> = [];
    let invalid = false;
    for (const ind of project.indicators) {
      if (!ind.weight) continue;
      const value = weightOf(ind.weight.text);
      if (value === undefined) {
        invalid = true;
        ctx.report({
          place: ind.weight.place,
          message: {
            zh: `分值「${ind.weight.text}」不是数字`,
            en: `the weight “${ind.weight.text}” is not a number`,
          },
        });
      } else weighted.push({ ind, cell: ind.weight, value });
    }
    // A total over weights some of which are no number says nothing: those are reported.
    if (invalid || weighted.length === 0) return;
    const sum = weighted.reduce((s, w) => s + w.value, 0);
    const related = weighted.slice(0, MAX_RELATED).map((w) => ({
      place: w.cell.place,
      message: { zh: `${w.ind.name?.text ?? ''}：${show(w.value)}`, en: `${w.ind.name?.text ?? ''}: ${show(w.value)}` },
    }));
    if (Math.abs(sum - expected) > NEAR) {
      const absent = (declared?.byLevel1 ?? []).filter((c) => !project.indicators.some((i) => inClass(i, c.name)));
      const why =
        absent.length > 0
          ? {
              zh: `；${absent.map((c) => `${c.name}（${show(c.value)} 分）`).join('、')}没有指标`,
              en: `; ${absent.map((c) => `${c.name} (${show(c.value)})`).join(', ')} ${absent.length > 1 ? 'have' : 'has'} no indicators`,
            }
          : { zh: '', en: '' };
      const total =
        declared?.total !== undefined
          ? { zh: '声明的总分', en: 'the declared total' }
          : { zh: '满分', en: 'full marks' };
      ctx.report({
        place: declared?.place ?? (weighted[0] as { cell: Located }).cell.place,
        message: {
          zh: `分值合计 ${show(sum)}，不等于${total.zh} ${show(expected)}${why.zh}`,
          en: `the weights total ${show(sum)}, not ${total.en} ${show(expected)}${why.en}`,
        },
        related,
      });
    }
    if (!declared) return;
    for (const c of declared.byLevel1) {
      const mine = weighted.filter((w) => inClass(w.ind, c.name));
      if (mine.length === 0) continue;
      const share = mine.reduce((s, w) => s + w.value, 0);
      if (Math.abs(share - c.value) <= NEAR) continue;
      ctx.report({
        place: (mine[0] as { cell: Located }).cell.place,
        message: {
          zh: `${c.name}的分值合计 ${show(share)}，不等于声明的 ${show(c.value)} 分`,
          en: `the weights of ${c.name} total ${show(share)}, not the declared ${show(c.value)}`,
        },
        related: [
          { place: declared.place, message: { zh: '声明的分值', en: 'the declared share' } },
          ...mine.slice(0, MAX_RELATED).map((w) => ({
            place: w.cell.place,
            message: {
              zh: `${w.ind.name?.text ?? ''}：${show(w.value)}`,
              en: `${w.ind.name?.text ?? ''}: ${show(w.value)}`,
            },
          })),
        ],
      });
    }
  },
};
