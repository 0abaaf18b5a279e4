/**
 * `perf-target convert`: an application form as seven-column text, and seven-column text as
 * application forms, read through the model (`model/types.ts`), never the layout: forms from
 * `Table.model`, seven-column project rows through `sevenColumnProject`.
 *
 * Form → seven-column: one table (the seven-column title, department and unit lines and the
 * header of `COLUMNS`) with one project row per form project: its name, 总计 and the sources in
 * 财政拨款 / 财政专户拨款 / 其他资金 where the labels say so (any other source is added into 其他资金,
 * and said), a goal and the indicator cell in the indicator language, the level codes looked up by
 * the level names (`lookupName`), comparator and unit joined into the value.
 *
 * Seven-column → form: one generic application form per project row: a header block (项目名称,
 * 预算单位, the four amounts, 绩效目标) and a grid 一级指标 ⇥ 二级指标 ⇥ 三级指标 ⇥ [实施期指标值 ⇥]
 * 年度指标值, 一级/二级 left empty below their first row as Excel copies merged cells.
 *
 * Whatever the target has no place for (weights, directions, standards, explanations, notes,
 * spending lines, fields) is a `ConvertNote`. Seven-column → form → seven-column gives back the
 * projects' names, amounts and indicators. Never throws.
 */
import { readOrSay, type CommandIo } from './command-io';
import { writeFileSync } from 'node:fs';
import { lookupCode, lookupName, MONEY_UNITS, type CodeEntry, type MoneyUnit } from './catalogue';
import { formatWan, type Bilingual } from './i18n';
import { sevenColumnProject } from './model/seven-column';
import type { IndicatorPart, Located, ModelAmount, ModelIndicator, ModelProject, ModelTable } from './model/types';
import { parseDocument, type TargetDocument } from './syntax/document';
import { labelKey } from './syntax/form';
import { parseValue } from './syntax/value';
import { AMOUNT_COLUMNS, COLUMNS, LABELS, OFFICIAL_MARKS, TABLE_TITLE, TERMINATOR } from './vocabulary';

export type ConvertTarget = 'seven-column' | 'form';

export interface ConvertNote {
  /** The source line (0-based) the note is about, when it is about one. */
  readonly line?: number;
  readonly message: Bilingual;
}

export interface Conversion {
  readonly to: ConvertTarget;
  /** The converted text (lines joined by `\n`, no final line break); '' when nothing was converted. */
  readonly text: string;
  /** Projects written. */
  readonly projects: number;
  readonly notes: readonly ConvertNote[];
}

/**
 * Converts `text` to `to`; without `to`, a text holding an application form becomes seven-column
 * text and any other text becomes forms.
 */
export function convertText(text: string, to?: ConvertTarget): Conversion {
  const doc = parseDocument(text);
  const target = to ?? (doc.tables.some((t) => t.layout === 'form') ? 'seven-column' : 'form');
  return target === 'seven-column' ? formsToSevenColumn(doc) : sevenColumnToForms(doc);
}

// ---- words of the conversion

/** The header-block label of the generic form's department field. */
const FORM_DEPARTMENT = '预算单位';
/** The generic form's title. */
const FORM_TITLE = '项目支出绩效目标申报表';
/** The generic form's goal field (the seven-column 绩效目标). */
const FORM_GOAL = COLUMNS[5]?.zh ?? '绩效目标';
/** The grid's column names: 一级, 二级, 三级, 实施期 value, annual value. */
const GRID = { level1: '一级指标', level2: '二级指标', name: '三级指标', period: '实施期指标值', annual: '年度指标值' };

/**
 * Source labels and the seven-column amount column each says (by index into `AMOUNT_COLUMNS`):
 * the column's own name first, then the words forms write for it. A source whose label says none
 * of these is added into 其他资金.
 */
const SOURCE_WORDS: ReadonlyArray<{ readonly column: 1 | 2 | 3; readonly words: readonly string[] }> = [
  { column: 2, words: [AMOUNT_COLUMNS[2] ?? '财政专户拨款', '财政专户', '专户'] },
  { column: 1, words: [AMOUNT_COLUMNS[1] ?? '财政拨款', '一般公共预算', '公共财政'] },
  { column: 3, words: [AMOUNT_COLUMNS[3] ?? '其他资金', '其他', '自有资金', '自筹'] },
];

const MARKS = OFFICIAL_MARKS.fullwidth;

function one(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}

