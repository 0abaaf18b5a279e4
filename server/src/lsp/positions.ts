/**
 * Where a position stands in the tree, and LSP ranges from row spans. A span is an offset range of
 * its row's text; a row may span several lines (a quoted cell with line breaks), so ranges are
 * made from the row (`rangeOf`, `rangeAt`) and positions read into it (`offsetIn`), never by
 * pairing a line with offsets.
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver';
import {
  offsetIn,
  placeOf,
  positionIn,
  type Cell,
  type ParsedRow,
  type RowPlace,
  type RowRef,
  type Span,
  type TargetDocument,
} from '../syntax/document';
import type { CodeNode, IndicatorNode, ValueNode } from '../syntax/indicators';

/** The range of a span of one line's text (not of a row: see `rangeOf`). */
export function toRange(line: number, span: Span): Range {
  return { start: { line, character: span.start }, end: { line, character: span.end } };
}

/** The range of a span of a row's text. */
export function rangeOf(ref: RowPlace, span: Span): Range {
  if (!ref.row.breaks) return toRange(ref.line, span);
  return { start: positionIn(ref, span.start), end: positionIn(ref, span.end) };
}

/** The range of a span of the row starting at `line` (a finding's or an edit's place). */
export function rangeAt(doc: TargetDocument, line: number, span: Span): Range {
  return placeOf(doc, line, span);
}

/** The offset in its row's text of a position on one of the row's lines. */
export function rowOffset(ref: RowRef, pos: Position): number {
  return offsetIn(ref, pos.line, pos.character);
}

/** Inclusive of both ends, so that a cursor right after a word still stands on it. */
export function inSpan(span: Span, character: number): boolean {
  return character >= span.start && character <= span.end;
}

export type Place =
  | { kind: 'level1' | 'level2'; ref: RowRef; indicator: IndicatorNode; node: CodeNode }
  | { kind: 'value'; ref: RowRef; indicator: IndicatorNode; value: ValueNode }
  | { kind: 'indicator-name'; ref: RowRef; indicator: IndicatorNode }
  | { kind: 'indicator'; ref: RowRef; indicator: IndicatorNode }
  | { kind: 'amount'; ref: RowRef; column: number }
  | { kind: 'name'; ref: RowRef }
  | { kind: 'goal'; ref: RowRef }
  | { kind: 'row'; ref: RowRef };

export function cellIndexAt(row: ParsedRow, character: number): number {
  return row.cells.findIndex((c: Cell) => character >= c.span.start && character <= c.span.end);
}

export function indicatorAt(row: ParsedRow, character: number): IndicatorNode | undefined {
  return row.indicators?.indicators.find((i) => inSpan(i.span, character));
}

/** The most specific node at a position; undefined past the end of the document or on a blank line. */
export function placeAt(doc: TargetDocument, pos: Position): Place | undefined {
  const ref = doc.rows[pos.line];
  if (!ref || ref.row.kind === 'blank') return undefined;
  const { row } = ref;
  const ch = rowOffset(ref, pos);
  if (row.kind === 'project' || row.kind === 'unit' || row.kind === 'total') {
    const ind = indicatorAt(row, ch);
    if (ind) {
      if (ind.level1 && inSpan(ind.level1.span, ch)) return { kind: 'level1', ref, indicator: ind, node: ind.level1 };
      if (ind.level2 && inSpan(ind.level2.span, ch)) return { kind: 'level2', ref, indicator: ind, node: ind.level2 };
      for (const v of ind.values) {
        if (inSpan({ start: v.labelSpan.start, end: Math.max(v.span.end, v.labelSpan.end) }, ch))
          return { kind: 'value', ref, indicator: ind, value: v };
      }
      if (ind.name && inSpan(ind.name.span, ch)) return { kind: 'indicator-name', ref, indicator: ind };
      return { kind: 'indicator', ref, indicator: ind };
    }
    const cell = cellIndexAt(row, ch);
    if (cell === 0) return { kind: 'name', ref };
    if (cell >= 1 && cell <= 4) return { kind: 'amount', ref, column: cell - 1 };
    if (cell === 5) return { kind: 'goal', ref };
  }
  return { kind: 'row', ref };
}

/** The smallest single edit that turns line `line` from `before` into `after`; undefined when equal. */
export function lineEdit(line: number, before: string, after: string): TextEdit | undefined {
  return rowEdit({ line, row: { text: before } }, after);
}

/** The smallest single edit that turns a row's text into `after`; undefined when equal. */
export function rowEdit(ref: RowPlace, after: string): TextEdit | undefined {
  const before = ref.row.text;
  if (before === after) return undefined;
  let s = 0;
  while (s < before.length && s < after.length && before[s] === after[s]) s++;
  let e = 0;
  while (e < before.length - s && e < after.length - s && before[before.length - 1 - e] === after[after.length - 1 - e])
    e++;
  const newText = after.slice(s, after.length - e);
  if (!ref.row.breaks)
    return {
      range: { start: { line: ref.line, character: s }, end: { line: ref.line, character: before.length - e } },
      newText,
    };
  return { range: { start: positionIn(ref, s), end: positionIn(ref, before.length - e) }, newText };
}
