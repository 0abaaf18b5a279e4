import type { Located } from '../model/types';
import { DASH_CHARS, PLACEHOLDER_VALUES } from '../vocabulary';
import { projectRow } from './examples';
import type { ProjectRule } from './types';

const WORDS = new Set(PLACEHOLDER_VALUES.map((v) => v.toLowerCase()));
/** The marks a placeholder is typed with (`*`, `_`, `/`, every dash), any number of times: `**`, `——`, `///`. */
const MARKS = new Set([
  ...PLACEHOLDER_VALUES.filter((v) => [...v].length === 1 && !/[\p{L}\p{N}]/u.test(v)),
  ...DASH_CHARS,
]);

/** Whether a value is only a placeholder typed to fill a required cell. */
function isPlaceholder(text: string): boolean {
  const t = text.replace(/[\s\u3000。.，,；;]+$/u, '').trim();
  if (t === '') return false;
  if (WORDS.has(t.toLowerCase())) return true;
  return [...t].every((c) => MARKS.has(c));
}

export const placeholderValue: ProjectRule = {
  id: 'placeholder-value',
  category: 'values',
  scope: 'project',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '指标值只填了占位符（*、_、-、/、null、无……）。',
    en: 'A value holds only a placeholder (`*`, `_`, `-`, `/`, `null`, `无` …).',
  },
  rationale: {
    zh: '预算系统导入时会拒绝只有占位符的指标值：为填满必填格而敲的「*」「-」「无」不是目标。定性指标也要写出要达到的状态（如「达到预期」「显著改善」），定量指标写出数和单位。',
    en: 'The budget systems’ import checks refuse a value holding only a placeholder: a `*`, `-` or `无` typed to fill a required cell is no target. A qualitative indicator states the state to reach (达到预期, 显著改善), a quantitative one a number and a unit.',
  },
  examples: {
    bad: [
      {
        rows: [
          projectRow(
            '培训项目',
            ['100.00', '100.00'],
            '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、2-效益指标；22-社会效益；社会影响；实施周期指标值：*；年度指标值：-。',
          ),
        ],
      },
      {
        layout: 'form',
        rows: [
          '项目绩效目标表',
          '项目名称\t培训项目',
          '一级指标\t二级指标\t三级指标\t指标值',
          '效益指标\t社会效益指标\t社会影响\tnull',
        ],
      },
    ],
    good: [
      {
        rows: [
          projectRow(
            '培训项目',
            ['100.00', '100.00'],
            '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、2-效益指标；22-社会效益；社会影响；实施周期指标值：显著提升；年度指标值：有所提升。',
          ),
        ],
      },
    ],
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      const cells: Array<Located | undefined> = [ind.value, ind.period, ind.annual];
      for (const cell of cells) {
        if (!cell || !isPlaceholder(cell.text)) continue;
        const name = ind.name?.text;
        ctx.report({
          place: cell.place,
          message: {
            zh: `${name ? `「${name}」的` : ''}指标值「${cell.text.trim()}」只是占位符，预算系统导入时会拒绝：请写出要达到的目标`,
            en: `${name ? `${name}: ` : ''}the value “${cell.text.trim()}” is only a placeholder, which the budget systems refuse on import: state the target`,
          },
        });
      }
    }
  },
};
