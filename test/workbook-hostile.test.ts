/**
 * Hostile and broken workbooks (issue 17): each ends with a clear one-line message, in bounded
 * time and memory, never a throw or a hang. The workbooks are built here, not committed.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportWorkbook, exportWorkbookWithNotes, importWorkbook } from '../server/src/workbook/table';
import { readXlsx, SHEET_LIMITS } from '../server/src/workbook/xlsx';
import { ZIP_LIMITS } from '../server/src/workbook/zip';
import { bombEntry, book, excelBook, rawZip, sst, worksheet } from './workbook-books';

/** The message an import ends with (it must not succeed), checked to be one line in both languages. */
function refused(bytes: Uint8Array, budgetMs = 5000): { zh: string; en: string } {
  const start = performance.now();
  const r = importWorkbook(bytes);
  const ms = performance.now() - start;
  assert.ok(!r.ok, 'refused');
  assert.ok(ms < budgetMs, `answered in ${ms.toFixed(0)} ms`);
  for (const m of [r.message.zh, r.message.en]) {
    assert.ok(m.length > 0 && m.length < 300, m);
    assert.ok(!m.includes('\n'), `one line: ${m}`);
  }
  // The Chinese message is Chinese: what is left in Latin letters is a name (a part, a format, a program).
  const names =
    /[\w.]*\/[\w./]*|\[Content_Types\]\.xml|&\w+;|\b(?:zip|zip64|XML|DOCTYPE|Excel|WPS|LibreOffice|xlsx|xls|MB)\b/g;
  assert.deepEqual(r.message.zh.replace(names, '').match(/[A-Za-z]{2,}/g) ?? [], [], r.message.zh);
  return r.message;
}

const TABLE_SHEET = worksheet(
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><t>总计</t></is></c></row></sheetData>',
);

