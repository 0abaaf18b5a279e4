/**
 * The words and marks of a target table, written once: the seven columns, the title and preface
 * words, HTML residue, comparators, measure units, value labels, dashes and the two punctuation
 * widths. The row splitter, the lexer, the value reader, the rules, hovers, completion, formatting,
 * the generated docs and the TextMate grammar all read these lists; none keeps a copy.
 *
 * What is written here is data (lists and regular-expression sources); the indicator codes and
 * their meaning are the catalogue's (`catalogue.ts`), and logic shared by a rule and formatting
 * lives in `syntax/canonical.ts`.
 *
 * Patterns are sources without the `u` flag and without `$` (Chevrotain rebuilds the lexer's
 * patterns so), linear (no nested quantifiers), and every repetition of HTML residue is bounded.
 */

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

// ---- the table

/** A column of the table's header row. */
export interface ColumnEntry {
  /** As the header prints it (`项目名称（资金使用单位）`). */
  readonly zh: string;
  /** The official English name (财政拨款 is fiscal appropriation). */
  readonly en: string;
  /** How messages name the column (`名称` / `name`). */
  readonly brief: Bilingual;
  /** Holds an amount in the table's money unit. */
  readonly amount: boolean;
  /** A header row names this column (how a header is told from a project row). */
  readonly marksHeader: boolean;
}

/** The seven columns, in order: name, the four amounts (总计 first, the sum of the other three), goal, indicators. */
export const COLUMNS: readonly ColumnEntry[] = [
  {
    zh: '项目名称（资金使用单位）',
    en: 'project name (unit using the funds)',
    brief: { zh: '名称', en: 'name' },
    amount: false,
    marksHeader: false,
  },
  { zh: '总计', en: 'total', brief: { zh: '总计', en: 'total' }, amount: true, marksHeader: true },
  {
    zh: '财政拨款',
    en: 'fiscal appropriation',
    brief: { zh: '财政拨款', en: 'fiscal appropriation' },
    amount: true,
    marksHeader: true,
  },
  {
    zh: '财政专户拨款',
    en: 'fiscal special account appropriation',
    brief: { zh: '财政专户拨款', en: 'fiscal special account appropriation' },
    amount: true,
    marksHeader: false,
  },
  { zh: '其他资金', en: 'other funds', brief: { zh: '其他资金', en: 'other funds' }, amount: true, marksHeader: false },
  { zh: '绩效目标', en: 'performance goal', brief: { zh: '绩效目标', en: 'goal' }, amount: false, marksHeader: false },
  {
    zh: '绩效指标',
    en: 'performance indicators',
    brief: { zh: '绩效指标', en: 'indicators' },
    amount: false,
    marksHeader: true,
  },
];

/** The amount columns' names in order: 总计, 财政拨款, 财政专户拨款, 其他资金. */
export const AMOUNT_COLUMNS: readonly string[] = COLUMNS.filter((c) => c.amount).map((c) => c.zh);
/** Their official English names, in the same order. */
export const AMOUNT_COLUMNS_EN: readonly string[] = COLUMNS.filter((c) => c.amount).map((c) => c.en);
/** How a header row's first cell starts (`项目名称`, spaces aside). */
export const HEADER_FIRST = '项目名称';
/** Columns a header row names, spaces aside, when its first cell says otherwise. */
export const HEADER_COLUMNS: readonly string[] = COLUMNS.filter((c) => c.marksHeader).map((c) => c.zh);

/** The name of the grand-total row of the seven-column table (spaces aside). */
export const TOTAL_ROW_NAME = '合计';

/** The canonical title line of a target table. */
export const TABLE_TITLE = '项目支出绩效目标表';
/** What every title holds (`部门项目支出绩效目标表`, `2024年绩效目标表`). */
export const TITLE_MARK = '绩效目标表';
/** A title line. */
export function isTitle(text: string): boolean {
  return text.includes(TITLE_MARK);
}

/** The words a preface line names the department with (`部门名称：`). */
export const DEPARTMENT_WORDS: readonly string[] = ['部门名称', '部门', '单位名称', '预算单位', '编制单位', '填报单位'];
/** A department line; group 1 is the department. */
export const DEPARTMENT = new RegExp(`^(?:${DEPARTMENT_WORDS.join('|')})\\s*[：:](.*)$`);
/** The words a preface line states the money unit with (`单位：万元`, `金额单位：元`). */
export const MONEY_UNIT_WORDS: readonly string[] = ['金额单位', '单位'];

