/**
 * Completion from the cursor's place in the indicator language. Chevrotain 12+ has no content
 * assist, and the language is a flat run of segments, so the place is read from the tokens of the
 * cell before the cursor: after `N、` come level-1 codes, then that code's level-2 codes, then an
 * indicator name, the labels, and values. Every item is written in the file's own punctuation.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver';
import { childrenOf, COMPARATORS, LABELS, level1Codes, lookupCode, UNITS, type CodeEntry } from '../catalogue';
import { localize, type Locale } from '../i18n';
import type { TargetDocument } from '../syntax/document';
import { type IToken } from 'chevrotain';
import { AnyAnnualLabel, AnyPeriodLabel, AnySep, AnySeq, AnyStop, Code, Colon, indicatorLexer, Sep } from '../syntax/tokens';
import type { Workspace } from './workspace';

export const TRIGGER_CHARACTERS = ['、', '；', ';', '：', ':', '-', '。'];

interface Style {
  readonly sep: string;
  readonly colon: string;
}

const styles = new WeakMap<TargetDocument, Style>();

/** The file's own punctuation: the majority width of its separators, full-width when it has none. */
export function fileStyle(doc: TargetDocument): Style {
  let style = styles.get(doc);
  if (!style) {
    style = countStyle(doc);
    styles.set(doc, style);
  }
  return style;
}

function countStyle(doc: TargetDocument): Style {
  let half = 0;
  let full = 0;
  for (const t of doc.tables) {
    for (const p of t.projects) {
      half += p.row.outline?.halfMarks ?? 0;
      full += p.row.outline?.fullMarks ?? 0;
    }
  }
  return half > full ? { sep: ';', colon: ':' } : { sep: '；', colon: '：' };
}

const is = (t: IToken, type: { name: string }): boolean =>
  t.tokenType.name === type.name || (t.tokenType.CATEGORIES ?? []).some((c) => c.name === type.name);

type Stage = 'start' | 'l1' | 'l2' | 'name' | 'label' | 'value' | 'end';

interface Context {
  readonly stage: Stage;
  /** Offset in the cell where the text being typed starts. */
  readonly from: number;
  readonly l1?: string;
  readonly l2?: string;
  readonly seenLabels: ReadonlySet<'period' | 'annual'>;
  readonly label?: 'period' | 'annual';
  /** The whole-period value of the indicator being typed, when written. */
  readonly periodValue?: string;
  /** Indicators that start before the cursor. */
  readonly count: number;
}

/** Reads the cursor's place from the tokens of the cell text before it. */
export function analyse(prefix: string): Context {
  const tokens = indicatorLexer.tokenize(prefix).tokens;
  const count = tokens.filter((t) => is(t, AnySeq)).length;
  let lastSeq = -1;
  tokens.forEach((t, i) => {
    if (is(t, AnySeq)) lastSeq = i;
  });
  if (lastSeq < 0) return { stage: 'start', from: leadingSpace(prefix, 0), seenLabels: new Set(), count: 0 };
  let stage: Stage = 'l1';
  let from = end(tokens[lastSeq]);
  let l1: string | undefined;
  let l2: string | undefined;
  let label: 'period' | 'annual' | undefined;
  let periodStart = -1;
  let periodValue: string | undefined;
  const seen = new Set<'period' | 'annual'>();
  for (const t of tokens.slice(lastSeq + 1)) {
    if ((stage === 'l1' || stage === 'l2') && is(t, Code)) {
      if (stage === 'l1') l1 = t.image;
      else l2 = t.image;
    }
    if (is(t, AnyPeriodLabel) || is(t, AnyAnnualLabel)) {
      if (stage === 'value' && label === 'period') periodValue = prefix.slice(periodStart, t.startOffset).replace(/[；;，,]\s*$/, '');
      label = is(t, AnyPeriodLabel) ? 'period' : 'annual';
      seen.add(label);
      stage = 'value';
      from = end(t);
      if (label === 'period') periodStart = end(t);
    } else if (is(t, AnyStop) && stage === 'value') {
      stage = 'end';
      from = end(t);
    } else if (is(t, AnySep) || is(t, Colon)) {
      if (stage === 'l1' && (is(t, Sep) || is(t, Colon))) stage = 'l2';
      else if (stage === 'l2' && (is(t, Sep) || is(t, Colon))) stage = 'name';
      else if (stage === 'name' && is(t, AnySep)) stage = 'label';
      else if (stage === 'value' && is(t, AnySep)) {
        if (label === 'period') periodValue = prefix.slice(periodStart, t.startOffset);
        stage = 'label';
      } else continue;
      from = end(t);
    }
  }
  return {
    stage,
    from: leadingSpace(prefix, from),
    ...(l1 !== undefined ? { l1 } : {}),
    ...(l2 !== undefined ? { l2 } : {}),
    seenLabels: seen,
    ...(label ? { label } : {}),
    ...(periodValue !== undefined ? { periodValue: periodValue.trim() } : {}),
    count,
  };
}

function end(t: IToken | undefined): number {
  return t ? t.startOffset + t.image.length : 0;
}

function leadingSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /[ \u3000]/.test(text[i] ?? '')) i++;
  return i;
}

function codeItem(e: CodeEntry, style: Style, range: Range, locale: Locale, index: number): CompletionItem {
  const text = `${e.code}-${e.name}`;
  return {
    label: text,
    kind: CompletionItemKind.EnumMember,
    detail: locale === 'en' ? `${e.english} · level ${e.level}` : `${e.level === 1 ? '一级指标' : '二级指标'}`,
    documentation: { kind: 'markdown', value: locale === 'en' ? `${e.description.zh}\n\n*${e.description.en}*` : e.description.zh },
    filterText: `${e.code}-${e.name}${e.aliases.join('')}`,
    sortText: String(index).padStart(3, '0'),
    textEdit: { range, newText: `${text}${style.sep}` },
    command: { title: 'next', command: 'editor.action.triggerSuggest' },
  };
}

