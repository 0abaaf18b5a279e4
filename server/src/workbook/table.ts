/**
 * A workbook's sheets as target text and back.
 *
 * Import: in each sheet the header row is looked for in the first `TABLE_LIMITS.headerSearchRows`
 * rows (the row the parser reads as a header: `项目名称…`, or the columns 总计, 财政拨款, 绩效指标);
 * its first cell fixes the table's first column. Rows above it are preface lines (their cells joined
 * by tabs, trailing empty cells left out: the title, `部门名称：…`, `单位：万元`); the header and every
 * row below it are rows of the seven columns (padded to seven cells; cells further right kept).
 * Amounts stored as numbers are written as the text writes them (`22,265.70`: thousands separators,
 * two decimals, more only when the number has more); amounts stored as text are kept as written.
 * Other numbers are written as Excel shows them when their format is a date, a time or a percentage
 * (`shownNumber`: `2024年11月30日`, `85%`), else as the number itself. A
 * cell holding a line break or a quote is written as Excel copies it: `"…"`, quotes inside doubled
 * (what `isQuotedCell` and `rowExtent` read back as one cell). Sheets follow each other in one text.
 * Each line of the text keeps where it came from (`LinePlace`), so that a finding names its cell.
 *
 * Export: one sheet per table of the text (`parseDocument`), each holding the lines from the end
 * of the previous table to the end of its own (blank lines between tables stay above the next
 * table's preface); a row of the text (one line, or several joined by a quoted cell) is one row of
 * the sheet. So `importWorkbook(exportWorkbook(text)).text === text` for text with LF line ends,
 * no trailing blank line, preface lines without padding tabs, rows of the table body of at least
 * seven cells with no empty cell past the seventh, and cells quoted only as Excel quotes them.
 */
import { formatWan, type Bilingual } from '../i18n';
import {
  parseDocument,
  parseRow,
  isQuotedCell,
  RowCache,
  MAX_ROW_LINES,
  splitLines,
  type Span,
  type TargetDocument,
  type Cell,
} from '../syntax/document';
import type { ModelTable } from '../model/types';
import { columnRole, isGridHeader } from '../syntax/form';
import { COLUMNS, isTitle } from '../vocabulary';
import { asWorkbookError, refuse } from './errors';
import { dateOfSerial } from './numfmt';
import {
  columnName,
  readXlsx,
  SHEET_LIMITS,
  STYLE,
  writeXlsx,
  type CellRange,
  type CellValue,
  type NumberFormat,
  type OutCell,
  type OutSheet,
  type Sheet,
  type SheetRow,
} from './xlsx';

export const TABLE_LIMITS = {
  /** The header row is looked for in this many rows at the top of a sheet. */
  headerSearchRows: 50,
  /**
   * A row's line breaks and the characters after its first one: past these the parser would not
   * join the row's lines (`MAX_ROW_LINES`, 64 K in `syntax/document.ts`), so its breaks become spaces.
   */
  rowLines: MAX_ROW_LINES,
  rowContinuation: 60_000,
  /**
   * Cells of a row read, from the table's first column: a cell far to the right (a note in column
   * XFD) would otherwise make every row thousands of empty cells. Those past it are noted.
   */
  columns: 256,
} as const;

const WIDTH = COLUMNS.length;
const AMOUNT = COLUMNS.map((c) => c.amount);
/** Goal and indicators: the columns written with wrap text. */
const WRAPPED = COLUMNS.map((_, i) => i >= WIDTH - 2);

/** Where a line of imported text came from. */
export interface LinePlace {
  readonly sheet: string;
  /** 0-based row of the sheet. */
  readonly row: number;
  /** 0-based column of the line's first cell. */
  readonly firstCol: number;
}

