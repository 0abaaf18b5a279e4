/// <reference lib="dom" />
/**
 * The table view's page (bundled for the browser as `dist/table-view.js`): the target table as the
 * budget system's grid shows it, drawn with plain DOM and SVG from the server's model, which the
 * extension passes on (`table-messages.ts`). Only the lines in sight are in the page: every line has
 * a fixed height, their tops are summed once per outline, and a scroll renders the window again,
 * keeping the elements of lines whose data did not change. Project cells are asked for as they come
 * into sight. An application form's project shows its details (department, period, amounts, goals)
 * and its grid, one line per indicator with the form's columns.
 */
import type {
  CodeChoices,
  FromView,
  Range,
  TableOutlineResult,
  TableProjectRow,
  ToView,
  ViewSettings,
  ViewState,
  ViewStrings,
} from '../table-messages';
import type {
  TableCounts,
  TableFinding,
  TableFormAmount,
  TableFormColumn,
  TableFormField,
  TableFormProject,
  TableIndicator,
  TableOutlineProject,
  TableOutlineTable,
  TableOutlineUnit,
  TablePart,
  TableRowCells,
} from '../../../server/src/protocol';

interface VsCodeApi {
  postMessage(message: FromView): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

/** Heights of a line and of a table's heading (which holds the bar per unit), in CSS pixels. */
const LINE = 24;
const HEADING = 56;
/** Lines rendered beyond those in sight, above and below. */
const OVERSCAN = 12;
/** Projects asked for beyond those in sight. */
const ROW_MARGIN = 20;

type Line =
  | { readonly kind: 'table'; readonly t: number }
  | { readonly kind: 'total'; readonly t: number }
  | { readonly kind: 'unit'; readonly t: number; readonly u: number }
  | { readonly kind: 'project'; readonly p: number }
  | { readonly kind: 'goal'; readonly p: number }
  /** An application form's detail (department, period, an amount, a goal), and its grid's column names. */
  | { readonly kind: 'detail'; readonly p: number; readonly i: number }
  | { readonly kind: 'form-head'; readonly p: number }
  | { readonly kind: 'indicator'; readonly p: number; readonly i: number };

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

let strings: ViewStrings | undefined;
let settings: ViewSettings = { scrollViewWithEditor: true, scrollEditorWithView: true };
let codes: CodeChoices = { level1: [], level2: {} };
let outline: TableOutlineResult | undefined;
const saved = vscode.getState();
let onlyFindings = saved?.onlyFindings ?? false;
const collapsed = new Set<string>(saved?.collapsed ?? []);
let restoreScroll = saved?.scrollTop ?? 0;
/**
 * Project rows at hand, by index, with the version they were answered for: valid for that version,
 * and for later ones while their key is the outline's (the row, its line and counts unchanged).
 */
const rows = new Map<number, TableProjectRow>();
const rowVersions = new Map<number, number>();
/** Indices asked for and not yet answered (for the current outline version). */
const pending = new Set<number>();
let lines: Line[] = [];
let tops: number[] = [];
let selected = -1;
/** Which table and unit each project belongs to. */
let unitOf: Array<{ t: number; u: number } | undefined> = [];

// --- the page -----------------------------------------------------------------------------------

const body = document.body;
const header = el('div', 'summary');
header.id = 'summary';
const summaryText = el('span', 'summary-text');
const filterLabel = el('label', 'filter');
const filter = document.createElement('input');
filter.type = 'checkbox';
filter.id = 'only-findings';
filter.checked = onlyFindings;
const filterText = el('span');
filterLabel.append(filter, filterText);
header.append(summaryText, filterLabel);
const heads = el('div', 'line heads');
heads.id = 'heads';
const scroller = el('div', 'scroller');
scroller.id = 'scroller';
scroller.tabIndex = 0;
scroller.setAttribute('role', 'treegrid');
const spacer = el('div', 'spacer');
scroller.append(spacer);
body.append(header, heads, scroller);

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));
}

