/**
 * The table view's model (`perfTarget/tableOutline`, `perfTarget/tableRows`): the parsed document
 * as the budget system's grid shows it, with each finding placed on the cell or part of an
 * indicator it concerns. Built from the server's own document and check, never a second parser.
 * An application form's projects are read from its model (`Table.model`): name, department,
 * amounts, goals, and its grid's indicators cell by cell, each placed by its `Place`.
 *
 * The outline is light (names, amounts and counts per project, no trees) and walks the document in
 * steps; the rows — cells, indicators split into 序号 · 一级指标 · 二级指标 · 指标名称 · 实施周期指标值 ·
 * 年度指标值, their ranges and findings — are built only for the projects the view shows. Every
 * range is made through the row (`rangeOf`, `rangeAt`): a row may span lines.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Range,
} from 'vscode-languageserver';
import { formatNumber, localize, type Locale } from '../i18n';
import {
  MAX_TABLE_ROWS,
  TableOutlineRequest,
  TableRowsRequest,
  type TableAmountPart,
  type TableCounts,
  type TableOutlinePatch,
  type TableFinding,
  type TableFormAmount,
  type TableFormCell,
  type TableFormColumn,
  type TableFormField,
  type TableFormIndicator,
  type TableIndicator,
  type TableOutlineProject,
  type TableOutlineResult,
  type TableOutlineTable,
  type TableOutlineUnit,
  type TablePart,
  type TableProjectRow,
  type TableRowCells,
  type TableRowsResult,
  type TableValuePart,
} from '../protocol';
import {
  INDICATOR_PARTS,
  type Located,
  type ModelAmount,
  type ModelIndicator,
  type ModelProject,
  type ModelTable,
  type Place,
} from '../model/types';
import type { Finding } from '../rules/types';
import {
  cellValue,
  type Amount,
  type Cell,
  type RowRef,
  type Span,
  type Table,
  type TargetDocument,
} from '../syntax/document';
import type { IndicatorNode, ValueNode } from '../syntax/indicators';
import { parseValue } from '../syntax/value';
import type { Steps } from '../steps';
import { COMPARATORS, type Comparator } from '../vocabulary';
import { answerInSlices } from './slices';
import { rangeAt, rangeOf } from './positions';

/** What the model reads of a file: its current version, document and findings. */
export interface TableSource {
  readonly uri: string;
  readonly version: number;
  readonly doc: TargetDocument;
  /** Findings per line and severity index of this version's check; undefined while it has none. */
  readonly count?: (line: number, severity: number) => number;
  /** Every finding of the version by severity, when its check is complete. */
  readonly totals?: readonly number[];
  /** The findings of the row starting at `line`, as published. */
  findingsAt(line: number): readonly Finding[];
}

const NO_COUNTS: TableCounts = [0, 0, 0, 0];

/**
 * Identities of parsed rows (and of forms' projects): an unchanged row keeps its object, so its key
 * stays while it does not move.
 */
const rowIds = new WeakMap<object, number>();
let nextRowId = 1;
function idOf(o: object): number {
  let id = rowIds.get(o);
  if (id === undefined) {
    id = nextRowId++;
    rowIds.set(o, id);
  }
  return id;
}
const rowId = (ref: RowRef): number => idOf(ref.row);

function countsAt(src: TableSource, line: number): TableCounts {
  const c = src.count;
  if (!c) return NO_COUNTS;
  return [c(line, 0), c(line, 1), c(line, 2), c(line, 3)];
}

