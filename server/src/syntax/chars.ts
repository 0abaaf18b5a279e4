/** Character tests used on every row, as code-unit comparisons rather than regular expressions. */

/** What JavaScript's `\s` (and `String.prototype.trim`) counts as whitespace, ideographic space and BOM included. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f
  );
}

/** The text without any whitespace; the same string when it has none (the usual case). */
export function withoutSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (isSpaceCode(s.charCodeAt(i))) return s.replace(/\s+/g, '');
  }
  return s;
}
