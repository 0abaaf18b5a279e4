/**
 * Number formats: which of a workbook's cells Excel shows as a date, a time or a percentage.
 *
 * `cellFormats` reads the styles part (`xl/styles.xml`): the custom formats of `numFmts` by id and
 * each `xf` of `cellXfs` by its `numFmtId` (a cell's `s` is an index into `cellXfs`). A format is
 * classified, not rendered: built-in ids by Excel's table, custom codes by their first section's
 * tokens outside quoted text, escapes and brackets. Everything else is a plain number. The part is
 * read with the linear `scanXml`; its formats are bounded (`FORMAT_LIMITS`), and a part that is not
 * valid XML means no formats: a cell shows its number, as without a styles part.
 */
import { WorkbookError } from './errors';
import { scanXml } from './xml';

/** How Excel shows a number, as far as the import cares; a cell without one shows its number. */
export type NumberFormat =
  | {
      readonly kind: 'date' | 'datetime' | 'time';
      /** The workbook counts days from 1904-01-01 (`workbookPr date1904`), not from 1900. */
      readonly date1904: boolean;
    }
  | { readonly kind: 'percent'; readonly decimals: number };

export const FORMAT_LIMITS = {
  /** Custom number formats read (Excel allows 200 to 250 a workbook). */
  numberFormats: 4_096,
  /** Cell formats (`cellXfs`) read (Excel allows 64 000 a workbook); a cell past them is general. */
  cellFormats: 65_536,
  /** Decimals of a percentage shown (Excel shows at most 30). */
  decimals: 30,
} as const;

type Kind = 'date' | 'datetime' | 'time' | 'percent0' | 'percent2';

/**
 * Excel's built-in formats that are dates, times or percentages: 9–10 (`0%`, `0.00%`), 14–22
 * (`m/d/yyyy` … `m/d/yyyy h:mm`), 45 and 47 (`mm:ss`, `mmss.0`; 46, `[h]:mm:ss`, is a duration), and the East Asian
 * locales' dates and times (27–36, 50–58: `yyyy"年"m"月"d"日"`, `h"时"mm"分"`… in Chinese).
 */
function builtinKind(id: number): Kind | undefined {
  if (id === 9) return 'percent0';
  if (id === 10) return 'percent2';
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id === 36 || (id >= 50 && id <= 54) || id === 57 || id === 58)
    return 'date';
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || id === 45 || id === 47 || id === 55 || id === 56)
    return 'time';
  return id === 22 ? 'datetime' : undefined;
}

/**
 * The first section of a format code (the one for positive numbers) as Excel reads its tokens:
 * quoted text, `\x` escapes, `_x` spaces and `*x` fills left out; brackets left out too, except an
 * elapsed time (`[h]`, `[mm]`, `[ss]`), kept as `[`. Linear in the code.
 */
function tokens(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === ';') break;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) break;
      i = end;
    } else if (c === '\\' || c === '_' || c === '*') i++;
    else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      if (end < 0) break;
      if (/^(?:h+|m+|s+)$/i.test(code.slice(i + 1, end))) out += '[';
      i = end;
    } else out += c;
  }
  return out;
}

/**
 * A custom code's kind: a date with y, d, or m without h or s (`yyyy/m/d`, `m/d/yy`,
 * `[$-804]yyyy"年"m"月"d"日"`), a time with h or s (or AM/PM), both a date and time; else a
 * percentage when it ends with `%` (its decimals: the `0`, `#` or `?` after the point).
 */
