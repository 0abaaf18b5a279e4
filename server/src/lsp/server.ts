/**
 * The language server's entry: the wiring of each LSP message to the module that answers it (the
 * parts are made in `services.ts`, initialization and settings wired in `lifecycle.ts`). What happens after an edit is the `Validator`'s, what a document lists the
 * `Publisher`'s, what the server keeps per document a `DocumentState`; every handler goes through
 * `Handlers`, so that none takes the server down.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  LSPErrorCodes,
  ResponseError,
  type CodeActionParams,
  type Connection,
  type DocumentRangeFormattingParams,
} from 'vscode-languageserver';
import { CONFIG_FILE } from '../config';
import { exportDocument } from '../export';
import {
  CheckWorkspaceRequest,
  ExportRequest,
  FocusNotification,
  type CheckWorkspaceResult,
  type ExportParams,
  type FocusParams,
} from '../protocol';
import { codeActionSteps } from './code-actions';
import { complete } from './completion';
import { formatSteps } from './formatting';
import { hover } from './hover';
import { applyChanges, toLineText } from './line-text';
import { definition, highlights, references } from './navigation';
import type { OpenDocument } from './session';
import { documentSymbolSteps, foldingRanges, workspaceSymbols } from './symbols';
import { registerTableView } from './table-model';

export { MAX_DOCUMENT_CHARS } from './validator';
import { registerLifecycle } from './lifecycle';
import { createServices, type Services } from './services';

export function startServer(connection: Connection): void {
  const s = createServices(connection);
  registerLifecycle(s);
  registerDocumentSync(s);
  registerFeatures(s);
  connection.listen();
}

/** Open documents (kept as lines, not `TextDocuments`: an edit costs the lines it touches) and the cursor. */
function registerDocumentSync(s: Services): void {
  const { connection, states, handlers, validator, workspace } = s;
  connection.onDidOpenTextDocument(
    handlers.guard('open', undefined, (p) => {
      const { uri, languageId, version, text } = p.textDocument;
      const d: OpenDocument = { uri, languageId, version, text: toLineText(text) };
      states.of(uri).document = d;
      validator.changed(d);
    }),
  );

  connection.onDidChangeTextDocument(
    handlers.guard('change', undefined, (p) => {
      const state = states.get(p.textDocument.uri);
      const old = state?.document;
      if (!state || !old) return;
      const d: OpenDocument = {
        ...old,
        version: p.textDocument.version,
        text: applyChanges(old.text, p.contentChanges),
      };
      state.document = d;
      validator.changed(d);
    }),
  );

  connection.onDidCloseTextDocument(
    handlers.guard('close', undefined, async (p) => {
      const { uri } = p.textDocument;
      states.close(uri);
      workspace.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      if (uri.startsWith('file:') && workspace.folderOf(uri)) await workspace.loadFromDisk(fileURLToPath(uri));
    }),
  );

  connection.onNotification(
    FocusNotification.type,
    handlers.guard('focus', undefined, (p: FocusParams | null) => {
      for (const uri of s.publisher.setFocus(p, (u) => states.get(u))) validator.republish(uri);
    }),
  );
}

/** The requests, each answered by its feature module. */
function registerFeatures(s: Services): void {
  const { connection, handlers, validator, workspace, settings, env } = s;
  connection.onHover(
    handlers.fileRequest('hover', null, (file, p) =>
      hover(file.doc, p.position, validator.findingsOnLines(file, p.position.line, p.position.line), env.locale),
    ),
  );
  connection.onCompletion(
    handlers.fileRequest('completion', null, (file, p) => complete(file.doc, p.position, workspace, env.locale)),
  );
  connection.onDocumentSymbol(handlers.requestInSlices('documentSymbol', [], (file) => documentSymbolSteps(file.doc)));
  connection.onFoldingRanges(handlers.fileRequest('foldingRange', [], (file) => foldingRanges(file.doc)));
  connection.onWorkspaceSymbol(handlers.request('workspaceSymbol', (p) => workspaceSymbols(workspace, p.query)));
  connection.onDefinition(handlers.fileRequest('definition', [], (file, p) => definition(file, p.position, workspace)));
  connection.onReferences(
    handlers.fileRequest('references', [], (file, p) =>
      references(file, p.position, workspace, p.context.includeDeclaration),
    ),
  );
  connection.onDocumentHighlight(
    handlers.fileRequest('documentHighlight', [], (file, p) => highlights(file, p.position)),
  );

  connection.onCodeAction(
    handlers.requestInSlices('codeAction', [], (file, p: CodeActionParams) => {
      const resolved = settings.for(file.uri);
      // "Ignore" writes the settings file that applies, else creates one in the workspace folder.
      const folder = workspace.folderOf(file.uri);
      const settingsFile = resolved.source ?? (folder ? join(folder, CONFIG_FILE) : undefined);
      const near = validator.findingsOnLines(file, p.range.start.line, p.range.end.line);
      return codeActionSteps(near, () => validator.checkedOf(file).result.findingSteps(), p.range, p.context.only, {
        uri: file.uri,
        doc: file.doc,
        settings: resolved,
        locale: env.locale,
        ...(settingsFile ? { settingsFile } : {}),
        toDiagnostic: (f) => s.converter.convert(file.uri, f, file.doc),
      });
    }),
  );

  connection.onDocumentFormatting(
    handlers.requestInSlices('formatting', [], (file) => formatSteps(file.doc, settings.for(file.uri).config)),
  );
  connection.onDocumentRangeFormatting(
    handlers.requestInSlices('rangeFormatting', [], (file, p: DocumentRangeFormattingParams) =>
      formatSteps(file.doc, settings.for(file.uri).config, p.range),
    ),
  );

  connection.onRequest(
    CheckWorkspaceRequest.type,
    handlers.request('checkWorkspace', (): CheckWorkspaceResult => validator.checkWorkspace()),
  );
  connection.onRequest(
    ExportRequest.type,
    handlers.request('export', (p: { readonly [K in keyof ExportParams]?: unknown } | undefined) => {
      const file = typeof p?.uri === 'string' ? s.fileOf(p.uri) : undefined;
      if (!file) return new ResponseError(LSPErrorCodes.RequestFailed, `not a target file: ${String(p?.uri)}`);
      return exportDocument(file.doc);
    }),
  );
  // The table view's model (`table-model.ts`): the current version, its check's counts and findings.
  registerTableView(
    connection,
    (uri) => {
      const file = s.fileOf(uri);
      const c = file ? s.states.get(uri)?.checked : undefined;
      const current = file && c && c.version === file.version ? c : undefined;
      return (
        file && {
          uri,
          version: file.version,
          doc: file.doc,
          ...(current ? { count: (l: number, n: number) => current.result.count(l, n) } : {}),
          ...(current?.complete ? { totals: current.result.totals } : {}),
          findingsAt: (line: number) => validator.findingsOnLines(file, line, line),
        }
      );
    },
    () => env.locale,
  );
}
