import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { checkDocument, checkText } from '../server/src/check';
import { DEFAULT_CONFIG } from '../server/src/config';
import { exportDocument } from '../server/src/export';
import { formatDocument } from '../server/src/lsp/formatting';
import { documentSymbols, foldingRanges } from '../server/src/lsp/symbols';
import { GOOD_INDICATORS, projectRow, unitRow } from '../server/src/rules/examples';
import {
  cellValue,
  isQuotedCell,
  lastLineOf,
  MAX_ROW_LINES,
  offsetIn,
  parseDocument,
  placeOf,
  positionIn,
  RowCache,
  rowExtent,
  type TargetDocument,
} from '../server/src/syntax/document';
import { CHECK_INDICATORS, excelSheet } from './excel-sheet';
import { textAt } from './helpers';
import { positionOf } from './server/harness';
import { TextDocument } from 'vscode-languageserver-textdocument';

describe('a cell copied from Excel with line breaks', () => {
  for (const eol of ['\r\n', '\n']) {
    describe(`rows ended by ${JSON.stringify(eol)}`, () => {
      const text = excelSheet({ eol });
      const doc = parseDocument(text);

      it('is one cell of one row spanning its lines', () => {
        const t = doc.tables[0];
        assert.ok(t);
        assert.equal(doc.tables.length, 1);
        assert.equal(t.title, '项目支出绩效目标表');
        assert.equal(t.department, '广州市某区某局');
        assert.deepEqual(
          t.projects.map((p) => [p.line, lastLineOf(p)]),
          [
            [5, 6],
            [7, 9],
            [10, 10],
          ],
        );
        const [first, second] = t.projects;
        assert.equal(first?.row.goal?.text, '开展职业技能培训，\n促进就业。');
        assert.equal(second?.row.indicators?.indicators.length, 3);
        assert.deepEqual(
          second?.row.indicators?.indicators.map((i) => i.name?.text),
          ['检查企业数', '企业合规率', '企业满意度'],
        );
        // Every line of the row answers the row.
        for (let line = 7; line <= 9; line++) assert.equal(doc.rows[line], second);
        assert.equal(t.endLine, 10);
      });

      it('reads quotes that Excel doubled as one', () => {
        const name = doc.tables[0]?.projects[1]?.row.name;
        assert.ok(name);
        assert.equal(name.text, '""双随机""检查经费', 'offsets stay the row’s');
        assert.equal(cellValue(name), '"双随机"检查经费');
        const model = exportDocument(doc);
        assert.equal(model.tables[0]?.units[0]?.projects[1]?.name, '"双随机"检查经费');
        assert.equal(model.tables[0]?.units[0]?.projects[0]?.goal, '开展职业技能培训，\n促进就业。');
      });

      it('gives no false finding: only a note per multi-line cell', () => {
        const found = checkDocument(doc);
        assert.deepEqual(
          found.map((f) => [f.rule, f.severity, f.line]),
          [
            ['multi-line-cell', 'information', 5],
            ['multi-line-cell', 'information', 7],
          ],
        );
        // The command line's one pass reads the same.
        assert.deepEqual(
          checkText(text).findings.map((f) => [f.rule, f.line, f.span.start]),
          found.map((f) => [f.rule, f.line, f.span.start]),
        );
      });

      it('places findings on the lines and columns where their text stands', () => {
        const wrong = CHECK_INDICATORS.map((l) => l.replace('2-效益指标；22-社会效益', '2-效益指标；12-质量指标'));
        const bad = excelSheet({ eol, checkIndicators: wrong });
        const badDoc = parseDocument(bad);
        const f = checkDocument(badDoc).find((x) => x.rule === 'code-parent-mismatch');
        assert.ok(f);
        const at = placeOf(badDoc, f.line, f.span);
        assert.equal(at.start.line, 8);
        assert.deepEqual(at.start, positionOf(bad, '12-质量指标'));
        assert.equal(textAt(bad, at), badDoc.rows[f.line]?.row.text.slice(f.span.start, f.span.end));
        // The multi-line note covers the whole quoted cell, across its lines.
        const note = checkDocument(badDoc).find((x) => x.rule === 'multi-line-cell' && x.line === 7);
        assert.ok(note);
        const noteAt = placeOf(badDoc, note.line, note.span);
        assert.deepEqual([noteAt.start.line, noteAt.end.line], [7, 9]);
        assert.ok(textAt(bad, noteAt).startsWith('"1、') && textAt(bad, noteAt).endsWith('85%。"'));
      });

      it('outlines and folds by the rows’ lines', () => {
        const unit = documentSymbols(doc)[0]?.children?.[0];
        assert.ok(unit);
        const project = unit.children?.[1];
        assert.equal(project?.name, '"双随机"检查经费');
        assert.deepEqual([project?.range.start.line, project?.range.end.line], [7, 9]);
        const third = project?.children?.[2];
        assert.ok(third);
        assert.equal(textAt(text, third.selectionRange), '企业满意度');
        assert.equal(third.range.start.line, 9);
        assert.ok(foldingRanges(doc).some((r) => r.startLine === 4 && r.endLine === 10));
      });

      it('formats a row of several lines in place, keeping its line breaks', () => {
        const half = text.replace('22-社会效益；企业合规率', '22-社会效益;企业合规率');
        const halfDoc = parseDocument(half);
        const edits = formatDocument(halfDoc, DEFAULT_CONFIG);
        assert.equal(edits.length, 1);
        assert.equal(edits[0]?.range.start.line, 8);
        const formatted = TextDocument.applyEdits(TextDocument.create('file:///x', 'perf-target', 1, half), edits);
        assert.equal(formatted, text);
      });
    });
  }

  it('maps offsets and positions both ways', () => {
    const doc = parseDocument('a\t"x\ny\n\nz"\tb');
    const ref = doc.rows[0];
    assert.ok(ref);
    assert.deepEqual(ref.row.breaks, [4, 6, 7]);
    const text = ref.row.text;
    for (let offset = 0; offset <= text.length; offset++) {
      const p = positionIn(ref, offset);
      assert.equal(offsetIn(ref, p.line, p.character), offset, `offset ${offset}`);
    }
    assert.deepEqual(positionIn(ref, text.indexOf('z')), { line: 3, character: 0 });
    assert.equal(offsetIn(ref, 1, 99), 6, 'clamped to its line');
  });

  it('reads a quote that merely starts a name, or is never closed, as written', () => {
    assert.equal(isQuotedCell('"三品一标"认证补贴'), false);
    assert.equal(isQuotedCell('"a""b"'), true);
    assert.equal(isQuotedCell('"a""'), false);
    const lines = [projectRow('"三品一标"认证补贴', ['1.00', '1.00']), projectRow('项目', ['1.00', '1.00'])];
    assert.equal(rowExtent(lines, 0), 1);
    // A quote typed at the start of the last cell does not swallow the rows below (they have tabs).
    const typing = [
      projectRow('项目', ['1.00', '1.00'], `"${GOOD_INDICATORS}`),
      projectRow('项目二', ['1.00', '1.00']),
      '说明文字"',
    ];
    assert.equal(rowExtent(typing, 0), 1);
    // Nor lines without tabs beyond the bound.
    const open = ['甲\t"开始', ...Array.from({ length: MAX_ROW_LINES + 5 }, () => '续'), '结束"'];
    assert.equal(rowExtent(open, 0), 1);
    assert.equal(rowExtent(open.slice(0, 3).concat(['结束"']), 0), 4);
  });

  it('re-reads after an edit exactly as a fresh parse does', () => {
    const pool = [
      projectRow('项目', ['1.00', '1.00']),
      projectRow('项目', ['1.00', '1.00'], GOOD_INDICATORS, '"第一行'),
      '第二行',
      '第三行"',
      `结束"\t${GOOD_INDICATORS}`,
      unitRow('单位', ['1.00', '1.00']),
      '"',
      '',
      'x\t"y"\tz',
    ];
    const line = fc.constantFrom(...pool);
    const edit = fc.record({ at: fc.nat(40), remove: fc.nat(3), insert: fc.array(line, { maxLength: 3 }) });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        (start, edits) => {
          const cache = new RowCache();
          let lines = start;
          let doc: TargetDocument = parseDocument(lines, cache);
          for (const e of edits) {
            const at = Math.min(e.at, lines.length);
            lines = [...lines.slice(0, at), ...e.insert, ...lines.slice(at + e.remove)];
            doc = parseDocument(lines, cache, doc);
            const fresh = parseDocument(lines);
            assert.deepEqual(
              doc.rows.map((r) => [r.line, r.row.text]),
              fresh.rows.map((r) => [r.line, r.row.text]),
            );
            const shape = (d: TargetDocument) =>
              d.tables.map((t) => [
                t.startLine,
                t.endLine,
                t.projects.map((p) => p.line),
                t.units.map((u) => u.ref.line),
              ]);
            assert.deepEqual(shape(doc), shape(fresh));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
