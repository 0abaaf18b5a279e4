/**
 * The row rules' findings of a document, line by line. Guarantees: a row's findings stand at its
 * first line; a line of a form or of a table of unknown columns has none (`readsRows`); counts per
 * line equal the findings read later (after `ignore`); a re-check reuses the counts of every line
 * whose row object is unchanged; the server's passes over every row only count (nothing kept in
 * the shared ring), whoever reads findings keeps them.
 */
import { DEFAULT_MONEY_UNIT } from '../catalogue';
import type { Config } from '../config';
import type { Finding } from '../rules/types';
import { layoutAtLine, RowCache, unitAtLine, type RowRef, type TargetDocument } from '../syntax/document';
import { runInSlices, type Steps } from '../steps';
import {
  Checker,
  checkable,
  checkerFor,
  checkerOf,
  checkRow,
  checkRowSteps,
  unpackCounts,
  type CheckOptions,
} from './checker';
import { NONE, notIgnored, rowFindings, SEVERITY_INDEX } from './findings';

/** The row rules' findings of a document, counted per line; a check after an edit reuses the unchanged lines'. */
export interface RowChecks {
  readonly doc: TargetDocument;
  /** Whose settings and caches (`checker.config` is the config). */
  readonly checker: Checker;
  readonly file: string | undefined;
  /**
   * Per line, how many findings of each severity (most severe first): `counts[line * 4 + s]`. The
   * findings themselves are built again when read (`CheckResult.at`).
   */
  readonly counts: Uint32Array;
  /**
   * Every row finding in line order, read as the rows were counted, for a check that lists them all
   * next (`checkDocument`): reading them again would run the rules twice on a file of more rows than
   * the shared cache keeps results for. Absent for the server's checks, which read a few lines.
   */
  readonly found?: readonly Finding[];
}

/**
 * Runs the row rules over every row and counts their findings per line. With `previous` (the same
 * config and file, an earlier version of the document), a line whose row is the same object as
 * before keeps its counts, so a keystroke costs the edited rows and one pass over the lines.
 */
export function checkRows(doc: TargetDocument, options: CheckOptions = {}, previous?: RowChecks): RowChecks {
  // A plain loop, not `runAll(checkRowsSteps(…))`: this runs on every keystroke, over every line.
  const count = new LineCounter(doc, options, previous, false);
  for (let i = 0; i < doc.rows.length; i++) count.line(i);
  return count.result;
}

/**
 * `checkRows`, a step per line (see `steps.ts`). `read`: read every row's findings as it is counted
 * and keep them (`RowChecks.found`), for a check that reads them all next (`checkDocument`).
 */
export function* checkRowsSteps(
  doc: TargetDocument,
  options: CheckOptions = {},
  previous?: RowChecks,
  read = false,
): Steps<RowChecks> {
  const count = new LineCounter(doc, options, previous, read);
  for (let i = 0; i < doc.rows.length; i++) {
    count.line(i);
    yield;
  }
  return count.result;
}

/** The counts of `checkRows`, filled a line at a time. */
class LineCounter {
  readonly result: RowChecks;
  private readonly reuse: RowChecks | undefined;
  private readonly found: Finding[] | undefined;

  constructor(
    private readonly doc: TargetDocument,
    options: CheckOptions,
    previous: RowChecks | undefined,
    read: boolean,
  ) {
    const checker = checkerFor(options);
    const file = options.file;
    const counts = new Uint32Array(doc.rows.length * 4);
    this.reuse = previous && previous.checker === checker && previous.file === file ? previous : undefined;
    this.found = read ? [] : undefined;
    this.result = this.found ? { doc, checker, file, counts, found: this.found } : { doc, checker, file, counts };
  }

  line(i: number): void {
    const { doc, reuse } = this;
    const { checker, file, counts } = this.result;
    const ref = doc.rows[i];
    // A row of several lines is counted at its first.
    if (!ref || ref.line !== i) return;
    const k = i * 4;
    if (this.found) {
      const found = findingsOfRow(doc, ref, checker, file);
      if (found.length === 0) return;
      for (const f of found) this.found.push(f);
      const packed =
        checker.config.ignore.length > 0 ? undefined : checker.cache(unitAtLine(doc, i)).counts.get(ref.row);
      if (packed === undefined) this.count(found, k);
      else unpackCounts(packed, counts, k);
      return;
    }
    if (reuse && reuse.doc.rows[i]?.row === ref.row) {
      const from = reuse.counts;
      counts[k] = from[k] ?? 0;
      counts[k + 1] = from[k + 1] ?? 0;
      counts[k + 2] = from[k + 2] ?? 0;
      counts[k + 3] = from[k + 3] ?? 0;
      return;
    }
    if (!readsRows(doc, i)) return;
    if (checker.config.ignore.length > 0) {
      this.count(findingsOfRow(doc, ref, checker, file), k);
      return;
    }
    if (!checkable(ref.row)) return;
    const unit = unitAtLine(doc, i);
    const cache = checker.cache(unit);
    let packed = cache.counts.get(ref.row);
    if (packed === undefined) {
      checkRow(ref.row, checker, unit, false);
      packed = cache.counts.get(ref.row) ?? 0;
    }
    unpackCounts(packed, counts, k);
  }