function money(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const total = (c: TableCounts): number => c[0] + c[1] + c[2] + c[3];

// --- layout -------------------------------------------------------------------------------------

function projectShown(p: number): boolean {
  const o = outline?.projects[p];
  return !!o && (!onlyFindings || total(o.counts) > 0);
}

function projectLines(out: Line[], p: number): void {
  const o = outline?.projects[p];
  if (!o || !projectShown(p)) return;
  out.push({ kind: 'project', p });
  if (collapsed.has(`p${o.line}`)) return;
  if (o.form) {
    for (let i = 0; i < o.form.details; i++) out.push({ kind: 'detail', p, i });
    if (o.indicators > 0) out.push({ kind: 'form-head', p });
  } else if (o.goal) out.push({ kind: 'goal', p });
  for (let i = 0; i < o.indicators; i++) out.push({ kind: 'indicator', p, i });
}

function unitShown(u: TableOutlineUnit): boolean {
  if (!onlyFindings || total(u.counts) > 0) return true;
  for (let p = u.first; p < u.first + u.count; p++) if (projectShown(p)) return true;
  return false;
}

/** The lines of the current outline, filter and collapsed state, and their tops. */
function layout(): void {
  const out: Line[] = [];
  unitOf = [];
  outline?.tables.forEach((table, t) => {
    out.push({ kind: 'table', t });
    if (table.total && (!onlyFindings || total(table.totalCounts) > 0 || table.units.some(unitShown)))
      out.push({ kind: 'total', t });
    for (let p = table.loose.first; p < table.loose.first + table.loose.count; p++) projectLines(out, p);
    table.units.forEach((unit, u) => {
      for (let p = unit.first; p < unit.first + unit.count; p++) unitOf[p] = { t, u };
      if (!unitShown(unit)) return;
      out.push({ kind: 'unit', t, u });
      if (collapsed.has(`u${unit.row.line}`)) return;
      for (let p = unit.first; p < unit.first + unit.count; p++) projectLines(out, p);
    });
  });
  lines = out;
  tops = new Array<number>(out.length + 1);
  let y = 0;
  for (let i = 0; i < out.length; i++) {
    tops[i] = y;
    y += out[i]?.kind === 'table' ? HEADING : LINE;
  }
  tops[out.length] = y;
  spacer.style.height = `${y}px`;
  if (selected >= lines.length) selected = lines.length - 1;
}

/** The first line whose bottom is below `y`. */
function lineAt(y: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tops[mid + 1] ?? 0) <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

// --- rendering ----------------------------------------------------------------------------------

/** A line's identity and what its element shows: an element is kept while both are the same. */
function signature(line: Line): string {
  const o = outline;
  if (!o) return '';
  switch (line.kind) {
    case 'table':
      return `t${line.t}|${JSON.stringify(o.tables[line.t]?.units.map((u) => u.row.amounts[0]?.value))}|${o.tables[line.t]?.unit}`;
    case 'total':
      return `T${line.t}|${JSON.stringify(o.tables[line.t]?.total)}|${JSON.stringify(o.tables[line.t]?.difference)}`;
    case 'unit': {
      const u = o.tables[line.t]?.units[line.u];
      return `u${line.t}.${line.u}|${JSON.stringify(u)}|${u && collapsed.has(`u${u.row.line}`) ? 'c' : 'o'}`;
    }
    default: {
      const p = o.projects[line.p];
      const r = rows.get(line.p);
      const at = r && r.key === p?.key ? 'r' : '-';
      const sub =
        line.kind === 'project'
          ? `p${p && collapsed.has(`p${p.line}`) ? 'c' : 'o'}`
          : line.kind === 'goal'
            ? 'g'
            : line.kind === 'form-head'
              ? 'h'
              : line.kind === 'detail'
                ? `d${line.i}`
                : `i${line.i}`;
      return `${sub}:${line.p}|${p?.key}|${at}`;
    }
  }
}

const rendered = new Map<string, HTMLElement>();

function worst(findings: readonly TableFinding[] | undefined): string | undefined {
  if (!findings || findings.length === 0) return undefined;
  for (const s of SEVERITIES) if (findings.some((f) => f.severity === s)) return s;
  return undefined;
}

/** How a part is edited in place: its text, or a code chosen from the catalogue (level 2 under `parent`). */
type EditKind =
  { readonly kind: 'text' } | { readonly kind: 'level1' } | { readonly kind: 'level2'; readonly parent: string };
const TEXT: EditKind = { kind: 'text' };

/** A cell showing a part: its text, its findings (class and hover), the range a click reveals. */
function cell(
  className: string,
  part: TablePart | null | undefined,
  text?: string,
  extraTitle?: string,
  edit?: EditKind,
): HTMLElement {
  const c = el('div', `cell ${className}`, text ?? part?.text ?? '');
  c.setAttribute('role', 'gridcell');
  if (!part) return c;
  c.dataset['range'] = JSON.stringify(part.range);
  if (edit) {
    c.dataset['edit'] = edit.kind;
    c.dataset['text'] = part.text;
    if (edit.kind === 'level2') c.dataset['parent'] = edit.parent;
  }
  const sev = worst(part.findings);
  const title = [
    extraTitle,
    ...(part.findings ?? []).map(
      (f) => `${f.severity === 'error' ? '✖' : f.severity === 'warning' ? '⚠' : 'ℹ'} ${f.message}`,
    ),
  ].filter((s) => !!s);
  if (!extraTitle && (text ?? part.text).length > 20) title.unshift(part.text);
  if (sev) {
    c.classList.add('finding', `f-${sev}`);
    // Its quick fixes are asked for at the first finding's place (context menu, or Ctrl+.).
    c.dataset['finding'] = JSON.stringify(part.findings?.[0]?.range ?? part.range);
  }
  if (title.length > 0) c.title = title.join('\n');
  return c;
}

function countsBadge(counts: TableCounts): HTMLElement {
  const b = el('div', 'cell counts');
  if (counts[0] > 0) b.append(el('span', 'badge f-error', `✖${counts[0]}`));
  if (counts[1] > 0) b.append(el('span', 'badge f-warning', `⚠${counts[1]}`));
  if (counts[2] + counts[3] > 0) b.append(el('span', 'badge f-information', `ℹ${counts[2] + counts[3]}`));
  return b;
}

function toggle(key: string, canCollapse: boolean): HTMLElement {
  const t = el('span', 'toggle', canCollapse ? (collapsed.has(key) ? '▸' : '▾') : '');
  if (canCollapse) {
    t.dataset['toggle'] = key;
    t.title = collapsed.has(key) ? (strings?.expand ?? '') : (strings?.collapse ?? '');
  }
  return t;
}

/** Name and four amounts of a 合计 or unit row, from its cells. */
function amountCells(row: TableRowCells): HTMLElement[] {
  return [0, 1, 2, 3].map((i) => {
    const a = row.amounts[i];
    return cell(
      'amount',
      a ?? null,
      a ? (a.value === null ? a.text : a.text === '' ? '' : money(a.value)) : '',
      undefined,
      TEXT,
    );
  });
}

function diffCell(diff: readonly (number | null)[] | null): HTMLElement {
  const d = el('div', 'cell diff');
  const first = diff?.find((x) => x !== null && x !== 0);
  if (diff && first !== undefined && first !== null) {
    d.textContent = `${strings?.difference ?? 'Δ'} ${first > 0 ? '+' : ''}${money(first)}`;
    d.classList.add('f-error');
    d.title = (strings?.columns ?? [])
      .slice(1)
      .map((c, i) => `${c}: ${diff[i] === null ? '?' : money(diff[i])}`)
      .join('\n');
  }
  return d;
}

/** The table's heading: preface, money unit, and one bar per unit (its share of the 合计). */
function renderTable(e: HTMLElement, table: TableOutlineTable): void {
  const s = strings;
  const info = el('div', 'preface');
  info.append(el('div', 'title', table.title ?? ''));
  const facts: string[] = [];
  if (table.department) facts.push(`${s?.department ?? ''}${table.department}`);
  if (table.year !== null) facts.push(`${s?.year ?? ''}${table.year}`);
  facts.push(`${s?.unit ?? ''}${table.unit}${table.unitStated ? '' : ` ${s?.unitNotStated ?? ''}`}`);
  info.append(el('div', 'facts', facts.join(' · ')));
  e.append(info);
  const values = table.units.map((u) => Math.max(0, u.row.amounts[0]?.value ?? 0));
  const sum = values.reduce((a, b) => a + b, 0);
  if (values.length > 0 && sum > 0) {
    const w = Math.min(320, Math.max(60, values.length * 10));
    const bar = svg('svg', {
      class: 'bars',
      width: w,
      height: HEADING - 12,
      viewBox: `0 0 ${w} ${HEADING - 12}`,
      role: 'img',
    });
    const max = Math.max(...values);
    const step = w / values.length;
    values.forEach((v, i) => {
      const h = Math.max(1, ((HEADING - 14) * v) / max);
      const r = svg('rect', {
        x: i * step + 1,
        y: HEADING - 12 - h,
        width: Math.max(1, step - 2),
        height: h,
        class: 'bar',
      });
      const title = svg('title', {});
      title.textContent = `${table.units[i]?.row.name.text ?? ''}: ${money(v)} ${table.unit} (${((100 * v) / sum).toFixed(1)}%)`;
      r.append(title);
      bar.append(r);
    });
    e.append(bar);
  }
}

/** A small bar: the project's share of its unit's 总计. */
function shareBar(p: number): HTMLElement {
  const c = el('div', 'cell share');
  const o = outline;
  const at = unitOf[p];
  const unit = at ? o?.tables[at.t]?.units[at.u] : undefined;
  const whole = unit?.row.amounts[0]?.value ?? 0;
  const v = o?.projects[p]?.amounts[0] ?? 0;
  if (!unit || !whole || whole <= 0 || v === null || v <= 0) return c;
  const share = Math.min(1, v / whole);
  const s = svg('svg', { width: 60, height: 10, viewBox: '0 0 60 10', role: 'img' });
  s.append(
    svg('rect', { x: 0, y: 1, width: 60, height: 8, class: 'track' }),
    svg('rect', { x: 0, y: 1, width: Math.max(1, 60 * share), height: 8, class: 'bar' }),
  );
  c.append(s);
  c.title = format(strings?.share ?? '{0}', `${(share * 100).toFixed(1)}%`);
  return c;
}

function renderLine(line: Line): HTMLElement {
  const o = outline as TableOutlineResult;
  const e = el('div', `line ${line.kind}`);
  e.setAttribute('role', 'row');
  switch (line.kind) {
    case 'table': {
      const t = o.tables[line.t];
      if (t) renderTable(e, t);
      break;
    }
    case 'total': {
      const t = o.tables[line.t];
      if (t) renderTotal(e, t);
      break;
    }
    case 'unit': {
      const u = o.tables[line.t]?.units[line.u];
      if (u) renderUnit(e, u);
      break;
    }
    case 'project': {
      const p = o.projects[line.p];
      if (p) renderProject(e, p, line.p);
      break;
    }
    case 'goal':
      renderGoal(e, current(line.p));
      break;
    case 'detail':
      renderDetail(e, current(line.p), line.i);
      break;
    case 'form-head': {
      const form = o.projects[line.p]?.form;
      if (form) renderFormHead(e, form.columns);
      break;
    }
    case 'indicator': {
      const form = o.projects[line.p]?.form;
      if (form) renderFormIndicator(e, current(line.p), line.i, form.columns);
      else renderIndicator(e, current(line.p), line.i);
      break;
    }
  }
  return e;
}

/** A table's total row: its amounts, how far they are from the sum below them, and a flag for its findings. */
function renderTotal(e: HTMLElement, t: TableOutlineTable): void {
  if (!t.total) return;
  e.append(
    toggle('', false),
    cell('name', t.total.name, undefined, undefined, TEXT),
    ...amountCells(t.total),
    diffCell(t.difference),
    countsBadge(t.totalCounts),
  );
  if (t.total.findings)
    e.append(
      cell(
        'row-findings',
        { text: '', range: t.total.findings[0]?.range ?? t.total.name.range, findings: t.total.findings },
        '⚑',
      ),
    );
}

/** A unit's row: collapsible when it has projects, its amounts and how far they are from the projects' sum. */
function renderUnit(e: HTMLElement, u: TableOutlineUnit): void {
  e.append(
    toggle(`u${u.row.line}`, u.count > 0),
    cell('name', u.row.name, undefined, undefined, TEXT),
    ...amountCells(u.row),
    diffCell(u.difference),
    countsBadge(u.counts),
  );
}

/** A project's row: its row's cells once they are at hand, the outline's plain text until then. */
function renderProject(e: HTMLElement, p: TableOutlineProject, index: number): void {
  const r = current(index);
  e.append(toggle(`p${p.line}`, p.goal || p.indicators > 0 || (p.form?.details ?? 0) > 0));
  if (r) e.append(cell('name', r.name, undefined, undefined, TEXT), ...amountCells(r));
  else
    e.append(
      el('div', 'cell name', p.name),
      ...p.amounts.map((a) => el('div', 'cell amount', a === null ? '?' : a === 0 ? '' : money(a))),
    );
  e.append(shareBar(index), countsBadge(p.counts));
  if (r?.findings)
    e.append(
      cell('row-findings', { text: '', range: r.findings[0]?.range ?? r.name.range, findings: r.findings }, '⚑'),
    );
}

/** A project's goal line (loading until its row is at hand). */
function renderGoal(e: HTMLElement, r: TableProjectRow | undefined): void {
  e.append(
    el('div', 'cell label', strings?.goal ?? ''),
    r
      ? cell('goal-text', r.goal, undefined, undefined, TEXT)
      : el('div', 'cell goal-text loading', strings?.loading ?? '…'),
  );
}

/** The `i`th indicator of a project's row, its parts in cells, marked by its worst finding. */
function renderIndicator(e: HTMLElement, r: TableProjectRow | undefined, i: number): void {
  const ind: TableIndicator | undefined = r?.indicators[i];
  if (!ind) {
    e.append(el('div', 'cell seq'), el('div', 'cell loading', r ? '' : (strings?.loading ?? '…')));
    return;
  }
  e.append(
    cell('seq', ind.seq, ind.seq.text.replace(/[、．.。，,（）()]/g, '')),
    cell('level1', ind.level1, undefined, undefined, { kind: 'level1' }),
    cell('level2', ind.level2, undefined, undefined, {
      kind: 'level2',
      parent: /^[0-9]+/.exec(ind.level1?.text ?? '')?.[0] ?? ind.level2?.text.charAt(0) ?? '',
    }),
    cell('ind-name', ind.name, undefined, undefined, TEXT),
    cell('value', ind.period, undefined, ind.period ? `${ind.period.text}\n${ind.period.reading}` : undefined, TEXT),
    cell('value', ind.annual, undefined, ind.annual ? `${ind.annual.text}\n${ind.annual.reading}` : undefined, TEXT),
  );
  if (ind.findings) {
    const sev = worst(ind.findings);
    if (sev) e.classList.add(`row-f-${sev}`);
    e.title = ind.findings.map((f) => f.message).join('\n');
  }
}

// --- application forms --------------------------------------------------------------------------

/** A form's detail line: a field (its label as written, else the view's name for it) or an amount. */
type Detail =
  | { readonly kind: 'field'; readonly field: TableFormField; readonly name: string }
  | { readonly kind: 'amount'; readonly amount: TableFormAmount };

/** A form's details in the order the protocol gives (`TableFormProject`): as many as the outline's `details`. */
function detailsOf(f: TableFormProject): Detail[] {
  const s = strings?.form;
  const out: Detail[] = [];
  const field = (x: TableFormField | null, name: string | undefined) => {
    if (x) out.push({ kind: 'field', field: x, name: name ?? '' });
  };
  field(f.department, s?.department);
  field(f.period, s?.period);
  for (const amount of f.amounts) out.push({ kind: 'amount', amount });
  field(f.goals.period, s?.periodGoal);
  field(f.goals.annual, s?.annualGoal);
  field(f.goals.goal, s?.goal);
  return out;
}

/** The `i`th detail of a form's project: its label, and its value (an amount as a number). */
function renderDetail(e: HTMLElement, r: TableProjectRow | undefined, i: number): void {
  const d = r?.form ? detailsOf(r.form)[i] : undefined;
  if (!d) {
    e.append(el('div', 'cell label'), el('div', 'cell loading', r ? '' : (strings?.loading ?? '…')));
    return;
  }
  if (d.kind === 'field') {
    const { label, value } = d.field;
    e.append(
      label ? cell('label', label, undefined, undefined, TEXT) : el('div', 'cell label', d.name),
      cell('detail-text', value, undefined, undefined, TEXT),
    );
    return;
  }
  const a = d.amount;
  e.classList.add('amount-detail');
  const label = cell(`label depth-${Math.min(2, Math.max(0, a.depth))}`, a.label, undefined, undefined, TEXT);
  const value = a.cell
    ? cell(
        'amount',
        a.cell,
        a.cell.value === null ? a.cell.text : a.cell.text === '' ? '' : money(a.cell.value),
        a.writtenUnit ? a.cell.text : undefined,
        TEXT,
      )
    : el('div', 'cell amount');
  e.append(label, value);
}

/** Widths of a form grid's columns, by what they hold. */
const FORM_WIDTHS: Readonly<Record<TableFormColumn, string>> = {
  level1: 'minmax(6em, 0.6fr)',
  level2: 'minmax(6em, 0.7fr)',
  name: 'minmax(8em, 1fr)',
  nature: 'minmax(3em, 0.3fr)',
  direction: 'minmax(3em, 0.3fr)',
  comparator: 'minmax(2.5em, 0.2fr)',
  value: 'minmax(6em, 0.6fr)',
  period: 'minmax(6em, 0.6fr)',
  annual: 'minmax(6em, 0.6fr)',
  unit: 'minmax(3em, 0.3fr)',
  weight: 'minmax(3em, 0.3fr)',
  standard: 'minmax(4em, 0.4fr)',
  explanation: 'minmax(6em, 0.6fr)',
  note: 'minmax(4em, 0.5fr)',
};

const VALUE_COLUMNS: ReadonlySet<TableFormColumn> = new Set(['value', 'period', 'annual']);

/** A form grid line's columns: the indent, the row's number, then the form's columns (set through the CSSOM). */
function formGrid(e: HTMLElement, columns: readonly TableFormColumn[]): void {
  e.classList.add('form');
  e.style.gridTemplateColumns = ['2.4em', '3em', ...columns.map((c) => FORM_WIDTHS[c])].join(' ');
}

/** The column names of a form's grid, above its first indicator. */
function renderFormHead(e: HTMLElement, columns: readonly TableFormColumn[]): void {
  formGrid(e, columns);
  e.append(el('div', 'cell seq'));
  for (const c of columns) {
    const name = strings?.form?.columns[c] ?? c;
    const h = el('div', `cell fc-${c}`, name);
    h.title = name;
    h.setAttribute('role', 'columnheader');
    e.append(h);
  }
}

/** The `i`th indicator of a form: a cell per column of its grid, a merged cell carried down shown dimmed. */
function renderFormIndicator(
  e: HTMLElement,
  r: TableProjectRow | undefined,
  i: number,
  columns: readonly TableFormColumn[],
): void {
  formGrid(e, columns);
  const ind = r?.form?.indicators[i];
  if (!ind) {
    e.append(el('div', 'cell seq'), el('div', 'cell loading', r ? '' : (strings?.loading ?? '…')));
    return;
  }
  e.append(el('div', 'cell seq', String(i + 1)));
  for (const c of columns) {
    const part = ind.cells[c];
    const value = VALUE_COLUMNS.has(c) ? ' value' : '';
    if (!part) e.append(el('div', `cell fc-${c}${value}`));
    else if (part.carried)
      e.append(
        cell(`fc-${c} carried`, part, undefined, format(strings?.form?.carried ?? '{0}', part.range.start.line + 1)),
      );
    else
      e.append(
        cell(
          `fc-${c}${value}`,
          part,
          undefined,
          part.reading !== undefined ? `${part.text}\n${part.reading}` : undefined,
          TEXT,
        ),
      );
  }
  if (ind.findings) {
    const sev = worst(ind.findings);
    if (sev) e.classList.add(`row-f-${sev}`);
    e.title = ind.findings.map((f) => f.message).join('\n');
  }
}

/** The ranges of a project's own line (goal, detail, indicator) a text position may stand in. */
function rangesOf(l: Line): Range[] {
  if (l.kind !== 'goal' && l.kind !== 'detail' && l.kind !== 'indicator') return [];
  const r = current(l.p);
  if (!r) return [];
  if (l.kind === 'goal') return r.goal ? [r.goal.range] : [];
  if (l.kind === 'indicator') {
    const range = r.form ? r.form.indicators[l.i]?.range : r.indicators[l.i]?.range;
    return range ? [range] : [];
  }
  const d = r.form ? detailsOf(r.form)[l.i] : undefined;
  if (!d) return [];
  const parts = d.kind === 'field' ? [d.field.label, d.field.value] : [d.amount.label, d.amount.cell];
  return parts.filter((x) => !!x).map((x) => x.range);
}

function current(p: number): TableProjectRow | undefined {
  const r = rows.get(p);
  if (!r || !outline) return undefined;
  return r.key === outline.projects[p]?.key || rowVersions.get(p) === outline.version ? r : undefined;
}

let frame = 0;
function schedule(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    render();
  });
}