// ---- HTML residue (tags and entities left by an export)

/** The bounds of a tag and an entity: longer ones are text, and no pattern runs unbounded. */
export const HTML_LIMITS = { name: 16, attributes: 300, codePoint: 6 } as const;
/** The named entities an export leaves, and the character each stands for. */
export const HTML_ENTITIES: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"' };
/** A tag: `<p>`, `</span>`, `<br/>`, `<td class="x">` (attributes after any whitespace). */
export const HTML_TAG_SOURCE = `<\\/?[A-Za-z][A-Za-z0-9]{0,${HTML_LIMITS.name - 1}}(?:\\s[^<>\\r\\n]{0,${HTML_LIMITS.attributes}})?\\/?>`;
/** An entity: `&nbsp;`, `&amp;`, `&#12288;`. */
export const HTML_ENTITY_SOURCE = `&(?:${Object.keys(HTML_ENTITIES).join('|')}|#[0-9]{1,${HTML_LIMITS.codePoint}});`;
/** Any HTML residue: a tag or an entity. */
export const HTML_SOURCE = `${HTML_TAG_SOURCE}|${HTML_ENTITY_SOURCE}`;
/** What wraps a cell's content and is trimmed with its whitespace: tags and `&nbsp;` (other entities are content). */
export const HTML_WRAPPER_SOURCE = `${HTML_TAG_SOURCE}|&nbsp;`;

// ---- comparators

/** Normalised comparators: `≈` is 约 (approximate), which cannot be checked. */
export type Comparator = '≥' | '>' | '=' | '≤' | '<' | '≈';

/** A way of writing a comparator: a symbol or word before the number, or a word after it (`90%以上`). */
export interface ComparatorForm {
  readonly text: string;
  readonly means: Comparator;
  readonly place: 'before' | 'after';
}

const before = (text: string, means: Comparator): ComparatorForm => ({ text, means, place: 'before' });
const after = (text: string, means: Comparator): ComparatorForm => ({ text, means, place: 'after' });

/** Every comparator the value reader understands, the grammar highlights and completion recognises. */
export const COMPARATOR_FORMS: readonly ComparatorForm[] = [
  before('>=', '≥'),
  before('<=', '≤'),
  before('≥', '≥'),
  before('≧', '≥'),
  before('≤', '≤'),
  before('≦', '≤'),
  before('＞', '>'),
  before('>', '>'),
  before('＜', '<'),
  before('<', '<'),
  before('＝', '='),
  before('=', '='),
  before('最高不超过', '≤'),
  before('大于等于', '≥'),
  before('小于等于', '≤'),
  before('不少于', '≥'),
  before('不低于', '≥'),
  before('达到', '≥'),
  before('不超过', '≤'),
  before('不高于', '≤'),
  before('不大于', '≤'),
  before('超过', '>'),
  before('高于', '>'),
  before('大于', '>'),
  before('低于', '<'),
  before('少于', '<'),
  before('小于', '<'),
  before('不足', '<'),
  before('等于', '='),
  before('约', '≈'),
  after('以上', '≥'),
  after('以下', '≤'),
  after('以内', '≤'),
];

/** Comparators as the finance system writes them (full-width), with their meaning. */
export interface ComparatorEntry {
  readonly symbol: string;
  readonly means: Exclude<Comparator, '≈'>;
  readonly direction: 'floor' | 'ceiling' | 'exact' | 'approx';
  readonly strict: boolean;
  readonly description: Bilingual;
}

export const COMPARATORS: readonly ComparatorEntry[] = [
  {
    symbol: '≥',
    means: '≥',
    direction: 'floor',
    strict: false,
    description: { zh: '不低于（目标下限）', en: 'at least (a target to reach)' },
  },
  {
    symbol: '＞',
    means: '>',
    direction: 'floor',
    strict: true,
    description: { zh: '高于（目标下限）', en: 'more than (a target to reach)' },
  },
  { symbol: '＝', means: '=', direction: 'exact', strict: false, description: { zh: '等于', en: 'exactly' } },
  {
    symbol: '≤',
    means: '≤',
    direction: 'ceiling',
    strict: false,
    description: { zh: '不高于（上限）', en: 'at most (a ceiling)' },
  },
  {
    symbol: '＜',
    means: '<',
    direction: 'ceiling',
    strict: true,
    description: { zh: '低于（上限）', en: 'less than (a ceiling)' },
  },
];

