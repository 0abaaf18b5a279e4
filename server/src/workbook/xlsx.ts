/**
 * SpreadsheetML (.xlsx) read into plain sheets of values, and sheets written back as a small valid
 * workbook — our own code over `zip.ts` and `xml.ts`, behind this module's two functions
 * (`readXlsx`, `writeXlsx`) so that the format's handling can be replaced in one place.
 *
 * Read: the sheets named in `xl/workbook.xml` (through its relationships), shared strings with
 * rich-text runs (phonetic runs left out), inline strings, cell types `s` `str` `inlineStr` `n` `b`
 * `e` `d`, formulas by their cached value, merged ranges, hidden rows and columns, positions from
 * `r` attributes or, without them, by order; a number's format when it shows as a date, a time or a
 * percentage (`numfmt.ts`, through the styles part and `workbookPr date1904`). `.xls` and encrypted
 * workbooks (both OLE2 files) are told apart and refused with what to do.
 */
import { WorkbookError, asWorkbookError, refuse } from './errors';
import { cellFormats, type NumberFormat } from './numfmt';
import { scanXml, type Attributes } from './xml';
import { ZipReader, writeZip, type ZipInput } from './zip';

/** The limits of what a workbook may hold (README, “Limits”). */
export const SHEET_LIMITS = {
  /** Entries of the shared-strings table. */
  sharedStrings: 1_000_000,
  /** Cells with a value, over the sheets read (a 10 MB table has ~86 000, a 50 MB one ~430 000). */
  cells: 1_000_000,
  /** Sheets in the workbook (export writes one per table: a 10 MB generated text has 131). */
  sheets: 5_000,
  /** Excel's own bounds: rows and columns of a sheet. */
  rows: 1_048_576,
  columns: 16_384,
} as const;

/** A cell's value: text, or a number (booleans and errors are read as the text Excel shows). */
export type CellValue = string | number;

export interface SheetCell {
  /** 0-based column. */
  readonly col: number;
  readonly value: CellValue;
  /** A number's format, when Excel shows it as a date, a time or a percentage. */
  readonly format?: NumberFormat;
}

export type { NumberFormat };

export interface SheetRow {
  /** 0-based row. */
  readonly index: number;
  readonly cells: readonly SheetCell[];
  readonly hidden: boolean;
}

export interface CellRange {
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

export interface Sheet {
  readonly name: string;
  /** Rows that hold a value or are hidden, in order. */
  readonly rows: readonly SheetRow[];
  readonly hiddenColumns: readonly number[];
  readonly merges: readonly CellRange[];
  /** The sheet's tab is hidden. */
  readonly hidden: boolean;
}

export interface Workbook {
  /** Every sheet's name, in order (also those not read). */
  readonly names: readonly string[];
  readonly sheets: readonly Sheet[];
}

// ---- cell references

/** `A` → 0, `AB` → 27; -1 when not a column. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) & ~0x20;
    if (c < 0x41 || c > 0x5a) return -1;
    n = n * 26 + (c - 0x40);
  }
  return letters.length === 0 || letters.length > 3 ? -1 : n - 1;
}

/** 0 → `A`, 27 → `AB`. */
export function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(0x41 + ((n - 1) % 26)) + s;
  return s;
}

/** `G12` → row 11, column 6; undefined when not a reference. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  if (!m) return undefined;
  const col = columnIndex(m[1] ?? '');
  const row = Number(m[2]) - 1;
  return col >= 0 && col < SHEET_LIMITS.columns && row >= 0 && row < SHEET_LIMITS.rows ? { row, col } : undefined;
}

// ---- reading

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether an OLE2 file holds an `EncryptionInfo` stream (a password-protected .xlsx) — its name, UTF-16LE, in a directory sector. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from('EncryptionInfo', 'utf16le'),
  );
}

/** Reads the workbook's sheets (only `sheet` when given). Throws only `WorkbookError`. */
export function readXlsx(bytes: Uint8Array, options: { readonly sheet?: string } = {}): Workbook {
  try {
    return read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
  } catch (e) {
    throw asWorkbookError(e);
  }
}

