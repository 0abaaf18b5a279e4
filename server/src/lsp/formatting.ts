/**
 * Formatting: official punctuation in the indicator language, ASCII digits, letters and dashes in
 * codes and values, the canonical form of what the parser read as meant (sequence marks, full stops,
 * label variants), amounts with thousands separators and two decimals, HTML removed, whitespace
 * around cells trimmed. Nothing else changes: no amount
 * is rounded (an amount with more than two decimals is left for amount-style), no character of
 * content is lost, and formatting twice gives the same text.
 */
import type { Range, TextEdit } from 'vscode-languageserver';
import type { Config } from '../config';
import { amountRewrite, htmlReplacement, officialMark, targetWidth } from '../syntax/canonical';
import { lastLineOf, parseRow, type ParsedRow, type TargetDocument } from '../syntax/document';
import { indicatorCharEdits } from '../syntax/normalize';
import { rowEdit } from './positions';
import { runAll, type Steps } from '../steps';

interface LineEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Applies non-overlapping edits in one pass (slicing per edit would be quadratic on a long line). */
export function applyLineEdits(
  text: string,
  edits: ReadonlyArray<{ readonly start: number; readonly end: number; readonly newText: string }>,
): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start < at) continue;
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Pass 1: HTML, amounts and punctuation, as edits of the original line. */
function contentEdits(row: ParsedRow, config: Config): LineEdit[] {
  const edits: LineEdit[] = [];
  for (const cell of row.cells) {
    for (const h of cell.html)
      edits.push({ start: h.start, end: h.end, newText: htmlReplacement(row.text.slice(h.start, h.end)) });
  }
  if (row.kind === 'project' || row.kind === 'unit' || row.kind === 'total') {
    for (const a of row.amounts) {
      // Only safe rewrites: formatting never rounds an amount.
      const rewrite = amountRewrite(a);
      if (rewrite?.safe) edits.push({ ...a.cell.textSpan, newText: rewrite.text });
    }
  }
  const indicators = row.indicators?.indicators ?? [];
  const width = targetWidth(
    config.punctuationStyle,
    indicators.flatMap((i) => i.punctuation),
  );
  for (const ind of indicators) {
    for (const p of ind.punctuation) {
      const mark = officialMark(width, p.role);
      if (p.char !== mark) edits.push({ ...p.span, newText: mark });
    }
    // Full-width digits and letters, IME dashes: in ASCII, as the finance system reads them.
    for (const e of indicatorCharEdits(ind, row.text)) edits.push(e);
  }
  // The parser's canonical marks and words (a sequence number written `3．`, a missing full stop, a label variant…).
  for (const p of row.indicators?.problems ?? []) {
    const fix = p.fixes?.[0];
    if (fix?.safe && fix.format) for (const e of fix.edits) edits.push({ ...e.span, newText: e.newText });
  }
  return edits;
}

/** Pass 2: whitespace at the edges of every cell, and at the end of free lines. */
function trimCells(line: string): string {
  if (!line.includes('\t')) return line.replace(/[ \u3000]+$/, '');
  return line
    .split('\t')
    .map((c) => c.replace(/^[ \u3000\u00a0]+|[ \u3000\u00a0]+$/g, ''))
    .join('\t');
}

function formatOnce(body: string, config: Config): string {
  const row = parseRow(body);
  if (row.kind === 'blank') return body.trim() === '' && !body.includes('\t') ? '' : body;
  return trimCells(applyLineEdits(body, contentEdits(row, config)));
}

/**
 * Formats one line to a fixed point: removing HTML can reveal structure (`实<p>施周期指标值` is a
 * label once the tag is gone), which the next pass then formats, so formatting twice changes nothing.
 */
export function formatLine(text: string, config: Config): string {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  let body = bom ? text.slice(1) : text;
  for (let pass = 0; pass < 4; pass++) {
    const next = formatOnce(body, config);
    if (next === body) break;
    body = next;
  }
  return bom + body;
}

/**
 * One minimal edit per changed row (a row may span lines: a quoted cell with line breaks), for the
 * rows of `range` (the whole document without one); a step per row.
 */
export function* formatSteps(doc: TargetDocument, config: Config, range?: Range): Steps<TextEdit[]> {
  const from = range ? Math.max(0, range.start.line) : 0;
  const to = range ? Math.min(range.end.line, doc.rows.length - 1) : doc.rows.length - 1;
  const edits: TextEdit[] = [];
  for (let line = Math.min(from, doc.rows[from]?.line ?? from); line <= to;) {
    const ref = doc.rows[line];
    if (!ref) break;
    const edit = rowEdit(ref, formatLine(ref.row.text, config));
    if (edit) edits.push(edit);
    line = lastLineOf(ref) + 1;
    yield;
  }
  return edits;
}

export function formatDocument(doc: TargetDocument, config: Config, range?: Range): TextEdit[] {
  return runAll(formatSteps(doc, config, range));
}