/** Renders the lines in sight (and a margin), keeping unchanged ones; asks for missing rows. */
function render(): void {
  if (!outline) return;
  const top = scroller.scrollTop;
  const height = scroller.clientHeight || 600;
  const first = Math.max(0, lineAt(top) - OVERSCAN);
  const last = Math.min(lines.length - 1, lineAt(top + height) + OVERSCAN);
  const keep = new Map<string, HTMLElement>();
  const wanted: number[] = [];
  for (let i = first; i <= last; i++) {
    const line = lines[i];
    if (!line) continue;
    const sig = signature(line);
    let e = rendered.get(sig);
    if (!e || keep.has(sig)) {
      e = renderLine(line);
      e.dataset['sig'] = sig;
      spacer.append(e);
    }
    e.style.transform = `translateY(${tops[i] ?? 0}px)`;
    e.style.height = `${(tops[i + 1] ?? 0) - (tops[i] ?? 0)}px`;
    e.dataset['index'] = String(i);
    e.classList.toggle('selected', i === selected);
    e.setAttribute('aria-rowindex', String(i + 1));
    keep.set(sig, e);
    if ('p' in line && !current(line.p)) wanted.push(line.p);
  }
  for (const [sig, e] of rendered) if (keep.get(sig) !== e) e.remove();
  rendered.clear();
  for (const [k, v] of keep) rendered.set(k, v);
  requestRows(wanted);
}

