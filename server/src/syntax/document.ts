/**
 * The target file as a typed tree: document → tables → units → projects → indicators → values.
 *
 * Rows are independent, so each line is parsed on its own into a `ParsedRow` (a pure function of
 * the line's text, cached by that text) and the tree is then assembled from the rows in one linear
 * pass. Re-parsing after a keystroke therefore costs one row plus the assembly.
 *
 * Spans inside a row are UTF-16 offsets of its text (LSP columns of its line); a row knows nothing of
 * its line number, which `RowRef` adds, so a cached row is reused wherever its text moves.
 *
 * A row is usually one line. A cell that Excel copied with line breaks (Alt+Enter) comes quoted,
 * `"…⏎…"`, and its row then spans several lines: its text is those lines joined by `\n`, its
 * `breaks` say where, and `positionIn` / `offsetIn` turn an offset into a line and column and back.
 * `doc.rows[i]` is the row line `i` belongs to, so a continuation line answers its row's `RowRef`
 * (whose `line` is the first); whole-document passes visit each row once (`ref.line === i`).
 */
import { DEFAULT_MONEY_UNIT, lookupCode, statedMoneyUnit, type MoneyUnit } from '../catalogue';
import {
  countWidths,
  DEPARTMENT,
  HEADER_COLUMNS,
  HEADER_FIRST,
  HTML_SOURCE,
  HTML_WRAPPER_SOURCE,
  isTitle,
  TOTAL_ROW_NAME,
} from '../vocabulary';
import { isSpaceCode, withoutSpaces } from './chars';
import { parseIndicators, type IndicatorList, type Span } from './indicators';
import { amountAscii } from './normalize';
import { runInSlices, type Steps } from '../steps';
import type { Layout, ModelTable } from '../model/types';
import { findForms, readForm } from './form';

export type { Span } from './indicators';

export interface Cell {
  /** The cell as written, HTML and Excel's quotes included. */
  readonly raw: string;
  readonly span: Span;
  /**
   * The content: Excel's quotes, outer HTML tags and surrounding whitespace removed. In a quoted
   * cell a quote stays doubled (`""`), so that every offset of the text is one of the row's;
   * `cellValue` reads it as one.
   */
  readonly text: string;
  readonly textSpan: Span;
  /** HTML tags and entities found anywhere in the cell. */
  readonly html: readonly Span[];
}

export interface Amount {
  readonly cell: Cell;
  /** 万元; 0 for an empty cell; undefined when the text is not a number. */
  readonly value: number | undefined;
  readonly empty: boolean;
}

export type RowKind = 'blank' | 'text' | 'header' | 'total' | 'unit' | 'project';

export interface ParsedRow {
  /** The row's text: its line, or its lines joined by `\n` when a quoted cell holds line breaks. */
  readonly text: string;
  /** Offsets of the `\n`s in `text` joining the row's lines; absent on a one-line row. */
  readonly breaks?: readonly number[];
  readonly kind: RowKind;
  readonly cells: readonly Cell[];
  /** Present on total, unit and project rows (and only as far as the cells exist). */
  readonly name?: Cell;
  /** 总计, 财政拨款, 财政专户拨款, 其他资金, where the cells exist. */
  readonly amounts: readonly Amount[];
  readonly goal?: Cell;
  readonly indicatorCell?: Cell;
  /**
   * The indicator cell's tree, on project rows. Built on demand and kept only for the rows used
   * most recently (the same text gives an equal tree): a city's table must not hold tens of
   * thousands of trees, whose retention made the garbage collector's work grow faster than the
   * file. What whole-document features need is kept in `outline`.
   */
  readonly indicators?: IndicatorList;
  /** Project rows: the few facts of each indicator that outlines, names and references read. */
  readonly outline?: RowOutline;
}

/** One indicator as whole-document features see it (flat: kept for every indicator of a file). */
export interface IndicatorOutline {
  readonly seq: number;
  readonly span: Span;
  /** The indicator's name and where it stands (the sequence number's place when it has none). */
  readonly name: string | undefined;
  readonly nameSpan: Span;
  readonly level2Code: string | undefined;
  readonly level2Name: string | undefined;
}

export interface RowOutline {
  readonly indicators: readonly IndicatorOutline[];
  /** Half- and full-width separators and colons (terminators aside): the file's punctuation style. */
  readonly halfMarks: number;
  readonly fullMarks: number;
}

export interface RowRef {
  readonly line: number;
  readonly row: ParsedRow;
}

export interface Unit {
  readonly ref: RowRef;
  readonly projects: readonly RowRef[];
}

