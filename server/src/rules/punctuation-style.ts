import type { Bilingual } from '../catalogue';
import { expectedMark, targetWidth, type Width } from '../syntax/canonical';
import type { Punct } from '../syntax/indicators';
import { OFFICIAL_MARKS } from '../vocabulary';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import { indicatorsOf, indicatorTitle } from './util';

/** The official marks of a style, as messages name them: `“；”“：”“。”`. */
const officialMarks = (width: Width): string => {
  const m = OFFICIAL_MARKS[width];
  return `“${m.name}”“${m.label}”“${m.terminator}”`;
};

/** The words of a style in messages, and its fix's title (shared by every report). */
const WORDS: Readonly<
  Record<Width, { readonly zh: string; readonly en: string; readonly official: string; readonly fix: Bilingual }>
> = {
  fullwidth: {
    zh: '全角',
    en: 'full-width',
    official: officialMarks('fullwidth'),
    fix: { zh: '改为全角标点', en: 'Use full-width punctuation' },
  },
  halfwidth: {
    zh: '半角',
    en: 'half-width',
    official: officialMarks('halfwidth'),
    fix: { zh: '改为半角标点', en: 'Use half-width punctuation' },
  },
};

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
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值:100人次；年度指标值:100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        rows: withIndicators(
          '1、1-产出指标:11-数量指标:参保人数;实施周期指标值:>28000人;年度指标值:>28000人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
    ],
  },
  checkRow(row, ctx) {
    const indicators = indicatorsOf(row);
    if (indicators.length === 0) return;
    const style = ctx.config.punctuationStyle;
    const width =
      style === 'consistent'
        ? targetWidth(
            style,
            indicators.flatMap((i) => i.punctuation),
          )
        : style;
    const words = WORDS[width];
    for (const ind of indicators) {
      // This rule reports on most rows of a file in mixed punctuation: its reports are built with
      // as little garbage as the messages allow (no sets, copies or closures per report).
      let wrong: Punct[] | undefined;
      for (const p of ind.punctuation) if (p.char !== expectedMark(style, width, p)) (wrong ??= []).push(p);
      if (!wrong) continue;
      const first = wrong[0];
      const last = wrong[wrong.length - 1];
      if (!first || !last) continue;
      let marks = '';
      const edits: Array<{ span: Punct['span']; newText: string }> = [];
      for (const p of wrong) {
        if (!marks.includes(`“${p.char}”`)) marks += `“${p.char}”`;
        edits.push({ span: p.span, newText: expectedMark(style, width, p) });
      }
      const title = indicatorTitle(ind);
      ctx.report({
        span: { start: first.span.start, end: last.span.end },
        message: {
          zh: `指标“${title}”中有 ${wrong.length} 处标点（${marks}）不符合${words.zh}风格，应使用${words.official}`,
          en: `${wrong.length} punctuation mark(s) (${marks}) in “${title}” do not follow the ${words.en} style: use ${words.official}`,
        },
        fixes: [{ title: words.fix, safe: true, edits }],
      });
    }
  },
};
