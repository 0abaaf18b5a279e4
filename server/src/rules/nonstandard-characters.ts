import { indicatorCharEdits } from '../syntax/normalize';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import { indicatorsOf, indicatorTitle } from './util';

export const nonstandardCharacters: RowRule = {
  id: 'nonstandard-characters',
  category: 'style',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    zh: '序号、编码或指标值中用了全角数字、全角字母或输入法的破折号（如“２２”“１—产出指标”“≥３００人次”）。',
    en: 'A sequence number, code or value uses full-width digits or letters, or an IME dash (“２２”, “１—产出指标”, “≥３００人次”).',
  },
  rationale: {
    zh: '检查时按其含义读取这些字符，但财政系统按半角数字和“-”导入编码与数值：全角数字或“－”“—”会导致编码无法识别、数值无法比较。快速修复、“全部修复”和格式化都会改为半角。金额中的全角数字由 amount-style 处理。',
    en: 'The checker reads these characters by their meaning, but the finance system imports codes and values in ASCII digits with “-”: full-width digits or “－” “—” leave a code unrecognised or a value incomparable. The quick fix, fix-all and formatting write them in ASCII. Full-width amounts are amount-style’s.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1—产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、2-效益指标；２２-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
        note: { zh: '输入法破折号、全角编码', en: 'an IME dash, a full-width code' },
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥３００人次；年度指标值：≥300人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90％；年度指标值：≥90%。',
        ),
        note: { zh: '全角数字和百分号', en: 'full-width digits and percent sign' },
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：＞100人次；年度指标值：≥100人次。2、2-效益指标；22-社会效益；就业率（２０２４年）；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
        note: {
          zh: '全角比较符是规范写法；指标名称不在此列',
          en: 'full-width comparators are canonical; names are not checked',
        },
      },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      const edits = indicatorCharEdits(ind, row.text);
      const first = edits[0];
      const last = edits[edits.length - 1];
      if (!first || !last) continue;
      let written = '';
      let meant = '';
      for (const e of edits) {
        written += `“${row.text.slice(e.start, e.end)}”`;
        meant += `“${e.newText}”`;
      }
      const title = indicatorTitle(ind);
      ctx.report({
        span: { start: first.start, end: last.end },
        message: {
          zh: `指标“${title}”中 ${written} 应写作半角 ${meant}`,
          en: `write ${written} in “${title}” as ${meant} (ASCII)`,
        },
        fixes: [
          {
            title: { zh: '改为半角数字、字母和“-”', en: 'Write digits, letters and “-” in ASCII' },
            safe: true,
            edits: edits.map((e) => ({ span: { start: e.start, end: e.end }, newText: e.newText })),
          },
        ],
      });
    }
  },
};