// ---- measure units

/** What kind of measure an indicator class expects, used by value rules and completion. */
export type MeasureKind = 'count' | 'rate' | 'time' | 'money' | 'any';

/** Units by what they measure; completion offers them and value rules read them. */
export const UNITS: Readonly<Record<Exclude<MeasureKind, 'any'>, readonly string[]>> = {
  count: [
    '人',
    '人次',
    '个',
    '家',
    '场',
    '次',
    '辆',
    '份',
    '卷',
    '篇',
    '件',
    '项',
    '户',
    '台',
    '套',
    '期',
    '条',
    '本',
    '所',
    '座',
    '处',
    '名',
    '批',
    '天',
    '页',
  ],
  rate: ['%'],
  time: ['天', '个工作日', '工作日', '个月', '月', '年', '小时', '日'],
  money: ['元', '万元', '亿元'],
};

/** Units read in values that no class asks for: lengths, areas, weights, ages, teaching hours. */
export const OTHER_UNITS: readonly string[] = [
  '米',
  '公里',
  '平方米',
  '亩',
  '吨',
  '册',
  '课时',
  '门',
  '学时',
  '类',
  '元/人',
  '岁',
];

/** Every unit as the value reader returns it, each once, longest first (so alternatives match the longest). */
export const MEASURE_UNITS: readonly string[] = [
  ...new Set([...UNITS.count, ...UNITS.rate, ...UNITS.time, ...UNITS.money, ...OTHER_UNITS]),
].sort((a, b) => b.length - a.length);

/** Units written otherwise, read as the unit they mean (`％` is `%`). */
export const UNIT_VARIANTS: Readonly<Record<string, string>> = { '％': '%' };

/** A number in a value: digits (full-width too), decimals, an optional fraction (`1/2`). */
export const NUMBER_SOURCE = '[0-9０-９]+(?:[.．][0-9０-９]+)?(?:\\/[0-9]+)?';

/** Scale words between a number and its unit (`4.1万人`). */
export const SCALES: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** What joins a unit to the unit it is counted per (`元/辆`, `次每月`). */
export const PER_MARKS: readonly string[] = ['/', '每'];

// ---- value labels

/** The value labels of the indicator language. */
export const LABELS = {
  period: '实施周期指标值',
  annual: '年度指标值',
} as const;

/** The labels in messages, hovers and completion details. */
export const LABEL_NAMES: Readonly<Record<keyof typeof LABELS, Bilingual>> = {
  period: { zh: LABELS.period, en: 'whole-period value' },
  annual: { zh: LABELS.annual, en: 'annual value' },
};

/**
 * How clerks actually write the labels (regular-expression sources, canonical form first): the
 * lexer reads each variant as the label it means and the parser reports it with a fix. A variant
 * that is only a prefix of the label (`实施周期指标`) counts when a colon follows.
 */
export const LABEL_VARIANTS: Readonly<Record<keyof typeof LABELS, string>> = {
  period: '实施周期指标值|(?:实施周期|实施期)(?:目标值|值)|实施期指标值|周期指标值|实施周期指标(?=[ \u3000]{0,2}[：:])',
  annual: '年度指标值|(?:全年|本年度?|当年)(?:指标值|目标值)|年度目标值|年度值|年度指标(?=[ \u3000]{0,2}[：:])',
};

/** Any label, as written (a regular-expression source). */
export const LABEL_PATTERN = `${LABEL_VARIANTS.period}|${LABEL_VARIANTS.annual}`;

/** The characters of the canonical labels, as a character class (`[实施周期指标值年度]`): a label partly typed. */
export const LABEL_CHARS = `[${[...new Set([...LABELS.period, ...LABELS.annual])].join('')}]`;

// ---- marks

