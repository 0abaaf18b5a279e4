/**
 * TextMate grammar tests with vscode-textmate and vscode-oniguruma (the engine VS Code uses):
 * snapshots of the scopes over the sample and over a broken file, and pointed assertions.
 * Regenerate snapshots after a deliberate change with `UPDATE_GOLDEN=1 npm test`.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { renderGrammar } from '../scripts/grammar';
import { projectRow, unitRow } from '../server/src/rules/examples';
import { performance } from 'node:perf_hooks';
import { CATALOGUE } from '../server/src/catalogue';
import { parseValue } from '../server/src/syntax/value';
import {
  COMPARATOR_FORMS,
  DIRECTION_WORDS,
  FORM_COLUMNS,
  FORM_FIELDS,
  MEASURE_UNITS,
  NATURE_WORDS,
  SCALES,
  STANDARD_WORDS,
  UNIT_VARIANTS,
} from '../server/src/vocabulary';
import { excelSheet } from './excel-sheet';
import { HTML_CASES, table } from './helpers';

const root = join(__dirname, '..', '..');
const grammarPath = join(root, 'syntaxes', 'perf-target.tmLanguage.json');

let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: (scope: string) =>
      Promise.resolve(
        scope === 'source.perf-target' ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
      ),
  });
  const g = await registry.loadGrammar('source.perf-target');
  if (!g) throw new Error('grammar not loaded');
  grammar = g;
});

interface Tok {
  text: string;
  scopes: string[];
}

function tokenize(text: string): Tok[][] {
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes.filter((s) => s !== 'source.perf-target'),
    }));
  });
}

function snapshot(text: string): string {
  const out: string[] = [];
  tokenize(text).forEach((tokens, i) => {
    out.push(`${i + 1}`);
    for (const t of tokens) if (t.scopes.length > 0) out.push(`  ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`);
  });
  return `${out.join('\n')}\n`;
}

function golden(name: string, actual: string): void {
  const path = join(root, 'test', 'grammar', name);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, actual);
  assert.equal(
    actual,
    readFileSync(path, 'utf8'),
    `${name} differs; if intended, run UPDATE_GOLDEN=1 npm test and review the diff`,
  );
}

/** The scopes of every token with this text, merged. */
const scopesOf = (line: Tok[], text: string): string[] => line.filter((t) => t.text === text).flatMap((t) => t.scopes);

const BROKEN = table([
  unitRow('合计', ['1O0.00', '100.00']),
  projectRow(
    '<p>项目</p>',
    ['100.00', '100.00'],
    '1、4-成本指标；15-数量指标；人次；实施周期指标值≥20000人次≥45000人次；年度指标值：“甲；乙。”2、2-效益指标；31-服务对象满意度；满意率；实施周期指标值：≥90%',
  ),
  '只有文字的一行',
]);

