/**
 * Quick fixes from the rules' fixes, `source.fixAll` for the safe ones, and "ignore this rule for
 * this project", which writes the `.perf-target.json` that applies to the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { checkDocumentSteps, checkingRowCache, wholeChecker } from '../check';
import { CONFIG_FILE } from '../config';
import type { Settings } from '../settings';
import { parseDocument, rowExtent, rowSteps, rowText, splitLines, type TargetDocument } from '../syntax/document';
import { runAll, type Steps } from '../steps';
import { localize, type Locale } from '../i18n';
import { FIX_ALL_KIND } from '../protocol';
import type { Finding } from '../rules/types';
import { applyLineEdits } from './formatting';
import { lineEdit, rangeAt } from './positions';

/** Whether two ranges share a character (touching ends do not). */
function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['end'], y: Range['start']) =>
    x.line < y.line || (x.line === y.line && x.character <= y.character);
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

/** A fix's edit where the checker placed it: a span of the row starting at `line`. */
interface RowEdit {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Safe edits of all findings of `doc`, leaving out any fix that overlaps one already taken. */
export function safeEdits(findings: readonly Finding[], doc: TargetDocument): TextEdit[] {
  return runAll(safeEditSteps(findings)).map((e) => ({ range: rangeAt(doc, e.line, e), newText: e.newText }));
}

/** `safeEdits` as row edits, a step per finding. */
function* safeEditSteps(findings: readonly Finding[]): Steps<RowEdit[]> {
  const taken = new TakenSpans();
  const out: RowEdit[] = [];
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      if (!fix.safe) continue;
      if (fix.edits.some((e) => taken.clashes(e.line, e.span.start, e.span.end))) continue;
      for (const e of fix.edits) {
        taken.add(e.line, e.span.start, e.span.end);
        out.push({ line: e.line, start: e.span.start, end: e.span.end, newText: e.newText });
      }
    }
    yield;
  }
  return out;
}

/** The rows' texts of `lines` at their first lines (undefined at a row's other lines). */
function rowTexts(lines: readonly string[]): Array<string | undefined> {
  const out = new Array<string | undefined>(lines.length);
  for (let line = 0; line < lines.length;) {
    const count = rowExtent(lines, line);
    out[line] = rowText(lines, line, count);
    line += count;
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
export function* fixAllSteps(
  lines: readonly string[],
  findings: readonly Finding[],
  settings: Settings,
): Steps<TextEdit[]> {
  // Edits are spans of rows (a row may span lines): they are applied to the rows' texts.
  let rows = rowTexts(lines);
  let text: readonly string[] = lines;
  // Fix-all's own checker keeps every row's results across its rounds.
  const checker = wholeChecker(settings.config);
  const cache = checkingRowCache(() => checker);
  let pending = yield* safeEditSteps(findings);
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    const byRow = new Map<number, RowEdit[]>();
    for (const e of pending) {
      const list = byRow.get(e.line) ?? [];
      list.push(e);
      byRow.set(e.line, list);
    }
    for (const [line, edits] of byRow) rows[line] = applyLineEdits(rows[line] ?? '', edits);
    // The document as it now reads (a fix that wrote a line break makes two lines of one).
    text = rows.flatMap((r) => (r === undefined ? [] : r.includes('\n') || r.includes('\r') ? splitLines(r) : [r]));
    rows = rowTexts(text);
    const parsed = yield* rowSteps(text, cache);
    pending = yield* safeEditSteps(
      yield* checkDocumentSteps(parseDocument(text, cache, undefined, parsed), {
        config: settings.config,
        file: settings.file,
        checker,
      }),
    );
  }
  return yield* changeSteps(lines, text);
}

/**
 * The edits turning `before` into `after`: one minimal edit per changed line while both have the
 * same lines, else one edit over the lines between their common start and end.
 */
function* changeSteps(before: readonly string[], after: readonly string[]): Steps<TextEdit[]> {
  const edits: TextEdit[] = [];
  if (before.length === after.length) {
    for (let i = 0; i < before.length; i++) {
      const was = before[i] ?? '';
      const e = lineEdit(i, was, after[i] ?? was);
      if (e) edits.push(e);
      yield;
    }
    return edits;
  }
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const endLine = before.length - tail;
  const range: Range =
    endLine < before.length
      ? { start: { line: head, character: 0 }, end: { line: endLine, character: 0 } }
      : {
          start: { line: head, character: 0 },
          end: { line: before.length - 1, character: (before[before.length - 1] ?? '').length },
        };
  const middle = after.slice(head, after.length - tail);
  edits.push({ range, newText: endLine < before.length ? middle.map((l) => `${l}\n`).join('') : middle.join('\n') });
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
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
        current = parsed as Record<string, unknown>;
    } catch {
      current = {};
    }
  }
  const ignore = Array.isArray(current['ignore']) ? [...(current['ignore'] as unknown[])] : [];
  ignore.push({ rule, project });
  const newText = `${JSON.stringify({ ...current, ignore }, null, 2)}\n`;
  const lines = oldText.split('\n');
  const whole: Range = {
    start: { line: 0, character: 0 },
    end: { line: lines.length - 1, character: lines[lines.length - 1]?.length ?? 0 },
  };
  return {
    documentChanges: [
      ...(oldText === '' && !existsSync(path)
        ? [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }]
        : []),
      { textDocument: { uri, version: null }, edits: [{ range: whole, newText }] },
    ],
  };
}

export interface ActionContext {
  readonly uri: string;
  readonly doc: TargetDocument;
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
export function* codeActionSteps(
  near: readonly Finding[],
  all: () => Steps<readonly Finding[]>,
  range: Range,
  only: readonly string[] | undefined,
  ctx: ActionContext,
): Steps<CodeAction[]> {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const f of near) {
      if (!overlaps(rangeAt(ctx.doc, f.line, f.span), range)) continue;
      const diagnostic = ctx.toDiagnostic(f);
      const fixes = f.fixes ?? [];
      for (const fix of fixes) {
        actions.push({
          title: localize(fix.title, ctx.locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fixes.length === 1 && fix.safe,
          edit: {
            changes: {
              [ctx.uri]: fix.edits.map((e): TextEdit => ({
                range: rangeAt(ctx.doc, e.line, e.span),
                newText: e.newText,
              })),
            },
          },
        });
      }
      if (ctx.settingsFile && f.project) {
        actions.push({
          title:
            ctx.locale === 'zh-cn'
              ? `在 ${CONFIG_FILE} 中对项目“${f.project}”忽略 ${f.rule}`
              : `Ignore ${f.rule} for “${f.project}” in ${CONFIG_FILE}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: ignoreEdit(ctx.settingsFile, f.rule, f.project),
        });
      }
    }
  }
  if (only && wants(FIX_ALL_KIND)) {
    const edits = yield* fixAllSteps(ctx.doc.lines, yield* all(), ctx.settings);
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
