import type { Located, ModelIndicator } from '../model/types';
import { toAscii } from '../syntax/normalize';
import { DATE_NAME_WORDS, TIMELINESS_WORDS } from '../vocabulary';
import { projectRow } from './examples';
import type { ProjectRule } from './types';

/** Serial numbers read as dates: 1982-02-18 to 2064-04-08 (a budget's dates, not a count's range). */
const SERIAL_MIN = 30000;
const SERIAL_MAX = 60000;
/** A bare serial, with an optional comparator before it and the `.0` a number format adds: `44,561`, `=44561`. */
const SERIAL = /^\s*(?:[=≤≥<>]|<=|>=)?\s*([0-9]{2},[0-9]{3}|[0-9]{5})(?:\.0+)?\s*$/;
/** Day 0 of Excel's 1900 date system (which counts a 29 February 1900 that never was). */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86400000;

/** The date an Excel (1900 system) serial stands for. */
function dateOfSerial(serial: number): { year: number; month: number; day: number } {
  const d = new Date(EPOCH + serial * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whether the indicator's value is a date: a 时效 class, or a name with 时间/日期. */
function isDateIndicator(ind: ModelIndicator): boolean {
  const level2 = ind.level2?.text ?? '';
  const name = ind.name?.text ?? '';
  return TIMELINESS_WORDS.some((w) => level2.includes(w)) || DATE_NAME_WORDS.some((w) => name.includes(w));
}

function serialIn(cell: Located): { serial: number; start: number; text: string } | undefined {
  const ascii = toAscii(cell.text);
  const m = SERIAL.exec(ascii);
  const digits = m?.[1];
  if (!m || !digits) return undefined;
  const serial = Number(digits.replace(',', ''));
  if (serial < SERIAL_MIN || serial > SERIAL_MAX) return undefined;
  const start = ascii.indexOf(digits);
  const end = m[0].trimEnd().length;
  return { serial, start, text: cell.text.slice(start, end) };
}

export const serialDate: ProjectRule = {
  id: 'serial-date',
  category: 'values',
  scope: 'project',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    zh: '日期写成了电子表格的序列号（如「44,561」即 2021年12月31日）。',
    en: 'A date written as a spreadsheet serial number (`44,561` is 31 December 2021).',
  },
  rationale: {
    zh: 'Excel 把日期存为自 1900 年起的天数；单元格格式设成数字或从网页复制时，日期就显示为 44,561 这样的数。时效指标的目标值应写成日期（2021年12月31日），审核人才看得懂。',
    en: 'Excel stores a date as a count of days since 1900; formatted as a number, or copied from a web page, the date shows as 44,561. A timeliness target should be written as a date (2021年12月31日) for a reviewer to read it.',
  },
  examples: {
    bad: [
      {
        layout: 'form',
        rows: [
          '项目绩效目标表',
          '项目名称\t培训项目',
          '一级指标\t二级指标\t三级指标\t运算符号\t目标值\t计量单位',
          '产出指标\t时效指标\t资金到位时间\t=\t44,561\t',
        ],
      },
      {
        rows: [
          projectRow(
            '培训项目',
            ['100.00', '100.00'],
            '1、1-产出指标；13-时效指标；培训完成时间；实施周期指标值：44561；年度指标值：44561。',
          ),
        ],
      },
    ],
    good: [
      {
        layout: 'form',
        rows: [
          '项目绩效目标表',
          '项目名称\t培训项目',
          '一级指标\t二级指标\t三级指标\t运算符号\t目标值\t计量单位',
          '产出指标\t时效指标\t资金到位时间\t≤\t2021年12月31日\t',
          '产出指标\t数量指标\t培训人次\t≥\t45000\t人次',
        ],
      },
    ],
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      if (!isDateIndicator(ind)) continue;
      for (const cell of [ind.value, ind.period, ind.annual, ind.explanation]) {
        if (!cell) continue;
        const found = serialIn(cell);
        if (!found) continue;
        const { year, month, day } = dateOfSerial(found.serial);
        const date = `${year}年${month}月${day}日`;
        const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        // The cell as written stands in its span (a doubled quote aside): the number's place is exact then.
        const exact = cell.place.span.end - cell.place.span.start === cell.text.length;
        const span = exact
          ? {
              start: cell.place.span.start + found.start,
              end: cell.place.span.start + found.start + found.text.length,
            }
          : cell.place.span;
        ctx.report({
          place: { line: cell.place.line, span },
          message: {
            zh: `「${found.text}」是电子表格的日期序列号，即 ${date}：请写成日期`,
            en: `“${found.text}” is a spreadsheet date serial number, ${iso}: write it as a date`,
          },
          ...(exact
            ? {
                fixes: [
                  {
                    title: { zh: `改为 ${date}`, en: `Change to ${date}` },
                    safe: false,
                    edits: [{ line: cell.place.line, span, newText: date }],
                  },
                ],
              }
            : {}),
        });
      }
    }
  },
};
