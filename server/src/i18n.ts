/**
 * Bilingual text. Every user-facing message of the checker is a `Bilingual`, chosen at the edge:
 * the command line by `--locale`, the server by the client's display language.
 */
import type { Bilingual } from './catalogue';

export type { Bilingual } from './catalogue';
export type Locale = 'zh-cn' | 'en';

/** `zh-cn`, `zh`, `zh-hans`, `zh-CN` read Chinese; everything else English (VS Code's convention). */
export function toLocale(tag: string | undefined): Locale {
  return tag !== undefined && /^zh(?:[-_](?:cn|hans|sg))?$/i.test(tag) ? 'zh-cn' : 'en';
}

export function localize(text: Bilingual, locale: Locale): string {
  return locale === 'zh-cn' ? text.zh : text.en;
}

/** 万元 as the table writes them: thousands separators, two decimals (rounded half away from zero). */
export function formatWan(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const cents = Math.round(Math.abs(value) * 100 + 1e-6);
  const int = String(Math.floor(cents / 100));
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += ',';
    grouped += int[i];
  }
  const frac = String(cents % 100).padStart(2, '0');
  return `${value < 0 && cents > 0 ? '-' : ''}${grouped}.${frac}`;
}

/** A plain number without trailing zeros, for values read from indicators. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}
