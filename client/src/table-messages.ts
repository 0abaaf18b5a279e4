/**
 * The messages between the extension (`table-view.ts`) and the table view's page
 * (`webview/table-view.ts`, bundled for the browser): types only, so that both sides agree and the
 * page imports no code from the extension. The data is the server's (`perfTarget/tableOutline`,
 * `perfTarget/tableRows` in `server/src/protocol.ts`), passed through unchanged.
 */
import type { Range } from 'vscode-languageserver-protocol';
import type { TableOutlineResult, TableProjectRow } from '../../server/src/protocol';

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
}

export interface ViewSettings {
  /** The view follows the editor's cursor (highlights and reveals its row). */
  readonly scrollViewWithEditor: boolean;
  /** A click on a cell selects its text in the editor. */
  readonly scrollEditorWithView: boolean;
}

/** Extension → page. */
export type ToView =
  | { readonly type: 'init'; readonly strings: ViewStrings; readonly settings: ViewSettings; readonly locale: string }
  | { readonly type: 'settings'; readonly settings: ViewSettings }
  | { readonly type: 'outline'; readonly outline: TableOutlineResult }
  | { readonly type: 'rows'; readonly version: number; readonly rows: readonly TableProjectRow[] }
  /** The editor's cursor moved (only when `scrollViewWithEditor`). */
  | { readonly type: 'cursor'; readonly line: number; readonly character: number };

/** Page → extension. */
export type FromView =
  | { readonly type: 'ready' }
  /** The projects `from`..`to` (exclusive) of the outline `version` are in sight and not at hand. */
  | { readonly type: 'rows'; readonly version: number; readonly from: number; readonly to: number }
  /** A cell was clicked: select this text in the editor. */
  | { readonly type: 'reveal'; readonly range: Range };

/** What the page keeps with `setState` (restored when the panel is shown again or VS Code restarts). */
export interface ViewState {
  readonly uri?: string;
  readonly scrollTop: number;
  readonly onlyFindings: boolean;
  /** Collapsed units and projects, by `u<line>` / `p<line>`. */
  readonly collapsed: readonly string[];
}
