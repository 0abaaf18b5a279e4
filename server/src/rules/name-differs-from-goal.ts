import type { Located } from '../model/types';
import { PHRASE_PARTICLES } from '../vocabulary';
import { withIndicators } from './examples';
import { cjkRuns } from '../model/meaning';
import type { ProjectRule } from './types';

/** The shortest phrase compared: shorter ones differ by a character too often by design (市级 / 区级). */
const MIN_PHRASE = 5;
/** Characters kept on each side of the difference: a difference at a phrase's edge is another phrase. */
const MIN_SIDE = 2;
/** Indicator names are short: a longer one is not compared (and the comparison stays cheap). */
const MAX_NAME = 60;
/** How much of each goal is compared. */
const MAX_GOAL = 2000;
/** Numerals: `第一批` and `第二批` differ on purpose. */
const NUMERALS = /[0-9一二三四五六七八九十百千万两零〇]/;

interface Typo {
  /** Offsets in the name's text of the phrase as the name writes it. */
  readonly start: number;
  readonly end: number;
  /** The goal's spelling. */
  readonly goal: string;
}

/** Common length of `a` from `i` and `b` from `j`. */
function common(a: string, i: number, b: string, j: number): number {
  let n = 0;
  while (i + n < a.length && j + n < b.length && a[i + n] === b[j + n]) n++;
  return n;
}

/**
 * The longest phrase of `name` that is a phrase of a goal with one character dropped or changed,
 * at least two characters on each side of it; undefined when the name also writes the goal's phrase.
 */
/** A goal's CJK runs long enough to hold a phrase. */
function goalRunsOf(goals: readonly string[]): string[] {
  return goals.flatMap((g) => cjkRuns(g.slice(0, MAX_GOAL)).map((r) => r.text)).filter((r) => r.length >= MIN_PHRASE);
}

function findTypo(name: string, goals: readonly string[], goalRuns: readonly string[]): Typo | undefined {
  if (name.length > MAX_NAME) return undefined;
  let best: (Typo & { length: number }) | undefined;
  for (const run of cjkRuns(name)) {
    const n = run.text;
    if (n.length < MIN_PHRASE - 1) continue;
    for (const g of goalRuns) {
      for (let i = 0; i < n.length; i++) {
        // A common part starts on the same character: only those places of the goal are tried.
        const c = n.charAt(i);
        for (let j = g.indexOf(c); j >= 0; j = g.indexOf(c, j + 1)) {
          // Start where the common part starts (not inside a longer one).
          if (i > 0 && j > 0 && n[i - 1] === g[j - 1]) continue;
          let a = common(n, i, g, j);
          // A phrase starting on a particle starts after it.
          let skip = 0;
          while (a - skip > MIN_SIDE && PHRASE_PARTICLES.includes(n[i + skip] ?? '')) skip++;
          a -= skip;
          if (a < MIN_SIDE) continue;
          // Dropped: the goal has one character more at i + a.
          const dropped = common(n, i + skip + a, g, j + skip + a + 1);
          // Changed: one character differs at i + a.
          const at = i + skip + a;
          const atGoal = j + skip + a;
          const changed =
            at < n.length && atGoal < g.length && !(NUMERALS.test(n[at] ?? '') && NUMERALS.test(g[atGoal] ?? ''))
              ? common(n, at + 1, g, atGoal + 1)
              : 0;
          // A particle dropped or changed, or a character next to one, is a shortening, not a typo.
          const particle = [g[atGoal], g[atGoal + 1], n[at]].some((c) => PHRASE_PARTICLES.includes(c ?? ''));
          const candidates = particle
            ? []
            : [
                { b: dropped, nameLength: a + dropped, goalLength: a + 1 + dropped },
                { b: changed, nameLength: a + 1 + changed, goalLength: a + 1 + changed },
              ];
          for (const c of candidates) {
            if (c.b < MIN_SIDE || c.goalLength < MIN_PHRASE || c.nameLength < MIN_PHRASE - 1) continue;
            if (best && best.length >= c.nameLength) continue;
            best = {
              start: run.start + i + skip,
              end: run.start + i + skip + c.nameLength,
              goal: g.slice(j + skip, j + skip + c.goalLength),
              length: c.nameLength,
            };
          }
        }
      }
    }
  }
  if (!best) return undefined;
  const written = name.slice(best.start, best.end);
  // The name's phrase is the goal's elsewhere, or the name holds the goal's phrase too: no typo.
  if (name.includes(best.goal) || goals.some((g) => g.includes(written))) return undefined;
  return { start: best.start, end: best.end, goal: best.goal };
}