  /** Counts a line's findings, at `counts[k]` … `counts[k + 3]`. */
  private count(found: readonly Finding[], k: number): void {
    const { counts } = this.result;
    for (const f of found) counts[k + SEVERITY_INDEX[f.severity]] = (counts[k + SEVERITY_INDEX[f.severity]] ?? 0) + 1;
  }
}

/** The row rules' findings of the row `ref` of `doc` (none on a line of a form or of an unknown layout). */
export function findingsOfRow(
  doc: TargetDocument,
  ref: RowRef,
  checker: Checker,
  file: string | undefined,
): readonly Finding[] {
  if (!checkable(ref.row) || !readsRows(doc, ref.line)) return NONE;
  const unit = unitAtLine(doc, ref.line);
  const { config } = checker;
  const results = checkRow(ref.row, checker, unit);
  if (results.length === 0) return NONE;
  const found = rowFindings(results, ref.row, ref.line, config);
  return config.ignore.length > 0 ? found.filter((f) => notIgnored(f, config, file)) : found;
}

/**
 * The row rules' findings of the row at `line` (cached with its row; a row of several lines has
 * them at its first): for a request that needs only that row.
 */
export function rowFindingsAt(doc: TargetDocument, line: number, options: CheckOptions = {}): readonly Finding[] {
  const ref = doc.rows[line];
  return ref ? findingsOfRow(doc, ref, checkerFor(options), options.file) : NONE;
}

/** Whether the row at `line` is read as a seven-column row (not part of a form or of a table of unknown columns). */
export function readsRows(doc: TargetDocument, line: number): boolean {
  return doc.tables.length === 0 || layoutAtLine(doc, line) === 'seven-column';
}

/** Rows longer than this are not checked in the step that parses them. */
export const GIANT_ROW = 64 * 1024;

/**
 * A row cache whose rows are checked as they are parsed (while `enabled()`), so that a later check
 * finds their counts without building an indicator tree again.
 */
export function checkingRowCache(by: () => Config | Checker, enabled: () => boolean = () => true): RowCache {
  const checker = (): Checker => {
    const c = by();
    return c instanceof Checker ? c : checkerOf(c);
  };
  return new RowCache(
    (row) => {
      // A giant row (a table pasted as one line) is checked in a turn of its own (`warmRowChecks`):
      // its parse and its rules together held the event loop past the 200 ms a request may wait.
      if (!checkable(row) || !enabled() || row.text.length > GIANT_ROW) return;
      // Before the rows are grouped, a row's table (and unit) is unknown: the default unit's results
      // serve every table that states none, the usual case.
      checkRow(row, checker(), DEFAULT_MONEY_UNIT, false);
    },
    () => checker().config.maxCellLength,
  );
}

/**
 * Runs the row rules over `doc` in slices (`runInSlices`), so that the following check finds every
 * row's counts (and the latest rows' results) cached. Returns false when `stale()` says the work is
 * moot.
 */
export async function warmRowChecks(doc: TargetDocument, config: Config, stale: () => boolean): Promise<boolean> {
  return (await runInSlices(rowCheckSteps(doc, checkerOf(config)), stale)) !== 'stopped';
}

/** Runs the row rules of every row not yet counted, a step per row. */
function* rowCheckSteps(doc: TargetDocument, checker: Checker): Steps<void> {
  for (let line = 0; line < doc.rows.length; line++) {
    const ref = doc.rows[line];
    if (!ref || ref.line !== line || !checkable(ref.row) || !readsRows(doc, line)) {
      yield;
      continue;
    }
    const unit = unitAtLine(doc, ref.line);
    if (!checker.cache(unit).counts.has(ref.row)) {
      // A giant row a rule per step, its results kept for the publish that follows.
      if (ref.row.text.length > GIANT_ROW) yield* checkRowSteps(ref.row, checker, unit);
      else checkRow(ref.row, checker, unit, false);
    }
    yield;
  }
}
