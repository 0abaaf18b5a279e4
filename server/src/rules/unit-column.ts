import { formExample } from './examples';
import type { Located, ModelIndicator, ModelProject } from '../model/types';
import { labelText } from '../syntax/form';
import { toAscii } from '../syntax/normalize';
import { parseValue } from '../syntax/value';
import {
  COMPARATOR_FORMS,
  COMPOUND_COUNT_UNITS,
  LATIN_UNIT_CASES,
  NATURE_WORDS,
  PER_MARKS,
  UNITLESS_NAME_WORDS,
} from '../vocabulary';
import type { Fix, FormRule, ProjectContext } from './types';

/** A bare number, perhaps after a comparator: `8`, `≥60`, `不低于 90`. */
const COMPARATOR_TEXTS = COMPARATOR_FORMS.filter((f) => f.place === 'before')
  .map((f) => f.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  .sort((a, b) => b.length - a.length);
const BARE_NUMBER = new RegExp(`^\\s*(?:${COMPARATOR_TEXTS.join('|')})?\\s*[0-9]+(?:,[0-9]{3})*(?:\\.[0-9]+)?\\s*$`);
/** A number and nothing else, as a unit cell should never hold: `44,561`, `3`. */
const NUMBER_ONLY = /^\s*[0-9][0-9,.]*\s*$/;
/** A date or a period (`2021年12月`, `2023.07-2024.01`): its 年 and 月 are no units to move. */
const DATE_LIKE = /(?:19|20)[0-9]{2}\s*(?:年|[.\-/][0-9]{1,2})/;
/** Excel date serials (see serial-date), which that rule reports. */
const SERIAL = /^\s*(?:[=≤≥<>])?\s*(?:[0-9]{2},[0-9]{3}|[0-9]{5})\s*$/;

/** A Latin unit in the wrong case after a number (`80M`), with where it stands in the text. */
function latinCase(text: string): { start: number; written: string; right: string; zh: string } | undefined {
  for (const entry of LATIN_UNIT_CASES) {
    for (const written of entry.written) {
      const pattern = new RegExp(
        `(^|[0-9]\\s{0,2})(${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?![A-Za-z0-9²³])`,
      );
      const m = pattern.exec(text);
      if (m && (m[1] !== '' || text.trim() === written))
        return { start: m.index + (m[1] ?? '').length, written, right: entry.right, zh: entry.zh };
    }
  }
  return undefined;
}

/** A per-unit that writes a compound count (`人/次` for 人次), when the name counts it. */
function splitCount(unit: string, name: string): string | undefined {
  for (const mark of PER_MARKS) {
    const parts = unit.split(mark);
    if (parts.length !== 2) continue;
    const joined = `${parts[0] ?? ''}${parts[1] ?? ''}`;
    if (COMPOUND_COUNT_UNITS.includes(joined) && name.includes(joined)) return joined;
  }
  return undefined;
}

function isQualitative(ind: ModelIndicator): boolean {
  return ind.nature !== undefined && NATURE_WORDS.qualitative.includes(labelText(ind.nature.text));
}

/** A measure without a unit by nature: a coefficient, an index, a score (`农田灌溉水有效利用系数 ≥0.6`). */
function isUnitless(ind: ModelIndicator): boolean {
  const name = ind.name?.text ?? '';
  return UNITLESS_NAME_WORDS.some((w) => name.includes(w));
}

/** A place inside a cell, exact when the cell's text stands as written in its span. */
function inCell(cell: Located, start: number, length: number): { line: number; span: { start: number; end: number } } {
  const exact = cell.place.span.end - cell.place.span.start === cell.text.length;
  return {
    line: cell.place.line,
    span: exact
      ? { start: cell.place.span.start + start, end: cell.place.span.start + start + length }
      : cell.place.span,
  };
}

function replaceFix(cell: Located, start: number, length: number, newText: string): Fix {
  const place = inCell(cell, start, length);
  return {
    title: { zh: `改为 ${newText}`, en: `Change to ${newText}` },
    safe: false,
    edits: [{ line: place.line, span: place.span, newText }],
  };
}

type Who = { readonly zh: string; readonly en: string };

function checkIndicator(ind: ModelIndicator, hasUnitColumn: boolean, ctx: ProjectContext): void {
  const name = ind.name?.text ?? '';
  const who: Who = name ? { zh: `「${name}」的`, en: `${name}: ` } : { zh: '', en: '' };
  checkUnitCell(ind, who, ctx);
  for (const cell of [ind.unit, ind.value, ind.period, ind.annual]) if (cell) checkLatinCase(cell, ctx);
  for (const cell of [ind.value, ind.period, ind.annual]) if (cell) checkValueCell(ind, cell, hasUnitColumn, who, ctx);
}

/** The unit column: a number where the unit should be, a count written as a per-unit (`人/次`). */
function checkUnitCell(ind: ModelIndicator, who: Who, ctx: ProjectContext): void {
  const unit = ind.unit;
  if (!unit) return;
  if (NUMBER_ONLY.test(toAscii(unit.text))) {
    ctx.report({
      place: unit.place,
      message: {
        zh: `${who.zh}计量单位列填的是数字「${unit.text.trim()}」，不是单位${ind.value?.text === unit.text ? '（与指标值相同）' : ''}`,
        en: `${who.en}the unit column holds a number, “${unit.text.trim()}”, not a unit${ind.value?.text === unit.text ? ' (the value repeated)' : ''}`,
      },
    });
  }
  // A compound count written as a per-unit.
  const joined = splitCount(unit.text.trim(), ind.name?.text ?? '');
  if (joined)
    ctx.report({
      place: unit.place,
      message: perCountMessage(who, unit.text.trim(), joined),
      fixes: [replaceFix(unit, unit.text.indexOf(unit.text.trim()), unit.text.trim().length, joined)],
    });
}

function perCountMessage(who: Who, written: string, joined: string): { zh: string; en: string } {
  return {
    zh: `${who.zh}单位「${written}」读作“每次多少人”，而指标计的是${joined}：应写「${joined}」`,
    en: `${who.en}the unit “${written}” reads as a rate (per), but the indicator counts ${joined}: write “${joined}”`,
  };
}

/** A Latin unit in the wrong case (`80M` for metres). */
function checkLatinCase(cell: Located, ctx: ProjectContext): void {
  const latin = latinCase(cell.text);
  if (!latin) return;
  ctx.report({
    place: inCell(cell, latin.start, latin.written.length),
    message: {
      zh: `单位「${latin.written}」大小写不对：${latin.zh}应写「${latin.zh}」或「${latin.right}」`,
      en: `the unit “${latin.written}” is in the wrong case: ${latin.zh} is written “${latin.zh}” or “${latin.right}”`,
    },
    fixes: [
      replaceFix(cell, latin.start, latin.written.length, latin.zh),
      replaceFix(cell, latin.start, latin.written.length, latin.right),
    ],
  });
}

/** A value cell: a per-unit for a count, a bare number without a unit, a unit beside a unit column. */
function checkValueCell(
  ind: ModelIndicator,
  cell: Located,
  hasUnitColumn: boolean,
  who: Who,
  ctx: ProjectContext,
): void {
  const parsed = parseValue(cell.text);
  const ascii = toAscii(cell.text);
  for (const m of parsed.measures) {
    const joined = m.unit ? splitCount(m.unit, ind.name?.text ?? '') : undefined;
    if (!joined) continue;
    const at = cell.text.indexOf(m.unit, m.start);
    if (at >= 0)
      ctx.report({
        place: inCell(cell, at, m.unit.length),
        message: perCountMessage(who, m.unit, joined),
        fixes: [replaceFix(cell, at, m.unit.length, joined)],
      });
  }
  if (DATE_LIKE.test(ascii) || SERIAL.test(ascii) || isQualitative(ind) || isUnitless(ind)) return;
  const unit = ind.unit;
  if (BARE_NUMBER.test(ascii) && !(unit && unit.text.trim() !== '')) {
    ctx.report({
      place: cell.place,
      message: hasUnitColumn
        ? {
            zh: `${who.zh}指标值「${cell.text.trim()}」没有计量单位：计量单位列为空`,
            en: `${who.en}the value “${cell.text.trim()}” has no unit: the unit column is empty`,
          }
        : {
            zh: `${who.zh}指标值「${cell.text.trim()}」没有单位（人、个、%、万元……）：表中没有计量单位列，单位应写在指标值里`,
            en: `${who.en}the value “${cell.text.trim()}” has no unit (人, 个, %, 万元 …): the form has no unit column, so the value carries it`,
          },
    });
    return;
  }
  const [only] = parsed.measures;
  if (hasUnitColumn && parsed.onlyMeasures && parsed.measures.length === 1 && only && only.unit !== '')
    reportUnitInValue(cell, only, unit, who, ctx);
}

/** A unit in the value column beside a unit column: the value column holds the number alone. */
function reportUnitInValue(
  cell: Located,
  only: { readonly unit: string; readonly start: number },
  unit: Located | undefined,
  who: Who,
  ctx: ProjectContext,
): void {
  const twice = unit && unit.text.trim() === only.unit;
  const at = cell.text.indexOf(only.unit, only.start);
  const fixes: Fix[] =
    twice && at >= 0
      ? [
          {
            title: { zh: `删去指标值中的「${only.unit}」`, en: `Remove “${only.unit}” from the value` },
            safe: false,
            edits: [{ ...inCell(cell, at, only.unit.length), newText: '' }],
          },
        ]
      : [];
  ctx.report({
    place: at >= 0 ? inCell(cell, at, only.unit.length) : cell.place,
    message: twice
      ? {
          zh: `${who.zh}单位「${only.unit}」在指标值和计量单位列各写了一次：指标值只写数字`,
          en: `${who.en}the unit “${only.unit}” is written in the value and in the unit column: the value holds the number alone`,
        }
      : {
          zh: `${who.zh}单位「${only.unit}」写在了指标值里：表中有计量单位列，单位应写在那里，指标值只写数字`,
          en: `${who.en}the unit “${only.unit}” is written in the value: the form has a unit column, which should hold it; the value holds the number alone`,
        },
    ...(fixes.length > 0 ? { fixes } : {}),
  });
}

/** Whether the form has a unit column: some indicator has a unit cell. */
function hasUnitColumn(project: ModelProject): boolean {
  return project.columns.includes('unit');
}

export const unitColumn: FormRule = {
  id: 'unit-column',
  category: 'values',
  scope: 'form',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    zh: '申报表的单位问题：定量指标值没有单位、有计量单位列时单位写进了指标值、计量单位列填了数字、计数写成了「人/次」、拉丁字母单位大小写不对（80M）。',
    en: 'Units on an application form: a quantitative value without a unit, a unit in the value column beside a unit column, a number in the unit column, a count written as a per-unit (`人/次`), a Latin unit in the wrong case (`80M`).',
  },
  rationale: {
    zh: '没有单位的数（「8」）无法判断是人、次还是万元；有计量单位列的表，导入预算系统时指标值列只能是数字，单位在计量单位列；「人/次」读作“每次多少人”，计人次应写「人次」；「M」是兆，米应写「米」或「m」。',
    en: 'A number without a unit (“8”) cannot tell people from times or 万元; on a form with a unit column the budget system imports the value column as a number and the unit from its column; `人/次` reads as “people per time” where 人次 is meant; `M` is mega: metres are `米` or `m`.',
  },
  examples: {
    bad: [
      formExample([
        '项目绩效目标表',
        '项目名称\t培训项目',
        '一级指标\t二级指标\t三级指标\t指标值\t计量单位',
        '产出指标\t数量指标\t出差人数\t8\t',
        '产出指标\t数量指标\t出差人次\t24\t人/次',
        '产出指标\t数量指标\t配备车辆数\t10辆\t',
      ]),
      formExample([
        '项目支出绩效目标申报表',
        '项目名称\t降尘项目',
        '一级指标\t二级指标\t三级指标\t指标值及单位',
        '产出指标\t数量指标\t雾炮车射程\t≥80M',
      ]),
    ],
    good: [
      formExample([
        '项目绩效目标表',
        '项目名称\t培训项目',
        '一级指标\t二级指标\t三级指标\t指标值\t计量单位',
        '产出指标\t数量指标\t出差人数\t8\t人',
        '产出指标\t数量指标\t出差人次\t24\t人次',
        '产出指标\t时效指标\t完成时间\t2021年12月\t',
      ]),
      formExample([
        '项目支出绩效目标申报表',
        '项目名称\t降尘项目',
        '一级指标\t二级指标\t三级指标\t指标值及单位',
        '产出指标\t数量指标\t雾炮车射程\t≥80米',
        '产出指标\t数量指标\t配备车辆数\t10辆',
      ]),
    ],
  },
  checkProject(project, ctx) {
    const column = hasUnitColumn(project);
    for (const ind of project.indicators) checkIndicator(ind, column, ctx);
  },
};
