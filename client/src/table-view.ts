/**
 * The table view in VS Code: a webview beside the text (*Open Table View to the Side*, *Open Table
 * View*) or in its place (*Reopen With… → 绩效目标表（表格）*, a custom text editor offered as an
 * option), drawn by `webview/table-view.ts` from the server's `perfTarget/tableOutline` and
 * `perfTarget/tableRows`, which this module asks for and passes on. The text document stays the
 * source of truth: the view follows its changes and diagnostics, and its cursor both ways.
 */
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { childrenOf, level1Codes } from '../../server/src/catalogue';
import {
  Commands,
  LANGUAGE_ID,
  patchedProjects,
  TableOutlineRequest,
  TableRowsRequest,
  type TableOutlineResult,
} from '../../server/src/protocol';
import type {
  CodeChoices,
  FromView,
  Range,
  ToView,
  ViewReport,
  ViewSettings,
  ViewState,
  ViewStrings,
} from './table-messages';

/** The webview panel's type (for restoring it after a restart) and the custom editor's. */
export const TABLE_PANEL_TYPE = 'perfTarget.tableView';
export const TABLE_EDITOR_TYPE = 'perfTarget.table';

/** How long the view waits after a change before asking the server again. */
const UPDATE_DELAY_MS = 120;

function strings(): ViewStrings {
  const t = vscode.l10n.t;
  return {
    columns: [t('Project (unit)'), t('Total'), t('Fiscal allocation'), t('Special account'), t('Other funds')],
    indicatorColumns: [
      t('No.'),
      t('Level 1'),
      t('Level 2'),
      t('Indicator'),
      t('Whole-period value'),
      t('Annual value'),
    ],
    goal: t('Goal'),
    total: t('Total'),
    summary: t('{0} projects · {1} indicators · {2} errors · {3} warnings · {4} notes'),
    onlyFindings: t('Only rows with findings'),
    unit: t('Money unit: '),
    department: t('Department: '),
    year: t('Budget year: '),
    difference: t('Off by'),
    share: t('{0} of its unit’s total'),
    loading: t('Loading…'),
    empty: t('Not a target table.'),
    expand: t('Expand'),
    collapse: t('Collapse'),
    errors: t('errors'),
    warnings: t('warnings'),
    notes: t('notes'),
    unitNotStated: t('(not stated: read as 万元)'),
    form: {
      columns: {
        level1: t('Level 1'),
        level2: t('Level 2'),
        name: t('Level 3'),
        nature: t('Nature'),
        direction: t('Direction'),
        comparator: t('Comparator'),
        value: t('Value'),
        period: t('Whole-period value'),
        annual: t('Annual value'),
        unit: t('Unit'),
        weight: t('Weight'),
        standard: t('Standard'),
        explanation: t('Explanation'),
        note: t('Note'),
      },
      department: t('Budget unit'),
      period: t('Implementation period'),
      periodGoal: t('Whole-period goal'),
      annualGoal: t('Annual goal'),
      goal: t('Goal'),
      carried: t('Merged cell: written on line {0}'),
    },
  };
}

/** The catalogue's codes as a clerk writes them (`1-产出指标`), level 2 under each level-1 code. */
function codeChoices(): CodeChoices {
  const level1 = level1Codes();
  return {
    level1: level1.map((c) => `${c.code}-${c.name}`),
    level2: Object.fromEntries(level1.map((c) => [c.code, childrenOf(c.code).map((k) => `${k.code}-${k.name}`)])),
  };
}

/**
 * The smallest edit that writes `text` where `old` was shown at `range`: the common prefix and suffix
 * stay. A tab or line break would split the row, so each becomes a space; in a cell Excel quoted
 * (its text written with doubled quotes), a quote is doubled. Undefined when nothing changes.
 */
