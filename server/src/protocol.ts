/**
 * The custom protocol between the extension (`client/src/extension.ts`) and the language server: the
 * `perfTarget/…` messages, the initialization options, the fix-all code action kind, and the
 * extension's command ids. **The one place where their names and types are written**: the server,
 * the client and the tests import them from here, and `test/protocol.test.ts` fails on a
 * `'perfTarget/…'` literal anywhere else. `docs/protocol.md` describes each for other editors.
 *
 * The client bundles this module too, so it imports only from `vscode-languageserver-protocol`
 * (which the client's and the server's libraries both bundle already) and types from the server,
 * which are erased: no code of the server comes into the client through here.
 */
import {
  CodeActionKind,
  MessageDirection,
  NotificationType,
  ProtocolNotificationType,
  ProtocolRequestType,
  ProtocolRequestType0,
} from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';
import type { exportDocument } from './export';
import type { AmountRole, IndicatorPart, Layout } from './model/types';

// Each message is a namespace holding its method, direction and `type`, as in
// vscode-languageserver-protocol (`DidChangeConfigurationNotification.type`…): handlers and senders
// read the same spelling for ours and LSP's own. The namespaces hold only constants.
/* eslint-disable @typescript-eslint/no-namespace */

/** The language id of target tables, in VS Code and in every editor's configuration. */
export const LANGUAGE_ID = 'perf-target';

/** `initializationOptions` of `initialize`: each optional; other editors send none. */
export interface InitializationOptions {
  /** The editor's display language (`zh-cn`…); without it, `InitializeParams.locale`. */
  readonly locale?: string;
  /** Directory of the rules' pages (`docs/rules`), linked from each diagnostic's code. */
  readonly docsRoot?: string;
}

