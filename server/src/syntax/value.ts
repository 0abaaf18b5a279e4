/**
 * Reads an indicator value (`≥20000人次`, `约10万卷`, `6≤PH值≤9`, `本年内完成`) into its measures:
 * comparator, number (万/亿 expanded), unit, and the qualitative remainder.
 *
 * A hand-written scanner rather than a Chevrotain grammar: a value is free prose in which measures
 * occur anywhere, so there is no structure to recover, only spans to find. Every pattern below is
 * linear (no nested quantifiers).
 */
import {
  COMPARATOR_FORMS,
  MEASURE_UNITS,
  NUMBER_SOURCE,
  PER_MARKS,
  SCALES,
  UNIT_VARIANTS,
  type Comparator,
} from '../vocabulary';
import { toAscii } from './normalize';

export type { Comparator } from '../vocabulary';

export interface Measure {
  /** Normalised comparator, when the measure has one (symbol or word form). */
  readonly comparator?: Comparator;
  /** The comparator as written (`≧`, `不少于`, `以上`). */
  readonly comparatorText?: string;
  /** The number as written, without scale (`4.1` in `4.1万人`). */
  readonly number: number;
  /** 1, 1e4 (万) or 1e8 (亿). */
  readonly scale: number;
  /** number × scale. */
  readonly value: number;
  /** The unit after the scale: `人次`, `%`, `元/辆`, `条/月`; '' when none. */
  readonly unit: string;
  /** Offsets within the value text (UTF-16), end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface ParsedValue {
  readonly text: string;
  readonly kind: 'quantitative' | 'qualitative' | 'empty';
  readonly measures: readonly Measure[];
  /** `a≤X≤b`: both bounds. */
  readonly range?: { readonly low: Measure; readonly high: Measure; readonly subject: string };
  /** The text with every measure removed and whitespace trimmed. */
  readonly remainder: string;
  /** True when nothing but measures (and punctuation) is written: `≥20000人次≥45000人次`. */
  readonly onlyMeasures: boolean;
}

/** Comparators written before the number, longest first (`不超过` before `超过`). */
const PREFIXES = COMPARATOR_FORMS.filter((f) => f.place === 'before')
  .map((f) => f.text)
  .sort((x, y) => y.length - x.length);
/** How far before a number its comparator may start: the longest form. */
const PREFIX_REACH = Math.max(...PREFIXES.map((p) => p.length));
const MEANING = new Map(COMPARATOR_FORMS.map((f) => [f.text, f.means]));

const alternatives = (items: Iterable<string>): string =>
  [...items]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
/** Every unit as written (variants such as `％` too), longest first. */
const knownUnits = alternatives(new Set([...MEASURE_UNITS, ...Object.keys(UNIT_VARIANTS)]));
const scales = alternatives(Object.keys(SCALES));
const pers = alternatives(PER_MARKS);
const suffixes = alternatives(COMPARATOR_FORMS.filter((f) => f.place === 'after').map((f) => f.text));
/** Ceilings, as a range `6≤PH值≤9` writes them. */
const rangeMarks = COMPARATOR_FORMS.filter(
  (f) => f.place === 'before' && (f.means === '≤' || f.means === '<') && !/[\u4e00-\u9fff]/.test(f.text),
).map((f) => f.text);