export interface Table {
  /**
   * How the table is laid out: the seven columns (read here), an application form (read by
   * `syntax/form.ts` into `model`; its rows are no seven-column rows) or a layout the product does
   * not read (its rows are checked by nothing but the one note saying so).
   */
  readonly layout: Layout;
  /** The form's model, on a form. */
  readonly model?: ModelTable;
  readonly startLine: number;
  readonly endLine: number;
  readonly title?: string;
  readonly department?: string;
  /**
   * The money unit of every amount in the table: the one its preface, title or header states
   * (`单位：元`, `（万元）`), else 万元 (`unitLine` is then undefined).
   */
  readonly unit: MoneyUnit;
  /** The line that states the unit, when one does. */
  readonly unitLine?: number;
  readonly header?: RowRef;
  readonly total?: RowRef;
  readonly units: readonly Unit[];
  /** Projects that stand before any unit row (a table without units lists its projects directly). */
  readonly looseProjects: readonly RowRef[];
  /** Every project of the table, in order. */
  readonly projects: readonly RowRef[];
  /** Lines without tabs inside the table body: rows whose cells were lost. */
  readonly strayLines: readonly RowRef[];
}

export interface TargetDocument {
  readonly lines: readonly string[];
  readonly rows: readonly RowRef[];
  readonly tables: readonly Table[];
}

const TAG = new RegExp(`^(?:${HTML_WRAPPER_SOURCE})$`);
const ANY_HTML = new RegExp(HTML_SOURCE, 'g');

/** Leading and trailing whitespace and HTML tags, found by scanning inwards (linear, no backtracking). */
function contentBounds(raw: string, html: readonly Span[], start: number): [number, number] {
  let lead = 0;
  let trail = raw.length;
  // `html` is in place order and its spans do not overlap: one index walks inwards from each end
  // (no lookup tables: a cell of tens of thousands of tags made them the collector's work).
  let i = 0;
  for (;;) {
    if (lead < trail && isSpaceCode(raw.charCodeAt(lead))) {
      lead++;
      continue;
    }
    while (i < html.length && (html[i]?.start ?? 0) - start < lead) i++;
    const h = html[i];
    if (h && h.start - start === lead && h.end - start <= trail && TAG.test(raw.slice(lead, h.end - start)))
      lead = h.end - start;
    else break;
  }
  let j = html.length - 1;
  for (;;) {
    if (trail > lead && isSpaceCode(raw.charCodeAt(trail - 1))) {
      trail--;
      continue;
    }
    while (j >= 0 && (html[j]?.end ?? 0) - start > trail) j--;
    const h = html[j];
    if (h && h.end - start === trail && h.start - start >= lead && TAG.test(raw.slice(h.start - start, trail)))
      trail = h.start - start;
    else break;
  }
  return [lead, trail];
}

const NO_HTML: readonly Span[] = Object.freeze([]);

const QUOTE = 0x22;
const TAB = 0x09;

/**
 * Whether a cell is quoted as Excel and WPS quote a cell they copy with a line break or a quote in
 * it: `"` at both ends, every quote inside doubled (`"第一行⏎第二行"`, `"称""双随机""检查"`).
 * Anything else is read as written (a name that merely starts with a quote).
 */
export function isQuotedCell(raw: string): boolean {
  const n = raw.length;
  if (n < 2 || raw.charCodeAt(0) !== QUOTE || raw.charCodeAt(n - 1) !== QUOTE) return false;
  for (let i = raw.indexOf('"', 1); i >= 0 && i < n - 1; i = raw.indexOf('"', i + 2)) {
    if (i + 1 >= n - 1 || raw.charCodeAt(i + 1) !== QUOTE) return false;
  }
  return true;
}

/** A cell's content as the sheet holds it: in a quoted cell a doubled quote is one. */
export function cellValue(cell: Cell): string {
  return isQuotedCell(cell.raw) && cell.text.includes('""') ? cell.text.replace(/""/g, '"') : cell.text;
}

function makeCell(raw: string, start: number, amount: boolean): RowCell {
  // Excel's quotes are no part of the content.
  const quoted = raw.charCodeAt(0) === QUOTE && isQuotedCell(raw);
  const body = quoted ? raw.slice(1, -1) : raw;
  const bodyStart = quoted ? start + 1 : start;
  let html: readonly Span[] = NO_HTML;
  if (body.includes('<') || body.includes('&')) {
    const found: Span[] = [];
    ANY_HTML.lastIndex = 0;
    for (let m = ANY_HTML.exec(body); m !== null; m = ANY_HTML.exec(body)) {
      found.push({ start: bodyStart + m.index, end: bodyStart + m.index + m[0].length });
    }
    if (found.length > 0) html = found;
  }
  let text = body;
  let textStart = bodyStart;
  if (html.length > 0 || isSpaceCode(body.charCodeAt(0)) || isSpaceCode(body.charCodeAt(body.length - 1))) {
    const [lead, trail] = contentBounds(body, html, bodyStart);
    text = body.slice(lead, trail);
    textStart = bodyStart + lead;
  }
  return amount ? new AmountCell(raw, text, start, textStart, html) : new RowCell(raw, text, start, textStart, html);
}

