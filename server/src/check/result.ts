/**
 * A document's findings, and the one way to run a complete check. Guarantees: a `CheckResult`'s
 * findings of a line are the row rules' (`RowChecks`, built when read) merged with the document
 * rules' in place order; its counts and totals agree with them; `checkDocument` is the row checks
 * plus the document rules read through a `CheckResult`, so the editor, fix-all and the tests read
 * findings one way.
 */
import type { Finding } from '../rules/types';
import { unitAtLine, type TargetDocument } from '../syntax/document';
import { runAll, type Steps } from '../steps';
import { checkable, checkRow, checkRowSteps, type CheckOptions } from './checker';
import { checkDocumentRules } from './document';
import { mergeSorted, NONE, SEVERITY_INDEX, type SeverityCounts } from './findings';
import { checkRowsSteps, findingsOfRow, GIANT_ROW, readsRows, type RowChecks } from './rows';

/** Findings line by line: what the server publishes from without flattening tens of thousands. */
export interface FindingsByLine {
  readonly lineCount: number;
  /** The findings of one line, in place order. */
  at(line: number): readonly Finding[];
  /** How many findings of severity `s` (0 error … 3 hint) the line has. */
  count(line: number, s: number): number;
  /** How many of each severity (most severe first) the document has. */
  readonly totals: readonly number[];
}

/** A document's findings: row rules' per line, document rules' beside them, one list on demand. */
export class CheckResult implements FindingsByLine {
  private merged?: readonly Finding[];
  /**
   * The document rules' findings per line, counted when asked beside the row counts (not added
   * into a copy of them: a copy per keystroke was a line-sized array of garbage to promote).
   */
  private readonly documentByLine = new Map<number, Finding[]>();
  readonly totals: readonly number[];

  constructor(
    readonly rows: RowChecks,
    readonly documentFindings: readonly Finding[],
  ) {
    const totals = [0, 0, 0, 0];
    for (const f of documentFindings) {
      if (f.line < 0 || f.line >= rows.doc.rows.length) continue;
      let list = this.documentByLine.get(f.line);
      if (!list) {
        list = [];
        this.documentByLine.set(f.line, list);
      }
      list.push(f);
      const s = SEVERITY_INDEX[f.severity];
      totals[s] = (totals[s] ?? 0) + 1;
    }
    const row = rows.counts;
    for (let i = 0; i < row.length; i++) totals[i & 3] = (totals[i & 3] ?? 0) + (row[i] ?? 0);
    this.totals = totals;
  }

  get lineCount(): number {
    return this.rows.doc.rows.length;
  }

  private rowFindings(line: number): readonly Finding[] {
    const ref = this.rows.doc.rows[line];
    const { checker, file } = this.rows;
    return ref && ref.line === line ? findingsOfRow(this.rows.doc, ref, checker, file) : NONE;
  }

  /**
   * Has the row rules' results of a line at hand (checked again if they were dropped), without
   * building its findings: so that a publish can prepare the lines it lists in slices.
   */
  warm(line: number): void {
    const ref = this.rows.doc.rows[line];
    if (ref && ref.line === line && checkable(ref.row) && readsRows(this.rows.doc, line))
      checkRow(ref.row, this.rows.checker, unitAtLine(this.rows.doc, line));
  }

  /** `warm`, a rule per step on a giant row (a step in all on any other). */
  *warmSteps(line: number): Steps<void> {
    const ref = this.rows.doc.rows[line];
    if (!ref || ref.line !== line || !checkable(ref.row) || !readsRows(this.rows.doc, line)) return;
    if (ref.row.text.length > GIANT_ROW)
      yield* checkRowSteps(ref.row, this.rows.checker, unitAtLine(this.rows.doc, line));
    else this.warm(line);
  }

  at(line: number): readonly Finding[] {
    const own = this.rowFindings(line);
    const other = this.documentByLine.get(line);
    return other ? mergeSorted([...own], other) : own;
  }

  count(line: number, s: number): number {
    let n = this.rows.counts[line * 4 + s] ?? 0;
    // Called for every line and severity when a publish is planned: no iterator objects.
    const other = this.documentByLine.get(line);
    if (other) for (let i = 0; i < other.length; i++) if (SEVERITY_INDEX[(other[i] as Finding).severity] === s) n++;
    return n;
  }

  get severityCounts(): SeverityCounts {
    const [errors = 0, warnings = 0, information = 0, hints = 0] = this.totals;
    return { errors, warnings, notes: information + hints };
  }

  /** Every finding in place order (built once). */
  get findings(): readonly Finding[] {
    return runAll(this.findingSteps());
  }

  /** `findings`, a step per line (see `steps.ts`); at once when the row checks read them (`RowChecks.found`). */
  *findingSteps(): Steps<readonly Finding[]> {
    const { found } = this.rows;
    if (found) this.merged ??= mergeSorted(found, this.documentFindings);
    if (!this.merged) {
      const out: Finding[] = [];
      for (let line = 0; line < this.rows.doc.rows.length; line++) {
        for (const f of this.rowFindings(line)) out.push(f);
        yield;
      }
      this.merged ??= mergeSorted(out, this.documentFindings);
    }
    return this.merged;
  }
}

export function checkDocument(doc: TargetDocument, options: CheckOptions = {}): Finding[] {
  return runAll(checkDocumentSteps(doc, options));
}

/** `checkDocument`, a step per line (see `steps.ts`): the row checks, then every finding of their `CheckResult`. */
export function* checkDocumentSteps(doc: TargetDocument, options: CheckOptions = {}): Steps<Finding[]> {
  // Every row's findings are read as they are counted (`RowChecks.found`), for the `CheckResult` to list.
  const rows = yield* checkRowsSteps(doc, options, undefined, true);
  // The list is this check's own (the result is not kept): the caller may change it.
  return (yield* new CheckResult(rows, checkDocumentRules(doc, options)).findingSteps()) as Finding[];
}