function requestRows(wanted: readonly number[]): void {
  if (!outline || wanted.length === 0) return;
  const missing = wanted.filter((p) => !pending.has(p));
  if (missing.length === 0) return;
  const from = Math.max(0, Math.min(...missing) - ROW_MARGIN);
  const to = Math.min(outline.projects.length, Math.max(...missing) + 1 + ROW_MARGIN);
  const ask: number[] = [];
  for (let p = from; p < to; p++) if (!current(p) && !pending.has(p)) ask.push(p);
  if (ask.length === 0) return;
  for (const p of ask) pending.add(p);
  vscode.postMessage({ type: 'rows', version: outline.version, from: Math.min(...ask), to: Math.max(...ask) + 1 });
}

function renderSummary(): void {
  const o = outline;
  const s = strings;
  if (!o || !s) return;
  const c = o.summary.counts;
  summaryText.textContent = format(s.summary, o.summary.projects, o.summary.indicators, c[0], c[1], c[2] + c[3]);
  summaryText.classList.toggle('stale', !o.summary.checked);
}

function renderHeads(): void {
  const s = strings;
  if (!s) return;
  const head = (c: string, i: number) => {
    const h = el('div', `cell ${i === 0 ? 'name' : 'amount'}`, c);
    h.title = c;
    h.setAttribute('role', 'columnheader');
    return h;
  };
  heads.replaceChildren(
    el('span', 'toggle'),
    ...s.columns.map(head),
    el('div', 'cell diff'),
    el('div', 'cell share'),
    el('div', 'cell counts'),
  );
  filterText.textContent = s.onlyFindings;
}