/**
 * A cell as kept in a parsed row: every cell of every open file is kept, and its two span objects
 * were a third of what a cell held. The places are kept as numbers; spans are made when asked.
 */
class RowCell implements Cell {
  constructor(
    readonly raw: string,
    readonly text: string,
    private readonly start: number,
    private readonly textStart: number,
    readonly html: readonly Span[],
  ) {}

  get span(): Span {
    return { start: this.start, end: this.start + this.raw.length };
  }

  get textSpan(): Span {
    return { start: this.textStart, end: this.textStart + this.text.length };
  }
}

/**
 * An amount column's cell is its own `Amount` (its `cell` is itself): a separate amount object per
 * cell was a fifth of what a parsed row kept.
 */
class AmountCell extends RowCell implements Amount {
  /** 万元; 0 for an empty cell; undefined when the text is not a number. */
  readonly value: number | undefined;

  constructor(raw: string, text: string, start: number, textStart: number, html: readonly Span[]) {
    super(raw, text, start, textStart, html);
    this.value = amountValue(text);
  }

  get cell(): Cell {
    return this;
  }

  get empty(): boolean {
    return this.text === '';
  }
}

/** The amount columns: 总计, 财政拨款, 财政专户拨款, 其他资金. */
const FIRST_AMOUNT = 1;
const LAST_AMOUNT = 4;

function splitCells(text: string): RowCell[] {
  // A BOM belongs to no cell.
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let count = 1;
  for (let tab = text.indexOf('\t', first); tab >= 0; tab = text.indexOf('\t', tab + 1)) count++;
  // Sized once: an array grown by pushes keeps room for 22 cells, and every row is kept.
  const cells = new Array<RowCell>(count);
  let start = first;
  for (let i = 0; i < count; i++) {
    const tab = i < count - 1 ? text.indexOf('\t', start) : text.length;
    cells[i] = makeCell(text.slice(start, tab), start, i >= FIRST_AMOUNT && i <= LAST_AMOUNT);
    start = tab + 1;
  }
  return cells;
}

