/**
 * Hovers on an application form's text, from the form's model: a 一级/二级 level name explained
 * from the catalogue (with its canonical name when a non-standard one is written, and the class it
 * belongs under), a grid header cell's meaning, a unit, the words of the direction, nature and
 * comparator columns, a value as the value reader reads it, and an indicator's summary.
 */
import type { Hover, Position } from 'vscode-languageserver';
import { childrenOf, level1Codes, lookupCode, lookupName, type CodeEntry } from '../catalogue';
import { formatNumber, localize, type Locale } from '../i18n';
import {
  INDICATOR_PARTS,
  type IndicatorPart,
  type Located,
  type ModelIndicator,
  type ModelProject,
} from '../model/types';
import { parseValue } from '../syntax/value';
import { labelText } from '../syntax/form';
import type { TargetDocument } from '../syntax/document';
import {
  COMPARATOR_FORMS,
  DIRECTION_WORDS,
  FORM_COLUMNS,
  NATURE_WORDS,
  OTHER_UNITS,
  STANDARD_WORDS,
  UNIT_VARIANTS,
  UNITS,
  type Bilingual,
  type MeasureKind,
} from '../vocabulary';
import { formPlaceAt, type FormPlace } from './form-place';
import { codeHover, comparatorText, valueText } from './hover-text';
import { rangeAt, rangeOf } from './positions';

/** What each column of a form's grid holds (its names come from `FORM_COLUMNS`). */
const COLUMN_MEANING: Readonly<Record<IndicatorPart, Bilingual>> = {
  level1: {
    zh: '指标的一级分类：产出指标、效益指标、满意度指标。合并单元格只在第一行填写，下面各行沿用。',
    en: 'The level-1 class: output, benefit, satisfaction. A merged cell is written on its first row only; the rows below carry it.',
  },
  level2: {
    zh: '一级指标下的二级分类（如数量指标、质量指标、时效指标、成本指标、社会效益……），须属于本行的一级指标。',
    en: 'The level-2 class under the level-1 class (quantity, quality, timeliness, cost, social benefit…); it must belong under the row’s level-1 class.',
  },
  name: {
    zh: '三级指标：具体衡量什么（如“培训人次”“验收合格率”）。',
    en: 'The indicator itself: what is measured (e.g. trainees, acceptance rate).',
  },
  nature: {
    zh: '指标性质：定量（有可核验的数值）或定性（文字描述）；有的表在此列写运算符号。',
    en: 'Nature: quantitative (a number to verify) or qualitative (described in words); some forms write the comparator here.',
  },
  direction: {
    zh: '指标方向：正向（越大越好，目标值是下限）或反向（越小越好，目标值是上限）。',
    en: 'Direction: rising (higher is better, the value is a floor) or falling (lower is better, the value is a ceiling).',
  },
  comparator: {
    zh: '运算符号：目标值与实际值如何比较（≥ 不低于、≤ 不高于、= 等于）。',
    en: 'Comparator: how the result is compared with the value (≥ at least, ≤ at most, = exactly).',
  },
  value: {
    zh: '指标值（目标值）：定量指标写数值，定性指标写可评判的描述。',
    en: 'The target value: a number for a quantitative indicator, a judgeable description for a qualitative one.',
  },
  period: { zh: '实施期（整个项目周期）的指标值。', en: 'The value for the whole implementation period.' },
  annual: { zh: '本年度的指标值。', en: 'The value for this budget year.' },
  unit: {
    zh: '计量单位：定量指标的数值以什么计（人次、%、天、万元……）；单位写在此列，不写进指标值。',
    en: 'Unit: what a quantitative value counts (persons, %, days, 万元…); written here, not in the value column.',
  },
  weight: {
    zh: '分值（权重）：评价时该指标所占的分数，全部指标合计应为 100 分（或表中写明的总分）。',
    en: 'Weight: the indicator’s points in the evaluation; all indicators add up to 100 (or the total the form states).',
  },
  standard: {
    zh: '绩效标准：设定指标值所依据的标准。',
    en: 'Standard: what the target value is based on.',
  },
  explanation: {
    zh: '指标解释：指标的含义和计算方法。',
    en: 'Explanation: what the indicator means and how it is computed.',
  },
  note: { zh: '备注。', en: 'Notes.' },
};

const KIND_NAMES: Readonly<Record<Exclude<MeasureKind, 'any'>, Bilingual>> = {
  count: { zh: '计数', en: 'a count' },
  rate: { zh: '比率', en: 'a rate' },
  time: { zh: '时间', en: 'a time' },
  money: { zh: '金额', en: 'money' },
};

