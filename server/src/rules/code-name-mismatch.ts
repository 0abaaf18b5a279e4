import { lookupCode, lookupName, nameMatches } from '../catalogue';
import { withIndicators } from './examples';
import type { RowFix, RowRule } from './types';
import { indicatorsOf } from './util';

export const codeNameMismatch: RowRule = {
  id: 'code-name-mismatch',
  category: 'codes',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '指标编码与名称不一致，如“11-质量指标”。',
    en: 'An indicator code and its name disagree, as in “11-质量指标”.',
  },
  rationale: {
    zh: '编码和名称必须指向同一类指标（11 数量、12 质量、13 时效、14 成本……）；允许名称省略或带上“指标”二字以及常见别名。',
    en: 'Code and name must denote the same class (11 quantity, 12 quality, 13 timeliness, 14 cost…); the name may drop or carry the trailing 指标, and common aliases are accepted.',
  },
  examples: {
    bad: [
      { rows: withIndicators('1、1-产出指标；11-质量指标；合格率；实施周期指标值：≥95%；年度指标值：≥95%。') },
      { rows: withIndicators('1、2-产出指标；21-经济效益；营收；实施周期指标值：≥100万元；年度指标值：≥100万元。') },
    ],
    good: [
      { rows: withIndicators('1、1-产出指标；12-质量指标；合格率；实施周期指标值：≥95%；年度指标值：≥95%。') },
      {
        rows: withIndicators('1、2-效益指标；22-社会效益指标；就业率；实施周期指标值：≥95%；年度指标值：≥95%。'),
        note: { zh: '名称带“指标”二字也可以', en: 'the name may end in 指标' },
      },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      for (const node of [ind.level1, ind.level2]) {
        if (!node?.code || !node.name) continue;
        const entry = lookupCode(node.code.text);
        if (!entry || nameMatches(entry, node.name.text)) continue;
        const other = lookupName(node.name.text);
        const fixes: RowFix[] = [
          {
            title: { zh: `名称改为“${entry.name}”`, en: `Rename to “${entry.name}”` },
            safe: false,
            edits: [{ span: node.name.span, newText: entry.name }],
          },
        ];
        if (other && other.level === entry.level) {
          fixes.push({
            title: { zh: `编码改为“${other.code}”`, en: `Change the code to “${other.code}”` },
            safe: false,
            edits: [{ span: node.code.span, newText: other.code }],
          });
        }
        ctx.report({
          span: { start: node.code.span.start, end: node.name.span.end },
          message: {
            zh: `编码 ${entry.code} 是“${entry.name}”，不是“${node.name.text}”${other ? `（“${other.name}”的编码是 ${other.code}）` : ''}`,
            en: `code ${entry.code} is “${entry.name}” (${entry.english}), not “${node.name.text}”${other ? ` (“${other.name}” is ${other.code})` : ''}`,
          },
          fixes,
        });
      }
    }
  },
};
