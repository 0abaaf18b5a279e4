import * as assert from 'node:assert/strict';
import { RULES } from '../server/src/rules';
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

const LOCALE_VARS = ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'];

/** Runs the command line with only the given locale variables set (default `LANG=C`: English here). */
function run(args: string[], cwd = root, locale: Record<string, string> = { LANG: 'C' }, input?: string | Buffer) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !LOCALE_VARS.includes(k)));
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...env, ...locale },
    ...(input !== undefined ? { input } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ZH = { LANG: 'zh_CN.UTF-8' };

const CLEAN = table([
  unitRow('合计', ['1.00', '1.00']),
  unitRow('单位', ['1.00', '1.00']),
  projectRow('项目', ['1.00', '1.00']),
]);
const BROKEN = table([
  unitRow('合计', ['1.00', '1.00']),
  unitRow('单位', ['1.00', '1.00']),
  projectRow('项目', ['2.00', '1.00']),
]);

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
    assert.ok(
      findings.some((f) => f.rule === 'cell-limits' && /only the first [0-9]+ were checked/.test(f.message)),
      JSON.stringify(findings.filter((f) => f.rule === 'cell-limits')),
    );
    assert.ok(
      findings.some((f) => f.rule === 'cell-limits' && /more findings in this cell not listed/.test(f.message)),
    );
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
      file: sample,
      line: 10,
      column: 4,
      endLine: 10,
      endColumn: 13,
      severity: 'error',
      rule: 'subtotal-mismatch',
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
    const expected = run(['check', '--format', 'json', sample]).out.replace(
      new RegExp(sample.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'g'),
      'F',
    );
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
    const r = run([
      'check',
      '--format',
      'json',
      join(d, 'a-utf8.txt'),
      join(d, 'b-gbk.txt'),
      notADir,
      join(d, 'c-utf16.txt'),
    ]);
    assert.equal(r.code, 2);
    assert.match(r.err, /inner\.jxmb: cannot read \(ENOTDIR/);
    const findings = JSON.parse(r.out) as Array<{ file: string }>;
    const perFile = (name: string) => findings.filter((f) => f.file.endsWith(name)).length;
    assert.ok(perFile('a-utf8.txt') > 0);
    assert.equal(perFile('b-gbk.txt'), perFile('a-utf8.txt'));
    assert.equal(perFile('c-utf16.txt'), perFile('a-utf8.txt'));
  });

  it('rejects bad usage with exit 2 and no stack trace', () => {
    for (const args of [
      ['frobnicate'],
      ['check'],
      ['check', '--format', 'xml', sample],
      ['check', '--bogus', sample],
      ['export', sample, sample],
    ]) {
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
    writeFileSync(
      join(d, '.perf-target.json'),
      JSON.stringify({ rules: { 'total-mismatch': 'warning', 'subtotal-mismatch': 'off', 'no-such-rule': 'off' } }),
    );
    let r = run(['check', join(d, 'sub', 'x.jxmb')]);
    assert.equal(r.code, 2, 'an unknown rule in the settings is a settings problem');
    assert.ok(r.out.includes('warning total-mismatch'));
    assert.match(r.err, /unknown rule "no-such-rule"/);
    writeFileSync(
      join(d, '.perf-target.json'),
      JSON.stringify({ ignore: [{ rule: 'total-mismatch', project: '项目', files: 'sub/*.jxmb' }] }),
    );
    r = run(['check', join(d, 'sub', 'x.jxmb')]);
    assert.equal(r.code, 1, r.err);
    assert.ok(!r.out.includes(' total-mismatch '), r.out);
    assert.ok(r.out.includes(' subtotal-mismatch '), 'other rules still run');
  });

  it('exports the parsed model as JSON', () => {
    const r = run(['export', '--format', 'json', sample]);
    assert.equal(r.code, 0);
    const model = JSON.parse(r.out) as {
      tables: Array<{
        units: Array<{ projects: Array<{ name: string; indicators: Array<{ level2: { code: string } }> }> }>;
      }>;
    };
    const first = model.tables[0]?.units[0]?.projects[0];
    assert.equal(first?.name, '就业补助资金');
    assert.equal(first?.indicators[1]?.level2.code, '12');
  });

  it('lists the rules', () => {
    const r = run(['rules', '--locale', 'en']);
    assert.equal(r.code, 0);
    assert.equal(r.out.trim().split('\n').length, RULES.length);
  });
});

