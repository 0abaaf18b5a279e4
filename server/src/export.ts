/**
 * The parsed model as plain JSON (`perf-target export`), so that other tools can use clerks' files.
 * Ranges are LSP ranges: 0-based lines, UTF-16 columns, end exclusive.
 */
import { DEFAULT_MONEY_UNIT } from './catalogue';
import {
  cellValue,
  positionIn,
  type Amount,
  type RowPlace,
  type RowRef,
  type Span,
  type TargetDocument,
} from './syntax/document';
import { AMOUNT_COLUMNS, LABELS } from './vocabulary';
import type { CodeNode, IndicatorNode, ValueNode } from './syntax/indicators';

export interface JsonRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** A span of a row's text as lines and columns (a row may span lines). */
const range = (ref: RowPlace, span: Span): JsonRange => ({
  start: positionIn(ref, span.start),
  end: positionIn(ref, span.end),
});

type AmountsJson = Record<'total' | 'general' | 'specialAccount' | 'other', number | null>;

function amounts(list: readonly Amount[]): AmountsJson {
  const v = (i: number): number | null => list[i]?.value ?? (list[i] ? null : 0);
  return { total: v(0), general: v(1), specialAccount: v(2), other: v(3) };
}

function code(node: CodeNode | undefined) {
  return node ? { code: node.code?.text ?? null, name: node.name?.text ?? null } : null;
}

function value(ref: RowRef, v: ValueNode | undefined) {
  if (!v) return null;
  return {
    label: LABELS[v.label],
    text: v.text,
    kind: v.parsed.kind,
    measures: v.parsed.measures.map((m) => ({
      comparator: m.comparator ?? null,
      number: m.number,
      scale: m.scale,
      value: m.value,
      unit: m.unit,
    })),
    ...(v.parsed.range
      ? { range: { low: v.parsed.range.low.value, high: v.parsed.range.high.value, subject: v.parsed.range.subject } }
      : {}),
    remainder: v.parsed.remainder,
    range: range(ref, v.span),
  };
}

function indicator(ref: RowRef, ind: IndicatorNode) {
  return {
    seq: Number.isFinite(ind.seq.value) ? ind.seq.value : null,
    level1: code(ind.level1),
    level2: code(ind.level2),
    name: ind.name?.text ?? null,
    period: value(ref, ind.period),
    annual: value(ref, ind.annual),
    range: range(ref, ind.span),
  };
}

function project(ref: RowRef) {
  const { row, line } = ref;
  return {
    name: row.name ? cellValue(row.name) : '',
    line,
    amounts: amounts(row.amounts),
    goal: row.goal ? cellValue(row.goal) : '',
    indicators: (row.indicators?.indicators ?? []).map((i) => indicator(ref, i)),
    range: range(ref, { start: 0, end: row.text.length }),
  };
}

function unit(ref: RowRef, projects: readonly RowRef[]) {
  return {
    name: ref.row.name ? cellValue(ref.row.name) : '',
    line: ref.line,
    amounts: amounts(ref.row.amounts),
    projects: projects.map(project),
  };
}

export function exportDocument(doc: TargetDocument) {
  return {
    columns: AMOUNT_COLUMNS,
    /** The first table's money unit (each table says its own). */
    unit: doc.tables[0]?.unit ?? DEFAULT_MONEY_UNIT,
    tables: doc.tables.map((t) => ({
      title: t.title ?? null,
      department: t.department ?? null,
      unit: t.unit,
      unitStated: t.unitLine !== undefined,
      lines: { start: t.startLine, end: t.endLine },
      total: t.total ? { line: t.total.line, amounts: amounts(t.total.row.amounts) } : null,
      units: t.units.map((u) => unit(u.ref, u.projects)),
      projects: t.looseProjects.map(project),
    })),
  };
}