function read(bytes: Buffer, options: { readonly sheet?: string }): Workbook {
  if (OLE2.every((b, i) => bytes[i] === b)) {
    if (isEncryptedPackage(bytes)) {
      refuse({
        zh: '工作簿设有打开密码（已加密），请在 Excel 或 WPS 中取消密码后另存为 .xlsx',
        en: 'the workbook is password-protected (encrypted); remove the password in Excel or WPS and save it as .xlsx',
      });
    }
    refuse({
      zh: '这是 Excel 97–2003 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再用',
      en: 'this is an Excel 97–2003 workbook (.xls); save it as .xlsx in Excel or WPS, then use that',
    });
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    refuse({ zh: '不是工作簿（.xlsx 文件应是 zip 格式）', en: 'not a workbook (an .xlsx file is a zip)' });
  }
  const zip = new ZipReader(bytes);
  const text = (name: string): string | undefined => zip.read(name)?.toString('utf8');
  const rootRels = text('_rels/.rels');
  let workbookPath = 'xl/workbook.xml';
  if (rootRels !== undefined) {
    const office = relationships(rootRels, '', '_rels/.rels').find((r) => r.type.endsWith('/officeDocument'));
    if (office && zip.has(office.target)) workbookPath = office.target;
  }
  const workbookXml = text(workbookPath);
  if (workbookXml === undefined) {
    refuse({
      zh: '不是 Excel 工作簿（zip 中没有 xl/workbook.xml）',
      en: 'not an Excel workbook (the zip has no xl/workbook.xml)',
    });
  }
  const base = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const relsPath = `${base}_rels/${workbookPath.slice(base.length)}.rels`;
  const rels = relationships(text(relsPath) ?? '', base, relsPath);
  const { sheets: declared, date1904 } = workbookOf(workbookXml, workbookPath);
  if (declared.length > SHEET_LIMITS.sheets)
    refuse({
      zh: `工作簿有 ${declared.length} 个工作表，超过上限 ${SHEET_LIMITS.sheets}`,
      en: `the workbook has ${declared.length} sheets, more than the limit of ${SHEET_LIMITS.sheets}`,
    });
  const names = declared.map((s) => s.name);
  const wanted = options.sheet === undefined ? declared : declared.filter((s) => s.name === options.sheet);
  if (options.sheet !== undefined && wanted.length === 0) {
    refuse({
      zh: `工作簿中没有名为“${options.sheet}”的工作表（有：${names.join('、')}）`,
      en: `the workbook has no sheet named "${options.sheet}" (it has: ${names.join(', ')})`,
    });
  }
  const sharedPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? `${base}sharedStrings.xml`;
  const sharedXml = text(sharedPath);
  const shared = sharedXml === undefined ? [] : sharedStrings(sharedXml, sharedPath);
  const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target ?? `${base}styles.xml`;
  const stylesXml = text(stylesPath);
  const context: SheetContext = {
    shared,
    formats: stylesXml === undefined ? [] : cellFormats(stylesXml, stylesPath, date1904),
    budget: { cells: SHEET_LIMITS.cells },
  };
  const sheets: Sheet[] = [];
  for (const s of wanted) {
    const target = rels.find((r) => r.id === s.rel)?.target;
    // A chart sheet or a dialog sheet is no worksheet: its target is elsewhere and holds no sheetData.
    const xml = target === undefined ? undefined : text(target);
    if (xml === undefined || target === undefined) continue;
    sheets.push({ ...worksheet(xml, context, target), name: s.name, hidden: s.hidden });
  }
  return { names, sheets };
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** A part's relationships, targets resolved against `base` (the part's folder). */
function relationships(xml: string, base: string, part: string): Relationship[] {
  const out: Relationship[] = [];
  scanXml(
    xml,
    {
      open(name, a) {
        if (name !== 'Relationship' || a['TargetMode'] === 'External') return;
        out.push({ id: a['Id'] ?? '', type: a['Type'] ?? '', target: resolveTarget(base, a['Target'] ?? '') });
      },
      close() {},
      text() {},
    },
    part,
  );
  return out;
}