export interface ImportedText {
  /** The target text: lines joined by `\n`, no final line break. */
  readonly text: string;
  /** Per line of `text`: where it came from. */
  readonly places: readonly LinePlace[];
  /** What the clerk should know: hidden rows and columns kept, sheets skipped, cells changed. */
  readonly notes: readonly Bilingual[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: Bilingual };

/** Reads a workbook's target tables as text. Never throws. */
export function importWorkbook(bytes: Uint8Array, options: { readonly sheet?: string } = {}): Result<ImportedText> {
  try {
    return { ok: true, value: importSheets(readXlsx(bytes, options).sheets, options.sheet !== undefined) };
  } catch (e) {
    return { ok: false, message: asWorkbookError(e).text };
  }
}

/** The text of the sheets that hold a target table (every given sheet when `all`). */
export function importSheets(sheets: readonly Sheet[], all = false): ImportedText {
  const lines: string[] = [];
  const places: LinePlace[] = [];
  const notes: Bilingual[] = [];
  for (const sheet of sheets) {
    // A sheet holding an application form (an indicator grid's header row) is read as the form's
    // rows; the form reader, not the seven columns, reads them (a grid header may also name 绩效指标).
    if (hasGrid(sheet)) {
      sheetLines(sheet, 'form', lines, places, notes);
      continue;
    }
    const header = findHeader(sheet);
    if (header === undefined && !all) {
      if (sheet.rows.length > 0) {
        notes.push({
          zh: `工作表“${sheet.name}”前 ${TABLE_LIMITS.headerSearchRows} 行中没有表头行（项目名称…），也没有申报表的指标表头（一级指标、二级指标…），未导入`,
          en: `sheet "${sheet.name}" has no header row (项目名称…) in its first ${TABLE_LIMITS.headerSearchRows} rows and no application form's grid header (一级指标, 二级指标…); not imported`,
        });
      }
      continue;
    }
    sheetLines(sheet, header, lines, places, notes);
  }
  if (lines.length === 0) {
    refuse({
      zh: `工作簿中没有绩效目标表：任何工作表的前 ${TABLE_LIMITS.headerSearchRows} 行都没有表头行（项目名称、总计、财政拨款……绩效指标），也没有申报表（一级指标、二级指标、三级指标、指标值）`,
      en: `the workbook holds no target table: no sheet has a header row (项目名称, 总计, 财政拨款 … 绩效指标) in its first ${TABLE_LIMITS.headerSearchRows} rows, nor an application form (一级指标, 二级指标, 三级指标, 指标值)`,
    });
  }
  return { text: lines.join('\n'), places, notes };
}

/** The header row of a sheet, if one stands in its first rows: the row index and its first column. */
function findHeader(sheet: Sheet): { index: number; col: number } | undefined {
  for (const row of sheet.rows) {
    if (row.index >= TABLE_LIMITS.headerSearchRows) break;
    const first = row.cells[0];
    if (!first || row.cells.length < 2) continue;
    const cells = cellsFrom(row, first.col, false).map((v) =>
      typeof v === 'number' ? String(v) : v.replace(/[\t\r\n]/g, ' '),
    );
    if (parseRow(cells.join('\t')).kind === 'header') return { index: row.index, col: first.col };
  }
  return undefined;
}

/** Whether a sheet holds an application form: a row the form reader takes for an indicator grid's header. */
function hasGrid(sheet: Sheet): boolean {
  for (const row of sheet.rows) {
    if (row.cells.length < 3) continue;
    const cells = row.cells.map((c) =>
      typeof c.value === 'number' ? String(c.value) : c.value.replace(/[\t\r\n]/g, ' '),
    );
    if (!cells.some((c) => c.includes('一级'))) continue;
    // The cells in their columns (a gap is an empty cell), as the row's text would hold them.
    const first = row.cells[0]?.col ?? 0;
    const text = cellsFrom(row, first, false)
      .map((v) => (typeof v === 'number' ? String(v) : v.replace(/[\t\r\n]/g, ' ')))
      .join('\t');
    if (isGridHeader(parseRow(text))) return true;
  }
  return false;
}

/**
 * The cells a merge covers, other than its first: Excel copies them empty. Rows are visited in
 * order (`covered(row, col)` with rows ascending), so only the merges reaching the row are looked at.
 */
function mergeCover(merges: readonly CellRange[]): (row: number, col: number) => boolean {
  const sorted = merges
    .filter((m) => m.lastRow > m.firstRow || m.lastCol > m.firstCol)
    .sort((a, b) => a.firstRow - b.firstRow);
  let next = 0;
  let active: CellRange[] = [];
  let at = -1;
  return (row, col) => {
    if (row !== at) {
      at = row;
      active = active.filter((m) => m.lastRow >= row);
      while (next < sorted.length && (sorted[next]?.firstRow ?? Infinity) <= row) {
        const m = sorted[next++];
        if (m && m.lastRow >= row) active.push(m);
      }
    }
    return active.some((m) => col >= m.firstCol && col <= m.lastCol && (row !== m.firstRow || col !== m.firstCol));
  };
}

/** A number of a form's cell as Excel shows it: to 15 significant digits (`67805.48`, not `67805.48000000001`). */
function formNumber(n: number): string {
  return Math.abs(n) < 1e15 ? String(Number(n.toPrecision(15))) : String(n);
}

/** A row's values from column `from` to its last cell, gaps as ''; amounts formatted when `body`. */
function cellsFrom(row: SheetRow, from: number, body: boolean): CellValue[] {
  const out: CellValue[] = [];
  for (const c of row.cells) {
    if (c.col < from) continue;
    if (c.col - from >= TABLE_LIMITS.columns) break;
    while (out.length < c.col - from) out.push('');
    out.push(
      typeof c.value !== 'number'
        ? c.value
        : body && AMOUNT[c.col - from]
          ? formatAmount(c.value)
          : (shownNumber(c.value, c.format) ?? c.value),
    );
  }
  return out;
}

/**
 * A number as Excel shows it under its format, when that is a date, a time or a percentage: a date
 * as the finance system writes it (`2024年11月30日`, its time after it when not midnight:
 * `2024年11月30日 14:30`), a time of day (`14:30`, `9:05:30`), a percentage with the format's
 * decimals (`85%`, `85.5%`). Undefined for a plain number, or where Excel shows `####` (a date
 * before 1900 or after 9999): the number is written then.
 */
export function shownNumber(value: number, format: NumberFormat | undefined): string | undefined {
  if (format === undefined) return undefined;
  if (format.kind === 'percent') return percent(value, format.decimals);
  const d = dateOfSerial(value, format.date1904);
  if (d === undefined) return undefined;
  const time = `${d.hour}:${String(d.minute).padStart(2, '0')}${d.second === 0 ? '' : `:${String(d.second).padStart(2, '0')}`}`;
  if (format.kind === 'time') return time;
  // Day 0 of the 1900 system (Excel's “1900/1/0”) is no date.
  if (d.day === 0) return undefined;
  const date = `${d.year}年${d.month}月${d.day}日`;
  return format.kind === 'datetime' && d.hour + d.minute + d.second > 0 ? `${date} ${time}` : date;
}

/** `value` × 100 to `decimals` places, halves away from zero (as Excel rounds), and `%`. */
function percent(value: number, decimals: number): string | undefined {
  const hundred = Number((value * 100).toPrecision(15));
  if (!(Math.abs(hundred) < 1e15)) return undefined;
  // Past 10 places a double holds no more digits of a percentage: zeros, as Excel pads them.
  const places = Math.min(decimals, 10);
  const scale = 10 ** places;
  const units = Math.round(Number((Math.abs(hundred) * scale).toPrecision(15)));
  const sign = hundred < 0 && units > 0 ? '-' : '';
  return `${sign}${(units / scale).toFixed(places)}${'0'.repeat(decimals - places)}%`;
}

/**
 * An amount as the text writes it: `1,234.50`; more decimals only when the number has more. Read
 * to 15 significant digits, as Excel shows numbers (a sum's cached value is often 67805.48000000001).
 */
export function formatAmount(number: number): string {
  // Beyond 15 digits a double holds no cents: written as JavaScript writes it.
  if (!(Math.abs(number) < 1e15)) return String(number);
  const value = Number(number.toPrecision(15));
  if (Math.round(value * 100) / 100 === value) return formatWan(value);
  const plain = String(Math.abs(value));
  if (plain.includes('e')) return String(value);
  const [int = '', frac = ''] = plain.split('.');
  return `${value < 0 ? '-' : ''}${formatWan(Number(int)).slice(0, -3)}${frac ? `.${frac}` : ''}`;
}

/** A cell's text as a row of the text holds it: quoted as Excel copies a cell with a break or a quote. */
export function cellSource(value: string): string {
  return value.includes('\n') || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value;
}

function listRows(rows: readonly number[]): string {
  const shown = rows
    .slice(0, 10)
    .map((r) => r + 1)
    .join(', ');
  return rows.length > 10 ? `${shown}, …` : shown;
}

function sheetLines(
  sheet: Sheet,
  layout: { index: number; col: number } | undefined | 'form',
  lines: string[],
  places: LinePlace[],
  notes: Bilingual[],
): void {
  const name = sheet.name;
  noteHidden(sheet, notes);
  const withValues = sheet.rows.filter((r) => r.cells.length > 0);
  const last = withValues[withValues.length - 1]?.index ?? -1;
  const byIndex = new Map(withValues.map((r) => [r.index, r]));
  const form = layout === 'form';
  const header = form ? undefined : layout;
  // A form's rows from the sheet's first used column, as a selection of it copies them.
  let first = form ? withValues.reduce((m, r) => Math.min(m, r.cells[0]?.col ?? m), Infinity) : (header?.col ?? 0);
  if (!Number.isFinite(first)) first = 0;
  const covered = mergeCover(form ? sheet.merges : []);
  let leftOut = 0;
  let farRight = 0;
  const counts = { tabs: 0, flattened: 0 };
  for (let r = 0; r <= last; r++) {
    const row = byIndex.get(r);
    let values: CellValue[] = [];
    let from = first;
    if (row && form) {
      farRight += row.cells.filter((c) => c.col - first >= TABLE_LIMITS.columns).length;
      values = cellsFrom(row, first, false).map((v, i) =>
        covered(r, first + i) ? '' : typeof v === 'number' ? formNumber(v) : v,
      );
      while (values.length > 0 && values[values.length - 1] === '') values.pop();
    } else if (row) {
      if (header === undefined || r < header.index) {
        // A preface line: from its first cell (which may stand left of the table).
        from = Math.min(first, row.cells[0]?.col ?? first);
        values = cellsFrom(row, from, false);
        farRight += row.cells.filter((c) => c.col - from >= TABLE_LIMITS.columns).length;
      } else {
        leftOut += row.cells.filter((c) => c.col < first).length;
        farRight += row.cells.filter((c) => c.col - first >= TABLE_LIMITS.columns).length;
        values = cellsFrom(row, first, r > header.index);
        if (values.length > 0) while (values.length < WIDTH) values.push('');
      }
    }
    const text = lineOf(values, counts);
    const place: LinePlace = { sheet: name, row: r, firstCol: from };
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) places.push(place);
    places.push(place);
    lines.push(text);
  }
  if (leftOut > 0) {
    notes.push({
      zh: `工作表“${name}”表头左侧的 ${leftOut} 个单元格不属于目标表，未导入`,
      en: `sheet "${name}": ${leftOut} cell(s) left of the header belong to no column of the table; not imported`,
    });
  }
  if (farRight > 0) {
    notes.push({
      zh: `工作表“${name}”有 ${farRight} 个单元格在表头右侧 ${TABLE_LIMITS.columns} 列之外，未导入`,
      en: `sheet "${name}": ${farRight} cell(s) more than ${TABLE_LIMITS.columns} columns right of the header's first; not imported`,
    });
  }
  if (counts.tabs > 0)
    notes.push({
      zh: `工作表“${name}”有 ${counts.tabs} 个单元格含制表符，已换成空格`,
      en: `sheet "${name}": tabs in ${counts.tabs} cell(s) became spaces`,
    });
  if (counts.flattened > 0) {
    notes.push({
      zh: `工作表“${name}”有 ${counts.flattened} 行的换行过多，已换成空格`,
      en: `sheet "${name}": line breaks in ${counts.flattened} row(s) too long to keep became spaces`,
    });
  }
}

