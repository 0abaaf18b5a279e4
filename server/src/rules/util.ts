/** Small helpers shared by the rules. */
import { lookupCode, MONEY_UNITS, type Bilingual, type MoneyUnit } from '../catalogue';
import type { ParsedRow, Span } from '../syntax/document';
import { LABEL_NAMES as LABEL_WORDS } from '../vocabulary';
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