/** Indicator names used under a level-2 code anywhere in the workspace, most used first. */
function knownNames(workspace: Workspace, l2: string | undefined): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const file of workspace.all()) {
    const maps = l2 !== undefined ? [file.namesByCode.get(l2)] : [...file.namesByCode.values()];
    for (const names of maps) {
      for (const [name, n] of names ?? []) counts.set(name, (counts.get(name) ?? 0) + n);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function newIndicatorSnippet(n: number, style: Style, range: Range, locale: Locale): CompletionItem {
  const { sep, colon } = style;
  return {
    label: `${n}、${locale === 'en' ? 'new indicator' : '新指标'}`,
    kind: CompletionItemKind.Snippet,
    detail: locale === 'en' ? 'A whole indicator with both values' : '完整的一条指标（含实施周期指标值和年度指标值）',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: {
      range,
      newText: `${n}、\${1:1-产出指标}${sep}\${2:11-数量指标}${sep}\${3:指标名称}${sep}${LABELS.period}${colon}\${4:≥0人次}${sep}${LABELS.annual}${colon}\${5:\${4}}。`,
    },
    sortText: '000',
  };
}

export function complete(doc: TargetDocument, pos: Position, workspace: Workspace, locale: Locale): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const line = doc.lines[pos.line];
  if (line === undefined) return empty;
  const ch = Math.min(pos.character, line.length);
  const before = line.slice(0, ch);
  const tabs = before.split('\t').length - 1;
  if (tabs !== 6) return empty;
  const cellStart = before.lastIndexOf('\t') + 1;
  const prefix = before.slice(cellStart).replace(/^<p>/i, (m) => ' '.repeat(m.length));
  const ctx = analyse(prefix);
  const style = fileStyle(doc);
  const range: Range = { start: { line: pos.line, character: cellStart + ctx.from }, end: { line: pos.line, character: ch } };
  const items: CompletionItem[] = [];
  switch (ctx.stage) {
    case 'start':
    case 'end':
      items.push(newIndicatorSnippet(ctx.count + 1, style, range, locale));
      break;
    case 'l1':
      level1Codes().forEach((e, i) => items.push(codeItem(e, style, range, locale, i)));
      break;
    case 'l2': {
      const parent = ctx.l1 !== undefined && lookupCode(ctx.l1)?.level === 1 ? ctx.l1 : undefined;
      const list = parent ? childrenOf(parent) : level1Codes().flatMap((e) => childrenOf(e.code));
      list.forEach((e, i) => items.push(codeItem(e, style, range, locale, i)));
      break;
    }
    case 'name':
      knownNames(workspace, ctx.l2).slice(0, 200).forEach(([name, n], i) => {
        items.push({
          label: name,
          kind: CompletionItemKind.Text,
          detail: locale === 'en' ? `used ${n}× in the workspace` : `工作区中使用 ${n} 次`,
          sortText: String(i).padStart(4, '0'),
          textEdit: { range, newText: `${name}${style.sep}${LABELS.period}${style.colon}` },
        });
      });
      break;
    case 'label':
      for (const label of ['period', 'annual'] as const) {
        if (ctx.seenLabels.has(label)) continue;
        items.push({
          label: `${LABELS[label]}${style.colon}`,
          kind: CompletionItemKind.Keyword,
          detail: locale === 'en' ? (label === 'period' ? 'whole-period value' : 'annual value') : label === 'period' ? '实施周期指标值' : '年度指标值',
          textEdit: { range, newText: `${LABELS[label]}${style.colon}${label === 'annual' && ctx.periodValue ? ctx.periodValue : ''}` },
          sortText: label === 'period' ? '0' : '1',
        });
      }
      break;
    case 'value':
      items.push(...valueItems(ctx, range, locale, prefix.slice(ctx.from)));
      break;
  }
  return { isIncomplete: false, items };
}

function valueItems(ctx: Context, range: Range, locale: Locale, typed: string): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (ctx.label === 'annual' && ctx.periodValue) {
    items.push({
      label: ctx.periodValue,
      kind: CompletionItemKind.Value,
      detail: locale === 'en' ? 'same as the whole-period value' : '与实施周期指标值相同',
      textEdit: { range, newText: `${ctx.periodValue}。` },
      sortText: '0',
      preselect: true,
    });
  }
  const entry = ctx.l2 ? lookupCode(ctx.l2) : undefined;
  const kind = entry?.measure && entry.measure !== 'any' ? entry.measure : undefined;
  const units = kind ? UNITS[kind] : [...UNITS.count.slice(0, 6), '%', '万元'];
  const number = /[0-9]+(?:\.[0-9]+)?$/.exec(typed);
  if (number) {
    // The clerk typed a number: offer it with each unit that fits the class.
    units.forEach((u, i) => items.push({
      label: `${typed}${u}`,
      kind: CompletionItemKind.Unit,
      filterText: `${typed}${u}`,
      textEdit: { range, newText: `${typed}${u}` },
      sortText: `1${String(i).padStart(3, '0')}`,
    }));
  } else if (!/[≥≤><＝=]$/.test(typed)) {
    COMPARATORS.forEach((c, i) => items.push({
      label: c.symbol,
      kind: CompletionItemKind.Operator,
      detail: localize(c.description, locale),
      textEdit: { range, newText: `${typed}${c.symbol}` },
      sortText: `2${i}`,
    }));
  }
  return items;
}