/** Notes that a sheet, or rows or columns of it, are hidden (their cells are imported all the same). */
function noteHidden(sheet: Sheet, notes: Bilingual[]): void {
  const name = sheet.name;
  if (sheet.hidden) notes.push({ zh: `工作表“${name}”是隐藏的，已导入`, en: `sheet "${name}" is hidden; imported` });
  const hiddenRows = sheet.rows.filter((r) => r.hidden).map((r) => r.index);
  if (hiddenRows.length > 0) {
    notes.push({
      zh: `工作表“${name}”的隐藏行 ${listRows(hiddenRows)} 已照常导入`,
      en: `sheet "${name}": hidden rows ${listRows(hiddenRows)} imported like the others`,
    });
  }
  if (sheet.hiddenColumns.length > 0) {
    const cols = sheet.hiddenColumns.slice(0, 10).map(columnName).join(', ');
    notes.push({
      zh: `工作表“${name}”的隐藏列 ${cols} 已照常导入`,
      en: `sheet "${name}": hidden columns ${cols} imported like the others`,
    });
  }
}

/**
 * A sheet row's cells as one line of text: tabs inside a cell become spaces, and a row whose line
 * breaks exceed the limits is flattened onto one line (each counted in `counts`).
 */
function lineOf(values: readonly CellValue[], counts: { tabs: number; flattened: number }): string {
  const cells = values.map((v) => {
    let s = typeof v === 'number' ? String(v) : v;
    if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
    if (s.includes('\t')) {
      counts.tabs++;
      s = s.replace(/\t/g, ' ');
    }
    return cellSource(s);
  });
  const text = cells.join('\t');
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0) return text;
  let breaks = 0;
  for (let at = firstBreak; at >= 0; at = text.indexOf('\n', at + 1)) breaks++;
  if (breaks < TABLE_LIMITS.rowLines && text.length - firstBreak <= TABLE_LIMITS.rowContinuation) return text;
  counts.flattened++;
  return cells.map((c) => c.replace(/\n/g, ' ')).join('\t');
}

