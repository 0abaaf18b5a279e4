/**
 * A sheet copied from Excel, with cells holding line breaks, through the real server: every
 * position, diagnostic, hover, completion, outline entry, quick fix and formatting edit lands on the
 * text it means, on the continuation lines of a row as on its first.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { CHECK_INDICATORS, excelSheet } from '../excel-sheet';
import { FocusNotification } from '../../server/src/protocol';
import { positionOf, useServer } from './harness';

const hoverText = (h: Hover | null): string =>
  h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';

describe('multi-line cells over the protocol (issue 14)', function () {
  this.timeout(30000);
  const uri = 'untitled:excel-sheet.jxmb';
  // A level-2 code under the wrong level-1, on the second line of a quoted indicator cell.
  const text = excelSheet({
    checkIndicators: CHECK_INDICATORS.map((l) => l.replace('2-效益指标；22-社会效益', '2-效益指标；12-质量指标')),
  });
  const doc = TextDocument.create(uri, 'perf-target', 1, text);
  let diagnostics: Diagnostic[];
  const server = useServer();

  before(async () => {
    diagnostics = (await server.open(uri, text)).diagnostics;
  });

  it('publishes findings on the exact text of a continuation line, and nothing false', () => {
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), [
      'code-parent-mismatch',
      'multi-line-cell',
      'multi-line-cell',
    ]);
    const wrong = diagnostics.find((d) => d.code === 'code-parent-mismatch');
    assert.ok(wrong);
    assert.equal(doc.getText(wrong.range), '12-质量指标');
    assert.equal(wrong.range.start.line, 8);
    const notes = diagnostics.filter((d) => d.code === 'multi-line-cell');
    assert.deepEqual(
      notes.map((d) => [d.range.start.line, d.range.end.line]),
      [
        [5, 6],
        [7, 9],
      ],
    );
  });

  it('hovers a code on a continuation line', async () => {
    const position = positionOf(text, '31-服务对象满意度', '企业满意度', 1);
    assert.equal(position.line, 9);
    const h = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position,
    });
    assert.match(hoverText(h), /\*\*31-服务对象满意度\*\*/);
    assert.equal(h?.range && doc.getText(h.range), '31-服务对象满意度');
  });

  it('completes on a continuation line, editing the text there', async () => {
    // Right after `3、` on the third line of the cell: the other level-1 classes, replacing this one.
    const position = positionOf(text, '3-满意度指标；31', '企业满意度');
    const list = await server.connection.sendRequest<CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position,
    });
    const item = list?.items.find((i) => i.label === '1-产出指标');
    assert.ok(item, JSON.stringify(list?.items.map((i) => i.label)));
    const edit = item.textEdit;
    assert.ok(edit && 'range' in edit);
    assert.equal(edit.range.start.line, 9);
    assert.equal(doc.getText(edit.range), '3-满意度指标');
  });

  it('outlines the project over its lines', async () => {
    const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    const project = symbols[0]?.children?.[0]?.children?.[1];
    assert.equal(project?.name, '"双随机"检查经费');
    assert.deepEqual([project?.range.start.line, project?.range.end.line], [7, 9]);
    const indicator = project?.children?.[1];
    assert.ok(indicator);
    assert.equal(doc.getText(indicator.selectionRange), '企业合规率');
  });

  it('quick-fixes on a continuation line and joins a cell’s lines on request', async () => {
    const wrong = diagnostics.find((d) => d.code === 'code-parent-mismatch');
    assert.ok(wrong);
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: wrong.range,
      context: { diagnostics: [wrong] },
    });
    const fix = actions.find(
      (a) =>
        a.edit?.changes?.[uri] && a.diagnostics?.[0]?.code === 'code-parent-mismatch' && !a.title.startsWith('Ignore'),
    );
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const fixed = TextDocument.applyEdits(doc, fix.edit?.changes?.[uri] ?? []);
    // Rows end with CRLF, a cell's lines with LF: the quoted cell's second line.
    const fixedLine = fixed.split('\r\n')[6]?.split('\n')[1] ?? '';
    assert.ok(fixedLine.startsWith('2、1-产出指标；12-质量指标；企业合规率'), fixedLine);

    const note = diagnostics.find((d) => d.code === 'multi-line-cell' && d.range.start.line === 5);
    assert.ok(note);
    const join = (
      await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } },
        context: { diagnostics: [note] },
      })
    ).find((a) => a.title.startsWith('Join onto one line'));
    assert.ok(join);
    const joined = TextDocument.applyEdits(doc, join.edit?.changes?.[uri] ?? []);
    assert.ok(joined.includes('\t开展职业技能培训，促进就业。\t1、'), 'the goal on one line, without quotes');
    assert.equal(joined.split('\r\n').length, text.split('\r\n').length);
  });

  it('formats a continuation line in place and types on it with exact diagnostics', async () => {
    const half = text
      .replace('22-社会效益；企业合规率', '22-社会效益;企业合规率')
      .replace('31-服务对象满意度；企业满意度', '31-服务对象满意度;企业满意度');
    const halfUri = 'untitled:excel-half.jxmb';
    await server.open(halfUri, half);
    const edits = await server.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: halfUri },
      options: { tabSize: 4, insertSpaces: false },
    });
    assert.ok(
      edits.every((e) => e.range.start.line >= 8 && e.range.end.line <= 9),
      JSON.stringify(edits),
    );
    const formatted = TextDocument.applyEdits(TextDocument.create(halfUri, 'perf-target', 1, half), edits);
    assert.equal(formatted, half.replace(/;(?=企业)/g, '；'));

    // Typing on the last line of the cell: the annual `≥85%` becomes `≥185%`; the cursor then leaves.
    const at = positionOf(text, '≥85%。', '企业满意度', 1);
    const published = server.nextDiagnostics(
      uri,
      (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'percent-out-of-range'),
    );
    server.change(uri, 2, [{ range: { start: at, end: at }, text: '1' }]);
    await server.connection.sendNotification(FocusNotification.type, { uri, line: 3, character: 0 });
    const after = (await published).diagnostics;
    const doc2 = TextDocument.create(
      uri,
      'perf-target',
      2,
      TextDocument.applyEdits(doc, [{ range: { start: at, end: at }, newText: '1' }]),
    );
    const percent = after.find((d) => d.code === 'percent-out-of-range');
    assert.ok(percent);
    assert.equal(percent.range.start.line, 9);
    assert.match(doc2.getText(percent.range), /185%/);
    for (const d of after) assert.ok(doc2.getText(d.range).length > 0, `${String(d.code)} covers text`);
    const wrong = after.find((d) => d.code === 'code-parent-mismatch');
    assert.equal(wrong && doc2.getText(wrong.range), '12-质量指标', 'the other line’s finding stays put');
  });
});
