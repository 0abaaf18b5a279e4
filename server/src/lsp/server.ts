/**
 * The language server: wires the connection's requests to the feature modules. Every handler is
 * guarded: one failing request is logged and answered empty (or with an LSP error), never taking
 * the server down.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  ErrorCodes, LSPErrorCodes, MessageType, ResponseError, TextDocumentSyncKind,
  type CancellationToken, type CodeActionParams, type Connection, type Diagnostic, type DocumentRangeFormattingParams,
  type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { CheckResult, checkDocumentRules, checkingRowCache, checkRows, rowFindingsAt, warmRowChecks, type RowChecks } from '../check';
import { offsetIn, warmRows } from '../syntax/document';
import { prepareParser } from '../syntax/indicators';
import { runInSlices, runSlice, yieldToEventLoop, type Steps } from '../steps';
import { MONEY_UNITS } from '../catalogue';
import { CONFIG_FILE, type Config } from '../config';
import { exportDocument } from '../export';
import { toLocale, type Locale } from '../i18n';
import type { Finding } from '../rules/types';
import {
  CheckWorkspaceRequest, ExportRequest, FIX_ALL_KIND, FocusNotification, LANGUAGE_ID, StatusNotification,
  type CheckWorkspaceResult, type ExportParams, type FocusParams, type InitializationOptions, type StatusParams,
} from '../protocol';
import { codeActionSteps } from './code-actions';
import { DEFAULT_MAX_DIAGNOSTICS, DiagnosticConverter, linesToShow, selectFindings } from './diagnostics';
import { complete, TRIGGER_CHARACTERS } from './completion';
import { formatSteps } from './formatting';
import { hover } from './hover';
import { definition, highlights, references } from './navigation';
import { applyChanges, textOf, toLineText, type LineText } from './line-text';
import { resolveSettings } from './settings';
import { isHeld, lineChange, TYPING_PAUSE_MS, typingUnit, type LineEdit, type TypingUnit } from './typing';
import { answerInSlices } from './slices';
import { documentSymbolSteps, foldingRanges, workspaceSymbols } from './symbols';
import { registerTableView } from './table-model';
import { isTargetFile, Workspace, type TargetFile } from './workspace';

interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly text: LineText;
}

/**
 * Documents longer than this (UTF-16 units, about 32 MB) are not parsed: the server says so once
 * and answers their requests empty instead of freezing the editor.
 */
export const MAX_DOCUMENT_CHARS = 32 * 1024 * 1024;

/** Documents opened with more characters than this are parsed and checked in slices. */
const BACKGROUND_PARSE_CHARS = 256 * 1024;

/** How long the cross-row checks wait for typing to pause. */
const FULL_CHECK_DELAY_MS = 250;

/** A checked version of a document. */
interface Checked {
  readonly version: number;
  /** Line count of the checked version: cross-row findings stay valid only while it holds. */
  readonly lines: number;
  readonly result: CheckResult;
  /** False while the document rules' findings are those of an earlier version. */
  readonly complete: boolean;
}

/** Has the row results of `lines` at hand, a step per line (see `CheckResult.warm`). */
function* warmSteps(result: CheckResult, lines: readonly number[]): Steps<void> {
  for (const line of lines) {
    yield* result.warmSteps(line);
    yield;
  }
}

