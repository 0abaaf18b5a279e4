/**
 * Hovers: what a code means, how a value was read, how an amount adds up, and a project's summary.
 * Chinese first; English VS Code also gets the English gloss.
 */
import type { Hover, Position } from 'vscode-languageserver';
import { countSeverities, describeCounts } from '../check';
import { DEFAULT_MONEY_UNIT, lookupCode } from '../catalogue';
import { formatWan, type Locale } from '../i18n';
import type { Finding } from '../rules/types';
import { level1Code } from '../rules/util';
import { tableAtLine, type RowRef, type TargetDocument } from '../syntax/document';
import { AMOUNT_COLUMNS, AMOUNT_COLUMNS_EN, TOTAL_ROW_NAME } from '../vocabulary';
import { formHover } from './form-hover';
import { codeHover, valueHover } from './hover-text';
import { placeAt, rangeOf } from './positions';

function findUnit(doc: TargetDocument, line: number) {
  for (const t of doc.tables) {
    for (const u of t.units) {
      if (u.ref.line === line || u.projects.some((p) => p.line === line)) return { table: t, unit: u };
    }
    if (t.total?.line === line) return { table: t, unit: undefined };
  }
  return undefined;
}

/** The money unit of a line's amounts and, when the table states none, a note saying how it is read. */
function moneyOf(doc: TargetDocument, line: number, zh: boolean): { readonly unit: string; readonly note: string } {
  const table = tableAtLine(doc, line);
  const unit = table?.unit ?? DEFAULT_MONEY_UNIT;
  return {
    unit,
    note:
      table?.unitLine !== undefined
        ? ''
        : zh
          ? '（表中未注明金额单位，按万元读取）'
          : ` (the table states no money unit: read as ${DEFAULT_MONEY_UNIT})`,
  };
}

function amountHover(doc: TargetDocument, ref: RowRef, column: number, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const colName = zh ? AMOUNT_COLUMNS[column] : `${AMOUNT_COLUMNS_EN[column]} (${AMOUNT_COLUMNS[column]})`;
  const value = ref.row.amounts[column]?.value;
  const { unit: u, note } = moneyOf(doc, ref.line, zh);
  const lines = [
    `**${ref.row.name?.text ?? ''}** · ${colName}：${value === undefined ? (zh ? '不是数字' : 'not a number') : `${formatWan(value)} ${u}${note}`}`,
    '',
  ];
  const where = findUnit(doc, ref.line);
  if (ref.row.kind === 'unit' && where?.unit) {
    const parts = where.unit.projects;
    const sum = parts.reduce((a, p) => a + (p.row.amounts[column]?.value ?? 0), 0);
    lines.push(
      zh
        ? `= 下属 ${parts.length} 个项目之和 ${formatWan(sum)} ${u}`
        : `= the sum of its ${parts.length} projects, ${formatWan(sum)} ${u}`,
    );
    if (value !== undefined && Math.abs(value - sum) > 1e-7)
      lines.push('', `⚠ ${zh ? '相差' : 'off by'} ${formatWan(value - sum)} ${u}`);
  } else if (ref.row.kind === 'total' && where) {
    const parts = where.table.units.length > 0 ? where.table.units.map((u) => u.ref) : where.table.projects;
    const sum = parts.reduce((a, p) => a + (p.row.amounts[column]?.value ?? 0), 0);
    lines.push(
      zh
        ? `= ${parts.length} 个${where.table.units.length > 0 ? '单位' : '项目'}之和 ${formatWan(sum)} ${u}`
        : `= the sum of ${parts.length} ${where.table.units.length > 0 ? 'units' : 'projects'}, ${formatWan(sum)} ${u}`,
    );
    if (value !== undefined && Math.abs(value - sum) > 1e-7)
      lines.push('', `⚠ ${zh ? '相差' : 'off by'} ${formatWan(value - sum)} ${u}`);
  } else if (ref.row.kind === 'project') {
    const [total, ...sources] = ref.row.amounts;
    lines.push(
      sources
        .map(
          (s, i) =>
            `${zh ? AMOUNT_COLUMNS[i + 1] : AMOUNT_COLUMNS_EN[i + 1]} ${s.value === undefined ? '?' : formatWan(s.value)}`,
        )
        .join(' + '),
    );
    const unitTotal = where?.unit?.ref.row.amounts[column]?.value;
    if (where?.unit && unitTotal && value !== undefined && total?.value !== undefined) {
      const share = (value / unitTotal) * 100;
      lines.push(
        '',
        zh
          ? `占“${where.unit.ref.row.name?.text ?? ''}”${AMOUNT_COLUMNS[column]}的 ${share.toFixed(1)}%`
          : `${share.toFixed(1)}% of “${where.unit.ref.row.name?.text ?? ''}”`,
      );
    }
  }
  return lines.join('\n');
}

