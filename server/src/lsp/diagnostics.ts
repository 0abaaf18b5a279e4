/**
 * Which findings a document publishes, and as what. LSP replaces a document's whole diagnostic set
 * on every publish, and VS Code keeps at most 1 000 per file (its extension host drops the rest,
 * most severe kept first). A city's table can hold tens of thousands of findings: sending them all
 * costs hundreds of milliseconds per keystroke only for the editor to throw most of them away. So
 * the server sends at most `max` (a setting, default VS Code's own cap): the row being edited first,
 * then by severity, nearest the cursor first; one note says how many more there are and where to
 * see them. Counts (status bar, "check workspace") and quick fixes still use every finding.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { describeCounts, severityIndex, type FindingsByLine } from '../check';
import { localize, type Locale } from '../i18n';
import type { Finding, Severity } from '../rules/types';
import { rangeAt } from './positions';
import type { TargetDocument } from '../syntax/document';

/** VS Code's own per-file cap (`ExtHostDiagnostics._maxDiagnosticsPerFile`). */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

/** The code of the note that says how many findings were left out. */
export const OMITTED_CODE = 'omitted-findings';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface Selection {
  /** In place order. */
  readonly shown: readonly Finding[];
  /** How many of each severity (most severe first) are left out. */
  readonly omitted: readonly number[];
}

/** How many findings of each severity each line shows: `quota[line * 4 + s]` (empty when not limited). */
function plan(
  source: FindingsByLine,
  max: number,
  anchor: number,
): { readonly limited: boolean; readonly quota: Uint32Array } {
  const lines = source.lineCount;
  const total = source.totals.reduce((a, b) => a + b, 0);
  const limited = max > 0 && total > max;
  const quota = new Uint32Array(limited ? lines * 4 : 0);
  let budget = Math.max(0, max - 1);
  const at = Math.max(0, Math.min(anchor, lines - 1));
  const give = (line: number, s: number) => {
    const n = Math.min(source.count(line, s), budget);
    quota[line * 4 + s] = n;
    budget -= n;
  };
  if (limited) {
    for (let s = 0; s < 4; s++) give(at, s);
    for (let s = 0; s < 4 && budget > 0; s++) {
      // Outwards from the anchor, the line above first at equal distance.
      for (let d = 1; budget > 0 && (at - d >= 0 || at + d < lines); d++) {
        if (at - d >= 0) give(at - d, s);
        if (at + d < lines && budget > 0) give(at + d, s);
      }
    }
  }
  return { limited, quota };
}

/**
 * The lines `selectFindings` will read, so that a caller can have their findings built in slices
 * first (a line's findings may have to be built again: see `CheckResult.at`).
 */
export function linesToShow(source: FindingsByLine, max: number, anchor: number): number[] {
  const { limited, quota } = plan(source, max, anchor);
  const out: number[] = [];
  for (let line = 0; line < source.lineCount; line++) if (shows(source, limited, quota, line)) out.push(line);
  return out;
}

function shows(source: FindingsByLine, limited: boolean, quota: Uint32Array, line: number): boolean {
  return limited
    ? (quota[line * 4] ?? 0) + (quota[line * 4 + 1] ?? 0) + (quota[line * 4 + 2] ?? 0) + (quota[line * 4 + 3] ?? 0) > 0
    : source.count(line, 0) + source.count(line, 1) + source.count(line, 2) + source.count(line, 3) > 0;
}

/**
 * At most `max` findings (0: no limit; one place is kept for the note when some are left out):
 * every finding of the `anchor` line, then errors, warnings, information and hints, each nearest
 * the anchor first. `hide` holds findings back altogether (focus mode). It reads the per-line
 * counts and touches only the findings it shows: a keystroke in a file with tens of thousands of
 * findings costs a pass over its lines.
 */
export function selectFindings(
  source: FindingsByLine,
  max: number,
  anchor: number,
  hide?: (f: Finding) => boolean,
): Selection {
  const lines = source.lineCount;
  const { limited, quota } = plan(source, max, anchor);
  const shown: Finding[] = [];
  const kept = [0, 0, 0, 0];
  for (let line = 0; line < lines; line++) {
    if (!shows(source, limited, quota, line)) continue;
    const taken = [0, 0, 0, 0];
    for (const f of source.at(line)) {
      const s = severityIndex(f.severity);
      if (limited && (taken[s] ?? 0) >= (quota[line * 4 + s] ?? 0)) continue;
      taken[s] = (taken[s] ?? 0) + 1;
      kept[s] = (kept[s] ?? 0) + 1;
      if (!hide?.(f)) shown.push(f);
    }
  }
  return { shown, omitted: source.totals.map((n, s) => n - (kept[s] ?? 0)) };
}

/** Turns findings into LSP diagnostics; one converter per server (it caches per finding object). */
export class DiagnosticConverter {
  /**
   * Findings of unchanged rows are the same objects across checks: converted once per document
   * (related information names the document). A publish after each keystroke converted a quarter of
   * a large file's listed findings (those with related places) anew; the collector kept those
   * short-lived diagnostics as long-lived as the cached ones, so they piled up while typing.
   */
  private readonly cache = new WeakMap<Finding, { readonly uri: string; readonly diagnostic: Diagnostic }>();
  private readonly hrefs = new Map<string, string>();

  constructor(
    private readonly docsRoot: () => string,
    private readonly locale: () => Locale,
  ) {}

  private href(rule: string): string {
    let href = this.hrefs.get(rule);
    if (!href) {
      href = pathToFileURL(join(this.docsRoot(), `${rule}.md`)).toString();
      this.hrefs.set(rule, href);
    }
    return href;
  }

  /** `doc` is the document `f` was found in (its rows place the span). */
  convert(uri: string, f: Finding, doc: TargetDocument): Diagnostic {
    const cached = this.cache.get(f);
    if (cached && cached.uri === uri) return cached.diagnostic;
    const locale = this.locale();
    // Read once: a finding may build its related places when asked.
    const related = f.related;
    const d: Diagnostic = {
      range: rangeAt(doc, f.line, f.span),
      severity: SEVERITY[f.severity],
      code: f.rule,
      codeDescription: { href: this.href(f.rule) },
      source: 'perf-target',
      message: localize(f.message, locale),
      ...(related && related.length > 0
        ? {
            relatedInformation: related.map((r) => ({
              location: { uri, range: rangeAt(doc, r.line, r.span) },
              message: localize(r.message, locale),
            })),
          }
        : {}),
    };
    this.cache.set(f, { uri, diagnostic: d });
    return d;
  }

  /** The note standing in for the findings left out (counts per severity), at the top of the document. */
  omittedNote(omitted: readonly number[], max: number): Diagnostic {
    const [errors = 0, warnings = 0, information = 0, hints = 0] = omitted;
    const counts = localize(describeCounts({ errors, warnings, notes: information + hints }), this.locale());
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      code: OMITTED_CODE,
      source: 'perf-target',
      message:
        this.locale() === 'zh-cn'
          ? `另有 ${counts}未列出：每个文件最多列出 ${max} 条，先列出正在编辑的行、错误和光标附近的问题，光标移到哪里就列出哪里的。命令行 perf-target check 可列出全部（设置 perfTarget.maxDiagnosticsPerFile）。`
          : `${counts} more not listed: at most ${max} per file are, the edited row, errors and those near the cursor first; they follow the cursor. The command line (perf-target check) lists them all (setting perfTarget.maxDiagnosticsPerFile).`,
    };
  }
}
