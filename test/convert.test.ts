/**
 * `perf-target convert` (issue 18): application forms as seven-column text and back, through the
 * model. Seven-column → form → seven-column gives back the projects' names, amounts and indicators;
 * a clean form gives seven-column text without syntax errors; what the target cannot hold is said.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../bench/generate';
import { convertText, type Conversion } from '../server/src/convert';
import { sevenColumnProject } from '../server/src/model/seven-column';
import { parseDocument } from '../server/src/syntax/document';
import { check } from './helpers';

const root = join(__dirname, '..', '..');
const cli = join(root, 'bin', 'perf-target.js');
const samplePath = join(root, 'seeds', '000_5e46737169912d50.txt');
const sample = readFileSync(samplePath, 'utf8');
/** The four published forms (copies of the shared layouts, with their notes). */
const FORMS = join(root, 'test', 'fixtures', 'forms');
const shared = readdirSync(FORMS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(join(FORMS, f), 'utf8') }));

interface Summary {
  readonly name: string | undefined;
  readonly amounts: ReadonlyArray<number | undefined>;
  readonly indicators: ReadonlyArray<ReadonlyArray<string | undefined>>;
}

/** The seven-column projects of a text: name, amounts, and each indicator's levels, name and values. */
function projects(text: string): Summary[] {
  return parseDocument(text).tables.flatMap((t) =>
    t.layout !== 'seven-column'
      ? []
      : t.projects.map((ref) => {
          const p = sevenColumnProject(ref.row, ref.line);
          return {
            name: p.name?.text,
            amounts: p.amounts.map((a) => a.value),
            indicators: p.indicators.map((i) => [
              i.level1?.text,
              i.level2?.text,
              i.name?.text,
              i.period?.text,
              i.annual?.text,
            ]),
          };
        }),
  );
}

function notesOf(c: Conversion): string {
  return c.notes.map((n) => `${n.message.zh}\n${n.message.en}`).join('\n');
}

/** Seven-column → form → seven-column: every project's name, amounts and indicators as they were. */
function assertRoundTrip(text: string): void {
  const form = convertText(text, 'form');
  assert.equal(form.to, 'form');
  const back = convertText(form.text, 'seven-column');
  const before = projects(text);
  const after = projects(back.text);
  assert.equal(after.length, before.length, 'every project comes back');
  assert.equal(form.projects, before.length);
  before.forEach((p, i) => {
    const q = after[i];
    assert.ok(q);
    assert.equal(q.name, p.name, `project ${i + 1}'s name`);
    p.amounts.forEach((v, k) => {
      // An amount the seven-column reader refuses (`31万`) is read by the form reader: only numbers compare.
      if (v !== undefined) assert.equal(q.amounts[k], v, `${p.name}: amount ${k}`);
    });
    assert.deepEqual(q.indicators, p.indicators, `${p.name}: indicators`);
  });
}

/** A form the tests build: a header block, an indicator grid with merged (empty) 一级/二级 cells. */
const FORM = [
  '2024年项目支出绩效目标申报表',
  '单位：万元',
  '项目名称\t社区养老服务补贴',
  '预算单位\t某区民政局',
  '资金总额\t120.00',
  '财政拨款\t100.00',
  '财政专户拨款\t15.00',
  '其他资金\t5.00',
  '年度目标\t为辖区老人提供居家养老服务，提升老人生活质量。',
  '一级指标\t二级指标\t三级指标\t指标性质\t运算符号\t指标值\t计量单位\t分值\t备注',
  '产出指标\t数量指标\t服务老人人数\t定量\t≥\t500\t人\t20\t',
  '\t\t上门服务次数\t定量\t≥\t6000\t人次\t20\t',
  '\t质量指标\t服务合格率\t定量\t≥\t95\t%\t20\t抽查',
  '效益指标\t社会效益指标\t老人生活质量\t定性\t定性\t明显改善\t\t20\t',
  '满意度指标\t服务对象满意度指标\t老人满意度\t定量\t≥\t90\t%\t20\t',
].join('\n');

