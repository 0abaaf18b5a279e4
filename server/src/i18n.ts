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

/** 万元 as the table writes them: thousands separators, two decimals. */
export function formatWan(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A plain number without trailing zeros, for values read from indicators. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}
