/**
 * Number formats: a number Excel shows as a date, a time or a percentage is imported as Excel shows
 * it (`2024年11月30日`, `85%`), read from the styles part (`numFmts`, `cellXfs`, a cell's `s`) and
 * the workbook's date system. A missing, broken or hostile styles part leaves numbers as numbers.
 * The workbooks are built here, part by part.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyCode, dateOfSerial, FORMAT_LIMITS } from '../server/src/workbook/numfmt';
import { importWorkbook, shownNumber } from '../server/src/workbook/table';
import { readXlsx } from '../server/src/workbook/xlsx';
import { book, HEADER_CELLS, INDICATORS, worksheet } from './workbook-books';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A styles part as Excel writes it: custom formats (id → code), then one `xf` per given number format id. */
function styles(custom: Record<number, string>, xfs: readonly number[], numFmtsCount?: string): string {
  const codes = Object.entries(custom);
  const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
    (codes.length > 0 || numFmtsCount
      ? `<numFmts count="${numFmtsCount ?? codes.length}">${codes.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>`
      : '') +
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
    '<cellStyleXfs count="1"><xf numFmtId="10" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>` +
    // A conditional format's number format is no cell's.
    '<dxfs count="1"><dxf><numFmt numFmtId="14" formatCode="0%"/></dxf></dxfs>' +
    '</styleSheet>'
  );
}

const is = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, value: number | string, s?: number | string): string =>
  `<c r="${ref}"${s === undefined ? '' : ` s="${s}"`}><v>${value}</v></c>`;

/** One sheet of one row of numbers (`[value, style]`, from column A). */
function numbersSheet(cells: ReadonlyArray<readonly [number | string, (number | string)?]>): string {
  const row = cells.map(([v, s], i) => num(`${String.fromCharCode(65 + i)}1`, v, s)).join('');
  return worksheet(`<sheetData><row r="1">${row}</row></sheetData>`);
}

/** The values of the first row of the first sheet, as `shownNumber` gives them (else the number). */
function shown(bytes: Buffer): Array<string | number> {
  const cells = readXlsx(bytes).sheets[0]?.rows[0]?.cells ?? [];
  return cells.map((c) => (typeof c.value === 'number' ? (shownNumber(c.value, c.format) ?? c.value) : c.value));
}

/** A workbook of one sheet with this styles part (and this workbook part, when given). */
function styled(sheetXml: string, stylesXml?: string, workbookXml?: string): Buffer {
  return book([{ name: 'Sheet1', xml: sheetXml }], undefined, {
    ...(stylesXml === undefined ? {} : { 'xl/styles.xml': stylesXml }),
    ...(workbookXml === undefined ? {} : { 'xl/workbook.xml': workbookXml }),
  });
}

const WORKBOOK_1904 = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr date1904="1" defaultThemeVersion="124226"/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;

