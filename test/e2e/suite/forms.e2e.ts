/**
 * An application form (one row per indicator) inside a real VS Code: a .txt form is detected, its
 * findings are published at their cells with no seven-column flood, level names are explained on
 * hover, level-2 names complete under the row's level-1 class, and the outline shows the form.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../../server/src/protocol';

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

function cellAt(doc: vscode.TextDocument, line: number, text: string): vscode.Position {
  const at = doc.lineAt(line).text.indexOf(text);
  assert.ok(at >= 0, `${text} on line ${line + 1}`);
  return new vscode.Position(line, at + 1);
}

describe('An application form in VS Code (issue 18)', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'form.txt'));
    await vscode.window.showTextDocument(doc);
    await waitFor('the form switched to the language', () =>
      vscode.workspace.textDocuments.find(
        (d) => d.uri.toString() === doc.uri.toString() && d.languageId === LANGUAGE_ID,
      ),
    );
  });

  it('publishes the form’s findings at their cells, and no seven-column finding', async () => {
    const diagnostics = await waitFor('the form’s diagnostics', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.some((x) => codeOf(x) === 'code-parent-mismatch') ? d : undefined;
    });
    const codes = new Set(diagnostics.map(codeOf));
    for (const rule of ['code-parent-mismatch', 'value-missing', 'unit-column', 'value-is-period'])
      assert.ok(codes.has(rule), rule);
    for (const rule of ['row-columns', 'indicator-syntax', 'empty-goal']) assert.ok(!codes.has(rule), rule);
    const unit = diagnostics.find((d) => codeOf(d) === 'unit-column');
    assert.ok(unit);
    assert.equal(doc.getText(unit.range), 'M');
  });

  it('explains a level name on hover', async () => {
    const line = doc
      .getText()
      .split(/\r?\n/)
      .findIndex((l) => l.includes('数量指标'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      cellAt(doc, line, '数量指标'),
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
      .join('\n');
    assert.match(text, /计划提供的产品或服务的数量/);
  });

  it('completes level-2 names under the row’s level-1 class', async () => {
    const line = doc
      .getText()
      .split(/\r?\n/)
      .findIndex((l) => l.includes('社会效益指标'));
    const edit = new vscode.WorkspaceEdit();
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    edit.insert(doc.uri, end, '\n\t效益指标\t');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      doc.lineAt(doc.lineCount - 1).range.end,
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(
      labels.some((l) => l.includes('社会效益')),
      labels.join(' '),
    );
    assert.ok(!labels.some((l) => l.includes('数量指标')), labels.join(' '));
    assert.ok(line >= 0);
    await vscode.commands.executeCommand('undo');
  });

  it('outlines the form: project → classes → indicators', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    );
    const names = (s: readonly vscode.DocumentSymbol[]): string[] => s.flatMap((x) => [x.name, ...names(x.children)]);
    const all = names(symbols);
    assert.ok(
      all.some((n) => n.includes('雾炮车降尘抑尘服务')),
      all.join(' | '),
    );
    assert.ok(all.includes('产出指标') || all.some((n) => n.startsWith('产出指标')), all.join(' | '));
    assert.ok(
      all.some((n) => n.includes('雾炮车风炮射程')),
      all.join(' | '),
    );
  });
});
