/**
 * The VS Code side: starts the bundled language server over stdio, recognises target tables opened
 * as .txt/.tsv, shows the active file's totals in the status bar, sends the cursor for focus mode,
 * and contributes the commands. Everything else is the server's.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { looksLikeTargetTable } from '../../server/src/decode';
import {
  CheckWorkspaceRequest,
  Commands,
  ExportRequest,
  FIX_ALL_KIND,
  FocusNotification,
  LANGUAGE_ID,
  StatusNotification,
  type FocusParams,
  type InitializationOptions,
  type StatusParams,
} from '../../server/src/protocol';
import { registerTableView, type TableViews } from './table-view';
import { registerWorkbookCommands } from './workbook';

/** The server's fix-all kind (`source.fixAll.perfTarget`) as VS Code's kind, to match the actions offered. */
const fixAllKind = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND);

let client: LanguageClient | undefined;

/** Switches a .txt/.tsv document holding a target table to the target-table language. */
async function detect(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId === LANGUAGE_ID || !/\.(txt|tsv)$/i.test(doc.uri.path)) return;
  if (!vscode.workspace.getConfiguration('perfTarget', doc.uri).get<boolean>('detectTargetTables', true)) return;
  const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 20), 0));
  if (looksLikeTargetTable(head)) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

function formatWan(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The language client of the bundled server, over stdio. */
function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // Stdio, not Node's IPC channel: the server reads and writes stdio messages piece by piece
  // (`server/src/lsp/stream-reader.ts`, `stream-writer.ts`), where the IPC channel makes one string of
  // every message; it is also the transport the benchmark measures.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: ['--nolazy', '--inspect=6011'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel: output,
    initializationOptions: {
      locale: vscode.env.language,
      docsRoot: context.asAbsolutePath('docs/rules'),
    } satisfies InitializationOptions,
    synchronize: { configurationSection: 'perfTarget' },
  };
  return new LanguageClient('perfTarget', vscode.l10n.t('Performance Targets'), serverOptions, clientOptions);
}

/** Status bar: the active target file's total, projects and findings; a click opens Problems. */
function createStatus(context: vscode.ExtensionContext): { show: () => void; set: (s: StatusParams) => void } {
  const status = vscode.window.createStatusBarItem('perfTarget.status', vscode.StatusBarAlignment.Left, 100);
  status.name = vscode.l10n.t('Performance Targets');
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status);
  const statuses = new Map<string, StatusParams>();
  const show = () => {
    const editor = vscode.window.activeTextEditor;
    const s =
      editor && editor.document.languageId === LANGUAGE_ID ? statuses.get(editor.document.uri.toString()) : undefined;
    if (!s) {
      status.hide();
      return;
    }
    const total = s.total === null ? '—' : formatWan(s.total);
    status.text = vscode.l10n.t(
      '$(symbol-numeric) {0} 万元 · {1} projects · $(error) {2} $(warning) {3}',
      total,
      s.projects,
      s.errors,
      s.warnings,
    );
    status.tooltip = vscode.l10n.t(
      'Total, projects and findings of this target table. Click to open the Problems view.',
    );
    status.show();
  };
  return {
    show,
    set: (s) => {
      statuses.set(s.uri, s);
      show();
    },
  };
}

/** Focus mode: the server holds back findings of the cell or indicator under the cursor while it is typed. */
function focusSender(): (editor: vscode.TextEditor | undefined) => void {
  let lastFocus = '';
  return (editor) => {
    if (!client?.isRunning()) return;
    const enabled = vscode.workspace.getConfiguration('perfTarget').get<boolean>('focusMode', true);
    const params: FocusParams | null =
      editor && enabled && editor.document.languageId === LANGUAGE_ID
        ? {
            uri: editor.document.uri.toString(),
            line: editor.selection.active.line,
            character: editor.selection.active.character,
          }
        : null;
    const key = JSON.stringify(params);
    if (key === lastFocus) return;
    lastFocus = key;
    void client.sendNotification(FocusNotification.type, params);
  };
}

/** The palette's commands that ask the server: check the workspace, fix all, format, copy as JSON. */
function registerServerCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.checkWorkspace, async () => {
      if (!client) return;
      const r = await client.sendRequest(CheckWorkspaceRequest.type);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Checked {0} target file(s): {1} error(s), {2} warning(s).', r.files, r.errors, r.warnings),
      );
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand(Commands.fixAll, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
      const doc = editor.document;
      const whole = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        whole,
        fixAllKind.value,
      );
      const edit = actions?.find((a) => a.kind && fixAllKind.contains(a.kind))?.edit;
      if (edit) await vscode.workspace.applyEdit(edit);
      else void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix safely.'));
    }),
    vscode.commands.registerCommand(Commands.format, () =>
      vscode.commands.executeCommand('editor.action.formatDocument'),
    ),
    vscode.commands.registerCommand(Commands.copyAsJson, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client || !editor || editor.document.languageId !== LANGUAGE_ID) return;
      const model = await client.sendRequest(ExportRequest.type, { uri: editor.document.uri.toString() });
      await vscode.env.clipboard.writeText(JSON.stringify(model, null, 2));
      void vscode.window.showInformationMessage(vscode.l10n.t('The parsed table was copied as JSON.'));
    }),
  );
}

export async function activate(
  context: vscode.ExtensionContext,
): Promise<{ client: LanguageClient; activationMs: number; tableViews: TableViews }> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Performance Targets'), { log: true });
  context.subscriptions.push(output);
  const languageClient = createClient(context, output);
  client = languageClient;
  const status = createStatus(context);
  const sendFocus = focusSender();

  registerWorkbookCommands(context);
  registerServerCommands(context);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void detect(d)),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      status.show();
      sendFocus(e);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => sendFocus(e.textEditor)),
  );
  const tableViews = registerTableView(context, () => client);

  await languageClient.start();
  context.subscriptions.push(languageClient.onNotification(StatusNotification.type, status.set));
  for (const d of vscode.workspace.textDocuments) await detect(d);
  status.show();
  sendFocus(vscode.window.activeTextEditor);
  const activationMs = Date.now() - started;
  output.info(vscode.l10n.t('Activated in {0} ms.', activationMs));
  return { client: languageClient, activationMs, tableViews };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
