/**
 * Quick fixes from the rules' fixes, `source.fixAll` for the safe ones, and "ignore this rule for
 * this project", which writes the `.perf-target.json` that applies to the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { checkDocumentSteps, checkingRowCache, forWholeCheck } from '../check';
import { CONFIG_FILE } from '../config';
import type { Settings } from '../settings';
import { parseDocument, rowSteps, splitLines } from '../syntax/document';
import { runAll, type Steps } from '../steps';
import { localize, type Locale } from '../i18n';
import type { Edit, Finding } from '../rules/types';
import { applyLineEdits } from './formatting';
import { lineEdit, toRange } from './positions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.perfTarget`;

const toTextEdit = (e: Edit): TextEdit => ({ range: toRange(e.line, e.span), newText: e.newText });

/** Whether two ranges share a character (touching ends do not). */
function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['end'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return !(before(a.end, b.start) || before(b.end, a.start));
}

/** Spans already edited on each line, sorted by start, for overlap checks in O(log n). */
class TakenSpans {
  private readonly byLine = new Map<number, Array<[number, number]>>();

  /** True when [start, end) overlaps a taken span or starts where one starts (two inserts at one place). */
  clashes(line: number, start: number, end: number): boolean {
    const spans = this.byLine.get(line);
    if (!spans) return false;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid]?.[0] ?? 0) < start) lo = mid + 1;
      else hi = mid;
    }
    const before = spans[lo - 1];
    const after = spans[lo];
    if (before && before[1] > start) return true;
    if (after && (after[0] === start || after[0] < end)) return true;
    return false;
  }

  add(line: number, start: number, end: number): void {
    let spans = this.byLine.get(line);
    if (!spans) {
      spans = [];
      this.byLine.set(line, spans);
    }
    let i = spans.length;
    while (i > 0 && (spans[i - 1]?.[0] ?? 0) > start) i--;
    spans.splice(i, 0, [start, end]);
  }
}

/** Safe edits of all findings, leaving out any fix that overlaps one already taken. */
export function safeEdits(findings: readonly Finding[]): TextEdit[] {
  return runAll(safeEditSteps(findings));
}

/** `safeEdits`, a step per finding. */
function* safeEditSteps(findings: readonly Finding[]): Steps<TextEdit[]> {
  const taken = new TakenSpans();
  const out: TextEdit[] = [];
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      if (!fix.safe) continue;
      if (fix.edits.some((e) => taken.clashes(e.line, e.span.start, e.span.end))) continue;
      for (const e of fix.edits) {
        taken.add(e.line, e.span.start, e.span.end);
        out.push(toTextEdit(e));
      }
    }
    yield;
  }
  return out;
}

/**
 * Fix-all to a fixed point: a fix can reveal more to fix (removing `<p>` from `1<p>1-数量指标`
 * makes a code of it), so the safe fixes are applied, the changed rows re-checked, and again, at
 * most a few rounds; the result is one minimal edit per changed line.
 */
export function fixAllEdits(lines: readonly string[], findings: readonly Finding[], settings: Settings): TextEdit[] {
  return runAll(fixAllSteps(lines, findings, settings));
}

/** `fixAllEdits`, a step per line of each round (see `steps.ts`). */
export function* fixAllSteps(lines: readonly string[], findings: readonly Finding[], settings: Settings): Steps<TextEdit[]> {
  const current = [...lines];
  const { file } = settings;
  const whole = forWholeCheck(settings.config);
  const cache = checkingRowCache(() => whole);
  let pending = yield* safeEditSteps(findings);
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    const byLine = new Map<number, Array<{ start: number; end: number; newText: string }>>();
    for (const e of pending) {
      const list = byLine.get(e.range.start.line) ?? [];
      list.push({ start: e.range.start.character, end: e.range.end.character, newText: e.newText });
      byLine.set(e.range.start.line, list);
    }
    for (const [line, edits] of byLine) current[line] = applyLineEdits(current[line] ?? '', edits);
    // The document as it now reads (a fix that wrote a line break makes two lines of one).
    const text = current.flatMap((l) => (l.includes('\n') || l.includes('\r') ? splitLines(l) : [l]));
    const rows = yield* rowSteps(text, cache);
    pending = yield* safeEditSteps(yield* checkDocumentSteps(parseDocument(text, cache, undefined, rows), { config: whole, file }));
  }
  const edits: TextEdit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const before = lines[i] ?? '';
    const e = lineEdit(i, before, current[i] ?? before);
    if (e) edits.push(e);
    yield;
  }
  return edits;
}

function ignoreEdit(path: string, rule: string, project: string): WorkspaceEdit {
  const uri = pathToFileURL(path).toString();
  let current: Record<string, unknown> = {};
  let oldText = '';
  if (existsSync(path)) {
    oldText = readFileSync(path, 'utf8');
    try {
      const parsed: unknown = JSON.parse(oldText);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) current = parsed as Record<string, unknown>;
    } catch {
      current = {};
    }
  }
  const ignore = Array.isArray(current['ignore']) ? [...(current['ignore'] as unknown[])] : [];
  ignore.push({ rule, project });
  const newText = `${JSON.stringify({ ...current, ignore }, null, 2)}\n`;
  const lines = oldText.split('\n');
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]?.length ?? 0 } };
  return {
    documentChanges: [
      ...(oldText === '' && !existsSync(path) ? [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }] : []),
      { textDocument: { uri, version: null }, edits: [{ range: whole, newText }] },
    ],
  };
}

export interface ActionContext {
  readonly uri: string;
  readonly lines: readonly string[];
  /** The file's settings as resolved (`settings.ts`): fix-all re-checks with them, `ignore` globs included. */
  readonly settings: Settings;
  readonly locale: Locale;
  /** Where "ignore this rule for this project" writes: the settings file that applies, else a new one in the workspace folder. */
  readonly settingsFile?: string;
  readonly toDiagnostic: (f: Finding) => Diagnostic;
}

/**
 * Quick fixes for `near` (the findings on the range's lines) and, when asked for by kind (as on
 * save or from the command, never on every cursor move), fix-all over `all()`; every finding and
 * the fix-all are built a step at a time (see `steps.ts`).
 */
export function* codeActionSteps(near: readonly Finding[], all: () => Steps<readonly Finding[]>, range: Range, only: readonly string[] | undefined, ctx: ActionContext): Steps<CodeAction[]> {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const f of near) {
      if (!overlaps(toRange(f.line, f.span), range)) continue;
      const diagnostic = ctx.toDiagnostic(f);
      const fixes = f.fixes ?? [];
      for (const fix of fixes) {
        actions.push({
          title: localize(fix.title, ctx.locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fixes.length === 1 && fix.safe,
          edit: { changes: { [ctx.uri]: fix.edits.map(toTextEdit) } },
        });
      }
      if (ctx.settingsFile && f.project) {
        actions.push({
          title: ctx.locale === 'zh-cn' ? `在 ${CONFIG_FILE} 中对项目“${f.project}”忽略 ${f.rule}` : `Ignore ${f.rule} for “${f.project}” in ${CONFIG_FILE}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: ignoreEdit(ctx.settingsFile, f.rule, f.project),
        });
      }
    }
  }
  if (only && wants(FIX_ALL_KIND)) {
    const edits = yield* fixAllSteps(ctx.lines, yield* all(), ctx.settings);
    if (edits.length > 0) {
      actions.push({
        title: ctx.locale === 'zh-cn' ? '修复所有可安全修复的问题' : 'Fix all safe findings',
        kind: FIX_ALL_KIND,
        edit: { changes: { [ctx.uri]: edits } },
      });
    }
  }
  return actions;
}
