/**
 * Reads an indicator value (`≥20000人次`, `约10万卷`, `6≤PH值≤9`, `本年内完成`) into its measures:
 * comparator, number (万/亿 expanded), unit, and the qualitative remainder.
 *
 * A hand-written scanner rather than a Chevrotain grammar: a value is free prose in which measures
 * occur anywhere, so there is no structure to recover, only spans to find. Every pattern below is
 * linear (no nested quantifiers).
 */
import { UNITS } from '../catalogue';
import { toAscii } from './normalize';

/** Normalised comparators: `≈` is 约 (approximate), which cannot be checked. */
export type Comparator = '≥' | '>' | '=' | '≤' | '<' | '≈';

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

const SYMBOLS: ReadonlyArray<[string, Comparator]> = [
  ['>=', '≥'], ['<=', '≤'], ['≥', '≥'], ['≧', '≥'], ['≤', '≤'], ['≦', '≤'], ['＞', '>'], ['>', '>'],
  ['＜', '<'], ['<', '<'], ['＝', '='], ['=', '='],
];
const PREFIX_WORDS: ReadonlyArray<[string, Comparator]> = [
  ['最高不超过', '≤'], ['不少于', '≥'], ['不低于', '≥'], ['达到', '≥'], ['不超过', '≤'], ['不高于', '≤'],
  ['不大于', '≤'], ['超过', '>'], ['高于', '>'], ['大于', '>'], ['低于', '<'], ['少于', '<'], ['不足', '<'], ['约', '≈'],
];
const SUFFIX_WORDS: ReadonlyArray<[string, Comparator]> = [['以上', '≥'], ['以下', '≤'], ['以内', '≤']];

const PREFIXES = [...SYMBOLS, ...PREFIX_WORDS].map(([t]) => t).sort((x, y) => y.length - x.length);

const knownUnits = Array.from(new Set([...UNITS.count, ...UNITS.rate, ...UNITS.time, ...UNITS.money, '米', '公里', '平方米', '亩', '吨', '册', '课时', '门', '学时', '类', '元/人', '岁']))
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');

/** A number: digits (full-width too), decimals, an optional fraction. Found first, cheaply. */
const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:\/[0-9]+)?/g;
/** What may follow a number, matched right after it (sticky): scale, unit, per-unit, word suffix. */
const AFTER = new RegExp(`[ \\u3000]{0,3}(万|亿)?[ \\u3000]{0,3}(%|％|${knownUnits})?(?:(/|每)(${knownUnits}|[\\u4e00-\\u9fff]))?(以上|以下|以内)?`, 'y');
const RANGE = /^[ \u3000]*([0-9]+(?:\.[0-9]+)?)[ \u3000]*(≤|≦|<|＜|<=)[ \u3000]*([^≤≦<＜0-9]{1,40})[ \u3000]*(≤|≦|<|＜|<=)[ \u3000]*([0-9]+(?:\.[0-9]+)?)/;

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
  if (!text) return undefined;
  for (const [t, c] of SYMBOLS) if (t === text) return c;
  for (const [t, c] of PREFIX_WORDS) if (t === text) return c;
  for (const [t, c] of SUFFIX_WORDS) if (t === text) return c;
  return undefined;
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
    const before = text.slice(Math.max(0, gap - 5), gap);
    const prefix = PREFIXES.find((p) => before.endsWith(p));
    if (prefix) start = gap - prefix.length;
    AFTER.lastIndex = m.index + num.length;
    const after = AFTER.exec(text);
    const [tail = '', scaleText, unitText, per, perUnit, suffix] = after ?? [];
    const scale = scaleText === '亿' ? 1e8 : scaleText === '万' ? 1e4 : 1;
    let unit = unitText === '％' ? '%' : unitText ?? '';
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