function columnName(role: IndicatorPart, locale: Locale): string {
  const brief = FORM_COLUMNS.find((c) => c.role === role)?.brief ?? { zh: role, en: role };
  return locale === 'en' ? `${brief.en} (${brief.zh})` : brief.zh;
}

/** A level name (written, or carried) and the catalogue entry it names. */
function levelEntry(text: string | undefined): CodeEntry | undefined {
  return text ? lookupName(labelText(text)) : undefined;
}

function levelHover(
  level: 1 | 2,
  written: string,
  indicator: ModelIndicator | undefined,
  carried: boolean,
  locale: Locale,
): string {
  const zh = locale !== 'en';
  const entry = levelEntry(written);
  const column = level === 1 ? (zh ? '一级指标' : 'level-1 class') : zh ? '二级指标' : 'level-2 class';
  const lines: string[] = [];
  if (carried)
    lines.push(
      zh
        ? `${column}“${written}”沿用上方合并单元格。`
        : `The ${column} “${written}” is carried down from the merged cell above.`,
      '',
    );
  if (!entry) {
    const parent = level === 2 ? levelEntry(indicator?.level1?.text) : undefined;
    const known =
      level === 1
        ? level1Codes()
        : parent?.level === 1
          ? childrenOf(parent.code)
          : level1Codes().flatMap((e) => childrenOf(e.code));
    lines.push(
      zh ? `“${written}”不是指标目录中的${column}名称。` : `“${written}” is not a ${column} name of the catalogue.`,
      '',
      `${zh ? '规范名称' : 'Standard names'}：${known.map((e) => `${e.code} ${e.name}`).join(' · ')}`,
    );
    return lines.join('\n');
  }
  const canonical = written.replace(/\s+/g, '') !== entry.name;
  if (entry.level !== level) {
    if (entry.level === 1)
      lines.push(
        zh
          ? `⚠ “${written}”是一级指标名称，写在了二级指标列；其下的二级指标：${childrenOf(entry.code)
              .map((c) => c.name)
              .join('、')}`
          : `⚠ “${written}” names a level-1 class, written in the level-2 column; its level-2 classes: ${childrenOf(
              entry.code,
            )
              .map((c) => `${c.name} (${c.english})`)
              .join(', ')}`,
        '',
      );
    else
      lines.push(
        zh
          ? `⚠ “${written}”是二级指标名称，写在了一级指标列；其上级：${lookupCode(entry.parent ?? '')?.name ?? ''}`
          : `⚠ “${written}” names a level-2 class, written in the level-1 column; it belongs under ${lookupCode(entry.parent ?? '')?.name ?? ''}`,
        '',
      );
  } else if (canonical) {
    lines.push(
      zh
        ? `规范名称：**${entry.name}**（此处写作“${written}”）`
        : `Canonical name: **${entry.name}** (written here as “${written}”)`,
      '',
    );
  }
  if (level === 2 && entry.level === 2) {
    const parent = levelEntry(indicator?.level1?.text);
    if (parent?.level === 1 && entry.parent !== parent.code) {
      const should = lookupCode(entry.parent ?? '');
      lines.push(
        zh
          ? `⚠ “${entry.name}”属于${should?.name ?? ''}，本行的一级指标是“${indicator?.level1?.text ?? ''}”`
          : `⚠ “${entry.name}” belongs under ${should?.name ?? ''}; this row’s level-1 class is “${indicator?.level1?.text ?? ''}”`,
        '',
      );
    }
  }
  lines.push(codeHover(entry, labelText(written), locale));
  return lines.join('\n');
}

/** The kind of a unit (`人次` a count, `%` a rate), or of its parts (`万元/人`). */
function unitKinds(unit: string): Array<Exclude<MeasureKind, 'any'>> {
  const kinds: Array<Exclude<MeasureKind, 'any'>> = [];
  for (const k of Object.keys(UNITS) as Array<Exclude<MeasureKind, 'any'>>) if (UNITS[k].includes(unit)) kinds.push(k);
  return kinds;
}

