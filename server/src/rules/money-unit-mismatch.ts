import { MONEY_UNITS, type MoneyUnit } from '../catalogue';
import { formatWan } from '../i18n';
import type { Table } from '../syntax/document';
import { projectRow } from './examples';
import type { DocumentRule } from './types';

/**
 * Project budgets a table can plausibly hold, in 元: from 5,000 元 to 100 亿元. A table whose typical
 * (median) project lies outside reads its amounts in the wrong unit: a 元 table filled in 万元 has
 * projects of a few hundred 元, a 万元 table filled in 元 projects of hundreds of 亿元.
 */
const PLAUSIBLE_YUAN = { low: 5e3, high: 1e10 } as const;

/** The median project total of a table, in its unit; undefined without a positive one. */
function medianTotal(table: Table): number | undefined {
  const totals: number[] = [];
  for (const p of table.projects) {
    const v = p.row.amounts[0]?.value;
    if (v !== undefined && v > 0) totals.push(v);
  }
  if (totals.length === 0) return undefined;
  totals.sort((a, b) => a - b);
  return totals[Math.floor((totals.length - 1) / 2)];
}

/** The unit the amounts look written in: the one that puts the median in the plausible range. */
function likelyUnit(median: number, stated: MoneyUnit): MoneyUnit | undefined {
  const yuan = median * MONEY_UNITS[stated].wan * 1e4;
  if (yuan >= PLAUSIBLE_YUAN.low && yuan <= PLAUSIBLE_YUAN.high) return undefined;
  const fits = (Object.keys(MONEY_UNITS) as MoneyUnit[]).filter((u) => {
    const y = median * MONEY_UNITS[u].wan * 1e4;
    return y >= PLAUSIBLE_YUAN.low && y <= PLAUSIBLE_YUAN.high;
  });
  // 元 ↔ 万元 is the usual slip: those first, then the nearest unit that fits.
  for (const u of ['万元', '元'] as const) if (u !== stated && fits.includes(u)) return u;
  return yuan < PLAUSIBLE_YUAN.low ? fits[0] : fits[fits.length - 1];
}

export const moneyUnitMismatch: DocumentRule = {
  id: 'money-unit-mismatch',
  category: 'arithmetic',
  scope: 'document',
  defaultSeverity: 'hint',
  fixable: true,
  description: {
    zh: '金额的大小与表格的金额单位不符，如“单位：元”的表格按万元填写，或反之。',
    en: 'The amounts’ size does not fit the table’s money unit, as in a “单位：元” table filled in 万元, or the reverse.',
  },
  rationale: {
    zh: '金额按表格说明的单位读取（“单位：元”“（万元）”，未注明时按万元）：求和、容差、成本指标与预算的比较都依赖它。项目预算的中位数小于 5,000 元或大于 100 亿元时，金额多半是按另一单位填写的，需核对单位行或金额。',
    en: 'Amounts are read in the unit the table states (“单位：元”, “（万元）”; 万元 when none): sums, the tolerance and the comparison of costs with budgets depend on it. When the median project budget is under 5,000 元 or over 100 亿元, the amounts were most likely written in another unit: check the unit line or the amounts.',
  },
  examples: {
    bad: [
      {
        rows: [
          projectRow('就业补助资金', ['222,657,000.00', '222,657,000.00']),
          projectRow('社保补贴', ['1,100,000.00', '1,100,000.00']),
        ],
        note: { zh: '万元表格按元填写', en: 'a 万元 table filled in 元' },
      },
      {
        rows: [
          '单位：元',
          projectRow('就业补助资金', ['22.00', '22.00']),
          projectRow('社保补贴', ['110.00', '110.00']),
        ],
        note: { zh: '元表格按万元填写', en: 'a 元 table filled in 万元' },
      },
    ],
    good: [
      { rows: [projectRow('就业补助资金', ['22,265.70', '22,265.70'])] },
      { rows: ['单位：元', projectRow('就业补助资金', ['222,657,000.00', '222,657,000.00'])] },
    ],
  },
  check(doc, ctx) {
    for (const table of doc.tables) {
      const median = medianTotal(table);
      if (median === undefined) continue;
      const likely = likelyUnit(median, table.unit);
      if (!likely) continue;
      const at = table.unitLine ?? table.header?.line ?? table.projects[0]?.line ?? table.startLine;
      const lineText = doc.lines[at] ?? '';
      const unitAt = table.unitLine === undefined ? -1 : lineText.lastIndexOf(table.unit);
      const stated =
        table.unitLine === undefined
          ? {
              zh: `表格未注明金额单位（按${table.unit}读取）`,
              en: `the table states no money unit (read as ${table.unit})`,
            }
          : { zh: `金额单位为“${table.unit}”`, en: `the money unit is “${table.unit}”` };
      ctx.report({
        line: at,
        span: unitAt >= 0 ? { start: unitAt, end: unitAt + table.unit.length } : { start: 0, end: lineText.length },
        message: {
          zh: `${stated.zh}，但项目总计的中位数为 ${formatWan(median)} ${table.unit}：金额看起来是按“${likely}”填写的`,
          en: `${stated.en}, yet the median project total is ${formatWan(median)} ${table.unit}: the amounts look written in “${likely}”`,
        },
        ...(unitAt >= 0
          ? {
              fixes: [
                {
                  title: { zh: `单位改为“${likely}”`, en: `Change the unit to “${likely}”` },
                  safe: false,
                  edits: [{ line: at, span: { start: unitAt, end: unitAt + table.unit.length }, newText: likely }],
                },
              ],
            }
          : {}),
      });
    }
  },
};