/**
 * Where a finding stands in the workbook: the row starting at `line` of the imported text and the
 * span's start offset in that row's text → sheet, cell (`G12`) and the character within the cell's
 * value (1-based; a quote Excel doubled counts once). Undefined when the line has no place.
 */
export function cellOfFinding(
  imported: Pick<ImportedText, 'places'>,
  doc: TargetDocument,
  line: number,
  span: Span,
): { sheet: string; cell: string; character: number } | undefined {
  const ref = doc.rows[line];
  const place = imported.places[ref?.line ?? line];
  if (!ref || !place) return undefined;
  const text = ref.row.text;
  const offset = Math.max(0, Math.min(span.start, text.length));
  let index = 0;
  let start = 0;
  for (let tab = text.indexOf('\t'); tab >= 0 && tab < offset; tab = text.indexOf('\t', tab + 1)) {
    index++;
    start = tab + 1;
  }
  const end = text.indexOf('\t', start);
  const raw = text.slice(start, end < 0 ? text.length : end);
  let character = offset - start;
  if (isQuotedCell(raw)) {
    const within = Math.max(0, Math.min(character - 1, raw.length - 2));
    character = 0;
    for (let i = 1; i < within + 1; i++) {
      character++;
      if (raw.charCodeAt(i) === 0x22) i++;
    }
  }
  return {
    sheet: place.sheet,
    cell: `${columnName(place.firstCol + index)}${place.row + 1}`,
    character: character + 1,
  };
}