function unitHover(text: string, indicator: ModelIndicator | undefined, locale: Locale): string {
  const zh = locale !== 'en';
  const unit = UNIT_VARIANTS[text] ?? text;
  const parts = unit.split(/[/／每]/).filter((p) => p !== '');
  const lines = [`**${columnName('unit', locale)}**：${text}`, ''];
  const known = parts.every((p) => unitKinds(p).length > 0 || OTHER_UNITS.includes(p));
  if (/^[0-9０-９,.]+$/.test(text)) lines.push(zh ? '⚠ 这是一个数，不是计量单位。' : '⚠ A number, not a unit.');
  else if (!known) lines.push(zh ? '不是常见的计量单位。' : 'Not a usual unit of measure.');
  else {
    const describe = (p: string): string => {
      const ks = unitKinds(p);
      return ks.length > 0
        ? ks.map((k) => localize(KIND_NAMES[k], locale)).join(zh ? '或' : ' or ')
        : zh
          ? '其他'
          : 'other';
    };
    lines.push(
      parts.length > 1
        ? zh
          ? `复合单位：${parts.map((p) => `${p}（${describe(p)}）`).join(' / ')}`
          : `Compound unit: ${parts.map((p) => `${p} (${describe(p)})`).join(' / ')}`
        : zh
          ? `${describe(unit)}单位`
          : `A unit of ${describe(unit)}`,
    );
  }
  const level2 = levelEntry(indicator?.level2?.text);
  const measure = level2?.measure;
  if (measure && measure !== 'any')
    lines.push(
      '',
      zh
        ? `${level2.name}常用单位：${UNITS[measure].join('、')}`
        : `Usual units of ${level2.english}: ${UNITS[measure].join(', ')}`,
    );
  return lines.join('\n');
}

function wordHover(part: IndicatorPart, text: string, locale: Locale): string | undefined {
  const zh = locale !== 'en';
  const t = labelText(text);
  if (part === 'direction') {
    if (DIRECTION_WORDS.up.includes(t))
      return zh
        ? `**正向指标**：数值越大越好，目标值是要达到的下限（宜写 ≥）。`
        : `**Rising indicator**: higher is better; the value is a floor to reach (≥).`;
    if (DIRECTION_WORDS.down.includes(t))
      return zh
        ? `**反向指标**：数值越小越好，目标值是不得超过的上限（宜写 ≤）。`
        : `**Falling indicator**: lower is better; the value is a ceiling not to exceed (≤).`;
  }
  if (part === 'nature') {
    if (NATURE_WORDS.quantitative.includes(t))
      return zh ? `**定量指标**：有可核验的数值和计量单位。` : `**Quantitative**: a number to verify, with its unit.`;
    if (NATURE_WORDS.qualitative.includes(t))
      return zh
        ? `**定性指标**：以文字描述，评价时按“达到 / 部分达到 / 未达到”判断。`
        : `**Qualitative**: described in words; evaluated as reached / partly reached / not reached.`;
  }
  if (part === 'comparator' || part === 'nature') {
    const form = COMPARATOR_FORMS.find((f) => f.text === t);
    if (form) {
      const meaning = comparatorText(form.means);
      return zh
        ? `**${columnName('comparator', locale)}** ${t}：${meaning.zh}`
        : `**${columnName('comparator', locale)}** ${t}: ${meaning.en}`;
    }
  }
  if (part === 'standard') {
    return zh
      ? `**${columnName('standard', locale)}**：${t}\n\n${COLUMN_MEANING.standard.zh}（${STANDARD_WORDS.join('、')}）`
      : `**${columnName('standard', locale)}**: ${t}\n\n${COLUMN_MEANING.standard.en} (${STANDARD_WORDS.join(', ')})`;
  }
  return undefined;
}

function weightTotal(project: ModelProject): number {
  let sum = 0;
  for (const i of project.indicators) {
    const n = Number((i.weight?.text ?? '').replace(/分$/, ''));
    if (Number.isFinite(n)) sum += n;
  }
  return sum;
}

function indicatorHover(indicator: ModelIndicator, project: ModelProject, locale: Locale): string {
  const zh = locale !== 'en';
  const path = [indicator.level1?.text, indicator.level2?.text].filter((t): t is string => !!t).join(' › ');
  const name = (indicator.name?.text ?? '').replace(/\s*\n\s*/g, ' ') || (zh ? '（无名称）' : '(no name)');
  const lines = [`**${name}**${path ? `（${path}）` : ''}`, ''];
  const show = (part: IndicatorPart, l: Located | undefined) => {
    if (l) lines.push(`- ${columnName(part, locale)}：${l.text}`);
  };
  // The value parts, in the vocabulary's order (the levels and the name are the heading).
  for (const p of INDICATOR_PARTS.slice(INDICATOR_PARTS.indexOf('nature'), INDICATOR_PARTS.indexOf('standard') + 1))
    show(p, indicator[p]);
  if (indicator.weight) {
    const declared = project.weights?.total;
    lines.push(
      '',
      zh
        ? `本表分值合计 ${formatNumber(weightTotal(project))}${declared !== undefined ? `（表中写明 ${formatNumber(declared)} 分）` : ''}`
        : `Weights of the form total ${formatNumber(weightTotal(project))}${declared !== undefined ? ` (the form states ${formatNumber(declared)})` : ''}`,
    );
  }
  return lines.join('\n');
}