describe('workbook: hostile and broken files', () => {
  it('stops a zip bomb at the cap: an entry inflating far past its declared size', function () {
    this.timeout(30000);
    // 200 MB of zeros deflate to ~200 KB; the size declared is a lie (1 KB).
    const bomb = bombEntry('xl/workbook.xml', 200 * 1024 * 1024, 1024);
    const m = refused(rawZip([bomb]));
    assert.match(m.en, /inflates beyond the limit.*zip bomb/);
    assert.match(m.zh, /zip 炸弹/);
  });

  it('refuses an entry whose declared size is past the cap before inflating it', () => {
    const entry = { name: 'xl/workbook.xml', data: Buffer.alloc(10), declared: ZIP_LIMITS.entryBytes + 1 };
    assert.match(refused(rawZip([entry]), 200).en, /inflates beyond the limit/);
  });

  it('refuses an entry past the ratio limit even when it declares its size honestly', function () {
    this.timeout(30000);
    const size = ZIP_LIMITS.ratioFloor * 4;
    assert.match(refused(rawZip([bombEntry('xl/workbook.xml', size)])).en, /ratio/);
  });

  it('refuses a shared-strings table past its limit of entries', function () {
    this.timeout(60000);
    const items = Array.from({ length: SHEET_LIMITS.sharedStrings + 1 }, (_, i) => `<si><t>${i}</t></si>`).join('');
    const bytes = book(
      [{ name: 'Sheet1', xml: TABLE_SHEET }],
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`,
    );
    assert.match(refused(bytes, 20000).en, /shared strings exceed the limit of 1,000,000/);
  });

  it('refuses a sheet past its limit of cells', function () {
    this.timeout(60000);
    const row = `<row>${Array.from({ length: 100 }, (_, i) => `<c><v>${i}</v></c>`).join('')}</row>`;
    const bytes = book([
      { name: 'Sheet1', xml: worksheet(`<sheetData>${row.repeat(SHEET_LIMITS.cells / 100 + 1)}</sheetData>`) },
    ]);
    assert.match(refused(bytes, 20000).en, /more than 1,000,000 cells/);
  });

  it('refuses an entity expansion (DOCTYPE) without expanding anything', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>';
    const m = refused(book([{ name: 'Sheet1', xml: TABLE_SHEET }], laughs));
    assert.match(m.en, /DOCTYPE/);
    assert.match(m.zh, /DOCTYPE/);
    // And an entity named without a DTD is an error, not text.
    assert.match(refused(book([{ name: 'Sheet1', xml: TABLE_SHEET }], sst(['&lol;']))).en, /undefined entity &lol;/);
  });

  it('reads huge but harmless XML in linear time: a 30 MB text node and a tag of 200 000 attributes', function () {
    this.timeout(60000);
    const text = '字'.repeat(10_000_000);
    const attrs = Array.from({ length: 200_000 }, (_, i) => ` a${i}="v"`).join('');
    const sheet = worksheet(
      `<sheetData><row r="1"${attrs}><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData>`,
    );
    const start = performance.now();
    const r = importWorkbook(book([{ name: 'Sheet1', xml: sheet }]));
    assert.ok(performance.now() - start < 15000);
    assert.ok(!r.ok && /no target table/.test(r.message.en));
  });

  it('refuses corrupt zips: truncated, a flipped byte, a directory pointing nowhere', () => {
    const good = exportWorkbook('项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标');
    assert.match(refused(good.subarray(0, good.length - 30)).en, /not a valid zip file/);
    assert.match(refused(good.subarray(0, 100)).en, /not a valid zip file/);
    const flipped = Buffer.from(good);
    // A byte inside the sheet's deflated data (the first occurrence of its name is its local header).
    const at = flipped.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 20;
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    assert.match(refused(flipped).en, /not a valid zip file|damaged/);
    const moved = Buffer.from(good);
    moved.writeUInt32LE(0xfffffff0, moved.length - 6);
    assert.match(refused(moved).en, /not a valid zip file/);
  });

  it('answers .xls, a password-protected workbook, a text file, and a zip that is no workbook', () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const xls = refused(ole);
    assert.match(xls.en, /Excel 97–2003 workbook \(\.xls\); save it as \.xlsx/);
    assert.match(xls.zh, /另存为 \.xlsx/);
    const encrypted = Buffer.from(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(encrypted, 1024);
    assert.match(refused(encrypted).en, /password-protected.*remove the password/);
    assert.match(refused(Buffer.from('项目名称\t总计\n', 'utf8')).en, /not a workbook/);
    assert.match(refused(book([], undefined, { 'xl/workbook.xml': 'not xml <' })).en, /not valid XML|no target table/);
    const docx = rawZip([{ name: 'word/document.xml', data: Buffer.alloc(0), declared: 0 }]);
    assert.match(refused(docx).en, /not an Excel workbook \(the zip has no xl\/workbook.xml\)/);
  });

  it('keeps a cell far to the right from widening every row: past 256 columns it is noted, not imported', () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>项目${i}</t></is></c><c r="XFD${i + 2}"><v>1</v></c></row>`,
    ).join('');
    const header = `<row r="1">${['项目名称', '总计', '财政拨款'].map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}<c r="XFD1"><v>1</v></c></row>`;
    const r = importWorkbook(book([{ name: 'Sheet1', xml: worksheet(`<sheetData>${header}${rows}</sheetData>`) }]));
    assert.ok(r.ok);
    assert.ok(r.value.text.length < 5001 * 40, `${r.value.text.length} characters`);
    assert.match(
      r.value.notes.map((n) => n.en).join('\n'),
      /5001 cell\(s\) more than 256 columns right of the header's first; not imported/,
    );
  });

  it("writes no more than a sheet holds: a line of 20 000 cells is cut at Excel's last column, with a note", () => {
    const { bytes, notes } = exportWorkbookWithNotes(`项目名称\t总计\t财政拨款\n${'x\t'.repeat(20_000)}`);
    assert.match(notes.map((n) => n.en).join('\n'), /3617 cell\(s\) past Excel's last column/);
    const sheet = readXlsx(bytes).sheets[0];
    assert.equal(Math.max(...(sheet?.rows[1]?.cells.map((c) => c.col) ?? [])), 16383);
  });

  it('reads an entity named like an object property as an undefined entity, and such attributes as attributes', () => {
    assert.match(
      refused(book([{ name: 'Sheet1', xml: TABLE_SHEET }], sst(['&constructor;']))).en,
      /undefined entity &constructor;/,
    );
    const sheet = worksheet(
      '<sheetData><row r="1" __proto__="x" constructor="y"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><t>总计</t></is></c><c r="C1" t="inlineStr"><is><t>财政拨款</t></is></c></row></sheetData>',
    );
    assert.ok(importWorkbook(book([{ name: 'Sheet1', xml: sheet }])).ok);
  });

  it('never throws on damaged workbooks: random bytes changed anywhere', function () {
    this.timeout(120000);
    const good = excelBook();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (changes) => {
          const bytes = Buffer.from(good);
          for (const [at, b] of changes) bytes[at] = b;
          const r = importWorkbook(bytes);
          if (!r.ok) assert.ok(!r.message.en.includes('\n') && r.message.zh !== '');
        },
      ),
      { numRuns: 300 },
    );
  });
});
