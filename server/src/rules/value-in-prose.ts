import type { Located, ModelIndicator } from '../model/types';
import type { Measure } from '../syntax/value';
import { COMPARATOR_FORMS, DEADLINE_WORDS, STANDARD_WORDS, VALUE_FRAME_WORDS } from '../vocabulary';
import { withIndicators } from './examples';
import { classCode, cjkRuns, measuresOf, placeIn, valuesOf } from '../model/meaning';
import type { ProjectReport, ProjectRule } from './types';

/** The cost class: its targets are ceilings. */
const COST = '14';
/** Units of a date (`12月`): the measure alone (`12月`) would lose its `底前`, so no fix is offered. */
const DATE_UNITS = new Set(['年', '月', '日']);
/** Words taken out before counting the prose around a measure, longest first. */
const FRAME = [
  ...COMPARATOR_FORMS.map((f) => f.text).filter((t) => /[\u4e00-\u9fff]/.test(t)),
  ...DEADLINE_WORDS,
  ...VALUE_FRAME_WORDS,
  ...STANDARD_WORDS,
].sort((a, b) => b.length - a.length);
/** Prose: at least this many Chinese characters around the measure, and this many once frame words and the name are taken out. */
const MIN_AROUND = 3;
const MIN_PROSE = 2;
/** Values longer than this are not read (a value is short; a long one is another rule's, and reading stays cheap). */
const MAX_VALUE = 200;

/** The Chinese characters of `text` that neither frame a measure nor repeat the indicator's name. */
function prose(text: string, name: string): number {
  let count = 0;
  for (const run of cjkRuns(text)) {
    let s = run.text;
    for (const w of FRAME) s = s.split(w).join('\u0000');
    for (const part of s.split('\u0000')) {
      let k = 0;
      while (k < part.length) {
        // The longest piece (two characters or more) that the name also writes.
        let skip = 0;
        for (let len = part.length - k; len >= 2; len--) {
          if (name.includes(part.slice(k, k + len))) {
            skip = len;
            break;
          }
        }
        if (skip > 0) k += skip;
        else {
          count++;
          k++;
        }
      }
    }
  }
  return count;
}

/** The measure alone, as the finance system writes it (`≤1000元/人`); undefined for a date. */
function measureAlone(text: string, m: Measure, ind: ModelIndicator): string | undefined {
  if (DATE_UNITS.has(m.unit) || m.comparator === '≈') return undefined;
  let written = text.slice(m.start, m.end);
  if (m.comparatorText) {
    if (written.startsWith(m.comparatorText)) written = written.slice(m.comparatorText.length);
    else if (written.endsWith(m.comparatorText)) written = written.slice(0, -m.comparatorText.length);
  }
  const comparator = m.comparator ?? (classCode(ind) === COST ? '≤' : '');
  return `${comparator}${written.trim()}`;
}

export const valueInProse: ProjectRule = {
  id: 'value-in-prose',
  category: 'values',
  scope: 'project',
  defaultSeverity: 'information',
  fixable: true,
  description: {
    zh: '指标值是一句话，数字埋在其中（“严格按照预算标准1000元/人给补助对象兑付补助”）。',
    en: 'A value is a sentence with its number buried in it (“严格按照预算标准1000元/人给补助对象兑付补助”).',
  },
  rationale: {
    zh: '指标值只写衡量值：比较符号、数字和单位（“≤1000元/人”“≥8家”）；怎么做、对谁做是目标和指标名称的内容。句子中的数字难以核对，也无法导入预算系统的数值栏。与指标名称重复的词、“以上”“不少于”“每年”“累计”以及“底前完成”之类的时限用语不算作句子。',
    en: 'A value holds the measure alone: comparator, number and unit (“≤1000元/人”, “≥8家”); how and for whom belong to the goal and the name. A number inside a sentence is hard to check and cannot go into the budget system’s value field. Words the name also writes, comparator words (以上, 不少于), frames (每年, 累计) and deadline words (底前完成) do not count as a sentence.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。2、1-产出指标；14-成本指标；成本控制；实施周期指标值：严格按照预算标准1000元/人给补助对象兑付补助；年度指标值：≤1000元/人。',
        ),
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目名称\t特困家庭再扶助',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t时效指标\t资金拨付\t12月底到位',
        ],
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；12-质量指标；发放准确率；实施周期指标值：准确率达到99%；年度指标值：≥99%。2、1-产出指标；13-时效指标；资金拨付时间；实施周期指标值：12月底前完成；年度指标值：12月底前完成。',
        ),
        note: {
          zh: '重复名称的词、时限用语不算句子',
          en: 'words of the name and deadline words are no sentence',
        },
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '项目名称\t灵活就业社会保险补贴',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t成本指标\t补贴标准\t不超过缴费额的2/3',
        ],
        note: { zh: '相对于某个基数的比例', en: 'a share of a base' },
      },
    ],
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      const name = ind.name?.text ?? '';
      for (const v of valuesOf(ind)) {
        if (v.text.length > MAX_VALUE) continue;
        const measures = measuresOf(ind, v);
        const m = measures[0];
        if (measures.length !== 1 || !m) continue;
        const before = v.text.slice(0, m.start);
        const after = v.text.slice(m.end);
        // `缴费额的2/3`: the measure is a share of a base the words name.
        if (/的\s*$/.test(before)) continue;
        const around = cjkRuns(before + after).reduce((n, r) => n + r.text.length, 0);
        if (around < MIN_AROUND || prose(before, name) + prose(after, name) < MIN_PROSE) continue;
        ctx.report(report(v, m, ind));
      }
    }
  },
};

function report(v: Located, m: Measure, ind: ModelIndicator): ProjectReport {
  const alone = measureAlone(v.text, m, ind);
  const lead = v.text.length - v.text.trimStart().length;
  const end = v.text.trimEnd().length;
  const place = placeIn(v, lead, end);
  return {
    place,
    message: {
      zh: `指标值“${v.text.trim()}”是一句话，数字埋在其中：只写衡量值${alone ? `（如“${alone}”）` : '（比较符号、数字和单位）'}，说明放到指标名称或目标中`,
      en: `the value “${v.text.trim()}” is a sentence with its number buried in it: write the measure alone${alone ? ` (such as “${alone}”)` : ' (comparator, number and unit)'} and leave the explanation to the name or the goal`,
    },
    ...(alone
      ? {
          fixes: [
            {
              title: { zh: `只写“${alone}”`, en: `write “${alone}” alone` },
              edits: [{ line: place.line, span: place.span, newText: alone }],
              safe: false,
            },
          ],
        }
      : {}),
  };
}
