import { formExample } from './examples';
import type { Bilingual } from '../catalogue';
import type { Located, ModelIndicator } from '../model/types';
import { labelText } from '../syntax/form';
import { toAscii } from '../syntax/normalize';
import { parseValue, type Comparator } from '../syntax/value';
import { classCode } from '../model/meaning';
import { COMPARATOR_FORMS, COMPARATOR_MIRRORS, DATE_NAME_WORDS, DIRECTION_WORDS } from '../vocabulary';
import type { Fix, FormRule, ProjectContext } from './types';

const MEANING = new Map(COMPARATOR_FORMS.map((f) => [f.text, f.means]));

/** What a comparator cell means (`≥`, `>=`, `＝`, `不低于`), if it is one. */
function comparatorOf(cell: Located | undefined): Comparator | undefined {
  if (!cell) return undefined;
  const t = labelText(cell.text);
  return MEANING.get(t) ?? MEANING.get(toAscii(t));
}

/**
 * A date or a time limit (`工程开工时间 ≤ 2024-05-01`, a 时效 class): a ceiling is how a deadline is
 * written, whatever the direction column says.
 */
function isDeadline(ind: ModelIndicator): boolean {
  const name = ind.name?.text ?? '';
  return classCode(ind) === '13' || DATE_NAME_WORDS.some((w) => name.includes(w));
}

/** Which way an indicator should go, by its direction cell. */
function directionOf(cell: Located | undefined): 'up' | 'down' | undefined {
  if (!cell) return undefined;
  const t = labelText(cell.text);
  if (DIRECTION_WORDS.up.includes(t)) return 'up';
  if (DIRECTION_WORDS.down.includes(t)) return 'down';
  return undefined;
}

/** The first comparator a value writes (`≥60%`), with its value cell. */
function valueComparator(ind: ModelIndicator): { cell: Located; means: Comparator; text: string } | undefined {
  for (const cell of [ind.value, ind.annual, ind.period]) {
    if (!cell) continue;
    const m = parseValue(cell.text).measures.find((x) => x.comparator);
    if (m?.comparator && m.comparatorText) return { cell, means: m.comparator, text: m.comparatorText };
  }
  return undefined;
}

const FLOOR: ReadonlySet<Comparator> = new Set(['≥', '>']);
const CEILING: ReadonlySet<Comparator> = new Set(['≤', '<']);

function replace(cell: Located, text: string, newText: string): Fix[] {
  return [
    {
      title: { zh: `改为 ${newText}`, en: `Change to ${newText}` },
      safe: false,
      edits: [{ line: cell.place.line, span: cell.place.span, newText: cell.text.replace(text, newText) }],
    },
  ];
}

function check(ind: ModelIndicator, ctx: ProjectContext): void {
  const column = ind.comparator;
  const written = comparatorOf(column);
  const inValue = valueComparator(ind);
  const name = ind.name?.text ?? '';
  if (column && written && inValue && inValue.means !== written && inValue.means !== '≈') {
    ctx.report({
      place: column.place,
      message: {
        zh: `${name ? `「${name}」的` : ''}运算符号列为「${column.text}」，指标值却写「${inValue.cell.text}」：两者矛盾，请统一`,
        en: `${name ? `${name}: ` : ''}the comparator column says “${column.text}” but the value says “${inValue.cell.text}”: they contradict each other`,
      },
      related: [{ place: inValue.cell.place, message: { zh: '指标值', en: 'the value' } }],
    });
  }
  const direction = directionOf(ind.direction);
  if (!direction || !ind.direction) return;
  // The comparator the indicator is read with: its column's, else its value's.
  const means = written ?? inValue?.means;
  const cell = written && column ? column : inValue?.cell;
  const text = written && column ? column.text.trim() : (inValue?.text ?? '');
  if (!means || !cell) return;
  const related = [{ place: ind.direction.place, message: { zh: '指标方向', en: 'the direction' } }];
  const mirror = COMPARATOR_MIRRORS[text];
  const who: Bilingual = name ? { zh: `「${name}」`, en: `${name} ` } : { zh: '该指标', en: 'the indicator ' };
  if (direction === 'down' && FLOOR.has(means)) {
    ctx.report({
      place: cell.place,
      message: {
        zh: `${who.zh}是反向指标（越小越好），却写了「${text}」：下限对它没有意义，应写 ≤（不超过）`,
        en: `${who.en}is a reverse (lower-is-better) indicator but is written with “${text}”: a floor means nothing for it; write ≤ (at most)`,
      },
      related,
      ...(mirror ? { fixes: replace(cell, text, mirror) } : {}),
    });
  } else if (direction === 'down' && means === '=') {
    ctx.report({
      place: cell.place,
      severity: 'information',
      message: {
        zh: `${who.zh}是反向指标（越小越好），写了「${text}」：其目标是上限，宜写 ≤（不超过）`,
        en: `${who.en}is a reverse (lower-is-better) indicator written with “${text}”: its target is a ceiling; write ≤ (at most)`,
      },
      related,
      fixes: replace(cell, text, '≤'),
    });
  } else if (direction === 'up' && CEILING.has(means) && !isDeadline(ind)) {
    ctx.report({
      place: cell.place,
      message: {
        zh: `${who.zh}是正向指标（越大越好），却写了「${text}」：上限对它没有意义，应写 ≥（不低于），或把方向改为反向`,
        en: `${who.en}is a forward (higher-is-better) indicator but is written with “${text}”: a ceiling means nothing for it; write ≥ (at least), or make it reverse`,
      },
      related,
    });
  }
}

const HEADER = '一级指标\t二级指标\t三级指标\t指标方向\t运算符号\t指标值\t计量单位';

export const comparatorContradiction: FormRule = {
  id: 'comparator-contradiction',
  category: 'values',
  scope: 'form',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    zh: '申报表的运算符号列与指标值矛盾（「=」配「≥60%」），或指标方向与运算符号矛盾（反向指标写 ≥，正向指标写 ≤）。',
    en: 'An application form’s comparator column contradicts the value (`=` with `≥60%`), or the direction contradicts the comparator (a reverse indicator with ≥, a forward one with ≤).',
  },
  rationale: {
    zh: '运算符号、指标方向和指标值说的是同一件事：目标是下限、上限还是确数。正向（越大越好）的目标是下限（≥），反向（越小越好）的目标是上限（≤）；反向指标写「=」时提示改为 ≤（说明）。两处写得不一致，评价时就不知道按哪一个判断是否达成。',
    en: 'The comparator, the direction and the value say one thing: whether the target is a floor, a ceiling or an exact figure. A forward (higher-is-better) target is a floor (≥), a reverse (lower-is-better) one a ceiling (≤); a reverse indicator written with `=` gets a note asking for ≤. When they disagree, an evaluation cannot tell which one decides whether the target was met.',
  },
  examples: {
    bad: [
      formExample([
        '项目绩效目标表',
        '项目名称\t培训项目',
        HEADER,
        '产出指标\t质量指标\t培训合格率\t正向\t=\t≥60\t%',
        '产出指标\t成本指标\t人均培训成本\t反向\t≥\t500\t元/人',
      ]),
    ],
    good: [
      formExample([
        '项目绩效目标表',
        '项目名称\t培训项目',
        HEADER,
        '产出指标\t质量指标\t培训合格率\t正向\t≥\t60\t%',
        '产出指标\t成本指标\t人均培训成本\t反向\t≤\t500\t元/人',
      ]),
    ],
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) check(ind, ctx);
  },
};