/** A cell as Excel copies it: quoted when it holds a line break or a quote, a tab a space. */
function cellOf(text: string): string {
  const t = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  return t.includes('\n') || t.includes('"') ? `"${t.replace(/"/g, '""')}"` : t;
}

function lineRange(lines: readonly number[]): { zh: string; en: string } {
  const sorted = [...new Set(lines)].sort((a, b) => a - b).map((l) => l + 1);
  const shown = sorted.slice(0, 8).join(', ') + (sorted.length > 8 ? ', …' : '');
  return { zh: `第 ${shown} 行`, en: `line${sorted.length > 1 ? 's' : ''} ${shown}` };
}

function projectName(p: ModelProject): string {
  return p.name ? one(p.name.text) : '';
}

// ---- form → seven-column

const PART_NAMES: Partial<Record<IndicatorPart, Bilingual>> = {
  weight: { zh: '分值（权重）', en: 'weights' },
  direction: { zh: '指标方向', en: 'directions' },
  nature: { zh: '指标性质', en: 'natures (定量/定性)' },
  standard: { zh: '绩效标准', en: 'standards' },
  explanation: { zh: '指标解释', en: 'explanations' },
  note: { zh: '备注', en: 'notes' },
};

/** The application forms of `doc` as one seven-column table. */
export function formsToSevenColumn(doc: TargetDocument): Conversion {
  const forms = doc.tables.flatMap((t) => (t.layout === 'form' && t.model ? [t.model] : []));
  const notes: ConvertNote[] = [];
  if (forms.length === 0) {
    return {
      to: 'seven-column',
      text: '',
      projects: 0,
      notes: [
        {
          message: {
            zh: '没有找到申报表（表格行需有“一级指标、二级指标或三级指标、指标值”等列名），未转换',
            en: 'no application form found (a grid header naming 一级指标, 二级指标 or 三级指标 and a value column); nothing converted',
          },
        },
      ],
    };
  }
  for (const t of doc.tables)
    if (t.layout !== 'form')
      notes.push({
        line: t.startLine,
        message: {
          zh: `第 ${t.startLine + 1}–${t.endLine + 1} 行不是申报表，未转换`,
          en: `lines ${t.startLine + 1}–${t.endLine + 1} are no application form; not converted`,
        },
      });
  const unit = forms[0]?.unit ?? '万元';
  const written = forms.flatMap((form) => form.projects.map((p) => projectRow(p, form, unit, notes)));
  const departments = [...new Set(written.map((w) => w.department ?? ''))];
  const rows: string[] = [];
  // One department: the preface names it. Several: a unit row (its name and its projects' sums) heads each run.
  const oneDepartment = departments.length === 1 ? departments[0] : undefined;
  for (let i = 0; i < written.length; i++) {
    const w = written[i];
    if (!w) continue;
    if (oneDepartment === undefined && (i === 0 || written[i - 1]?.department !== w.department)) {
      let end = i;
      while (end < written.length && written[end]?.department === w.department) end++;
      const sums = [0, 1, 2, 3].map((k) => {
        const vs = written.slice(i, end).flatMap((x) => (x.amounts[k] === undefined ? [] : [x.amounts[k]]));
        return vs.length === 0 ? '' : formatWan(vs.reduce((a, b) => a + b, 0));
      });
      rows.push([w.department ?? '', ...sums, '', ''].join('\t'));
    }
    rows.push(w.row);
  }
  const preface = [TABLE_TITLE, ''];
  if (oneDepartment) preface.push(`部门名称：${oneDepartment}`, '');
  preface.push(`单位：${unit}`, '', COLUMNS.map((c) => c.zh).join('\t'));
  return { to: 'seven-column', text: [...preface, ...rows].join('\n'), projects: written.length, notes };
}

