import type { Located, ModelIndicator } from '../model/types';
import { labelText } from '../syntax/form';
import { toAscii } from '../syntax/normalize';
import { parseValue, type Comparator } from '../syntax/value';
import {
  COMPARATOR_FORMS,
  COMPARATOR_MIRRORS,
  DIRECTION_WORDS,
  FALLING_HANDLED_WORDS,
  FALLING_WORDS,
} from '../vocabulary';
import { projectRow } from './examples';
import type { Fix, ProjectContext, ProjectRule } from './types';

const MEANING = new Map(COMPARATOR_FORMS.map((f) => [f.text, f.means]));
const FLOOR: ReadonlySet<Comparator> = new Set(['≥', '>']);

/** The word of `name` that says it should fall, unless the name measures its handling (`投诉办结率`). */
function fallingWord(name: string): string | undefined {
  const word = FALLING_WORDS.find((w) => name.includes(w));
  return word && !FALLING_HANDLED_WORDS.some((w) => name.includes(w)) ? word : undefined;
}

/** A floor written for the indicator: in a comparator column, or before (or after) a value's number. */
interface Floor {
  readonly cell: Located;
  /** Where in the cell's text the comparator stands, and its text. */
  readonly start: number;
  readonly text: string;
}

function floors(ind: ModelIndicator): Floor[] {
  const out: Floor[] = [];
  const column = ind.comparator;
  if (column) {
    const t = labelText(column.text);
    const means = MEANING.get(t) ?? MEANING.get(toAscii(t));
    if (means && FLOOR.has(means))
      out.push({ cell: column, start: column.text.indexOf(column.text.trim()), text: column.text.trim() });
  }
  for (const cell of [ind.value, ind.period, ind.annual]) {
    if (!cell) continue;
    for (const m of parseValue(cell.text).measures) {
      if (!m.comparator || !m.comparatorText || !FLOOR.has(m.comparator)) continue;
      const at = cell.text.startsWith(m.comparatorText, m.start)
        ? m.start
        : cell.text.lastIndexOf(m.comparatorText, m.end);
      if (at >= 0) out.push({ cell, start: at, text: m.comparatorText });
    }
  }
  return out;
}

function report(ind: ModelIndicator, word: string, floor: Floor, ctx: ProjectContext): void {
  const { cell } = floor;
  // A cell's text stands as written in its span (a doubled quote aside): place the comparator exactly then.
  const exact = cell.place.span.end - cell.place.span.start === cell.text.length;
  const span = exact
    ? { start: cell.place.span.start + floor.start, end: cell.place.span.start + floor.start + floor.text.length }
    : cell.place.span;
  const mirror = COMPARATOR_MIRRORS[floor.text];
  const fixes: Fix[] =
    mirror && exact
      ? [
          {
            title: { zh: `改为 ${mirror}`, en: `Change to ${mirror}` },
            safe: false,
            edits: [{ line: cell.place.line, span, newText: mirror }],
          },
        ]
      : [];
  const name = ind.name?.text ?? '';
  ctx.report({
    place: { line: cell.place.line, span },
    message: {
      zh: `「${name}」含「${word}」，应越少越好，目标却写成下限「${floor.text}」：应写上限（≤、不超过）`,
      en: `“${name}” names something that should fall (${word}) but its target is a floor, “${floor.text}”: write a ceiling (≤, at most)`,
    },
    ...(fixes.length > 0 ? { fixes } : {}),
  });
}

export const fallingIndicator: ProjectRule = {
  id: 'falling-indicator',
  category: 'values',
  scope: 'project',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    zh: '指标名称表明它应当下降（逾期、投诉、事故、差错、超支……），目标却写成下限（≥、>、不低于）。',
    en: 'An indicator whose name says it should fall (逾期, 投诉, 事故, 差错, 超支 …) has a floor as its target (≥, >, 不低于).',
  },
  rationale: {
    zh: '逾期、投诉、事故、差错、超支越少越好，目标应是上限（≤、不超过），写成「≥」等于要求它至少发生这么多。名称中带有处理、办结、整改、降低等词的（如「投诉办结率」「事故隐患整改率」）衡量的是应当上升的处理情况，不在此列。',
    en: 'Overdue cases, complaints, accidents, errors and overspending should be as few as possible: their target is a ceiling (≤, at most); written with ≥ it asks for at least that many. Names that measure their handling (投诉办结率, 事故隐患整改率: 办结, 整改, 降低 …) should rise and are not reported.',
  },
  examples: {
    bad: [
      {
        rows: [
          projectRow(
            '安全生产项目',
            ['100.00', '100.00'],
            '1、1-产出指标；12-质量指标；安全事故发生次数；实施周期指标值：≥0次；年度指标值：≥0次。2、2-效益指标；22-社会效益；群众投诉率；实施周期指标值：≥5%；年度指标值：≥5%。',
          ),
        ],
      },
      {
        layout: 'form',
        rows: [
          '项目绩效目标表',
          '项目名称\t培训项目',
          '一级指标\t二级指标\t三级指标\t运算符号\t指标值\t计量单位',
          '产出指标\t时效指标\t资金拨付逾期天数\t≥\t0\t天',
        ],
      },
    ],
    good: [
      {
        rows: [
          projectRow(
            '安全生产项目',
            ['100.00', '100.00'],
            '1、1-产出指标；12-质量指标；安全事故发生次数；实施周期指标值：≤1次；年度指标值：≤1次。2、2-效益指标；22-社会效益；群众投诉办结率；实施周期指标值：≥95%；年度指标值：≥95%。',
          ),
        ],
      },
    ],
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      const word = fallingWord(ind.name?.text ?? '');
      // A direction column saying 反向 already says it (comparator-contradiction reports the floor).
      if (!word || DIRECTION_WORDS.down.includes(labelText(ind.direction?.text ?? ''))) continue;
      for (const floor of floors(ind)) report(ind, word, floor, ctx);
    }
  },
};
