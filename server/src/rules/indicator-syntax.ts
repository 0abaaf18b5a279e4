import { childrenOf, level1Codes, lookupCode, lookupName, type CodeEntry } from '../catalogue';
import type { Span } from '../syntax/document';
import type { IndicatorNode, TextNode } from '../syntax/indicators';
import { withIndicators } from './examples';
import type { RowContext, RowRule } from './types';
import { indicatorsOf } from './util';

export const indicatorSyntax: RowRule = {
  id: 'indicator-syntax',
  category: 'syntax',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '绩效指标不符合“序号、一级编码-名称；二级编码-名称；指标名称；实施周期指标值：…；年度指标值：…。”的写法。',
    en: 'An indicator does not follow “N、code-name；code-name；name；实施周期指标值：…；年度指标值：…。”.',
  },
  rationale: {
    zh: '财政系统按固定结构导入绩效指标：缺少序号、编码、名称、分隔符、冒号或句号的指标无法导入，审核时会被退回。输入法和键盘的常见失误都按本意读取并指出具体位置，附带写出规范形式的快速修复：序号写成“3．”“3.”“3。”“3，”“（3）”或漏写序号（后一条指标不会被并入前一条的指标值）；漏写或多写句号“。”；标签写成“实施期指标值”“年度目标值”等变体、冒号写成“；”“，”或漏写；同一标签写了两次（只读取第一个）、两个标签顺序颠倒；一级或二级指标漏写编码（按名称在正确的上级下补上编码，如“3-满意度指标；31-服务对象满意度”）。其中只改写标点或标签用词的修复也由“全部修复”和格式化完成。',
    en: 'The finance system imports indicators by this fixed structure: one missing its number, codes, name, separators, colons or full stop cannot be imported and is sent back. The usual IME and keyboard slips are read as meant, reported on their exact characters, and fixed to the canonical form: a sequence number written “3．” “3.” “3。” “3，” “（3）” or forgotten (the next indicator never runs into the previous value); a missing or doubled “。”; a label written as a variant (“实施期指标值”, “年度目标值”), with “；” or “，” for its colon or without one; a label written twice (only the first is read) or the two in reverse order; a level-1 or level-2 name without its code (the code is read from the name under the right parent, as in “3-满意度指标；31-服务对象满意度”). Fixes that only write punctuation or a label’s wording are applied by fix-all and formatting too.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
        note: { zh: '一级指标缺少编码', en: 'the level-1 code is missing' },
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；实施周期指标值：100人；年度指标值：100人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
        note: { zh: '缺少指标名称', en: 'the indicator name is missing' },
      },
      {
        rows: withIndicators('1、1-产出指标11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。'),
        note: { zh: '编码之间缺少分隔符', en: 'no separator between the codes' },
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值100人；年度指标值：100人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
        note: { zh: '标签后缺少冒号', en: 'no colon after a label' },
      },
      { rows: withIndicators('培训100人次') },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。2．2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
        note: { zh: '序号写成“2．”', en: 'a sequence number written “2．”' },
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
        note: { zh: '两条指标之间缺少句号', en: 'no full stop between two indicators' },
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人；年度指标值：120人。2、2-效益指标；22-社会效益；就业率；年度指标值：≥90%；实施周期指标值：≥90%。',
        ),
        note: { zh: '标签重复、顺序颠倒', en: 'a label written twice, labels in reverse order' },
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度目标值：100人。2、2-效益指标；22-社会效益；就业率；实施周期指标值；≥90%；年度指标值：≥90%。',
        ),
        note: { zh: '标签变体、冒号写成分号', en: 'a label variant, “；” for a colon' },
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        rows: withIndicators(
          '1、1-产出指标:11-数量指标:参保人数;实施周期指标值:>28000人;年度指标值:>28000人。2、2-效益指标:22-社会效益:就业率;实施周期指标值:≥90%;年度指标值:≥90%。',
        ),
        note: {
          zh: '半角标点（由 punctuation-style 处理）',
          en: 'half-width punctuation (punctuation-style’s concern)',
        },
      },
    ],
  },
  checkRow(row, ctx) {
    if (row.kind !== 'project' || !row.indicators) return;
    for (const p of row.indicators.problems)
      ctx.report(p.fixes ? { span: p.span, message: p.message, fixes: p.fixes } : { span: p.span, message: p.message });
    for (const ind of indicatorsOf(row)) {
      for (const [node, level] of [
        [ind.level1, 1],
        [ind.level2, 2],
      ] as const) {
        if (!node) continue;
        if (!node.code && node.name) reportMissingCode(ind, node.name, level, ctx);
        else if (node.code && !node.name) {
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
          message: {
            zh: '二级指标后缺少指标名称（三级指标）',
            en: 'expected the indicator’s own name after the level-2 code',
          },
        });
      }
    }
  },
};