describe('TextMate grammar', () => {
  it('is generated from the catalogue (run `npm run generate`)', () => {
    assert.equal(readFileSync(grammarPath, 'utf8'), renderGrammar());
  });

  it('scopes the sample (snapshot)', () => {
    golden('sample.snap', snapshot(readFileSync(join(root, 'seeds', '000_5e46737169912d50.txt'), 'utf8')));
  });

  it('scopes a broken file (snapshot)', () => {
    golden('broken.snap', snapshot(BROKEN));
  });

  it('tells preface, header, total, unit and project rows apart', () => {
    const lines = tokenize(
      table([
        unitRow('合计', ['1.00', '1.00']),
        unitRow('某单位', ['1.00', '1.00']),
        projectRow('某项目', ['1.00', '1.00']),
      ]),
    );
    assert.ok(lines[0]?.[0]?.scopes.includes('markup.heading.title.perf-target'));
    assert.ok(scopesOf(lines[2] ?? [], '部门名称').includes('keyword.other.preface.perf-target'));
    assert.ok(lines[6]?.[0]?.scopes.includes('markup.heading.header.perf-target'));
    assert.ok(scopesOf(lines[7] ?? [], '合计').includes('keyword.other.total.perf-target'));
    assert.ok(scopesOf(lines[8] ?? [], '某单位').includes('entity.name.namespace.unit.perf-target'));
    assert.ok(scopesOf(lines[9] ?? [], '某项目').includes('entity.name.function.project.perf-target'));
    assert.ok(scopesOf(lines[9] ?? [], '1.00').includes('constant.numeric.amount.perf-target'));
  });

  it('follows a goal or indicator cell Excel copied over several lines, and the rows after it', () => {
    const lines = tokenize(excelSheet({ eol: '\n' }));
    assert.ok(scopesOf(lines[5] ?? [], '开展职业技能培训，').includes('string.unquoted.goal.perf-target'));
    assert.ok(
      scopesOf(lines[6] ?? [], '促进就业。').includes('string.unquoted.goal.perf-target'),
      'the goal’s second line',
    );
    assert.ok(
      scopesOf(lines[6] ?? [], '产出指标').includes('entity.name.tag.level1.perf-target'),
      'the indicators after the goal’s closing quote',
    );
    assert.ok(
      scopesOf(lines[9] ?? [], '31').includes('constant.language.code.level2.perf-target'),
      'the indicators’ third line',
    );
    assert.ok(scopesOf(lines[9] ?? [], '31').includes('meta.indicators.perf-target'));
    assert.ok(
      scopesOf(lines[10] ?? [], '培训经费').includes('entity.name.function.project.perf-target'),
      'the next row is a row again',
    );
    // A quote that merely starts a name, or one being typed in a row with cells after it, opens nothing.
    const typed = tokenize(
      `${projectRow('"三品一标"认证', ['1.00', '1.00'])}\n${projectRow('项目', ['1.00', '1.00'])}`,
    );
    assert.ok(scopesOf(typed[1] ?? [], '项目').includes('entity.name.function.project.perf-target'));
  });

  it('highlights only codes that exist, with their own names', () => {
    const line = tokenize(BROKEN)[8] ?? [];
    assert.ok(scopesOf(line, '2').includes('constant.language.code.level1.perf-target'));
    assert.ok(
      scopesOf(line, '31').includes('constant.language.code.level2.perf-target'),
      'a real code, even under the wrong parent',
    );
    for (const t of line.filter((x) => x.text === '4' || x.text === '15')) {
      assert.ok(!t.scopes.some((s) => s.startsWith('constant.language.code')), `${t.text} is no code`);
    }
    assert.ok(scopesOf(line, '<p>').includes('comment.other.html-residue.perf-target'));
    assert.ok(scopesOf(line, '“甲；乙。”').includes('string.quoted.double.perf-target'));
    assert.ok(scopesOf(line, '≥').includes('keyword.operator.comparison.perf-target'));
    assert.ok(scopesOf(line, '人次').includes('keyword.other.unit.perf-target'));
    assert.ok(scopesOf(line, '年度指标值').includes('keyword.other.label.perf-target'));
  });

  it('marks an amount that is not a number', () => {
    assert.ok(scopesOf(tokenize(BROKEN)[7] ?? [], '1O0.00').includes('invalid.illegal.amount.perf-target'));
  });
});

