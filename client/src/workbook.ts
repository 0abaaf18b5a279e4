/**
 * Excel workbooks in VS Code (issue 17): *Open as Target Table* reads an .xlsx into a new document
 * of the target-table language (saved beside the workbook as a .jxmb), and *Save as Excel
 * Workbook…* writes the active target table as an .xlsx. The conversion is `server/src/workbook`'s,
 * loaded on first use (it brings the parser along, which activation need not load); files are read
 * and written through `vscode.workspace.fs`, so virtual workspaces work too.
 */
import * as vscode from 'vscode';
import { localize, toLocale, type Bilingual } from '../../server/src/i18n';
import { Commands, LANGUAGE_ID } from '../../server/src/protocol';
import type * as Table from '../../server/src/workbook/table';

const say = (text: Bilingual): string => localize(text, toLocale(vscode.env.language));

/** The workbook module, loaded once, when a command first needs it. */
const conversion = (): Promise<typeof Table> => import('../../server/src/workbook/table');

/** The workbook to open: the Explorer's or editor's resource, else the active editor's .xlsx, else one chosen. */
async function workbookUri(resource: unknown): Promise<vscode.Uri | undefined> {
  if (resource instanceof vscode.Uri && /\.xlsx$/i.test(resource.path)) return resource;
  const active =
    vscode.window.activeTextEditor?.document.uri ?? vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const activeUri = active instanceof vscode.Uri ? active : (active as { uri?: unknown } | undefined)?.uri;
  if (activeUri instanceof vscode.Uri && /\.xlsx$/i.test(activeUri.path)) return activeUri;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { [vscode.l10n.t('Excel workbooks')]: ['xlsx'] },
    openLabel: vscode.l10n.t('Open as Target Table'),
  });
  return picked?.[0];
}

async function openAsTargetTable(resource: unknown): Promise<void> {
  const uri = await workbookUri(resource);
  if (!uri) return;
  const { importWorkbook } = await conversion();
  const result = importWorkbook(await vscode.workspace.fs.readFile(uri));
  if (!result.ok) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Cannot open {0}: {1}', uri.path.split('/').pop() ?? '', say(result.message)),
    );
    return;
  }
  // Untitled, but bound to the .jxmb beside the workbook: saving writes it there.
  const target = uri.with({ scheme: 'untitled', path: uri.path.replace(/\.xlsx$/i, '.jxmb') });
  const doc = await vscode.workspace.openTextDocument(target);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(target, new vscode.Range(0, 0, doc.lineCount, 0), result.value.text);
  await vscode.workspace.applyEdit(edit);
  await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  await vscode.window.showTextDocument(doc);
  const notes = result.value.notes.map(say);
  if (notes.length > 0)
    void vscode.window.showInformationMessage(notes.slice(0, 3).join(' · ') + (notes.length > 3 ? ' …' : ''));
}

/** Writes the target table `resource` (else the active editor's) as a workbook at `target`, else where the clerk chooses. */
async function saveAsWorkbook(resource: unknown, target?: unknown): Promise<void> {
  const doc =
    resource instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(resource)
      : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a target table first.'));
    return;
  }
  const name = doc.uri.path.replace(/\.[^./]*$/, '') || 'target';
  // A caller (a task, a test) may name the workbook; the clerk otherwise chooses it.
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          defaultUri: doc.uri.with({ scheme: doc.isUntitled ? 'file' : doc.uri.scheme, path: `${name}.xlsx` }),
          filters: { [vscode.l10n.t('Excel workbooks')]: ['xlsx'] },
          saveLabel: vscode.l10n.t('Save as Excel Workbook'),
        });
  if (!uri) return;
  const { exportWorkbook } = await conversion();
  await vscode.workspace.fs.writeFile(uri, exportWorkbook(doc.getText()));
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', uri.path.split('/').pop() ?? ''));
}

/** Registers the workbook commands (one line in `extension.ts`). */
export function registerWorkbookCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openWorkbook, (resource: unknown) => openAsTargetTable(resource)),
    vscode.commands.registerCommand(Commands.saveAsWorkbook, (resource: unknown, target: unknown) =>
      saveAsWorkbook(resource, target),
    ),
  );
}
