import { formNameOf, lookupCode, VAGUE_VALUES, type Bilingual, type CodeEntry } from '../catalogue';
import { labelText } from '../syntax/form';
import { unquote, type ParsedValue } from '../syntax/value';
import { NATURE_WORDS } from '../vocabulary';
import { withIndicators } from './examples';
import type { RowRule } from './types';
import {
  FORM_VALUE_NAMES,
  formClasses,
  formRows,
  formValues,
  indicatorsOf,
  LABEL_NAMES,
  level2Code,
  sameText,
  valueSpan,
  valuesOf,
} from './util';

/** Level-2 classes whose values must hold a measure (a number): counts, rates, money. */
const QUANTITATIVE = new Set(['count', 'rate', 'money']);

export const valueNotMeasurable: RowRule = {
  id: 'value-not-measurable',
  category: 'values',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: false,
  description: {
    zh: '指标值无法衡量：数量、质量、成本、满意度类指标没有数值，或指标值只是重复指标名称、使用“控制数”“逐年提升”等空话。',
    en: 'A value cannot be measured: a quantity, quality, cost or satisfaction indicator without a number, or a value that repeats the indicator’s name or is a placeholder such as 控制数 or 逐年提升.',
  },
  rationale: {
    zh: '指标应尽量量化，定性表述只能作为补充；审核人会退回只重复指标名称或写“进一步提高”“持续开展”“长期”的指标值。申报表按二级指标名称判断类别，数值与计量单位列合读；指标性质列标为“定性”的指标只检查措辞。',
    en: 'Indicators are to be quantified wherever possible, qualitative wording being only a supplement; reviewers send back values that repeat the name or say “进一步提高”, “持续开展” or “长期”. On a form the class is read from the level-2 name and a value with its unit column; a value the nature column marks 定性 has only its wording judged.',
  },
  examples: {
    bad: [
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；享受补贴人数；实施周期指标值：享受补贴人数；年度指标值：≥2万人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；补助人数；实施周期指标值：控制数；年度指标值：控制数。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。',
        ),
      },
      {
        rows: withIndicators(
          '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人次；年度指标值：100人次。2、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：满意；年度指标值：满意。',
        ),
      },
      {
        layout: 'form',
        rows: formRows([
          '产出指标\t数量指标\t助餐服务人次\t≥5000人次',
          '\t质量指标\t服务周期内餐食质量\t优良',
          '效益指标\t可持续影响指标\t实现社会稳定和谐发展\t长期',
        ]),
        note: {
          zh: '申报表：质量指标只有定性描述，“长期”不可衡量',
          en: 'a form: a quality value in words only, and “长期”, which promises nothing measurable',
        },
      },
    ],
    good: [
      {
        rows: withIndicators(
          '1、1-产出指标；13-时效指标；完成时限；实施周期指标值：本年内完成；年度指标值：本年内完成。2、2-效益指标；22-社会效益；政策知晓度；实施周期指标值：有力保障劳动者权益；年度指标值：有力保障劳动者权益。',
        ),
        note: { zh: '时效和效益类指标可以定性表述', en: 'timeliness and benefit values may be qualitative' },
      },
      { layout: 'form', rows: formRows() },
    ],
  },
  checkRow(row, ctx) {
    for (const ind of indicatorsOf(row)) {
      const code = level2Code(ind);
      const entry = code ? lookupCode(code) : undefined;
      for (const v of valuesOf(ind)) {
        const message = judge(v.text, ind.name?.text, entry && codeLabel(entry), v.parsed, LABEL_NAMES[v.label]);
        if (message) ctx.report({ span: valueSpan(v), message });
      }
    }
  },
  checkProject(project, ctx) {
    for (const ind of project.indicators) {
      const l2 = formClasses(ind).level2?.entry;
      // A value the form marks 定性 is described on purpose: only its wording is judged.
      const described = ind.nature !== undefined && QUALITATIVE_NATURE.has(labelText(ind.nature.text));
      const entry = l2?.level === 2 && !described ? l2 : undefined;
      for (const v of formValues(ind)) {
        const message = judge(v.text, ind.name?.text, entry && formLabel(entry), v.parsed, FORM_VALUE_NAMES[v.part]);
        if (message) ctx.report({ place: v.cell.place, message });
      }
    }
  },
};

const QUALITATIVE_NATURE = new Set(NATURE_WORDS.qualitative);

/** A class as a message names it, with what its values must measure. */
interface ClassLabel {
  readonly measure: CodeEntry['measure'];
  readonly zh: string;
  readonly en: string;
}

/** A class by its code: `“12-质量指标”`, `a quality indicator (12)`. */
function codeLabel(e: CodeEntry): ClassLabel {
  return { measure: e.measure, zh: `“${e.code}-${e.name}”`, en: `a ${e.english.toLowerCase()} indicator (${e.code})` };
}

/** A class by its name, as a form writes it: `“质量指标”`, `a quality indicator (质量指标)`. */
function formLabel(e: CodeEntry): ClassLabel {
  const name = formNameOf(e);
  return { measure: e.measure, zh: `“${name}”`, en: `a ${e.english.toLowerCase()} indicator (${name})` };
}

/** What is wrong with a value, if anything: it repeats the name, it is vague, or it is prose where a number is due. */
function judge(
  written: string,
  name: string | undefined,
  cls: ClassLabel | undefined,
  parsed: ParsedValue,
  where: Bilingual,
): Bilingual | undefined {
  const text = unquote(written)
    .replace(/[。.]$/, '')
    .trim();
  if (text === '') return undefined;
  if (name && sameText(text, name)) {
    return {
      zh: `${where.zh}只是重复了指标名称“${name}”，应填写可衡量的目标值`,
      en: `${where.en} only repeats the indicator’s name “${name}”: write a measurable target`,
    };
  }
  if (VAGUE_VALUES.includes(text)) {
    return {
      zh: `${where.zh}“${text}”不可衡量，应填写具体数值或可核验的标准`,
      en: `${where.en} “${text}” cannot be measured: write a number or a verifiable standard`,
    };
  }
  if (cls?.measure && QUANTITATIVE.has(cls.measure) && parsed.kind === 'qualitative') {
    const example = cls.measure === 'rate' ? '“≥90%”' : cls.measure === 'money' ? '“≤18万元”' : '“≥100人次”';
    return {
      zh: `${cls.zh}应为可量化的数值（如${example}），而不是“${text}”`,
      en: `${cls.en} needs a number (such as ${example}), not “${text}”`,
    };
  }
  return undefined;
}