/**
 * Every dash a keyboard or IME writes between a code and its name: the canonical ASCII hyphen
 * first, then the full-width hyphen, em and en dashes, the horizontal bar, hyphens and minus signs.
 */
export const DASH_CHARS = '-－—–―‐‑‒−﹣';

/** The two punctuation styles of the indicator language. */
export type Width = 'fullwidth' | 'halfwidth';

/** Where a mark stands in an indicator (the parser's `Punct` roles). */
export type MarkRole = 'code' | 'name' | 'value' | 'label' | 'terminator';

/** The official mark of each place in each style: `；` between parts, `：` after a label, `。` at the end. */
export const OFFICIAL_MARKS: Readonly<Record<Width, Readonly<Record<MarkRole, string>>>> = {
  fullwidth: { code: '；', name: '；', value: '；', label: '：', terminator: '。' },
  halfwidth: { code: ';', name: ';', value: ';', label: ':', terminator: '。' },
};

/** The full stop ends an indicator in both styles. */
export const TERMINATOR = '。';

/** Marks written in either width: each half-width mark with its full-width counterpart. */
export const WIDTH_PAIRS: ReadonlyArray<readonly [half: string, full: string]> = [
  [';', '；'],
  [':', '：'],
  [',', '，'],
  ['.', TERMINATOR],
];

/** Each mark of the language in both widths, full-width first, as a character class body: `；;`. */
function bothWidths(half: string): string {
  const full = WIDTH_PAIRS.find(([h]) => h === half)?.[1] ?? '';
  return `${full}${half}`;
}
/** The separator between parts (`；` `;`), the colon after a label (`：` `:`), the comma typed for either (`，` `,`). */
export const SEPARATOR_MARKS = bothWidths(';');
export const COLON_MARKS = bothWidths(':');
export const COMMA_MARKS = bothWidths(',');

const toFull = new Map(WIDTH_PAIRS);
const toHalf = new Map(WIDTH_PAIRS.filter(([, full]) => full !== TERMINATOR).map(([half, full]) => [full, half]));

/** True for a half-width mark (`;` `:` `,` `.`); every other mark counts as full-width. */
export function isHalfWidthMark(char: string): boolean {
  return toFull.has(char);
}

/** The same mark in the other width, where it has one (`。` stays: it is the full stop of both styles). */
export function inWidth(char: string, width: Width): string {
  return (width === 'fullwidth' ? toFull.get(char) : toHalf.get(char)) ?? char;
}

/** Half- and full-width marks among `marks`, full stops aside (they are `。` in both styles). */
export function countWidths(marks: Iterable<{ readonly char: string; readonly role: MarkRole }>): {
  half: number;
  full: number;
} {
  let half = 0;
  let full = 0;
  for (const p of marks) {
    if (p.role === 'terminator') continue;
    if (isHalfWidthMark(p.char)) half++;
    else full++;
  }
  return { half, full };
}

/** The style of a count of marks: half-width when most are, else full-width (on a tie, and when there are none). */
export function widthOf(counts: { readonly half: number; readonly full: number }): Width {
  return counts.half > counts.full ? 'halfwidth' : 'fullwidth';
}

// ---- application forms (one row per indicator)

/**
 * A column of an application form's indicator grid, by its role, with the names forms give it
 * (compared without spaces, line breaks and a bracketed tail: `指标值(包含数字及文字描述)` is `指标值`).
 * Order matters: the first entry whose name a header cell equals, else starts with, gives its role.
 */
/** The parts an indicator may have, in the order a form's grid usually has them. */
export const INDICATOR_PARTS = [
  'level1',
  'level2',
  'name',
  'nature',
  'direction',
  'comparator',
  'value',
  'period',
  'annual',
  'unit',
  'weight',
  'standard',
  'explanation',
  'note',
] as const;

export type IndicatorPart = (typeof INDICATOR_PARTS)[number];

export interface FormColumnEntry {
  readonly role: IndicatorPart;
  readonly names: readonly string[];
  readonly brief: Bilingual;
}

