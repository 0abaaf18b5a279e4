import type { PunctuationStyle } from '../config';
import type { Punct } from '../syntax/indicators';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import { indicatorsOf, indicatorTitle } from './util';

type Width = 'fullwidth' | 'halfwidth';

const OFFICIAL: Readonly<Record<Width, Readonly<Record<Punct['role'], string>>>> = {
  fullwidth: { code: '；', name: '；', value: '；', label: '：', terminator: '。' },
  halfwidth: { code: ';', name: ';', value: ';', label: ':', terminator: '。' },
};

const HALF = new Set([';', ':', ',', '.']);
const TO_FULL: Readonly<Record<string, string>> = { ';': '；', ':': '：', ',': '，', '.': '。' };
const TO_HALF: Readonly<Record<string, string>> = { '；': ';', '：': ':', '，': ',' };

/** The mark a punctuation should be: the official one, or under `consistent` the same mark in the majority width. */
function expectedMark(style: PunctuationStyle, width: Width, p: Punct): string {
  if (style !== 'consistent' || p.role === 'terminator') return officialMark(width, p.role);
  return width === 'fullwidth' ? TO_FULL[p.char] ?? p.char : TO_HALF[p.char] ?? p.char;
}

/** The style a cell should follow: the configured one, or for `consistent` the cell's majority. */
export function targetWidth(style: PunctuationStyle, puncts: readonly Punct[]): Width {
  if (style !== 'consistent') return style;
  let half = 0;
  let full = 0;
  for (const p of puncts) {
    if (p.role === 'terminator') continue;
    if (HALF.has(p.char)) half++;
    else full++;
  }
  return half > full ? 'halfwidth' : 'fullwidth';
}

/** The punctuation mark official for a role in a style. */
export function officialMark(width: Width, role: Punct['role']): string {
  return OFFICIAL[width][role];
}

export const punctuationStyle: RowRule = {
  id: 'punctuation-style',
  category: 'style',
  scope: 'row',
  defaultSeverity: 'information',
  fixable: true,
  description: {
    zh: '指标中的分隔符和冒号不符合规定的标点风格（默认全角“；”“：”），或半角、全角混用。',
    en: 'Separators and colons in an indicator do not follow the punctuation style (full-width “；” “：” by default), or mix half- and full-width.',
  },
  rationale: {
    zh: '财政系统导出的正式格式使用全角标点，编码之间也用“；”；在中文文本中混用半角标点会被审核人要求修改。风格可用 punctuationStyle 设置为 fullwidth、halfwidth 或 consistent（与单元格中多数一致）。',
    en: 'The finance system’s official form uses full-width punctuation, with “；” between the codes too; reviewers ask for mixed ASCII punctuation in Chinese text to be corrected. The `punctuationStyle` setting chooses fullwidth, halfwidth or consistent (follow the cell’s majority).',
  },
  examples: {
    bad: [
      { rows: withIndicators('1、1-产出指标；11-数量指标；培训人次；实施周期指标值:100人次；年度指标值:100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。') },
      { rows: withIndicators('1、1-产出指标:11-数量指标:参保人数;实施周期指标值:>28000人;年度指标值:>28000人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。') },
    ],
    good: [{ rows: withIndicators('1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。') }],
  },
  checkRow(row, ctx) {
    const indicators = indicatorsOf(row);
    if (indicators.length === 0) return;
    const style = ctx.config.punctuationStyle;
    // Only `consistent` reads the cell's marks to choose a width (a flattened copy for every row
    // was most of this rule's cost).
    const width = style === 'consistent' ? targetWidth(style, indicators.flatMap((i) => i.punctuation)) : style;
    for (const ind of indicators) {
      let wrong: Punct[] | undefined;
      for (const p of ind.punctuation) if (p.char !== expectedMark(style, width, p)) (wrong ??= []).push(p);
      if (!wrong) continue;
      const first = wrong[0];
      const last = wrong[wrong.length - 1];
      if (!first || !last) continue;
      const marks = Array.from(new Set(wrong.map((p) => p.char))).map((c) => `“${c}”`).join('');
      const official = width === 'fullwidth' ? '“；”“：”“。”' : '“;”“:”“。”';
      ctx.report({
        span: { start: first.span.start, end: last.span.end },
        message: {
          zh: `指标“${indicatorTitle(ind)}”中有 ${wrong.length} 处标点（${marks}）不符合${width === 'fullwidth' ? '全角' : '半角'}风格，应使用${official}`,
          en: `${wrong.length} punctuation mark(s) (${marks}) in “${indicatorTitle(ind)}” do not follow the ${width === 'fullwidth' ? 'full-width' : 'half-width'} style: use ${official}`,
        },
        fixes: [{
          title: { zh: `改为${width === 'fullwidth' ? '全角' : '半角'}标点`, en: `Use ${width === 'fullwidth' ? 'full-width' : 'half-width'} punctuation` },
          safe: true,
          edits: wrong.map((p) => ({ span: p.span, newText: expectedMark(style, width, p) })),
        }],
      });
    }
  },
};
