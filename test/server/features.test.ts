import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  LSPErrorCodes,
  type CodeAction,
  type Diagnostic,
  type DocumentHighlight,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { CheckWorkspaceRequest, ExportRequest } from '../../server/src/protocol';
import { positionOf, useServer } from './harness';

const root = join(__dirname, '..', '..', '..');
const sampleText = readFileSync(join(root, 'seeds', '000_5e46737169912d50.txt'), 'utf8');

const hoverText = (h: Hover | null): string =>
  h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';

describe('language server over stdio', function () {
  this.timeout(30000);
  let dir: string;
  let uri: string;
  let first: Diagnostic[];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'perf-target-ws-'));
    writeFileSync(join(dir, 'sample.txt'), sampleText);
    writeFileSync(join(dir, 'other.jxmb'), sampleText.replace('公务用车购置（局本级）', '公务用车购置（其他单位）'));
    writeFileSync(join(dir, 'notes.txt'), 'not a table');
  });
  const server = useServer(() => ({ folders: [pathToFileURL(dir).toString()] }));
  before(async () => {
    uri = pathToFileURL(join(dir, 'sample.txt')).toString();
    first = (await server.open(uri, sampleText)).diagnostics;
  });

  it('publishes every rule’s findings on open, with codes, documentation links and related places', () => {
    const codes = new Set(first.map((d) => d.code));
    for (const rule of [
      'subtotal-mismatch',
      'code-parent-mismatch',
      'value-multiple-comparators',
      'html-residue',
      'punctuation-style',
      'cost-exceeds-budget',
    ]) {
      assert.ok(codes.has(rule), rule);
    }
    const sub = first.find((d) => d.code === 'subtotal-mismatch' && d.range.start.line === 45);
    assert.ok(sub, 'the unit off by a cent');
    assert.equal(sub.severity, 1);
    assert.match(typeof sub.message === 'string' ? sub.message : sub.message.value, /off by -0\.01 万元/);
    assert.equal(sub.relatedInformation?.length, 9);
    const href = sub.codeDescription?.href ?? '';
    assert.ok(existsSync(fileURLToPath(href)), href);
    for (const d of first) assert.equal(d.range.start.line, d.range.end.line, 'a diagnostic stays inside its row');
  });

  it('reports status for the status bar', async () => {
    // Sent right after the diagnostics, so it may still be on its way.
    const status = await server.status(uri);
    assert.equal(status.total, 67805.48);
    assert.equal(status.projects, 35);
    assert.equal(status.errors, first.filter((d) => d.severity === 1).length);
  });

  it('hovers a level-2 code with its meaning, parent and siblings', async () => {
    const pos = positionOf(sampleText, '12-质量指标', '补贴发放准确率', 1);
    const h = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: pos,
    });
    const text = hoverText(h);
    assert.match(text, /\*\*12-质量指标\*\* — Quality/);
    assert.match(text, /产品或服务应达到的标准/);
    assert.match(text, /Under：1-产出指标/);
    assert.match(text, /11 数量指标/);
  });

  it('hovers a value with how it was read', async () => {
    const pos = positionOf(sampleText, '≥4.1万人', '穗财社[2023]33号社会申办退休退管服务', 2);
    const text = hoverText(
      await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos }),
    );
    assert.match(text, /≥ at least/);
    assert.match(text, /4\.1万 = 41000/);
    assert.match(text, /\| 人 \|/);
  });

  it('hovers amounts with how they add up, and names with a summary', async () => {
    const unitPos = positionOf(sampleText, '3,483.23', '广州市天河区人才服务管理办公室');
    const unitText = hoverText(
      await server.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: unitPos,
      }),
    );
    assert.match(unitText, /the sum of its 9 projects, 3,483\.24/);
    assert.match(unitText, /off by -0\.01/);
    const namePos = positionOf(sampleText, '就业补助资金', '本项目主要用于');
    const nameText = hoverText(
      await server.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: namePos,
      }),
    );
    assert.match(nameText, /Budget：22,265\.70 万元/);
    assert.match(nameText, /Indicators：4（1-产出指标 2，2-效益指标 1，3-满意度指标 1）/);
    assert.match(nameText, /1 error\(s\)/);
  });

  it('answers positions past the end of a line or of the file', async () => {
    for (const position of [
      { line: 11, character: 99999 },
      { line: 9999, character: 0 },
      { line: 0, character: 0 },
    ]) {
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
      await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position });
    }
    assert.equal(server.process.exitCode, null);
  });

  it('outlines 合计 → units → projects → indicators, and folds by unit', async () => {
    const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0]?.name, '合计');
    assert.deepEqual(
      symbols[0]?.children?.map((u) => u.children?.length),
      [18, 3, 3, 2, 9],
    );
    assert.equal(symbols[0]?.children?.[0]?.children?.[0]?.children?.[0]?.name, '1、补贴惠及人次');
    const folds = await server.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', {
      textDocument: { uri },
    });
    assert.ok(folds.some((f) => f.startLine === 10 && f.endLine === 31));
  });

  it('finds projects across the workspace', async () => {
    const found = await server.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: '公务用车' });
    assert.ok(found.length >= 4, JSON.stringify(found.map((s) => s.name)));
    assert.ok(found.some((s) => s.location.uri.endsWith('other.jxmb')));
    assert.ok(!found.some((s) => s.location.uri.endsWith('notes.txt')));
  });

  it('goes from a derived project to its base project, and to namesakes in other files', async () => {
    const pos = positionOf(sampleText, '劳动仲裁经费（编外人员聘用经费）');
    const locations = await server.connection.sendRequest<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: pos,
    });
    const lines = locations.filter((l) => l.uri === uri).map((l) => l.range.start.line);
    assert.deepEqual(lines, [positionOf(sampleText, '劳动仲裁经费\t').line]);
    assert.ok(locations.some((l) => l.uri.endsWith('other.jxmb')));
  });

  it('finds every row that cites a policy document number, and highlights them', async () => {
    const pos = positionOf(sampleText, '穗财社[2023]33号', '薪酬调查', 3);
    const refs = await server.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: pos,
      context: { includeDeclaration: true },
    });
    assert.equal(refs.filter((r) => r.uri === uri).length, 4);
    const hl = await server.connection.sendRequest<DocumentHighlight[]>('textDocument/documentHighlight', {
      textDocument: { uri },
      position: pos,
    });
    assert.equal(hl.length, 4);
  });

  it('finds every use of an indicator name', async () => {
    const pos = positionOf(sampleText, '服务对象满意率', '人才发展培育项目支持资金', 1);
    const refs = await server.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: pos,
      context: { includeDeclaration: true },
    });
    assert.equal(
      refs.filter((r) => r.uri === uri).length,
      (sampleText.match(/；服务对象满意率；|;服务对象满意率;/g) ?? []).length,
    );
  });

  it('offers quick fixes, an ignore entry and fix-all', async () => {
    const d = first.find((x) => x.code === 'code-parent-mismatch');
    assert.ok(d);
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.title === 'Change the level-1 code to “3-满意度指标”');
    assert.ok(fix?.edit?.changes?.[uri]);
    const fixed = TextDocument.applyEdits(
      TextDocument.create(uri, 'perf-target', 1, sampleText),
      fix.edit.changes[uri] ?? [],
    );
    assert.ok(fixed.includes('4、3-满意度指标；31-服务对象满意度；服务项目满意度'));
    const ignore = actions.find((a) => a.title.startsWith('Ignore code-parent-mismatch for “人才港专项经费”'));
    const change = ignore?.edit?.documentChanges?.find((c) => 'edits' in c);
    assert.ok(change && 'edits' in change);
    assert.deepEqual(JSON.parse((change.edits[0] as TextEdit | undefined)?.newText ?? ''), {
      ignore: [{ rule: 'code-parent-mismatch', project: '人才港专项经费' }],
    });
    const all = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(all.length, 1);
    const after = TextDocument.applyEdits(
      TextDocument.create(uri, 'perf-target', 1, sampleText),
      all[0]?.edit?.changes?.[uri] ?? [],
    );
    assert.ok(!after.includes('<p>'));
    assert.ok(!/指标值:/.test(after));
  });

  it('formats idempotently without losing content', async () => {
    const edits = await server.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: false },
    });
    assert.ok(edits.length > 0);
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'perf-target', 1, sampleText), edits);
    const furi = pathToFileURL(join(dir, 'formatted.jxmb')).toString();
    await server.open(furi, formatted);
    const again = await server.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: furi },
      options: { tabSize: 4, insertSpaces: false },
    });
    assert.deepEqual(again, []);
    const content = (s: string) => s.replace(/<\/?p>/g, '').replace(/[；;：:,，\s]/g, '');
    assert.equal(content(formatted), content(sampleText));
    const range = await server.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 54, character: 0 }, end: { line: 54, character: 5 } },
      options: { tabSize: 4, insertSpaces: false },
    });
    assert.ok(range.length === 1 && range[0]?.range.start.line === 54);
  });

  it('exports the parsed model and checks the whole workspace on request', async () => {
    const model = await server.connection.sendRequest(ExportRequest.type, { uri });
    assert.equal(model.tables[0]?.units.length, 5);
    await assert.rejects(
      server.connection.sendRequest(ExportRequest.type, { uri: 'file:///nowhere.jxmb' }),
      (e: { code?: number }) => e.code === LSPErrorCodes.RequestFailed,
    );
    const other = pathToFileURL(join(dir, 'other.jxmb')).toString();
    const published = server.nextDiagnostics(other);
    const counts = await server.connection.sendRequest(CheckWorkspaceRequest.type);
    assert.equal(counts.files, 3, 'sample.txt, other.jxmb and the formatted copy; notes.txt is no table');
    assert.ok((await published).diagnostics.length > 0);
  });

  it('answers requests for documents it does not know', async () => {
    const ghost = 'file:///nowhere/ghost.jxmb';
    assert.equal(
      await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: ghost },
        position: { line: 0, character: 0 },
      }),
      null,
    );
    assert.deepEqual(
      await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: ghost } }),
      [],
    );
  });
});