export const FORM_COLUMNS: readonly FormColumnEntry[] = [
  { role: 'level1', names: ['一级指标'], brief: { zh: '一级指标', en: 'level-1 class' } },
  { role: 'level2', names: ['二级指标'], brief: { zh: '二级指标', en: 'level-2 class' } },
  {
    role: 'name',
    names: ['三级指标', '指标名称', '绩效指标名称', '具体指标', '三级指标名称'],
    brief: { zh: '三级指标', en: 'indicator' },
  },
  { role: 'nature', names: ['指标性质', '指标类型', '定性定量'], brief: { zh: '指标性质', en: 'nature' } },
  { role: 'direction', names: ['指标方向', '指标导向'], brief: { zh: '指标方向', en: 'direction' } },
  {
    role: 'comparator',
    names: ['运算符号', '运算符', '比较符号', '比较符', '计算符号', '符号'],
    brief: { zh: '运算符号', en: 'comparator' },
  },
  {
    role: 'period',
    names: ['实施期指标值', '实施期目标值', '中长期指标值', '实施周期指标值', '整体指标值'],
    brief: { zh: '实施期指标值', en: 'whole-period value' },
  },
  {
    role: 'annual',
    names: ['年度指标值', '年度目标值', '本年度指标值', '当年指标值'],
    brief: { zh: '年度指标值', en: 'annual value' },
  },
  {
    role: 'value',
    names: ['指标值', '目标值', '指标值及单位', '绩效指标值', '预期目标值', '预期指标值', '指标目标值', '标准值'],
    brief: { zh: '指标值', en: 'value' },
  },
  { role: 'unit', names: ['计量单位', '度量单位', '单位', '指标单位'], brief: { zh: '计量单位', en: 'unit' } },
  { role: 'weight', names: ['分值', '权重', '指标权重', '权重分值', '分值权重'], brief: { zh: '分值', en: 'weight' } },
  {
    role: 'standard',
    names: ['绩效标准', '指标值设定依据', '设定依据', '评价标准', '标准类型'],
    brief: { zh: '绩效标准', en: 'standard' },
  },
  { role: 'explanation', names: ['指标解释', '指标说明', '指标内容'], brief: { zh: '指标解释', en: 'explanation' } },
  { role: 'note', names: ['备注', '说明'], brief: { zh: '备注', en: 'note' } },
];

/** What a form's header block labels mean (labels compared without spaces, numbering and a bracketed unit). */
export type FormFieldRole =
  | 'name'
  | 'department'
  | 'period'
  | 'periodGoal'
  | 'annualGoal'
  | 'goal'
  | 'total'
  | 'money'
  | 'spending'
  | 'weights'
  | 'review'
  | 'column'
  | 'other';

/**
 * Header-block labels by role, matched in order: exact names first, then the patterns. A label is
 * what stands left of its value; `column` labels head a column of values (`金额(万元)`), `spending`
 * heads a department's duties (`年度履职目标`), `review` the finance department's opinion.
 */
export const FORM_FIELDS: ReadonlyArray<{
  readonly role: FormFieldRole;
  readonly names: readonly string[];
  readonly pattern?: string;
}> = [
  {
    role: 'name',
    names: [
      '项目名称',
      '项目支出名称',
      '部门(单位)名称',
      '部门名称',
      '单位名称',
      '专项名称',
      '资金名称',
      '项目全称',
      '转移支付名称',
      '转移支付(项目)名称',
      '专项资金名称',
      '项目名称及编码',
    ],
  },
  {
    role: 'department',
    names: [
      '中央主管部门',
      '地方主管部门',
      '主管部门及代码',
      '实施单位及代码',
      '预算单位及代码',
      '预算单位',
      '实施单位',
      '主管部门',
      '预算部门',
      '项目单位',
      '申报单位',
      '主管单位',
      '资金使用单位',
      '项目实施单位',
    ],
  },
  {
    role: 'period',
    names: [
      '项目期',
      '执行期限',
      '项目周期',
      '实施期',
      '项目实施期',
      '项目支出实施期',
      '项目期限',
      '实施期限',
      '起止时间',
      '项目起止时间',
      '实施周期',
    ],
  },
  { role: 'periodGoal', names: ['实施期绩效目标', '实施期目标', '中长期目标', '实施期总目标', '整体目标'] },
  {
    role: 'annualGoal',
    names: ['年度目标', '本年度绩效目标', '年度绩效目标', '年度总体目标', '本年度目标', '当年绩效目标', '年度总目标'],
  },
  { role: 'goal', names: ['总体目标', '绩效目标', '项目绩效目标'] },
  { role: 'spending', names: ['年度履职目标', '履职目标', '年度主要任务'] },
  { role: 'review', names: ['财政部门审核意见', '审核意见', '主管部门审核意见', '财政审核意见'] },
  {
    role: 'column',
    names: ['金额', '资金来源', '年初安排金额', '预算金额', '部门职能', '年度目标任务', '支出项目名称', '项目'],
  },
  {
    role: 'total',
    names: [
      '年度金额',
      '资金合计',
      '资金总额',
      '年度资金总额',
      '项目资金总额',
      '预算总额',
      '资金总计',
      '合计',
      '总计',
      '项目总额',
      '年度预算总额',
    ],
  },
  { role: 'total', names: [], pattern: '(?:资金|预算|项目)?(?:总额|总计)$' },
  { role: 'money', names: [], pattern: '(?:资金|金额|拨款|收入|预算|支出|小计|拨款数|基金)(?:数|小计)?$' },
  {
    role: 'other',
    names: [
      '部门编码',
      '单位编码',
      '项目编码',
      '项目代码',
      '项目类别',
      '归口科室',
      '部门预算编码',
      '项目类型',
      '项目属性',
      '填报单位',
      '项目负责人',
      '联系电话',
      '填表人',
      '填报日期',
    ],
  },
];