describe('convert', function () {
  this.timeout(120000);

  it('gives back the sample’s projects: seven-column → form → seven-column', () => {
    assertRoundTrip(sample);
  });

  it('gives back generated tables’ projects', () => {
    for (const seed of [1, 2, 3]) assertRoundTrip(generate(sample, 60_000, seed));
  });

  it('writes a form with 一级/二级 left empty below their first row, as merged cells copy', () => {
    const text = convertText(sample, 'form').text;
    const doc = parseDocument(text);
    const forms = doc.tables.filter((t) => t.layout === 'form');
    assert.equal(forms.length, projects(sample).length, 'one form per project, each read as a form');
    const grid = text.split('\n').filter((l) => l.startsWith('\t'));
    assert.ok(grid.length > 0, 'rows with the 一级 left empty');
    const carried = forms.flatMap((f) => f.model?.projects[0]?.indicators ?? []).filter((i) => i.carried?.level1);
    assert.ok(carried.length > 0);
    for (const i of carried) assert.ok(i.level1?.text, 'the carried 一级 is the row above’s');
  });

  it('turns a built form into a project row: amounts by source, value with comparator and unit, codes by name', () => {
    const c = convertText(FORM);
    assert.equal(c.to, 'seven-column');
    assert.equal(c.projects, 1);
    const [p] = projects(c.text);
    assert.ok(p);
    assert.equal(p.name, '社区养老服务补贴');
    assert.deepEqual(p.amounts, [120, 100, 15, 5]);
    assert.deepEqual(p.indicators, [
      ['产出指标', '数量指标', '服务老人人数', '≥500人', '≥500人'],
      ['产出指标', '数量指标', '上门服务次数', '≥6000人次', '≥6000人次'],
      ['产出指标', '质量指标', '服务合格率', '≥95%', '≥95%'],
      ['效益指标', '社会效益', '老人生活质量', '明显改善', '明显改善'],
      ['满意度指标', '服务对象满意度', '老人满意度', '≥90%', '≥90%'],
    ]);
    assert.match(c.text, /1、1-产出指标；11-数量指标；服务老人人数；实施周期指标值：≥500人；年度指标值：≥500人。2、/);
    assert.match(c.text, /^部门名称：某区民政局$/m);
    const notes = notesOf(c);
    for (const word of ['分值（权重）', '指标性质', '备注', 'weights', 'natures', 'notes'])
      assert.ok(notes.includes(word), `a note names ${word}:\n${notes}`);
    assert.deepEqual(
      check(c.text).filter((f) => f.severity === 'error'),
      [],
      'a clean form gives a clean table',
    );
  });

  it('adds sources the labels do not name into 其他资金, and says so', () => {
    const text = FORM.replace('财政专户拨款\t15.00', '上级补助资金\t15.00');
    const c = convertText(text, 'seven-column');
    assert.deepEqual(projects(c.text)[0]?.amounts, [120, 100, 0, 20]);
    assert.match(notesOf(c), /上级补助资金.*计入其他资金/);
    assert.match(notesOf(c), /"上级补助资金" say neither 财政拨款 nor 财政专户拨款: added into 其他资金/);
  });

  it('writes several forms as one table, a unit row heading each department', () => {
    const second = FORM.replace('社区养老服务补贴', '助餐服务')
      .replace('某区民政局', '某区老龄办')
      .replace(/120\.00/, '12.00')
      .replace('财政拨款\t100.00', '财政拨款\t12.00')
      .replace('财政专户拨款\t15.00\n', '')
      .replace('其他资金\t5.00\n', '');
    const c = convertText(`${FORM}\n\n${second}\n\n${FORM}`);
    assert.equal(c.projects, 3);
    assert.deepEqual(
      projects(c.text).map((p) => p.name),
      ['社区养老服务补贴', '助餐服务', '社区养老服务补贴'],
    );
    const doc = parseDocument(c.text);
    assert.deepEqual(
      doc.tables[0]?.units.map((u) => u.ref.row.cells[0]?.text),
      ['某区民政局', '某区老龄办', '某区民政局'],
    );
    assert.deepEqual(
      check(c.text).filter((f) => f.rule === 'subtotal-mismatch' || f.rule === 'total-mismatch'),
      [],
    );
  });

  for (const { name, text } of shared) {
    it(`turns the shared form ${name} into seven-column text without syntax errors`, () => {
      const c = convertText(text);
      assert.equal(c.to, 'seven-column');
      assert.equal(c.projects, 1);
      const found = check(c.text);
      assert.deepEqual(
        found.filter((f) => f.rule === 'indicator-syntax' || f.rule === 'row-columns').map((f) => f.message.en),
        [],
      );
      assert.ok(projects(c.text)[0]?.indicators.length, 'indicators carried');
      assert.ok(c.notes.length > 0, 'what the seven columns cannot hold is said');
    });
  }

  it('says what each shared form loses', () => {
    assert.equal(shared.length, 4);
    const notes = (part: string) => notesOf(convertText(shared.find((s) => s.name.includes(part))?.text ?? ''));
    assert.match(notes('wuhai'), /分值（权重）/);
    assert.match(notes('wuhai'), /指标方向/);
    assert.match(notes('xiangtan'), /绩效标准/);
    assert.match(notes('xiangtan'), /没有名称和指标值/);
    assert.match(notes('ningde'), /指标解释/);
    assert.match(notes('ningde'), /年度履职目标/);
    assert.match(notes('guangyuan'), /项目完成指标.*1-产出指标/);
  });

  it('says when there is nothing to convert', () => {
    const none = convertText('随便一段文字', 'seven-column');
    assert.equal(none.projects, 0);
    assert.equal(none.text, '');
    assert.match(notesOf(none), /no application form found/);
  });

  describe('command line', () => {
    const LOCALE_VARS = ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'];
    function run(args: string[], locale: Record<string, string> = { LANG: 'C' }) {
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !LOCALE_VARS.includes(k)));
      const r = spawnSync(process.execPath, [cli, ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...env, ...locale },
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    }
    let dir: string;
    let formFile: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'perf-target-convert-'));
      formFile = join(dir, 'form.txt');
      writeFileSync(formFile, FORM);
    });

    it('writes the seven-column text and lists the notes on standard error, one line each, in the locale', () => {
      const r = run(['convert', formFile], { LANG: 'zh_CN.UTF-8' });
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(projects(r.out)[0]?.amounts, [120, 100, 15, 5]);
      const lines = r.err.trim().split('\n');
      assert.ok(lines.length >= 2);
      for (const l of lines) assert.match(l, /^perf-target: .*form\.txt(:[0-9]+)?: 项目“社区养老服务补贴”：/);
      assert.match(r.err, /form\.txt:11: .*分值（权重）/);
    });

    it('writes forms with --to form and -o, and JSON with --format json', () => {
      const out = join(dir, 'forms.txt');
      const r = run(['convert', '--to', 'form', samplePath, '-o', out]);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, '');
      assert.match(r.err, /total and unit rows have no place/);
      const forms = readFileSync(out, 'utf8');
      assert.ok(parseDocument(forms).tables.every((t) => t.layout === 'form'));
      const json = run(['convert', '--format', 'json', formFile]);
      assert.equal(json.code, 0, json.err);
      assert.equal(json.err, '');
      const parsed = JSON.parse(json.out) as {
        to: string;
        projects: number;
        notes: Array<{ line?: number; message: string }>;
        text: string;
      };
      assert.equal(parsed.to, 'seven-column');
      assert.equal(parsed.projects, 1);
      assert.ok(parsed.notes.some((n) => n.line === 11 && /weights/.test(n.message)));
      assert.deepEqual(projects(parsed.text)[0]?.name, '社区养老服务补贴');
    });

    it('refuses a bad --to, a second file and a file with nothing to convert', () => {
      const a = run(['convert', '--to', 'xlsx', formFile]);
      assert.equal(a.code, 2);
      assert.match(a.err, /--to must be seven-column or form, not "xlsx"/);
      assert.equal(run(['convert', formFile, formFile]).code, 2);
      assert.match(run(['check', '--to', 'form', formFile]).err, /--to is only for convert/);
      const empty = join(dir, 'empty.txt');
      writeFileSync(empty, '说明文字\n');
      const b = run(['convert', '--to', 'seven-column', empty], { LANG: 'zh_CN.UTF-8' });
      assert.equal(b.code, 2);
      assert.match(b.err, /没有找到申报表/);
      assert.equal(run(['convert', join(dir, 'missing.txt')]).code, 2);
    });
  });
});
