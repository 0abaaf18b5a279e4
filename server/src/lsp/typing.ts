/**
 * Typing comfort: which findings wait while the clerk is typing. A finding about text still being
 * typed is noise (“1.” is not an amount, a row without its indicators yet “lacks a goal”), and one
 * that changes with every character is a new message per keystroke. So the place being typed — the
 * CELL for the name, amounts and goal, the INDICATOR within the indicator cell — shows no finding
 * until the clerk leaves it (focus mode: the cursor moves out) or, in an editor that never says
 * where its cursor is, until typing pauses (`TYPING_PAUSE_MS`). Everything else publishes as ever.
 *
 * Held while typing at (`line`, `character`), on that line only:
 * - findings lying within the unit being typed: the cell under the cursor, or in the indicator
 *   cell the indicator under it (the other indicators' findings still show; where no indicator
 *   stands yet, the whole cell);
 * - in an amount cell, findings within any of the row's four amount cells: a row's sum being off
 *   while its amounts are typed (`total-mismatch` on 总计 while 财政拨款 is typed) is noise;
 * - findings about the row being complete (`ROW_COMPLETENESS_RULES`: too few cells, a goal without
 *   indicators, a missing class of indicators), wherever the rule places them: a row typed left to
 *   right is incomplete until its last cell is typed.
 * Findings already shown at that place before typing began are held too (they may change with
 * every character, and a message that comes and goes per keystroke is what this avoids); they
 * come back when the clerk leaves the place. The decision reads one row: it costs a publish nothing.
 */
import type { Finding } from '../rules/types';
import type { ParsedRow, Span } from '../syntax/document';
import { indicatorAt } from './positions';

/** How long typing must pause before the findings of the cell edited last show, without focus notifications. */
export const TYPING_PAUSE_MS = 1000;

/** Rules whose findings say that a row is incomplete: held on the row being typed, wherever placed. */
export const ROW_COMPLETENESS_RULES: ReadonlySet<string> = new Set(['row-columns', 'empty-goal', 'missing-category']);

/** The place being typed and what it holds back. */
export interface TypingUnit {
  readonly line: number;
  /** Findings within one of these spans (of `line`) are held. */
  readonly spans: readonly Span[];
  /** Identifies the unit across keystrokes (its start, which typing at its end does not move). */
  readonly key: string;
}

const FIRST_AMOUNT = 1;
const LAST_AMOUNT = 4;
const INDICATORS = 6;

/** The unit being typed at `character` of `row` (line `line`). */
export function typingUnit(row: ParsedRow, line: number, character: number): TypingUnit {
  // Cells' spans hold their text, tabs excluded; a position right after a cell's text is in it.
  const index = row.cells.findIndex((c) => character >= c.span.start && character <= c.span.end);
  const cell = row.cells[index];
  if (!cell) return { line, spans: [{ start: 0, end: row.text.length }], key: `${line}:line` };
  const structured = row.kind === 'project' || row.kind === 'unit' || row.kind === 'total';
  if (structured && index >= FIRST_AMOUNT && index <= LAST_AMOUNT) {
    const spans = row.cells.slice(FIRST_AMOUNT, LAST_AMOUNT + 1).map((c) => c.span);
    return { line, spans, key: `${line}:amounts` };
  }
  if (structured && index === INDICATORS && row.kind === 'project') {
    const ind = indicatorAt(row, character);
    if (ind) return { line, spans: [ind.span], key: `${line}:indicator:${ind.span.start}` };
  }
  return { line, spans: [cell.span], key: `${line}:cell:${cell.span.start}` };
}

/** Whether `f` waits while `unit` is typed. */
export function isHeld(unit: TypingUnit, f: Finding): boolean {
  if (f.line !== unit.line) return false;
  if (ROW_COMPLETENESS_RULES.has(f.rule)) return true;
  for (const s of unit.spans) if (f.span.start >= s.start && f.span.end <= s.end) return true;
  return false;
}

/** Where an edit changed a line: `start`..`oldEnd` of the text before became `start`..`end` after. */
export interface LineEdit {
  readonly start: number;
  readonly oldEnd: number;
  /** The cursor after typing or pasting there; the place of a deletion. */
  readonly end: number;
}

/** What changed in a line, from its text before and after an edit (one pass over the line). */
export function lineChange(before: string | undefined, after: string): LineEdit {
  if (before === undefined) return { start: 0, oldEnd: 0, end: after.length };
  let prefix = 0;
  const n = Math.min(before.length, after.length);
  while (prefix < n && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < n - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  return { start: prefix, oldEnd: before.length - suffix, end: after.length - suffix };
}
