/**
 * The indicator catalogue: the one source of truth for indicator codes, their official names,
 * the aliases real tables use, and the bilingual explanations. Hovers, completions, rules, the
 * TextMate grammar's code lists and the generated docs all read this module. The words and marks
 * of the table itself (columns, comparators, units, labels, punctuation, HTML) are in
 * `vocabulary.ts`.
 *
 * Source: shared/domain/indicator-framework.md (财预〔2021〕101号 and the templates it cites).
 */

import type { Bilingual, MeasureKind } from './vocabulary';

export type { Bilingual, MeasureKind } from './vocabulary';

export interface CodeEntry {
  /** '1' for a level-1 class, '11' for a level-2 class. */
  readonly code: string;
  readonly level: 1 | 2;
  /** The official name as the finance system prints it (`数量指标`). */
  readonly name: string;
  /** Other names seen in real tables, accepted as equivalent. */
  readonly aliases: readonly string[];
  readonly english: string;
  readonly description: Bilingual;
  /** For level 2: its level-1 code (the first digit). */
  readonly parent?: string;
  /** For level 2: what its values should measure. */
  readonly measure?: MeasureKind;
}

const entries: readonly CodeEntry[] = [
  {
    code: '1',
    level: 1,
    name: '产出指标',
    aliases: [],
    english: 'Output',
    description: {
      zh: '项目资金直接交付的产品或服务：交付多少、达到什么标准、是否按时完成（旧体系下还包括成本）。',
      en: 'Output: what the money directly delivers — volume, standard, timeliness (and cost in the pre-2021 layout).',
    },
  },
  {
    code: '11',
    level: 2,
    parent: '1',
    name: '数量指标',
    aliases: [],
    english: 'Quantity',
    measure: 'count',
    description: {
      zh: '计划提供的产品或服务的数量，如人次、场次、个数、份数。',
      en: 'Quantity: how many units of product or service are planned.',
    },
  },
  {
    code: '12',
    level: 2,
    parent: '1',
    name: '质量指标',
    aliases: [],
    english: 'Quality',
    measure: 'rate',
    description: {
      zh: '产品或服务应达到的标准和水平，如合格率、准确率、达标率。',
      en: 'Quality: the standard the outputs must reach (pass, accuracy, compliance rates).',
    },
  },
  {
    code: '13',
    level: 2,
    parent: '1',
    name: '时效指标',
    aliases: ['进度指标', '产出进度指标'],
    english: 'Timeliness',
    measure: 'time',
    description: {
      zh: '完成的时限和及时程度，如按时完成率、完成时间节点。',
      en: 'Timeliness: deadlines and promptness of delivery.',
    },
  },
  {
    code: '14',
    level: 2,
    parent: '1',
    name: '成本指标',
    aliases: ['产出成本指标'],
    english: 'Cost',
    measure: 'money',
    description: {
      zh: '完成产出所需的单位成本或总成本，原则上不得突破预算支出标准。',
      en: 'Cost: unit or total cost of the outputs; should stay within the spending standard.',
    },
  },
  {
    code: '2',
    level: 1,
    name: '效益指标',
    aliases: ['效果指标'],
    english: 'Benefit',
    description: {
      zh: '产出带来的效果和影响：受益对象和社会因此得到了什么。',
      en: 'Benefit: the effects the outputs produce for beneficiaries and society.',
    },
  },
  {
    code: '21',
    level: 2,
    parent: '2',
    name: '经济效益',
    aliases: ['经济效益指标'],
    english: 'Economic benefit',
    measure: 'any',
    description: {
      zh: '对经济发展的直接或间接带动，如收入、产值、营收增长。',
      en: 'Economic benefit: direct or indirect effects on the economy (income, output, revenue growth).',
    },
  },
  {
    code: '22',
    level: 2,
    parent: '2',
    name: '社会效益',
    aliases: ['社会效益指标'],
    english: 'Social benefit',
    measure: 'any',
    description: {
      zh: '对社会发展、公共服务和民生的影响，如就业、覆盖面、知晓率。',
      en: 'Social benefit: effects on society, public services and livelihoods (employment, coverage, awareness).',
    },
  },
  {
    code: '23',
    level: 2,
    parent: '2',
    name: '生态效益',
    aliases: ['生态效益指标', '环境效益指标'],
    english: 'Ecological benefit',
    measure: 'any',
    description: {
      zh: '对自然生态环境的影响，如排放达标、节能降耗。',
      en: 'Ecological benefit: effects on the natural environment (emission standards, energy saving).',
    },
  },
  {
    code: '24',
    level: 2,
    parent: '2',
    name: '可持续影响',
    aliases: ['可持续影响指标'],
    english: 'Sustained impact',
    measure: 'any',
    description: {
      zh: '效果能维持多久、能否长效运行。',
      en: 'Sustained impact: how durable the effects are.',
    },
  },
  {
    code: '3',
    level: 1,
    name: '满意度指标',
    aliases: [],
    english: 'Satisfaction',
    description: {
      zh: '服务对象或受益人对产出及其效果的认可程度，通常为调查满意率。',
      en: "Satisfaction: beneficiaries' approval, usually a survey rate.",
    },
  },
  {
    code: '31',
    level: 2,
    parent: '3',
    name: '服务对象满意度',
    aliases: ['服务对象满意度指标', '社会公众或服务对象满意度指标'],
    english: 'Beneficiary satisfaction',
    measure: 'rate',
    description: {
      zh: '直接服务对象或受益群体的满意程度，一般用百分比表示。',
      en: 'Beneficiary satisfaction, as a percentage.',
    },
  },
];

