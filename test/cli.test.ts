import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { GOOD_INDICATORS, projectRow, unitRow } from '../server/src/rules/examples';
import { table } from './helpers';

const root = join(__dirname, '..', '..');
const cli = join(root, 'bin', 'perf-target.js');
const sample = join(root, 'seeds', '000_5e46737169912d50.txt');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const CLEAN = table([unitRow('合计', ['1.00', '1.00']), unitRow('单位', ['1.00', '1.00']), projectRow('项目', ['1.00', '1.00'])]);
const BROKEN = table([unitRow('合计', ['1.00', '1.00']), unitRow('单位', ['1.00', '1.00']), projectRow('项目', ['2.00', '1.00'])]);

describe('command line', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'perf-target-cli-'));
  });

  it('checks a 5 MB single-line table with a bounded output (issue 14)', function () {
    this.timeout(120000);
    const cell = GOOD_INDICATORS.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(GOOD_INDICATORS)));
    const file = join(dir, 'one-line.jxmb');
    // One line: a project row whose indicator cell is 5 MB (the same indicators pasted over and over).
    writeFileSync(file, projectRow('项目', ['1.00', '1.00'], cell));
    const r = run(['check', '--format', 'json', file]);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    const findings = JSON.parse(r.out) as Array<{ rule: string; message: string }>;
    assert.ok(findings.length <= 110, `${findings.length} findings`);
    assert.ok(findings.some((f) => f.rule === 'cell-limits' && /only the first [0-9]+ were checked/.test(f.message)), JSON.stringify(findings.filter((f) => f.rule === 'cell-limits')));
    assert.ok(findings.some((f) => f.rule === 'cell-limits' && /more findings in this cell not listed/.test(f.message)));
    assert.ok(r.out.length < 100_000, `${r.out.length} characters of output`);
  });

  it('checks the sample: text lines, a summary, exit 1 for errors', () => {
    const r = run(['check', 'seeds/000_5e46737169912d50.txt']);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0] ?? '', /^seeds\/000_5e46737169912d50\.txt:10:4 error subtotal-mismatch total 67,805.48 ≠ /);
    assert.match(lines[lines.length - 1] ?? '', /^1 file\(s\) checked: 8 error\(s\)/);
  });

  it('writes JSON with 1-based positions, in Chinese when asked', () => {
    const r = run(['check', '--format', 'json', '--locale', 'zh-cn', sample]);
    assert.equal(r.code, 1);
    const findings = JSON.parse(r.out) as Array<Record<string, unknown>>;
    assert.deepEqual(findings[0], {
      file: sample, line: 10, column: 4, endLine: 10, endColumn: 13, severity: 'error', rule: 'subtotal-mismatch',
      message: '总计 67,805.48 ≠ 各单位之和 67,805.47（5 行，相差 0.01 万元）',
    });
  });

  it('exits 0 on a clean file and with --exit-zero', () => {
    writeFileSync(join(dir, 'clean.jxmb'), CLEAN);
    assert.equal(run(['check', join(dir, 'clean.jxmb')]).code, 0);
    assert.equal(run(['check', '--exit-zero', sample]).code, 0);
  });

  it('searches directories for .jxmb files and target tables, skipping other text', () => {
    const d = join(dir, 'tree');
    mkdirSync(join(d, 'sub'), { recursive: true });
    writeFileSync(join(d, 'a.jxmb'), BROKEN);
    writeFileSync(join(d, 'sub', 'b.txt'), BROKEN);
    writeFileSync(join(d, 'notes.txt'), 'meeting notes\n');
    const r = run(['check', d]);
    assert.equal(r.code, 1);
    assert.ok(r.out.includes('a.jxmb:10:'));
    assert.ok(r.out.includes(join('sub', 'b.txt')));
    assert.ok(!r.out.includes('notes.txt'));
  });

  it('reads GB18030, UTF-16 and UTF-8 with BOM alike', () => {
    const expected = run(['check', '--format', 'json', sample]).out.replace(new RegExp(sample.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'g'), 'F');
    const text = readFileSync(sample, 'utf8');
    const encodings: Array<[string, Buffer]> = [
      ['gbk.txt', iconv.encode(text, 'gb18030')],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['utf16be.txt', iconv.encode(text, 'utf16-be', { addBOM: true })],
      ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ];
    for (const [name, bytes] of encodings) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const out = run(['check', '--format', 'json', path]).out.split(path).join('F');
      assert.equal(out, expected, name);
    }
  });

  it('reports missing and binary files in one line each, exit 2, and still checks the rest', () => {
    writeFileSync(join(dir, 'bin.jxmb'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 0, 7]));
    writeFileSync(join(dir, 'broken.jxmb'), BROKEN);
    const r = run(['check', join(dir, 'missing.jxmb'), join(dir, 'bin.jxmb'), join(dir, 'broken.jxmb')]);
    assert.equal(r.code, 2);
    assert.deepEqual(r.err.trim().split('\n'), [
      `perf-target: ${join(dir, 'missing.jxmb')}: no such file or directory`,
      `perf-target: ${join(dir, 'bin.jxmb')}: not a text file`,
    ]);
    assert.ok(r.out.includes('total-mismatch'));
  });

  it('checks files of mixed encodings in one run, and reports the unreadable ones', () => {
    const text = readFileSync(sample, 'utf8');
    const files = {
      'a-utf8.txt': Buffer.from(text, 'utf8'),
      'b-gbk.txt': iconv.encode(text, 'gb18030'),
      'c-utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    };
    const d = join(dir, 'mixed');
    mkdirSync(d, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(d, name), bytes);
    const notADir = join(d, 'a-utf8.txt', 'inner.jxmb');
    const r = run(['check', '--format', 'json', join(d, 'a-utf8.txt'), join(d, 'b-gbk.txt'), notADir, join(d, 'c-utf16.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /inner\.jxmb: cannot read \(ENOTDIR/);
    const findings = JSON.parse(r.out) as Array<{ file: string }>;
    const perFile = (name: string) => findings.filter((f) => f.file.endsWith(name)).length;
    assert.ok(perFile('a-utf8.txt') > 0);
    assert.equal(perFile('b-gbk.txt'), perFile('a-utf8.txt'));
    assert.equal(perFile('c-utf16.txt'), perFile('a-utf8.txt'));
  });

  it('rejects bad usage with exit 2 and no stack trace', () => {
    for (const args of [['frobnicate'], ['check'], ['check', '--format', 'xml', sample], ['check', '--bogus', sample], ['export', sample, sample]]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^perf-target: /);
      assert.ok(!/\n\s+at /.test(r.err), 'no stack trace');
    }
  });

  it('applies the nearest .perf-target.json: severities, ignores, and warns about bad settings', () => {
    const d = join(dir, 'configured');
    mkdirSync(join(d, 'sub'), { recursive: true });
    writeFileSync(join(d, 'sub', 'x.jxmb'), BROKEN);
    writeFileSync(join(d, '.perf-target.json'), JSON.stringify({ rules: { 'total-mismatch': 'warning', 'subtotal-mismatch': 'off', 'no-such-rule': 'off' } }));
    let r = run(['check', join(d, 'sub', 'x.jxmb')]);
    assert.equal(r.code, 0);
    assert.ok(r.out.includes('warning total-mismatch'));
    assert.match(r.err, /unknown rule "no-such-rule"/);
    writeFileSync(join(d, '.perf-target.json'), JSON.stringify({ ignore: [{ rule: 'total-mismatch', project: '项目', files: 'sub/*.jxmb' }] }));
    r = run(['check', join(d, 'sub', 'x.jxmb')]);
    assert.ok(!r.out.includes(' total-mismatch '), r.out);
    assert.ok(r.out.includes(' subtotal-mismatch '), 'other rules still run');
  });

  it('exports the parsed model as JSON', () => {
    const r = run(['export', '--format', 'json', sample]);
    assert.equal(r.code, 0);
    const model = JSON.parse(r.out) as { tables: Array<{ units: Array<{ projects: Array<{ name: string; indicators: Array<{ level2: { code: string } }> }> }> }> };
    const first = model.tables[0]?.units[0]?.projects[0];
    assert.equal(first?.name, '就业补助资金');
    assert.equal(first?.indicators[1]?.level2.code, '12');
  });

  it('lists the rules', () => {
    const r = run(['rules', '--locale', 'en']);
    assert.equal(r.code, 0);
    assert.equal(r.out.trim().split('\n').length, 23);
  });
});
