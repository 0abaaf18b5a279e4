/**
 * Completion in an application form's grid: each cell offers what its column holds, as the grid
 * header names the column (`columnRole`, the reader's own names) — level-1 names in a 一级 cell,
 * the level-2 names under the row's (or the carried) 一级 in a 二级 cell, units (the class's kind
 * first), the direction, nature and comparator words, the standards. A column the reader found
 * holding another column's content (`column-content`) offers that content's words first.
 *
 * Every item's range covers the cell's text (the cursor within it) or stands at the cursor, so an
 * accepted item replaces what is typed of the cell and nothing else; an item that would only write
 * again the cell's text is not offered.
 */
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import { childrenOf, level1Codes, lookupCode, lookupName, type CodeEntry } from '../catalogue';
import { localize, type Locale } from '../i18n';
import type { IndicatorPart, ModelIndicator } from '../model/types';
import { labelText } from '../syntax/form';
import {
  COMPARATORS,
  DIRECTION_WORDS,
  MEASURE_UNITS,
  NATURE_WORDS,
  STANDARD_WORDS,
  UNITS,
  type Bilingual,
  type MeasureKind,
} from '../vocabulary';
import { formPlaceAt, type FormPlace } from './form-place';
import { rangeOf } from './positions';
import type { Span, TargetDocument } from '../syntax/document';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

interface Word {
  readonly text: string;
  readonly detail: string;
  readonly documentation?: string;
  readonly filterText?: string;
  readonly kind: CompletionItemKind;
}

/** The level-1 entry a row's 一级 cell (written or carried) names. */
function level1Of(indicator: ModelIndicator | undefined): CodeEntry | undefined {
  const text = indicator?.level1?.text;
  const entry = text ? lookupName(labelText(text)) : undefined;
  if (!entry) return undefined;
  return entry.level === 1 ? entry : lookupCode(entry.parent ?? '');
}

/**
 * The row's indicator, or for a row with none yet (being typed), what it would carry: the last
 * indicator above it in the grid.
 */
function rowIndicator(place: FormPlace): ModelIndicator | undefined {
  if (place.indicator) return place.indicator;
  let above: ModelIndicator | undefined;
  for (const i of place.project.indicators) if (i.place.line < place.ref.line) above = i;
  return above;
}

function codeWord(e: CodeEntry, locale: Locale): Word {
  return {
    text: e.name,
    detail:
      locale === 'en'
        ? `${e.english} · level ${e.level} (${e.code})`
        : `${e.level === 1 ? '一级指标' : '二级指标'}（${e.code}）`,
    documentation: locale === 'en' ? `${e.description.zh}\n\n*${e.description.en}*` : e.description.zh,
    filterText: e.name,
    kind: CompletionItemKind.EnumMember,
  };
}

const plain = (words: readonly string[], detail: Bilingual, locale: Locale, kind: CompletionItemKind): Word[] =>
  words.map((text) => ({ text, detail: localize(detail, locale), kind }));

const KIND_DETAIL: Readonly<Record<Exclude<MeasureKind, 'any'>, Bilingual>> = {
  count: { zh: '计数单位', en: 'count' },
  rate: { zh: '比率', en: 'rate' },
  time: { zh: '时间单位', en: 'time' },
  money: { zh: '金额单位', en: 'money' },
};

function unitWords(indicator: ModelIndicator | undefined, locale: Locale): Word[] {
  const l2 = indicator?.level2?.text ? lookupName(labelText(indicator.level2.text)) : undefined;
  const first = l2?.measure && l2.measure !== 'any' ? l2.measure : undefined;
  const kinds = (Object.keys(UNITS) as Array<Exclude<MeasureKind, 'any'>>).sort(
    (a, b) => Number(b === first) - Number(a === first),
  );
  const seen = new Set<string>();
  const out: Word[] = [];
  for (const k of kinds)
    for (const u of UNITS[k])
      if (!seen.has(u)) {
        seen.add(u);
        out.push({ text: u, detail: localize(KIND_DETAIL[k], locale), kind: CompletionItemKind.Unit });
      }
  for (const u of MEASURE_UNITS)
    if (!seen.has(u)) {
      seen.add(u);
      out.push({ text: u, detail: locale === 'en' ? 'unit' : '计量单位', kind: CompletionItemKind.Unit });
    }
  return out;
}

