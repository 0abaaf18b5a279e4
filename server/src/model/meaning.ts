/**
 * Helpers of the rules about a project's meaning, in any layout: an indicator's class by its 二级
 * (or 一级) name, its values (with a form's unit column), dates and date ranges, CJK runs.
 */
import { CATALOGUE, lookupCode, lookupName } from '../catalogue';
import type { Located, ModelIndicator, Place } from './types';
import type { Span } from '../syntax/indicators';
import { toAscii } from '../syntax/normalize';
import { parseValue, type Measure } from '../syntax/value';
import { DATE_RANGE_MARKS } from '../vocabulary';

/** Level-2 names without their 指标 (`成本`, `时效`), for a class a form names its own way (`经济成本指标`). */
const LEVEL2_CORES = CATALOGUE.filter((e) => e.level === 2).map((e) => ({
  code: e.code,
  core: e.name.replace(/指标$/, ''),
}));

/**
 * The level-2 code of an indicator's class, from its 二级 name (or its 一级 name, as the 2021
 * layout files cost under 成本指标): `14` for 成本指标, `13` for 时效指标.
 */
export function classCode(ind: ModelIndicator): string | undefined {
  for (const part of [ind.level2, ind.level1]) {
    const text = part?.text.replace(/[\s\u3000]+/g, '') ?? '';
    if (text === '') continue;
    const entry = lookupName(text) ?? lookupCode(text);
    if (entry?.level === 2) return entry.code;
    const core = LEVEL2_CORES.find((c) => text.includes(c.core));
    if (core) return core.code;
  }
  return undefined;
}

/** The values an indicator holds: a form's 指标值, or the whole-period and annual values; empty ones left out. */
export function valuesOf(ind: ModelIndicator): Located[] {
  return [ind.value, ind.period, ind.annual].filter((v): v is Located => v !== undefined && v.text.trim() !== '');
}

/** The unit a form's unit column gives a bare number (`%`, `万元`), when it is a unit the value reader knows. */
function columnUnit(ind: ModelIndicator): { unit: string; scale: number } | undefined {
  const text = ind.unit?.text.trim() ?? '';
  if (text === '') return undefined;
  const probe = `1${text}`;
  const m = parseValue(probe).measures[0];
  return m && m.end === probe.length && m.unit !== '' ? { unit: m.unit, scale: m.scale } : undefined;
}

/** The measures of a value, a bare number taking the unit of the form's unit column (`100` ⇥ `%`). */
export function measuresOf(ind: ModelIndicator, v: Located): readonly Measure[] {
  const measures = parseValue(v.text).measures;
  const col = columnUnit(ind);
  if (!col) return measures;
  return measures.map((m) =>
    m.unit === '' && m.scale === 1 ? { ...m, unit: col.unit, scale: col.scale, value: m.number * col.scale } : m,
  );
}

/** A place inside a located text: `start`–`end` of its text. */
export function placeIn(l: Located, start: number, end: number): Place {
  return { line: l.place.line, span: { start: l.place.span.start + start, end: l.place.span.start + end } };
}

/** Where a located text's own text stands, trimmed of surrounding whitespace. */
export function textSpan(l: Located): Span {
  const lead = l.text.length - l.text.trimStart().length;
  const trail = l.text.length - l.text.trimEnd().length;
  return { start: l.place.span.start + lead, end: l.place.span.end - trail };
}

/** A date as written: year (when written), month, day (when written). */
export interface WrittenDate {
  readonly year?: number;
  readonly month: number;
  readonly day?: number;
}

export interface DateRange {
  readonly start: WrittenDate;
  readonly end: WrittenDate;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const MARKS = DATE_RANGE_MARKS.map(escape).join('|');
const YEAR = '(\\d{4})(?:年|[./-])';
const MONTH_DAY = '(\\d{1,2})月?(?:(?:[./-]|月)?(\\d{1,2})日?)?';
/** `2023.07-2024.01`, `2021年1月-12月`, `2021年1-12月`, `2023年7月1日至2024年1月31日`. */
const RANGE = new RegExp(`^${YEAR}${MONTH_DAY}(?:${MARKS})(?:${YEAR})?${MONTH_DAY}$`);

function date(year: string | undefined, month: string | undefined, day: string | undefined): WrittenDate | undefined {
  const m = Number(month);
  const d = day === undefined ? undefined : Number(day);
  if (!(m >= 1 && m <= 12) || (d !== undefined && !(d >= 1 && d <= 31))) return undefined;
  return { ...(year ? { year: Number(year) } : {}), month: m, ...(d !== undefined ? { day: d } : {}) };
}

/** A value or field that is a date range and nothing else; the end's year is the start's when not written. */
export function parseDateRange(text: string): DateRange | undefined {
  if (text.length > 60) return undefined;
  const t = toAscii(text).replace(/[\s\u3000]+/g, '');
  const r = RANGE.exec(t);
  if (!r) return undefined;
  const start = date(r[1], r[2], r[3]);
  const end = date(r[4] ?? r[1], r[5], r[6]);
  if (!start || !end) return undefined;
  return { start, end };
}

/** The range covers one whole calendar year (`2021年1月-12月`). */
export function isWholeYear(r: DateRange): boolean {
  return (
    r.start.year === r.end.year &&
    r.start.month === 1 &&
    (r.start.day ?? 1) === 1 &&
    r.end.month === 12 &&
    (r.end.day ?? 31) === 31
  );
}

/** Two ranges begin and end in the same months. */
export function sameRange(a: DateRange, b: DateRange): boolean {
  const same = (x: WrittenDate, y: WrittenDate): boolean =>
    x.year === y.year && x.month === y.month && (x.day === undefined || y.day === undefined || x.day === y.day);
  return same(a.start, b.start) && same(a.end, b.end);
}

/** The runs of CJK characters of a text, with their offsets. */
export function cjkRuns(text: string): Array<{ readonly text: string; readonly start: number }> {
  const runs: Array<{ text: string; start: number }> = [];
  for (const m of text.matchAll(/[\u4e00-\u9fff]+/g)) runs.push({ text: m[0], start: m.index });
  return runs;
}
