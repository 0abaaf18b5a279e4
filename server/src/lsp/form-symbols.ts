/**
 * An application form's outline and folding, from its model: the project (its name, else the
 * form's title) → 一级 classes → 二级 classes → indicators, each class a run of consecutive grid
 * rows (a merged cell's rows carry its name). Ranges go through the rows (a row may span lines).
 */
import { SymbolKind, type DocumentSymbol, type FoldingRange, type Range } from 'vscode-languageserver';
import { formatWan } from '../i18n';
import type { Located, ModelIndicator, ModelTable } from '../model/types';
import { lastLineOf, type TargetDocument } from '../syntax/document';
import { rangeAt } from './positions';

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

/** Whole lines `first` through the last line of the row starting at `last`. */
function linesRange(doc: TargetDocument, first: number, last: number): Range {
  const ref = doc.rows[last];
  const end = ref ? lastLineOf(ref) : last;
  return { start: { line: first, character: 0 }, end: { line: end, character: doc.lines[end]?.length ?? 0 } };
}

function placeRange(doc: TargetDocument, l: Located): Range {
  return rangeAt(doc, l.place.line, l.place.span);
}

interface Run {
  readonly key: string;
  readonly members: ModelIndicator[];
}

/** Consecutive indicators with the same text in `part`, in order. */
function runs(list: readonly ModelIndicator[], part: 'level1' | 'level2'): Run[] {
  const out: Run[] = [];
  for (const ind of list) {
    const key = ind[part]?.text ?? '';
    const last = out[out.length - 1];
    if (last && last.key === key) last.members.push(ind);
    else out.push({ key, members: [ind] });
  }
  return out;
}

function indicatorSymbol(doc: TargetDocument, ind: ModelIndicator): DocumentSymbol {
  const range = rangeAt(doc, ind.place.line, ind.place.span);
  const value = ind.value ?? ind.annual ?? ind.period;
  const detail = [value?.text, ind.unit?.text].filter((t): t is string => !!t).join(' ');
  return {
    name: oneLine(ind.name?.text ?? '') || '（无名称）',
    detail: oneLine(detail),
    kind: SymbolKind.Field,
    range,
    selectionRange: ind.name ? placeRange(doc, ind.name) : range,
  };
}

/** A class: its rows' lines; selected at its name where written within them, else at its first indicator. */
function classSymbol(
  doc: TargetDocument,
  run: Run,
  part: 'level1' | 'level2',
  kind: SymbolKind,
  children: DocumentSymbol[],
): DocumentSymbol {
  const first = run.members[0] as ModelIndicator;
  const last = run.members[run.members.length - 1] as ModelIndicator;
  const range = linesRange(doc, first.place.line, last.place.line);
  const written = run.members.map((m) => m[part]).find((l) => l && l.place.line >= first.place.line);
  const fallback = part === 'level1' ? '（未填一级指标）' : '（未填二级指标）';
  return {
    name: oneLine(run.key) || fallback,
    detail: `${run.members.length}`,
    kind,
    range,
    selectionRange: written ? placeRange(doc, written) : rangeAt(doc, first.place.line, first.place.span),
    children,
  };
}

export function formSymbols(doc: TargetDocument, model: ModelTable): DocumentSymbol[] {
  return model.projects.map((p, i) => {
    const next = model.projects[i + 1];
    const endLine = next ? next.place.line - 1 : model.endLine;
    const range = linesRange(doc, p.place.line, endLine);
    const classes = runs(p.indicators, 'level1').map((r1) => {
      const level2 = runs(r1.members, 'level2').flatMap((r2) => {
        const leaves = r2.members.map((ind) => indicatorSymbol(doc, ind));
        return r2.key === '' ? leaves : [classSymbol(doc, r2, 'level2', SymbolKind.Package, leaves)];
      });
      return classSymbol(doc, r1, 'level1', SymbolKind.Module, level2);
    });
    const total = p.amounts.find((a) => a.role === 'total')?.value;
    const named = p.name ?? model.title;
    const detail = [
      p.name && model.title ? model.title.text : undefined,
      p.department?.text,
      total !== undefined ? `${formatWan(total)} ${model.unit}` : undefined,
    ]
      .filter((t): t is string => !!t)
      .map(oneLine)
      .join(' · ');
    return {
      name: oneLine(named?.text ?? '') || '（无名称）',
      detail,
      kind: SymbolKind.Function,
      range,
      selectionRange: named ? placeRange(doc, named) : { start: range.start, end: range.start },
      children: classes,
    };
  });
}

/** A fold for each 一级 class of more than one line. */
export function formFolding(doc: TargetDocument, model: ModelTable): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const p of model.projects) {
    for (const r of runs(p.indicators, 'level1')) {
      const first = r.members[0];
      const last = r.members[r.members.length - 1];
      if (!first || !last) continue;
      const ref = doc.rows[last.place.line];
      const endLine = ref ? lastLineOf(ref) : last.place.line;
      if (endLine > first.place.line) out.push({ startLine: first.place.line, endLine, kind: 'region' });
    }
  }
  return out;
}