describe('TextMate grammar: the value reader’s vocabulary', () => {
  const UNIT = 'keyword.other.unit.perf-target';
  const SCALE = 'constant.numeric.scale.perf-target';
  const COMPARISON = 'keyword.operator.comparison.perf-target';

  /** The tokens of the annual value in a project row that writes `value` as both its values. */
  function valueTokens(value: string): Tok[] {
    const row = projectRow(
      '某项目',
      ['1.00', '1.00'],
      `1、1-产出指标；11-数量指标；数量；实施周期指标值：${value}；年度指标值：${value}。`,
    );
    const start = row.lastIndexOf(value);
    const out: Tok[] = [];
    let at = 0;
    for (const t of tokenize(row)[0] ?? []) {
      if (at >= start && at < start + value.length) out.push(t);
      at += t.text.length;
    }
    assert.equal(out.map((t) => t.text).join(''), value, `tokens cover ${value}`);
    return out;
  }

  it('highlights every unit the value reader reads, as the unit the reader reads', () => {
    for (const unit of [...MEASURE_UNITS, ...Object.keys(UNIT_VARIANTS)]) {
      const value = `≥5${unit}`;
      const tokens = valueTokens(value);
      assert.ok(tokens[0]?.text === '≥' && tokens[0].scopes.includes(COMPARISON), `≥ in ${value}`);
      assert.ok(tokens[1]?.text === '5' && tokens[1].scopes.includes('constant.numeric.perf-target'), `5 in ${value}`);
      const after = tokens.slice(2);
      assert.ok(
        after.length > 0 && after.every((t) => t.scopes.includes(UNIT) || t.scopes.includes(SCALE)),
        `${unit} is highlighted as a unit: ${JSON.stringify(after)}`,
      );
      // The reader reads the same characters as scale and unit.
      const [m] = parseValue(value).measures;
      const scale = Object.keys(SCALES).find((s) => SCALES[s] === m?.scale) ?? '';
      assert.equal(`${scale}${m?.unit ?? ''}`, UNIT_VARIANTS[unit] ?? unit, `the reader's unit in ${value}`);
    }
  });

  it('highlights every comparator the value reader reads, whole', () => {
    for (const form of COMPARATOR_FORMS) {
      const value = form.place === 'before' ? `${form.text}5人` : `5人${form.text}`;
      const tokens = valueTokens(value);
      const comparator = tokens.find((t) => t.scopes.includes(COMPARISON));
      assert.equal(comparator?.text, form.text, `${form.text} in ${value}`);
      assert.equal(parseValue(value).measures[0]?.comparatorText, form.text, `the reader's comparator in ${value}`);
    }
  });

  it('highlights as HTML residue what the row splitter and the lexer take for it, within the same limits', () => {
    for (const [html, residue] of HTML_CASES) {
      const row = projectRow(`项目${html}名称`, ['1.00', '1.00']);
      const tokens = tokenize(row)[0] ?? [];
      const marked = tokens
        .filter((t) => t.scopes.includes('comment.other.html-residue.perf-target'))
        .map((t) => t.text)
        .join('');
      assert.equal(marked, residue ? html : '', `the grammar on ${html.slice(0, 30)}`);
    }
  });
});

/**
 * An application form as the tests build it: a header block (labels plain, numbered, with a unit in
 * brackets, with a space inside), a grid whose header names every kind of column (one with a
 * bracketed tail), rows with merged (empty) class cells, direction, nature and comparator cells,
 * values with units, a baseline cell and a baseline after a value, and a footer label.
 */
const FORM = [
  '项目支出绩效目标申报表',
  '(2024年度)',
  '项目名称\t某某项目\t预算单位\t某某局',
  '项目资金(万元)\t资金总额\t12.50',
  '\t(一)财政拨款小计\t10.00',
  '\t1、一般公共预算\t10.00',
  '\t其他资金\t2.5万',
  '年度本级 预算金额\t12.50',
  '项目实施期\t2024.01-2024.12',
  '年度目标\t提高服务水平，达到95%以上。',
  '绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t运算符号\t指标值(包含数字及文字描述)\t度量单位\t分值\t绩效标准\t备注',
  '绩效指标\t产出指标\t数量指标\t培训人次\t定量\t正向\t≥\t500\t人次\t20\t计划标准\t',
  '\t\t\t覆盖街道数\t定量\t正向\t=\t12个\t个\t10\t历史标准\t',
  '\t\t时效指标\t完成时间\t定性\t正向\t≤\t2024年12月(计划标准)\t\t10\t\t',
  '\t效益指标\t社会效益指标\t就业率\t定量\t正向\t≥\t≥60%\t%\t30\t行业标准\t',
  '\t\t\t投诉次数\t定量\t反向\t≤\t3次\t次\t10\t\t',
  '\t满意度指标\t服务对象满意度指标\t受训人员满意度\t定量\t正向\t≥\t90\t%\t20\t计划标准\t',
  '财政部门审核意见\t',
].join('\n');