/** The 2021 guideline's cost classes, named in `unknown-code` messages for unlisted cost codes. */
export const COST_CLASSES_2021: Bilingual = {
  zh: '财预〔2021〕101号将成本指标列为一级指标，下设经济成本指标、社会成本指标、生态环境成本指标，但尚无公开的数字编码；广州现行导出仍用“1-产出指标；14-成本指标”',
  en: 'the 2021 guideline (财预〔2021〕101号) made 成本指标 a level-1 class with 经济成本指标 / 社会成本指标 / 生态环境成本指标 beneath it, but no numeric codes exist for that layout; current exports file cost as “1-产出指标；14-成本指标”',
};

export const CATALOGUE: readonly CodeEntry[] = entries;

const byCode = new Map<string, CodeEntry>(entries.map((e) => [e.code, e]));

/** Strips the optional trailing 指标 so that `社会效益指标` and `社会效益` compare equal. */
function normaliseName(name: string): string {
  const trimmed = name.replace(/[\s\u3000]+/g, '');
  return trimmed.endsWith('指标') && trimmed.length > 2 ? trimmed.slice(0, -2) : trimmed;
}

const byName = new Map<string, CodeEntry>();
for (const e of entries) {
  for (const n of [e.name, ...e.aliases]) {
    const key = normaliseName(n);
    if (!byName.has(key)) byName.set(key, e);
  }
}

export function lookupCode(code: string): CodeEntry | undefined {
  return byCode.get(code);
}

/** The entry whose official name or alias is `name` (with or without the trailing 指标). */
export function lookupName(name: string): CodeEntry | undefined {
  return byName.get(normaliseName(name));
}

/** True when `name` is the official name or an accepted alias of `entry`. */
export function nameMatches(entry: CodeEntry, name: string): boolean {
  const key = normaliseName(name);
  return [entry.name, ...entry.aliases].some((n) => normaliseName(n) === key);
}

export function level1Codes(): CodeEntry[] {
  return entries.filter((e) => e.level === 1);
}

export function childrenOf(parent: string): CodeEntry[] {
  return entries.filter((e) => e.level === 2 && e.parent === parent);
}

/** Level-1 code of a level-2 code, by the framework's rule: its first digit. */
export function parentCodeOf(level2: string): string {
  return level2.charAt(0);
}

/**
 * Values that only restate work or promise nothing measurable (S6–S10, S28 of the framework):
 * placeholders and vague wording that reviewers send back.
 */
export const VAGUE_VALUES: readonly string[] = [
  '控制数',
  '持续开展',
  '逐年提升',
  '逐步提升',
  '进一步提高',
  '进一步提升',
  '明显改善',
  '有效促进',
  '有所提高',
  '有所提升',
  '稳步提升',
  '不断提高',
  '大幅提升',
  '显著提升',
  '提高',
  '提升',
  '改善',
  '满意',
  // Words that promise duration or effort, not a result (`可持续影响指标：长期`).
  '长期',
  '长效',
  '长期有效',
  '长期坚持',
  '长期稳定',
  '持续',
  '持续推进',
  '持续改善',
  '持续提升',
  '不断完善',
  '逐步完善',
  '逐步改善',
  '有效',
  '有效提升',
  '有效提高',
];

// ---- forms: classes and names

/**
 * Names application forms write in their 一级 / 二级 columns that are not a class's official name,
 * each with the class it means (`code`). On a form the name is all there is (no code beside it), so
 * these are reported with the official name (`code-name-mismatch`); after a code in the seven-column
 * layout the code names the class, and the ones that are also aliases above stay accepted there.
 * `column` limits a name to one column: `满意度指标` is the official 一级, but as a 二级 it means
 * 31 服务对象满意度 (the old templates' 满意度指标 ⇥ 满意度指标). Names are compared as `lookupName`
 * compares them (spaces and a trailing 指标 aside).
 */