// ---- export

/** A cell's value as the sheet holds it: Excel's quotes removed, a doubled quote one. */
function valueOf(raw: string): string {
  return isQuotedCell(raw) ? raw.slice(1, -1).replace(/""/g, '"') : raw;
}

const AMOUNT_TEXT = /^-?[0-9]{1,3}(?:,[0-9]{3})*\.[0-9]+$/;

/** An amount cell as a number when the text writes it as import does (`formatAmount`: it comes back the same). */
function amountCell(value: string): OutCell {
  if (AMOUNT_TEXT.test(value)) {
    const n = Number(value.replace(/,/g, ''));
    if (formatAmount(n) === value) return { value: n, style: STYLE.amount };
  }
  return { value, style: STYLE.text };
}

/** Display width of text in Excel's character units: CJK and full-width characters count two. */
function displayWidth(text: string): number {
  let w = 0;
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      w = Math.max(w, line);
      line = 0;
    } else line += c >= 0x2e80 ? 2 : 1;
  }
  return Math.max(w, line);
}

const WIDTH_BOUNDS: ReadonlyArray<readonly [number, number]> = COLUMNS.map((c, i) =>
  c.amount ? [10, 18] : WRAPPED[i] ? [30, i === WIDTH - 1 ? 90 : 60] : [16, 50],
);

/** Sheet names: the department's (else `SheetN`), without the characters Excel forbids, at most 31, unique. */
function sheetName(department: string | undefined, k: number, used: Set<string>): string {
  let base = (department ?? '')
    .replace(/[\][:*?/\\]/g, '')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31);
  if (base === '') base = `Sheet${k + 1}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 2)}(${n})`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * The sheets of a text: one per table. Never throws. Only cells, row kinds and tables are needed,
 * so no indicator is read (an indicator limit of 0: the parse is a third of the work otherwise).
 */
export function textToSheets(
  text: string,
  doc: TargetDocument = parseDocument(trimText(text), new RowCache(undefined, () => 0)),
): OutSheet[] {
  return buildSheets(doc, { cells: 0, rows: 0 });
}