describe('TextMate grammar: application forms', () => {
  const HEADING = 'markup.heading.header.perf-target';
  const LABEL = 'keyword.other.preface.perf-target';
  const LEVEL1 = 'entity.name.tag.level1.perf-target';
  const LEVEL2 = 'entity.other.attribute-name.level2.perf-target';

  it('scopes a form (snapshot)', () => {
    golden('form.snap', snapshot(FORM));
  });

  it('scopes a form’s cells by their content', () => {
    const lines = tokenize(FORM);
    const has = (line: number, text: string, scope: string) =>
      assert.ok(
        scopesOf(lines[line] ?? [], text).includes(scope),
        `${text} on line ${line + 1} is ${scope}: ${JSON.stringify(lines[line])}`,
      );
    has(0, '项目支出绩效目标申报表', 'markup.heading.title.perf-target');
    has(2, '项目名称', LABEL);
    has(2, '预算单位', LABEL);
    has(3, '项目资金(万元)', LABEL);
    has(3, '12.50', 'constant.numeric.amount.perf-target');
    has(4, '(一)财政拨款小计', LABEL);
    has(5, '1、一般公共预算', LABEL);
    has(6, '万', 'keyword.other.unit.perf-target');
    has(7, '年度本级 预算金额', LABEL);
    assert.ok(
      !scopesOf(lines[9] ?? [], '达到').includes('keyword.operator.comparison.perf-target'),
      'a header block’s prose is no value',
    );
    has(10, '一级指标', HEADING);
    has(10, '指标值(包含数字及文字描述)', HEADING);
    has(10, '绩效标准', HEADING);
    has(11, '产出指标', LEVEL1);
    has(11, '数量指标', LEVEL2);
    has(11, '定量', 'keyword.other.nature.perf-target');
    has(11, '正向', 'keyword.other.direction.perf-target');
    has(11, '≥', 'keyword.operator.comparison.perf-target');
    has(11, '500', 'constant.numeric.perf-target');
    has(11, '人次', 'keyword.other.unit.perf-target');
    has(11, '计划标准', 'constant.other.standard.perf-target');
    has(12, '历史标准', 'constant.other.standard.perf-target');
    has(13, '计划标准', 'constant.other.standard.perf-target');
    has(13, '2024', 'constant.numeric.perf-target');
    has(14, '效益指标', LEVEL1);
    has(14, '60', 'constant.numeric.perf-target');
    has(15, '反向', 'keyword.other.direction.perf-target');
    has(16, '服务对象满意度指标', LEVEL2);
    has(17, '财政部门审核意见', LABEL);
    // A name that merely holds a class name or a column name is no class and no column.
    assert.ok(!scopesOf(lines[11] ?? [], '培训人次').some((s) => s === LEVEL1 || s === LEVEL2 || s === HEADING));
  });

  it('highlights every column name, class name and form word of the vocabulary and the catalogue', () => {
    const cellScopes = (line: string, cell: string): string[] => {
      const tokens = tokenize(line)[0] ?? [];
      const start =
        line.split('\t').slice(0, line.split('\t').indexOf(cell)).join('\t').length + (line.startsWith(cell) ? 0 : 1);
      let at = 0;
      const out: Tok[] = [];
      for (const t of tokens) {
        if (at >= start && at < start + cell.length) out.push(t);
        at += t.text.length;
      }
      assert.equal(out.map((t) => t.text).join(''), cell, `tokens cover ${cell} in ${line}`);
      return [...new Set(out.flatMap((t) => t.scopes))].filter((s) => out.every((t) => t.scopes.includes(s)));
    };
    const expect = (line: string, cell: string, scope: string) =>
      assert.ok(cellScopes(line, cell).includes(scope), `${cell} is ${scope} in ${JSON.stringify(line)}`);
    for (const name of FORM_COLUMNS.flatMap((c) => c.names)) {
      for (const cell of [name, `${name}(说明)`]) {
        const header = cell === '一级指标' ? `${cell}\t二级指标\t指标值` : `一级指标\t${cell}\t指标值`;
        expect(header, cell, HEADING);
        // A column name anywhere, also outside a grid.
        expect(`\t${cell}\t`, cell, HEADING);
      }
    }
    for (const c of CATALOGUE) {
      for (const name of [c.name, ...c.aliases]) {
        const row = c.level === 1 ? `\t${name}\t数量指标\t某指标\t5人` : `\t产出指标\t${name}\t某指标\t5人`;
        const scope = CATALOGUE.some((o) => o.level === 1 && [o.name, ...o.aliases].includes(name)) ? LEVEL1 : LEVEL2;
        expect(row, name, scope);
        expect(`一级指标\t二级指标\t指标值\n${row}`.split('\n')[1] ?? '', name, scope);
      }
    }
    const words: Array<[readonly string[], string]> = [
      [[...DIRECTION_WORDS.up, ...DIRECTION_WORDS.down], 'keyword.other.direction.perf-target'],
      [[...NATURE_WORDS.quantitative, ...NATURE_WORDS.qualitative], 'keyword.other.nature.perf-target'],
      [STANDARD_WORDS, 'constant.other.standard.perf-target'],
      [COMPARATOR_FORMS.map((f) => f.text), 'keyword.operator.comparison.perf-target'],
    ];
    for (const [list, scope] of words) for (const w of list) expect(`\t某指标\t${w}\t5人`, w, scope);
    for (const name of FORM_FIELDS.flatMap((f) => f.names)) {
      const block = tokenize(`项目名称\t某项目\n${name}\t1.00`)[1] ?? [];
      assert.ok(scopesOf(block, name).includes(LABEL), `${name} is a label in a header block`);
    }
  });

  it('leaves a seven-column table after a form as it is alone', () => {
    const seven = readFileSync(join(root, 'seeds', '000_5e46737169912d50.txt'), 'utf8');
    const alone = snapshot(seven);
    const after = snapshot(`${FORM}\n${seven}`).split('\n');
    const lines = FORM.split('\n').length;
    // Renumber the lines after the form as the table's own.
    // (The blank lines between them stay in the form's footer: nothing shows there.)
    const own = after
      .slice(after.indexOf(`${lines + 1}`))
      .filter((l) => l !== '  "" meta.form.header.perf-target')
      .map((l) => (/^[0-9]+$/.test(l) ? `${Number(l) - lines}` : l))
      .join('\n');
    assert.equal(own, alone);
  });

  it('stays linear on huge form-like lines', function () {
    this.timeout(300_000);
    const repeat = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    /** The fastest of two runs (a fresh line each, so that no search result is reused). */
    const time = (unit: string, n: number, before: string): number => {
      const stack = before === '' ? vsctm.INITIAL : grammar.tokenizeLine(before, vsctm.INITIAL).ruleStack;
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 2; r++) {
        const line = `${repeat(unit, n)}${' '.repeat(r)}`;
        const s = performance.now();
        grammar.tokenizeLine(line, stack);
        best = Math.min(best, performance.now() - s);
      }
      return best;
    };
    // Near misses of every form pattern: cells, class and column names, labels, tails, values.
    const units = ['\t', ' ', '一级指\t', '\t一级指标(', '产出指标 \t', '\t正向x', '(计划标准', '\t(一)资金', '≥1\t'];
    // At the top, in a grid, in a header block.
    const contexts = ['', '一级指标\t二级指标\t指标值', '项目名称\t某项目'];
    for (const unit of units) {
      for (const before of contexts) {
        const small = time(unit, 5_000, before);
        const large = time(unit, 50_000, before);
        // Linear is about tenfold (up to thirtyfold on a busy machine, with one token a cell); quadratic a
        // hundredfold, and the 20 ms floor keeps a fast small run from passing for a slow large one.
        assert.ok(
          large < Math.max(small, 20) * 50,
          `${JSON.stringify(unit)} after ${JSON.stringify(before)}: ${small.toFixed(1)} ms for 5 k, ${large.toFixed(1)} ms for 50 k`,
        );
      }
    }
  });
});