export const nameDiffersFromGoal: ProjectRule = {
  id: 'name-differs-from-goal',
  category: 'style',
  scope: 'project',
  defaultSeverity: 'information',
  fixable: true,
  description: {
    zh: '指标名称中的一个词组与绩效目标中的写法差一个字（漏字或错字），可能是笔误。',
    en: 'A phrase of an indicator’s name differs from the goal’s by one character (dropped or changed): likely a typo.',
  },
  rationale: {
    zh: '指标通常沿用目标中的说法；同一词组在目标中写作“独生子女伤残”、在指标中写作“独生子伤残”，多半是漏字或错字，会让审核人怀疑两者说的不是同一对象。只比较 5 个汉字以上的词组，且名称中另有目标原词时不提示。',
    en: 'Indicators reuse the goal’s wording; a phrase written “独生子女伤残” in the goal and “独生子伤残” in the indicator is most likely a dropped or wrong character, and makes a reviewer wonder whether both mean the same people. Only phrases of 5 or more Chinese characters are compared, and not when the name also holds the goal’s phrase.',
  },
  examples: {
    bad: [
      {
        rows: [
          '特困家庭再扶助\t6.30\t6.30\t\t\t对独生子女伤残、死亡家庭进行特别扶助。\t1、1-产出指标；11-数量指标；独生子伤残家庭扶助人数；实施周期指标值：63人；年度指标值：63人。2、3-满意度指标；31-服务对象满意度；受益群众满意度；实施周期指标值：≥90%；年度指标值：≥90%。',
        ],
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目名称\t特困家庭再扶助',
          '年度目标\t对独生子女伤残、死亡家庭进行特别扶助',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t数量指标\t对独生子伤残、死亡家庭进行扶助\t63人',
        ],
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；职业技能培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、2-效益指标；22-社会效益；培训后就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
        note: { zh: '名称沿用目标的说法', en: 'the name reuses the goal’s words' },
      },
    ],
  },
  checkProject(project, ctx) {
    const goals = [project.goals.period, project.goals.annual, project.goals.goal]
      .filter((g): g is Located => g !== undefined)
      .map((g) => g.text);
    if (goals.length === 0 || project.indicators.length === 0) return;
    const goalRuns = goalRunsOf(goals);
    if (goalRuns.length === 0) return;
    for (const ind of project.indicators) {
      const name = ind.name;
      if (!name) continue;
      const typo = findTypo(name.text, goals, goalRuns);
      if (!typo) continue;
      const written = name.text.slice(typo.start, typo.end);
      const span = { start: name.place.span.start + typo.start, end: name.place.span.start + typo.end };
      ctx.report({
        place: { line: name.place.line, span },
        message: {
          zh: `指标名称中的“${written}”与绩效目标中的“${typo.goal}”差一个字，是否笔误？`,
          en: `“${written}” in the indicator’s name differs by one character from “${typo.goal}” in the goal: a typo?`,
        },
        fixes: [
          {
            title: { zh: `改为目标中的写法“${typo.goal}”`, en: `write it as the goal does: “${typo.goal}”` },
            edits: [{ line: name.place.line, span, newText: typo.goal }],
            safe: false,
          },
        ],
      });
    }
  },
};
