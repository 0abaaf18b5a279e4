/**
 * Runs the rules over a parsed document. Row rules run per distinct row; their results are cached
 * for the rows checked most recently and their counts for every row (rows are immutable and keyed
 * by text), so re-checking after a keystroke costs the changed rows plus the document rules.
 */
import { DEFAULT_MONEY_UNIT, type Bilingual, type MoneyUnit } from './catalogue';
import { DEFAULT_CONFIG, isIgnored, type Config } from './config';
import { RULES } from './rules';
import { sevenColumnProject } from './model/seven-column';
import type { ModelProject } from './model/types';
import { asRowRule, checkFormProjects, internalError } from './rules/project';
import { cellLimits, MAX_FINDINGS_PER_CELL } from './rules/cell-limits';
import { unknownLayout } from './rules/unknown-layout';
import type { Settings } from './settings';
import type {
  DocumentRule,
  Finding,
  Fix,
  Related,
  RowContext,
  RowFix,
  RowReport,
  RowRule,
  Rule,
  Severity,
} from './rules/types';
import {
  Grouper,
  groupRows,
  layoutAtLine,
  parseRow,
  RowCache,
  rowExtent,
  rowText,
  splitLines,
  unitAtLine,
  type ParsedRow,
  type RowRef,
  type Span,
  type TargetDocument,
} from './syntax/document';
import { runAll, runInSlices, type Steps } from './steps';

/**
 * The defaults (no options), or settings as `settings.ts` resolves them: a config never travels
 * without the path its `ignore` globs are matched against (`file`, undefined for text that is no
 * file), so that no front end can check a file with its settings but without its path.
 */
export type CheckOptions = ({ readonly config?: undefined; readonly file?: undefined } | Settings) & {
  /** Whose caches to use: by default the one checker of the config (`checkerOf`). */
  readonly checker?: Checker;
};

