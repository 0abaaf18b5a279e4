/**
 * Reads bytes as text, detecting the encoding without being told: a BOM (UTF-8, UTF-16LE/BE), else
 * strict UTF-8, else UTF-16 without BOM (recognised by its zero bytes), else GB18030 (a superset of
 * GBK and GB2312, common in government offices). Node's built-in ICU decoders do the work.
 */

import { FORM_TITLE_SOURCE } from './vocabulary';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
}

export class BinaryFileError extends Error {
  constructor() {
    super('not a text file');
  }
}

function zeroShare(bytes: Uint8Array, parity: 0 | 1): number {
  const n = Math.min(bytes.length, 4096);
  let zeros = 0;
  let count = 0;
  for (let i = parity; i < n; i += 2) {
    count++;
    if (bytes[i] === 0) zeros++;
  }
  return count === 0 ? 0 : zeros / count;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  // UTF-16 without BOM: ASCII and CJK text leaves many zero bytes on one side.
  if (bytes.length >= 4 && bytes.length % 2 === 0) {
    const odd = zeroShare(bytes, 1);
    const even = zeroShare(bytes, 0);
    if (odd > 0.3 && even < 0.05) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
    if (even > 0.3 && odd < 0.05) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new BinaryFileError();
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

const FORM_TITLE = new RegExp(FORM_TITLE_SOURCE);

/**
 * Whether a .txt/.tsv text is a target table: its title, its header row or (an application form)
 * its indicator grid's header stands in the first lines.
 */
export function looksLikeTargetTable(text: string, lines = 40): boolean {
  let start = 0;
  for (let i = 0; i < lines && start <= text.length; i++) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : Math.min(nl, start + 4096));
    if (line.includes('绩效目标表') || (line.includes('绩效指标') && line.includes('\t') && /项目名称|总计/.test(line)))
      return true;
    if (FORM_TITLE.test(line) || (line.includes('\t') && line.includes('一级指标') && line.includes('二级指标')))
      return true;
    if (nl < 0) break;
    start = nl + 1;
  }
  return false;
}
