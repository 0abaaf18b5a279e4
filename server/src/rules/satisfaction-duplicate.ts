import type { Located, ModelIndicator } from '../model/types';
import { formatNumber } from '../i18n';
import { SATISFACTION_REALISTIC, SATISFACTION_WORDS } from '../vocabulary';
import { withIndicators } from './examples';
import { measuresOf, textSpan, valuesOf } from '../model/meaning';
import type { ProjectRule } from './types';

interface Target {
  readonly ind: ModelIndicator;
  readonly name: Located;
  /** Who is satisfied: the name's Chinese characters before 满意 (`市民`; '' for `满意度`, compared with no other). */
  readonly subject: string;
  readonly value: Located;
  readonly percent: number;
  readonly ceiling: boolean;
}

function subjectOf(name: string): string {
  const at = Math.min(...SATISFACTION_WORDS.map((w) => (name.includes(w) ? name.indexOf(w) : name.length)));
  return name.slice(0, at).replace(/[^\u4e00-\u9fff]/g, '');
}

/** The satisfaction indicators of a project, each with its first percent target. */
function targets(indicators: readonly ModelIndicator[]): Target[] {
  const found: Target[] = [];
  for (const ind of indicators) {
    const name = ind.name;
    if (!name || !SATISFACTION_WORDS.some((w) => name.text.includes(w))) continue;
    for (const value of valuesOf(ind)) {
      const m = measuresOf(ind, value).find((x) => x.unit === '%');
      if (!m) continue;
      const ceiling = m.comparator === '≤' || m.comparator === '<';
      found.push({ ind, name, subject: subjectOf(name.text), value, percent: m.value, ceiling });
      break;
    }
  }
  return found;
}

const where = (l: Located) => ({ line: l.place.line, span: textSpan(l) });

export const satisfactionDuplicate: ProjectRule = {
  id: 'satisfaction-duplicate',
  category: 'values',
  scope: 'project',
  defaultSeverity: 'information',
  fixable: false,
  description: {
    zh: '同一项目中同一对象的两个满意度目标取值不同，或满意度目标为 100%。',
    en: 'Two satisfaction targets of the same people in one project differ, or a satisfaction target is 100%.',
  },
  rationale: {
    zh: '同一群体的满意度只调查一次：“市民对空气质量改善的满意程度 ≥85%”与“市民满意度 ≥90%”是两个标准，应合并为一个指标（不同群体——如学生与家长——可以各有目标；只有两个名称都写明对象、且一方包含另一方时才比较）。满意度调查几乎不可能达到 100%，审核一般要求 ≥90%～95%。',
    en: 'The same people’s satisfaction is surveyed once: “市民对空气质量改善的满意程度 ≥85%” and “市民满意度 ≥90%” are two standards for one thing; keep one (different groups, such as pupils and parents, may each have theirs; two names are compared only when both say whose satisfaction it is and one holds the other). A survey almost never reaches 100%; reviewers ask for ≥90–95%.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值：100%；年度指标值：100%。',
        ),
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目支出名称\t雾炮车降尘抑尘服务',
          '一级指标\t二级指标\t三级指标\t指标值及单位',
          '效益指标\t社会效益指标\t服务周期内,市民对空气质量改善的满意程度\t≥85%',
          '\t社会公众或服务对象满意度指标\t市民满意度\t≥90%',
        ],
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、3-满意度指标；31-服务对象满意度；学员满意度；实施周期指标值：≥90%；年度指标值：≥95%。3、3-满意度指标；31-服务对象满意度；用人单位满意度；实施周期指标值：≥85%；年度指标值：≥85%。',
        ),
        note: { zh: '不同对象各有目标', en: 'different people, each their own target' },
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目支出名称\t雾炮车降尘抑尘服务',
          '一级指标\t二级指标\t三级指标\t指标值及单位',
          '满意度指标\t服务对象满意度指标\t市民满意度\t≥90%',
        ],
      },
    ],
  },
  checkProject(project, ctx) {
    const found = targets(project.indicators);
    for (const t of found) {
      if (t.percent < 100 || t.ceiling) continue;
      ctx.report({
        place: where(t.value),
        message: {
          zh: `“${t.name.text.trim()}”的目标为 ${formatNumber(t.percent)}%：满意度调查几乎不可能人人满意，一般设为${SATISFACTION_REALISTIC.zh}`,
          en: `“${t.name.text.trim()}” targets ${formatNumber(t.percent)}% satisfaction: a survey almost never finds everyone satisfied; reviewers ask for ${SATISFACTION_REALISTIC.en}`,
        },
      });
    }
    for (let i = 1; i < found.length; i++) {
      const b = found[i];
      if (!b) continue;
      const a = found
        .slice(0, i)
        .find(
          (x) =>
            x.ind !== b.ind &&
            x.percent !== b.percent &&
            x.subject !== '' &&
            b.subject !== '' &&
            (x.subject.includes(b.subject) || b.subject.includes(x.subject)),
        );
      if (!a) continue;
      ctx.report({
        place: where(b.value),
        message: {
          zh: `“${b.name.text.trim()}”的满意度目标 ${formatNumber(b.percent)}% 与“${a.name.text.trim()}”的 ${formatNumber(a.percent)}% 不同：同一对象的满意度应只设一个目标`,
          en: `the satisfaction target ${formatNumber(b.percent)}% of “${b.name.text.trim()}” differs from ${formatNumber(a.percent)}% of “${a.name.text.trim()}”: set one target for the same people’s satisfaction`,
        },
        related: [{ place: where(a.value), message: { zh: '另一个满意度目标', en: 'the other satisfaction target' } }],
      });
      break;
    }
  },
};