/** What a sheet cannot hold: cells past Excel's last column, rows past its last row (counted in `cut`). */
function buildSheets(doc: TargetDocument, cut: { cells: number; rows: number }): OutSheet[] {
  const lines = doc.lines;
  const tables = doc.tables;
  const used = new Set<string>();
  const sheets: OutSheet[] = [];
  const count = Math.max(1, tables.length);
  let from = 0;
  for (let k = 0; k < count; k++) {
    const table = tables[k];
    const to = k === count - 1 ? lines.length : (table?.endLine ?? lines.length - 1) + 1;
    if (table?.layout === 'form' && table.model) {
      sheets.push(
        formSheet(doc, table.model, from, to, cut, sheetName(table.model.projects[0]?.department?.text, k, used)),
      );
      from = to;
      continue;
    }
    const headerLine = table?.header?.line;
    const rows: Array<Array<OutCell | undefined> | undefined> = [];
    const merges: CellRange[] = [];
    const widths = WIDTH_BOUNDS.map(([min]) => min);
    let frozen = 0;
    for (let line = from; line < to; line++) {
      const ref = doc.rows[line];
      if (!ref || ref.line !== line) continue;
      const r = rows.length;
      if (r >= SHEET_LIMITS.rows) {
        cut.rows++;
        continue;
      }
      const values = sheetValues(ref.row.cells, cut);
      if (ref.row.text === '') {
        rows.push(undefined);
        continue;
      }
      if (headerLine === undefined || line < headerLine) {
        rows.push(values.map((v) => (v === '' ? undefined : { value: v, style: STYLE.plain })));
        if (values.length > 0 && values.slice(1).every((v) => v === '') && isTitle(values[0] ?? '')) {
          rows[r] = [{ value: values[0] ?? '', style: STYLE.title }];
          merges.push({ firstRow: r, firstCol: 0, lastRow: r, lastCol: WIDTH - 1 });
        }
        continue;
      }
      if (line === headerLine) {
        rows.push(values.map((v) => ({ value: v, style: STYLE.header })));
        frozen = r + 1;
        continue;
      }
      const body = ref.row.kind === 'project' || ref.row.kind === 'unit' || ref.row.kind === 'total';
      rows.push(
        values.map((v, i): OutCell => {
          if (i < WIDTH) widths[i] = Math.max(widths[i] ?? 0, displayWidth(v) + 2);
          if (body && AMOUNT[i]) return v === '' ? { value: '', style: STYLE.amount } : amountCell(v);
          return { value: v, style: WRAPPED[i] ? STYLE.wrap : STYLE.text };
        }),
      );
    }
    sheets.push({
      name: sheetName(table?.department, k, used),
      rows,
      merges,
      frozenRows: frozen,
      widths: widths.map((w, i) => Math.min(w, WIDTH_BOUNDS[i]?.[1] ?? w)),
    });
    from = to;
  }
  return sheets;
}

/**
 * An application form's sheet: its rows as they are (a row of the text one row of the sheet), the
 * title in large type across the grid, the grid's header row bold, its rows bordered, and the
 * 一级 / 二级 cells the form leaves empty below their first row merged with it again.
 */
