/**
 * Giant input (issue 14): a cell longer than `maxCellLength` is checked up to the limit with one
 * note; a cell lists at most `MAX_FINDINGS_PER_CELL` findings and one note counting the rest; the
 * command line and the server (checkText and checkDocument) agree.
 */
import * as assert from 'node:assert/strict';
import { checkDocument, checkText } from '../server/src/check';
import { DEFAULT_CONFIG, readConfig } from '../server/src/config';
import { RULE_IDS } from '../server/src/rules';
import { MAX_FINDINGS_PER_CELL } from '../server/src/rules/cell-limits';
import { GOOD_INDICATORS, projectRow } from '../server/src/rules/examples';
import { parseDocument, parseRow, RowCache } from '../server/src/syntax/document';
import { FIRST_ROW, table } from './helpers';

const plain = (
  fs: ReadonlyArray<{ rule: string; line: number; span: { start: number; end: number }; message: { en: string } }>,
) => fs.map((f) => `${f.line}:${f.span.start}-${f.span.end} ${f.rule} ${f.message.en}`);

describe('giant input', function () {
  this.timeout(60000);

  it('checks a cell up to maxCellLength, cut after a whole indicator, and says so once', () => {
    const config = { ...DEFAULT_CONFIG, maxCellLength: 1000 };
    const cell = GOOD_INDICATORS.repeat(20);
    const text = table([projectRow('项目', ['1.00', '1.00'], cell)]);
    const doc = parseDocument(text, new RowCache(undefined, () => 1000));
    const found = checkDocument(doc, { config, file: undefined }).filter((f) => f.rule === 'cell-limits');
    assert.deepEqual(
      plain(checkText(text, { config, file: undefined }).findings),
      plain(checkDocument(doc, { config, file: undefined })),
    );
    assert.equal(found.length, 1);
    const note = found[0];
    assert.match(
      note?.message.en ?? '',
      new RegExp(
        `^cell of ${cell.length} characters: only the first [0-9]+ were checked \\(the limit, maxCellLength, is 1000\\)`,
      ),
    );
    assert.match(note?.message.zh ?? '', /只检查了前 [0-9]+ 个/);
    const line = text.split('\n')[FIRST_ROW] ?? '';
    // The cut is right after a full stop, within the limit.
    assert.equal(line[(note?.span.start ?? 0) - 1], '。');
    const row = parseRow(line, 1000);
    const last = row.indicators?.indicators.at(-1);
    assert.ok(last && last.span.end <= (note?.span.start ?? 0));
    assert.ok((row.indicators?.checked ?? Infinity) <= 1000);
    // Nothing past the cut is reported.
    assert.ok(
      checkDocument(doc, { config, file: undefined }).every(
        (f) => f.rule === 'cell-limits' || f.span.start < (note?.span.start ?? 0),
      ),
    );
  });

  it('leaves cells within the limit whole', () => {
    assert.equal(parseRow(projectRow('项目', ['1.00', '1.00'])).indicators?.checked, undefined);
    assert.deepEqual(
      checkDocument(parseDocument(table([projectRow('项目', ['1.00', '1.00'])]))).filter(
        (f) => f.rule === 'cell-limits',
      ),
      [],
    );
  });

  it(`lists at most ${MAX_FINDINGS_PER_CELL} findings per cell and one note counting the rest, alike in checkText and checkDocument`, () => {
    const text = table([projectRow('项目', ['1.00', '1.00'], GOOD_INDICATORS.repeat(60))]);
    const whole = checkDocument(parseDocument(text));
    const notes = whole.filter((f) => f.rule === 'cell-limits');
    assert.equal(notes.length, 1);
    // 119 numbering and 119 duplicate findings in the cell.
    assert.match(
      notes[0]?.message.en ?? '',
      /^136 more findings in this cell not listed \(at most 100 per cell are\)$/,
    );
    assert.match(notes[0]?.message.zh ?? '', /另有 136 条问题未列出/);
    assert.equal(whole.filter((f) => f.line === FIRST_ROW && f.rule !== 'cell-limits').length, MAX_FINDINGS_PER_CELL);
    assert.deepEqual(plain(checkText(text).findings), plain(whole));
  });

  it('stops reading a cell broken throughout, with bounded findings and a note', () => {
    const text = table([projectRow('项目', ['1.00', '1.00'], '1、'.repeat(50_000))]);
    const found = checkText(text).findings;
    assert.ok(found.length <= MAX_FINDINGS_PER_CELL + 5, `${found.length} findings`);
    const notes = found.filter((f) => f.rule === 'cell-limits').map((f) => f.message.en);
    assert.ok(
      notes.some((m) => /so many problems that only the first [0-9]+ were checked/.test(m)),
      notes.join('\n'),
    );
    assert.ok(
      notes.some((m) => /more findings in this cell not listed/.test(m)),
      notes.join('\n'),
    );
    assert.deepEqual(plain(found), plain(checkDocument(parseDocument(text))));
  });

  it('reads maxCellLength from .perf-target.json', () => {
    assert.equal(readConfig({ maxCellLength: 20000 }, RULE_IDS).config.maxCellLength, 20000);
    const bad = readConfig({ maxCellLength: 'x' }, RULE_IDS);
    assert.equal(bad.config.maxCellLength, DEFAULT_CONFIG.maxCellLength);
    assert.match(bad.problems.join('\n'), /"maxCellLength" must be/);
  });
});