/** Latin words left in a message once paths, quoted names, options and file kinds are taken out. */
function englishIn(text: string, paths: string[]): string[] {
  let t = text;
  for (const p of paths) t = t.split(p).join('');
  t = t
    .replace(/(?:^|\s)[^\s]*\/[^\s:]*/g, ' ')
    .replace(/perf-target/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/--[a-z-]+/g, '')
    .replace(/\.(?:jxmb|txt|tsv|json)\b/g, '')
    // names the clerk types: commands, option values, locale names, JSON
    .replace(
      /\b(?:check|export|import|convert|rules|seven-column|form|text|json|xlsx|JSON|zh-Hans|zh_CN|zh-cn|zh|en)\b/g,
      '',
    );
  return t.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('command line: the clerk’s language', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'perf-target-cli-zh-'));
    writeFileSync(join(dir, 'broken.jxmb'), BROKEN);
  });

  it('speaks Chinese from LC_ALL, LC_MESSAGES, LANG or LANGUAGE, skipping C, and English otherwise', () => {
    const summary = (locale: Record<string, string>, args: string[] = []) => {
      const lines = run(['check', ...args, join(dir, 'broken.jxmb')], root, locale)
        .out.trim()
        .split('\n');
      return lines[lines.length - 1] ?? '';
    };
    for (const env of <Array<Record<string, string>>>[
      { LANG: 'zh_CN.UTF-8' },
      { LC_ALL: 'zh_CN.GB18030' },
      { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'C' },
      { LANG: 'C', LANGUAGE: 'zh_CN:en' },
      { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' },
      { LANG: 'zh_TW.UTF-8' },
    ]) {
      assert.match(summary(env), /^检查了 1 个文件：/, JSON.stringify(env));
    }
    for (const env of <Array<Record<string, string>>>[
      { LANG: 'C' },
      { LANG: 'en_US.UTF-8', LANGUAGE: 'zh_CN' },
      { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' },
    ]) {
      assert.match(summary(env), /^1 file\(s\) checked: /, JSON.stringify(env));
    }
    for (const flag of ['zh', 'zh-cn', 'zh_CN', 'zh-Hans', 'zh-Hans-CN', 'ZH-CN']) {
      assert.match(summary({ LANG: 'C' }, ['--locale', flag]), /^检查了/, flag);
      assert.match(summary({ LANG: 'C' }, [`--locale=${flag}`]), /^检查了/, flag);
    }
    assert.match(summary(ZH, ['--locale', 'en']), /^1 file\(s\) checked/);
    const r = run(['rules', '--locale', 'zh_CN']);
    assert.equal(r.code, 0);
    assert.match(r.out, /row-columns +error +/);
    assert.ok(/[\u4e00-\u9fff]/.test(r.out.split('\n')[0] ?? ''));
  });

  it('writes usage, file, directory and settings problems in Chinese, with no English left', () => {
    const usage = [
      ['frobnicate'],
      ['chek'],
      ['check'],
      ['export'],
      ['check', '--format', 'xml', 'x'],
      ['check', '--bogus', 'x'],
      ['check', '--locale', 'fr', 'x'],
      ['export', 'a', 'b'],
      ['export', '--format', 'text', 'a'],
      ['check', '--config'],
    ];
    for (const args of usage) {
      const r = run(args, root, ZH);
      assert.equal(r.code, 2, args.join(' '));
      const [first, second] = r.err.split('\n');
      assert.deepEqual(englishIn(first ?? '', []), [], first);
      assert.equal(second, '用法：', 'the help follows in Chinese');
    }
    assert.match(run(['chek'], root, ZH).err, /是否想写 "check"/);
    assert.match(run(['check', '--note', 'x'], root, ZH).err, /是否想写 "--notes"/);

    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'notes.txt'), 'meeting notes\n');
    writeFileSync(join(dir, 'bin.jxmb'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 0, 7]));
    const files = run(
      ['check', join(dir, 'missing.jxmb'), join(dir, 'bin.jxmb'), empty, join(dir, 'broken.jxmb', 'x.jxmb')],
      root,
      ZH,
    );
    assert.equal(files.code, 2);
    const lines = files.err.trim().split('\n');
    assert.equal(lines.length, 4, files.err);
    for (const line of lines) assert.deepEqual(englishIn(line, [dir]), [], line);
    assert.match(files.err, /没有这个文件或目录/);
    assert.match(files.err, /不是文本文件/);
    assert.match(files.err, /没有找到目标表文件/);

    const configured = join(dir, 'configured');
    mkdirSync(configured, { recursive: true });
    writeFileSync(join(configured, 'x.jxmb'), BROKEN);
    writeFileSync(
      join(configured, '.perf-target.json'),
      JSON.stringify({ rules: { 'punctuation-styel': 'off', 'html-residue': 'warn' }, tolerence: 1 }),
    );
    const settings = run(['check', join(configured, 'x.jxmb')], root, ZH);
    assert.equal(settings.code, 2);
    const problems = settings.err.trim().split('\n');
    assert.equal(problems.length, 3, settings.err);
    for (const line of problems)
      assert.deepEqual(englishIn(line.replace(/error、warning、information、hint、off/, ''), [configured]), [], line);
    writeFileSync(join(configured, '.perf-target.json'), '{\n  "rules": { "html-residue": "off", }\n}\n');
    const json = run(['check', join(configured, 'x.jxmb')], root, ZH);
    assert.equal(json.code, 2);
    assert.match(json.err, /不是有效的 JSON（第 2 行第 \d+ 列附近）/);
    assert.deepEqual(englishIn(json.err, [configured]), [], json.err);
    const missingConfig = run(['check', '--config', join(dir, 'nope.json'), join(dir, 'broken.jxmb')], root, ZH);
    assert.equal(missingConfig.code, 2);
    assert.deepEqual(englishIn(missingConfig.err, [dir]), [], missingConfig.err);
  });

  it('prints the help in the clerk’s language', () => {
    assert.match(run(['--help'], root, ZH).out, /^用法：/);
    assert.match(run(['--help'], root, { LANG: 'C' }).out, /^Usage:/);
    assert.match(run(['--help', '--locale', 'zh'], root, { LANG: 'C' }).out, /^用法：/);
  });
});