describe('workbook: number formats', () => {
  it('shows a date-formatted serial as the date: built-in 14 and custom Chinese, slash and US codes', () => {
    const s = styles(
      { 176: 'yyyy"年"m"月"d"日"', 177: '[$-804]yyyy"年"m"月"d"日"', 178: 'yyyy/m/d', 179: 'm/d/yy' },
      [0, 14, 176, 177, 178, 179, 31],
    );
    const cells = [45626, 1, 2, 3, 4, 5, 6].map((k) => [45626, k] as const);
    assert.deepEqual(shown(styled(numbersSheet(cells), s)), Array(7).fill('2024年11月30日').fill(45626, 0, 1));
    // A date format shows no time, even when the serial has one.
    assert.deepEqual(shown(styled(numbersSheet([[45626.75, 1]]), s)), ['2024年11月30日']);
  });

  it('shows a datetime with its time only when it is not midnight, and a time of day (a duration stays a number)', () => {
    const s = styles({ 180: 'yyyy-mm-dd hh:mm:ss', 181: '[h]:mm:ss', 182: 'h"时"mm"分"' }, [22, 180, 20, 181, 182]);
    const half = 45626 + (14 * 60 + 30) / 1440;
    assert.deepEqual(
      shown(
        styled(
          numbersSheet([
            [half, 0],
            [45626, 0],
            [half + 15 / 86400, 1],
            [0.3784722222222222, 2],
            [half, 3],
            [half, 4],
          ]),
          s,
        ),
      ),
      ['2024年11月30日 14:30', '2024年11月30日', '2024年11月30日 14:30:15', '9:05', half, '14:30'],
    );
    // A time a hair before midnight is shown at the second Excel rounds it to: the next day.
    assert.deepEqual(shown(styled(numbersSheet([[45626.999999999, 0]]), s)), ['2024年12月1日']);
  });

  it('shows percentages with their format’s decimals: 0% and 0.0% (and 0.00%, halves away from zero)', () => {
    const s = styles({ 183: '0.0%', 184: '#,##0.00%;[Red]-#,##0.00%', 185: '0.00"%"' }, [9, 183, 10, 184, 185]);
    assert.deepEqual(
      shown(
        styled(
          numbersSheet([
            [0.85, 0],
            [0.855, 1],
            [0.1234, 2],
            [-0.01005, 3],
            [0.85, 4],
            [1, 0],
            [0.0001, 0],
          ]),
          s,
        ),
      ),
      ['85%', '85.5%', '12.34%', '-1.01%', 0.85, '100%', '0%'],
    );
  });

  it('reads the 1904 date system from workbookPr, and the 1900 one’s fictitious 29 February', () => {
    const s = styles({}, [14, 22]);
    assert.deepEqual(
      shown(
        styled(
          numbersSheet([
            [45626 - 1462, 0],
            [0, 0],
            [0.5, 1],
          ]),
          s,
          WORKBOOK_1904,
        ),
      ),
      ['2024年11月30日', '1904年1月1日', '1904年1月1日 12:00'],
    );
    assert.deepEqual(
      shown(
        styled(
          numbersSheet([
            [1, 0],
            [59, 0],
            [60, 0],
            [61, 0],
            [45626, 0],
          ]),
          s,
        ),
      ),
      ['1900年1月1日', '1900年2月28日', '1900年2月29日', '1900年3月1日', '2024年11月30日'],
    );
    // Where Excel shows ####: before day 1 of 1900, negative, after 9999: the number.
    assert.deepEqual(
      shown(
        styled(
          numbersSheet([
            [0, 0],
            [-1, 0],
            [2958466, 0],
            [2958465, 0],
          ]),
          s,
        ),
      ),
      [0, -1, 2958466, '9999年12月31日'],
    );
    assert.equal(dateOfSerial(2958465 - 1462 + 1, true), undefined);
  });

  it('treats a style index out of range, not a number, or without a styles part as general', () => {
    const s = styles({}, [0, 14]);
    const sheet = numbersSheet([[45626, 2], [45626, 99999], [45626, 'x'], [45626, -1], [45626, 1], [45626]]);
    assert.deepEqual(shown(styled(sheet, s)), [45626, 45626, 45626, 45626, '2024年11月30日', 45626]);
    assert.deepEqual(shown(styled(sheet)), Array(6).fill(45626));
    // No `s` is the first cell format: a workbook whose default is a date shows it as one.
    assert.deepEqual(shown(styled(numbersSheet([[45626]]), styles({}, [14]))), ['2024年11月30日']);
    // Text and booleans keep no format.
    const mixed = worksheet(
      `<sheetData><row r="1">${is('A1', '45626')}<c r="B1" t="b" s="1"><v>1</v></c></row></sheetData>`,
    );
    assert.deepEqual(shown(styled(mixed, s)), ['45626', 'TRUE']);
  });

  it('follows the workbook’s relationship to its styles part', () => {
    const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="/xl/theme/../formats.xml"/></Relationships>`;
    const bytes = book([{ name: 'Sheet1', xml: numbersSheet([[0.85, 1]]) }], undefined, {
      'xl/_rels/workbook.xml.rels': rels,
      'xl/formats.xml': styles({}, [0, 9]),
      'xl/styles.xml': styles({}, [0, 14]),
    });
    assert.deepEqual(shown(bytes), ['85%']);
  });

  it('reads a broken styles part as no formats, never an error', () => {
    const sheet = numbersSheet([[45626, 1]]);
    for (const broken of [
      '<styleSheet><cellXfs><xf numFmtId="14"',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><styleSheet/>',
      `<styleSheet xmlns="${MAIN}"><cellXfs><xf numFmtId="&bogus;"/></cellXfs></styleSheet>`,
      'not xml at all & <',
      '',
    ]) {
      assert.deepEqual(shown(styled(sheet, broken)), [45626], broken);
    }
    // A custom format's id or code missing, an xf without numFmtId: general.
    const odd = `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164"/><numFmt formatCode="0%"/></numFmts><cellXfs count="3"><xf/><xf numFmtId="164"/><xf numFmtId="1e400"/></cellXfs></styleSheet>`;
    assert.deepEqual(
      shown(
        styled(
          numbersSheet([
            [0.5, 0],
            [0.5, 1],
            [0.5, 2],
          ]),
          odd,
        ),
      ),
      [0.5, 0.5, 0.5],
    );
  });

  it('stays bounded on a hostile styles part: a huge numFmts count, formats and cell formats past the limits', function () {
    this.timeout(30000);
    const custom: Record<number, string> = {};
    for (let i = 0; i < FORMAT_LIMITS.numberFormats + 5000; i++) custom[164 + i] = `0.${'0'.repeat(i % 40)}%`;
    const many = Array.from({ length: FORMAT_LIMITS.cellFormats + 10 }, (_, i) => (i === 1 ? 9 : 14));
    const hostile = styles(custom, many, '4294967295999');
    const start = performance.now();
    const r = shown(
      styled(
        numbersSheet([
          [0.85, 1],
          [45626, 2],
          [45626, FORMAT_LIMITS.cellFormats + 1],
        ]),
        hostile,
      ),
    );
    assert.ok(performance.now() - start < 5000, `${performance.now() - start} ms`);
    assert.deepEqual(r, ['85%', '2024年11月30日', 45626]);
    // A format code of a megabyte is classified in linear time.
    const long = styles({ 164: `${'"年"\\x'.repeat(250_000)}yyyy`, 165: `${'[x]'.repeat(300_000)}0%` }, [164, 165]);
    const t0 = performance.now();
    assert.deepEqual(
      shown(
        styled(
          numbersSheet([
            [45626, 0],
            [0.5, 1],
          ]),
          long,
        ),
      ),
      ['2024年11月30日', '50%'],
    );
    assert.ok(performance.now() - t0 < 2000, `${performance.now() - t0} ms`);
  });

  it('classifies format codes by their tokens outside quotes, escapes and brackets', () => {
    const cases: Array<[string, string | undefined]> = [
      ['General', undefined],
      ['0.00E+00', undefined],
      ['#,##0.00_);[Red](#,##0.00)', undefined],
      ['0.00"%"', undefined],
      ['"yyyy"0', undefined],
      ['\\d0', undefined],
      ['@', undefined],
      ['[$-804]yyyy"年"m"月"d"日"', 'date'],
      ['[DBNum1][$-804]yyyy"年"m"月"d"日"', 'date'],
      ['[$-F800]dddd, mmmm dd, yyyy', 'date'],
      ['yyyy/m/d', 'date'],
      ['m/d/yy', 'date'],
      ['mmm-yy', 'date'],
      ['yyyy-mm-dd hh:mm:ss', 'datetime'],
      ['yyyy/m/d h:mm AM/PM', 'datetime'],
      ['h:mm AM/PM', 'time'],
      ['[h]:mm:ss', undefined],
      ['[mm]:ss', undefined],
      ['mm:ss.0', 'time'],
      ['上午/下午h"时"mm"分"', 'time'],
      ['0%', 'percent 0'],
      ['0.0%', 'percent 1'],
      ['#,##0.000%_);[Red]-0.000%', 'percent 3'],
      ['[Red]0.0%', 'percent 1'],
      ['0.00%" "', 'percent 2'],
    ];
    for (const [code, want] of cases) {
      const c = classifyCode(code);
      assert.equal(c && (c.kind === 'percent' ? `percent ${c.decimals}` : c.kind), want, code);
    }
  });
});