function saveState(): void {
  vscode.setState({
    ...(outline ? { uri: outline.uri } : {}),
    scrollTop: scroller.scrollTop,
    onlyFindings,
    collapsed: [...collapsed],
  });
}

// --- cursor sync --------------------------------------------------------------------------------

const contains = (r: Range, line: number, character: number): boolean =>
  (line > r.start.line || (line === r.start.line && character >= r.start.character)) &&
  (line < r.end.line || (line === r.end.line && character <= r.end.character));

/** The display line of a text position: the indicator or goal under it when the row is at hand. */
function lineOfPosition(line: number, character: number): number {
  let best = -1;
  let bestSource = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const src = l ? sourceLine(l) : undefined;
    if (!l || src === undefined || src > line) continue;
    if (l.kind === 'goal' || l.kind === 'indicator' || l.kind === 'detail' || l.kind === 'form-head') {
      // A project's own lines follow it: the goal, detail or indicator holding the position, when at hand.
      if (src !== bestSource) continue;
      if (rangesOf(l).some((range) => contains(range, line, character))) best = i;
      continue;
    }
    if (src >= bestSource) {
      best = i;
      bestSource = src;
    }
  }
  return best;
}

function sourceLine(l: Line): number | undefined {
  const o = outline;
  if (!o) return undefined;
  switch (l.kind) {
    case 'table':
      return undefined;
    case 'total':
      return o.tables[l.t]?.total?.line;
    case 'unit':
      return o.tables[l.t]?.units[l.u]?.row.line;
    default:
      return o.projects[l.p]?.line;
  }
}

