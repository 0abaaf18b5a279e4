/**
 * The Excel round trip (issue 17): workbooks as Excel, WPS, LibreOffice and finance systems write
 * them read into target text; text written as a workbook and read back unchanged; every cell's value
 * kept the other way round; findings named by sheet and cell.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generate } from '../bench/generate';
import { checkText } from '../server/src/check';
import { parseDocument } from '../server/src/syntax/document';
import { GOOD_INDICATORS, projectRow, unitRow } from '../server/src/rules/examples';
import {
  cellOfFinding,
  cellSource,
  exportWorkbook,
  exportWorkbookWithNotes,
  formatAmount,
  importWorkbook,
  type ImportedText,
} from '../server/src/workbook/table';
import { columnName, parseCellRef, readXlsx, type Sheet } from '../server/src/workbook/xlsx';
import { ZipReader } from '../server/src/workbook/zip';
import { excelSheet } from './excel-sheet';
import {
  EXCEL_TEXT,
  excelBook,
  HEADER_CELLS,
  INDICATORS,
  INLINE_TEXT,
  inlineBook,
  LIBREOFFICE_TEXT,
  libreOfficeBook,
} from './workbook-books';
import { table } from './helpers';

const root = join(__dirname, '..', '..');
const sample = readFileSync(join(root, 'seeds', '000_5e46737169912d50.txt'), 'utf8');

function imported(bytes: Uint8Array, sheet?: string): ImportedText {
  const r = importWorkbook(bytes, sheet === undefined ? {} : { sheet });
  if (!r.ok) assert.fail(r.message.en);
  return r.value;
}

const roundTrip = (text: string): string => imported(exportWorkbook(text)).text;

/** Every cell with a value: `A1` → value. */
function cellMap(sheet: Sheet, colShift = 0): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const row of sheet.rows)
    for (const c of row.cells) out.set(`${columnName(c.col - colShift)}${row.index + 1}`, c.value);
  return out;
}

