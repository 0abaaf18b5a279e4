/**
 * The command line's workbook commands (issue 17): import, export --format xlsx, check of a
 * workbook naming findings by sheet and cell, directories with workbooks, exit codes, messages in
 * both languages.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOOD_INDICATORS, projectRow, unitRow } from '../server/src/rules/examples';
import { exportWorkbook } from '../server/src/workbook/table';
import { table } from './helpers';
import { EXCEL_TEXT, excelBook, rawZip, bombEntry } from './workbook-books';

const root = join(__dirname, '..', '..');
const cli = join(root, 'bin', 'perf-target.js');
const sample = join(root, 'seeds', '000_5e46737169912d50.txt');
const LOCALE_VARS = ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'];

function run(args: string[], locale: Record<string, string> = { LANG: 'C' }) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !LOCALE_VARS.includes(k)));
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...env, ...locale } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A project whose second indicator puts 31 under 2-效益指标, after a project with a multi-line goal. */
const BROKEN =
  '1、1-产出指标；11-数量指标；人次；实施周期指标值：≥1人次；年度指标值：≥1人次。2、2-效益指标；31-服务对象满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。';
const TEXT = table([
  unitRow('合计', ['2.00', '2.00']),
  unitRow('单位', ['2.00', '2.00']),
  projectRow('甲', ['1.00', '1.00'], GOOD_INDICATORS, '"第一行\n第二行"'),
  projectRow('乙', ['1.00', '1.00'], BROKEN),
]);

describe('command line: workbooks', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'perf-target-xlsx-'));
  });

  it('exports the sample as a workbook and imports it back unchanged (stdout and -o)', () => {
    const book = join(dir, 'sample.xlsx');
    const e = run(['export', '--format', 'xlsx', sample, '-o', book]);
    assert.equal(e.code, 0, e.err);
    assert.equal(readFileSync(book).subarray(0, 2).toString(), 'PK');
    const i = run(['import', book]);
    assert.equal(i.code, 0, i.err);
    assert.equal(i.out, `${readFileSync(sample, 'utf8')}\n`);
    const out = join(dir, 'sample.jxmb');
    assert.equal(run(['import', book, '-o', out]).code, 0);
    assert.equal(readFileSync(out, 'utf8'), `${readFileSync(sample, 'utf8')}\n`);
  });

  it('imports one sheet with --sheet, and notes hidden rows on standard error', () => {
    const book = join(dir, 'excel.xlsx');
    writeFileSync(book, excelBook());
    const r = run(['import', book, '--sheet', 'Sheet1']);
    assert.equal(r.code, 0);
    assert.equal(r.out, `${EXCEL_TEXT}\n`);
    assert.match(r.err, /excel\.xlsx: sheet "Sheet1": hidden rows 7 imported like the others/);
    const missing = run(['import', book, '--sheet', '表2'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(missing.code, 2);
    assert.match(missing.err, /工作簿中没有名为“表2”的工作表（有：Sheet1）/);
  });

  it('checks a workbook, naming each finding by sheet, cell and character (text and JSON)', () => {
    const book = join(dir, 'broken.xlsx');
    writeFileSync(book, exportWorkbook(TEXT));
    const r = run(['check', book]);
    assert.equal(r.code, 1, r.err);
    // Row 11 of the sheet (the multi-line goal above makes it line 12 of the text), column G.
    const at = BROKEN.indexOf('31-服务对象满意度') + 1;
    assert.ok(r.out.includes(`${book}:测试单位!G11:${at} error code-parent-mismatch`), r.out);
    const j = run(['check', '--format', 'json', book]);
    const findings = JSON.parse(j.out) as Array<{
      file: string;
      sheet?: string;
      cell?: string;
      rule: string;
      line: number;
    }>;
    const f = findings.find((x) => x.rule === 'code-parent-mismatch');
    assert.deepEqual([f?.sheet, f?.cell, f?.line], ['测试单位', 'G11', 12]);
  });

  it('checks the workbooks of a directory beside its text files', () => {
    const sub = join(dir, 'mixed');
    mkdirSync(sub);
    writeFileSync(join(sub, 'a.xlsx'), exportWorkbook(TEXT));
    writeFileSync(join(sub, 'b.jxmb'), TEXT);
    const r = run(['check', sub]);
    assert.match(r.out, /a\.xlsx:测试单位!G11:\d+ error code-parent-mismatch/);
    assert.match(r.out, /b\.jxmb:12:\d+ error code-parent-mismatch/);
    assert.match(r.out, /2 file\(s\) checked/);
  });

  it("ends a bad workbook with one line and exit 2, in the clerk's language; the other files are still checked", () => {
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, rawZip([bombEntry('xl/workbook.xml', 64 * 1024 * 1024, 100)]));
    const xls = join(dir, 'old.xls');
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(xls, ole);
    const good = join(dir, 'good.jxmb');
    writeFileSync(good, TEXT);
    const r = run(['check', bomb, xls, good]);
    assert.equal(r.code, 2);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 2, r.err);
    assert.match(
      lines[0] ?? '',
      /^perf-target: .*bomb\.xlsx: the workbook's part xl\/workbook\.xml inflates beyond the limit/,
    );
    assert.match(
      lines[1] ?? '',
      /^perf-target: .*old\.xls: this is an Excel 97–2003 workbook \(\.xls\); save it as \.xlsx/,
    );
    assert.match(r.out, /good\.jxmb:12:\d+ error code-parent-mismatch/);
    const zh = run(['import', xls], { LANG: 'zh_CN.UTF-8' });
    assert.equal(zh.code, 2);
    assert.match(zh.err, /这是 Excel 97–2003 工作簿（\.xls），请在 Excel 或 WPS 中另存为 \.xlsx/);
    assert.equal(run(['import', join(dir, 'none.xlsx')]).code, 2);
  });

  it('asks for -o with --format xlsx, and for one workbook to import', () => {
    const a = run(['export', '--format', 'xlsx', sample]);
    assert.equal(a.code, 2);
    assert.match(a.err, /export --format xlsx needs -o BOOK\.xlsx/);
    const b = run(['import'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(b.code, 2);
    assert.match(b.err, /import 需要且只接受一个工作簿/);
    assert.match(run(['check', '--format', 'xlsx', sample]).err, /--format must be text or json/);
    assert.match(run(['check', '-o', 'x', sample]).err, /-o is only for import, export and convert/);
    const out = join(dir, 'no', 'such', 'dir.xlsx');
    const c = run(['export', '--format', 'xlsx', sample, '-o', out]);
    assert.equal(c.code, 2);
    assert.match(c.err, /cannot write \(ENOENT\)/);
  });
});
