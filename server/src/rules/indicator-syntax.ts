import { withIndicators } from './examples';
import type { RowRule } from './types';
import { indicatorsOf } from './util';

export const indicatorSyntax: RowRule = {
  id: 'indicator-syntax',
  category: 'syntax',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: false,
  description: {
    zh: '绩效指标不符合“序号、一级编码-名称；二级编码-名称；指标名称；实施周期指标值：…；年度指标值：…。”的写法。',
    en: 'An indicator does not follow “N、code-name；code-name；name；实施周期指标值：…；年度指标值：…。”.',
  },
  rationale: {
    zh: '财政系统按固定结构导入绩效指标：缺少序号、编码、名称、分隔符或冒号的指标无法导入，审核时会被退回。提示会指出在哪里应出现什么。',
    en: 'The finance system imports indicators by this fixed structure: one missing its number, codes, name, separators or colons cannot be imported and is sent back. The message says what was expected where.',
  },
  examples: {
    bad: [
      { rows: withIndicators('1、产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。'), note: { zh: '一级指标缺少编码', en: 'the level-1 code is missing' } },
      { rows: withIndicators('1、1-产出指标；11-数量指标；实施周期指标值：100人；年度指标值：100人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。'), note: { zh: '缺少指标名称', en: 'the indicator name is missing' } },
      { rows: withIndicators('1、1-产出指标11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。'), note: { zh: '编码之间缺少分隔符', en: 'no separator between the codes' } },
      { rows: withIndicators('1、1-产出指标；11-数量指标；培训人次；实施周期指标值100人；年度指标值：100人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。'), note: { zh: '标签后缺少冒号', en: 'no colon after a label' } },
      { rows: withIndicators('培训100人次') },
    ],
    good: [
      { rows: withIndicators('1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。') },
      { rows: withIndicators('1、1-产出指标:11-数量指标:参保人数;实施周期指标值:>28000人;年度指标值:>28000人。2、2-效益指标:22-社会效益:就业率;实施周期指标值:≥90%;年度指标值:≥90%。'), note: { zh: '半角标点（由 punctuation-style 处理）', en: 'half-width punctuation (punctuation-style’s concern)' } },
    ],
  },
  checkRow(row, ctx) {
    if (row.kind !== 'project' || !row.indicators) return;
    for (const p of row.indicators.problems) ctx.report({ span: p.span, message: p.message });
    for (const ind of indicatorsOf(row)) {
      for (const [node, level] of [[ind.level1, 1], [ind.level2, 2]] as const) {
        if (!node) continue;
        if (!node.code && node.name) {
          ctx.report({
            span: node.name.span,
            message: {
              zh: `${level === 1 ? '一' : '二'}级指标“${node.name.text}”前缺少编码，应写作“编码-名称”，如“${level === 1 ? '1-产出指标' : '11-数量指标'}”`,
              en: `the level-${level} indicator “${node.name.text}” has no code: write “code-name”, as in “${level === 1 ? '1-产出指标' : '11-数量指标'}”`,
            },
          });
        } else if (node.code && !node.name) {
          ctx.report({
            span: node.span,
            message: {
              zh: `编码“${node.code.text}-”后缺少${level === 1 ? '一' : '二'}级指标名称`,
              en: `expected the level-${level} name after “${node.code.text}-”`,
            },
          });
        }
      }
      if (!ind.name && ind.level2) {
        ctx.report({
          span: ind.level2.span,
          message: { zh: '二级指标后缺少指标名称（三级指标）', en: 'expected the indicator’s own name after the level-2 code' },
        });
      }
    }
  },
};