/** A number: digits (full-width too), decimals, an optional fraction. Found first, cheaply. */
const NUMBER = new RegExp(NUMBER_SOURCE, 'g');
/** What may follow a number, matched right after it (sticky): scale, unit, per-unit, word suffix. */
const AFTER = new RegExp(
  `[ \\u3000]{0,3}(${scales})?[ \\u3000]{0,3}(${knownUnits})?(?:(${pers})(${knownUnits}|[\\u4e00-\\u9fff]))?(${suffixes})?`,
  'y',
);
const RANGE_MARK = alternatives(rangeMarks);
const RANGE = new RegExp(
  `^[ \\u3000]*([0-9]+(?:\\.[0-9]+)?)[ \\u3000]*(${RANGE_MARK})[ \\u3000]*([^${rangeMarks.map((m) => m.charAt(0)).join('')}0-9]{1,40})[ \\u3000]*(${RANGE_MARK})[ \\u3000]*([0-9]+(?:\\.[0-9]+)?)`,
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function parseNumber(text: string): number {
  // A number as matched: its `．` stands between digits, which `toAscii` reads as a point.
  const ascii = toAscii(text);
  const slash = ascii.indexOf('/');
  if (slash > 0) {
    const num = Number(ascii.slice(0, slash));
    const den = Number(ascii.slice(slash + 1));
    return den === 0 ? Number.NaN : num / den;
  }
  return Number(ascii);
}

function normaliseComparator(text: string | undefined): Comparator | undefined {
  return text ? MEANING.get(text) : undefined;
}

/** Strips one pair of surrounding quotes (“…” or "…"). */
export function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && ((t.startsWith('“') && t.endsWith('”')) || (t.startsWith('"') && t.endsWith('"')))) {
    return t.slice(1, -1);
  }
  return t;
}

/**
 * Values repeat across a table (“≥90%”, “100%”, “本年内完成”) and a reading depends on the text
 * alone, so readings are shared; the memo is emptied when it grows past its bound.
 */
const memo = new Map<string, ParsedValue>();
const MEMO_LIMIT = 20000;

export function parseValue(text: string): ParsedValue {
  let v = memo.get(text);
  if (!v) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    v = readValue(text);
    memo.set(text, v);
  }
  return v;
}

function readValue(text: string): ParsedValue {
  if (text.trim() === '') {
    return { text, kind: 'empty', measures: [], remainder: '', onlyMeasures: false };
  }
  const measures: Measure[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    const num = m[0];
    const number = parseNumber(num);
    if (!Number.isFinite(number)) continue;
    // A comparator written right before the number (up to three spaces between).
    let start = m.index;
    let gap = start;
    while (gap > 0 && start - gap < 3 && (text[gap - 1] === ' ' || text[gap - 1] === '\u3000')) gap--;
    const before = text.slice(Math.max(0, gap - PREFIX_REACH), gap);
    const prefix = PREFIXES.find((p) => before.endsWith(p));
    if (prefix) start = gap - prefix.length;
    AFTER.lastIndex = m.index + num.length;
    const after = AFTER.exec(text);
    const [tail = '', scaleText, unitText, per, perUnit, suffix] = after ?? [];
    const scale = scaleText ? (SCALES[scaleText] ?? 1) : 1;
    let unit = unitText ? (UNIT_VARIANTS[unitText] ?? unitText) : '';
    if (per && perUnit) unit = `${unit}/${perUnit}`;
    const comparatorText = prefix ?? suffix;
    const comparator = normaliseComparator(comparatorText);
    const end = m.index + num.length + tail.length;
    measures.push({
      ...(comparator ? { comparator, comparatorText } : {}),
      number,
      scale,
      value: number * scale,
      unit,
      start,
      end,
    });
    NUMBER.lastIndex = end;
  }
  let range: ParsedValue['range'];
  const r = RANGE.exec(text);
  if (r && measures.length >= 2) {
    const [low, high] = measures;
    if (low && high) range = { low, high, subject: (r[3] ?? '').trim() };
  }
  let remainder = '';
  let last = 0;
  for (const m of measures) {
    remainder += text.slice(last, m.start);
    last = m.end;
  }
  remainder += text.slice(last);
  remainder = remainder.trim();
  const onlyMeasures = measures.length > 0 && /^[\s\u3000,，、;；。.“”"]*$/.test(remainder);
  return {
    text,
    kind: measures.length > 0 ? 'quantitative' : 'qualitative',
    measures,
    ...(range ? { range } : {}),
    remainder,
    onlyMeasures,
  };
}

/** Money in 万元 for a measure whose unit is 元 (with 万/亿 scale) or 万元/亿元; undefined otherwise. */
export function moneyInWan(m: Measure): number | undefined {
  const base = m.unit.split('/')[0];
  if (base === '元') return m.value / 1e4;
  if (base === '万元') return m.value;
  if (base === '亿元') return m.value * 1e4;
  return undefined;
}