function columnHover(role: IndicatorPart, place: FormPlace, locale: Locale): string {
  const zh = locale !== 'en';
  const entry = FORM_COLUMNS.find((c) => c.role === role);
  const lines = [`**${columnName(role, locale)}**`, '', localize(COLUMN_MEANING[role], locale)];
  if (entry && entry.names.length > 1) lines.push('', `${zh ? '也写作' : 'Also headed'}：${entry.names.join('、')}`);
  if (role === 'direction') lines.push('', [...DIRECTION_WORDS.up, ...DIRECTION_WORDS.down].join(' · '));
  if (role === 'nature') lines.push('', [...NATURE_WORDS.quantitative, ...NATURE_WORDS.qualitative].join(' · '));
  if (role === 'standard') lines.push('', STANDARD_WORDS.join(' · '));
  if (role === 'level1')
    lines.push(
      '',
      level1Codes()
        .map((e) => e.name)
        .join(' · '),
    );
  const held = place.model.notes.find(
    (n) =>
      n.kind === 'column-content' &&
      n.place.line === place.ref.line &&
      place.cell &&
      n.place.span.start === place.cell.textSpan.start,
  );
  if (held?.holds)
    lines.push(
      '',
      zh
        ? `⚠ 此列实际填写的是${columnName(held.holds, locale)}的内容。`
        : `⚠ This column holds the content of ${columnName(held.holds, locale)}.`,
    );
  return lines.join('\n');
}

/** The weights a label declares (`权重分值90分，其中产出指标权重分值50分`). */
function weightsHover(project: ModelProject, locale: Locale): string | undefined {
  const w = project.weights;
  if (!w) return undefined;
  const zh = locale !== 'en';
  const parts = w.byLevel1.map((b) => `${b.name} ${formatNumber(b.value)}`).join(zh ? '，' : ', ');
  return [
    `**${zh ? '分值' : 'Weights'}**：${w.total !== undefined ? formatNumber(w.total) : '?'}${parts ? (zh ? `（其中 ${parts}）` : ` (${parts})`) : ''}`,
    '',
    zh
      ? `各指标分值合计 ${formatNumber(weightTotal(project))}`
      : `The indicators’ weights total ${formatNumber(weightTotal(project))}`,
  ].join('\n');
}

/** The hover at `pos` on a form; undefined when `pos` is in no form (or null when nothing there has one). */
export function formHover(doc: TargetDocument, pos: Position, locale: Locale): Hover | null | undefined {
  const place = formPlaceAt(doc, pos);
  if (!place) return undefined;
  const { ref, cell } = place;
  if (!cell || cell.text === '') {
    // An empty 一级/二级 cell below a merged one: what it carries.
    const ind = place.indicator;
    if (place.kind === 'grid' && ind && (place.role === 'level1' || place.role === 'level2') && cell) {
      const carried = ind[place.role];
      if (carried && ind.carried?.[place.role])
        return markdown(
          levelHover(place.role === 'level1' ? 1 : 2, carried.text, ind, true, locale),
          rangeOf(ref, cell.span),
        );
    }
    return null;
  }
  const cellRange = rangeOf(ref, cell.textSpan);
  if (place.kind === 'grid-header') {
    if (place.role) return markdown(columnHover(place.role, place, locale), cellRange);
    if (cell.text.includes('分值')) {
      const w = weightsHover(place.project, locale);
      if (w) return markdown(w, cellRange);
    }
    return null;
  }
  if (place.kind !== 'grid') {
    if (cell.text.includes('分值') && place.project.weights?.place.line === ref.line) {
      const w = weightsHover(place.project, locale);
      if (w) return markdown(w, cellRange);
    }
    return null;
  }
  const ind = place.indicator;
  const part = place.part;
  if (!ind || !part) return null;
  const range = rangeAt(doc, part.located.place.line, part.located.place.span);
  switch (part.part) {
    case 'level1':
    case 'level2':
      return markdown(levelHover(part.part === 'level1' ? 1 : 2, part.located.text, ind, false, locale), range);
    case 'unit':
      return markdown(unitHover(part.located.text, ind, locale), range);
    case 'value':
    case 'period':
    case 'annual':
      return markdown(
        valueText(columnName(part.part, locale), part.located.text, parseValue(part.located.text), locale),
        range,
      );
    case 'name':
    case 'weight':
      return markdown(indicatorHover(ind, place.project, locale), range);
    default: {
      const text = wordHover(part.part, part.located.text, locale);
      return text ? markdown(text, range) : null;
    }
  }
}

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: 'markdown', value }, ...(range ? { range } : {}) };
}
