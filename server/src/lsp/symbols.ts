/** The outline (合计 → units → projects → indicators), folding by unit and table, workspace symbols. */
import { SymbolKind, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver';
import type { MoneyUnit } from '../catalogue';
import { formatWan } from '../i18n';
import { cellValue, lastLineOf, placeOf, type RowRef, type Table, type TargetDocument } from '../syntax/document';
import { rangeOf } from './positions';
import { runAll, type Steps } from '../steps';
import type { Workspace } from './workspace';
import { formFolding, formSymbols } from './form-symbols';

/** A row's symbol, spanning its line or through `lastLine` (its unit's or table's last row). */
function rowSymbol(
  lines: readonly string[],
  ref: RowRef,
  unit: MoneyUnit,
  kind: SymbolKind,
  children: DocumentSymbol[],
  lastLine = lastLineOf(ref),
): DocumentSymbol {
  // A name copied from a cell with line breaks is shown on one line.
  const name = (ref.row.name ? cellValue(ref.row.name).replace(/\s*\n\s*/g, ' ') : '') || '（无名称）';
  const total = ref.row.amounts[0]?.value;
  return {
    name,
    detail: total === undefined ? '' : `${formatWan(total)} ${unit}`,
    kind,
    range: {
      start: { line: ref.line, character: 0 },
      end: { line: lastLine, character: lines[lastLine]?.length ?? 0 },
    },
    selectionRange: rangeOf(ref, ref.row.name?.textSpan ?? { start: 0, end: 0 }),
    children,
  };
}

function projectSymbol(lines: readonly string[], ref: RowRef, unit: MoneyUnit): DocumentSymbol {
  const indicators = (ref.row.outline?.indicators ?? []).map((ind): DocumentSymbol => ({
    name: `${Number.isFinite(ind.seq) ? ind.seq : '?'}、${ind.name ?? ''}`,
    detail: ind.level2Code !== undefined ? `${ind.level2Code}-${ind.level2Name ?? ''}` : '',
    kind: SymbolKind.Field,
    range: rangeOf(ref, ind.span),
    selectionRange: rangeOf(ref, ind.nameSpan),
  }));
  return rowSymbol(lines, ref, unit, SymbolKind.Function, indicators);
}

/** The last line of the last of `refs` (a row may span lines), else `fallback`. */
function lastLineOfRows(refs: readonly RowRef[], fallback: number): number {
  const last = refs[refs.length - 1];
  return last ? lastLineOf(last) : fallback;
}

/** Project symbols, a step each. */
function* projectSymbols(lines: readonly string[], refs: readonly RowRef[], unit: MoneyUnit): Steps<DocumentSymbol[]> {
  const out: DocumentSymbol[] = [];
  for (const ref of refs) {
    out.push(projectSymbol(lines, ref, unit));
    yield;
  }
  return out;
}

function* tableSymbols(lines: readonly string[], t: Table): Steps<DocumentSymbol[]> {
  const units: DocumentSymbol[] = [];
  for (const u of t.units) {
    const projects = yield* projectSymbols(lines, u.projects, t.unit);
    units.push(
      rowSymbol(lines, u.ref, t.unit, SymbolKind.Module, projects, lastLineOfRows(u.projects, lastLineOf(u.ref))),
    );
  }
  const loose = yield* projectSymbols(lines, t.looseProjects, t.unit);
  if (t.total) {
    return [
      rowSymbol(lines, t.total, t.unit, SymbolKind.Namespace, [...loose, ...units], Math.max(t.endLine, t.total.line)),
    ];
  }
  return [...loose, ...units];
}

/** The outline, 合计 → units → projects → indicators (a form: project → 一级 → 二级 → indicators), a step per project (see `runInSlices`). */
export function* documentSymbolSteps(doc: TargetDocument): Steps<DocumentSymbol[]> {
  const out: DocumentSymbol[] = [];
  for (const t of doc.tables) {
    if (t.layout === 'form' && t.model) {
      out.push(...formSymbols(doc, t.model));
      yield;
    } else out.push(...(yield* tableSymbols(doc.lines, t)));
  }
  return out;
}

export function documentSymbols(doc: TargetDocument): DocumentSymbol[] {
  return runAll(documentSymbolSteps(doc));
}

export function foldingRanges(doc: TargetDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const t of doc.tables) {
    if (t.endLine > t.startLine) out.push({ startLine: t.startLine, endLine: t.endLine, kind: 'region' });
    if (t.model) out.push(...formFolding(doc, t.model));
    for (const u of t.units) {
      const last = lastLineOfRows(u.projects, lastLineOf(u.ref));
      if (last > u.ref.line) out.push({ startLine: u.ref.line, endLine: last, kind: 'region' });
    }
  }
  return out;
}

export function workspaceSymbols(workspace: Workspace, query: string, limit = 500): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const out: SymbolInformation[] = [];
  for (const file of workspace.all()) {
    for (const t of file.doc.tables) {
      for (const p of t.model?.projects ?? []) {
        const located = p.name ?? t.model?.title;
        const name = located?.text ?? '';
        if (!located || (q && !name.toLowerCase().includes(q))) continue;
        out.push({
          name,
          kind: SymbolKind.Function,
          location: { uri: file.uri, range: placeOf(file.doc, located.place.line, located.place.span) },
          ...(p.department ? { containerName: p.department.text } : {}),
        });
        if (out.length >= limit) return out;
      }
      const rows: Array<[RowRef, SymbolKind, string | undefined]> = [
        ...t.units.map((u): [RowRef, SymbolKind, string | undefined] => [u.ref, SymbolKind.Module, t.department]),
        ...t.projects.map((p): [RowRef, SymbolKind, string | undefined] => [
          p,
          SymbolKind.Function,
          t.units.find((u) => u.projects.includes(p))?.ref.row.name?.text,
        ]),
      ];
      for (const [ref, kind, container] of rows) {
        const name = ref.row.name?.text ?? '';
        if (q && !name.toLowerCase().includes(q)) continue;
        out.push({
          name,
          kind,
          location: { uri: file.uri, range: rangeOf(ref, ref.row.name?.textSpan ?? { start: 0, end: 0 }) },
          ...(container ? { containerName: container } : {}),
        });
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}
