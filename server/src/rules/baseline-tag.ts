import { formExample } from './examples';
import type { Located, ModelIndicator, ModelProject } from '../model/types';
import { labelText } from '../syntax/form';
import { toAscii } from '../syntax/normalize';
import { HISTORY_STANDARD, STANDARD_WORDS } from '../vocabulary';
import type { Fix, FormRule, ProjectContext } from './types';

/** A tag after a value: `100%(计划标准)`, `90%（行业标准）`. */
const TAG = /[(（]\s*([^()（）]{1,8}?)\s*[)）]\s*$/;
/** What makes a short text a tag: `…标准`. */
const TAG_WORD = STANDARD_WORDS[0]?.slice(-2) ?? '';
/** Longest a tag is: anything longer in a standard column is prose (a basis for the target). */
const TAG_MAX = Math.max(...STANDARD_WORDS.map((w) => w.length)) + 2;
/** A date in a value: `2019年12月`, `2023.07-2024.01`, `2021-12-31`. */
const DATE = /((?:19|20)[0-9]{2})\s*(?:年|[.\-/][0-9]{1,2})/;
const YEAR = /(?:19|20)[0-9]{2}/g;

/** The known tag a near miss means (`计划` → 计划标准), if one. */
function meant(tag: string): string | undefined {
  return STANDARD_WORDS.find((w) => tag.length >= 2 && (w.startsWith(tag) || w.slice(0, 2) === tag.slice(0, 2)));
}

/** The tag a cell holds: the whole standard cell, or a bracketed tag after a value. */
interface Tag {
  readonly cell: Located;
  readonly text: string;
  readonly start: number;
}

function tagsOf(ind: ModelIndicator): Tag[] {
  const out: Tag[] = [];
  if (ind.standard) {
    const t = ind.standard.text.trim();
    if (t !== '') out.push({ cell: ind.standard, text: t, start: ind.standard.text.indexOf(t) });
  }
  for (const cell of [ind.value, ind.explanation, ind.period, ind.annual]) {
    if (!cell) continue;
    const m = TAG.exec(cell.text);
    const inner = m?.[1];
    if (m && inner && (inner.endsWith(TAG_WORD) || meant(inner)))
      out.push({ cell, text: inner, start: cell.text.indexOf(inner, m.index) });
  }
  return out;
}

function place(tag: Tag): { line: number; span: { start: number; end: number } } {
  const { cell } = tag;
  const exact = cell.place.span.end - cell.place.span.start === cell.text.length;
  return {
    line: cell.place.line,
    span: exact
      ? { start: cell.place.span.start + tag.start, end: cell.place.span.start + tag.start + tag.text.length }
      : cell.place.span,
  };
}

/** The years the project runs in: its period's, else the title's or the header block's (`(2021年度)`). */
function projectYears(project: ModelProject, ctx: ProjectContext): Set<string> {
  const texts = [project.period?.text, ctx.table?.title?.text].filter((t): t is string => t !== undefined);
  const years = new Set(texts.flatMap((t) => toAscii(t).match(YEAR) ?? []));
  return years;
}

