/**
 * The application-form reader: a form (项目支出绩效目标申报表, 部门整体支出绩效目标表, …) is a header
 * block of labelled fields and an indicator grid with one row per indicator. Everything is read by
 * its label or column name (`FORM_COLUMNS`, `FORM_FIELDS` in the vocabulary), never by position:
 * the grid's header row names its columns, merged cells (left empty below their first row) are
 * carried down, and a block's labels pair with the cell beside them.
 *
 * Invariants: reading never throws; every piece of the model is a cell of a row, placed by the
 * row's first line and the cell's span in the row's text; a form is found only by a grid header
 * naming 一级指标 and 二级/三级指标 and a value column, so a seven-column table is never read as one.
 */
import { DEFAULT_MONEY_UNIT, MONEY_UNITS, lookupName, statedMoneyUnit, type MoneyUnit } from '../catalogue';
import type {
  IndicatorPart,
  Located,
  ModelAmount,
  ModelField,
  ModelIndicator,
  ModelProject,
  ModelSpending,
  ModelTable,
  ReaderNote,
} from '../model/types';
import {
  COLUMNS,
  COMPARATOR_FORMS,
  DIRECTION_WORDS,
  FORM_COLUMNS,
  FORM_FIELDS,
  FORM_TITLE_SOURCE,
  NATURE_WORDS,
  type FormFieldRole,
} from '../vocabulary';
import { amountAscii } from './normalize';
import type { Cell, ParsedRow, RowRef } from './document';

/** A cell's text compared as a label: no spaces or line breaks, ASCII brackets and colon. */
export function labelText(text: string): string {
  return text
    .replace(/[\s\u3000"]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');
}

const NUMBERING = /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|[0-9]+[、.．)]|其中:?)/;
const BRACKET_TAIL = /\([^()]*\)$/;

/** A label's key: `labelText` without its numbering (`(一)`, `1、`, `其中:`), bracketed tail and colon. */
export function labelKey(text: string): string {
  let t = labelText(text).replace(NUMBERING, '');
  for (let i = 0; i < 2 && BRACKET_TAIL.test(t); i++) t = t.replace(BRACKET_TAIL, '');
  return t.replace(/:$/, '');
}

/** The numbering a label starts with: `(一)` is 1, `1、` is 2, `其中` is 1, none is 0. */
function numberingDepth(text: string): number {
  const m = NUMBERING.exec(labelText(text));
  if (!m) return 0;
  return m[0].startsWith('(') || m[0].startsWith('其中') || /^[一二三四五六七八九十]/.test(m[0]) ? 1 : 2;
}

/** The role a grid header cell names, if any. */
export function columnRole(text: string): IndicatorPart | undefined {
  const key = labelKey(text);
  if (key === '') return undefined;
  for (const c of FORM_COLUMNS) if (c.names.includes(key)) return c.role;
  for (const c of FORM_COLUMNS) if (c.names.some((n) => n.length >= 3 && key.startsWith(n))) return c.role;
  return undefined;
}

const FIELD_PATTERNS = FORM_FIELDS.map((f) => (f.pattern ? new RegExp(f.pattern) : undefined));

/** The role of a header-block label, if the text is one. */
export function fieldRole(text: string): FormFieldRole | undefined {
  return fieldLabel(text)?.role;
}

/** `fieldRole`, and whether the label is one of the listed names (else it only fits a pattern: `…资金`). */
function fieldLabel(text: string): { readonly role: FormFieldRole; readonly named: boolean } | undefined {
  const key = labelKey(text);
  if (key === '' || key.length > 16) return undefined;
  for (const f of FORM_FIELDS) if (f.names.includes(key)) return { role: f.role, named: true };
  for (let i = 0; i < FORM_FIELDS.length; i++) {
    const p = FIELD_PATTERNS[i];
    const role = FORM_FIELDS[i]?.role;
    if (role && p?.test(key)) return { role, named: false };
  }
  return undefined;
}

/** Labels whose value is text (a name, a unit, a goal): beside them a cell that only fits a pattern is their value. */
const TEXT_FIELDS: ReadonlySet<FormFieldRole | 'unknown'> = new Set([
  'name',
  'department',
  'period',
  'periodGoal',
  'annualGoal',
  'goal',
  'other',
  'unknown',
]);

