/**
 * Runs the rules over a parsed document. Row rules run per distinct row and their results are
 * cached on the (immutable, text-keyed) row object, so re-checking after a keystroke costs the
 * changed rows plus the document rules.
 */
import type { Bilingual } from './catalogue';
import { DEFAULT_CONFIG, isIgnored, type Config } from './config';
import { RULES } from './rules';
import type { DocumentRule, Finding, RowReport, RowRule, Severity } from './rules/types';
import { SLICE_MS, yieldToEventLoop, type ParsedRow, type TargetDocument } from './syntax/document';

export interface CheckOptions {
  readonly config?: Config;
  /** The file's path relative to the config file, for `ignore` entries with `files`. */
  readonly file?: string;
  /** Only the row rules (fast, local); the document rules (sums, stray lines) are left out. */
  readonly rowRulesOnly?: boolean;
}

interface RowResult {
  readonly rule: RowRule;
  readonly reports: readonly RowReport[];
}

/** Row results per config object per row object; both are immutable, so the cache is never stale. */
const rowResults = new WeakMap<Config, WeakMap<ParsedRow, readonly RowResult[]>>();

export function severityOf(config: Config, ruleId: string, fallback: Severity): Severity | 'off' {
  return config.rules[ruleId] ?? fallback;
}

function activeRowRules(config: Config): RowRule[] {
  return RULES.filter((r): r is RowRule => r.scope === 'row' && severityOf(config, r.id, r.defaultSeverity) !== 'off');
}

function checkRow(row: ParsedRow, rules: readonly RowRule[], config: Config): readonly RowResult[] {
  let perConfig = rowResults.get(config);
  if (!perConfig) {
    perConfig = new WeakMap();
    rowResults.set(config, perConfig);
  }
  const cached = perConfig.get(row);
  if (cached) return cached;
  const results: RowResult[] = [];
  for (const rule of rules) {
    const reports: RowReport[] = [];
    try {
      rule.checkRow(row, { config, report: (r) => reports.push(r) });
    } catch (e) {
      reports.push(internalError(rule.id, e, { start: 0, end: row.text.length }));
    }
    if (reports.length > 0) results.push({ rule, reports });
  }
  perConfig.set(row, results);
  return results;
}

/** A rule that throws must not take the checker down: its failure becomes a finding. */
function internalError(rule: string, e: unknown, span: { start: number; end: number }): RowReport {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    span,
    message: { zh: `规则 ${rule} 内部出错：${detail}`, en: `rule ${rule} failed internally: ${detail}` },
  };
}

/** The order findings are reported in: line, column, rule. */
function byPlace(a: Finding, b: Finding): number {
  return a.line - b.line || a.span.start - b.span.start || a.rule.localeCompare(b.rule);
}

/**
 * The findings of one row at one line, built once and reused while the row keeps its text, its
 * line and its config: after a keystroke only the edited row's findings are new objects.
 */
const placedFindings = new WeakMap<readonly RowResult[], { readonly line: number; readonly findings: readonly Finding[] }>();

function rowFindings(results: readonly RowResult[], row: ParsedRow, line: number, config: Config): readonly Finding[] {
  const cached = placedFindings.get(results);
  if (cached && cached.line === line) return cached.findings;
  const findings: Finding[] = [];
  const project = row.name?.text;
  for (const { rule, reports } of results) {
    const severity = severityOf(config, rule.id, rule.defaultSeverity);
    if (severity === 'off') continue;
    for (const r of reports) {
      findings.push({
        rule: rule.id,
        severity,
        line,
        span: r.span,
        message: r.message,
        // Every finding has the same shape (absent parts undefined): tens of thousands are built.
        project,
        related: r.related ? r.related.map((x) => ({ line, span: x.span, message: x.message })) : undefined,
        fixes: r.fixes && r.fixes.length > 0
          ? r.fixes.map((f) => ({ title: f.title, safe: f.safe, edits: f.edits.map((e) => ({ line, span: e.span, newText: e.newText })) }))
          : undefined,
      });
    }
  }
  findings.sort(byPlace);
  placedFindings.set(results, { line, findings });
  return findings;
}

export function checkDocument(doc: TargetDocument, options: CheckOptions = {}): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const keep = (f: Finding) => config.ignore.length === 0 || !isIgnored(config, f.rule, f.project, options.file);
  // Row findings come in line order, each row's already sorted: no sort over the whole document.
  const rowFound: Finding[] = [];
  const rowRules = activeRowRules(config);
  for (const { line, row } of doc.rows) {
    if (row.kind === 'blank' || row.kind === 'text') continue;
    const results = checkRow(row, rowRules, config);
    if (results.length === 0) continue;
    for (const f of rowFindings(results, row, line, config)) if (keep(f)) rowFound.push(f);
  }
  if (options.rowRulesOnly) return rowFound;
  const docFound: Finding[] = [];
  for (const rule of RULES) {
    if (rule.scope !== 'document') continue;
    const severity = severityOf(config, rule.id, rule.defaultSeverity);
    if (severity === 'off') continue;
    runDocumentRule(rule, severity, doc, config, (f) => { if (keep(f)) docFound.push(f); });
  }
  if (docFound.length === 0) return rowFound;
  docFound.sort(byPlace);
  // Merge the two sorted lists.
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < rowFound.length || j < docFound.length) {
    const a = rowFound[i];
    const b = docFound[j];
    if (b === undefined || (a !== undefined && byPlace(a, b) <= 0)) {
      if (a) out.push(a);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out;
}

function runDocumentRule(rule: DocumentRule, severity: Severity, doc: TargetDocument, config: Config, push: (f: Finding) => void): void {
  try {
    rule.check(doc, { config, report: (r) => push({ ...r, rule: rule.id, severity }) });
  } catch (e) {
    const { span, message } = internalError(rule.id, e, { start: 0, end: doc.lines[0]?.length ?? 0 });
    push({ rule: rule.id, severity, line: 0, span, message });
  }
}

/**
 * Runs the row rules over `doc` in slices of about SLICE_MS, yielding between them, so that the
 * following `checkDocument` finds every row's results cached. Returns false when `stale()` says the
 * work is moot.
 */
export async function warmRowChecks(doc: TargetDocument, config: Config, stale: () => boolean): Promise<boolean> {
  const rules = activeRowRules(config);
  let sliceStart = Date.now();
  for (let i = 0; i < doc.rows.length; i++) {
    const ref = doc.rows[i];
    if (ref && ref.row.kind !== 'blank' && ref.row.kind !== 'text') {
      const results = checkRow(ref.row, rules, config);
      if (results.length > 0) rowFindings(results, ref.row, ref.line, config);
    }
    if ((i & 63) === 0 && Date.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      if (stale()) return false;
      sliceStart = Date.now();
    }
  }
  return true;
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