export const NONSTANDARD_NAMES: ReadonlyArray<{
  readonly name: string;
  readonly code: string;
  readonly column?: 1 | 2;
}> = [
  { name: '项目完成指标', code: '1' },
  { name: '完成指标', code: '1' },
  { name: '项目产出指标', code: '1' },
  { name: '产出类指标', code: '1' },
  { name: '项目效益指标', code: '2' },
  { name: '效果指标', code: '2' },
  { name: '项目效果指标', code: '2' },
  { name: '效益类指标', code: '2' },
  { name: '满意度类指标', code: '3', column: 1 },
  { name: '满意度指标', code: '31', column: 2 },
  { name: '社会满意度指标', code: '31', column: 2 },
  { name: '群众满意度指标', code: '31', column: 2 },
  { name: '受益群众满意度指标', code: '31', column: 2 },
  { name: '受益对象满意度指标', code: '31', column: 2 },
  { name: '服务满意度指标', code: '31', column: 2 },
];

/** A class as a form's 一级 (1) or 二级 (2) column names it. */
export interface FormClass {
  readonly entry: CodeEntry;
  /** The name is a known non-standard one (`NONSTANDARD_NAMES`): the official name should be written. */
  readonly nonstandard: boolean;
}

const nonstandardByName = new Map<string, Array<{ code: string; column?: 1 | 2 }>>();
for (const n of NONSTANDARD_NAMES) {
  const key = normaliseName(n.name);
  const list = nonstandardByName.get(key) ?? [];
  list.push({ code: n.code, ...(n.column ? { column: n.column } : {}) });
  nonstandardByName.set(key, list);
}

/** The class a name written in a form's 一级 (`column` 1) or 二级 (2) column means, if known. */
export function lookupFormName(name: string, column: 1 | 2): FormClass | undefined {
  const key = normaliseName(name);
  const known = nonstandardByName.get(key)?.find((n) => n.column === undefined || n.column === column);
  const entry = known ? byCode.get(known.code) : undefined;
  if (entry) return { entry, nonstandard: true };
  const official = byName.get(key);
  return official ? { entry: official, nonstandard: false } : undefined;
}

/** How a form writes a class's name: the official name ending in 指标 (`经济效益指标`, `数量指标`). */
export function formNameOf(entry: CodeEntry): string {
  return entry.name.endsWith('指标') ? entry.name : `${entry.name}指标`;
}

/** The money units a table states (`单位：元`), each with its size in 万元, the default unit. */
export type MoneyUnit = '元' | '千元' | '万元' | '亿元';
export const MONEY_UNITS: Readonly<Record<MoneyUnit, { readonly wan: number; readonly en: string }>> = {
  元: { wan: 1e-4, en: 'yuan' },
  千元: { wan: 0.1, en: 'thousand yuan' },
  万元: { wan: 1, en: '10,000 yuan' },
  亿元: { wan: 1e4, en: '100 million yuan' },
};
/** A table that states no unit is read in 万元, as the finance system's exports are. */
export const DEFAULT_MONEY_UNIT: MoneyUnit = '万元';

/**
 * The money unit a preface line, title or header cell states: `单位：元`, `金额单位：万元`,
 * `（单位：万元）`, `总计（万元）`, `Unit: yuan`, `(RMB 10,000 yuan)`, `in 10,000 yuan`.
 */
export function statedMoneyUnit(text: string): MoneyUnit | undefined {
  const zh = /单位\s*[：:]\s*(?:人民币)?\s*(亿元|万元|千元|元)|[（(]\s*(?:人民币)?\s*(亿元|万元|千元|元)\s*[）)]/.exec(
    text,
  );
  if (zh) return (zh[1] ?? zh[2]) as MoneyUnit;
  if (!/yuan|rmb/i.test(text)) return undefined;
  const en =
    /(?:unit\s*[:：]|\(|\bin)\s*(?:rmb\s*)?(100\s*million|10,?000|ten\s+thousand|thousand|1,?000)?\s*(?:yuan|rmb)\b/i.exec(
      text,
    );
  if (!en) return undefined;
  const size = (en[1] ?? '').replace(/[\s,]/g, '').toLowerCase();
  if (size === '') return '元';
  if (size === '100million') return '亿元';
  if (size === '10000' || size === 'tenthousand') return '万元';
  return '千元';
}