/** Words of a direction column: higher is better, lower is better. */
export const DIRECTION_WORDS: Readonly<Record<'up' | 'down', readonly string[]>> = {
  up: ['正向', '正向指标', '越大越好', '越高越好'],
  down: ['反向', '反向指标', '越小越好', '越低越好'],
};

/** Words of a nature column: measured or described. */
export const NATURE_WORDS: Readonly<Record<'quantitative' | 'qualitative', readonly string[]>> = {
  quantitative: ['定量', '定量指标'],
  qualitative: ['定性', '定性指标'],
};

/** The baseline a target is set from (`绩效标准`), as forms write them; `(计划标准)` may also follow a value. */
export const STANDARD_WORDS: readonly string[] = ['历史标准', '计划标准', '行业标准', '其他标准', '经验标准'];

/**
 * What the budget systems' import checks refuse as a qualitative value: a placeholder typed to
 * fill a required cell.
 */
export const PLACEHOLDER_VALUES: readonly string[] = ['*', '_', '-', '—', '/', '无', 'null', 'NULL', 'none', '——'];

/** Words naming something that should fall (逾期、投诉…): an indicator named so is a ceiling (≤), never a floor. */
export const FALLING_WORDS: readonly string[] = [
  '逾期',
  '投诉',
  '事故',
  '差错',
  '超支',
  '失误',
  '违规',
  '违纪',
  '返工',
  '损失',
  '故障',
  '空置',
  '流失',
  '误差',
  '发生率',
  '不合格',
  '延误',
  '滞留',
  '积压',
  '闲置',
];

/** The verbs a goal sentence starts with (`促进…`, `确保…`): a name so written states a goal, not a measure. */
export const GOAL_VERBS: readonly string[] = [
  '促进',
  '确保',
  '实现',
  '保障',
  '推动',
  '加强',
  '提高',
  '提升',
  '改善',
  '增强',
  '维护',
  '保证',
  '推进',
  '加快',
  '进一步',
];

/** Words that make a name a measure (`覆盖率`, `人次`, `满意度`): a name holding one is an indicator. */
export const MEASURE_WORDS: readonly string[] = [
  '率',
  '度',
  '数',
  '量',
  '次',
  '时间',
  '时限',
  '成本',
  '费用',
  '金额',
  '比例',
  '指数',
  '周期',
  '天数',
  '面积',
  '人数',
  '个数',
  '户数',
  '件数',
];

/** A form's title (`项目支出绩效目标申报表`, `部门整体支出绩效目标表`, `项目绩效目标表`): every title the seven-column `isTitle` knows, and 申报表. */
export const FORM_TITLE_SOURCE = '绩效目标(?:申报)?表';

// ---- forms: brackets and duties (rules `unbalanced-brackets`, `staff-pay-in-project`)

