/**
 * Running the row rules over a row and caching their results. Guarantees: a row's results are a
 * pure function of the row, the settings object and the money unit of its table (so a cached entry
 * is never stale); a rule that throws becomes an `internal-error` report, never a crash; a cell
 * lists at most `MAX_FINDINGS_PER_CELL` findings (`capped`) except for fix-all's unbounded checker;
 * every row checked keeps its packed counts per severity, its results only while the ring holds it.
 */
import { type MoneyUnit } from '../catalogue';
import { DEFAULT_CONFIG, type Config } from '../config';
import { RULES } from '../rules';
import { sevenColumnProject } from '../model/seven-column';
import type { ModelProject } from '../model/types';
import { asRowRule, internalError } from '../rules/project';
import { cellLimits, MAX_FINDINGS_PER_CELL } from '../rules/cell-limits';
import type { Settings } from '../settings';
import type { RowContext, RowFix, RowReport, RowRule } from '../rules/types';
import type { ParsedRow } from '../syntax/document';
import type { Steps } from '../steps';
import { SEVERITY_INDEX, severityOf } from './findings';

/**
 * The defaults (no options), or settings as `settings.ts` resolves them: a config never travels
 * without the path its `ignore` globs are matched against (`file`, undefined for text that is no
 * file), so that no front end can check a file with its settings but without its path.
 */
export type CheckOptions = ({ readonly config?: undefined; readonly file?: undefined } | Settings) & {
  /** Whose caches to use: by default the one checker of the config (`checkerOf`). */
  readonly checker?: Checker;
};

export interface RowResult {
  readonly rule: RowRule;
  readonly reports: readonly RowReport[];
}

/**
 * Row results per config, for the rows checked most recently; the findings counts of every row.
 * A city's table has tens of thousands of findings: keeping them all made the server hold more
 * findings than text and the garbage collector re-mark them all the time. Rows and configs are
 * immutable, so an entry is never stale; an evicted row is checked again when its findings are read.
 */
class ResultCache {
  static readonly KEPT = 4096;
  private readonly results = new Map<ParsedRow, { readonly slot: number; readonly results: readonly RowResult[] }>();
  private readonly ring: Array<ParsedRow | undefined>;
  private next = 0;

  /** `kept`: how many rows' results; Infinity for a check that reads them all at once. */
  constructor(private readonly kept: number = ResultCache.KEPT) {
    this.ring = Number.isFinite(kept) ? new Array<ParsedRow | undefined>(kept) : [];
  }

  /**
   * Per row, its findings per severity (most severe first): packed 13 bits each, lowest first, or as a
   * list when one count does not fit (a pathological line). Read with `unpackCounts`.
   */
  readonly counts = new WeakMap<ParsedRow, number | readonly number[]>();

  get bounded(): boolean {
    return Number.isFinite(this.kept);
  }

  get(row: ParsedRow): readonly RowResult[] | undefined {
    return this.results.get(row)?.results;
  }

  set(row: ParsedRow, results: readonly RowResult[]): void {
    if (!Number.isFinite(this.kept)) {
      this.results.set(row, { slot: 0, results });
      return;
    }
    const slot = this.next;
    const old = this.ring[slot];
    if (old && this.results.get(old)?.slot === slot) this.results.delete(old);
    this.ring[slot] = row;
    this.next = (slot + 1) % this.kept;
    this.results.set(row, { slot, results });
  }
}

const COUNT_BITS = 8192;

/** Writes a row's counts (as `ResultCache.counts` packs them) into `counts[k]` … `counts[k + 3]`. */
export function unpackCounts(packed: number | readonly number[], counts: Uint32Array, k: number): void {
  if (typeof packed !== 'number') {
    for (let s = 0; s < 4; s++) counts[k + s] = packed[s] ?? 0;
    return;
  }
  counts[k] = packed % COUNT_BITS;
  counts[k + 1] = Math.floor(packed / COUNT_BITS) % COUNT_BITS;
  counts[k + 2] = Math.floor(packed / COUNT_BITS ** 2) % COUNT_BITS;
  counts[k + 3] = Math.floor(packed / COUNT_BITS ** 3) % COUNT_BITS;
}

/**
 * The row checks of one settings object: the row rules it runs and their results per money unit
 * (a row's findings depend on the unit of the table it stands in — `total-mismatch`'s tolerance and
 * message, `cost-exceeds-budget` — and the same row text may stand in tables of different units).
 * One per settings object (`checkerOf`), living as long as it: a settings change makes a new config
 * and so a new checker. Fix-all makes its own (`wholeChecker`), which keeps every row's results
 * while it re-checks after each round of edits, instead of rebuilding what the shared one dropped.
 */
