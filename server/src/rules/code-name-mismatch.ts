import { childrenOf, formNameOf, lookupCode, lookupFormName, lookupName, nameMatches } from '../catalogue';
import { withIndicators } from './examples';
import type { RowFix, RowRule } from './types';
import { formRows, indicatorsOf } from './util';

const COLUMN_NAMES = {
  1: { zh: '一级指标', en: 'level-1' },
  2: { zh: '二级指标', en: 'level-2' },
} as const;

export const codeNameMismatch: RowRule = {
  id: 'code-name-mismatch',
  category: 'codes',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '指标编码与名称不一致，如“11-质量指标”；申报表的一级、二级指标名称不规范，如“项目完成指标”。',
    en: 'An indicator code and its name disagree, as in “11-质量指标”; a form’s level-1 or level-2 class has a non-standard name, as in “项目完成指标”.',
  },
  rationale: {
    zh: '编码和名称必须指向同一类指标（11 数量、12 质量、13 时效、14 成本……）；允许名称省略或带上“指标”二字以及常见别名。申报表没有编码，名称就是分类：“项目完成指标”应写“产出指标”，“项目效益指标”“效果指标”应写“效益指标”，作为二级指标的“满意度指标”应写“服务对象满意度指标”（快速修复写入规范名称）；合并单元格的名称只在写出它的那一行报告。',
    en: 'Code and name must denote the same class (11 quantity, 12 quality, 13 timeliness, 14 cost…); the name may drop or carry the trailing 指标, and common aliases are accepted. A form has no codes, so its names are its classes: write 产出指标 for “项目完成指标”, 效益指标 for “项目效益指标” or “效果指标”, and 服务对象满意度指标 for a level-2 “满意度指标” (the quick fix writes the standard name); a merged cell’s name is reported once, on the row that writes it.',
  },
  examples: {
    bad: [
      { rows: withIndicators('1、1-产出指标；11-质量指标；合格率；实施周期指标值：≥95%；年度指标值：≥95%。') },
      { rows: withIndicators('1、2-产出指标；21-经济效益；营收；实施周期指标值：≥100万元；年度指标值：≥100万元。') },
      {
        layout: 'form',
        rows: formRows([
          '项目完成指标\t数量指标\t助餐服务人次\t≥5000人次',
          '\t质量指标\t餐食抽检合格率\t≥98%',
          '效果指标\t社会效益指标\t助餐服务覆盖率\t≥90%',
          '满意度指标\t满意度指标\t老年人满意度\t≥90%',
        ]),
        note: {
          zh: '申报表：项目完成指标、效果指标、作为二级指标的满意度指标',
          en: 'a form: 项目完成指标, 效果指标, and 满意度指标 as a level-2 class',
        },
      },
    ],
    good: [
      { rows: withIndicators('1、1-产出指标；12-质量指标；合格率；实施周期指标值：≥95%；年度指标值：≥95%。') },
      {
        rows: withIndicators('1、2-效益指标；22-社会效益指标；就业率；实施周期指标值：≥95%；年度指标值：≥95%。'),
        note: { zh: '名称带“指标”二字也可以', en: 'the name may end in 指标' },
      },
      {
        layout: 'form',
        rows: formRows(),
        note: { zh: '申报表使用规范的一级、二级指标名称', en: 'a form with the standard class names' },
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
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      for (const column of [1, 2] as const) {
        const written = column === 1 ? ind.level1 : ind.level2;
        // A merged cell's name is carried down to the rows below it: reported where it is written.
        const carried = column === 1 ? ind.carried?.level1 : ind.carried?.level2;
        if (!written || carried) continue;
        const cls = lookupFormName(written.text, column);
        if (!cls) continue;
        const { entry } = cls;
        const where = COLUMN_NAMES[column];
        if (entry.level !== column) {
          // A level-2 name as a 一级 may be the 2021 layout's 成本指标, or a shifted row: not a name's fault.
          if (column === 1) continue;
          ctx.report({
            place: written.place,
            message: {
              zh: `二级指标写成了一级指标名称“${written.text}”：应写其下的二级指标（${childNames(entry.code)}）`,
              en: `the level-2 column names the level-1 class “${written.text}” (${entry.english}): write one of its level-2 classes (${childNames(entry.code)})`,
            },
          });
          continue;
        }
        if (!cls.nonstandard) continue;
        const canonical = formNameOf(entry);
        ctx.report({
          place: written.place,
          message: {
            zh: `“${written.text}”不是规范的${where.zh}名称，应为“${canonical}”`,
            en: `“${written.text}” is not the standard name of a ${where.en} class: write “${canonical}” (${entry.english})`,
          },
          fixes: [
            {
              title: { zh: `名称改为“${canonical}”`, en: `Rename to “${canonical}”` },
              safe: false,
              edits: [{ line: written.place.line, span: written.place.span, newText: canonical }],
            },
          ],
        });
      }
    }
  },
};

/** The level-2 classes under a level-1 code, as a form writes them: `数量指标、质量指标…`. */
function childNames(code: string): string {
  return childrenOf(code).map(formNameOf).join('、');
}