function resolveTarget(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/**
 * The sheets `workbook.xml` names, and whether it counts dates from 1904 (`<workbookPr
 * date1904="1"/>`, as old Mac Excel saved) rather than 1900.
 */
function workbookOf(
  xml: string,
  part: string,
): { sheets: Array<{ name: string; rel: string; hidden: boolean }>; date1904: boolean } {
  const out: Array<{ name: string; rel: string; hidden: boolean }> = [];
  let date1904 = false;
  scanXml(
    xml,
    {
      open(name, a) {
        if (name === 'workbookPr') date1904 = isTrue(a['date1904']);
        else if (name === 'sheet')
          out.push({
            name: a['name'] ?? `Sheet${out.length + 1}`,
            rel: a['id'] ?? '',
            hidden: (a['state'] ?? 'visible') !== 'visible',
          });
      },
      close() {},
      text() {},
    },
    part,
  );
  return { sheets: out, date1904 };
}

/** OOXML's escape of characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore. */
function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** What is collected while reading a string item: `<t>` texts, except those of phonetic runs. */
class StringCollector {
  private parts: string[] = [];
  private inText = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === 't') this.inText = this.phonetic === 0;
    else if (name === 'rPh') this.phonetic++;
  }

  close(name: string): void {
    if (name === 't') this.inText = false;
    else if (name === 'rPh') this.phonetic--;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  take(): string {
    const s = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    this.parts = [];
    return unescapeOoxml(s);
  }
}

function sharedStrings(xml: string, part: string): string[] {
  const out: string[] = [];
  const item = new StringCollector();
  let inItem = false;
  scanXml(
    xml,
    {
      open(name) {
        if (name === 'si') {
          if (out.length >= SHEET_LIMITS.sharedStrings) {
            refuse({
              zh: `工作簿的共享字符串超过 ${SHEET_LIMITS.sharedStrings.toLocaleString('en')} 条上限，拒绝读取`,
              en: `the workbook's shared strings exceed the limit of ${SHEET_LIMITS.sharedStrings.toLocaleString('en')} entries; refused`,
            });
          }
          inItem = true;
        } else if (inItem) item.open(name);
      },
      close(name) {
        if (name === 'si') {
          out.push(item.take());
          inItem = false;
        } else if (inItem) item.close(name);
      },
      text(t) {
        if (inItem) item.text(t);
      },
    },
    part,
  );
  return out;
}

const isTrue = (v: string | undefined): boolean => v === '1' || v === 'true';

