import { formNameOf, lookupCode, lookupFormName } from '../catalogue';
import type { ModelIndicator } from '../model/types';
import { CLASS_WORDS } from '../vocabulary';
import { withIndicators } from './examples';
import type { ProjectContext, RowRule } from './types';
import { formRows, indicatorsOf } from './util';

export const codeParentMismatch: RowRule = {
  id: 'code-parent-mismatch',
  category: 'codes',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '二级指标放在了错误的一级指标下，如“2-效益指标；31-服务对象满意度”；申报表中名称表明类别的三级指标放在了别的二级指标下，如数量指标下的“资金供应时效”。',
    en: 'A level-2 code stands under the wrong level-1 code, as in “2-效益指标；31-服务对象满意度”; on a form, an indicator whose name states its class is filed under another level-2 class, as a “资金供应时效” under 数量指标.',
  },
  rationale: {
    zh: '二级编码的第一位就是它的一级编码（31 属于 3 满意度指标）。满意度不能代替效益，质量也不能记作效益。申报表按名称判断层级：旧模板把满意度作为效益指标下的二级指标，应单列为满意度指标；名称含“时效”“及时”“到位时间”的是时效指标，含“满意度”“满意程度”的是满意度指标，含“成本”的是成本指标，含“合格率”“完成率”的是质量指标。',
    en: 'A level-2 code’s first digit is its level-1 code (31 belongs to 3, satisfaction). Satisfaction does not stand in for benefit, nor quality for benefit. A form’s hierarchy is read by name: old templates put satisfaction as a level-2 class under 效益指标, where it is a level-1 class of its own; a name with 时效, 及时 or 到位时间 is timeliness, one with 满意度 or 满意程度 satisfaction, one with 成本 cost, one with 合格率 or 完成率 quality.',
  },
  examples: {
    bad: [
      { rows: withIndicators('1、2-效益指标；31-服务对象满意度；满意率；实施周期指标值：≥98%；年度指标值：≥98%。') },
      {
        layout: 'form',
        rows: formRows([
          '产出指标\t数量指标\t助餐服务人次\t≥5000人次',
          '\t\t补助资金的供应时效\t100%',
          '效益指标\t社会效益指标\t老年人对助餐服务的满意程度\t≥85%',
          '\t服务对象满意度指标\t老年人满意度\t≥90%',
        ]),
        note: {
          zh: '申报表：数量指标下的时效，社会效益下的满意程度，效益指标下的满意度（旧模板）',
          en: 'a form: timeliness under quantity, a satisfaction measure under social benefit, satisfaction under benefit (an old template)',
        },
      },
    ],
    good: [
      { rows: withIndicators('1、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥98%；年度指标值：≥98%。') },
      { layout: 'form', rows: formRows() },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      const l1 = ind.level1;
      const l2 = ind.level2;
      if (!l1?.code || !l2?.code) continue;
      const e1 = lookupCode(l1.code.text);
      const e2 = lookupCode(l2.code.text);
      if (e1?.level !== 1 || e2?.level !== 2 || e2.parent === e1.code) continue;
      const parent = e2.parent ? lookupCode(e2.parent) : undefined;
      if (!parent) continue;
      ctx.report({
        span: l2.span,
        message: {
          zh: `“${e2.code}-${e2.name}”属于“${parent.code}-${parent.name}”，不应放在“${e1.code}-${e1.name}”下`,
          en: `“${e2.code}-${e2.name}” belongs under “${parent.code}-${parent.name}” (${parent.english}), not “${e1.code}-${e1.name}”`,
        },
        related: [{ span: l1.span, message: { zh: '一级指标', en: 'the level-1 code' } }],
        fixes: [
          {
            title: {
              zh: `一级指标改为“${parent.code}-${parent.name}”`,
              en: `Change the level-1 code to “${parent.code}-${parent.name}”`,
            },
            safe: false,
            edits: [{ span: l1.span, newText: `${parent.code}-${parent.name}` }],
          },
        ],
      });
    }
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      wrongParent(ind, ctx);
      nameOfAnotherClass(ind, ctx);
    }
  },
};

/** A form's 二级 under a 一级 it does not belong to: reported on the row that writes the 二级. */
function wrongParent(ind: ModelIndicator, ctx: ProjectContext): void {
  const { level1, level2 } = ind;
  if (!level1 || !level2 || ind.carried?.level2) return;
  const e1 = lookupFormName(level1.text, 1)?.entry;
  const e2 = lookupFormName(level2.text, 2)?.entry;
  if (e1?.level !== 1 || e2?.level !== 2 || e2.parent === e1.code) return;
  const parent = e2.parent ? lookupCode(e2.parent) : undefined;
  if (!parent) return;
  ctx.report({
    place: level2.place,
    message: {
      zh: `“${level2.text}”属于“${parent.name}”，不应放在“${level1.text}”下`,
      en: `“${level2.text}” (${e2.english}) belongs under “${parent.name}” (${parent.english}), not “${level1.text}” (${e1.english})`,
    },
    related: [{ place: level1.place, message: { zh: '一级指标', en: 'the level-1 class' } }],
  });
}

/** Where each class's words decide (`CLASS_WORDS`), by level-2 code. */
const CLASS_SAYING = CLASS_WORDS.map((c) => ({ ...c, entry: lookupCode(c.code) }));

/** A form's 三级 whose name says its class (`…的供应时效`) filed under another 二级. */
function nameOfAnotherClass(ind: ModelIndicator, ctx: ProjectContext): void {
  const { name, level2 } = ind;
  if (!name || !level2) return;
  const filed = lookupFormName(level2.text, 2)?.entry;
  if (filed?.level !== 2) return;
  const said = CLASS_SAYING.filter((c) => c.words.some((w) => name.text.includes(w)));
  // Words of two classes (`按时完成率`) decide nothing.
  if (said.length !== 1) return;
  const [c] = said;
  if (!c?.entry || c.code === filed.code) return;
  if (c.among === 'output' && filed.parent !== c.entry.parent) return;
  const word = c.words.find((w) => name.text.includes(w)) ?? '';
  const target = formNameOf(c.entry);
  ctx.report({
    place: name.place,
    message: {
      zh: `三级指标“${name.text}”（含“${word}”）是${target}，却放在“${level2.text}”下`,
      en: `“${name.text}” (with “${word}”) is a ${c.entry.english.toLowerCase()} indicator (${target}), but is filed under “${level2.text}” (${filed.english})`,
    },
    related: [{ place: level2.place, message: { zh: '二级指标', en: 'the level-2 class' } }],
  });
}