export class Checker {
  /** The row rules not `off`. */
  readonly rules: readonly RowRule[];
  private readonly byUnit = new Map<MoneyUnit, ResultCache>();

  constructor(
    readonly config: Config,
    private readonly kept: number = ResultCache.KEPT,
  ) {
    this.rules = RULES.filter((r) => severityOf(config, r.id, r.defaultSeverity) !== 'off').flatMap((r) =>
      r.scope === 'row' ? [r] : r.scope === 'project' ? [asRowRule(r)] : [],
    );
  }

  /** The results of rows in tables of money unit `unit`. */
  cache(unit: MoneyUnit): ResultCache {
    let cache = this.byUnit.get(unit);
    if (!cache) {
      cache = new ResultCache(this.kept);
      this.byUnit.set(unit, cache);
    }
    return cache;
  }
}

const checkers = new WeakMap<Config, Checker>();

/** The checker of a settings object (made once per object). */
export function checkerOf(config: Config): Checker {
  let checker = checkers.get(config);
  if (!checker) {
    checker = new Checker(config);
    checkers.set(config, checker);
  }
  return checker;
}

/** A checker of its own for a check that reads every row's findings again and again (fix-all). */
export function wholeChecker(config: Config): Checker {
  return new Checker(config, Infinity);
}

/** The checker whose caches a check with `options` uses. */
export function checkerFor(options: CheckOptions): Checker {
  return options.checker ?? checkerOf(options.config ?? DEFAULT_CONFIG);
}

/**
 * The row rules' results for a row. `remember`: keep them for the next reader. A pass over every
 * row only counts (it remembers nothing in the shared, bounded cache): results kept a while and
 * then dropped would outlive the young generation and pile up as old garbage while a large file
 * opens. Whoever reads findings (a publish, a hover, a whole check) remembers them.
 */
export function checkRow(row: ParsedRow, checker: Checker, unit: MoneyUnit, remember = true): readonly RowResult[] {
  const cache = checker.cache(unit);
  const cached = cache.get(row);
  if (cached) return cached;
  // Fix-all's own check (an unbounded cache) sees every finding: it mends what no list shows.
  return store(
    cache,
    row,
    checker.config,
    runRowRules(row, checker.rules, checker.config, unit, cache.bounded),
    remember,
  );
}

/**
 * `checkRow` a rule per step (see `steps.ts`): for a giant row (a table pasted as one line), whose
 * rules run together held the event loop longer than a request may wait.
 */
export function* checkRowSteps(row: ParsedRow, checker: Checker, unit: MoneyUnit): Steps<readonly RowResult[]> {
  const cache = checker.cache(unit);
  const cached = cache.get(row);
  if (cached) return cached;
  const run = new RuleRun(row, checker.config, unit);
  for (const rule of checker.rules) {
    run.run(rule);
    yield;
  }
  return store(cache, row, checker.config, cache.bounded ? capped(row, run.results) : run.results, true);
}

/** Keeps a row's results (when `remember`, or in an unbounded cache) and always its counts. */
function store(
  cache: ResultCache,
  row: ParsedRow,
  config: Config,
  results: readonly RowResult[],
  remember: boolean,
): readonly RowResult[] {
  if (remember || !cache.bounded) cache.set(row, results);
  if (!cache.counts.has(row)) {
    const per = [0, 0, 0, 0];
    for (const { rule, reports } of results) {
      const severity = severityOf(config, rule.id, rule.defaultSeverity);
      if (severity !== 'off') per[SEVERITY_INDEX[severity]] = (per[SEVERITY_INDEX[severity]] ?? 0) + reports.length;
    }
    const [e = 0, w = 0, i = 0, h = 0] = per;
    cache.counts.set(
      row,
      Math.max(e, w, i, h) < COUNT_BITS ? e + COUNT_BITS * (w + COUNT_BITS * (i + COUNT_BITS * h)) : per,
    );
  }
  return results;
}

/** Rows the row rules look at: blank lines and lines without cells (titles, stray text) have none. */
export function checkable(row: ParsedRow): boolean {
  return row.kind !== 'blank' && row.kind !== 'text';
}

/** Row rules run over one row, one after the other: the rules that reported, with their reports. */
class RuleRun {
  readonly results: RowResult[] = [];
  private reports: RowReport[] = [];
  // One context per row, not per rule and row: this runs for every row of a file.
  private readonly ctx: RowContext;