describe('command line: exit codes a CI can trust', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'perf-target-cli-exit-'));
  });

  it('exits 2 when a directory holds no target file, and says so', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'readme.txt'), 'nothing here\n');
    const r = run(['check', empty]);
    assert.equal(r.code, 2);
    assert.equal(
      r.err.trim(),
      `perf-target: ${empty}: no target files found (.jxmb files, or .txt/.tsv files holding a target table)`,
    );
    assert.match(r.out, /^0 file\(s\) checked/);
    assert.equal(run(['check', '--exit-zero', empty]).code, 2, '--exit-zero does not hide it');
    writeFileSync(join(dir, 'clean.jxmb'), CLEAN);
    assert.equal(run(['check', join(dir, 'clean.jxmb'), empty]).code, 2, 'nor do other files');
  });

  it('exits 2 on an unknown rule, severity or setting, with “did you mean”, and still checks', () => {
    const d = join(dir, 'settings');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'x.jxmb'), BROKEN);
    const cases: Array<[object, RegExp]> = [
      [
        { rules: { 'punctuation-styel': 'off' } },
        /unknown rule "punctuation-styel" in "rules" — did you mean "punctuation-style"\?/,
      ],
      [
        { rules: { 'total-mismatch': 'warn' } },
        /unknown severity "warn" for "rules\.total-mismatch": must be one of error, warning, information, hint, off — did you mean "warning"\?/,
      ],
      [{ tolerence: 0.01 }, /unknown setting "tolerence" — did you mean "tolerance"\?/],
      [{ ignore: [{ rule: 'html-residu' }] }, /unknown rule "html-residu" in "ignore" — did you mean "html-residue"\?/],
      [{ rules: { 'zzz-qqq': 'off' } }, /unknown rule "zzz-qqq" in "rules"$/m],
    ];
    for (const [settings, message] of cases) {
      writeFileSync(join(d, '.perf-target.json'), JSON.stringify(settings));
      for (const extra of [[], ['--exit-zero'], ['--format', 'json']]) {
        const r = run(['check', ...extra, join(d, 'x.jxmb')]);
        assert.equal(r.code, 2, `${JSON.stringify(settings)} ${extra.join(' ')}`);
        assert.match(r.err, message);
        assert.ok(r.out.includes('total-mismatch'), 'the files are still checked');
      }
    }
    writeFileSync(join(d, '.perf-target.json'), JSON.stringify({ rules: { 'total-mismatch': 'warning' } }));
    assert.equal(run(['check', join(d, 'x.jxmb')]).code, 1, 'good settings: the findings decide');
    writeFileSync(join(d, '.perf-target.json'), '{ "rules": ');
    const r = run(['check', join(d, 'x.jxmb')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /settings are not valid JSON/);
  });

  it('exits 0 on a clean file, 1 on an error finding, 2 on a usage problem', () => {
    writeFileSync(join(dir, 'clean.jxmb'), CLEAN);
    writeFileSync(join(dir, 'broken.jxmb'), BROKEN);
    assert.equal(run(['check', join(dir, 'clean.jxmb')]).code, 0);
    assert.equal(run(['check', join(dir, 'broken.jxmb')]).code, 1);
    assert.equal(run(['check', '--exit-zero', join(dir, 'broken.jxmb')]).code, 0);
    assert.equal(run(['check', '--nope', join(dir, 'broken.jxmb')]).code, 2);
  });
});

