/**
 * The parsed model as plain JSON (`perf-target export`), so that other tools can use clerks' files.
 * Ranges are LSP ranges: 0-based lines, UTF-16 columns, end exclusive.
 */
import { DEFAULT_MONEY_UNIT, statedMoneyUnit } from './catalogue';
import type { Located, ModelAmount, ModelIndicator, ModelProject, Place } from './model/types';
import { parseValue } from './syntax/value';
import {
  cellValue,
  placeOf,
  positionIn,
  type Table,
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

// ---- Application forms, from their model

/** A piece of a form as JSON: its text and its range. */
function piece(doc: TargetDocument, l: Located | undefined) {
  return l ? { text: l.text, range: rangeAt(doc, l.place) } : null;
}

function rangeAt(doc: TargetDocument, place: Place): JsonRange {
  return placeOf(doc, place.line, place.span);
}

/** A value cell as the value reader reads it (the seven-column export's measures). */
function formValue(doc: TargetDocument, l: Located | undefined) {
  if (!l) return null;
  const parsed = parseValue(l.text);
  return {
    text: l.text,
    kind: parsed.kind,
    measures: parsed.measures.map((m) => ({
      comparator: m.comparator ?? null,
      number: m.number,
      scale: m.scale,
      value: m.value,
      unit: m.unit,
    })),
    remainder: parsed.remainder,
    range: rangeAt(doc, l.place),
  };
}

function formIndicator(doc: TargetDocument, ind: ModelIndicator) {
  return {
    line: ind.place.line,
    level1: piece(doc, ind.level1),
    level2: piece(doc, ind.level2),
    name: piece(doc, ind.name),
    nature: piece(doc, ind.nature),
    direction: piece(doc, ind.direction),
    comparator: piece(doc, ind.comparator),
    value: formValue(doc, ind.value),
    period: formValue(doc, ind.period),
    annual: formValue(doc, ind.annual),
    unit: piece(doc, ind.unit),
    weight: piece(doc, ind.weight),
    standard: piece(doc, ind.standard),
    explanation: piece(doc, ind.explanation),
    note: piece(doc, ind.note),
    carried: { level1: ind.carried?.level1 ?? false, level2: ind.carried?.level2 ?? false },
    range: rangeAt(doc, ind.place),
  };
}

function formAmount(doc: TargetDocument, a: ModelAmount) {
  return {
    label: a.label.text,
    role: a.role,
    depth: a.depth,
    value: a.value ?? null,
    writtenUnit: a.writtenUnit ?? null,
    range: a.cell ? rangeAt(doc, a.cell.place) : rangeAt(doc, a.label.place),
  };
}

function formProject(doc: TargetDocument, p: ModelProject) {
  return {
    name: p.name?.text ?? '',
    line: p.place.line,
    department: piece(doc, p.department),
    period: piece(doc, p.period),
    amounts: p.amounts.map((a) => formAmount(doc, a)),
    goals: { period: piece(doc, p.goals.period), annual: piece(doc, p.goals.annual), goal: piece(doc, p.goals.goal) },
    indicators: p.indicators.map((i) => formIndicator(doc, i)),
    spending: p.spending.map((s) => ({
      task: piece(doc, s.task),
      item: piece(doc, s.item),
      amount: s.amount ? formAmount(doc, s.amount) : null,
    })),
    weights: p.weights
      ? { total: p.weights.total ?? null, byLevel1: p.weights.byLevel1.map((b) => ({ name: b.name, value: b.value })) }
      : null,
    fields: p.fields.map((f) => ({
      label: f.label.text,
      role: f.role ?? null,
      value: piece(doc, f.value),
    })),
  };
}

/** A table's export: the seven-column layout's units and projects, or a form's model (`form`). */
function table(doc: TargetDocument, t: Table) {
  const common = {
    layout: t.layout,
    title: t.title ?? null,
    department: t.department ?? t.model?.projects[0]?.department?.text ?? null,
    unit: t.unit,
    unitStated: t.unitLine !== undefined || (t.model ? formStatesUnit(doc, t) : false),
    lines: { start: t.startLine, end: t.endLine },
  };
  if (t.layout !== 'seven-column') {
    return {
      ...common,
      total: null,
      units: [],
      projects: [],
      ...(t.model
        ? {
            form: {
              projects: t.model.projects.map((p) => formProject(doc, p)),
              notes: t.model.notes.map((n) => ({
                kind: n.kind,
                subject: n.subject,
                holds: n.holds ?? null,
                range: rangeAt(doc, n.place),
              })),
            },
          }
        : {}),
    };
  }
  return {
    ...common,
    total: t.total ? { line: t.total.line, amounts: amounts(t.total.row.amounts) } : null,
    units: t.units.map((u) => unit(u.ref, u.projects)),
    projects: t.looseProjects.map(project),
  };
}

/** Whether a form's rows state its money unit (`单位：万元`, `金额(万元)`). */
function formStatesUnit(doc: TargetDocument, t: Table): boolean {
  for (let l = t.startLine; l <= t.endLine && l < t.startLine + 40; l++) {
    const ref = doc.rows[l];
    if (ref?.line === l && ref.row.cells.some((c) => c.text.length <= 60 && statedMoneyUnit(c.text) !== undefined))
      return true;
  }
  return false;
}

export function exportDocument(doc: TargetDocument) {
  return {
    columns: AMOUNT_COLUMNS,
    /** The first table's money unit (each table says its own). */
    unit: doc.tables[0]?.unit ?? DEFAULT_MONEY_UNIT,
    tables: doc.tables.map((t) => table(doc, t)),
  };
}