const AMOUNT = /^[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$/;

/** 万元 of an amount cell's text: 0 when empty, undefined when it is not a number. */
function amountValue(text: string): number | undefined {
  if (text === '') return 0;
  // Full-width digits, point and comma are read by their meaning (amount-style writes them in ASCII).
  const t = amountAscii(text);
  if (!AMOUNT.test(t)) return undefined;
  return Number(t.replace(/,/g, ''));
}

function isHeader(text: string, cells: readonly Cell[]): boolean {
  const first = cells[0]?.text ?? '';
  if (first.includes(HEADER_FIRST[0] ?? '') && withoutSpaces(first).startsWith(HEADER_FIRST)) return true;
  // A header names these columns, spaces aside: a row lacking one of their characters is none
  // (most rows, answered without compacting every cell).
  for (const column of HEADER_COLUMNS) if (!text.includes(column[0] ?? '')) return false;
  const names = cells.map((c) => withoutSpaces(c.text));
  return HEADER_COLUMNS.every((c) => names.includes(c));
}

/**
 * How many characters of an indicator cell are read by default (`maxCellLength`): a table pasted
 * as one line makes one cell of megabytes, whose parse would hold the server for seconds. The
 * sample's longest cell has 1 882 characters; 20 000 (about 400 indicators) parse and check in
 * well under the 200 ms a request may wait.
 */
export const DEFAULT_MAX_CELL_LENGTH = 20_000;

/**
 * Parses one line. Pure: the same text (and limit) always gives an equal row. Never throws. Only
 * the first `maxCellLength` characters of the indicator cell are read (see `IndicatorList.checked`).
 */
export function parseRow(text: string, maxCellLength: number = DEFAULT_MAX_CELL_LENGTH): ParsedRow {
  const cells = splitCells(text);
  const breaks = breaksOf(text);
  const lines = breaks ? { breaks } : {};
  if (cells.every((c) => c.text === '')) return { text, kind: 'blank', cells, amounts: [], ...lines };
  if (cells.length === 1 || isPrefaceRow(cells)) return { text, kind: 'text', cells, amounts: [], ...lines };
  if (isHeader(text, cells)) return { text, kind: 'header', cells, amounts: [], ...lines };
  const name = cells[0];
  const amounts = cells.slice(FIRST_AMOUNT, LAST_AMOUNT + 1) as AmountCell[];
  const goal = cells[5];
  const indicatorCell = cells[6];
  const hasGoal = !!goal && goal.text !== '';
  const hasIndicators = !!indicatorCell && indicatorCell.text !== '';
  const kind: RowKind =
    withoutSpaces(name?.text ?? '') === TOTAL_ROW_NAME ? 'total' : hasGoal || hasIndicators ? 'project' : 'unit';
  if (kind === 'project' && indicatorCell)
    return new ProjectRow(text, cells, name, amounts, goal, indicatorCell, maxCellLength, breaks);
  return {
    text,
    ...lines,
    kind,
    cells,
    ...(name ? { name } : {}),
    amounts,
    ...(goal ? { goal } : {}),
    ...(indicatorCell ? { indicatorCell } : {}),
  };
}

/**
 * How many indicator trees are kept: those of the rows read most recently (hover, completion and
 * the checks of an edited row read the same rows again and again). Small on purpose, so that a
 * tree dies young, before the garbage collector has promoted it.
 */
const KEPT_TREES = 64;
const kept: Array<ProjectRow | undefined> = new Array<ProjectRow | undefined>(KEPT_TREES);
let keptNext = 0;

/** A project row: its outline always, its indicator tree while it is recent. */
class ProjectRow implements ParsedRow {
  readonly kind = 'project' as const;
  readonly outline: RowOutline;
  private tree: IndicatorList | undefined;

  constructor(
    readonly text: string,
    readonly cells: readonly Cell[],
    readonly name: Cell | undefined,
    readonly amounts: readonly Amount[],
    readonly goal: Cell | undefined,
    readonly indicatorCell: Cell,
    private readonly maxCellLength: number,
    readonly breaks: readonly number[] | undefined,
  ) {
    this.outline = outlineOf(this.indicators);
  }

  get indicators(): IndicatorList {
    if (this.tree) return this.tree;
    const tree = parseIndicators(this.indicatorCell.text, this.indicatorCell.textSpan.start, this.maxCellLength);
    this.tree = tree;
    const old = kept[keptNext];
    if (old && old !== this) old.tree = undefined;
    kept[keptNext] = this;
    keptNext = (keptNext + 1) % KEPT_TREES;
    return tree;
  }
}

function outlineOf(tree: IndicatorList): RowOutline {
  let halfMarks = 0;
  let fullMarks = 0;
  const indicators = tree.indicators.map((ind): IndicatorOutline => {
    // The same count as punctuation-style's, so that completion writes the file's style.
    const { half, full } = countWidths(ind.punctuation);
    halfMarks += half;
    fullMarks += full;
    const nameSpan = ind.name?.span ?? ind.seq.span;
    const code = ind.level2?.code?.text;
    const entry = code === undefined ? undefined : lookupCode(code);
    const level2Name = ind.level2?.name?.text;
    // The catalogue's own strings where the text is the same: one copy of `11` or `数量指标` for
    // a whole file instead of one per indicator.
    return new Outline(
      ind.seq.value,
      ind.span.start,
      ind.span.end,
      ind.name?.text,
      nameSpan.start,
      nameSpan.end,
      entry ? entry.code : code,
      entry && entry.name === level2Name ? entry.name : level2Name,
    );
  });
  return { indicators, halfMarks, fullMarks };
}

/**
 * An indicator's outline, kept for every indicator of every open file: its places as plain numbers
 * (two span objects each were a third of what an outline kept), spans made when asked.
 */
class Outline implements IndicatorOutline {
  constructor(
    readonly seq: number,
    private readonly start: number,
    private readonly end: number,
    readonly name: string | undefined,
    private readonly nameStart: number,
    private readonly nameEnd: number,
    readonly level2Code: string | undefined,
    readonly level2Name: string | undefined,
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get nameSpan(): Span {
    return { start: this.nameStart, end: this.nameEnd };
  }
}

/** Offsets of the line breaks in a row's text; undefined when it has none (a row of one line). */
function breaksOf(text: string): number[] | undefined {
  let at = text.indexOf('\n');
  if (at < 0) return undefined;
  const out: number[] = [];
  for (; at >= 0; at = text.indexOf('\n', at + 1)) out.push(at);
  return out;
}

/** A row spans at most this many lines: a stray quote cannot make a file one row. */
export const MAX_ROW_LINES = 100;
/** …and its continuation lines at most this many characters. */
const MAX_ROW_CONTINUATION = 64 * 1024;

const CLOSED = 0;
const OPEN = 1;
const BAD = 2;

/**
 * How a line leaves Excel's quoting: `OPEN` when it ends inside a quoted cell, `CLOSED` when it
 * ends outside one, `BAD` when a cell opened before this line (`inQuote`) is not quoted after all
 * (a tab inside it, or a quote not doubled followed by text). A cell opened on this line that is
 * not quoted is read as written, and scanning goes on at the next cell.
 */
function scanQuotes(text: string, inQuote: boolean): number {
  const n = text.length;
  let i = 0;
  let open = inQuote;
  let carried = inQuote;
  // The first tab at or after `i` (-1: none left), looked up again only once `i` passes it: looked
  // up at each doubled quote, a cell of many `""` made the scan quadratic.
  let nextTab = text.indexOf('\t');
  const tabFrom = (at: number): number => {
    if (nextTab >= 0 && nextTab < at) nextTab = text.indexOf('\t', at);
    return nextTab;
  };
  for (;;) {
    if (!open) {
      if (i >= n) return CLOSED;
      if (text.charCodeAt(i) === QUOTE) {
        open = true;
        carried = false;
        i++;
        continue;
      }
      const tab = tabFrom(i);
      if (tab < 0) return CLOSED;
      i = tab + 1;
      continue;
    }
    const q = text.indexOf('"', i);
    const tab = tabFrom(i);
    if (q < 0 && tab < 0) return OPEN;
    const bad = tab >= 0 && (q < 0 || tab < q);
    if (!bad && text.charCodeAt(q + 1) === QUOTE) {
      i = q + 2;
      continue;
    }
    if (!bad) {
      if (q + 1 === n) return CLOSED;
      if (text.charCodeAt(q + 1) === TAB) {
        open = false;
        i = q + 2;
        continue;
      }
      // A quote not doubled, followed by text: not a quoted cell after all.
    }
    if (carried) return BAD;
    // Not a quoted cell: read as written, on to the next cell (no tab stands between its opening
    // quote and `i`).
    open = false;
    if (tab < 0) return CLOSED;
    i = tab + 1;
  }
}

/**
 * How many lines the row starting at `lines[first]` spans: 1, unless one of its cells opens a quote
 * as Excel does for a cell with line breaks (`"` at the cell's start) that a later line closes (a
 * quote not doubled, at the line's end or before a tab), with no tab inside, within
 * `MAX_ROW_LINES` lines. A line that is not such an opening is a row of its own.
 */
export function rowExtent(lines: readonly string[], first: number): number {
  const text = lines[first] ?? '';
  if (!text.includes('"') || scanQuotes(text, false) !== OPEN) return 1;
  const end = Math.min(lines.length, first + MAX_ROW_LINES);
  let budget = MAX_ROW_CONTINUATION;
  for (let i = first + 1; i < end; i++) {
    const line = lines[i] ?? '';
    budget -= line.length + 1;
    if (budget < 0) return 1;
    const state = scanQuotes(line, true);
    if (state === BAD) return 1;
    if (state === CLOSED) return i - first + 1;
  }
  return 1;
}

/** The text of the row at `lines[first]` spanning `count` lines. */
export function rowText(lines: readonly string[], first: number, count: number): string {
  return count === 1 ? (lines[first] ?? '') : lines.slice(first, first + count).join('\n');
}

/** The last line of a row. */
export function lastLineOf(ref: RowPlace): number {
  return ref.line + (ref.row.breaks?.length ?? 0);
}

/** What placing offsets needs of a row: where it starts and its text. */
export interface RowPlace {
  readonly line: number;
  readonly row: Pick<ParsedRow, 'text' | 'breaks'>;
}

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

/** The line and column (UTF-16, 0-based) of offset `offset` of a row's text. */
export function positionIn(ref: RowPlace, offset: number): LinePosition {
  const breaks = ref.row.breaks;
  if (!breaks) return { line: ref.line, character: offset };
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((breaks[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return { line: ref.line + lo, character: lo === 0 ? offset : offset - (breaks[lo - 1] ?? 0) - 1 };
}

/**
 * Where a span of the row starting at `line` stands (a finding's or an edit's place: its line is
 * its row's first): start and end as lines and columns.
 */
export function placeOf(
  doc: TargetDocument,
  line: number,
  span: Span,
): { readonly start: LinePosition; readonly end: LinePosition } {
  const ref = doc.rows[line];
  if (ref && ref.line === line && ref.row.breaks)
    return { start: positionIn(ref, span.start), end: positionIn(ref, span.end) };
  return { start: { line, character: span.start }, end: { line, character: span.end } };
}

/** The offset in a row's text of a line and column the row spans (clamped to that line). */
export function offsetIn(ref: RowPlace, line: number, character: number): number {
  const breaks = ref.row.breaks;
  if (!breaks) return character;
  const k = Math.max(0, Math.min(line - ref.line, breaks.length));
  const start = k === 0 ? 0 : (breaks[k - 1] ?? 0) + 1;
  const end = k < breaks.length ? (breaks[k] ?? ref.row.text.length) : ref.row.text.length;
  return Math.max(start, Math.min(start + character, end));
}

/** Reuses parsed rows across versions of a document: a row is a function of its line's text. */
export class RowCache {
  private rows = new Map<string, ParsedRow>();

  /**
   * `onParse` sees each row right after it is parsed, while its indicator tree is certainly at
   * hand (the checker runs the row rules there, so that it never builds a tree twice).
   */
  constructor(
    private readonly onParse?: (row: ParsedRow) => void,
    /** The indicator cell's limit (a setting): rows parsed under another limit are dropped. */
    private readonly maxCellLength: () => number = () => DEFAULT_MAX_CELL_LENGTH,
  ) {}

  private limit = Number.NaN;

  get(text: string): ParsedRow {
    const limit = this.maxCellLength();
    if (limit !== this.limit) {
      if (this.rows.size > 0) this.rows = new Map();
      this.limit = limit;
    }
    let row = this.rows.get(text);
    if (!row) {
      row = parseRow(text, limit);
      this.rows.set(text, row);
      this.onParse?.(row);
    }
    return row;
  }

  /** Keeps only the rows of the latest document, so memory follows the open text. */
  retain(rows: readonly RowRef[]): void {
    if (this.rows.size <= rows.length * 2) return;
    const keep = new Map<string, ParsedRow>();
    for (let line = 0; line < rows.length; line++) {
      const ref = rows[line];
      if (!ref || ref.line !== line) continue;
      const r = this.rows.get(ref.row.text);
      if (r) keep.set(ref.row.text, r);
    }
    this.rows = keep;
  }
}

/**
 * Parses the rows of `lines` into `cache`, a step per row; answers them per line (a row of several
 * lines at each of them).
 */
export function* rowSteps(lines: readonly string[], cache: RowCache): Steps<ParsedRow[]> {
  const rows: ParsedRow[] = new Array<ParsedRow>(lines.length);
  for (let i = 0; i < lines.length;) {
    const count = rowExtent(lines, i);
    const row = cache.get(rowText(lines, i, count));
    for (let k = 0; k < count; k++) rows[i + k] = row;
    i += count;
    yield;
  }
  return rows;
}

/**
 * Parses the rows of `text` into `cache` in slices, yielding between them; stops early (answering
 * undefined) when `stale()` says a newer version arrived. Answers the rows in line order, for
 * `parseDocument` to assemble without looking each line up again.
 */
export async function warmRows(
  text: string | readonly string[],
  cache: RowCache,
  stale: () => boolean,
): Promise<ParsedRow[] | undefined> {
  const r = await runInSlices(rowSteps(typeof text === 'string' ? splitLines(text) : text, cache), stale);
  return r === 'stopped' ? undefined : r.value;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** A line of the preface: the title, the department, the money unit. */
function isPrefaceText(t: string): boolean {
  return isTitle(t) || DEPARTMENT.test(t) || (t.length <= 40 && statedMoneyUnit(t) !== undefined);
}

/**
 * A preface line copied from a sheet: Excel pads every row with tabs to the sheet's width, and a
 * sheet may put the unit in the last column (`部门名称：…⇥⇥⇥⇥⇥⇥单位：万元`). Such a row holds
 * nothing but preface text in its cells.
 */
function isPrefaceRow(cells: readonly Cell[]): boolean {
  let any = false;
  for (const c of cells) {
    if (c.text === '') continue;
    if (!isPrefaceText(c.text)) return false;
    any = true;
  }
  return any;
}

interface TableBuilder {
  layout: Layout;
  model?: ModelTable;
  startLine: number;
  endLine: number;
  title?: string;
  department?: string;
  unit: MoneyUnit;
  unitLine?: number;
  header?: RowRef;
  total?: RowRef;
  units: Array<{ ref: RowRef; projects: RowRef[] }>;
  looseProjects: RowRef[];
  projects: RowRef[];
  strayLines: RowRef[];
}

function newTable(startLine: number): TableBuilder {
  return {
    layout: 'seven-column',
    startLine,
    endLine: startLine,
    unit: DEFAULT_MONEY_UNIT,
    units: [],
    looseProjects: [],
    projects: [],
    strayLines: [],
  };
}

/**
 * Parses a whole document (its text, or its lines), reusing `cache` for lines seen before. With
 * `previous`, the version before an edit, the lines both share at the start and at the end keep
 * their rows without a cache lookup (which would hash every line of a large file on each keystroke).
 * Never throws.
 */
export function parseDocument(
  text: string | readonly string[],
  cache: RowCache = new RowCache(),
  previous?: TargetDocument,
  /** The rows of these very lines, already parsed (by `warmRows`). */
  parsed?: readonly ParsedRow[],
): TargetDocument {
  const lines = typeof text === 'string' ? splitLines(text) : text;
  const rows = new Array<RowRef>(lines.length);
  // Lines [head, tail) are new; before `head` and from `tail` on, `previous` has them, `shift` lines away.
  let head = 0;
  let tail = lines.length;
  let shift = 0;
  if (previous) {
    const old = previous.lines;
    const n = Math.min(old.length, lines.length);
    while (head < n && old[head] === lines[head]) head++;
    shift = old.length - lines.length;
    while (tail > head && tail + shift > head && old[tail - 1 + shift] === lines[tail - 1]) tail--;
    head = rereadFrom(previous, lines, head);
  }
  let line = 0;
  if (previous) {
    for (; line < head; line++) rows[line] = previous.rows[line] as RowRef;
  }
  // From `head`, rows are read again until, at or past `tail`, a row starts where one started before.
  for (; line < lines.length;) {
    if (previous && line >= tail && previous.rows[line + shift]?.line === line + shift) break;
    const count = rowExtent(lines, line);
    const known = parsed?.[line];
    const row = known && (known.breaks?.length ?? 0) + 1 === count ? known : cache.get(rowText(lines, line, count));
    const ref: RowRef = { line, row };
    for (let k = 0; k < count; k++) rows[line + k] = ref;
    line += count;
  }
  const reread = line;
  // The rest are the rows of `previous`, moved by the edit.
  for (; line < lines.length;) {
    const old = previous?.rows[line + shift];
    const row = old?.row ?? cache.get(lines[line] ?? '');
    const ref: RowRef = old && shift === 0 ? old : { line, row };
    const count = (row.breaks?.length ?? 0) + 1;
    for (let k = 0; k < count && line + k < lines.length; k++) rows[line + k] = ref;
    line += count;
  }
  const tables = (previous && shift === 0 ? regrouped(previous, rows, head, reread) : undefined) ?? group(rows);
  cache.retain(rows);
  return { lines, rows, tables };
}

/**
 * Where reading must start again after an edit at `head`: a row's extent reads the lines after it,
 * so a row opening a quote within `MAX_ROW_LINES` lines before the edit is read again (from the
 * start of the row that held that line before).
 */
function rereadFrom(previous: TargetDocument, lines: readonly string[], head: number): number {
  for (let line = Math.max(0, head - MAX_ROW_LINES); line < head; line++) {
    const text = lines[line] ?? '';
    if (text.includes('"') && scanQuotes(text, false) === OPEN)
      return Math.min(line, previous.rows[line]?.line ?? line);
  }
  return head;
}

/** Row kinds whose change of content leaves the grouping into tables, units and projects as it is. */
const GROUPING_KEPT = new Set<ParsedRow['kind']>(['blank', 'project', 'unit', 'total']);

/**
 * The tables of `previous` with the rows of lines [head, tail) swapped in, when an edit changed
 * nothing but the content of those rows (same line count, same kinds, no title or header line):
 * the usual keystroke. Tables without a changed line are reused; undefined when the grouping itself
 * may change. Grouping a large file again on every keystroke made a few hundred kilobytes of
 * arrays per keystroke that outlived the young generation.
 */
function regrouped(previous: TargetDocument, rows: readonly RowRef[], head: number, tail: number): Table[] | undefined {
  // A form's reading and a layout's decision depend on every row's content: read them again.
  const edited = tableAtLine(previous, head);
  if (edited && (edited.layout !== 'seven-column' || !edited.header)) return undefined;
  for (let line = head; line < tail; line++) {
    const ref = rows[line];
    const before = previous.rows[line];
    const kind = ref?.row.kind;
    if (!ref || !before || kind !== before.row.kind || !GROUPING_KEPT.has(kind)) return undefined;
    // The same lines make each row (a quoted cell's line breaks neither added nor removed).
    if (ref.line !== before.line || lastLineOf(ref) !== lastLineOf(before)) return undefined;
    if (ref.row.text.includes('一级')) return undefined;
  }
  const swap = (r: RowRef): RowRef => (r.line >= head && r.line < tail ? (rows[r.line] ?? r) : r);
  return previous.tables.map((t): Table =>
    t.endLine < head || t.startLine >= tail
      ? t
      : {
          ...t,
          ...(t.total ? { total: swap(t.total) } : {}),
          units: t.units.map((u) => ({ ref: swap(u.ref), projects: u.projects.map(swap) })),
          looseProjects: t.looseProjects.map(swap),
          projects: t.projects.map(swap),
        },
  );
}

/**
 * Groups rows into tables: preface lines, a header, the total, units and their projects; an
 * application form (`findForms`) is a table of its own, read by the form reader.
 */
function group(rows: readonly RowRef[]): TableBuilder[] {
  const refs: RowRef[] = [];
  let grid = false;
  for (let line = 0; line < rows.length; line++) {
    const ref = rows[line];
    if (!ref || ref.line !== line) continue;
    refs.push(ref);
    grid ||= ref.row.text.includes('一级');
  }
  const forms = grid ? findForms(refs) : [];
  const grouper = new Grouper();
  for (let k = 0, f = 0; k < refs.length; k++) {
    const region = forms[f];
    if (region && k === region.start) {
      grouper.addForm(readForm(refs, region));
      k = region.end - 1;
      f++;
    } else grouper.add(refs[k] as RowRef);
  }
  return grouper.finish();
}

/** Rows grouped as `parseDocument` groups them (the command line's one pass, when it met a form). */
export function groupRows(rows: readonly RowRef[]): Table[] {
  return group(rows);
}

/**
 * The grouping as a stream: rows are added in line order, and what a row belongs to (its table's
 * unit above all) is known when it is added, since a table's preface and header come before its
 * body. `parseDocument` groups with it; the command line's one-pass check asks it for each row's
 * money unit as it goes, so both read the same tables.
 */
export class Grouper {
  readonly tables: TableBuilder[] = [];
  private current: TableBuilder | undefined;

  /** The money unit of the table the last added row belongs to. */
  get unit(): MoneyUnit {
    return this.current?.unit ?? DEFAULT_MONEY_UNIT;
  }

  private open(line: number): TableBuilder {
    const t = newTable(line);
    this.tables.push(t);
    this.current = t;
    return t;
  }

  private stateUnit(table: TableBuilder, text: string, line: number): void {
    const unit = table.unitLine === undefined ? statedMoneyUnit(text) : undefined;
    if (unit) {
      table.unit = unit;
      table.unitLine = line;
    }
  }

  /** A form, read by the form reader: a table of its own; the rows after it open another. */
  addForm(model: ModelTable): void {
    const t = newTable(model.startLine);
    t.layout = 'form';
    t.model = model;
    t.endLine = model.endLine;
    t.unit = model.unit;
    if (model.title) t.title = model.title.text;
    this.tables.push(t);
    this.current = undefined;
  }

  /** The tables, each with its layout decided: a headerless table of unknown columns is `unknown`. */
  finish(): TableBuilder[] {
    for (const t of this.tables) if (t.layout === 'seven-column' && isUnknownLayout(t)) t.layout = 'unknown';
    return this.tables;
  }

  add(ref: RowRef): void {
    const { row, line } = ref;
    // A row of several lines (a quoted cell with line breaks) ends the table's span at its last line.
    const last = lastLineOf(ref);
    if (row.kind === 'blank') return;
    let current = this.current;
    if (row.kind === 'text') {
      const texts = row.cells.map((c) => c.text.trim()).filter((t) => t !== '');
      const preface = texts.some(isPrefaceText);
      if (preface) {
        const title = texts.find(isTitle);
        // A preface line after a table's header opens the next table.
        if (!current || current.header || (title !== undefined && current.title !== undefined))
          current = this.open(line);
        if (title !== undefined) current.title = title;
        for (const t of texts) {
          const dept = DEPARTMENT.exec(t);
          if (dept) current.department = (dept[1] ?? '').trim();
          this.stateUnit(current, t, line);
        }
      } else if (current?.header) {
        current.strayLines.push(ref);
      } else if (!current) {
        current = this.open(line);
      }
      current.endLine = last;
      return;
    }
    if (row.kind === 'header') {
      if (!current || current.header) current = this.open(line);
      current.header = ref;
      current.endLine = last;
      // `总计（万元）` or a `（单位：元）` cell in the header row.
      for (const c of row.cells) this.stateUnit(current, c.text, line);
      return;
    }
    current ??= this.open(line);
    current.endLine = last;
    if (row.kind === 'total') {
      current.total ??= ref;
    } else if (row.kind === 'unit') {
      current.units.push({ ref, projects: [] });
    } else {
      current.projects.push(ref);
      const unit = current.units[current.units.length - 1];
      if (unit) unit.projects.push(ref);
      else current.looseProjects.push(ref);
    }
  }
}

/**
 * A table in a layout the product does not read: no seven-column header, no row in the indicator
 * language, and a first row of two or more cells that are all words (a header of other columns).
 */
function isUnknownLayout(t: TableBuilder): boolean {
  if (t.header) return false;
  const rows = [...(t.total ? [t.total] : []), ...t.units.map((u) => u.ref), ...t.projects].sort(
    (a, b) => a.line - b.line,
  );
  const first = rows[0];
  if (!first || rows.length < 2) return false;
  const words = first.row.cells.filter((c) => c.text !== '');
  if (words.length < 2 || words.some((c) => /[0-9０-９]/.test(c.text))) return false;
  return !rows.some((r) => r.row.cells.length >= 7 && /[0-9０-９][-－—–]/.test(r.row.cells[6]?.text ?? ''));
}

/** The layout of the table `line` stands in (lines outside every table are the seven-column layout's). */
export function layoutAtLine(doc: TargetDocument, line: number): Layout {
  const t = tableAtLine(doc, line);
  return t && line <= t.endLine ? t.layout : 'seven-column';
}

/** The table `line` stands in or follows (the last one starting at or before it), if any. */
export function tableAtLine(doc: TargetDocument, line: number): Table | undefined {
  const tables = doc.tables;
  let lo = 0;
  let hi = tables.length - 1;
  // Tables are in line order.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((tables[mid]?.startLine ?? 0) <= line) lo = mid + 1;
    else hi = mid - 1;
  }
  return tables[hi];
}

/** The money unit of the amounts on `line` (the unit of the table it stands in). */
export function unitAtLine(doc: TargetDocument, line: number): MoneyUnit {
  return tableAtLine(doc, line)?.unit ?? DEFAULT_MONEY_UNIT;
}

/** The project rows of a document, in order. */
export function allProjects(doc: TargetDocument): RowRef[] {
  return doc.tables.flatMap((t) => t.projects);
}