function addCounts(into: number[], c: TableCounts): void {
  for (let i = 0; i < 4; i++) into[i] = (into[i] ?? 0) + (c[i] ?? 0);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** 万元… of an amount cell as the outline gives it: 0 for a missing or empty cell, null when not a number. */
function amountOf(list: readonly Amount[], i: number): number | null {
  const a = list[i];
  if (!a) return 0;
  return a.value ?? null;
}

function amountsOf(ref: RowRef): (number | null)[] {
  return [0, 1, 2, 3].map((i) => amountOf(ref.row.amounts, i));
}

/** `whole` less the sum of `parts`, per column; null when every column adds up (to the cent). */
function difference(whole: RowRef | undefined, parts: readonly RowRef[]): (number | null)[] | null {
  if (!whole || parts.length === 0) return null;
  const out: (number | null)[] = [];
  let off = false;
  for (let i = 0; i < 4; i++) {
    const w = amountOf(whole.row.amounts, i);
    let sum: number | null = 0;
    for (const p of parts) {
      const v = amountOf(p.row.amounts, i);
      sum = v === null || sum === null ? null : sum + v;
    }
    const d = w === null || sum === null ? null : round2(w - sum);
    if (d !== null && d !== 0) off = true;
    out.push(d);
  }
  return off ? out : null;
}

/** The budget year written in a table's title or preface (`2024年`). */
function yearOf(doc: TargetDocument, t: Table): number | null {
  const end = Math.min(t.header?.line ?? t.startLine + 8, t.endLine, t.startLine + 8);
  const texts = [t.title ?? ''];
  for (let l = t.startLine; l <= end; l++) texts.push(doc.lines[l] ?? '');
  for (const text of texts) {
    const m = /((?:19|20)[0-9]{2})\s*年/.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

function toFinding(doc: TargetDocument, f: Finding, locale: Locale): TableFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    message: localize(f.message, locale),
    range: rangeAt(doc, f.line, f.span),
  };
}

/** A part being built: where it stands in its row, and the findings placed on it. */
interface Slot {
  readonly span: Span;
  readonly findings: TableFinding[];
}

const slot = (span: Span): Slot => ({ span, findings: [] });

/** Places each finding on the smallest slot holding it (else the one where it starts, else `rest`). */
function place(
  doc: TargetDocument,
  findings: readonly Finding[],
  slots: readonly Slot[],
  rest: TableFinding[],
  locale: Locale,
): void {
  for (const f of findings) {
    let best: Slot | undefined;
    let starts: Slot | undefined;
    for (const s of slots) {
      const size = s.span.end - s.span.start;
      if (s.span.start <= f.span.start && f.span.end <= s.span.end) {
        if (!best || size < best.span.end - best.span.start) best = s;
      } else if (s.span.start <= f.span.start && f.span.start < s.span.end) {
        if (!starts || size < starts.span.end - starts.span.start) starts = s;
      }
    }
    const into = best ?? starts;
    if (into) into.findings.push(toFinding(doc, f, locale));
    else rest.push(toFinding(doc, f, locale));
  }
}

function withFindings<T extends object>(part: T, s: Slot | undefined): T & { findings?: readonly TableFinding[] } {
  return s && s.findings.length > 0 ? { ...part, findings: s.findings } : part;
}

function cellPart(ref: RowRef, cell: Cell | undefined, s: Slot | undefined): TablePart {
  const span = cell ? cell.textSpan : { start: 0, end: 0 };
  return withFindings({ text: cell ? cellValue(cell) : '', range: rangeOf(ref, span) }, s);
}

function comparatorText(c: Comparator): { zh: string; en: string } {
  if (c === '≈') return { zh: '约', en: 'about' };
  return COMPARATORS.find((e) => e.means === c)?.description ?? { zh: c, en: c };
}

/** A value's reading in a line: comparator (and its meaning), number, unit; or that it is qualitative. */
export function valueReading(v: Pick<ValueNode, 'parsed'>, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const p = v.parsed;
  if (p.kind === 'empty') return zh ? '（空）' : '(empty)';
  if (p.kind === 'qualitative') return zh ? '定性指标值：没有可核验的数值' : 'Qualitative: no number to verify';
  if (p.range) return `${formatNumber(p.range.low.value)} ≤ ${p.range.subject} ≤ ${formatNumber(p.range.high.value)}`;
  const measures = p.measures.map((m) => {
    const cmp = m.comparator ? `${m.comparator} ` : '';
    const meaning = m.comparator ? `（${localize(comparatorText(m.comparator), locale)}）` : '';
    return `${cmp}${formatNumber(m.value)}${m.unit ? ` ${m.unit}` : ''}${meaning}`;
  });
  const rest = p.remainder ? (zh ? `；其余文字：${p.remainder}` : `; other text: ${p.remainder}`) : '';
  return `${zh ? '定量' : 'Quantitative'}: ${measures.join(zh ? '；' : '; ')}${rest}`;
}

/** The cells of a 合计 or unit row (the name and amounts), with the row's findings placed. */
function rowCells(src: TableSource, ref: RowRef, locale: Locale): TableRowCells {
  const { row } = ref;
  const nameSlot = slot(row.name?.span ?? { start: 0, end: 0 });
  const amountSlots = row.amounts.map((a) => slot(a.cell.span));
  const rest: TableFinding[] = [];
  place(src.doc, src.findingsAt(ref.line), [nameSlot, ...amountSlots], rest, locale);
  return {
    line: ref.line,
    name: cellPart(ref, row.name, nameSlot),
    amounts: row.amounts.map((a, i): TableAmountPart => ({
      ...cellPart(ref, a.cell, amountSlots[i]),
      value: a.value ?? null,
    })),
    ...(rest.length > 0 ? { findings: rest } : {}),
  };
}

function projectKey(ref: RowRef, counts: TableCounts): string {
  return `${rowId(ref)}:${ref.line}:${counts.join('.')}`;
}

/**
 * The outline's entry of a project, kept per row object while its line and counts stay: after a
 * keystroke in a large table the outline builds one new entry, not thousands.
 */
const entries = new WeakMap<object, TableOutlineProject>();
function projectEntry(p: RowRef, counts: TableCounts): TableOutlineProject {
  const key = projectKey(p, counts);
  const kept = entries.get(p.row);
  if (kept && kept.key === key) return kept;
  const entry: TableOutlineProject = {
    name: p.row.name ? cellValue(p.row.name) : '',
    line: p.line,
    amounts: amountsOf(p),
    goal: !!p.row.goal && p.row.goal.text !== '',
    indicators: p.row.outline?.indicators.length ?? 0,
    counts,
    key,
  };
  entries.set(p.row, entry);
  return entry;
}

// --- application forms ---------------------------------------------------------------------------

/** A project of an application form, and the lines it holds (its first to the next project's). */
export interface FormProjectRef {
  readonly table: ModelTable;
  readonly project: ModelProject;
  readonly line: number;
  readonly end: number;
}

/** A project of the document: a seven-column row, or a project of an application form. */
export type ProjectRef = { readonly kind: 'row'; readonly ref: RowRef } | ({ readonly kind: 'form' } & FormProjectRef);

/** The projects of a form table, each with the lines it holds. */
function formProjects(model: ModelTable): FormProjectRef[] {
  const list = model.projects;
  return list.map((project, i) => {
    const next = list[i + 1];
    const end = next ? Math.max(project.place.line, next.place.line - 1) : Math.max(project.place.line, model.endLine);
    return { table: model, project, line: project.place.line, end };
  });
}

/** The lines of a form's project on which a row starts (a row's findings stand at its first line). */
function* rowLines(doc: TargetDocument, f: FormProjectRef): Generator<number> {
  for (let l = f.line; l <= f.end; l++) {
    const ref = doc.rows[l];
    if (!ref || ref.line === l) yield l;
  }
}

function formCounts(src: TableSource, f: FormProjectRef): TableCounts {
  if (!src.count) return NO_COUNTS;
  const into = [0, 0, 0, 0];
  for (const l of rowLines(src.doc, f)) addCounts(into, countsAt(src, l));
  return [into[0] ?? 0, into[1] ?? 0, into[2] ?? 0, into[3] ?? 0];
}

/** What the view shows as the project's name: its name, else its department, else the form's title. */
function formName(f: FormProjectRef): Located | undefined {
  return f.project.name ?? f.project.department ?? f.table.title;
}

/** The grid's columns, then any part the cells hold besides (a 指标性质 column holding 正向), in the usual order. */
export function formColumns(project: ModelProject): TableFormColumn[] {
  const out = [...project.columns];
  for (const part of INDICATOR_PARTS) {
    if (out.includes(part) || !project.indicators.some((i) => i[part])) continue;
    const rank = INDICATOR_PARTS.indexOf(part);
    const at = out.findIndex((c) => INDICATOR_PARTS.indexOf(c) > rank);
    if (at < 0) out.push(part);
    else out.splice(at, 0, part);
  }
  return out;
}

/** How many detail lines the view gives a form's project: see `TableFormProject`. */
function formDetails(project: ModelProject): number {
  const { goals } = project;
  return (
    [project.department, project.period, goals.period, goals.annual, goals.goal].filter((l) => l !== undefined).length +
    project.amounts.length
  );
}

function formTotal(project: ModelProject) {
  return project.amounts.find((a) => a.role === 'total' && a.depth === 0);
}

function formKey(f: FormProjectRef, counts: TableCounts): string {
  return `${idOf(f.project)}:${f.line}:${counts.join('.')}`;
}

function formEntry(f: FormProjectRef, counts: TableCounts): TableOutlineProject {
  const key = formKey(f, counts);
  const kept = entries.get(f.project);
  if (kept && kept.key === key) return kept;
  const total = formTotal(f.project);
  const entry: TableOutlineProject = {
    name: formName(f)?.text ?? '',
    line: f.line,
    amounts: [total ? (total.cell ? (total.value ?? null) : 0) : 0, 0, 0, 0],
    goal: false,
    indicators: f.project.indicators.length,
    form: { columns: formColumns(f.project), details: formDetails(f.project) },
    counts,
    key,
  };
  entries.set(f.project, entry);
  return entry;
}

/** Whether a form states its money unit (`单位：万元` in its preface or title). */
function formUnitStated(model: ModelTable): boolean {
  return model.unitLine !== undefined;
}

/** A part made when first asked for: after every finding of its project is placed. */
interface Later<T> {
  get(): T;
}

/**
 * The parts of a form's project being built: one slot per place (a part written in two roles
 * shares its slot), kept by line for placing the findings; a part is made when asked for, after
 * they are placed (`place`).
 */
class FormParts {
  private readonly byKey = new Map<string, Slot>();
  private readonly byLine = new Map<number, Slot[]>();

  constructor(private readonly doc: TargetDocument) {}

  slotAt(place: Place): Slot {
    const key = `${place.line}:${place.span.start}:${place.span.end}`;
    let s = this.byKey.get(key);
    if (!s) {
      s = slot(place.span);
      this.byKey.set(key, s);
      const list = this.byLine.get(place.line) ?? [];
      list.push(s);
      this.byLine.set(place.line, list);
    }
    return s;
  }

  rangeOf(loc: Located): Range {
    return rangeAt(this.doc, loc.place.line, loc.place.span);
  }

  part(loc: Located): Later<TablePart> {
    return this.partAs(loc, (p) => p, true);
  }

  /** A part showing `loc`, with the findings placed on its slot (none for a part shown away from its place). */
  partAs<T>(loc: Located, make: (p: TablePart) => T, own: boolean): Later<T> {
    const s = own ? this.slotAt(loc.place) : undefined;
    let made: { readonly value: T } | undefined;
    return {
      get: () => {
        made ??= { value: make(withFindings({ text: loc.text, range: this.rangeOf(loc) }, s)) };
        return made.value;
      },
    };
  }

  /** Places each line's findings on the smallest part of that line holding them; the rest in `rest`. */
  place(src: TableSource, f: FormProjectRef, rest: TableFinding[], locale: Locale): void {
    for (const l of rowLines(src.doc, f)) {
      const found = src.findingsAt(l);
      if (found.length > 0) place(src.doc, found, this.byLine.get(l) ?? [], rest, locale);
    }
  }
}

const VALUE_PARTS: ReadonlySet<TableFormColumn> = new Set(['value', 'period', 'annual']);

const none: Later<null> = { get: () => null };

/** A field of the form's header block: its value, and the label written beside it. */
function formField(parts: FormParts, project: ModelProject, loc: Located | undefined): Later<TableFormField | null> {
  if (!loc) return none;
  const label = project.fields.find(
    (fl) =>
      fl.value?.place.line === loc.place.line &&
      fl.value.place.span.start === loc.place.span.start &&
      fl.label.place !== loc.place,
  )?.label;
  const l = label ? parts.part(label) : none;
  const v = parts.part(loc);
  return { get: () => ({ label: l.get(), value: v.get() }) };
}

function formAmount(parts: FormParts, a: ModelAmount): Later<TableFormAmount> {
  const label = parts.part(a.label);
  const cell = a.cell ? parts.partAs(a.cell, (p): TableAmountPart => ({ ...p, value: a.value ?? null }), true) : none;
  return {
    get: () => ({
      label: label.get(),
      role: a.role,
      depth: a.depth,
      cell: cell.get(),
      ...(a.writtenUnit ? { writtenUnit: a.writtenUnit } : {}),
    }),
  };
}

/** A row of the grid: its cells by column (a merged cell carried down without findings: they are its own row's). */
function formIndicator(
  parts: FormParts,
  ind: ModelIndicator,
  columns: readonly TableFormColumn[],
  locale: Locale,
): Later<TableFormIndicator> {
  const whole = parts.slotAt(ind.place);
  const cells: Array<[TableFormColumn, Later<TableFormCell>]> = [];
  for (const column of columns) {
    const loc = ind[column];
    if (!loc) continue;
    const carried = (column === 'level1' && ind.carried?.level1) || (column === 'level2' && ind.carried?.level2);
    const reading = VALUE_PARTS.has(column) ? { reading: valueReading({ parsed: parseValue(loc.text) }, locale) } : {};
    const make = (p: TablePart): TableFormCell => ({ ...p, ...reading, ...(carried ? { carried: true } : {}) });
    cells.push([column, parts.partAs(loc, make, !carried)]);
  }
  return {
    get: () => ({
      cells: Object.fromEntries(cells.map(([c, cell]) => [c, cell.get()])),
      range: parts.rangeOf({ text: '', place: ind.place }),
      ...(whole.findings.length > 0 ? { findings: whole.findings } : {}),
    }),
  };
}

/** One project of an application form: its cells, its grid, and its findings placed on them. */
export function formRow(src: TableSource, f: FormProjectRef, index: number, locale: Locale): TableProjectRow {
  const { project } = f;
  const parts = new FormParts(src.doc);
  const name = formName(f);
  const nameSlot = name ? parts.slotAt(name.place) : undefined;
  const department = formField(parts, project, project.department);
  const period = formField(parts, project, project.period);
  const amounts = project.amounts.map((a) => formAmount(parts, a));
  const goals = [project.goals.period, project.goals.annual, project.goals.goal].map((g) =>
    formField(parts, project, g),
  );
  const columns = formColumns(project);
  const indicators = project.indicators.map((ind) => formIndicator(parts, ind, columns, locale));
  const total = formTotal(project);
  const totalCell = total?.cell
    ? parts.partAs(total.cell, (p): TableAmountPart => ({ ...p, value: total.value ?? null }), true)
    : none;
  const rest: TableFinding[] = [];
  parts.place(src, f, rest, locale);
  const counts = formCounts(src, f);
  const totalPart = totalCell.get();
  return {
    index,
    key: formKey(f, counts),
    line: f.line,
    name: name
      ? withFindings({ text: name.text, range: parts.rangeOf(name) }, nameSlot)
      : { text: '', range: rangeAt(src.doc, f.line, { start: 0, end: 0 }) },
    amounts: totalPart ? [totalPart] : [],
    goal: null,
    indicators: [],
    form: {
      columns,
      department: department.get(),
      period: period.get(),
      amounts: amounts.map((a) => a.get()),
      goals: { period: goals[0]?.get() ?? null, annual: goals[1]?.get() ?? null, goal: goals[2]?.get() ?? null },
      indicators: indicators.map((i) => i.get()),
    },
    ...(rest.length > 0 ? { findings: rest } : {}),
  };
}

/** Every project of the document in order, across tables (a form's from its model): the indices of the protocol. */
export function projectsOf(doc: TargetDocument): ProjectRef[] {
  const out: ProjectRef[] = [];
  for (const t of doc.tables) {
    for (const ref of t.projects) out.push({ kind: 'row', ref });
    if (t.layout === 'form' && t.model) for (const f of formProjects(t.model)) out.push({ kind: 'form', ...f });
  }
  return out;
}

/** The outline, a step per few hundred projects. */
export function* outlineSteps(src: TableSource, locale: Locale): Steps<TableOutlineResult> {
  const { doc } = src;
  const projects: TableOutlineProject[] = [];
  const tables: TableOutlineTable[] = [];
  const counted = [0, 0, 0, 0];
  let indicators = 0;
  for (const t of doc.tables) {
    const first = projects.length;
    const indexOf = new Map<number, number>();
    for (const p of t.projects) {
      const counts = countsAt(src, p.line);
      addCounts(counted, counts);
      const entry = projectEntry(p, counts);
      indicators += entry.indicators;
      indexOf.set(p.line, projects.length);
      projects.push(entry);
      if (projects.length % 256 === 0) yield;
    }
    const units: TableOutlineUnit[] = [];
    let next = first + t.looseProjects.length;
    for (const u of t.units) {
      const counts = countsAt(src, u.ref.line);
      addCounts(counted, counts);
      const start = u.projects[0] ? (indexOf.get(u.projects[0].line) ?? next) : next;
      units.push({
        row: rowCells(src, u.ref, locale),
        counts,
        difference: difference(u.ref, u.projects),
        first: start,
        count: u.projects.length,
      });
      next = start + u.projects.length;
      yield;
    }
    if (t.layout === 'form' && t.model) {
      const model = t.model;
      for (const f of formProjects(model)) {
        const counts = formCounts(src, f);
        addCounts(counted, counts);
        const entry = formEntry(f, counts);
        indicators += entry.indicators;
        projects.push(entry);
        yield;
      }
      tables.push({
        layout: t.layout,
        title: model.title?.text ?? t.title ?? null,
        department: model.projects.find((p) => p.department)?.department?.text ?? t.department ?? null,
        year: yearOf(doc, t),
        unit: model.unit,
        unitStated: formUnitStated(model),
        total: null,
        totalCounts: NO_COUNTS,
        difference: null,
        units: [],
        loose: { first, count: projects.length - first },
        first,
        count: projects.length - first,
      });
      continue;
    }
    const totalCounts = t.total ? countsAt(src, t.total.line) : NO_COUNTS;
    addCounts(counted, totalCounts);
    tables.push({
      layout: t.layout,
      title: t.title ?? null,
      department: t.department ?? null,
      year: yearOf(doc, t),
      unit: t.unit,
      unitStated: t.unitLine !== undefined,
      total: t.total ? rowCells(src, t.total, locale) : null,
      totalCounts,
      difference: difference(t.total, t.units.length > 0 ? t.units.map((u) => u.ref) : t.looseProjects),
      units,
      loose: { first, count: t.looseProjects.length },
      first,
      count: t.projects.length,
    });
  }
  // Findings outside any table row (stray lines, the preface) count in the summary too.
  const totals = src.totals;
  const counts: TableCounts = totals
    ? [totals[0] ?? 0, totals[1] ?? 0, totals[2] ?? 0, totals[3] ?? 0]
    : [counted[0] ?? 0, counted[1] ?? 0, counted[2] ?? 0, counted[3] ?? 0];
  return {
    uri: src.uri,
    version: src.version,
    summary: { projects: projects.length, indicators, counts, checked: totals !== undefined },
    tables,
    projects,
  };
}

function indicatorOf(ref: RowRef, ind: IndicatorNode, slots: Slot[], locale: Locale): { build: () => TableIndicator } {
  const text = ref.row.text;
  const part = (span: Span | undefined) => (span ? slot(span) : undefined);
  const seq = slot(ind.seq.span);
  const level1 = part(ind.level1?.span);
  const level2 = part(ind.level2?.span);
  const name = part(ind.name?.span);
  const valueSlot = (v: ValueNode | undefined) =>
    v
      ? slot({ start: Math.min(v.labelSpan.start, v.span.start), end: Math.max(v.span.end, v.labelSpan.end) })
      : undefined;
  const period = valueSlot(ind.period);
  const annual = valueSlot(ind.annual);
  const whole = slot(ind.span);
  for (const s of [seq, level1, level2, name, period, annual, whole]) if (s) slots.push(s);
  return {
    build: () => {
      const plain = (s: Slot | undefined, span: Span | undefined): TablePart | null =>
        s && span ? withFindings({ text: text.slice(span.start, span.end), range: rangeOf(ref, span) }, s) : null;
      const value = (s: Slot | undefined, v: ValueNode | undefined): TableValuePart | null =>
        s && v
          ? withFindings({ text: v.text, range: rangeOf(ref, v.span), reading: valueReading(v, locale) }, s)
          : null;
      return {
        seq: plain(seq, ind.seq.span) ?? { text: '', range: rangeOf(ref, ind.seq.span) },
        level1: plain(level1, ind.level1?.span),
        level2: plain(level2, ind.level2?.span),
        name: plain(name, ind.name?.span),
        period: value(period, ind.period),
        annual: value(annual, ind.annual),
        range: rangeOf(ref, ind.span),
        ...(whole.findings.length > 0 ? { findings: whole.findings } : {}),
      };
    },
  };
}

/** One project's cells, indicators and findings. */
export function projectRow(src: TableSource, ref: RowRef, index: number, locale: Locale): TableProjectRow {
  const { row } = ref;
  const nameSlot = slot(row.name?.span ?? { start: 0, end: 0 });
  const amountSlots = row.amounts.map((a) => slot(a.cell.span));
  const goalSlot = row.goal ? slot(row.goal.span) : undefined;
  const slots: Slot[] = [nameSlot, ...amountSlots];
  if (goalSlot) slots.push(goalSlot);
  const builders = (row.indicators?.indicators ?? []).map((ind) => indicatorOf(ref, ind, slots, locale));
  const rest: TableFinding[] = [];
  place(src.doc, src.findingsAt(ref.line), slots, rest, locale);
  const counts = countsAt(src, ref.line);
  return {
    index,
    key: projectKey(ref, counts),
    line: ref.line,
    name: cellPart(ref, row.name, nameSlot),
    amounts: row.amounts.map((a, i): TableAmountPart => ({
      ...cellPart(ref, a.cell, amountSlots[i]),
      value: a.value ?? null,
    })),
    goal: row.goal ? cellPart(ref, row.goal, goalSlot) : null,
    indicators: builders.map((b) => b.build()),
    ...(rest.length > 0 ? { findings: rest } : {}),
  };
}

/** The rows of projects `from`..`to` (exclusive), at most `MAX_TABLE_ROWS`. */
export function tableRows(src: TableSource, from: number, to: number, locale: Locale): TableRowsResult {
  const all = projectsOf(src.doc);
  const start = Math.max(0, Math.floor(from));
  const end = Math.min(all.length, Math.floor(to), start + MAX_TABLE_ROWS);
  const rows: TableProjectRow[] = [];
  for (let i = start; i < end; i++) {
    const p = all[i];
    if (p) rows.push(p.kind === 'row' ? projectRow(src, p.ref, i, locale) : formRow(src, p, i, locale));
  }
  return { uri: src.uri, version: src.version, rows };
}

/** How many uris' last outlines are kept for patches. */
const KEPT_OUTLINES = 8;

/**
 * The projects that changed between two outlines: entries are kept per row object while their key
 * holds, so the unchanged ones at both ends are the same objects.
 */
export function patchOf(
  since: number,
  before: readonly TableOutlineProject[],
  after: readonly TableOutlineProject[],
): TableOutlinePatch {
  let start = 0;
  while (start < before.length && start < after.length && before[start]?.key === after[start]?.key) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end]?.key === after[after.length - 1 - end]?.key
  )
    end++;
  return {
    since,
    at: start,
    deleteCount: before.length - start - end,
    items: after.slice(start, after.length - end),
    length: after.length,
  };
}

