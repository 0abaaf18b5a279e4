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
import { parseValue } from '../server/src/syntax/value';
import { COMPARATOR_FORMS, MEASURE_UNITS, SCALES, UNIT_VARIANTS } from '../server/src/vocabulary';
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
