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

/**
 * A project row as the model (a row of another kind gives a project without indicators). Its parts
 * are made when first read: a project rule reads a few of them on every row of a large table.
 */
export function sevenColumnProject(row: ParsedRow, line: number): ModelProject {
  return new SevenColumnProject(row, line);
}

class SevenColumnProject implements ModelProject {
  readonly columns = SEVEN_COLUMN_PARTS;
  readonly spending = NONE;
  readonly fields = NONE;
  private made?: {
    readonly name: Located | undefined;
    readonly goals: ModelProject['goals'];
    readonly indicators: readonly ModelIndicator[];
  };
  private amountList?: readonly ModelAmount[];

  constructor(
    private readonly row: ParsedRow,
    private readonly line: number,
  ) {}

  get place(): ModelProject['place'] {
    return { line: this.line, span: { start: 0, end: this.row.text.length } };
  }

  private get parts(): NonNullable<SevenColumnProject['made']> {
    if (!this.made) {
      const { row, line } = this;
      const goal = fromCell(line, row.goal);
      this.made = {
        name: fromCell(line, row.name),
        goals: goal ? { goal } : {},
        indicators:
          row.kind === 'project' ? (row.indicators?.indicators ?? []).map((i) => indicatorOf(line, i)) : NO_INDICATORS,
      };
    }
    return this.made;
  }

  get name(): Located | undefined {
    return this.parts.name;
  }

  get goals(): ModelProject['goals'] {
    return this.parts.goals;
  }

  get indicators(): readonly ModelIndicator[] {
    return this.parts.indicators;
  }

  get amounts(): readonly ModelAmount[] {
    this.amountList ??= this.row.amounts.map((a, i): ModelAmount => {
      const span = a.cell.textSpan;
      return {
        label: { text: AMOUNT_COLUMNS[i] ?? '', place: { line: this.line, span } },
        role: i === 0 ? 'total' : 'source',
        depth: i === 0 ? 0 : 1,
        value: a.value,
        cell: { text: a.cell.text, place: { line: this.line, span } },
      };
    });
    return this.amountList;
  }
}

const NONE: readonly never[] = Object.freeze([]);
const NO_INDICATORS: readonly ModelIndicator[] = Object.freeze([]);
