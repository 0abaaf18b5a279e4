/**
 * Where a position stands in an application form (`Table.layout === 'form'`): the grid's header
 * row and the column a cell stands in, the indicator of the row and the part of it under the
 * cursor, all read from the form's model (`Table.model`) and the grid header's column names — the
 * same names the form reader reads (`columnRole`). Offsets are the row's (UTF-16; a row may span
 * lines), made through the row like every other position.
 */
import type { Position } from 'vscode-languageserver';
import {
  INDICATOR_PARTS,
  type IndicatorPart,
  type Located,
  type ModelIndicator,
  type ModelProject,
  type ModelTable,
} from '../model/types';
import { layoutAtLine, tableAtLine, type Cell, type RowRef, type Table, type TargetDocument } from '../syntax/document';
import { columnRole, isGridHeader } from '../syntax/form';
import { cellIndexAt, inSpan, rowOffset } from './positions';

export interface FormPlace {
  readonly ref: RowRef;
  readonly table: Table;
  readonly model: ModelTable;
  readonly project: ModelProject;
  /** The grid's header row, when the position is at or below it. */
  readonly header?: RowRef;
  /** `grid-header`: the header row; `grid`: a row of the indicator grid; `block`: the header block or footer. */
  readonly kind: 'grid-header' | 'grid' | 'block';
  /** The position's offset in the row's text. */
  readonly offset: number;
  readonly cellIndex: number;
  readonly cell?: Cell;
  /** The role the grid header names for the cell's column (first column of a role only, as the reader). */
  readonly role?: IndicatorPart;
  /** The row's indicator (on a grid row that holds one). */
  readonly indicator?: ModelIndicator;
  /** The part of the row's indicator under the position, written on this row (not carried). */
  readonly part?: { readonly part: IndicatorPart; readonly located: Located };
}

/** How far above a position the grid header is looked for (a form's grid is short). */
const HEADER_WINDOW = 5_000;

/** The form `line` stands in, with its model. */
export function formAt(doc: TargetDocument, line: number): { table: Table; model: ModelTable } | undefined {
  if (layoutAtLine(doc, line) !== 'form') return undefined;
  const table = tableAtLine(doc, line);
  const model = table?.model;
  return table && model ? { table, model } : undefined;
}

/** The grid header row of the form at or above `line`. */
export function gridHeaderAt(doc: TargetDocument, table: Table, line: number): RowRef | undefined {
  for (let l = Math.min(line, table.endLine); l >= Math.max(table.startLine, line - HEADER_WINDOW); l--) {
    const ref = doc.rows[l];
    if (ref && ref.line === l && ref.row.text.includes('一级') && isGridHeader(ref.row)) return ref;
  }
  return undefined;
}

/** The role of each column of a grid header (the first column naming a role, as the reader takes it). */
export function gridRoles(header: RowRef): Map<number, IndicatorPart> {
  const out = new Map<number, IndicatorPart>();
  const seen = new Set<IndicatorPart>();
  header.row.cells.forEach((c, i) => {
    const role = columnRole(c.text);
    if (role && !seen.has(role)) {
      seen.add(role);
      out.set(i, role);
    }
  });
  return out;
}

/** The project of a form `line` belongs to (the last one starting at or before it). */
function projectAt(model: ModelTable, line: number): ModelProject | undefined {
  let found = model.projects[0];
  for (const p of model.projects) if (p.place.line <= line) found = p;
  return found;
}

const PARTS: readonly IndicatorPart[] = INDICATOR_PARTS;

/** The indicator of the grid row starting at `line`. */
export function indicatorAtLine(project: ModelProject, line: number): ModelIndicator | undefined {
  return project.indicators.find((i) => i.place.line === line);
}

/** Where `pos` stands in a form; undefined outside every form. */
export function formPlaceAt(doc: TargetDocument, pos: Position): FormPlace | undefined {
  const ref = doc.rows[pos.line];
  if (!ref) return undefined;
  const form = formAt(doc, ref.line);
  if (!form) return undefined;
  const project = projectAt(form.model, ref.line);
  if (!project) return undefined;
  const offset = rowOffset(ref, pos);
  const cellIndex = cellIndexAt(ref.row, offset);
  const cell = ref.row.cells[cellIndex];
  const header = gridHeaderAt(doc, form.table, ref.line);
  const base = {
    ref,
    table: form.table,
    model: form.model,
    project,
    offset,
    cellIndex,
    ...(cell ? { cell } : {}),
    ...(header ? { header } : {}),
  };
  if (!header) return { ...base, kind: 'block' };
  const role = gridRoles(header).get(cellIndex);
  if (header === ref || header.line === ref.line) return { ...base, kind: 'grid-header', ...(role ? { role } : {}) };
  // A labelled field below the grid (the review opinion, who filled it in) is the footer's.
  if (project.fields.some((f) => f.label.place.line === ref.line)) return { ...base, kind: 'block' };
  const indicator = indicatorAtLine(project, ref.line);
  let part: FormPlace['part'];
  if (indicator) {
    for (const p of PARTS) {
      const located = indicator[p];
      if (located && located.place.line === ref.line && inSpan(located.place.span, offset)) {
        part = { part: p, located };
        break;
      }
    }
  }
  return {
    ...base,
    kind: 'grid',
    ...(role ? { role } : {}),
    ...(indicator ? { indicator } : {}),
    ...(part ? { part } : {}),
  };
}
