/**
 * The file's money unit (issue 14): amounts, sums, tolerance, messages, hovers, export and
 * cost-exceeds-budget work in the unit the table states; a table without one is read in 万元.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statedMoneyUnit } from '../server/src/catalogue';
import { checkDocument, checkText } from '../server/src/check';
import { DEFAULT_CONFIG } from '../server/src/config';
import { exportDocument } from '../server/src/export';
import { formatWan } from '../server/src/i18n';
import { hover } from '../server/src/lsp/hover';
import { parseDocument, parseRow } from '../server/src/syntax/document';
import { projectRow, unitRow } from '../server/src/rules/examples';
import { table } from './helpers';

const root = join(__dirname, '..', '..');
const sample = readFileSync(join(root, 'seeds', '000_5e46737169912d50.txt'), 'utf8');

/** The sample in 元: its unit line says so and every amount is 10 000 times larger. */
function inYuan(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '单位：万元') return line.replace('万元', '元');
      const cells = line.split('\t');
      if (cells.length < 5) return line;
      for (let i = 1; i <= 4; i++) {
        const v = cells[i] ?? '';
        if (/^[0-9,]+\.[0-9]{2}$/.test(v)) cells[i] = formatWan(Number(v.replace(/,/g, '')) * 10000);
      }
      return cells.join('\t');
    })
    .join('\n');
}

const hoverText = (text: string, line: number, character: number) => {
  const h = hover(parseDocument(text), { line, character }, [], 'en');
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
};

describe('money unit', () => {
  it('reads the units a preface, title or header states, in Chinese and English', () => {
    const cases: ReadonlyArray<[string, string | undefined]> = [
      ['单位：元', '元'],
      ['单位:万元', '万元'],
      ['金额单位：元', '元'],
      ['（单位：万元）', '万元'],
      ['总计（万元）', '万元'],
      ['单位：人民币元', '元'],
      ['单位：亿元', '亿元'],
      ['Unit: yuan', '元'],
      ['Unit: 10,000 yuan', '万元'],
      ['(RMB 10,000 yuan)', '万元'],
      ['in ten thousand yuan', '万元'],
      ['单位：个', undefined],
      ['部门名称：某局', undefined],
    ];
    for (const [text, unit] of cases) assert.equal(statedMoneyUnit(text), unit, text);
  });

  it('checks the sample in 元 as it checks it in 万元: the same findings, sums and costs', () => {
    const yuan = inYuan(sample);
    assert.notEqual(yuan, sample);
    const rules = (t: string) => checkDocument(parseDocument(t)).map((f) => `${f.line}:${f.rule}`);
    assert.deepEqual(
      rules(yuan).filter((r) => !r.endsWith('money-unit-mismatch')),
      rules(sample),
    );
    // The costs that exceed their budgets are found in 元 too (a ≥42亿元 cost on a 110 万元 project).
    assert.ok(rules(yuan).some((r) => r.endsWith('cost-exceeds-budget')));
    assert.ok(!rules(yuan).some((r) => r.endsWith('money-unit-mismatch')), 'amounts fit 元');
    const exported = exportDocument(parseDocument(yuan));
    assert.equal(exported.unit, '元');
    assert.equal(exported.tables[0]?.unit, '元');
    assert.equal(exported.tables[0]?.unitStated, true);
    // The command line's one pass agrees.
    assert.deepEqual(
      checkText(yuan).findings.map((f) => `${f.line}:${f.rule}`),
      rules(yuan),
    );
  });

  it('says the unit in sums and hovers, and converts the tolerance', () => {
    const rows = [
      unitRow('合计', ['1,000,100.00', '1,000,100.00']),
      unitRow('单位', ['1,000,100.00', '1,000,100.00']),
      projectRow('项目', ['1,000,000.00', '1,000,000.00']),
    ];
    const text = table(rows).replace('单位：万元', '单位：元');
    const sub = checkDocument(parseDocument(text)).find((f) => f.rule === 'subtotal-mismatch');
    assert.match(sub?.message.zh ?? '', /相差 100\.00 元）$/);
    // A tolerance of 0.01 万元 is 100 元: the gap is tolerated.
    const tolerated = checkDocument(parseDocument(text), {
      config: { ...DEFAULT_CONFIG, tolerance: 0.01 },
      file: undefined,
    });
    assert.deepEqual(
      tolerated.filter((f) => f.rule === 'subtotal-mismatch'),
      [],
    );
    const line = text.split('\n').findIndex((l) => l.startsWith('项目\t'));
    assert.match(hoverText(text, line, 4), /1,000,000\.00 元/);
    assert.doesNotMatch(hoverText(text, line, 4), /万元/);
  });

  it('reads a table without a unit line in 万元, and the hover says so', () => {
    const text = table([projectRow('项目', ['12.00', '12.00'])]).replace('单位：万元\n', '');
    const line = text.split('\n').findIndex((l) => l.startsWith('项目\t'));
    assert.match(hoverText(text, line, 4), /12\.00 万元 \(the table states no money unit: read as 万元\)/);
    assert.equal(exportDocument(parseDocument(text)).tables[0]?.unitStated, false);
  });
});

describe('preface lines copied from Excel', () => {
  it('stay preface when Excel pads them with tabs, or puts the unit in the last column', () => {
    const padded = [
      '项目支出绩效目标表（含转移支付项目）\t\t\t\t\t\t',
      '部门名称：广州市某局\t\t\t\t\t\t单位：元',
      '\t\t\t\t\t\t',
    ];
    for (const l of padded.slice(0, 2)) assert.equal(parseRow(l).kind, 'text', l);
    const rows = [
      unitRow('合计', ['20,000.00', '20,000.00']),
      unitRow('某局', ['20,000.00', '20,000.00']),
      projectRow('项目', ['20,000.00', '20,000.00']),
    ];
    const text = [...padded, table(rows).split('\n').slice(6).join('\n')].join('\n');
    const doc = parseDocument(text);
    assert.equal(doc.tables.length, 1);
    const t = doc.tables[0];
    assert.equal(t?.title, '项目支出绩效目标表（含转移支付项目）');
    assert.equal(t?.department, '广州市某局');
    assert.equal(t?.unit, '元');
    assert.deepEqual(
      t?.units.map((u) => u.ref.row.name?.text),
      ['某局'],
    );
    assert.deepEqual(
      checkDocument(doc).filter((f) => f.rule === 'subtotal-mismatch'),
      [],
    );
  });
});