/** The date a target states (in the tagged cell, else the indicator's value), if it is one. */
function dateOf(ind: ModelIndicator, tag: Tag): string | undefined {
  for (const cell of [tag.cell === ind.standard ? undefined : tag.cell, ind.value, ind.annual, ind.period]) {
    if (!cell) continue;
    const m = DATE.exec(toAscii(cell.text));
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function checkTag(ind: ModelIndicator, tag: Tag, years: Set<string>, ctx: ProjectContext): void {
  const key = labelText(tag.text);
  if (!STANDARD_WORDS.includes(key)) {
    // Prose in a 设定依据 column is a basis, not a tag: only a short text that looks like a tag is one.
    if (key.length > TAG_MAX) return;
    const near = meant(key);
    if (!near && !key.endsWith(TAG_WORD)) return;
    const fixes: Fix[] = near
      ? [
          {
            title: { zh: `改为 ${near}`, en: `Change to ${near}` },
            safe: false,
            edits: [{ ...place(tag), newText: near }],
          },
        ]
      : [];
    ctx.report({
      place: place(tag),
      message: {
        zh: `绩效标准「${tag.text}」不是已知的标准（${STANDARD_WORDS.join('、')}）${near ? `：是否指「${near}」？` : ''}`,
        en: `the standard “${tag.text}” is none of the known ones (${STANDARD_WORDS.join(', ')})${near ? `: did you mean “${near}”?` : ''}`,
      },
      ...(fixes.length > 0 ? { fixes } : {}),
    });
    return;
  }
  if (key !== HISTORY_STANDARD) return;
  const year = dateOf(ind, tag);
  if (!year || (years.size > 0 && !years.has(year))) return;
  ctx.report({
    place: place(tag),
    message: {
      zh: `「${HISTORY_STANDARD}」指按以往的实际设定目标，而该目标是本项目期间的时间（${year}年）：应为计划标准`,
      en: `“${HISTORY_STANDARD}” sets a target from past results, but this target is a date in the project’s own period (${year}): a planned standard (计划标准)`,
    },
  });
}

const HEADER = '一级指标\t二级指标\t三级指标\t指标值\t绩效标准';

export const baselineTag: FormRule = {
  id: 'baseline-tag',
  category: 'values',
  scope: 'form',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    zh: '申报表的绩效标准（历史标准、计划标准……）不是已知的标准、与指标值矛盾，或在其他指标都填了时为空。',
    en: 'An application form’s standard (历史标准, 计划标准 …) is not a known one, contradicts the value, or is empty while the other indicators have one.',
  },
  rationale: {
    zh: `绩效标准说明目标值的来历：${STANDARD_WORDS.join('、')}。写成别的词（「计划」「上年标准」）评审无法归类；历史标准是以往的实际，本项目期间的完成时间只能来自计划。有绩效标准列时，一项指标不填而其他都填了，多半是漏填（说明）。`,
    en: `The standard says where a target comes from: ${STANDARD_WORDS.join(', ')}. Another word (计划, 上年标准) cannot be classed; a historical standard is a past result, so a deadline in the project’s own period can only be planned. Where the column exists, one indicator without a standard while the others have one was most likely missed (a note).`,
  },
  examples: {
    bad: [
      formExample([
        '项目支出绩效目标申报表',
        '项目名称\t培训项目',
        '实施期\t2023年1月-2023年12月',
        HEADER,
        '产出指标\t数量指标\t培训人数\t≥100人\t计划',
        '产出指标\t时效指标\t完成时间\t2023年12月\t历史标准',
      ]),
    ],
    good: [
      formExample([
        '项目支出绩效目标申报表',
        '项目名称\t培训项目',
        '实施期\t2023年1月-2023年12月',
        HEADER,
        '产出指标\t数量指标\t培训人数\t≥100人\t历史标准',
        '产出指标\t时效指标\t完成时间\t2023年12月\t计划标准',
      ]),
    ],
  },
  checkProject(project, ctx) {
    const years = projectYears(project, ctx);
    const withColumn = project.indicators.filter((i) => i.standard).length;
    // An empty standard is worth a note where most indicators have one (not where most have none).
    const without = project.indicators.filter((i) => !i.standard && (i.name ?? i.value)).length;
    for (const ind of project.indicators) {
      for (const tag of tagsOf(ind)) checkTag(ind, tag, years, ctx);
      if (withColumn <= without || ind.standard) continue;
      const shown = ind.name ?? ind.value;
      if (!shown) continue;
      ctx.report({
        place: shown.place,
        severity: 'information',
        message: {
          zh: `「${shown.text}」没有填绩效标准，而其他 ${withColumn} 项指标都填了`,
          en: `${shown.text} has no standard, while ${withColumn} other indicator${withColumn > 1 ? 's have' : ' has'} one`,
        },
      });
    }
  },
};