/** A form project as a seven-column project row, with its amounts and its department. */
function projectRow(
  p: ModelProject,
  form: ModelTable,
  unit: MoneyUnit,
  notes: ConvertNote[],
): { row: string; amounts: ReadonlyArray<number | undefined>; department?: string } {
  const department = p.department ? one(p.department.text) : undefined;
  const name = projectName(p) || department || '';
  const who = name || `${p.place.line + 1}`;
  const say = (line: number | undefined, zh: string, en: string) =>
    notes.push({
      ...(line !== undefined ? { line } : {}),
      message: { zh: `项目“${who}”：${zh}`, en: `project "${who}": ${en}` },
    });
  if (!p.name)
    say(
      p.place.line,
      department ? '没有项目名称，写入预算单位名称' : '没有项目名称',
      department ? 'no project name: its unit is written as the name' : 'no project name',
    );

  const scale = MONEY_UNITS[form.unit].wan / MONEY_UNITS[unit].wan;
  if (scale !== 1)
    say(
      p.place.line,
      `金额由${form.unit}换算为${unit}`,
      `amounts converted from ${MONEY_UNITS[form.unit].en} to ${MONEY_UNITS[unit].en}`,
    );
  const amounts = amountsOf(p, scale, say);

  // The goal: the seven-column layout holds one.
  const goals = [p.goals.goal, p.goals.annual, p.goals.period].filter((g): g is Located => g !== undefined);
  const goal = goals[0];
  for (const g of goals.slice(1))
    if (goal && g.text.trim() !== goal.text.trim())
      say(
        g.place.line,
        `另一条绩效目标无处可放（已写入“${short(goal.text)}”）`,
        `a second goal has no place (the goal written is "${short(goal.text)}")`,
      );

  const indicators = indicatorCell(p, say);
  carriedFields(p, goal, say);
  const cells = [
    name,
    ...amounts.map((v) => (v === undefined ? '' : formatWan(v))),
    goal ? cellOf(goal.text.trim()) : '',
  ];
  return { row: [...cells, indicators].join('\t'), amounts, ...(department ? { department } : {}) };
}

function short(text: string): string {
  const t = one(text);
  return t.length > 12 ? `${t.slice(0, 12)}…` : t;
}

type Say = (line: number | undefined, zh: string, en: string) => void;

/** Which seven-column amount column a source label says, if any. */
function sourceColumn(label: string): 1 | 2 | 3 | undefined {
  const key = labelKey(label);
  return SOURCE_WORDS.find((s) => s.words.some((w) => key.includes(w)))?.column;
}

/** 总计 and the three sources in the seven-column table's unit. */
function amountsOf(p: ModelProject, scale: number, say: Say): Array<number | undefined> {
  const sums: Array<number | undefined> = [undefined, undefined, undefined, undefined];
  const add = (i: number, v: number) => (sums[i] = (sums[i] ?? 0) + v);
  const total = p.amounts.find((a) => a.role === 'total' && a.value !== undefined);
  // The top-level parts: a subtotal stands for its parts unless it holds no number.
  const parts: ModelAmount[] = [];
  p.amounts.forEach((a, i) => {
    if (a.role === 'total') return;
    if (a.depth === 1 && (a.role !== 'subtotal' || a.value !== undefined)) parts.push(a);
    else if (a.depth === 2) {
      const parent = [...p.amounts.slice(0, i)].reverse().find((b) => b.depth === 1);
      if (parent?.role === 'subtotal' && parent.value === undefined) parts.push(a);
    }
  });
  const converted = parts.filter((a) => a.writtenUnit !== undefined).concat(total?.writtenUnit ? [total] : []);
  if (converted.length > 0)
    say(
      converted[0]?.label.place.line,
      `金额“${converted.map((a) => one(a.cell?.text ?? '')).join('、')}”写有单位，已换算为数字`,
      `the amount(s) "${converted.map((a) => one(a.cell?.text ?? '')).join(', ')}" write a unit: written as numbers`,
    );
  const unmapped: ModelAmount[] = [];
  for (const a of parts) {
    if (a.value === undefined) continue;
    const column = sourceColumn(a.label.text);
    if (column === undefined) unmapped.push(a);
    add(column ?? 3, a.value * scale);
  }
  if (total?.value !== undefined) sums[0] = total.value * scale;
  else if (parts.some((a) => a.value !== undefined)) {
    sums[0] = sums.slice(1).reduce<number>((s, v) => s + (v ?? 0), 0);
    say(p.place.line, '没有资金总额，总计取各来源之和', 'no total amount: 总计 is the sum of the sources');
  }
  if (unmapped.length > 0) {
    const labels = unmapped.map((a) => one(a.label.text)).join('、');
    say(
      unmapped[0]?.label.place.line,
      `资金来源“${labels}”不是财政拨款或财政专户拨款，计入其他资金`,
      `the source(s) "${labels}" say neither 财政拨款 nor 财政专户拨款: added into 其他资金`,
    );
  }
  return sums;
}