/** Bracket families: an opening mark of a family is closed by either width's closing mark. */
export const BRACKET_FAMILIES: ReadonlyArray<{ readonly open: string; readonly close: string }> = [
  { open: '（(', close: '）)' },
  { open: '【[', close: '】]' },
  { open: '《', close: '》' },
  { open: '“', close: '”' },
];

/**
 * Pay of a unit's own staff (a regular-expression source): 人员工资, 职工福利, 工资福利, 绩效奖 — basic
 * expenditure (基本支出), which a project item must not pay. Contract staff (编外, 聘用, 劳务, 临时) are
 * paid from projects and are not meant (`STAFF_PAY_EXCEPT`).
 */
export const STAFF_PAY_SOURCE =
  '(?:人员|职工|干部|在职|员工|在编)(?:的)?(?:工资|福利|津贴|津补贴|奖金|待遇|薪酬)|工资福利|绩效奖|文明奖|年终奖|五险一金';
export const STAFF_PAY_EXCEPT_SOURCE = '编外|聘用|劳务|临时|外聘|退休|离休';
// ---- forms: what forms add

/**
 * Latin units written in the wrong case (`80M` for 80 metres: `M` is the prefix mega): what was
 * written, the right symbol and the Chinese unit. Only units no other reading makes sense of.
 */
export const LATIN_UNIT_CASES: ReadonlyArray<{
  readonly written: readonly string[];
  readonly right: string;
  readonly zh: string;
}> = [
  { written: ['M'], right: 'm', zh: '米' },
  { written: ['KM', 'Km'], right: 'km', zh: '公里' },
  { written: ['CM', 'Cm'], right: 'cm', zh: '厘米' },
  { written: ['MM'], right: 'mm', zh: '毫米' },
  { written: ['KG', 'Kg'], right: 'kg', zh: '千克' },
  { written: ['M2', 'M²'], right: 'm²', zh: '平方米' },
  { written: ['M3', 'M³'], right: 'm³', zh: '立方米' },
  { written: ['KW', 'Kw'], right: 'kW', zh: '千瓦' },
  { written: ['KWH', 'Kwh', 'KWh', 'kwh'], right: 'kW·h', zh: '千瓦时' },
];

/** Count units made of two words (`人次`): written as a per-unit (`人/次`) they read as a rate. */
export const COMPOUND_COUNT_UNITS: readonly string[] = [
  '人次',
  '户次',
  '车次',
  '台次',
  '架次',
  '班次',
  '场次',
  '批次',
  '件次',
  '人天',
  '人日',
];

/** Words naming a point in time (`到位时间`, `完成日期`): such an indicator's value is a date. */
export const DATE_NAME_WORDS: readonly string[] = ['时间', '日期', '时限', '期限', '截止', '时点'];

/** The level-2 class whose values are dates or durations (时效指标). */
export const TIMELINESS_WORDS: readonly string[] = ['时效'];

/**
 * Words that turn a falling thing into something that should rise (`投诉办结率`, `事故隐患整改率`,
 * `无事故`): a name holding one is no ceiling.
 */
export const FALLING_HANDLED_WORDS: readonly string[] = [
  '处理',
  '办结',
  '解决',
  '回复',
  '答复',
  '响应',
  '受理',
  '整改',
  '查处',
  '处置',
  '化解',
  '调处',
  '回收',
  '清理',
  '清收',
  '消除',
  '排查',
  '排除',
  '修复',
  '挽回',
  '盘活',
  '利用',
  '防范',
  '预防',
  '减少',
  '降低',
  '下降',
  '压减',
  '控制',
  '无',
  '零',
  '未发生',
  '不发生',
  '杜绝',
];

/** A comparator and its mirror (a floor written for a ceiling and back): `≥` ↔ `≤`, `不低于` ↔ `不高于`. */
export const COMPARATOR_MIRRORS: Readonly<Record<string, string>> = {
  '≥': '≤',
  '≧': '≦',
  '>=': '<=',
  '>': '<',
  '＞': '＜',
  大于等于: '小于等于',
  不少于: '不超过',
  不低于: '不高于',
  高于: '低于',
  大于: '小于',
  超过: '低于',
  以上: '以下',
};

