/**
 * Hover texts shared by the seven-column layout's hovers and a form's: a catalogue entry's
 * explanation, a comparator's meaning and how a value was read.
 */
import { childrenOf, lookupCode, type CodeEntry } from '../catalogue';
import { formatNumber, localize, type Locale } from '../i18n';
import type { ValueNode } from '../syntax/indicators';
import type { ParsedValue } from '../syntax/value';
import { COMPARATORS, LABEL_NAMES, SCALES, type Comparator } from '../vocabulary';

/** What each normalised comparator means, from the vocabulary. */
export function comparatorText(c: Comparator): { zh: string; en: string } {
  if (c === '≈') return { zh: '约（近似值，无法核验）', en: 'about (approximate, cannot be checked)' };
  return COMPARATORS.find((e) => e.means === c)?.description ?? { zh: c, en: c };
}

/** A catalogue entry's explanation; `writtenName` is the name as the file writes it (noted when it is none of the entry's). */
export function codeHover(entry: CodeEntry, writtenName: string | undefined, locale: Locale): string {
  const parent = entry.parent ? lookupCode(entry.parent) : undefined;
  const siblings =
    entry.level === 2 && entry.parent
      ? childrenOf(entry.parent)
      : [1, 2, 3].map((n) => lookupCode(String(n))).filter((e): e is CodeEntry => !!e);
  const lines = [
    `**${entry.code}-${entry.name}**${locale === 'en' ? ` — ${entry.english}` : ''}（${entry.level === 1 ? '一级指标' : '二级指标'}${locale === 'en' ? `, level ${entry.level}` : ''}）`,
    '',
    entry.description.zh,
  ];
  if (locale === 'en') lines.push('', `*${entry.description.en}*`);
  if (entry.aliases.length > 0)
    lines.push('', `${locale === 'en' ? 'Also written' : '也写作'}：${entry.aliases.join('、')}`);
  if (parent) lines.push('', `${locale === 'en' ? 'Under' : '上级'}：${parent.code}-${parent.name}`);
  lines.push(
    '',
    `${locale === 'en' ? 'Siblings' : '同级'}：${siblings.map((s) => (s.code === entry.code ? `**${s.code} ${s.name}**` : `${s.code} ${s.name}`)).join(' · ')}`,
  );
  if (writtenName && writtenName !== entry.name && !entry.aliases.includes(writtenName)) {
    lines.push('', `⚠ ${locale === 'en' ? `written here as “${writtenName}”` : `此处写作“${writtenName}”`}`);
  }
  if (entry.level === 1) {
    const children = childrenOf(entry.code);
    if (children.length > 0)
      lines.push(
        '',
        `${locale === 'en' ? 'Level-2 codes' : '二级指标'}：${children.map((c) => `${c.code} ${c.name}`).join(' · ')}`,
      );
  }
  return lines.join('\n');
}

export function valueHover(v: ValueNode, locale: Locale): string {
  const name = LABEL_NAMES[v.label];
  const label = locale === 'zh-cn' ? name.zh : `${name.en.charAt(0).toUpperCase()}${name.en.slice(1)} (${name.zh})`;
  return valueText(label, v.text, v.parsed, locale);
}

/** How a value was read: its comparators, numbers and units, or that it is qualitative. */
export function valueText(label: string, text: string, p: ParsedValue, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const lines = [`**${label}**：${text || (zh ? '（空）' : '(empty)')}`, ''];
  if (p.kind === 'empty') return lines.join('\n');
  if (p.kind === 'qualitative') {
    lines.push(
      zh
        ? '定性指标值：没有可核验的数值，评价时按“达到 / 部分达到 / 未达到”三档判断。'
        : 'Qualitative: no number to verify; evaluated later as reached / partly reached / not reached.',
    );
    return lines.join('\n');
  }
  if (p.range) {
    lines.push(
      zh
        ? `区间：${formatNumber(p.range.low.value)} ≤ ${p.range.subject} ≤ ${formatNumber(p.range.high.value)}`
        : `Range: ${formatNumber(p.range.low.value)} ≤ ${p.range.subject} ≤ ${formatNumber(p.range.high.value)}`,
    );
    return lines.join('\n');
  }
  lines.push(zh ? '| 比较 | 数值 | 单位 |' : '| comparator | number | unit |', '|---|---|---|');
  for (const m of p.measures) {
    const cmp = m.comparator
      ? `${m.comparator} ${localize(comparatorText(m.comparator), locale)}${m.comparatorText && m.comparatorText !== m.comparator ? `（${m.comparatorText}）` : ''}`
      : '—';
    const scale = Object.keys(SCALES).find((s) => SCALES[s] === m.scale) ?? '';
    const num = scale ? `${formatNumber(m.number)}${scale} = ${formatNumber(m.value)}` : formatNumber(m.value);
    lines.push(`| ${cmp} | ${num} | ${m.unit || '—'} |`);
  }
  lines.push(
    '',
    zh
      ? `定量指标值${p.remainder ? `；其余文字：${p.remainder}` : ''}`
      : `Quantitative${p.remainder ? `; other text: ${p.remainder}` : ''}`,
  );
  return lines.join('\n');
}
