import { everyLocated } from '../model/types';
import type { Located } from '../model/types';
import { BRACKET_FAMILIES } from '../vocabulary';
import type { Span } from '../syntax/indicators';
import { projectRow } from './examples';
import type { RowRule } from './types';

const FAMILY = new Map<string, { family: number; opens: boolean }>();
BRACKET_FAMILIES.forEach((f, family) => {
  for (const c of f.open) FAMILY.set(c, { family, opens: true });
  for (const c of f.close) FAMILY.set(c, { family, opens: false });
});
const ANY = new RegExp(`[${[...FAMILY.keys()].map((c) => `\\${c}`).join('')}]`);

/** The first unmatched bracket of a text (offsets from `start`), if any: a closing one with no opening, or an opening one never closed. */
export function unmatchedBracket(text: string, start = 0): Span | undefined {
  if (!ANY.test(text)) return undefined;
  const open: Array<{ family: number; at: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const b = FAMILY.get(text.charAt(i));
    if (!b) continue;
    if (b.opens) open.push({ family: b.family, at: i });
    else if (open[open.length - 1]?.family === b.family) open.pop();
    else return { start: start + i, end: start + i + 1 };
  }
  const first = open[0];
  return first ? { start: start + first.at, end: start + first.at + 1 } : undefined;
}

const MESSAGE = {
  zh: '括号不成对：缺少与之配对的另一半括号',
  en: 'unbalanced bracket: its other half is missing',
};

export const unbalancedBrackets: RowRule = {
  id: 'unbalanced-brackets',
  category: 'style',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '单元格中的括号（）()【】《》“”不成对。',
    en: 'A cell’s brackets （）()【】《》“” are not in pairs.',
  },
  rationale: {
    zh: '不成对的括号多是复制或换行时丢了半边（“2019年度)”），审核时会被退回；全角、半角括号可以互相配对，另有规则统一宽度。',
    en: 'An unbalanced bracket is mostly half of a pair lost in copying or wrapping (“2019年度)”), and reviewers send it back; full- and half-width brackets pair with each other (another rule makes their width uniform).',
  },
  examples: {
    bad: [
      { rows: [projectRow('就业补助资金（2024年', ['100.00', '100.00'])] },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '2019年度)',
          '项目名称\t某项目',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t数量指标\t培训人次\t≥100人次',
        ],
      },
    ],
    good: [
      { rows: [projectRow('就业补助资金（2024年）', ['100.00', '100.00'])] },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '(2019年度)',
          '项目名称\t某项目(一期）',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t数量指标\t培训人次\t≥100人次',
        ],
      },
    ],
  },
  checkRow(row, ctx) {
    if (row.kind === 'blank' || row.kind === 'text') return;
    for (const cell of row.cells) {
      const span = unmatchedBracket(cell.text, cell.textSpan.start);
      if (span) ctx.report({ span, message: MESSAGE });
    }
  },
  checkProject(project, ctx) {
    const texts: Located[] = [
      ...everyLocated(project),
      ...(ctx.table?.projects[0] === project ? ctx.table.preface : []),
    ];
    // A value carried down from a merged cell is one cell: reported once.
    const seen = new Set<string>();
    for (const l of texts) {
      const key = `${l.place.line}:${l.place.span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const span = unmatchedBracket(l.text, l.place.span.start);
      if (span) ctx.report({ place: { line: l.place.line, span }, message: MESSAGE });
    }
  },
};