const VALUE_ROLES: ReadonlySet<IndicatorPart> = new Set(['value', 'period', 'annual']);

/** Whether a row is the header row of an indicator grid: 一级指标, 二级 or 三级指标, and a value column. */
export function isGridHeader(row: ParsedRow): boolean {
  if (!row.text.includes('一级') || row.cells.length < 3) return false;
  const roles = new Set<IndicatorPart>();
  for (const c of row.cells) {
    const r = columnRole(c.text);
    if (r) roles.add(r);
  }
  return (
    roles.has('level1') && (roles.has('level2') || roles.has('name')) && [...roles].some((r) => VALUE_ROLES.has(r))
  );
}

const FORM_TITLE = new RegExp(FORM_TITLE_SOURCE);

function nonEmpty(row: ParsedRow): Cell[] {
  return row.cells.filter((c) => c.text !== '');
}

/** A row that starts a form's header block: its title, or a name or department field. */
function startsBlock(row: ParsedRow): boolean {
  const first = nonEmpty(row)[0];
  if (!first) return false;
  if (FORM_TITLE.test(first.text)) return true;
  const role = fieldRole(first.text);
  return role === 'name' || role === 'department';
}

/** A row after the grid that still belongs to its form: the review opinion, who filled it in. */
function isFooter(row: ParsedRow): boolean {
  const first = nonEmpty(row)[0];
  if (!first) return true;
  const role = fieldRole(first.text);
  return role === 'review' || role === 'other';
}

export interface FormRegion {
  /** Index into the rows given to `findForms` of the form's first row, its grid header and its end (exclusive). */
  readonly start: number;
  readonly grid: number;
  readonly gridEnd: number;
  readonly end: number;
}

/**
 * The forms among `rows` (each row once, in line order). A form runs from its header block (back
 * to the previous form, a seven-column header or row, or the start) through its grid and the
 * footer rows after it.
 */
export function findForms(rows: readonly RowRef[]): FormRegion[] {
  const grids: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r && r.row.text.includes('一级') && isGridHeader(r.row)) grids.push(i);
  }
  const regions: FormRegion[] = [];
  let floor = 0;
  grids.forEach((g, k) => {
    let start = g;
    while (start > floor && !isSevenColumn(rows[start - 1]?.row)) start--;
    // Blank rows before the block belong to no one.
    while (start < g && rows[start]?.row.kind === 'blank') start++;
    const next = grids[k + 1] ?? rows.length;
    const gridEnd = gridEndOf(rows, g, next);
    let end = gridEnd;
    if (k + 1 < grids.length) {
      while (end < next && isFooter(rows[end]?.row ?? BLANK) && !startsBlock(rows[end]?.row ?? BLANK)) end++;
    } else {
      while (end < rows.length && !isSevenColumn(rows[end]?.row)) end++;
    }
    regions.push({ start, grid: g, gridEnd, end });
    floor = end;
  });
  return regions;
}

const SEVEN_COLUMN_NAMES: ReadonlySet<string> = new Set(COLUMNS.slice(1).map((c) => labelText(c.zh)));

const BLANK: ParsedRow = { text: '', kind: 'blank', cells: [], amounts: [] };

/** A row of the seven-column layout: its header, or a row whose cells reach the indicator column. */
function isSevenColumn(row: ParsedRow | undefined): boolean {
  if (!row) return true;
  // A seven-column header names its columns (总计, 财政拨款 …); `项目名称 ⇥ X ⇥ 主管部门 ⇥ Y` is a form's field row.
  if (row.kind === 'header') return row.cells.filter((c) => SEVEN_COLUMN_NAMES.has(labelText(c.text))).length >= 2;
  return row.kind === 'project' && row.cells.length >= 7 && /[0-9]-/.test(row.cells[6]?.text ?? '');
}

interface Grid {
  readonly columns: ReadonlyArray<{ readonly index: number; readonly role: IndicatorPart }>;
  /** Columns left of the first role: the merged label column (`绩效指标`). */
  readonly labelColumns: number;
  readonly labelText: string;
}