function select(index: number, reveal: boolean): void {
  selected = index;
  if (reveal && index >= 0) {
    const top = tops[index] ?? 0;
    const bottom = tops[index + 1] ?? top;
    if (top < scroller.scrollTop || bottom > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 2);
    }
  }
  for (const e of rendered.values()) e.classList.toggle('selected', Number(e.dataset['index']) === selected);
  schedule();
}

// --- editing in place ---------------------------------------------------------------------------

/** Replaces a cell's text with an input (or a choice of codes); Enter posts the edit, Escape or leaving cancels. */
function startEdit(c: HTMLElement): void {
  if (!outline || c.querySelector('input, select')) return;
  const kind = c.dataset['edit'];
  const old = c.dataset['text'] ?? '';
  const range = JSON.parse(c.dataset['range'] ?? 'null') as Range | null;
  if (!range) return;
  const version = outline.version;
  let control: HTMLInputElement | HTMLSelectElement;
  if (kind === 'level1' || kind === 'level2') {
    const select = document.createElement('select');
    const choices = kind === 'level1' ? codes.level1 : (codes.level2[c.dataset['parent'] ?? ''] ?? []);
    for (const choice of choices.includes(old) ? choices : [old, ...choices]) {
      const o = document.createElement('option');
      o.value = choice;
      o.textContent = choice;
      o.selected = choice === old;
      select.append(o);
    }
    control = select;
  } else {
    const input = document.createElement('input');
    input.type = 'text';
    input.value = old;
    control = input;
  }
  control.className = 'editor';
  const saved = [...c.childNodes];
  let done = false;
  const finish = (commit: boolean) => {
    if (done) return;
    done = true;
    const text = control.value;
    c.replaceChildren(...saved);
    scroller.focus();
    if (commit && text !== old) vscode.postMessage({ type: 'edit', version, range, old, text });
  };
  (control as HTMLElement).addEventListener('keydown', (ev) => {
    ev.stopPropagation();
    if (ev.key === 'Enter') {
      ev.preventDefault();
      finish(true);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      finish(false);
    }
  });
  control.addEventListener('blur', () => finish(false));
  if (control instanceof HTMLSelectElement) control.addEventListener('change', () => finish(true));
  c.replaceChildren(control);
  control.focus();
  if (control instanceof HTMLInputElement) control.select();
}

