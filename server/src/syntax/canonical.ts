/**
 * How things are written when they are written right: HTML removed, amounts with thousands
 * separators and two decimals, the official punctuation of a style. A rule reports what differs
 * and formatting writes it; both read these functions, so that neither holds logic of the other
 * (shared logic never lives inside a rule).
 */
import type { PunctuationStyle } from '../config';
import { formatWan } from '../i18n';
import {
  countWidths,
  HTML_ENTITIES,
  HTML_LIMITS,
  inWidth,
  OFFICIAL_MARKS,
  widthOf,
  type MarkRole,
  type Width,
} from '../vocabulary';
import type { Amount } from './document';
import { amountAscii } from './normalize';

export type { Width } from '../vocabulary';

const NUMERIC_ENTITY = new RegExp(`^&#([0-9]{1,${HTML_LIMITS.codePoint}});$`);

/** What an HTML tag or entity becomes when removed: tags vanish, entities become their character. */
export function htmlReplacement(text: string): string {
  const numeric = NUMERIC_ENTITY.exec(text);
  if (numeric) {
    const code = Number(numeric[1]);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  if (text.startsWith('&') && text.endsWith(';')) return HTML_ENTITIES[text.slice(1, -1)] ?? '';
  return '';
}

/**
 * How an amount should be written, when it is not: the text and whether rewriting is safe (more
 * than two decimals means rounding, which the clerk must decide).
 */
export function amountRewrite(a: Amount): { readonly text: string; readonly safe: boolean } | undefined {
  if (a.value === undefined || a.empty) return undefined;
  const text = formatWan(a.value);
  if (a.cell.text === text) return undefined;
  const decimals = /\.([0-9]+)$/.exec(amountAscii(a.cell.text))?.[1]?.length ?? 0;
  return { text, safe: decimals <= 2 };
}

/** A mark as the parser read it: its character and its place in the indicator. */
interface Mark {
  readonly char: string;
  readonly role: MarkRole;
}

/** The style a cell should follow: the configured one, or for `consistent` the cell's majority. */
export function targetWidth(style: PunctuationStyle, marks: readonly Mark[]): Width {
  return style === 'consistent' ? widthOf(countWidths(marks)) : style;
}

/** The punctuation mark official for a role in a style. */
export function officialMark(width: Width, role: MarkRole): string {
  return OFFICIAL_MARKS[width][role];
}

/** The mark a punctuation should be: the official one, or under `consistent` the same mark in the majority width. */
export function expectedMark(style: PunctuationStyle, width: Width, p: Mark): string {
  if (style !== 'consistent' || p.role === 'terminator') return officialMark(width, p.role);
  return inWidth(p.char, width);
}