function gridOf(header: ParsedRow): Grid {
  const columns: Array<{ index: number; role: IndicatorPart }> = [];
  const seen = new Set<IndicatorPart>();
  header.cells.forEach((c, index) => {
    const role = columnRole(c.text);
    if (role && !seen.has(role)) {
      seen.add(role);
      columns.push({ index, role });
    }
  });
  const labelColumns = Math.min(...columns.map((c) => c.index));
  const label = header.cells
    .slice(0, labelColumns)
    .map((c) => labelText(c.text))
    .join('');
  return { columns, labelColumns, labelText: label };
}

/** Where a grid's indicator rows end: a row with something in the label column, or a new block. */
function gridEndOf(rows: readonly RowRef[], g: number, limit: number): number {
  const header = rows[g]?.row;
  if (!header) return g + 1;
  const grid = gridOf(header);
  let i = g + 1;
  for (; i < limit; i++) {
    const row = rows[i]?.row;
    if (!row || row.kind === 'blank') continue;
    if (isSevenColumn(row)) break;
    const label = row.cells
      .slice(0, grid.labelColumns)
      .map((c) => labelText(c.text))
      .join('');
    if (grid.labelColumns > 0 && label !== '' && label !== grid.labelText) break;
    const first = nonEmpty(row)[0];
    if (grid.labelColumns === 0 && first && first === row.cells[0] && (fieldRole(first.text) ?? startsBlock(row)))
      break;
  }
  // Trailing blank rows are the footer's.
  while (i > g + 1 && rows[i - 1]?.row.kind === 'blank') i--;
  return i;
}

function at(ref: RowRef, cell: Cell): Located {
  return { text: cell.text.replace(/""/g, '"'), place: { line: ref.line, span: cell.textSpan } };
}

const COMPARATOR_SYMBOLS = new Set(COMPARATOR_FORMS.filter((f) => f.text.length <= 2).map((f) => f.text));
const DIRECTIONS = new Set([...DIRECTION_WORDS.up, ...DIRECTION_WORDS.down]);
const NATURES = new Set([...NATURE_WORDS.quantitative, ...NATURE_WORDS.qualitative]);

/** What a nature, direction or comparator cell holds, by its content. */
function contentRole(text: string): IndicatorPart | undefined {
  const t = labelText(text);
  if (COMPARATOR_SYMBOLS.has(t)) return 'comparator';
  if (DIRECTIONS.has(t)) return 'direction';
  if (NATURES.has(t)) return 'nature';
  return undefined;
}

const SWAPPABLE: ReadonlySet<IndicatorPart> = new Set(['nature', 'direction', 'comparator']);

interface GridRows {
  readonly indicators: ModelIndicator[];
  readonly notes: ReaderNote[];
}