function askFixes(c: HTMLElement | null | undefined): boolean {
  const range = c?.dataset['finding'];
  if (!range) return false;
  vscode.postMessage({ type: 'fixes', range: JSON.parse(range) as Range });
  return true;
}

scroller.addEventListener('contextmenu', (ev) => {
  const target = ev.target instanceof Element ? ev.target : null;
  if (askFixes(target?.closest<HTMLElement>('[data-finding]'))) ev.preventDefault();
});

scroller.addEventListener('dblclick', (ev) => {
  const target = ev.target instanceof Element ? ev.target : null;
  const c = target?.closest<HTMLElement>('[data-edit]');
  if (c) {
    ev.preventDefault();
    startEdit(c);
  }
});

// --- events -------------------------------------------------------------------------------------

scroller.addEventListener('scroll', () => {
  schedule();
  saveState();
});

scroller.addEventListener('click', (ev) => {
  const target = ev.target instanceof Element ? ev.target : null;
  const t = target?.closest<HTMLElement>('[data-toggle]');
  if (t?.dataset['toggle']) {
    flip(t.dataset['toggle']);
    return;
  }
  const line = target?.closest<HTMLElement>('.line');
  if (line?.dataset['index']) select(Number(line.dataset['index']), false);
  const c = target?.closest<HTMLElement>('[data-range]');
  if (c?.dataset['range'] && settings.scrollEditorWithView)
    vscode.postMessage({ type: 'reveal', range: JSON.parse(c.dataset['range']) as Range });
});