/** The catalogue entries of an indicator's level names: the level-1 and level-2 classes. */
function levelsOf(ind: ModelIndicator): { level1?: CodeEntry; level2?: CodeEntry } {
  const byName = (l: Located | undefined): CodeEntry | undefined =>
    l ? (lookupName(one(l.text)) ?? (/^[0-9]+$/.test(one(l.text)) ? lookupCode(one(l.text)) : undefined)) : undefined;
  const l1 = byName(ind.level1);
  let l2 = byName(ind.level2);
  // A level-1 name written as a level 2 (`满意度指标` under 满意度指标): its only class.
  if (l2?.level === 1) {
    const only = l2.code;
    const children = childrenOfCode(only);
    l2 = children.length === 1 ? children[0] : undefined;
  }
  const parent = l2?.parent ? lookupCode(l2.parent) : undefined;
  const level1 = l1?.level === 1 ? l1 : l1?.parent ? lookupCode(l1.parent) : parent;
  return { ...(level1 ? { level1 } : {}), ...(l2 ? { level2: l2 } : {}) };
}

function childrenOfCode(code: string): CodeEntry[] {
  const out: CodeEntry[] = [];
  for (let i = 1; i <= 9; i++) {
    const e = lookupCode(`${code}${i}`);
    if (e) out.push(e);
  }
  return out;
}

/** A form's value with its comparator and unit, as the indicator language writes it. */
function joinedValue(ind: ModelIndicator, value: Located | undefined): string {
  let text = value ? one(value.text) : '';
  const comparator = ind.comparator ? one(ind.comparator.text) : '';
  const unit = ind.unit ? one(ind.unit.text) : '';
  if (text === '') return text;
  if (unit !== '' && !text.endsWith(unit)) text = `${text}${unit}`;
  // `=` is what a bare number means; a comparator the value already writes is not doubled; 定性 is no comparator.
  if (comparator !== '' && comparator !== '=' && parseValue(`${comparator}1`).measures[0]?.comparator !== undefined) {
    if (!parseValue(text).measures.some((m) => m.comparator !== undefined)) text = `${comparator}${text}`;
  }
  return text;
}

/** The indicator cell: `1、1-产出指标；11-数量指标；NAME；实施周期指标值：V；年度指标值：V。` for each indicator. */
function indicatorCell(p: ModelProject, say: Say): string {
  const out: string[] = [];
  const left: Partial<Record<IndicatorPart, number[]>> = {};
  const renamed = new Map<string, { canonical: string; line: number }>();
  // A form whose only value column is the generic 指标值 (no 实施期 or 年度 column) states the target
  // of a one-year project: it is both the whole-period and the annual value.
  const single = !p.indicators.some((i) => i.period || i.annual) && p.indicators.some((i) => i.value);
  const empty: number[] = [];
  const unknown: number[] = [];
  for (const ind of p.indicators) {
    const line = ind.place.line;
    const value = ind.annual ?? ind.value;
    if (!ind.name && !value && !ind.period) {
      empty.push(line);
      continue;
    }
    for (const part of Object.keys(PART_NAMES) as IndicatorPart[]) if (ind[part]) (left[part] ??= []).push(line);
    const { level1, level2 } = levelsOf(ind);
    for (const [written, entry] of [
      [ind.level1, level1],
      [ind.level2, level2],
    ] as const)
      if (written && entry && lookupName(one(written.text)) !== entry)
        if (!renamed.has(one(written.text)))
          renamed.set(one(written.text), { canonical: `${entry.code}-${entry.name}`, line: written.place.line });
    if (!level1 || !level2) unknown.push(line);
    const parts: string[] = [];
    if (level1) parts.push(`${level1.code}-${level1.name}`);
    else if (ind.level1) parts.push(one(ind.level1.text));
    if (level2) parts.push(`${level2.code}-${level2.name}`);
    else if (ind.level2) parts.push(one(ind.level2.text));
    parts.push(ind.name ? one(ind.name.text) : '');
    const values: string[] = [];
    const period = ind.period ?? (single ? value : undefined);
    if (period) values.push(`${LABELS.period}${MARKS.label}${joinedValue(ind, period)}`);
    values.push(`${LABELS.annual}${MARKS.label}${joinedValue(ind, value)}`);
    out.push(`${out.length + 1}、${[...parts, ...values].join(MARKS.name)}${TERMINATOR}`);
  }
  const where = (lines: readonly number[]) => lineRange(lines);
  if (empty.length > 0) {
    const w = where(empty);
    say(
      empty[0],
      `${empty.length} 行指标没有名称和指标值，未转换（${w.zh}）`,
      `${empty.length} indicator row(s) with neither name nor value left out (${w.en})`,
    );
  }
  for (const [part, lines] of Object.entries(left) as Array<[IndicatorPart, number[]]>) {
    const n = PART_NAMES[part];
    if (!n) continue;
    const w = where(lines);
    say(
      lines[0],
      `${lines.length} 个指标的${n.zh}在绩效目标表中无处可放，未转换（${w.zh}）`,
      `the ${n.en} of ${lines.length} indicator(s) have no place in the seven-column layout; not carried (${w.en})`,
    );
  }
  if (single)
    say(
      p.indicators[0]?.place.line,
      '申报表只有一列指标值，写作实施周期指标值和年度指标值',
      'the form has one value column: written as both the whole-period and the annual value',
    );
  for (const [written, { canonical, line }] of renamed)
    say(line, `指标级别“${written}”写作“${canonical}”`, `the level name "${written}" is written as "${canonical}"`);
  if (unknown.length > 0) {
    const w = where(unknown);
    say(
      unknown[0],
      `${unknown.length} 个指标的一级或二级指标名称不在指标体系中，未能写出编码（${w.zh}）`,
      `${unknown.length} indicator(s) name a level-1 or level-2 class the catalogue does not know: no code written (${w.en})`,
    );
  }
  return out.join('');
}

