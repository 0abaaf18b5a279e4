import * as assert from 'node:assert/strict';
import { Lexer } from 'chevrotain';
import { anyExcept, indicatorLexer, LEXER_CONFIG, MODES } from '../server/src/syntax/tokens';

const names = (text: string) => indicatorLexer.tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('indicator lexer', () => {
  it('every mode is on the optimised path (no pattern without inferable first characters)', () => {
    assert.doesNotThrow(
      () => new Lexer({ modes: MODES, defaultMode: 'structure' }, { ...LEXER_CONFIG, ensureOptimizations: true }),
    );
  });

  it('keeps a token small: its offsets are not boxed numbers (a token-dense cell stays in the young generation)', function () {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (!collect) this.skip();
    // 100 k one-character tokens. Chevrotain 11's full token shares its V8 shape with END_OF_FILE,
    // whose positions are NaN, and then costs about 220 bytes; the offset-only token about 80.
    const text = '；:；'.repeat(33_334);
    collect();
    const before = process.memoryUsage().heapUsed;
    const lexed = indicatorLexer.tokenize(text);
    collect();
    const perToken = (process.memoryUsage().heapUsed - before) / lexed.tokens.length;
    assert.equal(lexed.tokens.length, 100_002);
    assert.ok(perToken < 150, `${perToken.toFixed(0)} bytes retained per token`);
  });

  it('anyExcept builds a positive class without the excluded characters', () => {
    const re = new RegExp(`^${anyExcept('；a')}$`);
    assert.ok(re.test('b') && re.test('中') && re.test('\uffff') && re.test('\ud83d'));
    assert.ok(!re.test('；') && !re.test('a'));
  });

  it('switches to value mode after a label and back at the next label or indicator', () => {
    assert.deepEqual(names('1、1-产出指标；11-数量指标；人次；实施周期指标值：≥1人；年度指标值：≥1人。2、'), [
      'Seq:1、',
      'Code:1',
      'Dash:-',
      'Text:产出指标',
      'Sep:；',
      'Code:11',
      'Dash:-',
      'Text:数量指标',
      'Sep:；',
      'Text:人次',
      'Sep:；',
      'PeriodLabel:实施周期指标值：',
      'ValueText:≥1人',
      'ValueEndSep:；',
      'AnnualLabel:年度指标值：',
      'ValueText:≥1人',
      'ValueStop:。',
      'Seq:2、',
    ]);
  });

  it('keeps ；, 。 and quotes inside a value as value text', () => {
    const toks = names('实施周期指标值:“1.甲；2.乙。”；年度指标值:共10人。;年度指标值:x');
    assert.deepEqual(toks, [
      'PeriodLabel:实施周期指标值:',
      'Quoted:“1.甲；2.乙。”',
      'ValueEndSep:；',
      'AnnualLabel:年度指标值:',
      'ValueText:共10人',
      'ValuePunct:。',
      'ValueEndSep:;',
      'AnnualLabel:年度指标值:',
      'ValueText:x',
    ]);
  });

  it('ends a value at a label written without a separator', () => {
    assert.deepEqual(names('实施周期指标值：1人年度指标值：1人'), [
      'PeriodLabel:实施周期指标值：',
      'ValueText:1人',
      'AnnualLabelInValue:年度指标值：',
      'ValueText:1人',
    ]);
  });

  it('ends a name before a code, so that a missing separator shows', () => {
    assert.deepEqual(names('1、1-产出指标11-数量指标').slice(3, 5), ['Text:产出指标', 'Code:11']);
  });

  it('ends a value at the next indicator even without a full stop', () => {
    assert.deepEqual(names('年度指标值：≥90%2、1-产出指标').slice(0, 4), [
      'AnnualLabel:年度指标值：',
      'ValueText:≥90%',
      'SeqInValue:2、',
      'Code:1',
    ]);
  });

  it('reads surrogate pairs and unknown characters as text, never as errors', () => {
    const r = indicatorLexer.tokenize(
      '1、1-产出指标😀；11-数量𠀋指标；名\u0001称；实施周期指标值：👍；年度指标值：<b>x</b>',
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.groups['html']?.map((t) => t.image),
      ['<b>', '</b>'],
    );
  });
});