/**
 * The kind of the code action that applies every safe fix (`source.fixAll.perfTarget`), offered
 * when `source.fixAll` or this kind is asked for; the extension's *Fix All Safe Findings* asks for it.
 */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.perfTarget`;

/** Where the cursor is, for focus mode. */
export interface FocusParams {
  readonly uri: string;
  /** 0-based line and UTF-16 column, as LSP positions. */
  readonly line: number;
  readonly character: number;
}

/**
 * Client → server: the cursor moved, or `null` when no target file has the focus (or focus mode is
 * off). The findings of the place being typed wait until the cursor leaves it; a client that never
 * sends this gets them when typing pauses.
 *
 * A plain `NotificationType` (parameters `auto`), not a `ProtocolNotificationType` (`byName`): the
 * params are the object, or `[null]` for null, as vscode-jsonrpc sends a single param that is no
 * object. `byName` would throw on null in the client and drop `[null]` in the server.
 */
export namespace FocusNotification {
  export const method = 'perfTarget/focus';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new NotificationType<FocusParams | null>(method);
}

/** What the status bar shows of a target file. */
export interface StatusParams {
  readonly uri: string;
  /** The sum of the tables' 总计 in 万元, whatever unit each table states; `null` when no table has one. */
  readonly total: number | null;
  readonly projects: number;
  /** Every error and warning of the file, also those not listed for `maxDiagnosticsPerFile`. */
  readonly errors: number;
  readonly warnings: number;
}

/** Server → client: a file's totals and counts, after each publish of its diagnostics. */
export namespace StatusNotification {
  export const method = 'perfTarget/status';
  export const messageDirection = MessageDirection.serverToClient;
  export const type = new ProtocolNotificationType<StatusParams, void>(method);
}

export interface CheckWorkspaceResult {
  /** Target files checked: open documents and the workspace folders' files on disk. */
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}

/**
 * Client → server, no params: check every known target file and publish its diagnostics; answers
 * the counts.
 */
export namespace CheckWorkspaceRequest {
  export const method = 'perfTarget/checkWorkspace';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new ProtocolRequestType0<CheckWorkspaceResult, never, void, void>(method);
}

export interface ExportParams {
  /** An open document or a file the server indexed. */
  readonly uri: string;
}

/** The parsed model, as `perf-target export --format json` writes it. */
export type ExportResult = ReturnType<typeof exportDocument>;

/**
 * Client → server: the parsed model of one target file. A uri the server does not hold as a target
 * file is answered with `RequestFailed` (-32803); a request without params, with `InvalidParams`.
 */
export namespace ExportRequest {
  export const method = 'perfTarget/export';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new ProtocolRequestType<ExportParams, ExportResult, never, void, void>(method);
}

/** A finding's severity by name, as the table view colours it. */
export type TableSeverity = 'error' | 'warning' | 'information' | 'hint';

/** Findings counted by severity: errors, warnings, information, hints. */
export type TableCounts = readonly [number, number, number, number];

/** A finding placed on a part of the table (a cell, or a part of an indicator). */
export interface TableFinding {
  readonly rule: string;
  readonly severity: TableSeverity;
  /** In the server's locale. */
  readonly message: string;
  readonly range: Range;
}

/** A part of a row as the table view shows it: its text, where it is written, what was found there. */
export interface TablePart {
  /** The content (Excel's quotes and outer HTML tags removed; a doubled quote read as one). */
  readonly text: string;
  /** Where the content is written: a click in the view selects exactly this. */
  readonly range: Range;
  /** Absent when none. */
  readonly findings?: readonly TableFinding[];
}

/** An indicator value as the table view shows it, with the server's reading of it. */
export interface TableValuePart extends TablePart {
  /** The reading, in the server's locale: comparators, numbers and units, or that it is qualitative. */
  readonly reading: string;
}

/** An amount: the part, and its number in the table's money unit (`null` when not a number). */
export interface TableAmountPart extends TablePart {
  readonly value: number | null;
}

/** One indicator, split as the budget system's grid shows it. */
export interface TableIndicator {
  /** 序号. */
  readonly seq: TablePart;
  /** 一级指标, 二级指标: the code and name as written (`1-产出指标`). */
  readonly level1: TablePart | null;
  readonly level2: TablePart | null;
  /** 指标名称. */
  readonly name: TablePart | null;
  /** 实施周期指标值, 年度指标值 (the value without its label). */
  readonly period: TableValuePart | null;
  readonly annual: TableValuePart | null;
  /** The whole indicator. */
  readonly range: Range;
  /** Findings of the indicator that no single part holds. Absent when none. */
  readonly findings?: readonly TableFinding[];
}

/** The cells of a 合计, unit or project row. */
export interface TableRowCells {
  readonly line: number;
  readonly name: TablePart;
  /** 总计, 财政拨款, 财政专户拨款, 其他资金, as far as the row has the cells. */
  readonly amounts: readonly TableAmountPart[];
  /** Findings of the row that no cell holds (a missing column…). Absent when none. */
  readonly findings?: readonly TableFinding[];
}

/**
 * A column of an application form's indicator grid, by what it holds: 一级指标 (`level1`), 二级指标
 * (`level2`), 三级指标 (`name`), 指标性质 (`nature`: 定量/定性), 指标方向 (`direction`: 正向/反向), a
 * comparator (`comparator`: ≥ ≤ =), 指标值 (`value`), 实施期 / 年度指标值 (`period`, `annual`), 度量单位
 * (`unit`), 权重/分值 (`weight`), 绩效标准 (`standard`), 指标值说明 (`explanation`), 备注 (`note`).
 */
export type TableFormColumn = IndicatorPart;

/** What the outline says of an application form's project: the lines it takes expanded. */
export interface TableOutlineForm {
  /** The grid's columns in their order (the form's own, then any part its cells hold besides). */
  readonly columns: readonly TableFormColumn[];
  /** Lines before the grid: those of `TableFormProject.department`, `period`, `amounts` and `goals` written. */
  readonly details: number;
}

/** A project row in the outline: what the hierarchy shows collapsed, and its size when expanded. */
export interface TableOutlineProject {
  readonly name: string;
  /** Its row; on an application form, the form's first line. */
  readonly line: number;
  /**
   * In the table's money unit; `null` where a cell is not a number (an empty cell is 0). An
   * application form's: its total (资金总额) first, when it has one, then zeros (its sources are
   * among its details).
   */
  readonly amounts: readonly (number | null)[];
  /** Whether it has a goal, and how many indicators: the rows it takes expanded (a form's goals are details). */
  readonly goal: boolean;
  readonly indicators: number;
  /** On an application form's project, and only there. */
  readonly form?: TableOutlineForm;
  /** Its findings: a form's, those of every line of the form from its first. */
  readonly counts: TableCounts;
  /** Changes when the row's text, place or finding counts change: the view asks again for it. */
  readonly key: string;
}

/** A unit row and its projects (`first`, `count`: indices into `TableOutlineResult.projects`). */
export interface TableOutlineUnit {
  readonly row: TableRowCells;
  readonly counts: TableCounts;
  /** The unit's amounts less the sums of its projects' (per column); `null` when they add up. */
  readonly difference: readonly (number | null)[] | null;
  readonly first: number;
  readonly count: number;
}

export interface TableOutlineTable {
  /** How the table is laid out: its projects are seven-column rows, or application forms (`TableProjectRow.form`). */
  readonly layout: Layout;
  readonly title: string | null;
  readonly department: string | null;
  /** The budget year read from the title or preface (`2024年`), when one is written. */
  readonly year: number | null;
  /** The money unit of every amount of the table (`元`, `千元`, `万元`, `亿元`), and whether it is stated. */
  readonly unit: string;
  readonly unitStated: boolean;
  readonly total: TableRowCells | null;
  readonly totalCounts: TableCounts;
  /** 合计 less the sum of the units' (or, without units, the projects') amounts; `null` when they add up. */
  readonly difference: readonly (number | null)[] | null;
  readonly units: readonly TableOutlineUnit[];
  /** The projects standing before any unit row. */
  readonly loose: { readonly first: number; readonly count: number };
  /** All the table's projects. */
  readonly first: number;
  readonly count: number;
}

export interface TableOutlineParams {
  readonly uri: string;
  /**
   * The version of the last outline this client holds: when it is the one the server answered last
   * for this uri, the answer's `projects` is empty and `patch` says what changed since.
   */
  readonly since?: number;
}

/** What changed in the projects since the client's outline: `deleteCount` entries at `at` replaced by `items`. */
export interface TableOutlinePatch {
  readonly since: number;
  readonly at: number;
  readonly deleteCount: number;
  readonly items: readonly TableOutlineProject[];
  /** The number of projects after the patch (a check). */
  readonly length: number;
}

export interface TableOutlineResult {
  readonly uri: string;
  /** The document version described: pass it to `perfTarget/tableRows`. */
  readonly version: number;
  readonly summary: {
    readonly projects: number;
    readonly indicators: number;
    readonly counts: TableCounts;
    /** False while the version's findings are not all known yet (counts may grow). */
    readonly checked: boolean;
  };
  readonly tables: readonly TableOutlineTable[];
  /** Every project of the file in order, across tables. */
  readonly projects: readonly TableOutlineProject[];
  /** Present when `since` was answered with a patch (then `projects` is empty). */
  readonly patch?: TableOutlinePatch;
}

/** The projects of an outline answered with a patch, from those of the outline it was made against. */
export function patchedProjects(
  previous: readonly TableOutlineProject[],
  patch: TableOutlinePatch,
): TableOutlineProject[] | undefined {
  if (patch.at > previous.length || patch.at + patch.deleteCount > previous.length) return undefined;
  const next = [...previous.slice(0, patch.at), ...patch.items, ...previous.slice(patch.at + patch.deleteCount)];
  return next.length === patch.length ? next : undefined;
}

/**
 * Client → server: the table view's outline of a target file — preface, summary counts, tables,
 * units and projects with amounts and per-row finding counts — without the projects' cells, which
 * `TableRowsRequest` gives for the rows in sight. `RequestFailed` for a uri that is no target file.
 */
export namespace TableOutlineRequest {
  export const method = 'perfTarget/tableOutline';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new ProtocolRequestType<TableOutlineParams, TableOutlineResult, never, void, void>(method);
}

export interface TableRowsParams {
  readonly uri: string;
  /** The version of the outline the indices come from; another version is answered `ContentModified`. */
  readonly version: number;
  /** Project indices (of `TableOutlineResult.projects`), `from` inclusive, `to` exclusive; at most 500. */
  readonly from: number;
  readonly to: number;
}

/** A cell of an application form's indicator grid. */
export interface TableFormCell extends TablePart {
  /** A value's reading (`value`, `period`, `annual`), in the server's locale. */
  readonly reading?: string;
  /**
   * Not written on this row: a merged 一级 / 二级 cell, carried down from the row that wrote it (its
   * range is that cell's; its findings are shown there, not here).
   */
  readonly carried?: boolean;
}

/** One indicator of an application form: one row of its grid. */
export interface TableFormIndicator {
  /** Its cells by column; a column absent here is empty on this row. */
  readonly cells: { readonly [C in TableFormColumn]?: TableFormCell };
  /** The row's written cells, first to last. */
  readonly range: Range;
  /** Findings of the row that no single cell holds. Absent when none. */
  readonly findings?: readonly TableFinding[];
}

/** A labelled field of a form's header block: its label as written (when beside it) and its value. */
export interface TableFormField {
  readonly label: TablePart | null;
  readonly value: TablePart;
}

/** An amount of a form (资金总额, a subtotal, a source), as the form's header block writes it. */
export interface TableFormAmount {
  readonly label: TablePart;
  readonly role: AmountRole;
  /** 0 for the total, 1 for its parts, 2 for the parts of a subtotal. */
  readonly depth: number;
  /** The amount's cell, its value in the table's money unit; `null` when no cell stands beside the label. */
  readonly cell: TableAmountPart | null;
  /** A money unit written after the number (`250万`): `value` is converted. */
  readonly writtenUnit?: string;
}

/**
 * An application form's project, read from the server's model of the form (not its layout). The
 * view shows its details in this order, each only when written: department, period, amounts,
 * goals (period, annual, goal); then the grid.
 */
export interface TableFormProject {
  /** As `TableOutlineForm.columns`. */
  readonly columns: readonly TableFormColumn[];
  /** The budget unit or department (预算单位, 实施单位…). */
  readonly department: TableFormField | null;
  /** The implementation period (实施期). */
  readonly period: TableFormField | null;
  readonly amounts: readonly TableFormAmount[];
  readonly goals: {
    readonly period: TableFormField | null;
    readonly annual: TableFormField | null;
    /** A goal not said to be either. */
    readonly goal: TableFormField | null;
  };
  readonly indicators: readonly TableFormIndicator[];
}

/**
 * A project's cells. On an application form, `form` holds the project and the seven-column cells
 * say what they can: `name` its name, `amounts` its total (when it has one), no goal and no
 * indicators.
 */
export interface TableProjectRow extends TableRowCells {
  readonly index: number;
  readonly key: string;
  readonly goal: TablePart | null;
  readonly indicators: readonly TableIndicator[];
  /** On an application form's project, and only there. */
  readonly form?: TableFormProject;
}

export interface TableRowsResult {
  readonly uri: string;
  readonly version: number;
  readonly rows: readonly TableProjectRow[];
}

/** Client → server: the cells, indicators and findings of a range of projects (the rows in sight). */
export namespace TableRowsRequest {
  export const method = 'perfTarget/tableRows';
  export const messageDirection = MessageDirection.clientToServer;
  export const type = new ProtocolRequestType<TableRowsParams, TableRowsResult, never, void, void>(method);
}

/** At most this many projects per `perfTarget/tableRows`. */
export const MAX_TABLE_ROWS = 500;

/** Every custom message, for the tests and the documentation's check. */
export const CUSTOM_METHODS = [
  FocusNotification,
  StatusNotification,
  CheckWorkspaceRequest,
  ExportRequest,
  TableOutlineRequest,
  TableRowsRequest,
] as const;

/**
 * The extension's commands (`contributes.commands` in `package.json`). They take no arguments and
 * act on the active editor; the server executes no command (`workspace/executeCommand` is not used).
 */
export const Commands = {
  /** Sends `perfTarget/checkWorkspace`, shows the counts and opens the Problems view. */
  checkWorkspace: 'perfTarget.checkWorkspace',
  /** Asks for the `FIX_ALL_KIND` code action of the whole document and applies it. */
  fixAll: 'perfTarget.fixAll',
  /** Formats the document (the server's `textDocument/formatting`). */
  format: 'perfTarget.format',
  /** Sends `perfTarget/export` and copies the model to the clipboard. */
  copyAsJson: 'perfTarget.copyAsJson',
  /** Reads an .xlsx (the Explorer's or editor's, else one chosen) into a new target-table document. */
  openWorkbook: 'perfTarget.openWorkbook',
  /** Writes the target table (the active one, or the Explorer's) as an .xlsx chosen in a save dialog. */
  saveAsWorkbook: 'perfTarget.saveAsWorkbook',
  /** Opens the table view of the active target file beside it (`perfTarget/tableOutline`, `perfTarget/tableRows`). */
  showTableViewToSide: 'perfTarget.showTableViewToSide',
  /** Opens the table view of the active target file in the active editor group. */
  showTableView: 'perfTarget.showTableView',
} as const;