/** The header block's fields the seven-column layout has no place for. */
function carriedFields(p: ModelProject, goal: Located | undefined, say: Say): void {
  const placed = new Set<Located | undefined>([p.name, goal, p.goals.annual, p.goals.period, p.goals.goal]);
  const departments = p.fields.filter((f) => f.role === 'department' && f.value);
  const dropped: Array<{ label: string; line: number }> = [];
  for (const f of p.fields) {
    if (!f.value || placed.has(f.value)) continue;
    if (f.role === 'total' || f.role === 'money' || f.role === 'name' || f.role === 'column') continue;
    if (f.role === 'department' && f === departments[0]) continue;
    if (f.role === 'annualGoal' || f.role === 'periodGoal' || f.role === 'goal') continue;
    dropped.push({ label: one(f.label.text), line: f.label.place.line });
  }
  if (dropped.length > 0) {
    const w = lineRange(dropped.map((d) => d.line));
    const labels = dropped.map((d) => d.label).join('、');
    say(
      dropped[0]?.line,
      `栏目“${labels}”在绩效目标表中无处可放，未转换（${w.zh}）`,
      `the field(s) "${labels}" have no place in the seven-column layout; not carried (${w.en})`,
    );
  }
  if (p.spending.length > 0) {
    const w = lineRange(
      p.spending.flatMap((s) => [s.task, s.item, s.amount?.label].flatMap((l) => (l ? [l.place.line] : []))),
    );
    say(
      undefined,
      `${p.spending.length} 行年度履职目标（任务、支出项目、金额）无处可放，未转换（${w.zh}）`,
      `${p.spending.length} line(s) of duties (task, spending item, amount) have no place; not carried (${w.en})`,
    );
  }
  if (p.weights) {
    say(p.weights.place.line, '权重分值的说明无处可放，未转换', 'the stated weight totals have no place; not carried');
  }
}

// ---- seven-column → form

/** Each seven-column project row of `doc` as a generic application form. */
export function sevenColumnToForms(doc: TargetDocument): Conversion {
  const notes: ConvertNote[] = [];
  const forms: string[] = [];
  for (const t of doc.tables) {
    if (t.layout !== 'seven-column') {
      notes.push({
        line: t.startLine,
        message: {
          zh: `第 ${t.startLine + 1}–${t.endLine + 1} 行不是七列的绩效目标表，未转换`,
          en: `lines ${t.startLine + 1}–${t.endLine + 1} are no seven-column table; not converted`,
        },
      });
      continue;
    }
    const summaries = [t.total, ...t.units.map((u) => u.ref)].filter((r) => r !== undefined);
    if (summaries.length > 0) {
      const w = lineRange(summaries.map((r) => r.line));
      notes.push({
        line: summaries[0]?.line,
        message: {
          zh: `合计行和单位行的金额在申报表中无处可放，未转换（${w.zh}）`,
          en: `the amounts of the total and unit rows have no place in an application form; not carried (${w.en})`,
        },
      });
    }
    const unitOf = new Map(t.units.flatMap((u) => u.projects.map((ref) => [ref.line, u.ref.row.cells[0]?.text])));
    const rows = t.projects.map((ref) => ({ ref, unit: unitOf.get(ref.line) }));
    for (const { ref, unit } of rows) {
      const p = sevenColumnProject(ref.row, ref.line);
      const department = unit?.trim() || t.department?.trim();
      forms.push(formText(p, t.unit, department));
    }
  }
  if (forms.length === 0 && notes.length === 0)
    notes.push({ message: { zh: '没有找到项目行，未转换', en: 'no project rows found; nothing converted' } });
  return { to: 'form', text: forms.join('\n\n'), projects: forms.length, notes };
}