describe('workbook: formatted numbers in imported tables', () => {
  it('writes dates and percentages of a seven-column table as Excel shows them; amounts keep their formatting', () => {
    const s = styles({ 176: 'yyyy"年"m"月"d"日"' }, [0, 14, 9, 4, 176]);
    const header = HEADER_CELLS.map((h, i) => is(`${String.fromCharCode(65 + i)}3`, h)).join('');
    const body =
      '<sheetData>' +
      `<row r="1">${is('A1', '项目支出绩效目标表')}</row>` +
      `<row r="2">${is('A2', '填报日期：')}${num('B2', 45626, 4)}</row>` +
      `<row r="3">${header}</row>` +
      `<row r="4">${is('A4', '培训经费')}${num('B4', 0.85, 2)}${num('C4', 45626, 1)}${num('D4', 12.5, 3)}${num('E4', 45626, 4)}${is('F4', '目标。')}${is('G4', INDICATORS)}</row>` +
      `<row r="5">${is('A5', '完成时间')}<c r="B5" s="3"><f>C4</f><v>1</v></c><c r="C5" s="3"/><c r="D5" s="3"/><c r="E5" s="3"/><c r="F5" s="1"><v>45626</v></c><c r="G5" s="2"><v>0.9</v></c></row>` +
      '</sheetData>';
    const r = importWorkbook(styled(worksheet(body), s));
    if (!r.ok) assert.fail(r.message.en);
    assert.deepEqual(r.value.text.split('\n'), [
      '项目支出绩效目标表',
      '填报日期：\t2024年11月30日',
      HEADER_CELLS.join('\t'),
      `培训经费\t0.85\t45,626.00\t12.50\t45,626.00\t目标。\t${INDICATORS}`,
      '完成时间\t1.00\t\t\t\t2024年11月30日\t90%',
    ]);
  });
});