export function classifyCode(
  code: string,
): { kind: 'date' | 'datetime' | 'time' } | { kind: 'percent'; decimals: number } | undefined {
  const t = tokens(code)
    .toLowerCase()
    .replace(/general|e[+-]/g, '')
    .replace(/am\/pm|a\/p|上午\/下午/g, 'h');
  // A duration (`[h]:mm`: 36:00 for 1.5 days) is no time of day: it stays a number.
  if (t.includes('[')) return undefined;
  const time = /[hs]/.test(t);
  const date = /[yd]/.test(t) || (!time && t.includes('m'));
  if (date || time) return { kind: date && time ? 'datetime' : date ? 'date' : 'time' };
  const trimmed = t.trimEnd();
  if (!trimmed.endsWith('%')) return undefined;
  const point = trimmed.indexOf('.');
  const decimals = point < 0 ? 0 : (/^[0#?]*/.exec(trimmed.slice(point + 1))?.[0].length ?? 0);
  return { kind: 'percent', decimals: Math.min(decimals, FORMAT_LIMITS.decimals) };
}

/** The format of a number format id: its custom code when the workbook defines one, else the built-in. */
function formatOf(id: number, custom: ReadonlyMap<number, string>, date1904: boolean): NumberFormat | undefined {
  const code = custom.get(id);
  if (code !== undefined) {
    const c = classifyCode(code);
    return c === undefined || c.kind === 'percent' ? c : { kind: c.kind, date1904 };
  }
  const kind = builtinKind(id);
  if (kind === undefined) return undefined;
  if (kind === 'percent0' || kind === 'percent2') return { kind: 'percent', decimals: kind === 'percent0' ? 0 : 2 };
  return { kind, date1904 };
}

/**
 * Per cell format (`cellXfs` index): its number format, undefined for a plain number. A part that
 * is not valid XML gives none (its cells show their numbers); past `FORMAT_LIMITS` the rest are
 * left out.
 */
export function cellFormats(xml: string, part: string, date1904: boolean): ReadonlyArray<NumberFormat | undefined> {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  try {
    scanXml(
      xml,
      {
        open(name, a) {
          if (name === 'numFmts') inNumFmts = true;
          else if (name === 'cellXfs') inCellXfs = true;
          else if (name === 'numFmt' && inNumFmts && custom.size < FORMAT_LIMITS.numberFormats) {
            const id = Number(a['numFmtId']);
            if (Number.isInteger(id) && a['formatCode'] !== undefined) custom.set(id, a['formatCode']);
          } else if (name === 'xf' && inCellXfs && ids.length < FORMAT_LIMITS.cellFormats) {
            ids.push(Number(a['numFmtId'] ?? 0));
          }
        },
        close(name) {
          if (name === 'numFmts') inNumFmts = false;
          else if (name === 'cellXfs') inCellXfs = false;
        },
        text() {},
      },
      part,
    );
  } catch (e) {
    if (e instanceof WorkbookError) return [];
    throw e;
  }
  // One format object per number format, shared by the cells using it.
  const byId = new Map<number, NumberFormat | undefined>();
  return ids.map((id) => {
    if (!byId.has(id)) byId.set(id, Number.isInteger(id) ? formatOf(id, custom, date1904) : undefined);
    return byId.get(id);
  });
}

/** A date and time of day, as Excel shows it (to the second). */
export interface DateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const DAY_SECONDS = 86_400;
/** The last day Excel shows: 9999-12-31 (2 958 465 in the 1900 system). */
const LAST_SERIAL_1900 = 2_958_465;
const LAST_SERIAL_1904 = LAST_SERIAL_1900 - 1_462;

/**
 * The date and time a serial stands for, rounded to the second as Excel shows it; undefined where
 * Excel shows `####` (before day 0, after 9999). The 1900 system counts 1900-02-29, a day that never
 * was (Lotus 1-2-3's mistake, kept): serial 60 is that day, and from 61 on a day later than counted.
 */
export function dateOfSerial(serial: number, date1904: boolean): DateTime | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= (date1904 ? LAST_SERIAL_1904 : LAST_SERIAL_1900) + 1)
    return undefined;
  let seconds = Math.round(serial * DAY_SECONDS);
  let days = Math.floor(seconds / DAY_SECONDS);
  seconds -= days * DAY_SECONDS;
  const time = { hour: Math.floor(seconds / 3600), minute: Math.floor(seconds / 60) % 60, second: seconds % 60 };
  // Day 0 of the 1900 system is Excel's “1900/1/0”.
  if (!date1904 && days === 0) return { year: 1900, month: 1, day: 0, ...time };
  if (!date1904 && days === 60) return { year: 1900, month: 2, day: 29, ...time };
  if (!date1904 && days < 60) days++;
  const d = new Date(
    Date.UTC(date1904 ? 1904 : 1899, date1904 ? 0 : 11, date1904 ? 1 : 30) + days * DAY_SECONDS * 1000,
  );
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), ...time };
}