/** A cell's value by its type (`t`): a shared string, a string, an error or date as text, a boolean, a number. */
function typedValue(type: string, raw: string, shared: readonly string[], part: string): CellValue | undefined {
  if (type === 's') {
    if (raw === '') return undefined;
    const k = Number(raw);
    if (!Number.isInteger(k) || k < 0 || k >= shared.length)
      refuse({
        zh: `工作表 ${part} 引用了不存在的共享字符串 ${raw.slice(0, 12)}`,
        en: `the sheet ${part} refers to a shared string that does not exist (${raw.slice(0, 12)})`,
      });
    return shared[k];
  }
  if (type === 'str' || type === 'e' || type === 'd') return unescapeOoxml(raw);
  if (type === 'b') return raw === '' ? undefined : raw === '1' ? 'TRUE' : 'FALSE';
  if (raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}

/** What every sheet of a workbook is read with. */
interface SheetContext {
  readonly shared: readonly string[];
  /** Per cell format (a cell's `s`): its number format, if a date, time or percentage. */
  readonly formats: ReadonlyArray<NumberFormat | undefined>;
  /** Cells left to read in the workbook. */
  readonly budget: { cells: number };
}

function worksheet(xml: string, context: SheetContext, part: string): Omit<Sheet, 'name' | 'hidden'> {
  const rows: SheetRow[] = [];
  const hiddenColumns: number[] = [];
  const merges: CellRange[] = [];
  let rowIndex = -1;
  let rowHidden = false;
  let cells: SheetCell[] = [];
  let col = -1;
  let type = 'n';
  let format: NumberFormat | undefined;
  let inCell = false;
  let inValue = false;
  let inInline = false;
  let value: string[] = [];
  const inline = new StringCollector();
  let ordered = true;

  const endRow = (): void => {
    if (cells.length > 0 || rowHidden) {
      if (rows.length > 0 && (rows[rows.length - 1]?.index ?? -1) >= rowIndex) ordered = false;
      rows.push({ index: rowIndex, cells: sortedByColumn(cells), hidden: rowHidden });
    }
    cells = [];
  };
  const startCell = (a: Attributes): void => {
    const ref = a['r'] === undefined ? undefined : parseCellRef(a['r']);
    col = ref ? ref.col : col + 1;
    if (ref && ref.row !== rowIndex) {
      // A cell outside any <row>, or naming another row: read where it says.
      endRow();
      rowIndex = ref.row;
      rowHidden = false;
    }
    if (col >= SHEET_LIMITS.columns)
      refuse({ zh: `工作表 ${part} 的列超出 Excel 的上限`, en: `the sheet ${part} has columns beyond Excel's bounds` });
    type = a['t'] ?? 'n';
    // No `s` is the first cell format; an index past the formats (or none) a plain number.
    format = context.formats[a['s'] === undefined ? 0 : Number(a['s'])];
    inCell = true;
    value = [];
  };
  const endCell = (): void => {
    inCell = false;
    const raw = value.length === 1 ? (value[0] ?? '') : value.join('');
    const v = type === 'inlineStr' ? inline.take() : typedValue(type, raw, context.shared, part);
    if (v === undefined || v === '') return;
    spendCell(context.budget);
    cells.push(format !== undefined && typeof v === 'number' ? { col, value: v, format } : { col, value: v });
  };

  scanXml(
    xml,
    {
      open(name, a, selfClosing) {
        if (inCell) {
          if (name === 'v') inValue = true;
          else if (name === 'is') inInline = true;
          else if (inInline) inline.open(name);
          return;
        }
        if (name === 'row') {
          endRow();
          rowIndex = rowIndexOf(a, rowIndex, part);
          rowHidden = isTrue(a['hidden']);
          col = -1;
        } else if (name === 'c') {
          startCell(a);
          if (selfClosing) inCell = false;
        } else if (name === 'col' && isTrue(a['hidden'])) {
          noteHiddenColumns(a, hiddenColumns);
        } else if (name === 'mergeCell') {
          const range = mergeRange(a);
          if (range) merges.push(range);
        }
      },
      close(name) {
        if (inCell) {
          if (name === 'c') endCell();
          else if (name === 'v') inValue = false;
          else if (name === 'is') inInline = false;
          else if (inInline) inline.close(name);
          return;
        }
        if (name === 'sheetData') endRow();
      },
      text(t) {
        if (!inCell) return;
        if (inValue) value.push(t);
        else if (inInline) inline.text(t);
      },
    },
    part,
  );
  endRow();
  return { rows: ordered ? rows : inRowOrder(rows), hiddenColumns, merges };
}

/** A `<row>`'s 0-based index: its `r`, else the one after `previous`; refused beyond Excel's rows. */
function rowIndexOf(a: Attributes, previous: number, part: string): number {
  const r = a['r'] === undefined ? NaN : Number(a['r']);
  const index = Number.isInteger(r) && r >= 1 ? r - 1 : previous + 1;
  if (index >= SHEET_LIMITS.rows)
    refuse({
      zh: `工作表 ${part} 的行超出 Excel 的上限`,
      en: `the sheet ${part} has rows beyond Excel's bounds`,
    });
  return index;
}

/** Adds the 0-based columns a hidden `<col>` spans to `into`. */
function noteHiddenColumns(a: Attributes, into: number[]): void {
  const min = Math.max(1, Number(a['min']) || 1);
  const max = Math.min(SHEET_LIMITS.columns, Number(a['max']) || min);
  // Bounded by Excel's column count; a hidden range to XFD is noted by its first columns only.
  for (let k = min; k <= max && into.length < 64; k++) into.push(k - 1);
}

/** A `<mergeCell>`'s range (`A1:C1`, or one cell); undefined when its `ref` is no reference. */
function mergeRange(a: Attributes): CellRange | undefined {
  const [from, to] = (a['ref'] ?? '').split(':');
  const start = parseCellRef(from ?? '');
  const end = parseCellRef(to ?? from ?? '');
  return start && end ? { firstRow: start.row, firstCol: start.col, lastRow: end.row, lastCol: end.col } : undefined;
}

/** Counts one more cell read against the workbook's budget; refuses the workbook past it. */
function spendCell(budget: { cells: number }): void {
  if (--budget.cells < 0)
    refuse({
      zh: `工作簿的单元格超过 ${SHEET_LIMITS.cells.toLocaleString('en')} 个上限，拒绝读取`,
      en: `the workbook holds more than ${SHEET_LIMITS.cells.toLocaleString('en')} cells; refused`,
    });
}

/** Rows written out of order (rare): those of the same index merged, then sorted. */
function inRowOrder(rows: readonly SheetRow[]): SheetRow[] {
  const byIndex = new Map<number, SheetRow>();
  for (const r of rows) {
    const before = byIndex.get(r.index);
    byIndex.set(
      r.index,
      before
        ? { index: r.index, cells: sortedByColumn([...before.cells, ...r.cells]), hidden: before.hidden || r.hidden }
        : r,
    );
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

function sortedByColumn(cells: SheetCell[]): SheetCell[] {
  for (let i = 1; i < cells.length; i++) {
    if ((cells[i]?.col ?? 0) <= (cells[i - 1]?.col ?? 0)) {
      // Out of order or repeated: the last written wins.
      const byCol = new Map<number, SheetCell>();
      for (const c of cells) byCol.set(c.col, c);
      return [...byCol.values()].sort((a, b) => a.col - b.col);
    }
  }
  return cells;
}

// ---- writing

/** The cell styles `writeXlsx` writes (indices of `cellXfs` in its styles part). */
export const STYLE = {
  plain: 0,
  /** Bold, large, centred: the title merged across the columns. */
  title: 1,
  /** Bold, centred, wrapped, bordered: the header row. */
  header: 2,
  /** Bordered, top-aligned text. */
  text: 3,
  /** Bordered, top-aligned, wrapped text (goal and indicators). */
  wrap: 4,
  /** Bordered, `#,##0.00`, top-aligned: an amount. */
  amount: 5,
} as const;
export type StyleId = (typeof STYLE)[keyof typeof STYLE];

export interface OutCell {
  readonly value: CellValue;
  readonly style: StyleId;
}

export interface OutSheet {
  readonly name: string;
  /** Rows from the first (index 0); undefined or empty for an empty row. Cells from column A. */
  readonly rows: ReadonlyArray<ReadonlyArray<OutCell | undefined> | undefined>;
  readonly merges: readonly CellRange[];
  /** Rows above the frozen pane (0: none). */
  readonly frozenRows: number;
  /** Width of each column, in characters. */
  readonly widths: readonly number[];
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Text as a cell holds it: XML's escapes, OOXML's for control characters and for a literal `_xHHHH_`. */
function cellText(text: string): string {
  let t = text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_').replace(
    // Control characters are what this escapes.
    // eslint-disable-next-line no-control-regex
    /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  // Lone surrogates cannot be encoded in UTF-8.
  t = t.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return escapeXml(t);
}

const rangeRef = (r: CellRange): string =>
  `${columnName(r.firstCol)}${r.firstRow + 1}:${columnName(r.lastCol)}${r.lastRow + 1}`;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="3"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  // numFmtId 4 is the built-in `#,##0.00`.
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * A workbook of the given sheets: shared strings, the styles of `STYLE`, merges, frozen rows,
 * column widths. Never throws for sheets within Excel's bounds.
 */
export function writeXlsx(sheets: readonly OutSheet[]): Buffer {
  const shared = new SharedStrings();
  const sheetParts: ZipInput[] = sheets.map((sheet, k) => ({
    name: `xl/worksheets/sheet${k + 1}.xml`,
    data: Buffer.from(worksheetXml(sheet, k, shared), 'utf8'),
  }));
  return writeZip([
    ...packageParts(sheets),
    { name: 'xl/styles.xml', data: Buffer.from(STYLES_XML, 'utf8') },
    { name: 'xl/sharedStrings.xml', data: Buffer.from(shared.xml(), 'utf8') },
    ...sheetParts,
  ]);
}

/** The shared-strings table being written: each distinct text once, in the order first met. */
class SharedStrings {
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  private refs = 0;

  /** The index of `text` in the table, adding it when new; counts one reference. */
  ref(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(text);
      this.index.set(text, i);
    }
    this.refs++;
    return i;
  }

  /** The `sharedStrings.xml` part. */
  xml(): string {
    const sst: string[] = [
      `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.refs}" uniqueCount="${this.strings.length}">`,
    ];
    for (const s of this.strings) {
      const t = cellText(s);
      sst.push(/^\s|\s$|\n/.test(s) ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`);
    }
    sst.push('</sst>');
    return sst.join('');
  }
}

/** The worksheet part of `sheet`, the `k`th (the first is the selected tab); its texts go to `shared`. */
function worksheetXml(sheet: OutSheet, k: number, shared: SharedStrings): string {
  const out: string[] = [`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  const frozen =
    sheet.frozenRows > 0
      ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.frozenRows + 1}" sqref="A${sheet.frozenRows + 1}"/>`
      : '';
  out.push(
    `<sheetViews><sheetView workbookViewId="0"${k === 0 ? ' tabSelected="1"' : ''}>${frozen}</sheetView></sheetViews>`,
  );
  out.push('<sheetFormatPr defaultRowHeight="13.5"/>');
  if (sheet.widths.length > 0) {
    out.push('<cols>');
    sheet.widths.forEach((w, c) => out.push(`<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`));
    out.push('</cols>');
  }
  out.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    if (!row || row.every((c) => c === undefined)) return;
    out.push(`<row r="${r + 1}">`);
    row.forEach((cell, c) => {
      if (cell) out.push(cellXml(cell, `${columnName(c)}${r + 1}`, shared));
    });
    out.push('</row>');
  });
  out.push('</sheetData>');
  if (sheet.merges.length > 0)
    out.push(
      `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join('')}</mergeCells>`,
    );
  out.push(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/>',
  );
  out.push('</worksheet>');
  return out.join('');
}

/** One `<c>` at `ref`: a number as itself (0 when not finite), an empty text as a styled blank, other text shared. */
function cellXml(cell: OutCell, ref: string, shared: SharedStrings): string {
  if (typeof cell.value === 'number')
    return `<c r="${ref}" s="${cell.style}"><v>${Number.isFinite(cell.value) ? String(cell.value) : '0'}</v></c>`;
  if (cell.value === '') return `<c r="${ref}" s="${cell.style}"/>`;
  return `<c r="${ref}" s="${cell.style}" t="s"><v>${shared.ref(cell.value)}</v></c>`;
}

/** The package's parts around the sheets: content types, relationships and the workbook naming the sheets. */
function packageParts(sheets: readonly OutSheet[]): ZipInput[] {
  const sheetEntries = sheets
    .map((s, k) => `<sheet name="${escapeXml(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`)
    .join('');
  const sheetRels = sheets
    .map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`)
    .join('');
  const n = sheets.length;
  return [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          sheets
            .map(
              (_, k) =>
                `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
            )
            .join('') +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
          '</Types>',
        'utf8',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        'utf8',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${sheetEntries}</sheets></workbook>`,
        'utf8',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheetRels}` +
          `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
          `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        'utf8',
      ),
    },
  ];
}

export { WorkbookError };