/** A form whose timeliness target is a date; `dateStyle` its cell's style (1: a date format, 0: general). */
function dateForm(dateStyle: number): Buffer {
  const row = (r: number, cells: readonly string[]): string =>
    `<row r="${r}">${cells.map((c, i) => is(`${String.fromCharCode(65 + i)}${r}`, c)).join('')}</row>`;
  const body =
    '<sheetData>' +
    row(1, ['项目绩效目标表']) +
    row(2, ['项目名称', '培训项目']) +
    row(3, ['一级指标', '二级指标', '三级指标', '运算符号', '目标值', '计量单位']) +
    `<row r="4">${['产出指标', '时效指标', '资金到位时间', '≤'].map((c, i) => is(`${String.fromCharCode(65 + i)}4`, c)).join('')}${num('E4', 45291, dateStyle)}</row>` +
    `<row r="5">${['产出指标', '质量指标', '验收日期', '='].map((c, i) => is(`${String.fromCharCode(65 + i)}5`, c)).join('')}${num('E5', 45626.5, dateStyle + 1)}</row>` +
    '</sheetData>';
  return styled(worksheet(body), styles({ 176: '[$-804]yyyy"年"m"月"d"日"' }, [0, 176, 22]));
}

describe('command line: a form with date-formatted cells', function () {
  this.timeout(60000);
  const cli = join(__dirname, '..', '..', 'bin', 'perf-target.js');
  const run = (args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });

  it('imports the dates as the form shows them, and check finds no serial-date in them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-target-formats-'));
    const dated = join(dir, 'dated.xlsx');
    writeFileSync(dated, dateForm(1));
    const i = run(['import', dated]);
    assert.equal(i.status, 0, i.stderr);
    assert.match(i.stdout, /资金到位时间\t≤\t2023年12月31日\n/);
    assert.match(i.stdout, /验收日期\t=\t2024年11月30日 12:00\n/);
    const c = run(['check', '--format', 'json', dated]);
    const rules = (JSON.parse(c.stdout) as Array<{ rule: string }>).map((f) => f.rule);
    assert.ok(!rules.includes('serial-date'), rules.join(', '));
    // The same form with its dates in general format: the serials are what the rule is for.
    const plain = join(dir, 'plain.xlsx');
    writeFileSync(plain, dateForm(0));
    const p = run(['check', '--format', 'json', plain]);
    const found = (JSON.parse(p.stdout) as Array<{ rule: string; cell?: string }>).filter(
      (f) => f.rule === 'serial-date',
    );
    assert.deepEqual(
      found.map((f) => f.cell),
      ['E4'],
    );
  });
});
