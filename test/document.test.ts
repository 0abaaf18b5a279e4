import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../bench/generate';
import { checkDocument, checkText } from '../server/src/check';
import { DEFAULT_CONFIG, type Config } from '../server/src/config';
import { exportDocument } from '../server/src/export';
import type { Finding } from '../server/src/rules/types';
import { parseDocument, parseRow, RowCache } from '../server/src/syntax/document';
import { projectRow, unitRow } from '../server/src/rules/examples';
import { HEADER, table } from './helpers';

describe('document model', () => {
  const body = [
    unitRow('合计', ['3.00', '3.00']),
    unitRow('单位甲', ['3.00', '3.00']),
    projectRow('项目一', ['1.00', '1.00']),
    '',
    projectRow('项目二', ['2.00', '2.00']),
  ];

  it('assembles tables, units and projects', () => {
    const doc = parseDocument(table(body));
    assert.equal(doc.tables.length, 1);
    const t = doc.tables[0];
    assert.ok(t);
    assert.equal(t.title, '项目支出绩效目标表（含转移支付项目）');
    assert.equal(t.department, '测试单位');
    assert.equal(t.total?.row.name?.text, '合计');
    assert.deepEqual(
      t.units.map((u) => [u.ref.row.name?.text, u.projects.map((p) => p.row.name?.text)]),
      [['单位甲', ['项目一', '项目二']]],
    );
  });

  it('reads CRLF and a BOM with the same columns as LF', () => {
    const lf = parseDocument(table(body));
    const crlf = parseDocument(`\ufeff${table(body).replace(/\n/g, '\r\n')}`);
    assert.equal(crlf.lines.length, lf.lines.length);
    const p1 = lf.tables[0]?.projects[0]?.row;
    const p2 = crlf.tables[0]?.projects[0]?.row;
    assert.deepEqual(p2?.indicators?.indicators[0]?.span, p1?.indicators?.indicators[0]?.span);
    assert.equal(crlf.tables[0]?.title, lf.tables[0]?.title);
  });

  it('finds a BOM-prefixed header row when there is no preface', () => {
    const doc = parseDocument(`\ufeff${HEADER}\n${projectRow('项目', ['1.00', '1.00'])}`);
    assert.ok(doc.tables[0]?.header);
    assert.equal(doc.tables[0]?.projects.length, 1);
  });

  it('opens a new table at each title', () => {
    const doc = parseDocument(`${table(body)}\n\n${table(body)}`);
    assert.equal(doc.tables.length, 2);
    assert.equal(doc.tables[1]?.units[0]?.projects.length, 2);
  });

  it('strips outer HTML and keeps the content span exact', () => {
    const line = projectRow('<p>项目</p>', ['<p>1.00</p>', '1.00']);
    const row = parseDocument(table([line])).tables[0]?.projects[0]?.row;
    assert.equal(row?.name?.text, '项目');
    assert.equal(line.slice(row?.name?.textSpan.start, row?.name?.textSpan.end), '项目');
    assert.equal(row?.amounts[0]?.value, 1);
  });

  it('reads the four amount columns as amounts that are their cells', () => {
    const line = `项目\t1,234.50\t\t<b>abc</b>\t 0.5 \t目标\t1、1-产出指标；11-数量指标；人次；实施周期指标值：≥1人次；年度指标值：≥1人次。`;
    const row = parseRow(line);
    assert.equal(row.kind, 'project');
    assert.deepEqual(
      row.amounts.map((a) => [a.value, a.empty, a.cell.text]),
      [
        [1234.5, false, '1,234.50'],
        [0, true, ''],
        [undefined, false, 'abc'],
        [0.5, false, '0.5'],
      ],
    );
    row.amounts.forEach((a, i) => {
      assert.equal(a.cell, row.cells[i + 1]);
      assert.equal(line.slice(a.cell.textSpan.start, a.cell.textSpan.end), a.cell.text);
    });
    assert.equal(row.cells.length, 7);
    assert.deepEqual(
      parseRow('项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标').amounts,
      [],
    );
  });

  it('reuses unchanged rows from the cache', () => {
    const cache = new RowCache();
    const a = parseDocument(table(body), cache);
    const b = parseDocument(
      table([...body.slice(0, 2), projectRow('项目一', ['1.50', '1.50']), ...body.slice(3)]),
      cache,
    );
    assert.equal(b.tables[0]?.units[0]?.projects[1]?.row, a.tables[0]?.units[0]?.projects[1]?.row);
    assert.notEqual(b.tables[0]?.units[0]?.projects[0]?.row, a.tables[0]?.units[0]?.projects[0]?.row);
  });

  it('regroups an edit inside rows in place, and groups again when a row changes kind', () => {
    const sample = readFileSync(join(__dirname, '..', '..', 'seeds', '000_5e46737169912d50.txt'), 'utf8');
    const cache = new RowCache();
    const before = parseDocument(`${sample}\n${sample}`, cache);
    assert.equal(before.tables.length, 2);
    const second = before.tables[1];
    const target = second?.projects[3];
    assert.ok(second && target);
    // A keystroke in a project's indicators of the second table.
    const lines = [...before.lines];
    const text = lines[target.line] ?? '';
    const at = text.lastIndexOf('。');
    lines[target.line] = `${text.slice(0, at)}字${text.slice(at)}`;
    const after = parseDocument(lines, cache, before);
    assert.equal(after.tables[0], before.tables[0], 'a table without the edited line is reused');
    assert.notEqual(after.tables[1], second);
    assert.equal(after.tables[1]?.projects[3], after.rows[target.line], 'the edited row is swapped in');
    assert.notEqual(after.rows[target.line]?.row, target.row);
    const unit = after.tables[1]?.units.find((u) => u.projects.some((p) => p.line === target.line));
    assert.equal(
      unit?.projects.find((p) => p.line === target.line),
      after.rows[target.line],
    );
    assert.deepEqual(exportDocument(after), exportDocument(parseDocument(lines.join('\n'))));
    // The project row emptied to a blank line: the grouping changes, and is made again.
    const blanked = [...lines];
    blanked[target.line] = '';
    const regrouped = parseDocument(blanked, cache, after);
    assert.equal(regrouped.tables[1]?.projects.length, second.projects.length - 1);
    assert.deepEqual(exportDocument(regrouped), exportDocument(parseDocument(blanked.join('\n'))));
  });

  it('classifies lines without tabs inside a table as stray', () => {
    const doc = parseDocument(table([...body, '项目三 1.00 1.00']));
    assert.equal(doc.tables[0]?.strayLines.length, 1);
  });

  it('builds an evicted indicator tree again, equal, and keeps every row’s outline', () => {
    // More project rows than trees are kept: the first rows' trees are dropped and rebuilt on demand.
    const rows = Array.from({ length: 300 }, (_, i) => projectRow(`项目${i}`, ['1.00', '1.00']));
    const doc = parseDocument(table(rows));
    const first = doc.tables[0]?.projects[0]?.row;
    assert.ok(first?.outline && first.indicators);
    assert.deepEqual(first.indicators, parseRow(first.text).indicators);
    assert.deepEqual(
      first.outline.indicators.map((i) => [i.seq, i.name, i.level2Code, i.level2Name]),
      [
        [1, '培训人次', '11', '数量指标'],
        [2, '培训后就业率', '22', '社会效益'],
      ],
    );
    const tree = first.indicators.indicators[0];
    assert.deepEqual(first.outline.indicators[0]?.nameSpan, tree?.name?.span);
    assert.deepEqual(first.outline.indicators[0]?.span, tree?.span);
    assert.equal(first.outline.fullMarks, 12);
    assert.equal(first.outline.halfMarks, 0);
  });

  it('checks a whole text in one pass: what parse-then-check finds, as a report reads it', () => {
    const sample = readFileSync(join(__dirname, '..', '..', 'seeds', '000_5e46737169912d50.txt'), 'utf8');
    // Generated rows carry every kind of defect the rules look for.
    const text = `${sample}\n${generate(sample, 300_000)}`;
    const project = parseDocument(sample).tables[0]?.projects[1]?.row.name?.text ?? '';
    const configs: Config[] = [
      DEFAULT_CONFIG,
      {
        ...DEFAULT_CONFIG,
        rules: { 'punctuation-style': 'off', 'subtotal-mismatch': 'hint' },
        punctuationStyle: 'consistent',
      },
      {
        ...DEFAULT_CONFIG,
        ignore: [{ rule: 'missing-category' }, { project }, { rule: 'code-name-mismatch', files: 'a/*.txt' }],
      },
    ];
    for (const config of configs) {
      for (const file of [undefined, 'a/b.txt']) {
        const options = { config, ...(file ? { file } : {}) };
        const expected = checkDocument(parseDocument(text), options);
        assert.ok(expected.length > 100);
        // The one-pass check keeps what a report reads: everything but fixes and related places.
        const reported = (findings: readonly Finding[]) =>
          findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            line: f.line,
            span: f.span,
            message: f.message,
            project: f.project,
          }));
        const actual = checkText(text, options).findings;
        assert.deepEqual(reported(actual), reported(expected));
        assert.ok(actual.every((f) => f.fixes === undefined && f.related === undefined));
      }
    }
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\t\t\t', '\n\n', '\ufeff', '合计', '\t'.repeat(20), '\r\r\n\r', 'x\ty']) {
      assert.doesNotThrow(() => parseDocument(text));
    }
  });
});
