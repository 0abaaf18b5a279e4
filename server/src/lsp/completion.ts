/**
 * Completion from the cursor's place in the indicator language. Chevrotain 12+ has no content
 * assist, and the language is a flat run of segments, so the place is read from the tokens of the
 * cell before the cursor: after `N、` come level-1 codes, then that code's level-2 codes, then an
 * indicator name, the labels, and values. Only the current cell is read (completion runs on every
 * keystroke, in files of 10 MB).
 *
 * Every item edits: its range covers the token being edited (from where it starts to where it
 * ends, past the cursor), and what it inserts takes in what already follows the token, so that an
 * accepted item never doubles a `；`, a label or a value (as when filling the placeholders of the
 * new-indicator snippet). An item that would only write again the token under the cursor is not
 * offered, and an item that leaves the clerk at a new field reopens the list. Every item is written
 * in the file's own punctuation.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { CATALOGUE, childrenOf, level1Codes, lookupCode, type CodeEntry } from '../catalogue';
import { localize, type Locale } from '../i18n';
import { isQuotedCell, offsetIn, positionIn, type RowPlace, type TargetDocument } from '../syntax/document';
import { toAscii } from '../syntax/normalize';
import { type IToken } from 'chevrotain';
import {
  AnyAnnualLabel,
  AnyPeriodLabel,
  AnySep,
  AnySeq,
  AnyStop,
  Code,
  Colon,
  indicatorLexer,
  Sep,
} from '../syntax/tokens';
import {
  COMPARATOR_FORMS,
  COMPARATORS,
  DASH_CHARS,
  LABEL_CHARS,
  LABEL_NAMES,
  LABEL_PATTERN,
  LABELS,
  OFFICIAL_MARKS,
  UNITS,
  widthOf,
} from '../vocabulary';
import { formComplete } from './form-completion';
import type { Workspace } from './workspace';

export const TRIGGER_CHARACTERS = ['、', '；', ';', '：', ':', '-', '。'];

/** Reopens the suggestion list: for items that leave the clerk at the start of a new field. */
const REOPEN: Command = { title: '', command: 'editor.action.triggerSuggest' };

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
  const marks = OFFICIAL_MARKS[widthOf({ half, full })];
  return { sep: marks.name, colon: marks.label };
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
  /** The sequence number of the last indicator that starts before the cursor (0 when none). */
  readonly lastNumber: number;
}

/** A full stop ending a value, then perhaps the digits of the next sequence number being typed. */
const STOP_THEN_DIGITS = /。[ \u3000]*[0-9０-９]*$/;
/** A separator ending a value, then perhaps the start of a label being typed. */
const SEP_THEN_LABEL = new RegExp(`[；;][ \\u3000]*${LABEL_CHARS}*$`);
/** A label being typed, to its colon. */
const LABEL_TO_COLON = new RegExp(`^${LABEL_CHARS}*[ \\u3000]*[：:]?`);