/** The class a level-2 name should sit under: its level-1 code as written, or the one its name means. */
function parentOf(ind: IndicatorNode): CodeEntry | undefined {
  const l1 = ind.level1;
  const byCode = l1?.code ? lookupCode(l1.code.text) : undefined;
  if (byCode?.level === 1) return byCode;
  const byName = l1?.name ? lookupName(l1.name.text) : undefined;
  return byName?.level === 1 ? byName : undefined;
}

/** The codes a clerk may mean at this place, as an example list: `31-服务对象满意度` under 3. */
function examples(level: 1 | 2, parent: CodeEntry | undefined): string {
  const list =
    level === 1 ? level1Codes() : parent ? childrenOf(parent.code) : level1Codes().flatMap((e) => childrenOf(e.code));
  return list.map((e) => `“${e.code}-${e.name}”`).join('、');
}

/**
 * A code-name written without its code (`数量指标；…`, `满意度指标；服务对象满意度；…`): the code is
 * read from the name where the catalogue knows it, under the right parent, and inserted by the fix.
 * A level-2 name standing where the level-1 class belongs (`1、数量指标；培训人次；…`) gets the
 * whole missing level-1 class inserted before it.
 */
function reportMissingCode(ind: IndicatorNode, name: TextNode, level: 1 | 2, ctx: RowContext): void {
  const entry = lookupName(name.text);
  const parent = level === 2 ? parentOf(ind) : undefined;
  const where = { zh: level === 1 ? '一' : '二', en: `level-${level}` };
  const at: Span = { start: name.span.start, end: name.span.start };
  if (entry && entry.level === level && (level === 1 || !parent || entry.parent === parent.code)) {
    ctx.report({
      span: name.span,
      message: {
        zh: `${where.zh}级指标“${name.text}”前缺少编码，应写作“${entry.code}-${name.text}”`,
        en: `the ${where.en} indicator “${name.text}” has no code: write “${entry.code}-${name.text}”`,
      },
      fixes: [
        {
          title: { zh: `插入编码“${entry.code}-”`, en: `Insert the code “${entry.code}-”` },
          safe: true,
          edits: [{ span: at, newText: `${entry.code}-` }],
        },
      ],
    });
    return;
  }
  if (entry && level === 1 && entry.level === 2 && entry.parent) {
    // The level-1 class was left out: its code-name goes before this level-2 one.
    const top = lookupCode(entry.parent);
    if (top) {
      const inserted = `${top.code}-${top.name}；${entry.code}-`;
      ctx.report({
        span: name.span,
        message: {
          zh: `“${name.text}”是二级指标：前面缺少一级指标“${top.code}-${top.name}”和编码，应写作“${top.code}-${top.name}；${entry.code}-${name.text}”`,
          en: `“${name.text}” is a level-2 class: the level-1 class “${top.code}-${top.name}” and the codes are missing; write “${top.code}-${top.name}；${entry.code}-${name.text}”`,
        },
        fixes: [
          {
            title: { zh: `插入“${inserted}”`, en: `Insert “${inserted}”` },
            safe: false,
            edits: [{ span: at, newText: inserted }],
          },
        ],
      });
      return;
    }
  }
  ctx.report({
    span: name.span,
    message: {
      zh: `${where.zh}级指标“${name.text}”前缺少编码，应写作“编码-名称”，可选：${examples(level, parent)}`,
      en: `the ${where.en} indicator “${name.text}” has no code: write “code-name”, one of ${examples(level, parent)}`,
    },
  });
}