export function startServer(connection: Connection): void {
  const documents = new Map<string, OpenDocument>();
  // Rows of open documents are checked as they are parsed, while their indicator trees are at hand;
  // files indexed from disk are only parsed until they are opened or the workspace is checked.
  const workspace = new Workspace((uri) => checkingRowCache(() => configFor(uri), () => documents.has(uri)));
  const checked = new Map<string, Checked>();
  const fullTimers = new Map<string, NodeJS.Timeout>();
  /**
   * Where each open document was edited last: the line, what changed in it (`character`: where the
   * change ends) and whether a focus notification came since (`seen`).
   */
  const lastEdit = new Map<string, { readonly line: number; readonly character: number; readonly change: LineEdit; seen: boolean }>();
  /**
   * Without focus notifications: documents being typed in (no pause of `TYPING_PAUSE_MS` since the
   * last edit), and the timers that end it. The findings of the cell edited last wait for the pause.
   */
  const typing = new Set<string>();
  const pauseTimers = new Map<string, NodeJS.Timeout>();
  const configs = new Map<string, Config>();
  let locale: Locale = 'en';
  let canConfigure = false;
  let canWatch = false;
  let canWatchFolders = false;
  let focus: FocusParams | undefined;
  /** Whether the client sends `perfTarget/focus` (VS Code's extension does; Neovim and Helix do not). */
  let focusClient = false;
  let editorSettings: unknown;
  let docsRoot = join(__dirname, '..', 'docs', 'rules');

  const log = (m: string) => connection.console.log(m);

  /** For notifications and timers: a failure is logged and the server goes on. */
  function guard<P, R>(name: string, fallback: R, fn: (p: P) => R): (p: P) => R {
    const report = (e: unknown) => connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return (p: P) => {
      try {
        const r = fn(p);
        if (r instanceof Promise) r.catch(report);
        return r;
      } catch (e) {
        report(e);
        return fallback;
      }
    };
  }

  /** Work that goes on in slices after its handler returned: a failure is logged, never unhandled. */
  function background(name: string, work: Promise<unknown>): void {
    work.catch((e: unknown) => connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
  }

  /** A request's failure: logged, and answered with an LSP error; the server goes on. */
  function failed(name: string, e: unknown): ResponseError<void> {
    const message = e instanceof Error ? e.message : String(e);
    connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? message : message}`);
    return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${message}`);
  }

  /** For requests: a failure is logged and answered with an LSP error; the server goes on. */
  function request<P, R>(name: string, fn: (p: P) => R): (p: P) => R | ResponseError<void> {
    return (p: P) => {
      try {
        return fn(p);
      } catch (e) {
        return failed(name, e);
      }
    };
  }

  /**
   * For requests that walk a whole document (outline, formatting, fix-all): answered in slices, so
   * that other requests are answered meanwhile; a cancelled request or an edit ends them early.
   */
  function requestInSlices<P extends { readonly textDocument: { readonly uri: string } }, T>(
    name: string,
    empty: T,
    steps: (file: TargetFile, p: P) => Steps<T>,
  ): (p: P, token: CancellationToken) => Promise<T | ResponseError<void>> {
    return async (p, token) => {
      try {
        const file = fileOf(p.textDocument.uri);
        if (!file) return empty;
        return await answerInSlices(steps(file, p), token, () => fileOf(p.textDocument.uri) !== file);
      } catch (e) {
        return failed(name, e);
      }
    };
  }

  const tooLarge = new Set<string>();

  function configFor(uri: string): Config {
    const folder = workspace.folderOf(uri) ?? '';
    let config = configs.get(folder);
    if (!config) {
      const r = resolveSettings(folder || undefined, editorSettings);
      for (const p of r.problems) connection.console.warn(`settings: ${p}`);
      config = r.config;
      configs.set(folder, config);
    }
    return config;
  }

  const converter = new DiagnosticConverter(() => docsRoot, () => locale);
  const toDiagnostic = (file: TargetFile, f: Finding): Diagnostic => converter.convert(file.uri, f, file.doc);

  /** `perfTarget.maxDiagnosticsPerFile` (editor only; 0: no limit). */
  function maxDiagnostics(): number {
    const v = typeof editorSettings === 'object' && editorSettings !== null
      ? (editorSettings as Record<string, unknown>)['maxDiagnosticsPerFile']
      : undefined;
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : DEFAULT_MAX_DIAGNOSTICS;
  }

  /** Where the clerk works in a document: the cursor, else the last edited line, else the top. */
  function anchorOf(uri: string): number {
    if (focus && focus.uri === uri) return focus.line;
    return lastEdit.get(uri)?.line ?? 0;
  }

  /**
   * What was last published per document, so that a cursor move republishes only when it matters:
   * when another cell or indicator is held back (or none any more), or when a capped list's cursor has moved more
   * than a quarter of the span of lines it lists.
   */
  const published = new Map<string, { readonly version: number; readonly hidden: string; readonly anchor: number; readonly reanchor: number }>();

  /**
   * Where the clerk is typing, if the findings there are to wait (see `typing.ts`). With focus
   * notifications: the cursor, while it stays on the line edited last (until it leaves the cell or
   * indicator). Without: the place edited last, until typing pauses.
   */
  function typingAt(uri: string): { readonly line: number; readonly character: number } | undefined {
    const edit = lastEdit.get(uri);
    if (!edit) return undefined;
    if (focusClient) {
      if (!focus || focus.uri !== uri || focus.line !== edit.line) return undefined;
      // Typing at the cursor moves it: until the editor reports it, it stands where the edit ended
      // (a publish between a keystroke and its cursor report showed the unit just begun, "2" of
      // "2、"). An edit elsewhere on the line (a quick fix) leaves the cursor where it was.
      const typed = !edit.seen && focus.character >= edit.change.start && focus.character <= edit.change.oldEnd;
      return typed ? edit : focus;
    }
    return typing.has(uri) ? edit : undefined;
  }

  /**
   * How the clerk looks at a document now: where the listed findings centre (`anchor`) and the
   * cell or indicator being typed, whose findings wait (`held`, keyed by `hidden`).
   */
  function viewOf(file: TargetFile): { readonly anchor: number; readonly held?: TypingUnit; readonly hidden: string } {
    const anchor = anchorOf(file.uri);
    const at = typingAt(file.uri);
    const ref = at ? file.doc.rows[at.line] : undefined;
    if (!at || !ref) return { anchor, hidden: '' };
    const held = typingUnit(ref.row, ref.line, offsetIn(ref, at.line, at.character));
    return { anchor, held, hidden: held.key };
  }

  /** Whether publishing now would list other findings than the last publish of this version. */
  function wouldChange(file: TargetFile): boolean {
    const { anchor, hidden } = viewOf(file);
    const last = published.get(file.uri);
    return !last || last.version !== file.version || last.hidden !== hidden || Math.abs(last.anchor - anchor) >= last.reanchor;
  }

  /**
   * Publishes once the rows it will list have their results at hand, checking them again in slices
   * when they were dropped (see `CheckResult.at`): after a large file opens, or when the cursor or
   * an edit is far from the rows checked last. Usually they are at hand and it publishes at once.
   */
  function publishInSlices(file: TargetFile, result: Checked): void {
    // Only the latest call per document publishes (the cursor may move again meanwhile).
    const turn = (publishing.get(file.uri) ?? 0) + 1;
    publishing.set(file.uri, turn);
    const steps = warmSteps(result.result, linesToShow(result.result, maxDiagnostics(), anchorOf(file.uri)));
    if (runSlice(steps)) {
      publish(file, result);
      return;
    }
    const current = () => publishing.get(file.uri) === turn && checked.get(file.uri) === result && workspace.get(file.uri) === file;
    background('publish', runInSlices(steps, () => !current()).then((r) => {
      if (r !== 'stopped' && current()) publish(file, result);
    }));
  }
  const publishing = new Map<string, number>();

  function publish(file: TargetFile, result: Checked): void {
    const { anchor, held, hidden } = viewOf(file);
    const max = maxDiagnostics();
    const hide = held ? (f: Finding) => isHeld(held, f) : undefined;
    const { shown, omitted } = selectFindings(result.result, max, anchor, hide);
    const diagnostics = shown.map((f) => toDiagnostic(file, f));
    const capped = omitted.some((n) => n > 0);
    if (capped) diagnostics.push(converter.omittedNote(omitted, max));
    const span = (shown[shown.length - 1]?.line ?? 0) - (shown[0]?.line ?? 0);
    published.set(file.uri, { version: file.version, hidden, anchor, reanchor: capped ? Math.max(1, Math.floor(span / 4)) : Infinity });
    void connection.sendDiagnostics({ uri: file.uri, version: file.version, diagnostics });
    // In 万元 (the status bar's unit), whatever unit each table states.
    const total = file.doc.tables.reduce<number | null>((acc, t) => {
      const v = t.total?.row.amounts[0]?.value;
      return v === undefined ? acc : (acc ?? 0) + v * MONEY_UNITS[t.unit].wan;
    }, null);
    const counts = result.result.severityCounts;
    const status: StatusParams = {
      uri: file.uri,
      total,
      projects: file.doc.tables.reduce((n, t) => n + t.projects.length, 0),
      errors: counts.errors,
      warnings: counts.warnings,
    };
    void connection.sendNotification(StatusNotification.type, status);
  }

  /** The complete check of the file's current version (row findings reused from the last check). */
  function checkedOf(file: TargetFile): Checked {
    const c = checked.get(file.uri);
    if (c && c.version === file.version && c.complete) return c;
    const options = { config: configFor(file.uri) };
    return record(file, checkRows(file.doc, options, c?.result.rows), checkDocumentRules(file.doc, options));
  }

  /** Records the complete check of the file's current version. */
  function record(file: TargetFile, rows: RowChecks, documentFindings: readonly Finding[]): Checked {
    const result: Checked = { version: file.version, lines: file.doc.lines.length, result: new CheckResult(rows, documentFindings), complete: true };
    checked.set(file.uri, result);
    return result;
  }

  /**
   * The findings on lines `from`..`to` of the file's current version, as published: a request about
   * a few lines (hover, quick fixes) never waits for a whole check of a large file under way.
   */
  function findingsOnLines(file: TargetFile, from: number, to: number): Finding[] {
    const c = checked.get(file.uri);
    const current = c && c.version === file.version ? c.result : undefined;
    const out: Finding[] = [];
    const last = Math.min(to, file.doc.rows.length - 1);
    // A row of several lines has its findings at its first line.
    const first = Math.max(0, Math.min(from, file.doc.rows[from]?.line ?? from));
    for (let line = first; line <= last; line++) {
      if (!current && file.doc.rows[line]?.line !== line) continue;
      // One push per finding: spreading a line's findings into arguments overflowed the stack on a
      // giant line (hovering in it threw `Maximum call stack size exceeded`).
      for (const f of current ? current.at(line) : rowFindingsAt(file.doc, line, { config: configFor(file.uri) })) out.push(f);
    }
    return out;
  }

  function validateFull(uri: string): void {
    const file = workspace.get(uri);
    if (file) background('check', checkInSlices(file));
  }

  /**
   * The complete check of the file's current version in slices (row findings reused from the last
   * check), then its publish; a newer version or other settings make it moot. Done at once, it held
   * the server as long as a whole check takes (half a second for 10 MB) after a settings change.
   */
  async function checkInSlices(file: TargetFile): Promise<void> {
    const config = configFor(file.uri);
    const stale = () => workspace.get(file.uri) !== file || configFor(file.uri) !== config;
    const step = async () => {
      await yieldToEventLoop();
      return !stale();
    };
    const c = checked.get(file.uri);
    let result = c && c.version === file.version && c.complete ? c : undefined;
    if (!result) {
      if (!(await warmRowChecks(file.doc, config, stale)) || !(await step())) return;
      const rowChecks = checkRows(file.doc, { config }, c?.result.rows);
      if (!(await step())) return;
      const documentFindings = checkDocumentRules(file.doc, { config });
      if (!(await step())) return;
      result = record(file, rowChecks, documentFindings);
    }
    publishInSlices(file, result);
  }

  /**
   * After a keystroke: the row rules at once (the previous cross-row findings kept while the line
   * count is unchanged), then everything once typing pauses. Newer versions make older work moot.
   */
  function schedule(uri: string): void {
    const version = workspace.get(uri)?.version;
    setImmediate(guard('validate', undefined, () => {
      const file = workspace.get(uri);
      if (!file || file.version !== version) return;
      const previous = checked.get(uri);
      const rows = checkRows(file.doc, { config: configFor(uri) }, previous?.result.rows);
      const lines = file.doc.lines.length;
      const kept = previous && previous.lines === lines ? previous.result.documentFindings : [];
      const result: Checked = { version: file.version, lines, result: new CheckResult(rows, kept), complete: false };
      checked.set(uri, result);
      // Its listed findings are built first, in slices: the cursor may be far from the rows whose
      // results are kept (a first keystroke far down a large file rebuilt ~300 rows in 134 ms).
      publishInSlices(file, result);
    }));
    clearTimeout(fullTimers.get(uri));
    fullTimers.set(uri, setTimeout(guard('validate', undefined, () => {
      fullTimers.delete(uri);
      const file = workspace.get(uri);
      if (file && file.version === version) validateFull(uri);
    }), FULL_CHECK_DELAY_MS));
  }

  /**
   * Without focus notifications: the cell edited last holds its findings until typing pauses, then
   * they are published (only the timer of the latest version does it; a newer edit restarts it).
   */
  function typingUntilPause(uri: string): void {
    const version = workspace.get(uri)?.version;
    typing.add(uri);
    clearTimeout(pauseTimers.get(uri));
    pauseTimers.set(uri, setTimeout(guard('pause', undefined, () => {
      pauseTimers.delete(uri);
      const file = workspace.get(uri);
      if (!file || file.version !== version) return;
      typing.delete(uri);
      // A check still under way publishes with nothing held when it ends.
      const c = checked.get(uri);
      if (c && c.version === file.version && wouldChange(file)) publishInSlices(file, c);
    }), TYPING_PAUSE_MS));
  }

  /** Parses and checks a newly opened large document in slices; a newer version makes it moot. */
  async function openInSlices(d: OpenDocument): Promise<void> {
    const version = d.version;
    const stale = () => documents.get(d.uri)?.version !== version;
    const { lines } = d.text;
    // The didOpen handler returns at once: the requests behind the message come before any parsing.
    await yieldToEventLoop();
    if (stale()) return;
    const rows = await warmRows(lines, workspace.cacheOf(d.uri), stale);
    if (!rows) return;
    // The rest in steps too, each well under the time a request may wait.
    await checkInSlices(workspace.set(d.uri, lines, version, true, rows));
  }

  function refreshAll(): void {
    configs.clear();
    checked.clear();
    for (const uri of documents.keys()) if (workspace.get(uri)) validateFull(uri);
  }

  async function fetchEditorSettings(): Promise<void> {
    if (!canConfigure) return;
    try {
      editorSettings = await connection.workspace.getConfiguration({ section: 'perfTarget' });
    } catch (e) {
      connection.console.warn(`cannot read settings: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    prepareParser();
    const options = (params.initializationOptions ?? {}) as { readonly [K in keyof InitializationOptions]?: unknown };
    locale = toLocale(typeof options.locale === 'string' ? options.locale : params.locale);
    if (typeof options.docsRoot === 'string') docsRoot = options.docsRoot;
    canConfigure = params.capabilities.workspace?.configuration === true;
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canWatchFolders = params.capabilities.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspace.setFolders(folders);
    return {
      capabilities: {
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
      },
      serverInfo: { name: 'perf-target-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (canWatchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        const current = new Set<string>(workspace.folderUris);
        for (const r of e.removed) current.delete(r.uri);
        for (const a of e.added) current.add(a.uri);
        workspace.setFolders([...current]);
        await workspace.scan();
        refreshAll();
      });
    }
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{jxmb,txt,tsv}' }, { globPattern: `**/${CONFIG_FILE}` }],
      });
    }
    await fetchEditorSettings();
    const started = Date.now();
    const count = await workspace.scan();
    log(`indexed ${count} target file(s) in ${Date.now() - started} ms`);
    refreshAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canConfigure) await fetchEditorSettings();
    else editorSettings = (change.settings as { perfTarget?: unknown } | undefined)?.perfTarget;
    refreshAll();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let settingsChanged = false;
    for (const c of changes) {
      if (c.uri.endsWith(`/${CONFIG_FILE}`)) {
        settingsChanged = true;
        continue;
      }
      if (documents.get(c.uri)) continue;
      if (c.type === FileChangeType.Deleted) workspace.delete(c.uri);
      else {
        try {
          if (c.uri.startsWith('file:')) await workspace.loadFromDisk(fileURLToPath(c.uri));
        } catch (e) {
          connection.console.warn(`cannot index ${c.uri}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    if (settingsChanged) refreshAll();
  });

  /** A document opened or edited: parse it (reusing its unchanged rows) and check it. */
  function changed(d: OpenDocument): void {
    if (d.languageId !== LANGUAGE_ID && !isTargetFile(d.uri, textOf(d.text, 40))) return;
    if (d.text.length > MAX_DOCUMENT_CHARS) {
      // Degrade on purpose: no parse, no findings, empty answers; say so once per document.
      workspace.delete(d.uri);
      checked.delete(d.uri);
      void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
      if (!tooLarge.has(d.uri)) {
        tooLarge.add(d.uri);
        const mb = (d.text.length / (1024 * 1024)).toFixed(1);
        const limit = MAX_DOCUMENT_CHARS / (1024 * 1024);
        void connection.sendNotification('window/showMessage', {
          type: MessageType.Warning,
          message: locale === 'zh-cn'
            ? `${d.uri.split('/').pop() ?? d.uri} 有 ${mb} M 字符，超过 ${limit} M 的上限：不检查此文件，也不提供悬停、补全等功能。可用命令行 perf-target check 检查。`
            : `${d.uri.split('/').pop() ?? d.uri} has ${mb} M characters, above the ${limit} M limit: it is not checked and has no hovers or completion. The command line (perf-target check) can check it.`,
        });
      }
      return;
    }
    tooLarge.delete(d.uri);
    const before = workspace.get(d.uri);
    if (!before?.open && d.text.length > BACKGROUND_PARSE_CHARS) {
      // A large document opened: parse and check it in slices, answering requests meanwhile.
      background('open', openInSlices(d));
      return;
    }
    const file = workspace.set(d.uri, d.text.lines, d.version, true);
    if (before && before.open) {
      // The first line that differs is where the clerk is typing (unchanged lines are the same strings).
      const n = Math.min(before.doc.lines.length, file.doc.lines.length);
      let line = 0;
      while (line < n && before.doc.lines[line] === file.doc.lines[line]) line++;
      const change = lineChange(before.doc.lines[line], file.doc.lines[line] ?? '');
      lastEdit.set(d.uri, { line, character: change.end, change, seen: false });
      if (!focusClient) typingUntilPause(d.uri);
      schedule(d.uri);
    } else {
      validateFull(d.uri);
    }
  }

  // The open documents are kept as lines (not `TextDocuments`): an edit costs the lines it touches.
  connection.onDidOpenTextDocument(guard('open', undefined, (p) => {
    const { uri, languageId, version, text } = p.textDocument;
    const d: OpenDocument = { uri, languageId, version, text: toLineText(text) };
    documents.set(uri, d);
    changed(d);
  }));

  connection.onDidChangeTextDocument(guard('change', undefined, (p) => {
    const old = documents.get(p.textDocument.uri);
    if (!old) return;
    const d: OpenDocument = { ...old, version: p.textDocument.version, text: applyChanges(old.text, p.contentChanges) };
    documents.set(d.uri, d);
    changed(d);
  }));

  connection.onDidCloseTextDocument(guard('close', undefined, async (p) => {
    const { uri } = p.textDocument;
    documents.delete(uri);
    tooLarge.delete(uri);
    clearTimeout(fullTimers.get(uri));
    fullTimers.delete(uri);
    checked.delete(uri);
    lastEdit.delete(uri);
    typing.delete(uri);
    clearTimeout(pauseTimers.get(uri));
    pauseTimers.delete(uri);
    published.delete(uri);
    publishing.delete(uri);
    workspace.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    if (uri.startsWith('file:') && workspace.folderOf(uri)) await workspace.loadFromDisk(fileURLToPath(uri));
  }));

  connection.onNotification(FocusNotification.type, guard('focus', undefined, (p: FocusParams | null) => {
    const old = focus;
    focus = p ?? undefined;
    focusClient = true;
    if (focus) {
      const edit = lastEdit.get(focus.uri);
      if (edit) edit.seen = true;
    }
    for (const uri of new Set([old?.uri, focus?.uri])) {
      if (!uri) continue;
      const file = workspace.get(uri);
      const c = checked.get(uri);
      if (file && c && c.version === file.version && wouldChange(file)) publishInSlices(file, c);
    }
  }));

  const fileOf = (uri: string): TargetFile | undefined => workspace.get(uri);

  connection.onHover(request('hover', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file ? hover(file.doc, p.position, findingsOnLines(file, p.position.line, p.position.line), locale) : null;
  }));

  connection.onCompletion(request('completion', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file ? complete(file.doc, p.position, workspace, locale) : null;
  }));

  connection.onDocumentSymbol(requestInSlices('documentSymbol', [], (file) => documentSymbolSteps(file.doc)));

  connection.onFoldingRanges(request('foldingRange', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file ? foldingRanges(file.doc) : [];
  }));

  connection.onWorkspaceSymbol(request('workspaceSymbol', (p) => workspaceSymbols(workspace, p.query)));

  connection.onDefinition(request('definition', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file ? definition(file, p.position, workspace) : [];
  }));

  connection.onReferences(request('references', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file ? references(file, p.position, workspace, p.context.includeDeclaration) : [];
  }));

  connection.onDocumentHighlight(request('documentHighlight', (p) => {
    const file = fileOf(p.textDocument.uri);
    return file ? highlights(file, p.position) : [];
  }));

  connection.onCodeAction(requestInSlices('codeAction', [], (file, p: CodeActionParams) => {
    const folder = workspace.folderOf(file.uri);
    return codeActionSteps(findingsOnLines(file, p.range.start.line, p.range.end.line), () => checkedOf(file).result.findingSteps(), p.range, p.context.only, {
      uri: file.uri,
      doc: file.doc,
      config: configFor(file.uri),
      locale,
      ...(folder ? { folder } : {}),
      toDiagnostic: (f) => toDiagnostic(file, f),
    });
  }));

  connection.onDocumentFormatting(requestInSlices('formatting', [], (file) => formatSteps(file.doc, configFor(file.uri))));

  connection.onDocumentRangeFormatting(requestInSlices('rangeFormatting', [], (file, p: DocumentRangeFormattingParams) => formatSteps(file.doc, configFor(file.uri), p.range)));

  connection.onRequest(CheckWorkspaceRequest.type, request('checkWorkspace', (): CheckWorkspaceResult => {
    let files = 0;
    let errors = 0;
    let warnings = 0;
    for (const file of workspace.all()) {
      const result = checkedOf(file);
      publish(file, result);
      files++;
      const c = result.result.severityCounts;
      errors += c.errors;
      warnings += c.warnings;
    }
    return { files, errors, warnings };
  }));

  connection.onRequest(ExportRequest.type, request('export', (p: { readonly [K in keyof ExportParams]?: unknown } | undefined) => {
    const file = typeof p?.uri === 'string' ? fileOf(p.uri) : undefined;
    if (!file) return new ResponseError(LSPErrorCodes.RequestFailed, `not a target file: ${String(p?.uri)}`);
    return exportDocument(file.doc);
  }));

  // The table view's model (`table-model.ts`): the current version, its check's counts and findings.
  registerTableView(connection, (uri) => {
    const file = fileOf(uri);
    const c = file ? checked.get(uri) : undefined;
    const current = file && c && c.version === file.version ? c : undefined;
    return file && { uri, version: file.version, doc: file.doc, ...(current ? { count: (l: number, s: number) => current.result.count(l, s) } : {}),
      ...(current?.complete ? { totals: current.result.totals } : {}), findingsAt: (line: number) => findingsOnLines(file, line, line) };
  }, () => locale);

  connection.listen();
}