function readGrid(rows: readonly RowRef[], g: number, gridEnd: number, grid: Grid): GridRows {
  const headerRef = rows[g] as RowRef;
  const indicators: ModelIndicator[] = [];
  const notes: ReaderNote[] = [];
  const holds = new Map<number, Map<IndicatorPart, number>>();
  let level1: Located | undefined;
  let level2: Located | undefined;
  for (let i = g + 1; i < gridEnd; i++) {
    const ref = rows[i];
    if (!ref || ref.row.kind === 'blank') continue;
    const parts: { -readonly [P in IndicatorPart]?: Located } = {};
    for (const { index, role } of grid.columns) {
      const cell = ref.row.cells[index];
      if (!cell || cell.text === '') continue;
      let part = role;
      if (SWAPPABLE.has(role)) {
        const holding = contentRole(cell.text);
        if (holding) {
          part = holding;
          // 指标性质 holds ≥ ≤ ＝ or 定性 in the budget systems' template: that is no swap.
          if (holding === role || (role === 'nature' && holding === 'comparator')) {
            parts[part] ??= at(ref, cell);
            continue;
          }
          const counts = holds.get(index) ?? new Map<IndicatorPart, number>();
          counts.set(holding, (counts.get(holding) ?? 0) + 1);
          holds.set(index, counts);
        }
      }
      parts[part] ??= at(ref, cell);
    }
    const label = ref.row.cells[0];
    if (grid.labelColumns > 0 && label && label.text !== '' && labelText(label.text) === grid.labelText)
      notes.push({
        kind: 'merged-label-repeated',
        place: { line: ref.line, span: label.textSpan },
        subject: label.text,
      });
    if (Object.keys(parts).length === 0) continue;
    const carried: { level1?: boolean; level2?: boolean } = {};
    if (parts.level1) {
      if (parts.level1.text !== level1?.text) level2 = undefined;
      level1 = parts.level1;
    } else if (level1) {
      parts.level1 = level1;
      carried.level1 = true;
    }
    if (parts.level2) level2 = parts.level2;
    else if (level2) {
      parts.level2 = level2;
      carried.level2 = true;
    }
    const first = ref.row.cells.find((c) => c.text !== '' && c !== label) ?? ref.row.cells[0];
    const last = [...ref.row.cells].reverse().find((c) => c.text !== '') ?? first;
    indicators.push({
      ...parts,
      place: { line: ref.line, span: { start: first?.textSpan.start ?? 0, end: last?.textSpan.end ?? 0 } },
      ...(carried.level1 || carried.level2 ? { carried } : {}),
    });
  }
  for (const [index, counts] of holds) {
    const role = grid.columns.find((c) => c.index === index)?.role;
    const [held, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    const header = headerRef.row.cells[index];
    if (role && held && held !== role && n && header)
      notes.push({
        kind: 'column-content',
        place: { line: headerRef.line, span: header.textSpan },
        subject: header.text,
        holds: held,
      });
  }
  return { indicators, notes };
}

/** A money cell's number in `unit`: `6.30`, `1,234.5`, `250万`, `3万元`, full-width digits. */
export function formAmount(text: string, unit: MoneyUnit): { value: number | undefined; writtenUnit?: string } {
  const t = amountAscii(text).replace(/\s+/g, '');
  const m = /^([+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)(亿元|万元|千元|元|万|亿)?$/.exec(t);
  if (!m) return { value: undefined };
  const n = Number((m[1] ?? '').replace(/,/g, ''));
  const written = m[2];
  if (!written) return { value: n };
  const wan = written === '万' ? 1 : written === '亿' ? 1e4 : MONEY_UNITS[written as MoneyUnit].wan;
  return { value: (n * wan) / MONEY_UNITS[unit].wan, writtenUnit: written };
}

interface Pending {
  readonly label: Located;
  role: FormFieldRole | undefined;
  readonly column: number;
  value?: Located;
  blocked?: Located;
}

/**
 * A cell is a label when it is a known field; or, short and no amount, when a cell follows it in its
 * row (a label the vocabulary does not know: `项目负责人 ⇥ 张三`, `其中：中央补助 ⇥ 2600`).
 */
function labelOf(row: ParsedRow, index: number, nextFilled: readonly number[]): FormFieldRole | 'unknown' | undefined {
  const cell = row.cells[index];
  if (!cell || cell.text === '') return undefined;
  const role = fieldRole(cell.text);
  if (role) return role;
  const key = labelKey(cell.text);
  if ((nextFilled[index] ?? -1) >= 0 && key.length > 0 && key.length <= 20 && !isAmount(cell.text)) return 'unknown';
  return undefined;
}

function isAmount(text: string): boolean {
  return formAmount(text, DEFAULT_MONEY_UNIT).value !== undefined;
}

interface Block {
  fields: ModelField[];
  unit: MoneyUnit;
  title?: Located;
  titleIsFile?: boolean;
  spending: ModelSpending[];
  preface: Located[];
  unitLine?: number;
}

/** Reads the header block's fields: each label with the cell beside it, or (a column label beside it) below. */
function readBlock(rows: readonly RowRef[], start: number, g: number): Block {
  const block: Block = { fields: [], unit: DEFAULT_MONEY_UNIT, spending: [], preface: [] };
  const all: Pending[] = [];
  // The labels of the last row that had any: a value below one of them is its value.
  let above: Pending[] = [];
  let amountColumn: number | undefined;
  let spendingColumns: Array<{ index: number; role: string }> | undefined;
  for (let i = start; i < g; i++) {
    const ref = rows[i];
    if (!ref || ref.row.kind === 'blank') continue;
    const { row } = ref;
    for (const c of row.cells) {
      const u = c.text.length <= 60 ? statedMoneyUnit(c.text) : undefined;
      if (u) {
        block.unit = u;
        block.unitLine = ref.line;
      }
    }
    const cells = nonEmpty(row);
    const lone = cells.length === 1 && row.cells.indexOf(cells[0] as Cell) === 0 ? cells[0] : undefined;
    if (lone && !fieldRole(lone.text) && !inlineField(ref, lone, 0)) {
      const text = cells[0]?.text ?? '';
      block.preface.push(at(ref, cells[0] as Cell));
      if (!block.title && FORM_TITLE.test(text)) {
        block.title = at(ref, cells[0] as Cell);
        block.titleIsFile = /\.(?:xlsx?|et|wps|docx?|pdf)$/i.test(text);
      }
      continue;
    }
    if (spendingColumns && (row.cells[0]?.text ?? '') === '') {
      block.spending.push(spendingRow(ref, spendingColumns, block.unit));
      continue;
    }
    amountColumn = amountColumnOf(row) ?? amountColumn;
    const labels = readLabels(ref, above, amountColumn);
    if (labels.length > 0) {
      above = labels;
      all.push(...labels);
    }
    spendingColumns = spendingOf(row, labels);
  }
  block.fields = all.map((p) => ({
    label: p.label,
    ...(p.role ? { role: p.role } : {}),
    ...(p.value ? { value: p.value } : p.blocked ? { blocked: p.blocked } : {}),
  }));
  return block;
}

/** The columns of a department's duties, when `labels` opened them (`年度履职目标 ⇥ 部门职能 ⇥ …`). */
function spendingOf(row: ParsedRow, labels: readonly Pending[]): Array<{ index: number; role: string }> | undefined {
  const opener = labels.find((p) => p.role === 'spending');
  if (!opener) return undefined;
  return row.cells
    .map((c, index) => ({ index, role: labelKey(c.text) }))
    .filter((c) => c.index > opener.column && c.role !== '');
}

/**
 * A row's labels, each with the cell beside it; a cell that is no label and stands beside none is
 * the value of a label above it (a goal written below `年度目标`) or the next line of the last value.
 */
function readLabels(ref: RowRef, above: readonly Pending[], amountColumn: number | undefined): Pending[] {
  const { row } = ref;
  const labels: Pending[] = [];
  const used = new Set<number>();
  // The next non-empty cell after each cell, found in one pass from the end.
  const nextFilled = new Array<number>(row.cells.length).fill(-1);
  for (let k = row.cells.length - 2; k >= 0; k--)
    nextFilled[k] = (row.cells[k + 1]?.text ?? '') !== '' ? k + 1 : (nextFilled[k + 1] ?? -1);
  row.cells.forEach((cell, index) => {
    if (used.has(index) || cell.text === '') return;
    const inline = inlineField(ref, cell, index);
    if (inline) {
      labels.push(inline);
      return;
    }
    const role = labelOf(row, index, nextFilled);
    if (role === undefined) {
      // A row's second amount column (实施期 beside 年度) is no continuation of a value above.
      if (labels.length > 0) return;
      const open = above.filter((p) => !p.value && p.role !== 'spending');
      const target = open.find((p) => p.column === index) ?? open[open.length - 1] ?? above[above.length - 1];
      if (target) target.value = target.value ? joined(target.value, at(ref, cell)) : at(ref, cell);
      return;
    }
    const p: Pending = { label: at(ref, cell), role: role === 'unknown' ? undefined : role, column: index };
    labels.push(p);
    if (role === 'spending') {
      for (let k = index + 1; k < row.cells.length; k++) used.add(k);
      return;
    }
    let after = nextFilled[index] ?? -1;
    // Amounts in columns (`实施期资金总额 ⇥ 年度资金总额`): an amount's value is the year's column.
    const money = role === 'total' || role === 'money' || role === 'unknown';
    if (money && amountColumn !== undefined && amountColumn > index && (row.cells[amountColumn]?.text ?? '') !== '')
      after = amountColumn;
    const valueCell = after >= 0 ? row.cells[after] : undefined;
    // `项目名称 ⇥ 就业补助资金`: a name that merely ends like a money label is the name.
    const textValue = valueCell && TEXT_FIELDS.has(role) && fieldLabel(valueCell.text)?.named === false;
    if (valueCell && (textValue || fieldRole(valueCell.text) === undefined)) {
      p.value = at(ref, valueCell);
      used.add(after);
      // An indented (or numbered) label the vocabulary does not know, beside an amount: a source of funds.
      const indented = index > 0 && row.cells.slice(0, index).every((c) => c.text === '');
      if (role === 'unknown' && (indented || numberingDepth(cell.text) > 0) && isAmount(valueCell.text))
        p.role = 'money';
    } else if (valueCell && fieldRole(valueCell.text) === 'column') {
      // `年度资金总额 ⇥ 金额(万元)`: a column's name stands where the value should.
      p.blocked = at(ref, valueCell);
      used.add(after);
    }
  });
  return labels;
}

const INLINE = /^([^:：]{2,16})[:：][ \u3000]*(\S[\s\S]*)$/;

/** `专项资金名称：乡村振兴资金` in one cell: a known label and its value. */
function inlineField(ref: RowRef, cell: Cell, index: number): Pending | undefined {
  if (!cell.text.includes(':') && !cell.text.includes('：')) return undefined;
  const m = INLINE.exec(cell.text);
  const name = m?.[1];
  const value = m?.[2];
  if (!m || !name || !value) return undefined;
  const role = fieldRole(name);
  if (!role || role === 'column' || role === 'spending') return undefined;
  const start = cell.textSpan.start;
  const valueAt = cell.text.length - value.length;
  return {
    label: { text: name, place: { line: ref.line, span: { start, end: start + name.length } } },
    role,
    column: index,
    value: { text: value, place: { line: ref.line, span: { start: start + valueAt, end: start + cell.text.length } } },
  };
}

/** The column of a row of amount columns' headers that holds the year's amounts (`年度资金总额`), if any. */
function amountColumnOf(row: ParsedRow): number | undefined {
  const heads = row.cells
    .map((c, index) => ({ index, role: fieldRole(c.text), text: labelText(c.text) }))
    .filter((c) => c.role === 'total' || c.role === 'column');
  if (heads.length < 2) return undefined;
  return heads.find((c) => c.text.includes('年度'))?.index;
}

function joined(a: Located, b: Located): Located {
  return a.place.line === b.place.line
    ? {
        text: `${a.text} ${b.text}`,
        place: { line: a.place.line, span: { start: a.place.span.start, end: b.place.span.end } },
      }
    : { text: `${a.text}\n${b.text}`, place: a.place };
}

function spendingRow(
  ref: RowRef,
  columns: ReadonlyArray<{ index: number; role: string }>,
  unit: MoneyUnit,
): ModelSpending {
  const out: { task?: Located; item?: Located; amount?: ModelAmount } = {};
  for (const { index, role } of columns) {
    const cell = ref.row.cells[index];
    if (!cell || cell.text === '') continue;
    const located = at(ref, cell);
    if (/金额|资金/.test(role)) {
      const { value, writtenUnit } = formAmount(cell.text, unit);
      out.amount = {
        label: located,
        role: 'source',
        depth: 1,
        value,
        cell: located,
        ...(writtenUnit ? { writtenUnit } : {}),
      };
    } else if (/项目|名称/.test(role)) out.item = located;
    else if (/任务|目标/.test(role)) out.task ??= located;
  }
  return out;
}

const MONEY_ROLES: ReadonlySet<FormFieldRole | undefined> = new Set(['total', 'money']);

/** The amounts among a block's fields, each with its depth under the total. */
function amountsOf(fields: readonly ModelField[], unit: MoneyUnit): ModelAmount[] {
  const out: ModelAmount[] = [];
  let parentDepth = 0;
  for (const f of fields) {
    const role = f.role;
    if (!MONEY_ROLES.has(role)) continue;
    // A label heading other labels (`项目资金(万元) ⇥ 年度资金总额`) holds no amount itself.
    const blocked = f.blocked;
    if (!f.value && !blocked) continue;
    const cell = f.value ?? blocked;
    const read = f.value ? formAmount(f.value.text, unit) : { value: undefined };
    const numbering = numberingDepth(f.label.text);
    let depth = role === 'total' ? 0 : numbering === 2 && parentDepth === 1 ? 2 : 1;
    if (numbering === 1) parentDepth = 1;
    if (role !== 'total' && numbering === 0 && out.some((a) => a.role === 'subtotal')) depth = 1;
    const subtotal = role !== 'total' && labelKey(f.label.text).endsWith('小计');
    out.push({
      label: f.label,
      role: role === 'total' ? 'total' : subtotal ? 'subtotal' : 'source',
      depth,
      value: read.value,
      ...(cell ? { cell } : {}),
      ...(read.writtenUnit ? { writtenUnit: read.writtenUnit } : {}),
    });
  }
  return out;
}

const WEIGHT = /([\u4e00-\u9fa5]{0,10}?)(?:权重)?分值\s*([0-9]+(?:\.[0-9]+)?)\s*分/g;

/** Weights a label declares: `权重分值90分,其中产出指标权重分值50分`. */
function weightsOf(located: Located | undefined): ModelProject['weights'] {
  if (!located || !located.text.includes('分值')) return undefined;
  let total: number | undefined;
  const byLevel1: Array<{ name: string; value: number }> = [];
  for (const m of located.text.matchAll(WEIGHT)) {
    const before = (m[1] ?? '').replace(/^其中/, '');
    const value = Number(m[2]);
    const entry = before.length >= 2 ? lookupLevel1Suffix(before) : undefined;
    if (entry) byLevel1.push({ name: entry, value });
    else total ??= value;
  }
  return { place: located.place, ...(total !== undefined ? { total } : {}), byLevel1 };
}

function lookupLevel1Suffix(text: string): string | undefined {
  for (let i = 0; i < text.length - 1; i++) {
    const e = lookupName(text.slice(i));
    if (e?.level === 1) return e.name;
  }
  return undefined;
}

function field(fields: readonly ModelField[], role: FormFieldRole): Located | undefined {
  return fields.find((f) => f.role === role && f.value)?.value;
}

/** Reads one form (as `findForms` found it) into a table of one project. */
export function readForm(rows: readonly RowRef[], region: FormRegion): ModelTable {
  const block = readBlock(rows, region.start, region.grid);
  const header = rows[region.grid] as RowRef;
  const columns = gridOf(header.row);
  const grid = readGrid(rows, region.grid, region.gridEnd, columns);
  const footer = readBlock(rows, region.gridEnd, region.end);
  const fields = [...block.fields, ...footer.fields];
  const notes: ReaderNote[] = [...grid.notes];
  if (block.title && block.titleIsFile)
    notes.push({ kind: 'file-name-title', place: block.title.place, subject: block.title.text });
  for (const f of footer.fields)
    if (f.role === 'review' && !f.value)
      notes.push({ kind: 'empty-review', place: f.label.place, subject: f.label.text });
  const goal = (role: FormFieldRole): Located | undefined => field(fields, role);
  const labelCell = header.row.cells.slice(0, columns.labelColumns).find((c) => c.text.includes('分值'));
  const weights = weightsOf(
    labelCell ? at(header, labelCell) : fields.find((f) => f.label.text.includes('分值'))?.label,
  );
  const first = rows[region.start] ?? header;
  const lastRef = rows[region.end - 1] ?? header;
  const periodGoal = goal('periodGoal');
  const annualGoal = goal('annualGoal');
  const overall = goal('goal');
  const project: ModelProject = {
    place: { line: first.line, span: { start: 0, end: first.row.text.length } },
    ...optional('name', field(fields, 'name')),
    ...optional('department', field(fields, 'department')),
    ...optional('period', field(fields, 'period')),
    amounts: amountsOf(block.fields, block.unit),
    goals: {
      ...optional('period', periodGoal),
      ...optional('annual', annualGoal),
      ...optional('goal', overall),
    },
    indicators: grid.indicators,
    columns: columns.columns.map((c) => c.role),
    spending: block.spending,
    ...(weights ? { weights } : {}),
    fields,
  };
  return {
    layout: 'form',
    startLine: first.line,
    endLine: lastRef.line + (lastRef.row.breaks?.length ?? 0),
    ...(block.title ? { title: block.title } : {}),
    unit: block.unit,
    ...(block.unitLine !== undefined ? { unitLine: block.unitLine } : {}),
    projects: [project],
    preface: [...block.preface, ...footer.preface],
    notes,
  };
}

function optional<K extends string>(key: K, value: Located | undefined): { [P in K]?: Located } {
  return (value ? { [key]: value } : {}) as { [P in K]?: Located };
}
