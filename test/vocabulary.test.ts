/**
 * One vocabulary (issue 15): the row splitter, the lexer and the html-residue rule find the same
 * HTML residue, the value reader reads every comparator and unit of the vocabulary, and shared
 * logic stays out of the rule files (formatting imports none of them).
 * The grammar's side of the same lists is in grammar.test.ts.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRow } from '../server/src/rules/examples';
import { parseRow } from '../server/src/syntax/document';
import { indicatorLexer } from '../server/src/syntax/tokens';
import { parseValue } from '../server/src/syntax/value';
import { COMPARATOR_FORMS, HTML_SOURCE, MEASURE_UNITS, SCALES, UNIT_VARIANTS } from '../server/src/vocabulary';
import { findingsOf, HTML_CASES } from './helpers';

const root = join(__dirname, '..', '..');
const src = join(root, 'server', 'src');

/** A measure's unit as written after its number: the scale word, then the unit (`万` + `元`). */
const writtenUnit = (scale: number, unit: string): string =>
  `${Object.keys(SCALES).find((s) => SCALES[s] === scale) ?? ''}${unit}`;

describe('one vocabulary', () => {
  it('the row splitter, the lexer and the html-residue rule find the same HTML residue, within the same limits', () => {
    const pattern = new RegExp(`^(?:${HTML_SOURCE})$`);
    for (const [html, residue] of HTML_CASES) {
      assert.equal(pattern.test(html), residue, `the vocabulary on ${html.slice(0, 30)}`);
      const row = parseRow(projectRow(`项目${html}名称`, ['1.00', '1.00']));
      assert.equal((row.cells[0]?.html.length ?? 0) > 0, residue, `the row splitter on ${html.slice(0, 30)}`);
      const lexed = indicatorLexer.tokenize(
        `1、1-产出指标；11-数量指标；培训${html}人次；实施周期指标值：100人次；年度指标值：100人次。`,
      );
      assert.equal((lexed.groups['html'] ?? []).length > 0, residue, `the lexer on ${html.slice(0, 30)}`);
      const found = findingsOf('html-residue', [projectRow(`项目${html}名称`, ['1.00', '1.00'])]);
      assert.equal(found.length, residue ? 1 : 0, `the html-residue rule on ${html.slice(0, 30)}`);
    }
  });

  it('no module but the vocabulary writes an HTML pattern', () => {
    const sources = [...walk(src), ...walk(join(root, 'scripts'))].filter(
      (f) => !f.endsWith('.test.ts') && !f.endsWith('vocabulary.ts'),
    );
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /nbsp\|amp|\[A-Za-z\]\[A-Za-z0-9\]|<\[\^>\]\*>/, `${file} holds its own HTML pattern`);
    }
  });

  it('the value reader reads every unit of the vocabulary, as written', () => {
    for (const unit of [...MEASURE_UNITS, ...Object.keys(UNIT_VARIANTS)]) {
      const [m, ...more] = parseValue(`≥5${unit}`).measures;
      assert.ok(m && more.length === 0, `one measure in ≥5${unit}`);
      assert.equal(m.comparator, '≥');
      assert.equal(m.number, 5);
      assert.equal(writtenUnit(m.scale, m.unit), UNIT_VARIANTS[unit] ?? unit, `≥5${unit}`);
    }
  });

  it('the value reader reads every comparator of the vocabulary, before or after the number', () => {
    for (const form of COMPARATOR_FORMS) {
      const text = form.place === 'before' ? `${form.text}5人` : `5人${form.text}`;
      const [m] = parseValue(text).measures;
      assert.equal(m?.comparator, form.means, text);
      assert.equal(m?.comparatorText, form.text, text);
    }
  });

  it('formatting imports no rule file, and no rule imports another (shared logic lives outside the rules)', () => {
    const rules = join(src, 'rules');
    const shared = new Set(['index', 'types', 'util', 'examples', 'project']);
    const isRuleFile = (path: string): boolean =>
      path.startsWith(`${rules}/`) && !shared.has(path.slice(rules.length + 1));
    const formatting = join(src, 'lsp', 'formatting.ts');
    const imported = importsOf(formatting);
    assert.ok(imported.length > 0, 'the imports of formatting.ts are read');
    for (const target of imported)
      assert.ok(!target.startsWith(`${rules}/`) || target === `${rules}/types`, `formatting.ts imports ${target}`);
    for (const file of walk(src).filter((f) => !f.endsWith('.test.ts'))) {
      const from = file.slice(0, -'.ts'.length);
      // The registry lists the rules; the runner runs them (and caps findings per cell as cell-limits says).
      if (from === `${rules}/index` || from.startsWith(`${join(src, 'check')}/`)) continue;
      for (const target of importsOf(file)) assert.ok(!isRuleFile(target), `${file} imports the rule file ${target}`);
    }
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The modules a source file imports, as paths without extension (relative imports only). */
function importsOf(file: string): string[] {
  const dir = file.slice(0, file.lastIndexOf('/'));
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gm)].map((m) =>
    join(dir, m[1] ?? ''),
  );
}