describe('command line: standard input', () => {
  it('checks “-” from standard input, decoded as files are, named <stdin>', () => {
    const text = readFileSync(sample, 'utf8');
    const fromFile = run(['check', '--format', 'json', sample]);
    const expected = (JSON.parse(fromFile.out) as Array<Record<string, unknown>>).map((f) => ({
      ...f,
      file: '<stdin>',
    }));
    for (const [name, bytes] of [
      ['utf-8', Buffer.from(text, 'utf8')],
      ['gb18030', iconv.encode(text, 'gb18030')],
      ['utf-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ] as const) {
      const r = run(['check', '--format', 'json', '-'], root, { LANG: 'C' }, bytes);
      assert.equal(r.code, 1, name);
      assert.deepEqual(JSON.parse(r.out), expected, name);
    }
    const text1 = run(['check', '-'], root, { LANG: 'C' }, BROKEN);
    assert.equal(text1.code, 1);
    assert.match(text1.out, /^<stdin>:9:4 error subtotal-mismatch /);
    const binary = run(['check', '-'], root, ZH, Buffer.from([0, 1, 2, 0, 0, 255]));
    assert.equal(binary.code, 2);
    assert.equal(binary.err.trim(), 'perf-target: <stdin>: 不是文本文件');
    const exported = run(['export', '-'], root, { LANG: 'C' }, text);
    assert.equal(exported.code, 0);
    assert.equal((JSON.parse(exported.out) as { file: string }).file, '<stdin>');
  });
});

describe('command line: what matters first', () => {
  const severityOf = (line: string) => /^\S+:\d+:\d+ (\w+) /.exec(line)?.[1];

  it('lists errors, then warnings, and counts the notes (npm start)', () => {
    const r = run(['check', '--exit-zero', 'seeds']);
    assert.equal(r.code, 0);
    const lines = r.out.trim().split('\n');
    const summary = lines.pop() ?? '';
    assert.equal(
      summary,
      '1 file(s) checked: 8 error(s), 54 warning(s), 95 note(s) (notes not listed; --notes lists them)',
    );
    const severities = lines.map(severityOf);
    assert.deepEqual(severities, [...Array<string>(8).fill('error'), ...Array<string>(54).fill('warning')]);
    const zh = run(['check', '--exit-zero', 'seeds'], root, ZH).out.trim().split('\n').pop();
    assert.equal(zh, '检查了 1 个文件：8 个错误，54 个警告，95 条提示（提示未列出，加 --notes 列出）');
  });

  it('lists the notes after the warnings with --notes, each group in file and line order', () => {
    const r = run(['check', '--notes', sample]);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.pop(), '1 file(s) checked: 8 error(s), 54 warning(s), 95 note(s)');
    assert.equal(lines.length, 157);
    const rank = { error: 0, warning: 1, information: 2, hint: 3 } as Record<string, number>;
    const ranks = lines.map((l) => rank[severityOf(l) ?? ''] ?? -1);
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
      'grouped by severity',
    );
    assert.ok(ranks.slice(62).every((x) => x >= 2));
    const json = JSON.parse(run(['check', '--format', 'json', sample]).out) as Array<{
      severity: string;
      line: number;
    }>;
    assert.equal(json.length, 157, 'JSON keeps every finding');
    for (const group of ['error', 'warning']) {
      const textLines = lines.filter((l) => severityOf(l) === group).map((l) => Number(l.split(':')[1]));
      assert.deepEqual(
        textLines,
        json.filter((f) => f.severity === group).map((f) => f.line),
        group,
      );
    }
  });
});