function flip(key: string): void {
  if (collapsed.has(key)) collapsed.delete(key);
  else collapsed.add(key);
  layout();
  saveState();
  schedule();
}

function collapseKey(l: Line | undefined): string | undefined {
  if (!l || !outline) return undefined;
  if (l.kind === 'unit') return `u${outline.tables[l.t]?.units[l.u]?.row.line}`;
  if (l.kind === 'project') return `p${outline.projects[l.p]?.line}`;
  return undefined;
}

scroller.addEventListener('keydown', (ev) => {
  const page = Math.max(1, Math.floor(scroller.clientHeight / LINE) - 1);
  let next: number;
  switch (ev.key) {
    case 'ArrowDown':
      next = Math.min(lines.length - 1, selected + 1);
      break;
    case 'ArrowUp':
      next = Math.max(0, selected - 1);
      break;
    case 'PageDown':
      next = Math.min(lines.length - 1, selected + page);
      break;
    case 'PageUp':
      next = Math.max(0, selected - page);
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = lines.length - 1;
      break;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const key = collapseKey(lines[selected]);
      if (key && collapsed.has(key) === (ev.key === 'ArrowRight')) flip(key);
      ev.preventDefault();
      return;
    }
    case '.': {
      if (!ev.ctrlKey && !ev.metaKey) return;
      const e = [...rendered.values()].find((x) => Number(x.dataset['index']) === selected);
      askFixes(e?.querySelector<HTMLElement>('[data-finding]'));
      ev.preventDefault();
      return;
    }
    case 'F2': {
      const e = [...rendered.values()].find((x) => Number(x.dataset['index']) === selected);
      const c = e?.querySelector<HTMLElement>('[data-edit]');
      if (c) startEdit(c);
      ev.preventDefault();
      return;
    }
    case 'Enter': {
      const e = [...rendered.values()].find((x) => Number(x.dataset['index']) === selected);
      const c = e?.querySelector<HTMLElement>('[data-range]');
      if (c?.dataset['range']) vscode.postMessage({ type: 'reveal', range: JSON.parse(c.dataset['range']) as Range });
      ev.preventDefault();
      return;
    }
    default:
      return;
  }
  ev.preventDefault();
  select(next, true);
});

filter.addEventListener('change', () => {
  onlyFindings = filter.checked;
  layout();
  saveState();
  schedule();
});

window.addEventListener('resize', schedule);

window.addEventListener('message', (ev: MessageEvent<ToView>) => {
  const m = ev.data;
  switch (m.type) {
    case 'init':
      strings = m.strings;
      settings = m.settings;
      codes = m.codes;
      document.documentElement.lang = m.locale;
      renderHeads();
      renderSummary();
      break;
    case 'settings':
      settings = m.settings;
      break;
    case 'empty':
      outline = undefined;
      lines = [];
      for (const e of rendered.values()) e.remove();
      rendered.clear();
      spacer.style.height = '0px';
      summaryText.textContent = strings?.empty ?? '';
      break;
    case 'outline': {
      const first = !outline;
      outline = m.outline;
      pending.clear();
      for (const [p, r] of rows) {
        if (r.key !== outline.projects[p]?.key) {
          rows.delete(p);
          rowVersions.delete(p);
        }
      }
      layout();
      renderSummary();
      saveState();
      if (first && restoreScroll > 0) {
        scroller.scrollTop = restoreScroll;
        restoreScroll = 0;
      }
      render();
      break;
    }
    case 'rows':
      if (!outline || m.version !== outline.version) break;
      for (const r of m.rows) {
        rows.set(r.index, r);
        rowVersions.set(r.index, m.version);
        pending.delete(r.index);
      }
      render();
      break;
    case 'probe': {
      const shown = [...rendered.values()];
      const findings: Record<string, number> = {};
      const messages: string[] = [];
      for (const e of shown) {
        for (const c of e.querySelectorAll<HTMLElement>('.finding')) {
          for (const s of SEVERITIES) if (c.classList.contains(`f-${s}`)) findings[s] = (findings[s] ?? 0) + 1;
          messages.push(c.title);
        }
      }
      vscode.postMessage({
        type: 'probe',
        report: {
          version: outline?.version ?? null,
          lines: lines.length,
          rendered: shown.length,
          projects: shown
            .filter((e) => e.classList.contains('project'))
            .map((e) => e.querySelector('.name')?.textContent ?? ''),
          indicators: shown.filter((e) => e.classList.contains('indicator') && e.querySelector('.value')).length,
          findings,
          messages,
          selected: shown.find((e) => e.classList.contains('selected'))?.textContent ?? null,
        },
      });
      break;
    }
    case 'cursor': {
      if (!settings.scrollViewWithEditor || !outline) break;
      const i = lineOfPosition(m.line, m.character);
      if (i >= 0) select(i, true);
      break;
    }
  }
});

vscode.postMessage({ type: 'ready' });