/** The code-name a level holds: its name, or the catalogue's name of a code written alone. */
function levelName(l: Located | undefined): string {
  if (!l) return '';
  const t = one(l.text);
  return /^[0-9]+$/.test(t) ? (lookupCode(t)?.name ?? t) : t;
}

function formText(p: ModelProject, unit: MoneyUnit, department: string | undefined): string {
  const lines = [FORM_TITLE, `单位：${unit}`, `项目名称\t${cellOf(p.name?.text ?? '')}`];
  if (department) lines.push(`${FORM_DEPARTMENT}\t${cellOf(department)}`);
  p.amounts.forEach((a, i) => {
    const label = AMOUNT_COLUMNS[i];
    if (label && a.cell && a.cell.text.trim() !== '') lines.push(`${label}\t${one(a.cell.text)}`);
  });
  const goal = p.goals.goal ?? p.goals.annual ?? p.goals.period;
  if (goal) lines.push(`${FORM_GOAL}\t${cellOf(goal.text)}`);
  const withPeriod = p.indicators.some((i) => i.period);
  lines.push([GRID.level1, GRID.level2, GRID.name, ...(withPeriod ? [GRID.period] : []), GRID.annual].join('\t'));
  let last1: string | undefined;
  let last2: string | undefined;
  for (const ind of p.indicators) {
    const l1 = levelName(ind.level1);
    const l2 = levelName(ind.level2);
    const same1 = l1 !== '' && l1 === last1;
    const same2 = same1 && l2 !== '' && l2 === last2;
    last1 = l1;
    last2 = l2;
    lines.push(
      [
        same1 ? '' : l1,
        same2 ? '' : l2,
        ind.name ? one(ind.name.text) : '',
        ...(withPeriod ? [ind.period ? one(ind.period.text) : ''] : []),
        ind.annual ? one(ind.annual.text) : '',
      ].join('\t'),
    );
  }
  return lines.join('\n');
}

// ---- the command line's side

export type ConvertIo = CommandIo;

/**
 * `perf-target convert [--to seven-column|form] [--format text|json] [-o OUT] FILE`: the converted
 * text to standard output (or OUT), each note one line on standard error (`perf-target: FILE:LINE:
 * …`); with `--format json`, `{ file, to, projects, notes, text }` on standard output (the text also
 * written to OUT when given). 0, or 2 when FILE cannot be read, OUT written or nothing converted.
 */
export function runConvert(
  path: string,
  shown: string,
  options: { readonly to?: ConvertTarget; readonly format: string; readonly output?: string },
  readText: (path: string) => string,
  io: ConvertIo,
  say: (t: Bilingual) => string,
  describe: (e: unknown) => Bilingual,
): number {
  const text = readOrSay(path, shown, readText, io, say, describe);
  if (text === undefined) return 2;
  const result = convertText(text, options.to);
  const where = (n: ConvertNote) => (n.line !== undefined ? `${shown}:${n.line + 1}` : shown);
  if (options.format === 'json') {
    io.out(
      JSON.stringify(
        {
          file: shown,
          to: result.to,
          projects: result.projects,
          notes: result.notes.map((n) => ({
            ...(n.line !== undefined ? { line: n.line + 1 } : {}),
            message: say(n.message),
          })),
          text: result.text,
        },
        null,
        2,
      ),
    );
  } else for (const n of result.notes) io.err(`perf-target: ${where(n)}: ${say(n.message)}`);
  if (result.projects === 0) return 2;
  if (options.output !== undefined) {
    try {
      writeFileSync(options.output, `${result.text}\n`);
    } catch (e) {
      const detail = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
      io.err(`perf-target: ${options.output}: ${say({ zh: `无法写入（${detail}）`, en: `cannot write (${detail})` })}`);
      return 2;
    }
  } else if (options.format !== 'json') io.out(result.text);
  return 0;
}