describe('workbook: text → workbook → text', () => {
  it('gives back the sample exactly', () => {
    assert.equal(roundTrip(sample), sample);
  });

  it('gives back generated tables exactly (several tables: one sheet each)', function () {
    this.timeout(60000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2_000, max: 60_000 }), (seed, bytes) => {
        const text = generate(sample, bytes, seed).replace(/\n+$/, '');
        assert.equal(roundTrip(text), text);
      }),
      { numRuns: 12 },
    );
  });

  it('gives back cells with line breaks, quotes, spaces and HTML written as Excel copies them', () => {
    const cell = fc.stringMatching(/^[a-z"\n <>&;：，。0-9_x]{0,12}$/).map((s) => s.replace(/^\s+|\s+$/g, ''));
    const amount = fc.oneof(
      fc.constant(''),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((n) => formatAmount(Math.round(n * 100) / 100)),
      fc.constantFrom('1234.5', '１２.５０', '12万', ' 1.00'),
    );
    const row = fc
      .tuple(cell, amount, amount, amount, amount, cell, cell)
      .map((cells) => cells.map((c, i) => (i >= 1 && i <= 4 ? c : cellSource(c))).join('\t'));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        // A project row needs a name: a row of empty cells is a blank row of the sheet.
        const body = rows.map((r) => (r.replace(/\t/g, '') === '' ? '' : r));
        const text = table(body).replace(/\n+$/, '');
        assert.equal(roundTrip(text), text);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps an Excel-pasted sheet (multi-line quoted cells, doubled quotes) apart from the padding of preface lines', () => {
    const text = excelSheet({ eol: '\n' }).replace(/\n+$/, '');
    // The preface lines' padding tabs are the one thing a sheet does not keep.
    assert.equal(roundTrip(text), text.replace('项目支出绩效目标表\t\t\t\t\t\t', '项目支出绩效目标表'));
  });

  it('writes amounts as numbers in #,##0.00, the title merged, the header frozen and bold, goal and indicators wrapped', () => {
    const bytes = exportWorkbook(sample);
    const book = readXlsx(bytes);
    assert.deepEqual(book.names, ['广州市天河区人力资源和社会保障局']);
    const sheet = book.sheets[0] as Sheet;
    const cells = cellMap(sheet);
    assert.equal(cells.get('B10'), 67805.48);
    assert.equal(cells.get('B12'), 22265.7);
    assert.equal(cells.get('A3'), '项目支出绩效目标表（含转移支付项目）');
    assert.deepEqual(sheet.merges, [{ firstRow: 2, firstCol: 0, lastRow: 2, lastCol: 6 }]);
    const zip = new ZipReader(bytes);
    const xml = zip.read('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    assert.match(xml, /<pane ySplit="9" topLeftCell="A10" activePane="bottomLeft" state="frozen"\/>/);
    assert.match(xml, /<c r="B12" s="5"><v>22265.7<\/v><\/c>/);
    assert.match(xml, /<c r="F12" s="4" t="s">/);
    assert.match(xml, /<col min="7" max="7" width="90" customWidth="1"\/>/);
    const styles = zip.read('xl/styles.xml')?.toString('utf8') ?? '';
    assert.match(styles, /<xf numFmtId="4"[^>]*applyNumberFormat="1"/);
    assert.match(styles, /fontId="1"[^>]*><alignment horizontal="center" vertical="center" wrapText="1"\/>/);
  });

  it("mentions cells longer than Excel's 32 767 characters, and keeps them whole", () => {
    const long = GOOD_INDICATORS.repeat(Math.ceil(40_000 / GOOD_INDICATORS.length));
    const text = table([projectRow('项目', ['1.00', '1.00'], long)]);
    const { bytes, notes } = exportWorkbookWithNotes(text);
    assert.deepEqual(
      notes.map((n) => n.en),
      [
        `1 cell(s) exceed Excel's limit of 32767 characters a cell (测试单位!G8); Excel cuts them when opening, and WPS and LibreOffice have the same limit`,
      ],
    );
    assert.equal(imported(bytes).text, text);
    assert.deepEqual(exportWorkbookWithNotes(sample).notes, []);
  });

  it('writes an amount that is not written as the text writes numbers as text, unchanged', () => {
    const text = table([unitRow('合计', ['1234.5', '１２.５０']), projectRow('项目', ['12万', '-0.01'])]);
    const cells = cellMap(readXlsx(exportWorkbook(text)).sheets[0] as Sheet);
    assert.equal(cells.get('B8'), '1234.5');
    assert.equal(cells.get('C8'), '１２.５０');
    assert.equal(cells.get('B9'), '12万');
    assert.equal(cells.get('C9'), -0.01);
    assert.equal(formatAmount(1e21), '1e+21');
    assert.equal(formatAmount(-1234567.891), '-1,234,567.891');
    assert.equal(formatAmount(67805.48000000001), '67,805.48');
    assert.equal(formatAmount(1e-7), '1e-7');
  });
});

describe('workbook: what offices send', () => {
  it('reads an Excel workbook: shared and rich strings, merged title, unit in G2, header on row 4, formulas, amounts as text, hidden row and column', () => {
    const r = imported(excelBook());
    assert.equal(r.text, EXCEL_TEXT);
    assert.deepEqual(
      r.notes.map((n) => n.en),
      [
        'sheet "Sheet1": hidden rows 7 imported like the others',
        'sheet "Sheet1": hidden columns H imported like the others',
      ],
    );
    // The text it gives is a target table the checker reads: one unit, two projects.
    const doc = parseDocument(r.text);
    assert.equal(doc.tables[0]?.projects.length, 2);
    assert.equal(doc.tables[0]?.department, '测试局');
  });

  it('reads inline strings, prefixed elements, rows and cells without r, a table starting in column B, and skips a sheet without a table', () => {
    const r = imported(inlineBook());
    assert.equal(r.text, INLINE_TEXT);
    assert.match(r.notes.map((n) => n.en).join('\n'), /sheet "说明" has no header row/);
    assert.equal(parseDocument(r.text).tables[0]?.unit, '元');
  });

  it('reads two sheets, one hidden, as two tables following each other; --sheet reads one', () => {
    const r = imported(libreOfficeBook());
    assert.equal(r.text, LIBREOFFICE_TEXT);
    assert.equal(parseDocument(r.text).tables.length, 2);
    assert.match(r.notes.map((n) => n.en).join('\n'), /sheet "Sheet2" is hidden/);
    assert.equal(imported(libreOfficeBook(), 'Sheet2').text, LIBREOFFICE_TEXT.split('\n').slice(4).join('\n'));
    const missing = importWorkbook(libreOfficeBook(), { sheet: 'Sheet9' });
    assert.ok(!missing.ok && /no sheet named "Sheet9" \(it has: Sheet1, Sheet2\)/.test(missing.message.en));
  });

  it('reads a workbook written by another implementation (openpyxl: test/fixtures/workbooks)', () => {
    const r = imported(readFileSync(join(root, 'test', 'fixtures', 'workbooks', 'openpyxl.xlsx')));
    assert.equal(
      r.text,
      [
        '2025年项目支出绩效目标表',
        '部门名称：某市人力资源局\t\t\t\t\t\t单位：万元',
        HEADER_CELLS.join('\t'),
        '合计\t1,334.50\t1,334.50\t\t\t\t',
        '某市人力资源局本级\t1,334.50\t1,334.50\t\t\t\t',
        `就业补助资金\t100.00\t100.00\t\t\t"开展职业技能培训，\n促进就业。"\t${INDICATORS}`,
        `"""双随机""检查经费"\t1,234.50\t1,234.50\t\t\t加强监管。\t${INDICATORS}`,
      ].join('\n'),
    );
    assert.deepEqual(
      r.notes.map((n) => n.en),
      ['sheet "绩效目标": hidden rows 5 imported like the others'],
    );
  });

  it('reads back what LibreOffice saved of our export: the text unchanged (test/fixtures/workbooks/libreoffice.xlsx)', () => {
    const dir = join(root, 'test', 'fixtures', 'workbooks');
    const r = imported(readFileSync(join(dir, 'libreoffice.xlsx')));
    assert.equal(r.text, readFileSync(join(dir, 'libreoffice.source.jxmb'), 'utf8'));
    // LibreOffice kept what our writer wrote: the merged title, amounts as numbers.
    const sheet = readXlsx(readFileSync(join(dir, 'libreoffice.xlsx'))).sheets[0] as Sheet;
    assert.deepEqual(sheet.merges, [{ firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 6 }]);
    assert.equal(cellMap(sheet).get('B4'), 1334.5);
  });

  it("keeps every cell's value through import and export", () => {
    for (const [name, bytes, shift] of [
      ['excel', excelBook(), 0],
      ['inline', inlineBook(), 1],
      ['libreoffice', libreOfficeBook(), 0],
    ] as const) {
      const original = readXlsx(bytes).sheets.filter((s) => s.name !== '说明');
      const again = readXlsx(exportWorkbook(imported(bytes).text)).sheets;
      assert.equal(again.length, original.length, name);
      original.forEach((sheet, k) => {
        const before = cellMap(sheet, shift);
        const after = cellMap(again[k] as Sheet);
        for (const [ref, value] of before) {
          // An amount typed as text in an amount column becomes a number when the text writes it so.
          const expected =
            typeof value === 'string' &&
            /^[0-9,]+\.[0-9]{2}$/.test(value) &&
            after.get(ref) === Number(value.replace(/,/g, ''))
              ? after.get(ref)
              : value;
          assert.equal(after.get(ref), expected, `${name} ${sheet.name}!${ref}`);
        }
        assert.equal(after.size, before.size, `${name} ${sheet.name}: no cell added`);
      });
    }
  });
});

describe('workbook: findings named by sheet and cell', () => {
  it('names the cell and the character within it, past multi-line cells and doubled quotes', () => {
    const broken =
      '1、1-产出指标；11-数量指标；人次；实施周期指标值：≥1人次；年度指标值：≥1人次。2、2-效益指标；31-服务对象满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。';
    const text = table([
      unitRow('合计', ['2.00', '2.00']),
      unitRow('单位', ['2.00', '2.00']),
      projectRow('甲', ['1.00', '1.00'], GOOD_INDICATORS, '"第一行\n第二行"'),
      projectRow('乙', ['1.00', '1.00'], `"说明""引号""\n${broken}"`),
    ]);
    const book = imported(exportWorkbook(text));
    const { doc, findings } = checkText(book.text);
    const f = findings.find((x) => x.rule === 'code-parent-mismatch');
    assert.ok(f, 'the misplaced code is found');
    const at = cellOfFinding(book, doc, f.line, f.span);
    // Rows: title 1, blank 2, department 3, blank 4, unit 5, blank 6, header 7, 合计 8, 单位 9, 甲 10, 乙 11.
    const value = `说明"引号"\n${broken}`;
    assert.deepEqual(at, { sheet: '测试单位', cell: 'G11', character: value.indexOf('31-服务对象满意度') + 1 });
  });

  it('maps a cell reference both ways', () => {
    assert.equal(columnName(0), 'A');
    assert.equal(columnName(25), 'Z');
    assert.equal(columnName(26), 'AA');
    assert.equal(columnName(16383), 'XFD');
    assert.deepEqual(parseCellRef('XFD1048576'), { row: 1048575, col: 16383 });
    assert.equal(parseCellRef('XFE1'), undefined);
    assert.deepEqual(parseCellRef('$G$12'), { row: 11, col: 6 });
  });
});
