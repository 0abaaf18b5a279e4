/** Small helpers shared by the rules. */
import { lookupCode, lookupFormName, MONEY_UNITS, type Bilingual, type FormClass, type MoneyUnit } from '../catalogue';
import type { Located, ModelAmount, ModelIndicator, ModelProject } from '../model/types';
import type { ParsedRow, Span } from '../syntax/document';
import { parseValue, type Measure, type ParsedValue } from '../syntax/value';
import { FORM_COLUMNS, LABEL_NAMES as LABEL_WORDS, STANDARD_WORDS } from '../vocabulary';
import type { IndicatorNode, ValueNode } from '../syntax/indicators';

export type { Bilingual } from '../catalogue';

/** The row's indicators, or none when the row is not a project. */
export function indicatorsOf(row: ParsedRow): readonly IndicatorNode[] {
  return row.kind === 'project' ? (row.indicators?.indicators ?? []) : [];
}

/** Rows that carry amounts. */
export function isAmountRow(row: ParsedRow): boolean {
  return row.kind === 'project' || row.kind === 'unit' || row.kind === 'total';
}

/** The level-2 code of an indicator, when it is a known level-2 code. */
export function level2Code(ind: IndicatorNode): string | undefined {
  const code = ind.level2?.code?.text;
  return code !== undefined && lookupCode(code)?.level === 2 ? code : undefined;
}

/** The level-1 class an indicator is filed under: its level-1 code, else its level-2 code's parent. */
export function level1Code(ind: IndicatorNode): string | undefined {
  const l1 = ind.level1?.code?.text;
  if (l1 !== undefined && lookupCode(l1)?.level === 1) return l1;
  const l2 = level2Code(ind);
  return l2 ? lookupCode(l2)?.parent : undefined;
}

const NO_VALUES: readonly ValueNode[] = Object.freeze([]);

/** The whole-period and the annual value, those written. */
export function valuesOf(ind: IndicatorNode): readonly ValueNode[] {
  const { period, annual } = ind;
  if (period && annual) return [period, annual];
  if (period) return [period];
  return annual ? [annual] : NO_VALUES;
}

/** The labels in messages: `实施周期指标值` / `the whole-period value`. */
export const LABEL_NAMES: Readonly<Record<ValueNode['label'], Bilingual>> = {
  period: { zh: LABEL_WORDS.period.zh, en: `the ${LABEL_WORDS.period.en}` },
  annual: { zh: LABEL_WORDS.annual.zh, en: `the ${LABEL_WORDS.annual.en}` },
};

/** A span that a squiggle can show: an empty value is marked on its label. */
export function valueSpan(v: ValueNode): Span {
  return v.span.end > v.span.start ? v.span : v.labelSpan;
}

/** The indicator's name for messages: `3、补贴惠及人次`. */
export function indicatorTitle(ind: IndicatorNode): string {
  return `${Number.isFinite(ind.seq.value) ? `${ind.seq.value}、` : ''}${ind.name?.text ?? ''}`;
}

