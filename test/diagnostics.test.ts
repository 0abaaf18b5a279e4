/**
 * What the server publishes when a file has more findings than it lists: the anchor line whole,
 * then by severity, nearest first; the rest counted.
 */
import * as assert from 'node:assert/strict';
import { severityIndex, type FindingsByLine } from '../server/src/check';
import { DiagnosticConverter, linesToShow, selectFindings } from '../server/src/lsp/diagnostics';
import type { Finding, Severity } from '../server/src/rules/types';
import { parseDocument } from '../server/src/syntax/document';

function finding(line: number, severity: Severity, start = 0): Finding {
  return { rule: 'r', severity, line, span: { start, end: start + 1 }, message: { zh: '', en: '' } };
}

function source(findings: readonly Finding[], lineCount: number): FindingsByLine {
  const byLine = new Map<number, Finding[]>();
  for (const f of findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  const totals = [0, 0, 0, 0];
  for (const f of findings) totals[severityIndex(f.severity)] = (totals[severityIndex(f.severity)] ?? 0) + 1;
  return {
    lineCount,
    at: (line) => byLine.get(line) ?? [],
    count: (line, s) => (byLine.get(line) ?? []).filter((f) => severityIndex(f.severity) === s).length,
    totals,
  };
}

describe('diagnostics selection', () => {
  // Errors on lines 0..9, a warning and a hint on line 50, warnings on 40..49.
  const all = [
    ...Array.from({ length: 10 }, (_, i) => finding(i, 'error')),
    ...Array.from({ length: 10 }, (_, i) => finding(40 + i, 'warning')),
    finding(50, 'warning'),
    finding(50, 'hint', 3),
  ];
  const src = source(all, 60);

  it('lists everything when it fits, or with no limit', () => {
    assert.equal(selectFindings(src, 0, 0).shown.length, all.length);
    assert.equal(selectFindings(src, 100, 0).shown.length, all.length);
    assert.deepEqual(selectFindings(src, 100, 0).omitted, [0, 0, 0, 0]);
  });

  it('takes the anchor line whole, then errors before nearer warnings, and counts the rest', () => {
    // Room for 5 (one place kept for the note): line 50's two, then the three errors nearest to it.
    const { shown, omitted } = selectFindings(src, 6, 50);
    assert.deepEqual(
      shown.map((f) => [f.line, f.severity]),
      [
        [7, 'error'],
        [8, 'error'],
        [9, 'error'],
        [50, 'warning'],
        [50, 'hint'],
      ],
    );
    assert.deepEqual(omitted, [7, 10, 0, 0]);
    assert.deepEqual(linesToShow(src, 6, 50), [7, 8, 9, 50]);
  });

  it('prefers the nearer line, the one above at equal distance', () => {
    const even = source([finding(4, 'error'), finding(6, 'error'), finding(0, 'error')], 10);
    assert.deepEqual(
      selectFindings(even, 2, 5).shown.map((f) => f.line),
      [4],
    );
  });

  it('holds back hidden findings without listing others in their place', () => {
    const { shown, omitted } = selectFindings(src, 6, 50, (f) => f.line === 50 && f.severity === 'hint');
    assert.deepEqual(
      shown.map((f) => f.line),
      [7, 8, 9, 50],
    );
    assert.deepEqual(omitted, [7, 10, 0, 0]);
  });
});

describe('diagnostic conversion', () => {
  const converter = new DiagnosticConverter(
    () => '/docs/rules',
    () => 'en',
  );
  const related: Finding = {
    ...finding(3, 'error'),
    message: { zh: '甲', en: 'a' },
    related: [{ line: 1, span: { start: 0, end: 2 }, message: { zh: '乙', en: 'b' } }],
  };

  const doc = parseDocument('a\nbb\nc\nd');

  it('converts a finding once per document, related places included', () => {
    const first = converter.convert('file:///a.jxmb', related, doc);
    assert.equal(
      converter.convert('file:///a.jxmb', related, doc),
      first,
      'the same diagnostic object while the finding lives',
    );
    assert.equal(first.message, 'a');
    assert.deepEqual(first.relatedInformation, [
      {
        location: {
          uri: 'file:///a.jxmb',
          range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } },
        },
        message: 'b',
      },
    ]);
    // Related places name their document: another document gets its own conversion.
    const other = converter.convert('file:///b.jxmb', related, doc);
    assert.equal(other.relatedInformation?.[0]?.location.uri, 'file:///b.jxmb');
  });
});