/** The baseline tag that sets a target from past results: a date in the project's own period is none. */
export const HISTORY_STANDARD = '历史标准';
// ---- forms: classes and names

/**
 * Words a form's 三级 name states its class with (`…资金的供应时效` is timeliness, `…的满意程度`
 * satisfaction), by level-2 code: `code-parent-mismatch` reports a name filed under another class.
 * `among` says where a word decides: `any` everywhere, `output` only among the output classes (11–14:
 * a cost saving or a prompt service may well be a benefit). A name holding words of two classes
 * (`按时完成率`) decides nothing. The class names themselves are in the catalogue.
 */
export const CLASS_WORDS: ReadonlyArray<{
  readonly code: string;
  readonly among: 'any' | 'output';
  readonly words: readonly string[];
}> = [
  { code: '31', among: 'any', words: ['满意度', '满意率', '满意程度', '满意情况'] },
  {
    code: '13',
    among: 'output',
    words: ['时效', '及时', '到位时间', '完成时间', '完成时限', '时限', '按时', '按期', '进度', '截止时间', '办结时间'],
  },
  { code: '14', among: 'output', words: ['成本', '单价'] },
  { code: '12', among: 'output', words: ['合格率', '达标率', '完成率', '优良率', '准确率', '验收合格'] },
];

/**
 * How a department-whole form names its two kinds of spending (`基本支出`, `项目支出`), in its
 * funding block and as the spending item of its duties (年度履职目标); compared as labels.
 */
export const SPENDING_KINDS: Readonly<Record<'basic' | 'project', readonly string[]>> = {
  basic: ['基本支出', '基本支出经费'],
  project: ['项目支出', '项目支出经费'],
};
// ---- forms: meaning of a project

/** What makes an indicator a satisfaction measure (`受益群众满意度`, `服务对象满意率`). */
export const SATISFACTION_WORDS: readonly string[] = ['满意'];

/** What reviewers accept as a satisfaction target: a survey never reaches 100%. */
export const SATISFACTION_REALISTIC: Bilingual = { zh: '≥90%～95%', en: '≥90–95%' };

/** Words a table calls the year's money with (`年度资金总额`, `本年度预算`, `当年预算`). */
export const ANNUAL_WORDS: readonly string[] = ['年度', '本年', '当年'];

/** Marks between the two ends of a date range (`2023.07-2024.01`, `2021年1月至12月`). */
export const DATE_RANGE_MARKS: readonly string[] = ['-', '－', '—', '–', '―', '~', '～', '至', '到'];

/**
 * Words after a date that make it a deadline or say when it is met (`12月底前完成`, `6月30日以前`):
 * with them, a date value is a measure, not prose.
 */
export const DEADLINE_WORDS: readonly string[] = [
  '底前',
  '之前',
  '以前',
  '前',
  '底',
  '以内',
  '内',
  '完成',
  '截止',
  '截至',
  '止',
];

/**
 * Words that frame a value's measure without being prose (`每年1次`, `累计500人`, `共10项`), and
 * the tags forms add after a value (`(计划标准)`: see STANDARD_WORDS).
 */
export const VALUE_FRAME_WORDS: readonly string[] = [
  '每半年',
  '每学期',
  '每季度',
  '每年',
  '每季',
  '每月',
  '每周',
  '每天',
  '每日',
  '每人',
  '全年',
  '年均',
  '累计',
  '共计',
  '合计',
  '总计',
  '共',
  '约',
];

/**
 * Particles and conjunctions (`的`, `和`, `、`…): a phrase does not start on one, and a character
 * dropped next to one (`节日慰问金(的)发放`, `博士后(站)和博士工作站`) is a shortening, not a typo.
 */
export const PHRASE_PARTICLES: readonly string[] = [
  '的',
  '之',
  '和',
  '与',
  '及',
  '或',
  '并',
  '等',
  '对',
  '在',
  '为',
  '了',
  '地',
  '得',
];

/** Words naming a measure that has no unit by nature: a coefficient, an index, a ratio, a score or grade. */
export const UNITLESS_NAME_WORDS: readonly string[] = [
  '系数',
  '指数',
  '倍数',
  '比值',
  '评分',
  '得分',
  '等级',
  '星级',
  'PH值',
  'pH值',
];