/** Reads the cursor's place from the tokens of the cell text before it. */
export function analyse(prefix: string): Context {
  const tokens = indicatorLexer.tokenize(prefix).tokens;
  let count = 0;
  let lastSeq = -1;
  tokens.forEach((t, i) => {
    if (is(t, AnySeq)) {
      lastSeq = i;
      count++;
    }
  });
  if (lastSeq < 0)
    return { stage: 'start', from: leadingSpace(prefix, 0), seenLabels: new Set(), count: 0, lastNumber: 0 };
  const lastNumber = Number.parseInt(toAscii(tokens[lastSeq]?.image ?? ''), 10) || count;
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
      if (stage === 'value' && label === 'period')
        periodValue = prefix.slice(periodStart, t.startOffset).replace(/[；;，,]\s*$/, '');
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
  if (stage === 'value') {
    // `≥300人次。2`: the lexer reads a `。` not yet followed by `N、` as part of the value, yet the
    // clerk is typing the next indicator's number; and a `；` not yet followed by a label, yet the
    // clerk is at the next label.
    const value = prefix.slice(from);
    const stop = STOP_THEN_DIGITS.exec(value) ?? SEP_THEN_LABEL.exec(value);
    if (stop) {
      if (label === 'period') periodValue = prefix.slice(periodStart, from + stop.index);
      stage = stop[0].startsWith('。') ? 'end' : 'label';
      from += stop.index + 1;
    }
  }
  return {
    stage,
    from: leadingSpace(prefix, from),
    ...(l1 !== undefined ? { l1: toAscii(l1) } : {}),
    ...(l2 !== undefined ? { l2: toAscii(l2) } : {}),
    seenLabels: seen,
    ...(label ? { label } : {}),
    ...(periodValue !== undefined ? { periodValue: periodValue.trim() } : {}),
    count,
    lastNumber,
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

// ---- What follows the cursor

// The language's words from the catalogue: every label variant and IME dash the parser reads.
const SEQ_AHEAD = /^[ \u3000]*[0-9０-９]{1,4}[ \u3000]*、/;
const LABEL_AHEAD = new RegExp(`^[ \u3000]*(?:${LABEL_PATTERN})`);
const SEP_AHEAD = /^[ \u3000]*[；;]/;
const NEXT_INDICATOR_AHEAD = `[0-9０-９]{1,4}[ \u3000]*、[ \u3000]*[0-9０-９]{1,2}[ \u3000]*[${DASH_CHARS}]`;
const NAME_END = new RegExp(`[；;。\t]|${LABEL_PATTERN}`);
const NAME_END_AT_COLON = new RegExp(`[；;：:。\t]|${LABEL_PATTERN}`);
const VALUE_END = new RegExp(`[；;。\t]|${LABEL_PATTERN}|${NEXT_INDICATOR_AHEAD}`);
const NEXT_INDICATOR = new RegExp(NEXT_INDICATOR_AHEAD);

/** Length of the code-name or name token that starts `after`: up to a separator, a label or a `。`. */
function nameTokenLength(after: string, stopAtColon: boolean): number {
  const m = (stopAtColon ? NAME_END_AT_COLON : NAME_END).exec(after);
  return m ? m.index : after.length;
}

/** Length of the value text that starts `after`: up to a separator, a `。`, a label or the next indicator. */
function valueTokenLength(after: string): number {
  const m = VALUE_END.exec(after);
  return m ? m.index : after.length;
}

/** The rest of the indicator the cursor is in: up to the next indicator's number. */
function restOfIndicator(after: string): string {
  const m = NEXT_INDICATOR.exec(after);
  return m ? after.slice(0, m.index) : after;
}

/** True when nothing of this indicator follows (the cell ends, or the next indicator starts). */
const endsHere = (rest: string): boolean => rest.trim() === '' || SEQ_AHEAD.test(rest);

/**
 * Levels used in the cell before `from` and after `to` (the token being replaced left out), within
 * `PREFIX_WINDOW` characters of them: a giant cell (a table pasted as one line) is not scanned whole
 * on every keystroke.
 */
function codesInCell(cell: string, from: number, to = from): { level1: Set<string>; level2: Set<string> } {
  const level1 = new Set<string>();
  const level2 = new Set<string>();
  const scan = (text: string) => {
    for (const m of text.matchAll(/(?:、|[；;：:])[ \u3000]*([0-9０-９]{1,2})[ \u3000]*[-－—–]/g)) {
      const code = toAscii(m[1] ?? '');
      if (code.length === 1) level1.add(code);
      else {
        level2.add(code);
        level1.add(code.charAt(0));
      }
    }
  };
  scan(cell.slice(Math.max(0, from - PREFIX_WINDOW), from));
  scan(cell.slice(to, to + PREFIX_WINDOW));
  return { level1, level2 };
}

/** The entries with those not yet used first, each group in catalogue order. */
function unusedFirst(list: readonly CodeEntry[], used: ReadonlySet<string>): CodeEntry[] {
  return [...list.filter((e) => !used.has(e.code)), ...list.filter((e) => used.has(e.code))];
}

// ---- Items

interface Place {
  /** The row (its text may span lines: a quoted cell with line breaks). */
  readonly ref: RowPlace;
  /** Cell start in the row's text. */
  readonly cellStart: number;
  /** The whole cell text (a leading `<p>` blanked). */
  readonly cell: string;
  /** Cursor offset in the cell. */
  readonly cur: number;
  readonly style: Style;
  readonly locale: Locale;
}

function rangeOf(place: Place, from: number, to: number): Range {
  return { start: positionIn(place.ref, place.cellStart + from), end: positionIn(place.ref, place.cellStart + to) };
}

function codeItem(e: CodeEntry, place: Place, from: number, to: number, index: number): CompletionItem {
  const text = `${e.code}-${e.name}`;
  const { locale, style } = place;
  // A separator already after the token: leave it (the cursor then stands before it).
  const sepFollows = /^[ \u3000]*[；;：:]/.test(place.cell.slice(to));
  return {
    label: text,
    kind: CompletionItemKind.EnumMember,
    detail: locale === 'en' ? `${e.english} · level ${e.level}` : `${e.level === 1 ? '一级指标' : '二级指标'}`,
    documentation: {
      kind: 'markdown',
      value: locale === 'en' ? `${e.description.zh}\n\n*${e.description.en}*` : e.description.zh,
    },
    filterText: `${e.code}-${e.name}${e.aliases.join('')}`,
    sortText: String(index).padStart(3, '0'),
    textEdit: { range: rangeOf(place, from, to), newText: sepFollows ? text : `${text}${style.sep}` },
    ...(sepFollows ? {} : { command: REOPEN }),
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

/** Escapes text for a snippet's literal part (`$`, `}` and `\`) or a choice (`,`, `|` and `\`). */
const literal = (s: string): string => s.replace(/[$}\\]/g, '\\$&');
const choice = (s: string): string => s.replace(/[,|\\]/g, '\\$&');

/**
 * A whole new indicator with the next sequence number: the level-1 class the project still lacks
 * with its level-2 classes to choose from (or, when it has all three, every class with those it
 * does not use yet first). The name and both values are empty tabstops, so an untouched snippet
 * fails the check (`indicator-syntax`, `value-missing`) instead of passing with made-up values.
 */
function newIndicatorSnippet(n: number, place: Place, from: number, to: number): CompletionItem {
  const { sep, colon } = place.style;
  const { level1, level2 } = codesInCell(place.cell, from, to);
  const missing = level1Codes().find((e) => !level1.has(e.code));
  const codes = missing
    ? `${literal(`${missing.code}-${missing.name}${sep}`)}\${1|${unusedFirst(childrenOf(missing.code), level2)
        .map((e) => choice(`${e.code}-${e.name}`))
        .join(',')}|}`
    : `\${1|${unusedFirst(
        CATALOGUE.filter((e) => e.level === 2),
        level2,
      )
        .map((e) => {
          const p = lookupCode(e.parent ?? '') as CodeEntry;
          return choice(`${p.code}-${p.name}${sep}${e.code}-${e.name}`);
        })
        .join(',')}|}`;
  const stop = /^[ \u3000]*。/.test(place.cell.slice(to)) ? '' : '。';
  const { locale } = place;
  return {
    label: `${n}、${locale === 'en' ? 'new indicator' : '新指标'}`,
    kind: CompletionItemKind.Snippet,
    detail: missing
      ? locale === 'en'
        ? `A whole indicator: ${missing.code}-${missing.name} (${missing.english}), which the project lacks`
        : `完整的一条指标：项目尚缺的${missing.code}-${missing.name}`
      : locale === 'en'
        ? 'A whole indicator with both values'
        : '完整的一条指标（含实施周期指标值和年度指标值）',
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: `${n}、`,
    textEdit: {
      range: rangeOf(place, from, to),
      newText: `${n}、${codes}${literal(sep)}\${2}${literal(`${sep}${LABELS.period}${colon}`)}\${3}${literal(`${sep}${LABELS.annual}${colon}`)}\${4}${stop}$0`,
    },
    sortText: '0',
  };
}

/** How much of a cell before the cursor is read at most: a giant cell (a table pasted as one line). */
const PREFIX_WINDOW = 20_000;

/**
 * `analyse` of the cell before the cursor; in a giant cell, of its end only, from the first full
 * stop of the last `PREFIX_WINDOW` characters (an indicator's start): lexing megabytes before the
 * cursor held the server for a second per keystroke.
 */
function analyseTail(prefix: string): Context {
  if (prefix.length <= PREFIX_WINDOW) return analyse(prefix);
  const stop = prefix.indexOf('。', prefix.length - PREFIX_WINDOW);
  const start = stop < 0 ? prefix.length - PREFIX_WINDOW : stop + 1;
  const ctx = analyse(prefix.slice(start));
  return { ...ctx, from: ctx.from + start };
}

export function complete(doc: TargetDocument, pos: Position, workspace: Workspace, locale: Locale): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const ref = doc.rows[pos.line];
  if (ref === undefined) return empty;
  // An application form's cells complete by their column, read from the form's grid header.
  const form = formComplete(doc, pos, locale);
  if (form) return form;
  const line = ref.row.text;
  const ch = offsetIn(ref, pos.line, pos.character);
  const before = line.slice(0, ch);
  let tabs = 0;
  for (let i = before.indexOf('\t'); i >= 0; i = before.indexOf('\t', i + 1)) tabs++;
  if (tabs !== 6) return empty;
  const cellStart = before.lastIndexOf('\t') + 1;
  const nextTab = line.indexOf('\t', ch);
  // Excel's quotes around a cell copied with line breaks, and a leading `<p>`, are blanked.
  const raw = line.slice(cellStart, nextTab < 0 ? line.length : nextTab).replace(/\r$/, '');
  const cell = (isQuotedCell(raw) ? ` ${raw.slice(1, -1)} ` : raw).replace(/^<p>/i, (m) => ' '.repeat(m.length));
  const cur = ch - cellStart;
  const prefix = cell.slice(0, cur);
  const after = cell.slice(cur);
  const ctx = analyseTail(prefix);
  const place: Place = { ref, cellStart, cell, cur, style: fileStyle(doc), locale };
  const items: CompletionItem[] = [];
  const { from } = ctx;
  switch (ctx.stage) {
    case 'start':
    case 'end': {
      const typed = prefix.slice(from);
      if (!/^[0-9０-９]*$/.test(typed)) break;
      // Digits after the cursor belong to the number being typed, unless they start an indicator.
      const digits = /^[0-9０-９]*/.exec(after)?.[0] ?? '';
      const to = SEQ_AHEAD.test(after) ? cur : cur + digits.length;
      const n = ctx.lastNumber + 1;
      items.push(newIndicatorSnippet(n, place, from, to));
      items.push({
        label: `${n}、`,
        kind: CompletionItemKind.Keyword,
        detail: locale === 'en' ? 'the next sequence number' : '下一个序号',
        sortText: '1',
        textEdit: { range: rangeOf(place, from, to), newText: `${n}、` },
        command: REOPEN,
      });
      break;
    }
    case 'l1': {
      const to = cur + nameTokenLength(after, true);
      const { level1 } = codesInCell(cell, from, to);
      unusedFirst(level1Codes(), level1).forEach((e, i) => items.push(codeItem(e, place, from, to, i)));
      break;
    }
    case 'l2': {
      const to = cur + nameTokenLength(after, true);
      const parent = ctx.l1 !== undefined && lookupCode(ctx.l1)?.level === 1 ? ctx.l1 : undefined;
      const list = parent ? childrenOf(parent) : level1Codes().flatMap((e) => childrenOf(e.code));
      const { level2 } = codesInCell(cell, from, to);
      unusedFirst(list, level2).forEach((e, i) => items.push(codeItem(e, place, from, to, i)));
      break;
    }
    case 'name':
      items.push(...nameItems(place, from, ctx, workspace));
      break;
    case 'label':
      items.push(...labelItems(place, from, ctx));
      break;
    case 'value':
      items.push(...valueItems(place, from, ctx));
      break;
  }
  // An item that would only write again the text it replaces is the word itself: not offered.
  const kept = items.filter((item) => {
    const edit = item.textEdit;
    if (!edit || !('range' in edit) || item.insertTextFormat === InsertTextFormat.Snippet) return true;
    return (
      edit.newText !==
      line.slice(
        offsetIn(ref, edit.range.start.line, edit.range.start.character),
        offsetIn(ref, edit.range.end.line, edit.range.end.character),
      )
    );
  });
  return { isIncomplete: false, items: kept };
}

function nameItems(place: Place, from: number, ctx: Context, workspace: Workspace): CompletionItem[] {
  const { cell, cur, style, locale } = place;
  const to = cur + nameTokenLength(cell.slice(cur), false);
  const rest = cell.slice(to);
  // What the name needs after it: nothing before a separator, a separator before a label, and the
  // separator and the whole-period label when nothing of the indicator follows.
  const open = endsHere(rest) || /^[ \u3000]*。/.test(rest);
  const suffix = SEP_AHEAD.test(rest)
    ? ''
    : LABEL_AHEAD.test(rest) || !open
      ? style.sep
      : `${style.sep}${LABELS.period}${style.colon}`;
  return knownNames(workspace, ctx.l2)
    .slice(0, 200)
    .map(([name, n], i) => ({
      label: name,
      kind: CompletionItemKind.Text,
      detail: locale === 'en' ? `used ${n}× in the workspace` : `工作区中使用 ${n} 次`,
      sortText: String(i).padStart(4, '0'),
      filterText: name,
      textEdit: { range: rangeOf(place, from, to), newText: `${name}${suffix}` },
      ...(suffix === '' ? {} : { command: REOPEN }),
    }));
}

function labelItems(place: Place, from: number, ctx: Context): CompletionItem[] {
  const { cell, cur, style, locale } = place;
  const after = cell.slice(cur);
  // The label being typed, to its colon.
  const to = cur + (LABEL_TO_COLON.exec(after)?.[0].length ?? 0);
  const rest = cell.slice(to);
  const later = restOfIndicator(rest);
  const seen = new Set(ctx.seenLabels);
  if (later.includes(LABELS.period)) seen.add('period');
  if (later.includes(LABELS.annual)) seen.add('annual');
  const valueFollows = !endsHere(rest) && !/^[ \u3000]*[；;。]/.test(rest);
  const items: CompletionItem[] = [];
  for (const label of ['period', 'annual'] as const) {
    if (seen.has(label)) continue;
    const text = `${LABELS[label]}${style.colon}`;
    items.push({
      label: text,
      kind: CompletionItemKind.Keyword,
      detail: locale === 'en' ? LABEL_NAMES[label].en : LABEL_NAMES[label].zh,
      filterText: text,
      textEdit: { range: rangeOf(place, from, to), newText: text },
      sortText: label === 'period' ? '0' : '2',
      ...(valueFollows ? {} : { command: REOPEN }),
    });
    if (label === 'annual' && ctx.periodValue && !valueFollows) {
      // The annual value is usually the whole-period value: the label with it, and the full stop
      // when nothing of the indicator follows.
      const stop = endsHere(rest) ? '。' : '';
      items.push({
        label: `${text}${ctx.periodValue}${stop}`,
        kind: CompletionItemKind.Value,
        detail: locale === 'en' ? 'annual value, same as the whole-period value' : '年度指标值，与实施周期指标值相同',
        filterText: `${text}${ctx.periodValue}`,
        textEdit: { range: rangeOf(place, from, to), newText: `${text}${ctx.periodValue}${stop}` },
        sortText: '1',
        preselect: true,
        ...(stop ? { command: REOPEN } : {}),
      });
    }
  }
  return items;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A comparator written before a number, in any of its forms (longest first). */
const COMPARATOR_START = new RegExp(
  `^[ \\u3000]*(?:${COMPARATOR_FORMS.filter((f) => f.place === 'before')
    .map((f) => f.text)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})`,
);
/** Typed text ending in a digit, a point or a comparator's symbol: a value not finished. */
const UNFINISHED = new RegExp(
  `[0-9.．${escapeRegExp([...new Set(COMPARATOR_FORMS.filter((f) => !/[\u4e00-\u9fff]/.test(f.text)).flatMap((f) => [...f.text]))].join(''))}]$`,
);

/** Where a value is being typed: what is typed of it, what follows, the token's end. */
interface ValuePlace {
  readonly typed: string;
  /** The cell after the value token. */
  readonly rest: string;
  readonly to: number;
  /** Nothing of the indicator follows: the `。` is still to write. */
  readonly stopNeeded: boolean;
  /** The value typed so far is complete (not ending in a digit, a point or a comparator). */
  readonly finished: boolean;
}

function valueItems(place: Place, from: number, ctx: Context): CompletionItem[] {
  const { cell, cur } = place;
  const typed = cell.slice(from, cur);
  const to = cur + valueTokenLength(cell.slice(cur));
  const rest = cell.slice(to);
  const at: ValuePlace = {
    typed,
    rest,
    to,
    stopNeeded: endsHere(rest),
    finished: typed.trim() !== '' && !UNFINISHED.test(typed),
  };
  const items: CompletionItem[] = [];
  if (ctx.label === 'annual' && ctx.periodValue && cell.slice(from, to) !== ctx.periodValue)
    items.push(copiedValueItem(place, from, at, ctx.periodValue));
  if (typed.trim() === '' && !COMPARATOR_START.test(cell.slice(cur))) items.push(...comparatorItems(place, from));
  if (cur !== to) return items;
  items.push(...unitItems(place, from, at, ctx));
  if (at.finished && ctx.label === 'period') items.push(...annualAfterPeriodItems(place, at));
  if (at.finished && ctx.label === 'annual' && at.stopNeeded && !/^[ \u3000]*。/.test(rest)) {
    items.push({
      label: '。',
      kind: CompletionItemKind.Keyword,
      detail: place.locale === 'en' ? 'end of the indicator' : '指标结束',
      filterText: '。',
      textEdit: { range: rangeOf(place, cur, cur), newText: '。' },
      sortText: '5',
      command: REOPEN,
    });
  }
  return items;
}

/**
 * The whole-period value copied as the annual one, ending the indicator: over the `。` already
 * there (the new-indicator snippet's), so the cursor lands after it, at the next indicator, as
 * after a typed `。`.
 */
function copiedValueItem(place: Place, from: number, at: ValuePlace, periodValue: string): CompletionItem {
  const stop = /^[ \u3000]*。/.exec(at.rest)?.[0] ?? '';
  const ends = at.stopNeeded || stop !== '';
  return {
    label: periodValue,
    kind: CompletionItemKind.Value,
    detail: place.locale === 'en' ? 'same as the whole-period value' : '与实施周期指标值相同',
    filterText: periodValue,
    textEdit: { range: rangeOf(place, from, at.to + stop.length), newText: `${periodValue}${ends ? '。' : ''}` },
    sortText: '0',
    preselect: true,
    ...(ends ? { command: REOPEN } : {}),
  };
}

/** The value's start: a comparator, before a number already there too. */
function comparatorItems(place: Place, from: number): CompletionItem[] {
  return COMPARATORS.map((c, i) => ({
    label: c.symbol,
    kind: CompletionItemKind.Operator,
    detail: localize(c.description, place.locale),
    filterText: c.symbol,
    textEdit: { range: rangeOf(place, from, place.cur), newText: c.symbol },
    sortText: `2${i}`,
  }));
}

/** A number, perhaps with the start of a unit: the units of the indicator's class that continue it. */
function unitItems(place: Place, from: number, at: ValuePlace, ctx: Context): CompletionItem[] {
  const number = /^(.*[0-9])([^0-9.．]*)$/.exec(at.typed);
  if (!number) return [];
  const entry = ctx.l2 ? lookupCode(ctx.l2) : undefined;
  const kind = entry?.measure && entry.measure !== 'any' ? entry.measure : undefined;
  const units = kind ? UNITS[kind] : [...UNITS.count.slice(0, 6), '%', '万元'];
  const [, num = '', unitTyped = ''] = number;
  return units
    .filter((u) => u.startsWith(unitTyped) && u !== unitTyped)
    .map((u, i) => ({
      label: `${num}${u}`,
      kind: CompletionItemKind.Unit,
      filterText: `${num}${u}`,
      textEdit: { range: rangeOf(place, from, place.cur), newText: `${num}${u}` },
      sortText: `1${String(i).padStart(3, '0')}`,
    }));
}

/**
 * After the whole-period value: the annual label with the value copied (and the full stop),
 * written over an empty annual value that already follows.
 */
function annualAfterPeriodItems(place: Place, at: ValuePlace): CompletionItem[] {
  const { cur, style, locale } = place;
  const next = new RegExp(`^[；;][ \\u3000]*${LABELS.annual}[ \\u3000]*[：:]?`).exec(at.rest);
  const annualEmpty = next ? valueTokenLength(at.rest.slice(next[0].length)) === 0 : false;
  const v = at.typed.trim();
  if (next && annualEmpty) {
    const newText = `${style.sep}${LABELS.annual}${style.colon}${v}`;
    return [
      {
        label: newText,
        kind: CompletionItemKind.Value,
        detail: locale === 'en' ? 'annual value, same as the whole-period value' : '年度指标值，与实施周期指标值相同',
        filterText: newText,
        textEdit: { range: rangeOf(place, cur, cur + next[0].length), newText },
        sortText: '5',
      },
    ];
  }
  if (!at.stopNeeded) return [];
  const whole = `${style.sep}${LABELS.annual}${style.colon}${v}。`;
  const label = `${style.sep}${LABELS.annual}${style.colon}`;
  return [
    {
      label: whole,
      kind: CompletionItemKind.Value,
      detail:
        locale === 'en'
          ? 'the rest of the indicator: annual value same as the whole-period value'
          : '指标其余部分：年度指标值与实施周期指标值相同',
      filterText: whole,
      textEdit: { range: rangeOf(place, cur, cur), newText: whole },
      sortText: '5',
      command: REOPEN,
    },
    {
      label,
      kind: CompletionItemKind.Keyword,
      detail: locale === 'en' ? 'annual value' : '年度指标值',
      filterText: label,
      textEdit: { range: rangeOf(place, cur, cur), newText: label },
      sortText: '6',
      command: REOPEN,
    },
  ];
}
