/**
 * The language server's entry: the state it keeps and the wiring of each LSP message to the module
 * that answers it. What happens after an edit is the `Validator`'s, what a document lists the
 * `Publisher`'s, what the server keeps per document a `DocumentState`; every handler goes through
 * `Handlers`, so that none takes the server down.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  CodeActionKind, FileChangeType, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocumentSyncKind,
  type CodeActionParams, type Connection, type DocumentRangeFormattingParams, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { checkingRowCache } from '../check';
import { CONFIG_FILE } from '../config';
import { exportDocument } from '../export';
import { localize, toLocale, type Locale } from '../i18n';
import {
  CheckWorkspaceRequest, ExportRequest, FIX_ALL_KIND, FocusNotification, StatusNotification,
  type CheckWorkspaceResult, type ExportParams, type FocusParams, type InitializationOptions,
} from '../protocol';
import { prepareParser } from '../syntax/indicators';
import { codeActionSteps } from './code-actions';
import { complete, TRIGGER_CHARACTERS } from './completion';
import { DiagnosticConverter } from './diagnostics';
import { formatSteps } from './formatting';
import { Handlers } from './handlers';
import { hover } from './hover';
import { applyChanges, toLineText } from './line-text';
import { definition, highlights, references } from './navigation';
import { Publisher } from './publisher';
import { ServerSettings } from './server-settings';
import { DocumentStates, type OpenDocument } from './session';
import { documentSymbolSteps, foldingRanges, workspaceSymbols } from './symbols';
import { registerTableView } from './table-model';
import { Validator } from './validator';
import { Workspace, type TargetFile } from './workspace';

export { MAX_DOCUMENT_CHARS } from './validator';

/** The parts of a running server, made once by `startServer` and shared by its handlers. */
interface Services {
  readonly connection: Connection;
  readonly workspace: Workspace;
  readonly states: DocumentStates;
  readonly settings: ServerSettings;
  readonly handlers: Handlers;
  readonly converter: DiagnosticConverter;
  readonly publisher: Publisher;
  readonly validator: Validator;
  /** The client's display language and the rule pages' folder, from `initialize`. */
  readonly env: { locale: Locale; docsRoot: string; watchFolders: boolean };
  /** The target file `uri` is, if the server knows it. */
  fileOf(uri: string): TargetFile | undefined;
  /** Settings changed: every document's settings are resolved again and the open ones checked again. */
  refreshAll(): void;
}

export function startServer(connection: Connection): void {
  const s = createServices(connection);
  registerLifecycle(s);
  registerDocumentSync(s);
  registerFeatures(s);
  connection.listen();
}

function createServices(connection: Connection): Services {
  const states = new DocumentStates();
  // Rows of open documents are checked as they are parsed, while their indicator trees are at hand;
  // files indexed from disk are only parsed until they are opened or the workspace is checked.
  const workspace: Workspace = new Workspace((uri) => checkingRowCache(() => settings.for(uri).config, () => states.document(uri) !== undefined));
  const fileOf = (uri: string): TargetFile | undefined => workspace.get(uri);
  const handlers = new Handlers((m) => connection.console.error(m), fileOf);
  const settings: ServerSettings = new ServerSettings(connection, workspace);
  const env = { locale: 'en' as Locale, docsRoot: join(__dirname, '..', 'docs', 'rules'), watchFolders: false };
  const converter = new DiagnosticConverter(() => env.docsRoot, () => env.locale);
  const publisher = new Publisher(
    {
      sendDiagnostics: (p) => void connection.sendDiagnostics(p),
      sendStatus: (p) => void connection.sendNotification(StatusNotification.type, p),
    },
    converter,
    () => settings.maxDiagnostics(),
    (file) => workspace.get(file.uri) === file,
    (name, work) => handlers.background(name, work),
  );
  const validator = new Validator({
    workspace,
    states,
    publisher,
    handlers,
    settingsFor: (uri) => settings.for(uri),
    clear: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
    // A notification (not `window.showWarningMessage`, a request awaiting the clerk's answer).
    warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: localize(message, env.locale) }),
  });
  const refreshAll = (): void => {
    settings.reset();
    validator.refresh();
  };
  return { connection, workspace, states, settings, handlers, converter, publisher, validator, env, fileOf, refreshAll };
}

