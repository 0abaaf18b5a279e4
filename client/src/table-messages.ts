/**
 * The messages between the extension (`table-view.ts`) and the table view's page
 * (`webview/table-view.ts`, bundled for the browser): types only, so that both sides agree and the
 * page imports no code from the extension. The data is the server's (`perfTarget/tableOutline`,
 * `perfTarget/tableRows` in `server/src/protocol.ts`), passed through unchanged.
 */
import type { Range } from 'vscode-languageserver-protocol';
import type { TableFormColumn, TableOutlineResult, TableProjectRow } from '../../server/src/protocol';

export type { Range, TableOutlineResult, TableProjectRow };

/** The page's strings, localized by the extension (`vscode.l10n`). */
export interface ViewStrings {
  readonly columns: readonly string[];
  readonly indicatorColumns: readonly string[];
  readonly goal: string;
  readonly total: string;
  readonly summary: string;
  readonly onlyFindings: string;
  readonly unit: string;
  readonly department: string;
  readonly year: string;
  readonly difference: string;
  readonly share: string;
  readonly loading: string;
  readonly empty: string;
  readonly expand: string;
  readonly collapse: string;
  readonly errors: string;
  readonly warnings: string;
  readonly notes: string;
  readonly unitNotStated: string;
  /** Those of application forms (without them, the form's own labels and the parts' names). */
  readonly form?: ViewFormStrings;
}

/** The page's strings for application forms. */
export interface ViewFormStrings {
  /** The grid's column names, by what each holds. */
  readonly columns: Readonly<Record<TableFormColumn, string>>;
  /** A detail's name where the form writes no label beside it. */
  readonly department: string;
  readonly period: string;
  readonly periodGoal: string;
  readonly annualGoal: string;
  readonly goal: string;
  /** A 一级 / 二级 cell carried down from a merged cell: `{0}` is the line (1-based) it is written on. */
  readonly carried: string;
}

export interface ViewSettings {
  /** The view follows the editor's cursor (highlights and reveals its row). */
  readonly scrollViewWithEditor: boolean;
  /** A click on a cell selects its text in the editor. */
  readonly scrollEditorWithView: boolean;
}

/** The catalogue's codes, for choosing a code in place: level 1, and level 2 under each level-1 code. */
export interface CodeChoices {
  readonly level1: readonly string[];
  readonly level2: Readonly<Record<string, readonly string[]>>;
}

/** Extension → page. */
export type ToView =
  | {
      readonly type: 'init';
      readonly strings: ViewStrings;
      readonly settings: ViewSettings;
      readonly locale: string;
      readonly codes: CodeChoices;
    }
  | { readonly type: 'settings'; readonly settings: ViewSettings }
  | { readonly type: 'outline'; readonly outline: TableOutlineResult }
  | { readonly type: 'rows'; readonly version: number; readonly rows: readonly TableProjectRow[] }
  /** The editor's cursor moved (only when `scrollViewWithEditor`). */
  | { readonly type: 'cursor'; readonly line: number; readonly character: number }
  /** The document is no target table the server holds (not, or not yet, in the language). */
  | { readonly type: 'empty' }
  /** Asks the page what it shows (`ViewReport`): for tests, and for the extension's own checks. */
  | { readonly type: 'probe' };

/** Page → extension. */
export type FromView =
  | { readonly type: 'ready' }
  /** The projects `from`..`to` (exclusive) of the outline `version` are in sight and not at hand. */
  | { readonly type: 'rows'; readonly version: number; readonly from: number; readonly to: number }
  /** A cell was clicked: select this text in the editor. */
  | { readonly type: 'reveal'; readonly range: Range }
  | { readonly type: 'probe'; readonly report: ViewReport }
  /**
   * An edit in place: `text` replaces what the part showed (`old`) at `range`, in the outline's
   * `version`; the extension applies the smallest edit of that span (or nothing, if the text moved on).
   */
  | {
      readonly type: 'edit';
      readonly version: number;
      readonly range: Range;
      readonly old: string;
      readonly text: string;
    }
  /** The quick fixes of the findings at `range` (a cell's), offered by the extension to choose from. */
  | { readonly type: 'fixes'; readonly range: Range };

/** What the page shows now. */
export interface ViewReport {
  /** The outline's version, and its lines (all of them, not only those in the page). */
  readonly version: number | null;
  readonly lines: number;
  /** Lines in the page (the window in sight), and among them projects and indicators drawn with their rows. */
  readonly rendered: number;
  readonly projects: readonly string[];
  readonly indicators: number;
  /** Cells marked with a finding, by severity class (`f-error`…), and their hover texts. */
  readonly findings: Readonly<Record<string, number>>;
  readonly messages: readonly string[];
  /** The text of the selected line. */
  readonly selected: string | null;
}

/** What the page keeps with `setState` (restored when the panel is shown again or VS Code restarts). */
export interface ViewState {
  readonly uri?: string;
  readonly scrollTop: number;
  readonly onlyFindings: boolean;
  /** Collapsed units and projects, by `u<line>` / `p<line>`. */
  readonly collapsed: readonly string[];
}
