/**
 * The seven-column layout's rows read as the model: a project row's name, its four amounts, its
 * goal and its indicator tree become a `ModelProject` (places are spans of the row's text at `line`).
 * Project rules read a seven-column row through this; whole-document readers (export, conversion)
 * read every project row so.
 */
import { AMOUNT_COLUMNS } from '../vocabulary';
import type { Cell, ParsedRow } from '../syntax/document';
import { cellValue } from '../syntax/document';
import type { CodeNode, IndicatorNode, TextNode } from '../syntax/indicators';
import type { IndicatorPart, Located, ModelAmount, ModelIndicator, ModelProject } from './types';

function fromCell(line: number, cell: Cell | undefined): Located | undefined {
  return cell && cell.text !== '' ? { text: cellValue(cell), place: { line, span: cell.textSpan } } : undefined;
}

function fromNode(line: number, node: TextNode | undefined): Located | undefined {
  return node && node.text !== '' ? { text: node.text, place: { line, span: node.span } } : undefined;
}

function fromCode(line: number, node: CodeNode | undefined): Located | undefined {
  if (!node) return undefined;
  const text = node.name?.text ?? node.code?.text;
  return text ? { text, place: { line, span: node.span } } : undefined;
}

function indicatorOf(line: number, ind: IndicatorNode): ModelIndicator {
  const parts: { -readonly [K in keyof ModelIndicator]?: ModelIndicator[K] } = { place: { line, span: ind.span } };
  const level1 = fromCode(line, ind.level1);
  const level2 = fromCode(line, ind.level2);
  const name = fromNode(line, ind.name);
  if (level1) parts.level1 = level1;
  if (level2) parts.level2 = level2;
  if (name) parts.name = name;
  if (ind.period) parts.period = { text: ind.period.text, place: { line, span: ind.period.span } };
  if (ind.annual) parts.annual = { text: ind.annual.text, place: { line, span: ind.annual.span } };
  return parts as ModelIndicator;
}

/** What an indicator of the indicator language holds. */
const SEVEN_COLUMN_PARTS: readonly IndicatorPart[] = ['level1', 'level2', 'name', 'period', 'annual'];

/** A project row as the model (a row of another kind gives a project without indicators). */
export function sevenColumnProject(row: ParsedRow, line: number): ModelProject {
  const amounts: ModelAmount[] = row.amounts.map((a, i) => {
    const label = AMOUNT_COLUMNS[i] ?? '';
    return {
      label: { text: label, place: { line, span: a.cell.textSpan } },
      role: i === 0 ? 'total' : 'source',
      depth: i === 0 ? 0 : 1,
      value: a.value,
      cell: { text: a.cell.text, place: { line, span: a.cell.textSpan } },
    };
  });
  const name = fromCell(line, row.name);
  const goal = fromCell(line, row.goal);
  return {
    place: { line, span: { start: 0, end: row.text.length } },
    ...(name ? { name } : {}),
    amounts,
    goals: goal ? { goal } : {},
    indicators: row.kind === 'project' ? (row.indicators?.indicators ?? []).map((i) => indicatorOf(line, i)) : [],
    columns: SEVEN_COLUMN_PARTS,
    spending: [],
    fields: [],
  };
}
