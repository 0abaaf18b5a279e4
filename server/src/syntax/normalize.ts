/**
 * Characters read by their meaning although written otherwise than the finance system writes them:
 * full-width digits and letters (`２２`, `ｍ`), the full-width percent sign and decimal point, and
 * the dashes an IME types between a code and its name (`－ — ― ‐`). The parser, the value reader
 * and the amounts read them as their ASCII forms; the `nonstandard-characters` rule and formatting
 * write those forms back. One place decides what is normalised, so that reading and fixing agree.
 */
import { DASH_CHARS } from '../vocabulary';
import type { IndicatorNode } from './indicators';

/** The dash the finance system writes between a code and its name. */
export const CANONICAL_DASH = DASH_CHARS.charAt(0);

/** A full-width digit or Latin letter (U+FF10–FF19, FF21–FF3A, FF41–FF5A). */
export function isFullwidthAlnum(c: number): boolean {
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

const FULLWIDTH_DIGIT = (c: number): boolean => c >= 0xff10 && c <= 0xff19;
const isDigitCode = (c: number): boolean => (c >= 0x30 && c <= 0x39) || FULLWIDTH_DIGIT(c);

/**
 * Whether the character at `i` is one to write in ASCII: a full-width digit or letter, `％`, or a
 * full-width point `．` between digits (`９５．５`; elsewhere `．` is punctuation).
 */
function needsAscii(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isFullwidthAlnum(c) || c === 0xff05) return true;
  return c === 0xff0e && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1));
}

/** The text with every such character in ASCII; the same string when it has none (the usual case). */
export function toAscii(text: string): string {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0xff00) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++)
    out += needsAscii(text, i) ? String.fromCharCode(text.charCodeAt(i) - 0xfee0) : text.charAt(i);
  return out;
}

/** A replacement within a line. */
export interface CharEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Edits writing the runs of `text` (at column `base`) that need ASCII in ASCII, appended to `out`. */
export function asciiEdits(text: string, base: number, out: CharEdit[]): void {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0xff00 || !needsAscii(text, i)) continue;
    let j = i + 1;
    while (j < text.length && needsAscii(text, j)) j++;
    out.push({ start: base + i, end: base + j, newText: toAscii(text.slice(i, j)) });
    i = j - 1;
  }
}

/** Edits writing every dash of `text` (at column `base`) other than the canonical one as `-`. */
export function dashEdits(text: string, base: number, out: CharEdit[]): void {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch !== CANONICAL_DASH && DASH_CHARS.includes(ch))
      out.push({ start: base + i, end: base + i + 1, newText: CANONICAL_DASH });
  }
}

/**
 * The edits that write an indicator's sequence number, codes, dashes and values in the system's
 * characters, in place order. A sequence number with a wrong mark is left to the parser's own fix.
 */
export function indicatorCharEdits(ind: IndicatorNode, line: string): CharEdit[] {
  const out: CharEdit[] = [];
  const seq = ind.seq.span;
  const seqText = line.slice(seq.start, seq.end);
  if (seqText.trimEnd().endsWith('、')) asciiEdits(seqText, seq.start, out);
  for (const node of [ind.level1, ind.level2]) {
    const code = node?.code;
    if (!node || !code) continue;
    asciiEdits(line.slice(code.span.start, code.span.end), code.span.start, out);
    const dashEnd = node.name ? node.name.span.start : node.span.end;
    dashEdits(line.slice(code.span.end, dashEnd), code.span.end, out);
  }
  for (const v of ind.values) asciiEdits(v.text, v.span.start, out);
  return out;
}

/** An amount's text with full-width digits, point and comma read as ASCII. */
export function amountAscii(text: string): string {
  const ascii = toAscii(text);
  return ascii.includes('，') ? ascii.replace(/，/g, ',') : ascii;
}