/** Initialization, the editor's settings, the workspace's folders and files on disk. */
function registerLifecycle(s: Services): void {
  const { connection, workspace, settings, env } = s;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    prepareParser();
    const options = (params.initializationOptions ?? {}) as { readonly [K in keyof InitializationOptions]?: unknown };
    env.locale = toLocale(typeof options.locale === 'string' ? options.locale : params.locale);
    if (typeof options.docsRoot === 'string') env.docsRoot = options.docsRoot;
    env.watchFolders = params.capabilities.workspace?.workspaceFolders === true;
    workspace.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    settings.setCapabilities(params.capabilities);
    return { capabilities: CAPABILITIES, serverInfo: { name: 'perf-target-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(async () => {
    if (env.watchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        const current = new Set<string>(workspace.folderUris);
        for (const r of e.removed) current.delete(r.uri);
        for (const a of e.added) current.add(a.uri);
        workspace.setFolders([...current]);
        settings.watchAbove();
        await workspace.scan();
        s.refreshAll();
      });
    }
    settings.register();
    await settings.update();
    const started = Date.now();
    const count = await workspace.scan();
    connection.console.log(`indexed ${count} target file(s) in ${Date.now() - started} ms`);
    s.refreshAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    await settings.update(change.settings ?? null);
    s.refreshAll();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let settingsChanged = false;
    for (const c of changes) {
      if (c.uri.endsWith(`/${CONFIG_FILE}`)) {
        settingsChanged = true;
        continue;
      }
      if (s.states.document(c.uri)) continue;
      if (c.type === FileChangeType.Deleted) workspace.delete(c.uri);
      else {
        try {
          if (c.uri.startsWith('file:')) await workspace.loadFromDisk(fileURLToPath(c.uri));
        } catch (e) {
          connection.console.warn(`cannot index ${c.uri}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    if (settingsChanged) s.refreshAll();
  });
}

const CAPABILITIES: InitializeResult['capabilities'] = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  hoverProvider: true,
  completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
  documentSymbolProvider: { label: '绩效目标表' },
  workspaceSymbolProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/** Open documents (kept as lines, not `TextDocuments`: an edit costs the lines it touches) and the cursor. */
function registerDocumentSync(s: Services): void {
  const { connection, states, handlers, validator, workspace } = s;
  connection.onDidOpenTextDocument(handlers.guard('open', undefined, (p) => {
    const { uri, languageId, version, text } = p.textDocument;
    const d: OpenDocument = { uri, languageId, version, text: toLineText(text) };
    states.of(uri).document = d;
    validator.changed(d);
  }));

  connection.onDidChangeTextDocument(handlers.guard('change', undefined, (p) => {
    const state = states.get(p.textDocument.uri);
    const old = state?.document;
    if (!state || !old) return;
    const d: OpenDocument = { ...old, version: p.textDocument.version, text: applyChanges(old.text, p.contentChanges) };
    state.document = d;
    validator.changed(d);
  }));

  connection.onDidCloseTextDocument(handlers.guard('close', undefined, async (p) => {
    const { uri } = p.textDocument;
    states.close(uri);
    workspace.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    if (uri.startsWith('file:') && workspace.folderOf(uri)) await workspace.loadFromDisk(fileURLToPath(uri));
  }));

  connection.onNotification(FocusNotification.type, handlers.guard('focus', undefined, (p: FocusParams | null) => {
    for (const uri of s.publisher.setFocus(p, (u) => states.get(u))) validator.republish(uri);
  }));
}

/** The requests, each answered by its feature module. */
function registerFeatures(s: Services): void {
  const { connection, handlers, validator, workspace, settings, env } = s;
  connection.onHover(handlers.fileRequest('hover', null, (file, p) =>
    hover(file.doc, p.position, validator.findingsOnLines(file, p.position.line, p.position.line), env.locale)));
  connection.onCompletion(handlers.fileRequest('completion', null, (file, p) => complete(file.doc, p.position, workspace, env.locale)));
  connection.onDocumentSymbol(handlers.requestInSlices('documentSymbol', [], (file) => documentSymbolSteps(file.doc)));
  connection.onFoldingRanges(handlers.fileRequest('foldingRange', [], (file) => foldingRanges(file.doc)));
  connection.onWorkspaceSymbol(handlers.request('workspaceSymbol', (p) => workspaceSymbols(workspace, p.query)));
  connection.onDefinition(handlers.fileRequest('definition', [], (file, p) => definition(file, p.position, workspace)));
  connection.onReferences(handlers.fileRequest('references', [], (file, p) => references(file, p.position, workspace, p.context.includeDeclaration)));
  connection.onDocumentHighlight(handlers.fileRequest('documentHighlight', [], (file, p) => highlights(file, p.position)));

  connection.onCodeAction(handlers.requestInSlices('codeAction', [], (file, p: CodeActionParams) => {
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
  }));

  connection.onDocumentFormatting(handlers.requestInSlices('formatting', [], (file) => formatSteps(file.doc, settings.for(file.uri).config)));
  connection.onDocumentRangeFormatting(handlers.requestInSlices('rangeFormatting', [], (file, p: DocumentRangeFormattingParams) =>
    formatSteps(file.doc, settings.for(file.uri).config, p.range)));

  connection.onRequest(CheckWorkspaceRequest.type, handlers.request('checkWorkspace', (): CheckWorkspaceResult => validator.checkWorkspace()));
  connection.onRequest(ExportRequest.type, handlers.request('export', (p: { readonly [K in keyof ExportParams]?: unknown } | undefined) => {
    const file = typeof p?.uri === 'string' ? s.fileOf(p.uri) : undefined;
    if (!file) return new ResponseError(LSPErrorCodes.RequestFailed, `not a target file: ${String(p?.uri)}`);
    return exportDocument(file.doc);
  }));
  // The table view's model (`table-model.ts`): the current version, its check's counts and findings.
  registerTableView(connection, (uri) => {
    const file = s.fileOf(uri);
    const c = file ? s.states.get(uri)?.checked : undefined;
    const current = file && c && c.version === file.version ? c : undefined;
    return file && { uri, version: file.version, doc: file.doc, ...(current ? { count: (l: number, n: number) => current.result.count(l, n) } : {}),
      ...(current?.complete ? { totals: current.result.totals } : {}), findingsAt: (line: number) => validator.findingsOnLines(file, line, line) };
  }, () => env.locale);
}