interface RowResult {
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
   * list when one count does not fit (a pathological line).
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

export function severityOf(config: Config, ruleId: string, fallback: Severity): Severity | 'off' {
  return config.rules[ruleId] ?? fallback;
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

function checkerFor(options: CheckOptions): Checker {
  return options.checker ?? checkerOf(options.config ?? DEFAULT_CONFIG);
}

/**
 * The row rules' results for a row. `remember`: keep them for the next reader. A pass over every
 * row only counts (it remembers nothing in the shared, bounded cache): results kept a while and
 * then dropped would outlive the young generation and pile up as old garbage while a large file
 * opens. Whoever reads findings (a publish, a hover, a whole check) remembers them.
 */
function checkRow(row: ParsedRow, checker: Checker, unit: MoneyUnit, remember = true): readonly RowResult[] {
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
function* checkRowSteps(row: ParsedRow, checker: Checker, unit: MoneyUnit): Steps<readonly RowResult[]> {
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
function checkable(row: ParsedRow): boolean {
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
function runRowRules(
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

/** The order findings are reported in: line, column, rule. */
function byPlace(a: Finding, b: Finding): number {
  // Rule ids are ASCII: code-unit order, without a locale's collation (slow, and machine-dependent).
  return a.line - b.line || a.span.start - b.span.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * A row rule's report placed at a line. Its related places and fixes get their line only when read
 * (quick fixes, fix-all, related information): tens of thousands of findings are built per check
 * of a large file, and copying every fix's edits made the check allocate twice what it reports.
 */
class RowFinding implements Finding {
  constructor(
    readonly rule: string,
    readonly severity: Severity,
    readonly line: number,
    private readonly report: RowReport,
    readonly project: string | undefined,
  ) {}

  get span(): Span {
    return this.report.span;
  }

  get message(): Bilingual {
    return this.report.message;
  }

  get related(): readonly Related[] | undefined {
    const line = this.line;
    return this.report.related?.map((x) => ({ line, span: x.span, message: x.message }));
  }

  get fixes(): readonly Fix[] | undefined {
    const line = this.line;
    const fixes = this.report.fixes;
    return fixes && fixes.length > 0
      ? fixes.map((f) => ({
          title: f.title,
          safe: f.safe,
          edits: f.edits.map((e) => ({ line, span: e.span, newText: e.newText })),
        }))
      : undefined;
  }
}

/**
 * The findings of one row at one line, built once and reused while the row keeps its text, its
 * line and its config: after a keystroke only the edited row's findings are new objects.
 */
const placedFindings = new WeakMap<
  readonly RowResult[],
  { readonly line: number; readonly findings: readonly Finding[] }
>();

function rowFindings(results: readonly RowResult[], row: ParsedRow, line: number, config: Config): readonly Finding[] {
  const cached = placedFindings.get(results);
  if (cached && cached.line === line) return cached.findings;
  const findings = placeFindings(results, row, line, config);
  placedFindings.set(results, { line, findings });
  return findings;
}

/**
 * A finding as a report of it needs it: rule, severity, place, message (and project, for ignores).
 * A whole check of a large file (the command line) keeps tens of thousands of them at once; each
 * full `RowFinding` kept its report's fixes and their edits alive too, and the collector copied all
 * of it while the check ran, for a reader that prints messages only.
 */
class ReportedFinding implements Finding {
  readonly span: Span;
  readonly message: Bilingual;

  constructor(
    readonly rule: string,
    readonly severity: Severity,
    readonly line: number,
    report: RowReport,
    readonly project: string | undefined,
  ) {
    this.span = report.span;
    this.message = report.message;
  }
}

type FindingClass = new (
  rule: string,
  severity: Severity,
  line: number,
  report: RowReport,
  project: string | undefined,
) => Finding;

/** A row's results as findings at `line`, in place order. */
function placeFindings(
  results: readonly RowResult[],
  row: ParsedRow,
  line: number,
  config: Config,
  as: FindingClass = RowFinding,
): Finding[] {
  const findings: Finding[] = [];
  const project = row.name?.text;
  for (const { rule, reports } of results) {
    const severity = severityOf(config, rule.id, rule.defaultSeverity);
    if (severity === 'off') continue;
    for (const r of reports) findings.push(new as(rule.id, severity, line, r, project));
  }
  for (let i = 1; i < findings.length; i++) {
    if (byPlace(findings[i - 1] as Finding, findings[i] as Finding) > 0) return findings.sort(byPlace);
  }
  return findings;
}

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
}

/** Most severe first: the order of per-line counts. */
const SEVERITY_INDEX: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };
export const severityIndex = (s: Severity): number => SEVERITY_INDEX[s];

const NONE: readonly Finding[] = Object.freeze([]);

/**
 * Runs the row rules over every row and counts their findings per line. With `previous` (the same
 * config and file, an earlier version of the document), a line whose row is the same object as
 * before keeps its counts, so a keystroke costs the edited rows and one pass over the lines.
 */
export function checkRows(doc: TargetDocument, options: CheckOptions = {}, previous?: RowChecks): RowChecks {
  const checker = checkerFor(options);
  const { config } = checker;
  const file = options.file;
  const reuse = previous && previous.checker === checker && previous.file === file ? previous : undefined;
  const counts = new Uint32Array(doc.rows.length * 4);
  for (let i = 0; i < doc.rows.length; i++) {
    const ref = doc.rows[i];
    // A row of several lines is counted at its first.
    if (!ref || ref.line !== i) continue;
    const k = i * 4;
    if (reuse && reuse.doc.rows[i]?.row === ref.row) {
      const from = reuse.counts;
      counts[k] = from[k] ?? 0;
      counts[k + 1] = from[k + 1] ?? 0;
      counts[k + 2] = from[k + 2] ?? 0;
      counts[k + 3] = from[k + 3] ?? 0;
      continue;
    }
    if (!readsRows(doc, i)) continue;
    if (config.ignore.length > 0) {
      for (const f of findingsOfRow(doc, ref, checker, file))
        counts[k + SEVERITY_INDEX[f.severity]] = (counts[k + SEVERITY_INDEX[f.severity]] ?? 0) + 1;
      continue;
    }
    if (!checkable(ref.row)) continue;
    const unit = unitAtLine(doc, i);
    const cache = checker.cache(unit);
    let packed = cache.counts.get(ref.row);
    if (packed === undefined) {
      checkRow(ref.row, checker, unit, false);
      packed = cache.counts.get(ref.row) ?? 0;
    }
    if (typeof packed !== 'number') {
      for (let s = 0; s < 4; s++) counts[k + s] = packed[s] ?? 0;
      continue;
    }
    counts[k] = packed % COUNT_BITS;
    counts[k + 1] = Math.floor(packed / COUNT_BITS) % COUNT_BITS;
    counts[k + 2] = Math.floor(packed / COUNT_BITS ** 2) % COUNT_BITS;
    counts[k + 3] = Math.floor(packed / COUNT_BITS ** 3) % COUNT_BITS;
  }
  return { doc, checker, file, counts };
}

/** The row rules' findings of the row `ref` of `doc` (none on a line of a form or of an unknown layout). */
function findingsOfRow(
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

/** Whether a finding stays: no `ignore` entry covers it. */
function notIgnored(f: Finding, config: Config, file: string | undefined): boolean {
  return config.ignore.length === 0 || !isIgnored(config, f.rule, f.project, file);
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
function readsRows(doc: TargetDocument, line: number): boolean {
  return doc.tables.length === 0 || layoutAtLine(doc, line) === 'seven-column';
}

/** Rows longer than this are not checked in the step that parses them. */
const GIANT_ROW = 64 * 1024;

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
 * What `perf-target check` does with a text: one pass that parses each line and runs the row rules
 * on it while its indicator tree is at hand, then the document rules. A one-off check keeps no
 * caches (nothing will ask again). Its findings are those of `checkDocument` as a report reads them
 * (rule, severity, place, message, project): their fixes and related places, which only an editor
 * applies or shows, are not kept.
 */
export function checkText(
  text: string | readonly string[],
  options: CheckOptions = {},
): { doc: TargetDocument; findings: Finding[] } {
  const { config, rules } = checkerFor(options);
  const lines = typeof text === 'string' ? splitLines(text) : text;
  const rows = new Array<RowRef>(lines.length);
  let found: Finding[] = [];
  // Tables as the rows go by: a row's money unit is known when it is reached (see `Grouper`), and
  // the grouping is the document's (no second pass over the rows).
  const grouper = new Grouper();
  let sawGrid = false;
  for (let line = 0, count: number; line < lines.length; line += count) {
    count = rowExtent(lines, line);
    const row = parseRow(rowText(lines, line, count), config.maxCellLength);
    const ref: RowRef = { line, row };
    for (let k = 0; k < count; k++) rows[line + k] = ref;
    grouper.add(ref);
    sawGrid ||= row.text.includes('一级');
    if (!checkable(row)) continue;
    const results = runRowRules(row, rules, config, grouper.unit);
    if (results.length === 0) continue;
    for (const f of placeFindings(results, row, line, config, ReportedFinding)) {
      if (notIgnored(f, config, options.file)) found.push(f);
    }
  }
  // A form or a table of unknown columns is only known once its grid or its rows are seen: its
  // rows' seven-column findings go.
  const tables = sawGrid ? groupRows(rows) : grouper.finish();
  const doc: TargetDocument = { lines, rows, tables };
  if (tables.some((t) => t.layout !== 'seven-column')) found = found.filter((f) => readsRows(doc, f.line));
  found = mergeSorted(
    found,
    checkDocumentRules(doc, options).map((f) => new ReportedFinding(f.rule, f.severity, f.line, f, f.project)),
  );
  return { doc, findings: found };
}

/** The document rules' findings (sums, structure across rows), in place order. */
export function checkDocumentRules(doc: TargetDocument, options: CheckOptions = {}): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const found: Finding[] = [];
  // A table of unknown columns gets one note (`unknown-layout`) and nothing else.
  const unknown = doc.tables.some((t) => t.layout === 'unknown');
  const push = (f: Finding): void => {
    if (unknown && f.rule !== unknownLayout.id && layoutAtLine(doc, f.line) === 'unknown') return;
    if (notIgnored(f, config, options.file)) found.push(f);
  };
  const active: Array<{ rule: Rule; severity: Severity }> = [];
  for (const rule of RULES) {
    const severity = severityOf(config, rule.id, rule.defaultSeverity);
    if (severity === 'off') continue;
    active.push({ rule, severity });
    if (rule.scope === 'document') runDocumentRule(rule, severity, doc, config, push);
  }
  // A form's project is checked here, by every rule that reads the model.
  for (const t of doc.tables) if (t.layout === 'form' && t.model) checkFormProjects(t.model, active, config, push);
  return found.sort(byPlace);
}

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

  /** `findings`, a step per line (see `steps.ts`). */
  *findingSteps(): Steps<readonly Finding[]> {
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

/** Two lists in place order as one (ties: `a` first). */
function mergeSorted(a: Finding[], b: readonly Finding[]): Finding[] {
  if (b.length === 0) return a;
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && byPlace(x, y) <= 0)) {
      if (x) out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

export function checkDocument(doc: TargetDocument, options: CheckOptions = {}): Finding[] {
  return runAll(checkDocumentSteps(doc, options));
}

/** `checkDocument`, a step per line (see `steps.ts`). */
export function* checkDocumentSteps(doc: TargetDocument, options: CheckOptions = {}): Steps<Finding[]> {
  const checker = checkerFor(options);
  const found: Finding[] = [];
  for (let line = 0; line < doc.rows.length; line++) {
    const ref = doc.rows[line];
    if (ref && ref.line === line) for (const f of findingsOfRow(doc, ref, checker, options.file)) found.push(f);
    yield;
  }
  return mergeSorted(found, checkDocumentRules(doc, options));
}

function runDocumentRule(
  rule: DocumentRule,
  severity: Severity,
  doc: TargetDocument,
  config: Config,
  push: (f: Finding) => void,
): void {
  try {
    // The same shape as row findings: property reads over tens of thousands of findings stay monomorphic.
    rule.check(doc, {
      config,
      report: (r) =>
        push({
          rule: rule.id,
          severity,
          line: r.line,
          span: r.span,
          message: r.message,
          project: r.project,
          related: r.related,
          fixes: r.fixes,
        }),
    });
  } catch (e) {
    const { span, message } = internalError(rule.id, e, { start: 0, end: doc.lines[0]?.length ?? 0 });
    push({ rule: rule.id, severity, line: 0, span, message, project: undefined, related: undefined, fixes: undefined });
  }
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

export interface SeverityCounts {
  readonly errors: number;
  readonly warnings: number;
  /** Information and hints. */
  readonly notes: number;
}

export function countSeverities(findings: Iterable<Pick<Finding, 'severity'>>): SeverityCounts {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else notes++;
  }
  return { errors, warnings, notes };
}

/** “2 个错误，3 个警告，1 条提示” / “2 error(s), 3 warning(s), 1 note(s)”. */
export function describeCounts(c: SeverityCounts): Bilingual {
  return {
    zh: `${c.errors} 个错误，${c.warnings} 个警告，${c.notes} 条提示`,
    en: `${c.errors} error(s), ${c.warnings} warning(s), ${c.notes} note(s)`,
  };
}