function projectHover(doc: TargetDocument, ref: RowRef, findings: readonly Finding[], locale: Locale): string {
  const zh = locale === 'zh-cn';
  const { unit: u, note } = moneyOf(doc, ref.line, zh);
  const indicators = ref.row.indicators?.indicators ?? [];
  const byClass = new Map<string, number>();
  for (const ind of indicators) {
    const c = level1Code(ind) ?? '?';
    byClass.set(c, (byClass.get(c) ?? 0) + 1);
  }
  const classes = [...byClass.entries()]
    .sort()
    .map(([c, n]) => `${c === '?' ? (zh ? '未知' : 'unknown') : `${c}-${lookupCode(c)?.name ?? ''}`} ${n}`)
    .join('，');
  const total = ref.row.amounts[0]?.value;
  const lines = [
    `**${ref.row.name?.text ?? ''}**（${ref.row.kind === 'unit' ? (zh ? '单位' : 'unit') : ref.row.kind === 'total' ? (zh ? TOTAL_ROW_NAME : 'grand total') : zh ? '项目' : 'project'}）`,
    '',
    `${zh ? '预算' : 'Budget'}：${total === undefined ? '?' : `${formatWan(total)} ${u}${note}`}`,
  ];
  if (ref.row.kind === 'project') {
    lines.push('', `${zh ? '指标' : 'Indicators'}：${indicators.length}${classes ? `（${classes}）` : ''}`);
    if (ref.row.goal?.text) lines.push('', `${zh ? '绩效目标' : 'Goal'}：${ref.row.goal.text}`);
  }
  const counts = describeCounts(countSeverities(findings.filter((f) => f.line === ref.line)));
  lines.push('', zh ? `问题：${counts.zh}` : `Findings: ${counts.en}`);
  return lines.join('\n');
}

export function hover(doc: TargetDocument, pos: Position, findings: readonly Finding[], locale: Locale): Hover | null {
  // An application form is read from its model, not as seven-column rows.
  const form = formHover(doc, pos, locale);
  if (form !== undefined) return form;
  const place = placeAt(doc, pos);
  if (!place) return null;
  const markdown = (value: string, range: ReturnType<typeof rangeOf>): Hover => ({
    contents: { kind: 'markdown', value },
    range,
  });
  switch (place.kind) {
    case 'level1':
    case 'level2': {
      const code = place.node.code?.text;
      const entry = code ? lookupCode(code) : undefined;
      if (!entry) {
        const zh = locale === 'zh-cn';
        return markdown(
          zh ? `“${code ?? ''}”不是已知的指标编码` : `“${code ?? ''}” is not a known indicator code`,
          rangeOf(place.ref, place.node.span),
        );
      }
      return markdown(codeHover(entry, place.node.name?.text, locale), rangeOf(place.ref, place.node.span));
    }
    case 'value':
      return markdown(
        valueHover(place.value, locale),
        rangeOf(place.ref, place.value.span.end > place.value.span.start ? place.value.span : place.value.labelSpan),
      );
    case 'amount': {
      const cell = place.ref.row.amounts[place.column]?.cell;
      if (!cell) return null;
      return markdown(amountHover(doc, place.ref, place.column, locale), rangeOf(place.ref, cell.span));
    }
    case 'name': {
      const cell = place.ref.row.name;
      if (!cell) return null;
      return markdown(projectHover(doc, place.ref, findings, locale), rangeOf(place.ref, cell.span));
    }
    default:
      return null;
  }
}
