/**
 * Pathological input: every pattern the checker runs stays linear on adversarial strings of 100 k
 * characters (time grows about tenfold from 10 k to 100 k characters, as a linear baseline in the
 * same test does; quadratic would be a hundredfold), and odd bytes decode or are refused cleanly.
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { checkDocument } from '../../server/src/check';
import { BinaryFileError, decode, looksLikeTargetTable } from '../../server/src/decode';
import { formatLine } from '../../server/src/lsp/formatting';
import { documentNumbers } from '../../server/src/lsp/navigation';
import { DEFAULT_CONFIG } from '../../server/src/config';
import { parseDocument, parseRow, rowExtent } from '../../server/src/syntax/document';
import { indicatorLexer } from '../../server/src/syntax/tokens';
import { parseValue } from '../../server/src/syntax/value';

const LARGE = 100_000;
const SMALL = 10_000;

const collect = (globalThis as { gc?: () => void }).gc;

/**
 * The time of one call in ms, the fastest of a few runs: the least disturbed by the machine's
 * other work. A run repeats a fast call until it lasts a few ms, so that one hiccup of the machine
 * does not pass for a call's cost. The runs start after a full collection (mocha runs with
 * --expose-gc), so that garbage left by other tests does not pass for non-linear growth.
 */
function fastest(fn: () => unknown, runs = 5): number {
  collect?.();
  let reps = 1;
  for (;;) {
    const s = performance.now();
    for (let i = 0; i < reps; i++) fn();
    if (performance.now() - s >= 3 || reps >= 1024) break;
    reps *= 2;
  }
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    for (let i = 0; i < reps; i++) fn();
    best = Math.min(best, (performance.now() - s) / reps);
  }
  return best;
}

/** `unit` repeated to about n characters. */
const repeat = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/**
 * The input built around `s`, built once per `s`: the timed call is the checker's, not the
 * building of a 200 000-character string (which V8 allocates outside the young generation at
 * a cost that is not the checker's and not linear).
 */
function built(make: (s: string) => string): (s: string) => string {
  const made = new Map<string, string>();
  return (s) => {
    let text = made.get(s);
    if (text === undefined) {
      text = make(s);
      made.set(s, text);
    }
    return text;
  };
}

const paddedRow = built((s) => `${s}x${s}\t1.00`);
const longRow = built((s) => `项目\t1.00\t1.00\t\t\t目标\t${s}`);
const tagRow = built((s) => `项目\t1\t1\t\t\t目标\t${s}`);

const CASES: ReadonlyArray<[string, string, (s: string) => unknown]> = [
  ['lexer: digits', '1', (s) => indicatorLexer.tokenize(s)],
  ['lexer: near-miss labels', '实施周期指标', (s) => indicatorLexer.tokenize(s)],
  ['lexer: near-miss next indicator in a value', '实施周期指标值：1、1', (s) => indicatorLexer.tokenize(s)],
  ['lexer: unclosed quotes', '实施周期指标值：“', (s) => indicatorLexer.tokenize(s)],
  ['lexer: unclosed tags', '<a ', (s) => indicatorLexer.tokenize(s)],
  ['lexer: near-miss entities', '&nbs', (s) => indicatorLexer.tokenize(s)],
  ['lexer: separators', '；:；', (s) => indicatorLexer.tokenize(s)],
  ['value: digits', '1', parseValue],
  ['value: decimals', '1.', parseValue],
  ['value: comparators', '≥不少于', parseValue],
  ['value: spaces then a number', ' ', (s) => parseValue(`${s}1`)],
  ['row: tabs', '\t', parseRow],
  ['row extent: doubled quotes in an open quoted cell', '""', (s) => rowExtent([`项目\t"${s}`, '续'], 0)],
  ['row: tags', '<p>', parseRow],
  ['row: angle brackets', '<', parseRow],
  ['row: padded cell', ' ', (s) => parseRow(paddedRow(s))],
  ['row: indicators', '1、1-产出指标；11-数量指标；人次；实施周期指标值：1人；年度指标值：1人。', parseRow],
  ['document: one long line checked', '1、1-产出指标；', (s) => checkDocument(parseDocument(longRow(s)))],
  ['format: tags and separators', '<p>:;', (s) => formatLine(tagRow(s), DEFAULT_CONFIG)],
  ['document numbers: near misses', '穗财社[2023]', documentNumbers],
  ['table detection: one long line', '绩效', (s) => looksLikeTargetTable(s)],
];

describe('pathological input', function () {
  this.timeout(120000);

  for (const [name, unit, fn] of CASES) {
    it(`${name} stays linear`, () => {
      const small = repeat(unit, SMALL);
      const large = repeat(unit, LARGE);
      // A linear baseline in the same test: one regular-expression pass over the same strings.
      const base = (s: string) => s.replace(/[\s\S]/g, 'x').length;
      const baseGrowth =
        fastest(() => base(large)) /
        Math.max(
          0.05,
          fastest(() => base(small)),
        );
      fn(small);
      // Linear: about 10 (the baseline's growth); quadratic: about 100. The margin absorbs GC noise.
      const bound = Math.max(40, baseGrowth * 4);
      // Measured again (at most three times) when over the bound: a collection that happens to
      // land in every timed run of one size once made a linear case read 40x in the full suite
      // (10.6-11.0x alone); a quadratic case is over the bound every time.
      let growth = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < 3 && growth >= bound; attempt++) {
        growth = Math.min(
          growth,
          fastest(() => fn(large)) /
            Math.max(
              0.05,
              fastest(() => fn(small)),
            ),
        );
      }
      if (process.env['SHOW_GROWTH'])
        console.log(`      ${name}: ${growth.toFixed(1)}× (baseline ${baseGrowth.toFixed(1)}×)`);
      assert.ok(
        growth < bound,
        `${name}: ${growth.toFixed(1)}× from ${SMALL} to ${LARGE} characters (baseline ${baseGrowth.toFixed(1)}×)`,
      );
    });
  }

  it('decodes any bytes or refuses them as binary, never throwing anything else', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(Array.from({ length: next() % 2000 }, () => next() % 256));
      try {
        const d = decode(bytes);
        assert.equal(typeof d.text, 'string');
        parseDocument(d.text);
      } catch (e) {
        assert.ok(e instanceof BinaryFileError, String(e));
      }
    }
  });

  it('reads invalid UTF-8 as GB18030, and empty input as empty', () => {
    assert.equal(decode(Buffer.from([0xc4, 0xe3, 0xba, 0xc3])).text, '你好');
    assert.equal(decode(Buffer.from([0xc4, 0xe3, 0xba, 0xc3])).encoding, 'gb18030');
    assert.deepEqual(decode(Buffer.alloc(0)), { text: '', encoding: 'utf-8' });
    assert.throws(
      () => decode(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03])),
      BinaryFileError,
    );
  });
});
