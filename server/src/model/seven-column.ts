/**
 * The seven-column layout's rows read as the model: a project row's name, its four amounts, its
 * goal and its indicator tree become a `ModelProject` (places are spans of the row's text at `line`).
 * Project rules read a seven-column row through this; whole-document readers (export, conversion)
 * read every project row so.
 */
import { AMOUNT_COLUMNS } from '../vocabulary';
import type { Cell, ParsedRow } from '../syntax/document';
import { cellValue } from '../syntax/document';
import type { CodeNode, IndicatorNode, TextNode, ValueNode } from '../syntax/indicators';
import type { IndicatorPart, Located, ModelAmount, ModelIndicator, ModelProject } from './types';

function fromCell(line: number, cell: Cell | undefined): Located | undefined {
  return cell && cell.text !== '' ? { text: cellValue(cell), place: { line, span: cell.textSpan } } : undefined;
}

function fromNode(line: number, node: TextNode | undefined): Located | undefined {
  return node && node.text !== '' ? { text: node.text, place: { line, span: node.span } } : undefined;
}

/** A value as written, an empty one too (its label stands). */
function fromValue(line: number, node: ValueNode | undefined): Located | undefined {
  return node ? { text: node.text, place: { line, span: node.span } } : undefined;
}

function fromCode(line: number, node: CodeNode | undefined): Located | undefined {
  if (!node) return undefined;
  const text = node.name?.text ?? node.code?.text;
  return text ? { text, place: { line, span: node.span } } : undefined;
}

/**
 * An indicator of the indicator language as the model: each part is made when first read (a
 * project rule reads two or three of them, on every indicator of a large table).
 */
class SevenColumnIndicator implements ModelIndicator {
  private cache: { -readonly [K in 'level1' | 'level2' | 'name' | 'period' | 'annual']?: Located | null } = {};

  constructor(
    private readonly line: number,
    private readonly node: IndicatorNode,
  ) {}

  get place(): ModelIndicator['place'] {
    return { line: this.line, span: this.node.span };
  }

  get level1(): Located | undefined {
    return this.part('level1', () => fromCode(this.line, this.node.level1));
  }

  get level2(): Located | undefined {
    return this.part('level2', () => fromCode(this.line, this.node.level2));
  }

  get name(): Located | undefined {
    return this.part('name', () => fromNode(this.line, this.node.name));
  }

  get period(): Located | undefined {
    return this.part('period', () => fromValue(this.line, this.node.period));
  }

  get annual(): Located | undefined {
    return this.part('annual', () => fromValue(this.line, this.node.annual));
  }

  private part(
    key: 'level1' | 'level2' | 'name' | 'period' | 'annual',
    make: () => Located | undefined,
  ): Located | undefined {
    let v = this.cache[key];
    if (v === undefined) {
      v = make() ?? null;
      this.cache[key] = v;
    }
    return v ?? undefined;
  }
}

function indicatorOf(line: number, ind: IndicatorNode): ModelIndicator {
  return new SevenColumnIndicator(line, ind);
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