/** Compares text ignoring whitespace and surrounding punctuation or quotes. */
const IGNORED = /[\s\u3000“”"'‘’。，,；;：:]/g;
const HAS_IGNORED = /[\s\u3000“”"'‘’。，,；;：:]/;

export function sameText(a: string, b: string): boolean {
  const hasA = HAS_IGNORED.test(a);
  const hasB = HAS_IGNORED.test(b);
  // Nothing to ignore on either side (the common case): plain comparison.
  if (!hasA && !hasB) return a !== '' && a === b;
  const na = hasA ? a.replace(IGNORED, '') : a;
  return na !== '' && na === (hasB ? b.replace(IGNORED, '') : b);
}

/** Differences below half a thousandth of a cent are floating-point noise, not money. */
export const EPSILON = 1e-7;

/** The `tolerance` setting (in 万元) as an amount in `unit`. */
export function toleranceIn(unit: MoneyUnit, toleranceWan: number): number {
  return toleranceWan / MONEY_UNITS[unit].wan;
}

// ---- application forms (the model's projects)

/** The classes a form's indicator is filed under, as its 一级 and 二级 names say. */
export function formClasses(ind: ModelIndicator): { readonly level1?: FormClass; readonly level2?: FormClass } {
  const level1 = ind.level1 ? lookupFormName(ind.level1.text, 1) : undefined;
  const level2 = ind.level2 ? lookupFormName(ind.level2.text, 2) : undefined;
  return { ...(level1 ? { level1 } : {}), ...(level2 ? { level2 } : {}) };
}

/** The level-2 code a form's indicator is filed under, when its 二级 names a level-2 class. */
export function formLevel2Code(ind: ModelIndicator): string | undefined {
  const e = formClasses(ind).level2?.entry;
  return e?.level === 2 ? e.code : undefined;
}

/** The level-1 class of a form's indicator: its 一级's, else its 二级's parent. */
export function formLevel1Code(ind: ModelIndicator): string | undefined {
  const { level1, level2 } = formClasses(ind);
  if (level1?.entry.level === 1) return level1.entry.code;
  return level2?.entry.level === 2 ? level2.entry.parent : undefined;
}

export type FormValuePart = 'value' | 'period' | 'annual';

/** A value of a form's indicator: its cell, and the text read (the unit column's unit after a bare number). */
export interface FormValue {
  readonly part: FormValuePart;
  readonly cell: Located;
  /** What is read: the cell without a trailing baseline tag (`(计划标准)`), the unit column's unit after it when it writes none. */
  readonly text: string;
  readonly parsed: ParsedValue;
  /** The unit came from the unit column: measures' offsets past the cell's text are not in it. */
  readonly unitFromColumn: boolean;
}

const STANDARD_TAIL = new RegExp(`\\s*[（(]\\s*(?:${STANDARD_WORDS.join('|')})\\s*[)）]\\s*$`);

/** A value or explanation without the baseline tag after it: `90%(计划标准)` is `90%`. */
export function withoutStandard(text: string): string {
  return text.replace(STANDARD_TAIL, '');
}

/** The values a form's indicator writes (指标值, 实施期指标值, 年度指标值), each read with the unit column. */
export function formValues(ind: ModelIndicator): FormValue[] {
  const out: FormValue[] = [];
  const unit = ind.unit?.text.trim() ?? '';
  // A unit column holding a number (a date serial, a value) is no unit to read a value with.
  const unitUsable = unit !== '' && !/[0-9０-９]/.test(unit);
  for (const part of ['value', 'period', 'annual'] as const) {
    const cell = ind[part];
    if (!cell || cell.text.trim() === '') continue;
    const own = withoutStandard(cell.text.trim());
    const parsed = parseValue(own);
    const bare = parsed.onlyMeasures && parsed.measures.length === 1 && parsed.measures[0]?.unit === '';
    if (unitUsable && bare) {
      const text = `${own}${unit}`;
      out.push({ part, cell, text, parsed: parseValue(text), unitFromColumn: true });
    } else out.push({ part, cell, text: own, parsed, unitFromColumn: false });
  }
  return out;
}

/** The value columns in messages: `指标值` / `the value`. */
export const FORM_VALUE_NAMES: Readonly<Record<FormValuePart, Bilingual>> = {
  value: formColumnName('value'),
  period: formColumnName('period'),
  annual: formColumnName('annual'),
};

function formColumnName(role: FormValuePart): Bilingual {
  const brief = FORM_COLUMNS.find((c) => c.role === role)?.brief ?? { zh: role, en: role };
  return { zh: brief.zh, en: `the ${brief.en}` };
}

/** Where a measure of a form's value stands: its span in the cell (the whole cell when the unit came from the unit column). */
export function measurePlace(v: FormValue, m: Measure): { line: number; span: Span } {
  const { line, span } = v.cell.place;
  if (v.unitFromColumn) return { line, span };
  // The cell's text may start with spaces that `text` trimmed.
  const lead = v.cell.text.length - v.cell.text.trimStart().length;
  return { line, span: { start: span.start + lead + m.start, end: span.start + lead + m.end } };
}

/** A form indicator's title in messages: its 三级 name, else its 二级. */
export function formTitle(ind: ModelIndicator): string {
  return ind.name?.text ?? ind.level2?.text ?? ind.level1?.text ?? '';
}

/** The amounts of a form's funding block under its total: depth 1. */
export function topParts(project: ModelProject): ModelAmount[] {
  return project.amounts.filter((a) => a.depth === 1);
}

/**
 * A form project's budget in its table's money unit: its total, or, when no total holds a number,
 * the sum of the parts beneath it (each part that holds one).
 */
export function projectBudget(project: ModelProject): number | undefined {
  const total = project.amounts.find((a) => a.role === 'total' && a.value !== undefined);
  if (total?.value !== undefined) return total.value;
  const parts = topParts(project).filter((a) => a.value !== undefined);
  return parts.length > 0 ? parts.reduce((acc, a) => acc + (a.value ?? 0), 0) : undefined;
}

/** The header block of the example forms: a title, the money unit, the project, its funding and goal. */
export const FORM_BLOCK: readonly string[] = [
  '项目支出绩效目标申报表',
  '单位：万元',
  '项目名称\t社区助餐服务补助',
  '预算单位\t某区民政局',
  '项目资金\t资金总额\t100',
  '\t财政拨款\t80',
  '\t其他资金\t20',
  '年度目标\t为辖区老年人提供助餐服务',
];

/** A well-formed grid: one indicator of each usual class, 一级 and 二级 merged down. */
export const FORM_GRID: readonly string[] = [
  '产出指标\t数量指标\t助餐服务人次\t≥5000人次',
  '\t质量指标\t餐食抽检合格率\t≥98%',
  '\t时效指标\t补助发放时间\t2024年12月底前',
  '\t成本指标\t每餐补助标准\t≤5元/餐',
  '效益指标\t社会效益指标\t助餐服务覆盖率\t≥90%',
  '满意度指标\t服务对象满意度指标\t老年人满意度\t≥90%',
];

/** The grid's header row: 一级 ⇥ 二级 ⇥ 三级 ⇥ 指标值. */
export const FORM_GRID_HEADER = '一级指标\t二级指标\t三级指标\t指标值';

/** An application form for examples and tests: a header block, the grid's header row and its rows. */
export function formRows(
  grid: readonly string[] = FORM_GRID,
  block: readonly string[] = FORM_BLOCK,
  header: string = FORM_GRID_HEADER,
): string[] {
  return [...block, header, ...grid];
}
