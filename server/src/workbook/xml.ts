/**
 * A minimal, linear XML tokenizer for SpreadsheetML parts: elements (names without their namespace
 * prefix), attributes, text and CDATA, the five predefined entities and numeric character
 * references. Comments and processing instructions are skipped. A DOCTYPE is refused: no DTD is
 * ever read, so no entity can expand (the “billion laughs”), and any other named entity is an error.
 * Every step moves forward with `indexOf` or one character at a time: time is linear in the text.
 */
import { refuse } from './errors';

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  open(name: string, attributes: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** `what` is a short English description of the fault (the Chinese message says where only). */
const malformed = (part: string, what: string): never =>
  refuse({
    zh: `工作簿的部件 ${part} 不是有效的 XML，可能已损坏`,
    en: `the workbook's part ${part} is not valid XML (${what})`,
  });

/** `prefix:name` → `name`. */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Text with its entity and character references replaced. */
export function decodeEntities(text: string, part = 'XML'): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) return malformed(part, 'an “&” that starts no reference');
    const name = text.slice(amp + 1, semi);
    let char: string | undefined;
    if (name.charCodeAt(0) === 0x23 /* # */) {
      const hex = name.charCodeAt(1) === 0x78 || name.charCodeAt(1) === 0x58;
      const digits = hex ? name.slice(2) : name.slice(1);
      const code = (hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!(code >= 1 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
        return malformed(part, `character reference &${name};`);
      char = String.fromCodePoint(code);
    } else {
      char = PREDEFINED.get(name);
      if (char === undefined) {
        return refuse({
          zh: `工作簿的部件 ${part} 使用了未定义的实体 &${name.slice(0, 20)};，拒绝读取`,
          en: `the workbook's part ${part} uses the undefined entity &${name.slice(0, 20)}; refused`,
        });
      }
    }
    out += text.slice(from, amp) + char;
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Reads `xml` (the part named `part`, for messages) from start to end, calling `on` per token. */
export function scanXml(xml: string, on: XmlHandler, part: string): void {
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      on.text(decodeEntities(xml.slice(i), part));
      return;
    }
    if (lt > i) on.text(decodeEntities(xml.slice(i, lt), part));
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) malformed(part, 'unclosed processing instruction');
      i = end + 2;
      continue;
    }
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) malformed(part, 'unclosed comment');
        i = end + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) malformed(part, 'unclosed CDATA');
        on.text(xml.slice(lt + 9, end));
        i = end + 3;
        continue;
      }
      if (xml.slice(lt + 2, lt + 9).toUpperCase() === 'DOCTYPE') {
        refuse({
          zh: `工作簿的部件 ${part} 含 DOCTYPE 声明（可能是实体扩展攻击），拒绝读取；Excel、WPS 和 LibreOffice 保存的工作簿不含此声明`,
          en: `the workbook's part ${part} holds a DOCTYPE declaration (an entity expansion attack?); refused — workbooks saved by Excel, WPS and LibreOffice hold none`,
        });
      }
      malformed(part, 'a “<!” declaration');
    }
    if (c === 0x2f /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) malformed(part, 'unclosed end tag');
      on.close(local(xml.slice(lt + 2, end).trim()));
      i = end + 1;
      continue;
    }
    // A start tag: its name, then attributes up to `>` or `/>` (a value may hold `>`).
    let j = lt + 1;
    while (j < n) {
      const k = xml.charCodeAt(j);
      if (isSpace(k) || k === 0x3e || k === 0x2f) break;
      j++;
    }
    const name = local(xml.slice(lt + 1, j));
    if (name === '') malformed(part, 'a “<” that starts no tag');
    // No prototype: an attribute named `__proto__` or `constructor` is an attribute like any other.
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) return malformed(part, `unclosed tag <${name}>`);
      const k = xml.charCodeAt(j);
      if (k === 0x3e) {
        on.open(name, attributes, false);
        i = j + 1;
        break;
      }
      if (k === 0x2f) {
        if (xml.charCodeAt(j + 1) !== 0x3e) malformed(part, `a “/” inside <${name}>`);
        on.open(name, attributes, true);
        on.close(name);
        i = j + 2;
        break;
      }
      const eq = xml.indexOf('=', j);
      if (eq < 0) return malformed(part, `an attribute without a value in <${name}>`);
      const attribute = xml.slice(j, eq).trim();
      j = eq + 1;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const quote = xml.charCodeAt(j);
      if (quote !== 0x22 && quote !== 0x27) return malformed(part, `an unquoted attribute in <${name}>`);
      const close = xml.indexOf(quote === 0x22 ? '"' : "'", j + 1);
      if (close < 0 || attribute === '' || /[\s<>]/.test(attribute))
        return malformed(part, `an attribute in <${name}>`);
      attributes[local(attribute)] = decodeEntities(xml.slice(j + 1, close), part);
      j = close + 1;
    }
  }
}