function formSheet(
  doc: TargetDocument,
  model: ModelTable,
  from: number,
  to: number,
  cut: { cells: number; rows: number },
  name: string,
): OutSheet {
  const rows: Array<Array<OutCell | undefined> | undefined> = [];
  const merges: CellRange[] = [];
  const widths: number[] = [];
  const sheetRow = new Map<number, number>();
  let grid: { line: number; level1?: number; level2?: number; width: number } | undefined;
  for (let line = from; line < to; line++) {
    const ref = doc.rows[line];
    if (!ref || ref.line !== line) continue;
    const r = rows.length;
    if (r >= SHEET_LIMITS.rows) {
      cut.rows++;
      continue;
    }
    sheetRow.set(line, r);
    const values = sheetValues(ref.row.cells, cut);
    if (ref.row.text === '') {
      rows.push(undefined);
      continue;
    }
    values.forEach((v, i) => (widths[i] = Math.min(50, Math.max(widths[i] ?? 10, displayWidth(v) + 2))));
    if (isGridHeader(ref.row)) {
      const level1 = values.findIndex((v) => columnRole(v) === 'level1');
      const level2 = values.findIndex((v) => columnRole(v) === 'level2');
      grid = { line, width: values.length, ...(level1 >= 0 ? { level1 } : {}), ...(level2 >= 0 ? { level2 } : {}) };
      rows.push(values.map((v) => ({ value: v, style: STYLE.header })));
      continue;
    }
    const title = values.length > 0 && values.slice(1).every((v) => v === '') && line === model.title?.place.line;
    if (title) {
      rows.push([{ value: values[0] ?? '', style: STYLE.title }]);
      continue;
    }
    const style = grid ? STYLE.wrap : STYLE.text;
    rows.push(values.map((v) => ({ value: v, style })));
  }
  const width = grid?.width ?? Math.max(1, ...widths.map((_, i) => i + 1));
  const titleRow = model.title ? sheetRow.get(model.title.place.line) : undefined;
  if (titleRow !== undefined && width > 1)
    merges.push({ firstRow: titleRow, firstCol: 0, lastRow: titleRow, lastCol: width - 1 });
  // Runs of rows whose 一级 / 二级 was carried down from the row above: merged as the sheet had them.
  for (const p of model.projects) {
    for (const [part, col] of [
      ['level1', grid?.level1],
      ['level2', grid?.level2],
    ] as const) {
      if (col === undefined) continue;
      let start: number | undefined;
      let end: number | undefined;
      const close = () => {
        if (start !== undefined && end !== undefined && end > start)
          merges.push({ firstRow: start, firstCol: col, lastRow: end, lastCol: col });
      };
      for (const ind of p.indicators) {
        const r = sheetRow.get(ind.place.line);
        if (r === undefined) continue;
        if (ind.carried?.[part] && end !== undefined && r === end + 1) end = r;
        else {
          close();
          start = ind.carried?.[part] ? undefined : r;
          end = start;
        }
      }
      close();
    }
  }
  return { name, rows, merges, frozenRows: 0, widths };
}

/** The text as the workbook keeps it: no BOM, no trailing blank lines. */
function trimText(text: string): string[] {
  const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The workbook of a target text. Never throws. */
export function exportWorkbook(text: string): Buffer {
  return writeXlsx(textToSheets(text));
}

/** Excel's limit on a cell's characters: a longer cell is cut, or the workbook “repaired”, on opening. */
export const EXCEL_CELL_CHARS = 32_767;

/** The workbook of a target text, with what Excel will not show as written (cells past its limit). Never throws. */
export function exportWorkbookWithNotes(text: string): {
  readonly bytes: Buffer;
  readonly notes: readonly Bilingual[];
} {
  const cut = { cells: 0, rows: 0 };
  const sheets = buildSheets(parseDocument(trimText(text), new RowCache(undefined, () => 0)), cut);
  const long: string[] = [];
  for (const sheet of sheets) {
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (typeof cell?.value === 'string' && cell.value.length > EXCEL_CELL_CHARS)
          long.push(`${sheet.name}!${columnName(c)}${r + 1}`);
      }),
    );
  }
  const notes: Bilingual[] =
    long.length === 0
      ? []
      : [
          {
            zh: `${long.length} 个单元格超过 Excel 每格 ${EXCEL_CELL_CHARS} 个字符的上限（${long.slice(0, 5).join('、')}），Excel 打开时会截断；WPS 和 LibreOffice 同样有此上限`,
            en: `${long.length} cell(s) exceed Excel's limit of ${EXCEL_CELL_CHARS} characters a cell (${long.slice(0, 5).join(', ')}); Excel cuts them when opening, and WPS and LibreOffice have the same limit`,
          },
        ];
  if (cut.cells > 0 || cut.rows > 0) {
    notes.push({
      zh: `工作表放不下的内容未写入：${cut.cells} 个超出 Excel 最后一列的单元格、${cut.rows} 行超出最后一行的行`,
      en: `left out what a sheet cannot hold: ${cut.cells} cell(s) past Excel's last column, ${cut.rows} row(s) past its last row`,
    });
  }
  return { bytes: writeXlsx(sheets), notes };
}

/** A row's cells as a sheet's values, at most `SHEET_LIMITS.columns` of them (the rest counted in `cut`). */
function sheetValues(cells: readonly Cell[], cut: { cells: number }): string[] {
  if (cells.length > SHEET_LIMITS.columns) cut.cells += cells.length - SHEET_LIMITS.columns;
  return (cells.length > SHEET_LIMITS.columns ? cells.slice(0, SHEET_LIMITS.columns) : cells).map((c) =>
    valueOf(c.raw),
  );
}
