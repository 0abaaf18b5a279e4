/**
 * Findings as the check reports them. Guarantees: one order (`byPlace`: line, column, rule, in
 * code-unit order); one severity per rule (`severityOf`: the settings', else the rule's default);
 * a row's findings at a line are built once while the row keeps its text, line and settings
 * (`rowFindings`), and a `RowFinding` places its fixes and related places at its line only when
 * read; `ignore` entries are applied by `notIgnored` alone.
 */
import type { Bilingual } from '../catalogue';
import { isIgnored, type Config } from '../config';
import type { Finding, Fix, Related, RowReport, Severity } from '../rules/types';
import type { ParsedRow, Span } from '../syntax/document';
import type { RowResult } from './checker';

export function severityOf(config: Config, ruleId: string, fallback: Severity): Severity | 'off' {
  return config.rules[ruleId] ?? fallback;
}

/** Most severe first: the order of per-line counts. */
export const SEVERITY_INDEX: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };
export const severityIndex = (s: Severity): number => SEVERITY_INDEX[s];

export const NONE: readonly Finding[] = Object.freeze([]);

/** The order findings are reported in: line, column, rule. */
export function byPlace(a: Finding, b: Finding): number {
  // Rule ids are ASCII: code-unit order, without a locale's collation (slow, and machine-dependent).
  return a.line - b.line || a.span.start - b.span.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Two lists in place order as one (ties: `a` first; `a` itself when `b` is empty). */
export function mergeSorted(a: Finding[], b: readonly Finding[]): Finding[];
export function mergeSorted(a: readonly Finding[], b: readonly Finding[]): readonly Finding[];
export function mergeSorted(a: readonly Finding[], b: readonly Finding[]): readonly Finding[] {
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

/** Whether a finding stays: no `ignore` entry covers it. */
export function notIgnored(f: Finding, config: Config, file: string | undefined): boolean {
  return config.ignore.length === 0 || !isIgnored(config, f.rule, f.project, file);
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

export function rowFindings(
  results: readonly RowResult[],
  row: ParsedRow,
  line: number,
  config: Config,
): readonly Finding[] {
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
export class ReportedFinding implements Finding {
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
export function placeFindings(
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
