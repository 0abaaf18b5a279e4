/**
 * The server's line text against `vscode-languageserver-textdocument`, the reference for how LSP
 * changes apply: random texts mixing `\r\n`, `\r`, `\n`, CJK and surrogate pairs, random edits
 * (positions past line ends and past the document included); the lines must equal the reference's
 * text split into lines, unchanged lines must stay the same string objects.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChange, applyChanges, textOf, toLineText } from '../server/src/lsp/line-text';
import { splitLines } from '../server/src/syntax/document';

const piece = fc.constantFrom('a', '中', '；', '\t', '\r', '\n', '\r\n', '😀', '\ud800', '1、');
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 12 }) });
const change = fc.record({ range: fc.record({ start: position, end: position }), text });

describe('line text (incremental LSP changes)', () => {
  it('splits like the parser and keeps each break', () => {
    const t = toLineText('甲\r\n乙\r丙\n\n丁');
    assert.deepEqual(t.lines, ['甲', '乙', '丙', '', '丁']);
    assert.deepEqual(t.eols, ['\r\n', '\r', '\n', '\n', '']);
    assert.equal(t.length, '甲\r\n乙\r丙\n\n丁'.length);
    assert.equal(textOf(t), '甲\r\n乙\r丙\n\n丁');
    assert.equal(textOf(t, 2), '甲\r\n乙\r');
  });

  it('joins a lone \\r before an edit with the \\n the edit starts with', () => {
    const t = applyChange(toLineText('a\rb'), {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } },
      text: '\nc',
    });
    assert.deepEqual(t.lines, ['a', 'c']);
    assert.deepEqual(t.eols, ['\r\n', '']);
  });

  it('equals the reference after any sequence of changes', () => {
    fc.assert(
      fc.property(text, fc.array(change, { minLength: 1, maxLength: 5 }), (initial, changes) => {
        let t = toLineText(initial);
        for (const c of changes) {
          // A fresh reference per step: after an edit past the document's end its line offsets are
          // left with holes (1.0.16), which would fail the next step for the reference's sake.
          const reference = TextDocument.create('file:///t.jxmb', 'perf-target', 1, textOf(t));
          TextDocument.update(reference, [c], 2);
          const before = t;
          t = applyChange(t, c);
          assert.equal(textOf(t), reference.getText(), JSON.stringify({ initial, c }));
          assert.deepEqual(t.lines, splitLines(reference.getText()));
          assert.equal(t.length, reference.getText().length);
          // Lines before the edit are the very same strings.
          const first = Math.min(c.range.start.line, c.range.end.line, before.lines.length - 1) - 1;
          for (let i = 0; i < first && i < t.lines.length; i++) assert.ok(Object.is(t.lines[i], before.lines[i]));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('takes a paste of half a million lines', () => {
    const pasted = Array.from({ length: 500000 }, (_, i) => `行${i}`).join('\n');
    const t = applyChange(toLineText('甲\n乙'), {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      text: `${pasted}\n`,
    });
    assert.equal(t.lines.length, 500002);
    assert.equal(t.lines[500001], '乙');
  });

  it('applies a whole-text change and a batch of changes in order', () => {
    const t = applyChanges(toLineText('x\ny'), [
      { text: '甲\n乙\n丙' },
      { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' },
      { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: '\r\n丁' },
    ]);
    assert.deepEqual(t.lines, ['甲', '丙', '丁']);
    assert.deepEqual(t.eols, ['\n', '\r\n', '']);
  });
});