/**
 * Registers the two requests. `source` gives a uri's current version (undefined: no target file);
 * the outline is answered in slices and ends with `ContentModified` when the document changes
 * meanwhile; rows of another version than the current one are answered `ContentModified` too.
 */
export function registerTableView(
  connection: Connection,
  source: (uri: string) => TableSource | undefined,
  locale: () => Locale,
): void {
  const fail = (name: string, e: unknown): ResponseError<void> => {
    const message = e instanceof Error ? e.message : String(e);
    connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? message) : message}`);
    return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${message}`);
  };
  const notTarget = (uri: unknown) =>
    new ResponseError(LSPErrorCodes.RequestFailed, `not a target file: ${String(uri)}`);
  // The projects of the last outline answered per uri, for patches (`since`); the few uris asked
  // for most recently (a closed document's is dropped with time, not on close: that notification
  // is the server's).
  const last = new Map<string, { readonly version: number; readonly projects: readonly TableOutlineProject[] }>();
  connection.onRequest(
    TableOutlineRequest.type,
    async (p: { readonly uri?: unknown; readonly since?: unknown } | undefined, token: CancellationToken) => {
      try {
        if (typeof p?.uri !== 'string') return new ResponseError(ErrorCodes.InvalidParams, 'uri expected');
        const uri = p.uri;
        const src = source(uri);
        if (!src) return notTarget(uri);
        const outline = await answerInSlices(outlineSteps(src, locale()), token, () => source(uri)?.doc !== src.doc);
        if (outline instanceof ResponseError) return outline;
        const before = last.get(uri);
        last.delete(uri);
        last.set(uri, { version: outline.version, projects: outline.projects });
        for (const old of last.keys()) if (last.size > KEPT_OUTLINES) last.delete(old);
        if (before && typeof p.since === 'number' && p.since === before.version)
          return { ...outline, projects: [], patch: patchOf(before.version, before.projects, outline.projects) };
        return outline;
      } catch (e) {
        return fail('tableOutline', e);
      }
    },
  );
  connection.onRequest(
    TableRowsRequest.type,
    (
      p:
        | { readonly uri?: unknown; readonly version?: unknown; readonly from?: unknown; readonly to?: unknown }
        | undefined,
    ) => {
      try {
        if (typeof p?.uri !== 'string' || typeof p.from !== 'number' || typeof p.to !== 'number')
          return new ResponseError(ErrorCodes.InvalidParams, 'uri, from and to expected');
        const src = source(p.uri);
        if (!src) return notTarget(p.uri);
        if (typeof p.version === 'number' && p.version !== src.version) {
          return new ResponseError(
            LSPErrorCodes.ContentModified,
            `version ${p.version} is not the current ${src.version}`,
          );
        }
        return tableRows(src, p.from, p.to, locale());
      } catch (e) {
        return fail('tableRows', e);
      }
    },
  );
}
