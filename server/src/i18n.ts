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

/**
 * The command line's reading of a locale name, POSIX (`zh_CN.UTF-8`, `zh_CN.GB18030@euro`) or BCP 47
 * (`zh-Hans-CN`): every `zh…` is Chinese — the product has Simplified Chinese and English, and a reader
 * of Traditional Chinese reads the former better than the latter — anything else English. `undefined`
 * when the name says nothing: empty, `C` or `POSIX` (a container's default, not a choice of language).
 */
export function localeOfName(name: string | undefined): Locale | undefined {
  const base = (name ?? '').split(/[.@]/)[0]?.trim() ?? '';
  if (base === '' || /^(?:c|posix)$/i.test(base)) return undefined;
  return /^zh(?:[-_]|$)/i.test(base) ? 'zh-cn' : 'en';
}

/** What `--locale` accepts: `zh` and `en` with any region or script (`zh-cn`, `zh_CN`, `zh-Hans`, `en-US`). */
export function parseLocaleFlag(value: string): Locale | undefined {
  const base = value.split(/[.@]/)[0]?.trim() ?? '';
  if (/^zh(?:[-_][A-Za-z0-9]+)*$/i.test(base)) return 'zh-cn';
  if (/^en(?:[-_][A-Za-z0-9]+)*$/i.test(base)) return 'en';
  return undefined;
}

/**
 * The command line's locale: `--locale`, then `LC_ALL`, `LC_MESSAGES`, `LANG`, `LANGUAGE` (its first
 * entry), then the system's locale (`Intl`, which Node takes from the user's settings on Windows and
 * macOS). A source set to `C`/`POSIX` or empty is skipped. English when nothing names a language.
 */
export function resolveLocale(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  system: string | undefined,
): Locale {
  if (flag !== undefined) {
    const l = parseLocaleFlag(flag);
    if (l) return l;
  }
  const language = (env['LANGUAGE'] ?? '').split(':').find((x) => x.trim() !== '');
  for (const name of [env['LC_ALL'], env['LC_MESSAGES'], env['LANG'], language, system]) {
    const l = localeOfName(name);
    if (l) return l;
  }
  return 'en';
}

/** The system's locale as Node sees it (ICU's default), or undefined. */
export function systemLocale(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
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
