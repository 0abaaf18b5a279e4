import type { Located } from '../model/types';
import { GOAL_VERBS, MEASURE_WORDS } from '../vocabulary';
import { withIndicators } from './examples';
import { measuresOf, textSpan, valuesOf } from '../model/meaning';
import type { ProjectRule } from './types';

/** The goal verb a name starts with (`促进…`), when it holds no measure word. */
function goalVerb(name: string): string | undefined {
  const text = name.trim();
  const verb = GOAL_VERBS.find((v) => text.startsWith(v));
  if (verb === undefined || MEASURE_WORDS.some((w) => text.includes(w))) return undefined;
  return verb;
}

export const indicatorIsGoal: ProjectRule = {
  id: 'indicator-is-goal',
  category: 'values',
  scope: 'project',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '三级指标名称是一句目标（以“促进”“确保”“实现”等开头），而不是可衡量的指标。',
    en: 'An indicator’s name is a goal sentence (starting with 促进, 确保, 实现 …), not something measured.',
  },
  rationale: {
    zh: '指标应说明衡量什么（“覆盖率”“人数”“完成时间”），目标句只说明想达到什么，无法核验；给目标句配上“100%”也衡量不了任何东西。应改写为可衡量的指标，如“确保日常工作正常运行”改为“日常工作按时完成率”。',
    en: 'An indicator names what is measured (a rate, a count, a completion date); a goal sentence only says what is wanted and cannot be verified, and “100%” against it measures nothing. Rewrite it as a measure: “确保日常工作正常运行” as “日常工作按时完成率”.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、2-效益指标；22-社会效益；促进人口与经济协调和可持续发展；实施周期指标值：100%；年度指标值：100%。',
        ),
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目名称\t日常运行保障',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t数量指标\t确保日常工作正常运行\t100%',
        ],
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、2-效益指标；22-社会效益；提高就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目名称\t日常运行保障',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t质量指标\t日常工作按时完成率\t≥95%',
        ],
      },
    ],
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      const name = ind.name;
      if (!name) continue;
      const verb = goalVerb(name.text);
      if (verb === undefined) continue;
      const percent = valuesOf(ind).find((v: Located) => measuresOf(ind, v).some((m) => m.unit === '%'));
      const target = percent
        ? {
            zh: `，配上“${percent.text.trim()}”也衡量不了什么`,
            en: `, and “${percent.text.trim()}” against it measures nothing`,
          }
        : { zh: '', en: '' };
      ctx.report({
        place: { line: name.place.line, span: textSpan(name) },
        message: {
          zh: `指标“${name.text.trim()}”以“${verb}”开头，是一句目标而不是指标${target.zh}：应写明衡量什么（如完成率、人数、完成时间）`,
          en: `the indicator “${name.text.trim()}” starts with “${verb}”: a goal sentence, not a measure${target.en}; name what is measured (a rate, a count, a completion date)`,
        },
      });
    }
  },
};
