/**
 * The table view inside a real VS Code: opened beside the sample with its command, it shows the
 * projects, indicators and findings the server gives it; typing in the text changes it; a click on
 * an indicator's value selects that value in the editor; the editor's cursor selects its row.
 * What the webview draws is read through the extension's `tableViews.probe` (the page reports its
 * DOM), since the extension host cannot see into a webview; the click is a real one, made by the
 * runner's browser in the webview's frame (code-server).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  Commands,
  LANGUAGE_ID,
  TableOutlineRequest,
  TableRowsRequest,
  type TableOutlineResult,
  type TableRowsResult,
} from '../../../server/src/protocol';
import type { TableViews } from '../../../client/src/table-view';

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    last = v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A picture of the workbench taken by the runner under code-server (out/<name>); nothing elsewhere. */
async function screenshot(name: string): Promise<void> {
  const keys = process.env['PERF_TARGET_E2E_KEYS'];
  if (!keys) return;
  rmSync(`${keys}.done`, { force: true });
  writeFileSync(`${keys}.request`, JSON.stringify({ shot: name }));
  await waitFor(
    `the picture ${name}`,
    () => existsSync(`${keys}.done`) && readFileSync(`${keys}.done`, 'utf8').includes(name),
    20000,
  );
}

/** Clicks, through the runner's browser, the table view's cell showing `text`; false where no runner clicks. */
async function clickInView(text: string): Promise<boolean> {
  const keys = process.env['PERF_TARGET_E2E_KEYS'];
  if (!keys) return false;
  rmSync(`${keys}.done`, { force: true });
  writeFileSync(`${keys}.request`, JSON.stringify({ click: text }));
  await waitFor('the click', () => existsSync(`${keys}.done`) || undefined, 20000);
  const { clicked } = JSON.parse(readFileSync(`${keys}.done`, 'utf8')) as { clicked?: boolean };
  assert.ok(clicked, `the runner found the cell “${text}” in the table view`);
  return true;
}

describe('the table view in VS Code', () => {
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;
  let views: TableViews;
  let client: LanguageClient;

  /** The annual value of the first indicator of the project `name`, as the server gives it to the view. */
  async function firstAnnualValue(name: string) {
    const uri = client.code2ProtocolConverter.asUri(doc.uri);
    // By method name: this suite's bundle has its own copy of the protocol library, whose message
    // types the extension's client does not recognise as its own.
    const outline = await client.sendRequest<TableOutlineResult>(TableOutlineRequest.method, { uri });
    const index = outline.projects.findIndex((p) => p.name === name);
    const { rows } = await client.sendRequest<TableRowsResult>(TableRowsRequest.method, {
      uri,
      version: outline.version,
      from: index,
      to: index + 1,
    });
    return rows[0]?.indicators[0]?.annual;
  }

  before(async () => {
    const ext = vscode.extensions.all.find(
      (e) => (e.packageJSON as { name?: string } | undefined)?.name === 'perf-target',
    );
    assert.ok(ext);
    const exports = (await ext.activate()) as { client: LanguageClient; tableViews: TableViews };
    views = exports.tableViews;
    client = exports.client;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'sample.txt'));
    editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    await waitFor('the language', () =>
      vscode.workspace.textDocuments.find(
        (d) => d.uri.toString() === doc.uri.toString() && d.languageId === LANGUAGE_ID,
      ),
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the sample with its command and shows projects, indicators and findings', async () => {
    await vscode.commands.executeCommand(Commands.showTableViewToSide);
    const tab = await waitFor('the panel', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('perfTarget.tableView')),
    );
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'beside the text');
    const report = await waitFor('the rows drawn', async () => {
      const r = await views.probe(doc.uri);
      return r && r.indicators > 0 && r.projects.includes('就业补助资金') && (r.findings['error'] ?? 0) > 0
        ? r
        : undefined;
    });
    assert.ok(report.rendered < 200);
    assert.ok(report.messages.some((m) => m.length > 0));
  });

  it('is drawn in the light and the dark theme (the README’s pictures)', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    const workbench = vscode.workspace.getConfiguration('workbench');
    const before = workbench.inspect<string>('colorTheme')?.globalValue;
    try {
      for (const [theme, kind, name] of [
        ['Default Light Modern', vscode.ColorThemeKind.Light, 'table-view-light.png'],
        ['Default Dark Modern', vscode.ColorThemeKind.Dark, 'table-view-dark.png'],
      ] as const) {
        await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await waitFor(`the theme ${theme}`, () => vscode.window.activeColorTheme.kind === kind, 10000);
        await screenshot(name);
      }
    } finally {
      await workbench.update('colorTheme', before, vscode.ConfigurationTarget.Global);
    }
  });

  it('follows typing in the text', async () => {
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('就业补助资金\t'));
    assert.ok(line >= 0);
    await editor.edit((e) => e.insert(new vscode.Position(line, '就业补助资金'.length), '（改）'));
    await waitFor('the renamed project', async () =>
      (await views.probe(doc.uri))?.projects.includes('就业补助资金（改）'),
    );
    await vscode.commands.executeCommand('undo');
    await waitFor('the name back', async () => (await views.probe(doc.uri))?.projects.includes('就业补助资金'));
  });

  it('a click on an indicator’s value selects that value in the editor', async () => {
    const value = await firstAnnualValue('就业补助资金');
    assert.ok(value);
    // A real click in the page where the runner drives the browser (code-server); else the page's
    // own click path, through the extension (the Electron runner has no hand on the webview).
    const real = await clickInView(value.text);
    if (!real) await views.click(doc.uri, value.range);
    const visible = await waitFor('the selection', () =>
      vscode.window.visibleTextEditors.find((e) => e.document === doc && !e.selection.isEmpty),
    );
    assert.equal(visible.document.getText(visible.selection), value.text);
  });

  it('an edit in place changes only that span of the text, and undo restores it', async () => {
    const value = await firstAnnualValue('长兴大厦产权经费');
    assert.ok(value);
    const before = doc.getText();
    const range = new vscode.Range(
      value.range.start.line,
      value.range.start.character,
      value.range.end.line,
      value.range.end.character,
    );
    const edited = `${value.text}整`;
    assert.ok(await views.edit(doc.uri, value.range, value.text, edited));
    assert.equal(doc.getText(new vscode.Range(range.start, range.end.translate(0, 1))), edited);
    assert.equal(doc.getText().length, before.length + 1, 'one character inserted, nothing else');
    assert.ok(doc.isDirty);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo', () => doc.getText() === before);
  });

  it('selects the row under the editor’s cursor', async () => {
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('长兴大厦产权经费\t'));
    const shown = await vscode.window.showTextDocument(doc, {
      viewColumn: vscode.ViewColumn.One,
      preserveFocus: false,
    });
    shown.selection = new vscode.Selection(line, 2, line, 2);
    await waitFor('the selected row', async () => (await views.probe(doc.uri))?.selected?.includes('长兴大厦产权经费'));
  });

  it('reopens the text with the custom editor 绩效目标表（表格）, offered as an option', async () => {
    await vscode.commands.executeCommand('vscode.openWith', doc.uri, 'perfTarget.table', vscode.ViewColumn.One);
    await waitFor('the custom editor', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputCustom && t.input.viewType === 'perfTarget.table'),
    );
    await waitFor('its rows', async () => ((await views.probe(doc.uri))?.indicators ?? 0) > 0);
  });
});