function comparatorWords(locale: Locale): Word[] {
  return COMPARATORS.map((c) => ({
    text: c.symbol,
    detail: localize(c.description, locale),
    kind: CompletionItemKind.Operator,
  }));
}

function wordsFor(role: IndicatorPart, place: FormPlace, locale: Locale): Word[] {
  switch (role) {
    case 'level1':
      return level1Codes().map((e) => codeWord(e, locale));
    case 'level2': {
      const parent = level1Of(rowIndicator(place));
      const list = parent ? childrenOf(parent.code) : level1Codes().flatMap((e) => childrenOf(e.code));
      return list.map((e) => codeWord(e, locale));
    }
    case 'unit':
      return unitWords(rowIndicator(place), locale);
    case 'direction':
      return [
        ...plain(DIRECTION_WORDS.up, { zh: '越大越好', en: 'higher is better' }, locale, CompletionItemKind.EnumMember),
        ...plain(
          DIRECTION_WORDS.down,
          { zh: '越小越好', en: 'lower is better' },
          locale,
          CompletionItemKind.EnumMember,
        ),
      ];
    case 'nature':
      return [
        ...plain(
          NATURE_WORDS.quantitative,
          { zh: '有可核验的数值', en: 'a number to verify' },
          locale,
          CompletionItemKind.EnumMember,
        ),
        ...plain(
          NATURE_WORDS.qualitative,
          { zh: '文字描述', en: 'described in words' },
          locale,
          CompletionItemKind.EnumMember,
        ),
      ];
    case 'comparator':
      return comparatorWords(locale);
    case 'standard':
      return plain(STANDARD_WORDS, { zh: '绩效标准', en: 'standard' }, locale, CompletionItemKind.EnumMember);
    default:
      return [];
  }
}

/** The roles a column offers: the content the reader found it holding first, then its own. */
function rolesOf(place: FormPlace): IndicatorPart[] {
  const role = place.role;
  if (!role) return [];
  const header = place.header?.row.cells[place.cellIndex];
  const held = place.model.notes.find(
    (n) =>
      n.kind === 'column-content' &&
      n.place.line === place.header?.line &&
      header !== undefined &&
      n.place.span.start === header.textSpan.start,
  )?.holds;
  if (held && held !== role) return [held, role];
  // 指标性质 holds ≥ ≤ ＝ or 定性 in the budget systems' template: comparators first where its cells do.
  if (role === 'nature' && !place.project.columns.includes('comparator'))
    return place.project.indicators.some((i) => i.comparator) ? ['comparator', 'nature'] : ['nature', 'comparator'];
  return [role];
}

/** Completion in a form; undefined when `pos` is in no form (an empty list where a form offers nothing). */
export function formComplete(doc: TargetDocument, pos: Position, locale: Locale): CompletionList | undefined {
  const place = formPlaceAt(doc, pos);
  if (!place) return undefined;
  const { cell, offset, ref } = place;
  if (place.kind !== 'grid' || !cell) return EMPTY;
  const text = cell.textSpan;
  const span: Span = offset >= text.start && offset <= text.end ? text : { start: offset, end: offset };
  const current = ref.row.text.slice(span.start, span.end);
  const range = rangeOf(ref, span);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const role of rolesOf(place)) {
    for (const w of wordsFor(role, place, locale)) {
      if (seen.has(w.text) || w.text === current) continue;
      seen.add(w.text);
      items.push({
        label: w.text,
        kind: w.kind,
        detail: w.detail,
        ...(w.documentation ? { documentation: { kind: 'markdown', value: w.documentation } } : {}),
        filterText: w.filterText ?? w.text,
        sortText: String(items.length).padStart(4, '0'),
        textEdit: { range, newText: w.text },
      });
    }
  }
  return { isIncomplete: false, items };
}
