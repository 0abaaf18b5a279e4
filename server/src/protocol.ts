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
  CodeActionKind, MessageDirection, NotificationType, ProtocolNotificationType, ProtocolRequestType, ProtocolRequestType0,
} from 'vscode-languageserver-protocol';
import type { exportDocument } from './export';

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
/* eslint-enable @typescript-eslint/no-namespace */

/** Every custom message, for the tests and the documentation's check. */
export const CUSTOM_METHODS = [FocusNotification, StatusNotification, CheckWorkspaceRequest, ExportRequest] as const;

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
} as const;