export function smallestEdit(
  document: vscode.TextDocument,
  range: vscode.Range,
  old: string,
  text: string,
): vscode.TextEdit | undefined {
  const written = document.getText(range);
  let next = text.replace(/[\t\r\n]+/g, ' ');
  if (written !== old && written === old.replace(/"/g, '""')) next = next.replace(/"/g, '""');
  let s = 0;
  while (s < written.length && s < next.length && written.charCodeAt(s) === next.charCodeAt(s)) s++;
  let e = 0;
  while (
    e < written.length - s &&
    e < next.length - s &&
    written.charCodeAt(written.length - 1 - e) === next.charCodeAt(next.length - 1 - e)
  )
    e++;
  if (s === written.length && s === next.length) return undefined;
  const start = document.positionAt(document.offsetAt(range.start) + s);
  const end = document.positionAt(document.offsetAt(range.end) - e);
  return vscode.TextEdit.replace(new vscode.Range(start, end), next.slice(s, next.length - e));
}

function settings(uri: vscode.Uri): ViewSettings {
  const c = vscode.workspace.getConfiguration('perfTarget.tableView', uri);
  return {
    scrollViewWithEditor: c.get<boolean>('scrollViewWithEditor', true),
    scrollEditorWithView: c.get<boolean>('scrollEditorWithView', true),
  };
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

function webviewOptions(extension: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableForms: false, localResourceRoots: [vscode.Uri.joinPath(extension, 'dist')] };
}

/** The page: a strict policy (scripts only with the nonce, nothing remote, no forms). */
function html(webview: vscode.Webview, extension: vscode.Uri): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extension, 'dist', 'table-view.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extension, 'dist', 'table-view-style.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${vscode.l10n.t('Table View')}</title>
</head>
<body>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** One view of one document: passes the server's model to the page and the page's clicks to the editor. */
class TableView implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private asking = false;
  private again = false;
  private lastOutline: { readonly type: 'outline'; readonly outline: TableOutlineResult } | undefined;
  /** The selection this view set last: its echo from the editor is not sent back. */
  private revealed: string | undefined;
  private ready = false;
  private readonly probes: Array<(r: ViewReport) => void> = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly document: vscode.TextDocument,
    private readonly client: () => LanguageClient | undefined,
    extension: vscode.Uri,
    private readonly onDispose: () => void,
  ) {
    panel.webview.options = webviewOptions(extension);
    panel.webview.html = html(panel.webview, extension);
    const uri = document.uri.toString();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromView) => this.received(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri && e.contentChanges.length > 0) this.update();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri)) this.update();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === uri) this.cursor(e.textEditor.selection);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('perfTarget.tableView', document.uri))
          this.post({ type: 'settings', settings: settings(document.uri) });
      }),
    );
  }

  private post(m: ToView): void {
    if (this.ready || m.type === 'init') void this.panel.webview.postMessage(m);
  }

  private protocolUri(): string | undefined {
    return this.client()?.code2ProtocolConverter.asUri(this.document.uri);
  }

  private received(m: FromView): void {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post({
          type: 'init',
          strings: strings(),
          settings: settings(this.document.uri),
          locale: vscode.env.language,
          codes: codeChoices(),
        });
        if (this.lastOutline) this.post(this.lastOutline);
        void this.ask();
        break;
      case 'rows':
        void this.rows(m.version, m.from, m.to);
        break;
      case 'reveal':
        void this.reveal(m.range);
        break;
      case 'probe':
        for (const resolve of this.probes.splice(0)) resolve(m.report);
        break;
      case 'edit':
        void this.edit(m.version, m.range, m.old, m.text);
        break;
      case 'fixes':
        void this.fixes(m.range);
        break;
    }
  }

  /**
   * An edit in place: applied to the text document (so undo, redo, dirtiness and the checks are the
   * text's), only when the document is still the version the view showed.
   */
  async edit(version: number, r: Range, old: string, text: string): Promise<boolean> {
    if (version !== this.document.version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The text changed meanwhile: the edit was not applied.'));
      this.update();
      return false;
    }
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const edit = smallestEdit(this.document, range, old, text);
    if (!edit) return true;
    const w = new vscode.WorkspaceEdit();
    w.set(this.document.uri, [edit]);
    return vscode.workspace.applyEdit(w);
  }

  /** The quick fixes of the findings at a cell, as the editor's light bulb offers them: chosen, then applied. */
  private async fixes(r: Range): Promise<void> {
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      this.document.uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const offered = (actions ?? []).filter((a) => a.edit || a.command);
    if (offered.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No quick fix here.'));
      return;
    }
    const chosen = await vscode.window.showQuickPick(
      offered.map((a) => ({ label: a.title, action: a })),
      { placeHolder: vscode.l10n.t('Quick fixes') },
    );
    if (!chosen) return;
    if (chosen.action.edit) await vscode.workspace.applyEdit(chosen.action.edit);
    const command = chosen.action.command;
    if (command) await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
  }

  /** What the page shows (undefined when it does not answer within a second: hidden, or loading). */
  probe(): Promise<ViewReport | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), 1000);
      this.probes.push((r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.post({ type: 'probe' });
    });
  }

  /** As a click on a cell of this range does. */
  click(range: Range): Promise<void> {
    return this.reveal(range);
  }

  /** After a change of the text or its diagnostics: the outline again, once typing pauses a little. */
  update(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.ask(), UPDATE_DELAY_MS);
  }

  private async ask(): Promise<void> {
    const client = this.client();
    const uri = this.protocolUri();
    if (!client || !uri) return;
    if (this.asking) {
      this.again = true;
      return;
    }
    this.asking = true;
    try {
      // After the first, only what changed since the outline at hand (the server answers a patch).
      const held = this.lastOutline?.outline;
      const answer = await client.sendRequest(TableOutlineRequest.type, held ? { uri, since: held.version } : { uri });
      const projects = answer.patch
        ? held
          ? patchedProjects(held.projects, answer.patch)
          : undefined
        : answer.projects;
      if (!projects) {
        // A patch against another outline than this one: ask for the whole.
        this.lastOutline = undefined;
        this.again = true;
        return;
      }
      // The page gets the outline whole (its projects patched here), never the patch.
      const outline = { ...answer, projects };
      delete outline.patch;
      this.lastOutline = { type: 'outline', outline };
      this.post(this.lastOutline);
    } catch (e) {
      // The document changed meanwhile (ContentModified): ask again. No target table (yet): the
      // page says so, and the next change or publish of its diagnostics asks again.
      if (e instanceof ResponseError && e.code === LSPErrorCodes.RequestFailed) {
        this.lastOutline = undefined;
        this.post({ type: 'empty' });
      } else if (e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified) {
        this.again = true;
      }
    } finally {
      this.asking = false;
      if (this.again) {
        this.again = false;
        this.update();
      }
    }
  }

  private async rows(version: number, from: number, to: number): Promise<void> {
    const client = this.client();
    const uri = this.protocolUri();
    if (!client || !uri) return;
    try {
      const r = await client.sendRequest(TableRowsRequest.type, { uri, version, from, to });
      this.post({ type: 'rows', version: r.version, rows: r.rows });
    } catch {
      // Another version: the outline that follows asks again.
      this.update();
    }
  }

  private cursor(selection: vscode.Selection): void {
    const key = `${selection.start.line}:${selection.start.character}:${selection.end.line}:${selection.end.character}`;
    if (key === this.revealed) {
      this.revealed = undefined;
      return;
    }
    if (!settings(this.document.uri).scrollViewWithEditor) return;
    this.post({ type: 'cursor', line: selection.active.line, character: selection.active.character });
  }

  /** A click on a cell: its exact text selected and revealed in the text editor (opened beside when none shows it). */
  private async reveal(r: {
    readonly start: { readonly line: number; readonly character: number };
    readonly end: { readonly line: number; readonly character: number };
  }): Promise<void> {
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    this.revealed = `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
    const visible = vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.toString() === this.document.uri.toString(),
    );
    if (visible) {
      visible.selection = new vscode.Selection(range.start, range.end);
      visible.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return;
    }
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(this.document, { viewColumn: column, selection: range, preserveFocus: true });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

/** The views open beside text editors, by document. */
const panels = new Map<string, TableView>();
/** Every view (beside or in place), by document. */
const views = new Map<string, TableView>();

/** What the extension exports of its table views (the end-to-end suite reads it). */
export interface TableViews {
  /** What the view of a document shows; undefined without one. */
  probe(uri: vscode.Uri): Promise<ViewReport | undefined>;
  /** Does what a click on a cell of `range` in the document's view does. */
  click(uri: vscode.Uri, range: Range): Promise<void>;
  /** Does what an edit in place of the part showing `old` at `range` does (false when not applied). */
  edit(uri: vscode.Uri, range: Range, old: string, text: string): Promise<boolean>;
}

/** The active target document: the active text editor's, else the one the active view shows. */
function activeDocument(): vscode.TextDocument | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === LANGUAGE_ID) return editor.document;
  return [...panels.values()].find((v) => v.panel.active)?.document;
}

function title(document: vscode.TextDocument): string {
  return vscode.l10n.t('Table: {0}', document.uri.path.split('/').pop() ?? '');
}

/** Registers the commands, the panel's restoring after a restart, and the custom editor. */
export function registerTableView(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
): TableViews {
  const extension = context.extensionUri;

  const attach = (panel: vscode.WebviewPanel, document: vscode.TextDocument): TableView => {
    const key = document.uri.toString();
    panel.title = title(document);
    const view = new TableView(panel, document, client, extension, () => {
      if (panels.get(key) === view) panels.delete(key);
      if (views.get(key) === view) views.delete(key);
    });
    panels.set(key, view);
    views.set(key, view);
    return view;
  };

  const open = (column: vscode.ViewColumn, preserveFocus: boolean) => () => {
    const document = activeDocument();
    if (!document) return;
    const existing = panels.get(document.uri.toString());
    if (existing) {
      existing.panel.reveal(column, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      TABLE_PANEL_TYPE,
      title(document),
      { viewColumn: column, preserveFocus },
      webviewOptions(extension),
    );
    attach(panel, document);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showTableViewToSide, open(vscode.ViewColumn.Beside, true)),
    vscode.commands.registerCommand(Commands.showTableView, open(vscode.ViewColumn.Active, false)),
    vscode.window.registerWebviewPanelSerializer(TABLE_PANEL_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const uri = (state as Partial<ViewState> | undefined)?.uri;
        if (typeof uri !== 'string') {
          panel.dispose();
          return;
        }
        attach(panel, await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
      },
    }),
    vscode.window.registerCustomEditorProvider(
      TABLE_EDITOR_TYPE,
      {
        resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel) {
          const key = document.uri.toString();
          const view = new TableView(panel, document, client, extension, () => {
            if (views.get(key) === view) views.delete(key);
          });
          views.set(key, view);
        },
      },
      { webviewOptions: { retainContextWhenHidden: false } },
    ),
    {
      dispose: () => {
        for (const v of [...views.values()]) v.dispose();
      },
    },
  );
  return {
    probe: async (uri) => views.get(uri.toString())?.probe(),
    click: async (uri, range) => views.get(uri.toString())?.click(range),
    edit: async (uri, range, old, text) => {
      const view = views.get(uri.toString());
      return view ? view.edit(view.document.version, range, old, text) : false;
    },
  };
}
