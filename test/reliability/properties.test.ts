/**
 * Property tests (fast-check): whatever the text — random, or the sample's rows mutated the way
 * clerks' pastes mutate them — the parser and every rule never throw, every range stays inside the
 * document, incremental parsing equals parsing from scratch, formatting is idempotent and loses no
 * content, and fix-all reaches a fixed point.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkDocument } from '../../server/src/check';
import { exportDocument } from '../../server/src/export';
import { fixAllEdits, safeEdits } from '../../server/src/lsp/code-actions';
import { formatDocument } from '../../server/src/lsp/formatting';
import { DEFAULT_CONFIG } from '../../server/src/config';
import { DASH_CHARS } from '../../server/src/vocabulary';
import { toAscii } from '../../server/src/syntax/normalize';
import type { Finding } from '../../server/src/rules/types';
import { parseDocument, RowCache, splitLines } from '../../server/src/syntax/document';

const root = join(__dirname, '..', '..', '..');
const sampleLines = splitLines(readFileSync(join(root, 'seeds', '000_5e46737169912d50.txt'), 'utf8'));
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 150);

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

function applyTextEdits(text: string, edits: ReadonlyArray<{ range: Range; newText: string }>): string {
  // Line starts, whatever mix of line breaks the text has.
  const offsets: number[] = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) offsets.push(m.index + m[0].length);
  const at = (p: { line: number; character: number }) => (offsets[p.line] ?? text.length) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => at(b.range.start) - at(a.range.start)))
    out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

function assertInside(text: string, findings: readonly Finding[]): void {
  const lines = splitLines(text);
  const inside = (line: number, span: { start: number; end: number }, what: string) => {
    const l = lines[line];
    assert.ok(l !== undefined, `${what}: line ${line} of ${lines.length}`);
    assert.ok(
      span.start >= 0 && span.start <= span.end && span.end <= l.length,
      `${what}: ${JSON.stringify(span)} in a line of ${l.length}`,
    );
  };
  for (const f of findings) {
    inside(f.line, f.span, f.rule);
    for (const r of f.related ?? []) inside(r.line, r.span, `${f.rule} related`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) inside(e.line, e.span, `${f.rule} fix`);
  }
}

// ---- mutations of the sample's rows, as pastes from Word, Excel and web pages produce them
const NOISE = [
  '；',
  ';',
  '：',
  ':',
  '。',
  '、',
  '\t',
  '\r',
  ' ',
  '\u3000',
  '“',
  '”',
  '"',
  '<p>',
  '</p>',
  '&nbsp;',
  '😀',
  '𠀋',
  '\ud800',
  '-',
  '1、',
  '11-',
  '实施周期指标值',
  '年度指标值：',
  '≥',
  '万',
  '%',
];

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...NOISE), fc.string({ maxLength: 8, unit: 'grapheme' })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('swap-width' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), times: fc.integer({ min: 2, max: 40 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

const SWAP: Readonly<Record<string, string>> = { '；': ';', ';': '；', '：': ':', ':': '：', '，': ',', ',': '，' };

function mutate(line: string, m: Mutation): string {
  const at = line.length === 0 ? 0 : m.at % (line.length + 1);
  switch (m.kind) {
    case 'insert':
      return line.slice(0, at) + m.text + line.slice(at);
    case 'delete':
      return line.slice(0, at) + line.slice(at + m.length);
    case 'swap-width': {
      const i = [...line.slice(at)].findIndex((c) => SWAP[c] !== undefined);
      if (i < 0) return line;
      const j = at + [...line.slice(at)].slice(0, i).join('').length;
      const c = line[j] ?? '';
      return line.slice(0, j) + (SWAP[c] ?? c) + line.slice(j + 1);
    }
    case 'repeat':
      return line.slice(0, at) + line.slice(at, at + 20).repeat(m.times) + line.slice(at + 20);
  }
}

/** A target file: some of the sample's lines (header and preface included), each possibly mutated. */
const mutatedFile = fc
  .record({
    pick: fc.array(fc.nat({ max: sampleLines.length - 1 }), { minLength: 1, maxLength: 25 }),
    mutations: fc.array(fc.tuple(fc.nat(), mutation), { maxLength: 12 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ pick, mutations, crlf, bom }) => {
    const lines = [...sampleLines.slice(0, 9), ...pick.map((i) => sampleLines[i] ?? '')];
    for (const [which, m] of mutations) {
      const i = which % lines.length;
      lines[i] = mutate(lines[i] ?? '', m);
    }
    // A mutation may have inserted line breaks: the document is whatever text results.
    return (bom ? '\ufeff' : '') + lines.join(crlf ? '\r\n' : '\n');
  });

const anyText = fc.oneof(
  fc.string({ maxLength: 400, unit: 'binary' }),
  fc.string({ maxLength: 400, unit: 'grapheme' }),
  fc.array(fc.constantFrom(...NOISE, '\n', '\t', '合计', '1.00', '项目'), { maxLength: 200 }).map((a) => a.join('')),
);

describe('properties: parser and rules', function () {
  this.timeout(120000);

  it('never throw and keep every range inside the document, on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const doc = parseDocument(text);
        assertInside(text, checkDocument(doc));
        exportDocument(doc);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('never throw and keep every range inside the document, on mutated sample rows', () => {
    fc.assert(
      fc.property(mutatedFile, (text) => {
        assertInside(text, checkDocument(parseDocument(text)));
      }),
      { numRuns: RUNS },
    );
  });

  it('parse incrementally (row cache and the previous version after edits) exactly as from scratch', () => {
    const edit = fc.tuple(
      fc.nat(),
      mutation,
      fc.constantFrom('change' as const, 'insert-line' as const, 'delete-line' as const),
    );
    fc.assert(
      fc.property(mutatedFile, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        const cache = new RowCache();
        let previous = parseDocument(text, cache);
        let lines = splitLines(text);
        for (const [which, m, how] of edits) {
          const i = which % lines.length;
          // A new array each version, unchanged lines the same strings (as the server's line text keeps them).
          // A mutation may insert a line break: the edited line becomes several (as in the server).
          lines = [...lines];
          const edited = splitLines(mutate(lines[i] ?? '', m));
          if (how === 'insert-line') lines.splice(i, 0, ...edited);
          else if (how === 'delete-line' && lines.length > 1) lines.splice(i, 1);
          else lines.splice(i, 1, ...edited);
          previous = parseDocument(lines, cache, previous);
          assert.equal(previous.rows.length, lines.length);
          // Each line belongs to the row a fresh parse gives it (a quoted cell may join lines).
          const fresh = parseDocument(lines);
          previous.rows.forEach((r, n) => assert.equal(r.line, fresh.rows[n]?.line));
        }
        const final = lines.join('\n');
        const scratch = parseDocument(final);
        assert.deepEqual(exportDocument(previous), exportDocument(scratch));
        assert.deepEqual(checkDocument(previous), checkDocument(scratch));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties: formatting and fixes', function () {
  this.timeout(120000);

  /**
   * What formatting may change: HTML, whitespace, structural punctuation (sequence marks `、` and
   * the marks typed in their place, `．` included), amount separators, full-width digits and letters
   * (written in ASCII) and dashes.
   */
  const content = (s: string) => {
    // HTML removed to a fixed point (removing `<p>` from `<<p>/p>` leaves a tag too).
    let t = s;
    for (let prev = ''; prev !== t;) {
      prev = t;
      t = t.replace(/<\/?[A-Za-z][^<>]*>|&(?:nbsp|amp|lt|gt|quot|#[0-9]+);/g, '');
    }
    return toAscii(t).replace(new RegExp(`[\\s\\u3000；;：:，,。.、．0${DASH_CHARS.replace('-', '\\-')}]`, 'g'), '');
  };

  it('formatting is idempotent and keeps every character of content', () => {
    fc.assert(
      fc.property(mutatedFile, (text) => {
        const once = applyTextEdits(text, formatDocument(parseDocument(text), DEFAULT_CONFIG));
        const twice = applyTextEdits(once, formatDocument(parseDocument(once), DEFAULT_CONFIG));
        assert.equal(twice, once);
        // Everything but what formatting is allowed to touch survives, in order.
        const before = Array.from(content(text));
        const after = Array.from(content(once));
        let i = 0;
        for (const c of after) if (c === before[i]) i++;
        assert.equal(i, before.length, 'content lost');
      }),
      { numRuns: RUNS },
    );
  });

  it('fix-all leaves no safe fix behind and changes nothing outside its edits', () => {
    fc.assert(
      fc.property(mutatedFile, (text) => {
        const doc = parseDocument(text);
        const edits = fixAllEdits(doc.lines, checkDocument(doc), { config: DEFAULT_CONFIG, file: undefined });
        const fixed = applyTextEdits(text, edits);
        const fixedDoc = parseDocument(fixed);
        const again = safeEdits(checkDocument(fixedDoc), fixedDoc);
        assert.deepEqual(
          again.map((e) => e.newText),
          [],
          'a second fix-all still has work',
        );
        // Lines no edit touched are unchanged.
        const touched = new Set(edits.map((e) => e.range.start.line));
        const a = splitLines(text);
        const b = splitLines(fixed);
        assert.equal(a.length, b.length);
        a.forEach((l, i) => {
          if (!touched.has(i)) assert.equal(b[i], l);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties: each quick fix', function () {
  this.timeout(120000);

  it('removes the finding it fixes and touches only its own line', () => {
    fc.assert(
      fc.property(mutatedFile, fc.nat(), (text, pick) => {
        const findings = checkDocument(parseDocument(text)).filter((f) => (f.fixes ?? []).length > 0);
        if (findings.length === 0) return;
        const f = findings[pick % findings.length];
        if (!f) return;
        for (const fix of f.fixes ?? []) {
          const edits = fix.edits.map((e) => ({
            range: { start: { line: e.line, character: e.span.start }, end: { line: e.line, character: e.span.end } },
            newText: e.newText,
          }));
          const fixed = applyTextEdits(text, edits);
          const after: Finding[] = checkDocument(parseDocument(fixed));
          // The same rule no longer reports the same place (sum rules: the same cell).
          const still: Finding[] = after.filter(
            (g: Finding) =>
              g.rule === f.rule && g.line === f.line && g.span.start === f.span.start && g.message.en === f.message.en,
          );
          assert.deepEqual(
            still.map((g) => g.message.en),
            [],
            `${f.rule}: “${fix.title.en}” left its finding`,
          );
          const a = splitLines(text);
          const b = splitLines(fixed);
          a.forEach((l, i) => {
            if (i !== f.line) assert.equal(b[i], l, `line ${i} changed`);
          });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
