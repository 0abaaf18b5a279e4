/**
 * The model every layout is read into: tables → projects, each project with its amounts (in the
 * table's money unit, with their sources), its goals and its indicators. The seven-column reader
 * (`syntax/document.ts` + `syntax/indicators.ts`, adapted by `sevenColumnProject`) and the form
 * reader (`syntax/form.ts`) both produce it; project rules, export and conversion read it, never
 * the layout.
 *
 * Invariant: every place is a span of one row's text plus that row's first line (`Place`), so an
 * LSP position is made through the row like every other finding's.
 */
import type { MoneyUnit } from '../catalogue';
import { INDICATOR_PARTS, type FormFieldRole, type IndicatorPart } from '../vocabulary';
import type { Span } from '../syntax/indicators';

export type Layout = 'seven-column' | 'form' | 'unknown';

/** Where a piece of text stands: the first line of its row and its span in the row's text. */
export interface Place {
  readonly line: number;
  readonly span: Span;
}

/** A piece of the file: its text (as the sheet holds it) and where it stands. */
export interface Located {
  readonly text: string;
  readonly place: Place;
}

/** What a column or a field of a form means (the roles the form vocabulary names). */
export type { IndicatorPart } from '../vocabulary';
export { INDICATOR_PARTS } from '../vocabulary';

/** One indicator, in any layout. Absent parts are those the layout has no place for or left empty. */
export type ModelIndicator = {
  readonly [P in IndicatorPart]?: Located;
} & {
  /** The whole indicator: its row in a form, its span in the indicator cell of the seven-column layout. */
  readonly place: Place;
  /** The 一级 / 二级 name was not written on this row but carried down from a merged cell above. */
  readonly carried?: { readonly level1?: boolean; readonly level2?: boolean };
};

export type AmountRole = 'total' | 'subtotal' | 'source';

export interface ModelAmount {
  /** The label as written (`(一)财政拨款小计`, `财政拨款`), or the column's name. */
  readonly label: Located;
  readonly role: AmountRole;
  /** 0 for the total, 1 for its parts, 2 for the parts of a subtotal. */
  readonly depth: number;
  /** In the table's money unit; undefined when the cell holds no number. */
  readonly value: number | undefined;
  /** The amount's cell (absent when the label has no cell beside it). */
  readonly cell?: Located;
  /** The cell wrote a money unit after the number (`250万`): the value is converted. */
  readonly writtenUnit?: string;
}

/** One line of a department's duties (年度履职目标): what is done, paid from which item, how much. */
export interface ModelSpending {
  readonly task?: Located;
  readonly item?: Located;
  readonly amount?: ModelAmount;
}

/** A labelled field of a form's header block (`项目名称` → its value). */
export interface ModelField {
  readonly label: Located;
  /** The label's meaning in the form vocabulary, when it is a known one. */
  readonly role?: FormFieldRole;
  readonly value?: Located;
  /** No value, but a column's name where it should stand (`年度资金总额 ⇥ 金额(万元)`). */
  readonly blocked?: Located;
}

export interface ModelProject {
  /** The project's row (seven-column) or the form's first line. */
  readonly place: Place;
  readonly name?: Located;
  /** The budget unit or department. */
  readonly department?: Located;
  /** The implementation period (`2023.07-2024.01`). */
  readonly period?: Located;
  readonly amounts: readonly ModelAmount[];
  readonly goals: {
    readonly period?: Located;
    readonly annual?: Located;
    /** The seven-column 绩效目标, or a form's goal not said to be either. */
    readonly goal?: Located;
  };
  readonly indicators: readonly ModelIndicator[];
  /**
   * The parts the layout has a place for, in its order (a form: its grid's columns, whether or not
   * any cell is filled; the seven-column layout: name, 实施期 and 年度 values).
   */
  readonly columns: readonly IndicatorPart[];
  /** A department's duties and their amounts (部门整体支出绩效目标表). */
  readonly spending: readonly ModelSpending[];
  /** The form's declared weight total and per-class weights (`权重分值90分，其中产出指标权重分值50分`). */
  readonly weights?: {
    readonly place: Place;
    readonly total?: number;
    readonly byLevel1: ReadonlyArray<{ readonly name: string; readonly value: number }>;
  };
  readonly fields: readonly ModelField[];
}

export interface ModelTable {
  readonly layout: Layout;
  readonly startLine: number;
  readonly endLine: number;
  readonly title?: Located;
  readonly unit: MoneyUnit;
  /** The line that states the money unit (`单位：万元`, `项目资金（万元）`), when one does (else 万元 is assumed). */
  readonly unitLine?: number;
  readonly projects: readonly ModelProject[];
  /** Lines of the form that are no field: its title, the year, `填报单位:(盖章) 单位:万元`. */
  readonly preface: readonly Located[];
  /** What the reader saw and could not place (a column it does not know, a repeated merged label). */
  readonly notes: readonly ReaderNote[];
}

/** Something the form reader reports about the layout itself (not a rule's finding). */
export interface ReaderNote {
  readonly kind: 'merged-label-repeated' | 'column-content' | 'file-name-title' | 'empty-review';
  readonly place: Place;
  /** The column's name, the field's label, the file name. */
  readonly subject: string;
  /** For `column-content`: the column whose content this column holds. */
  readonly holds?: IndicatorPart;
}

/** A located piece made from a row's cell. */
export function located(line: number, text: string, span: Span): Located {
  return { text, place: { line, span } };
}

/** Every piece of text a project holds (fields, amounts, goals, indicators, duties), in no set order. */
export function* everyLocated(project: ModelProject): Generator<Located> {
  const own = [
    project.name,
    project.department,
    project.period,
    project.goals.period,
    project.goals.annual,
    project.goals.goal,
  ];
  for (const l of own) if (l) yield l;
  for (const f of project.fields) {
    yield f.label;
    if (f.value) yield f.value;
  }
  for (const ind of project.indicators) {
    for (const key of INDICATOR_PARTS) {
      const part = ind[key];
      if (part) yield part;
    }
  }
  for (const s of project.spending) {
    if (s.task) yield s.task;
    if (s.item) yield s.item;
  }
}