  constructor(
    private readonly row: ParsedRow,
    config: Config,
    unit: MoneyUnit,
  ) {
    let project: ModelProject | undefined;
    this.ctx = {
      config,
      unit,
      get project() {
        return (project ??= sevenColumnProject(row, 0));
      },
      report: (r) => {
        flatten(r);
        this.reports.push(r);
      },
    };
  }

  run(rule: RowRule): void {
    try {
      rule.checkRow(this.row, this.ctx);
    } catch (e) {
      this.reports.push(internalError(rule.id, e, { start: 0, end: this.row.text.length }));
    }
    if (this.reports.length > 0) {
      this.results.push({ rule, reports: this.reports });
      this.reports = [];
    }
  }
}

/** Every active row rule over one row; the rules that reported, with their reports. */
export function runRowRules(
  row: ParsedRow,
  rules: readonly RowRule[],
  config: Config,
  unit: MoneyUnit,
  cap = true,
): RowResult[] {
  const run = new RuleRun(row, config, unit);
  for (const rule of rules) run.run(rule);
  return cap ? capped(row, run.results) : run.results;
}

/**
 * At most `MAX_FINDINGS_PER_CELL` findings per cell, the first in place order, then one note of
 * `cell-limits` counting the rest: a table pasted as one line made millions of findings (hundreds
 * of megabytes of output). Applied where the rules run, so the server and the command line agree.
 */
function capped(row: ParsedRow, results: RowResult[]): RowResult[] {
  let total = 0;
  for (const r of results) total += r.reports.length;
  if (total <= MAX_FINDINGS_PER_CELL) return results;
  const cells = row.cells.map((c) => c.span.start);
  const cellOf = (at: number): number => {
    let lo = 0;
    let hi = cells.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((cells[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const all: Array<{ readonly cell: number; readonly rule: string; readonly report: RowReport }> = [];
  for (const { rule, reports } of results) {
    if (rule.id === cellLimits.id) continue;
    for (const report of reports) all.push({ cell: cellOf(report.span.start), rule: rule.id, report });
  }
  const perCell = new Map<number, number>();
  for (const x of all) perCell.set(x.cell, (perCell.get(x.cell) ?? 0) + 1);
  if ([...perCell.values()].every((n) => n <= MAX_FINDINGS_PER_CELL)) return results;
  all.sort((a, b) => a.report.span.start - b.report.span.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const kept = new Set<RowReport>();
  const notes: RowReport[] = [];
  const taken = new Map<number, number>();
  for (const x of all) {
    const n = (taken.get(x.cell) ?? 0) + 1;
    taken.set(x.cell, n);
    if (n <= MAX_FINDINGS_PER_CELL) kept.add(x.report);
    else if (n === MAX_FINDINGS_PER_CELL + 1) {
      const more = (perCell.get(x.cell) ?? 0) - MAX_FINDINGS_PER_CELL;
      notes.push({
        span: x.report.span,
        message: {
          zh: `此单元格另有 ${more} 条问题未列出（每个单元格最多列出 ${MAX_FINDINGS_PER_CELL} 条）`,
          en: `${more} more findings in this cell not listed (at most ${MAX_FINDINGS_PER_CELL} per cell are)`,
        },
      });
    }
  }
  const out: RowResult[] = [];
  let own: RowReport[] | undefined;
  for (const r of results) {
    if (r.rule.id === cellLimits.id) {
      own = [...r.reports];
      continue;
    }
    const reports = r.reports.filter((x) => kept.has(x));
    if (reports.length > 0) out.push({ rule: r.rule, reports });
  }
  const limits = [...(own ?? []), ...notes];
  if (limits.length > 0) out.push({ rule: cellLimits, reports: limits });
  return out;
}

/**
 * Turns a message's strings, built by template literals, into flat ones. V8 keeps a concatenation as
 * a tree of pieces (about fifteen 32-byte nodes per message): for a city's table of findings that
 * tree was most of the memory findings held and of what each young-generation collection copied.
 * Reading a character flattens a string in place; the collector then drops the tree.
 */
function flatten(report: RowReport): void {
  flat(report.message.zh);
  flat(report.message.en);
  for (const f of report.fixes ?? NO_FIXES) {
    flat(f.title.zh);
    flat(f.title.en);
  }
}

const NO_FIXES: readonly RowFix[] = Object.freeze([]);

/** Read from a flattened string, kept so that the optimiser cannot drop the read as unused. */
let flattened = 0;

function flat(s: string): void {
  // Reading a character of a concatenation makes V8 flatten it; the value itself does not matter.
  if (s.length > 0) flattened = (flattened + s.charCodeAt(s.length - 1)) | 0;
}
