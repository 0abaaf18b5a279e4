import * as assert from 'node:assert/strict';
import { parseIndicators } from '../server/src/syntax/indicators';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('indicator parser', () => {
  const cell =
    '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次；年度指标值：≥20000人次。2、3-满意度指标:31-服务对象满意度;满意度;实施周期指标值:≥90%;年度指标值:“甲；乙。”。';

  it('reads every field with exact spans', () => {
    const r = parseIndicators(cell);
    assert.deepEqual(r.problems, []);
    assert.equal(r.indicators.length, 2);
    const [a, b] = r.indicators;
    assert.ok(a && b);
    assert.equal(a.seq.value, 1);
    assert.equal(slice(cell, a.level1?.span ?? { start: 0, end: 0 }), '1-产出指标');
    assert.equal(a.level2?.code?.text, '11');
    assert.equal(a.level2?.name?.text, '数量指标');
    assert.equal(a.name?.text, '补贴惠及人次');
    assert.equal(a.period?.text, '≥20000人次');
    assert.equal(slice(cell, a.annual?.span ?? { start: 0, end: 0 }), '≥20000人次');
    assert.equal(b.annual?.text, '“甲；乙。”');
    assert.deepEqual(
      b.punctuation.map((p) => `${p.char}${p.role}`),
      [':code', ';code', ';name', ':label', ';value', ':label', '。terminator'],
    );
  });

  it('offsets spans by the cell’s column', () => {
    const r = parseIndicators(cell, 100);
    assert.equal(r.indicators[0]?.seq.span.start, 100);
  });

  it('counts UTF-16 code units: surrogate pairs take two columns', () => {
    const text = '1、1-产出指标；11-数量指标；𠀋😀人次；实施周期指标值：≥1人；年度指标值：≥1人。';
    const ind = parseIndicators(text).indicators[0];
    assert.ok(ind?.name && ind.period);
    assert.equal(ind.name.span.end - ind.name.span.start, 6);
    assert.equal(slice(text, ind.period.span), '≥1人');
  });

  it('recovers: a broken indicator keeps the others', () => {
    const text =
      '1、1-产出指标11-数量指标；人次；实施周期指标值：1人；年度指标值：1人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。3、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥90%；年度指标值：≥90%。';
    const r = parseIndicators(text);
    assert.ok(r.problems.length > 0);
    assert.deepEqual(
      r.indicators.map((i) => i.seq.value),
      [1, 2, 3],
    );
    assert.equal(r.indicators[2]?.annual?.text, '≥90%');
    const p = r.problems[0];
    assert.ok(p);
    assert.ok(p.message.en.startsWith('expected'), p.message.en);
  });

  it('keeps what an indicator read before recovery abandoned it, and its span covers only that', () => {
    const cut = parseIndicators('1、1-产出指标；');
    assert.equal(cut.indicators.length, 1);
    const first = cut.indicators[0];
    assert.equal(first?.seq.value, 1);
    assert.equal(first?.level1?.code?.text, '1');
    assert.equal(first?.level1?.name?.text, '产出指标');
    assert.equal(first?.level2, undefined);
    assert.deepEqual(first?.span, { start: 0, end: 9 });
    // The second code is missing: the first indicator keeps its first code, the text up to the next
    // sequence number is reported as belonging to none, and the next indicator is whole.
    const text = '1、1-产出指标；；人次；实施周期指标值：1人。2、2-效益指标；22-社会效益；就业率；年度指标值：≥90%。';
    const r = parseIndicators(text);
    assert.deepEqual(
      r.indicators.map((i) => [i.seq.value, i.level1?.code?.text, i.level2?.code?.text, slice(text, i.span)]),
      [
        [1, '1', undefined, '1、1-产出指标；'],
        [2, '2', '22', '2、2-效益指标；22-社会效益；就业率；年度指标值：≥90%。'],
      ],
    );
    assert.deepEqual(
      r.problems.map((p) => slice(text, p.span)),
      ['；', '；人次；实施周期指标值：1人。'],
    );
  });

  it('names what was expected at the end of an unfinished indicator', () => {
    const r = parseIndicators('1、1-产出指标；');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]?.message.en ?? '', /expected .*code.* but found the end of the cell/);
  });

  it('never throws and keeps spans inside the cell, whatever the input', () => {
    const inputs = [
      '',
      '；；；',
      '1、',
      '、、、',
      '实施周期指标值：',
      '年度指标值：x。1、',
      '1、1-',
      '<p>',
      '"“',
      '\u0000\uffff\ud800',
      '9999、99-',
    ];
    for (const text of inputs) {
      const r = parseIndicators(text);
      for (const s of [...r.problems.map((p) => p.span), ...r.indicators.map((i) => i.span)]) {
        assert.ok(
          s.start >= 0 && s.end <= Math.max(text.length, 1) && s.start <= s.end,
          `${JSON.stringify(text)}: ${JSON.stringify(s)}`,
        );
      }
    }
  });
});

/**
 * How a clerk's keyboard or IME slips at each place of the grammar. Every slip must be read as
 * what the clerk meant (the indicators and their values as in the clean cell) and reported on the
 * characters it concerns, and its fixes must write the clean cell back.
 */
describe('indicator parser: clerk slips', () => {
  const A = '1、1-产出指标；11-数量指标；补贴人次；实施周期指标值：≥300人次；年度指标值：≥300人次。';
  const B = '2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥60%；年度指标值：≥60%。';
  const C = '3、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。';
  const CLEAN = A + B + C;
  const shape = (text: string) =>
    parseIndicators(text).indicators.map((i) =>
      [i.seq.value, i.level1?.code?.text, i.level2?.code?.text, i.name?.text, i.period?.text, i.annual?.text].join('|'),
    );

  /** Applies every fix of every problem (the first fix of each), as a clerk accepting them would. */
  function fixed(text: string): string {
    const edits = parseIndicators(text)
      .problems.flatMap((p) => p.fixes?.[0]?.edits ?? [])
      .map((e, i) => ({ ...e, i }));
    let out = text;
    // Last first; of two inserts at one place, the later problem's first, so that the earlier's stands first.
    for (const e of edits.sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end || b.i - a.i)) {
      out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    }
    return out;
  }

  // [what slipped, the text, what each problem underlines]
  const SLIPS: ReadonlyArray<[string, string, readonly string[]]> = [
    ...['．', '.', '。', '，', ',', '）', ')', '：', ':'].map((m): [string, string, string[]] => [
      `“3${m}” for “3、”`,
      A + B + C.replace('3、', `3${m}`),
      [`3${m}`],
    ]),
    ['“（3）” for “3、”', A + B + C.replace('3、', '（3）'), ['（3）']],
    ['a space before the wrong mark', A + B + C.replace('3、', '3 ．'), ['3 ．']],
    ['“1.” at the start of the cell', A.replace('1、', '1.') + B + C, ['1.']],
    ['no full stop between two indicators', A + B.replace('≥60%。', '≥60%') + C, ['%']],
    ['no full stop at the end of the cell', A + B + C.slice(0, -1), ['%']],
    ['“。。”', A + B.replace('≥60%。', '≥60%。。') + C, ['。']],
    ['“。。。”', A + B.replace('≥60%。', '≥60%。。。') + C, ['。。']],
    ['a forgotten sequence number', A + B + C.replace('3、', ''), ['3-满意度指标']],
    ['a forgotten number and full stop', A + B.replace('≥60%。', '≥60%') + C.replace('3、', ''), ['%', '3-满意度指标']],
    [
      'the labels in reverse order',
      A + B.replace('实施周期指标值：≥60%；年度指标值：≥60%', '年度指标值：≥60%；实施周期指标值：≥60%') + C,
      ['年度指标值：≥60%；实施周期指标值：≥60%'],
    ],
    [
      'the annual value written twice, the same',
      A.replace('年度指标值：≥300人次', '年度指标值：≥300人次；年度指标值：≥300人次') + B + C,
      ['年度指标值：≥300人次'],
    ],
    ['a label variant (实施期指标值)', A.replace('实施周期指标值', '实施期指标值') + B + C, ['实施期指标值']],
    ['a label variant (年度目标值)', A.replace('年度指标值', '年度目标值') + B + C, ['年度目标值']],
    ['a label variant (全年指标值)', A + B.replace('年度指标值', '全年指标值') + C, ['全年指标值']],
    ['a label without its 值, with a colon', A.replace('年度指标值：', '年度指标：') + B + C, ['年度指标']],
    ['“；” for the label’s colon', A.replace('实施周期指标值：', '实施周期指标值；') + B + C, ['；']],
    ['“，” for the label’s colon', A + B.replace('年度指标值：', '年度指标值，') + C, ['，']],
    ['no colon after the label', A.replace('实施周期指标值：', '实施周期指标值') + B + C, ['实施周期指标值']],
    ['no separator before the annual label', A.replace('≥300人次；年度', '≥300人次年度') + B + C, ['年']],
  ];

  for (const [what, text, underlines] of SLIPS) {
    it(`reads and reports ${what}`, () => {
      const r = parseIndicators(text);
      assert.deepEqual(shape(text), shape(CLEAN), 'read as the clean cell');
      assert.deepEqual(
        r.problems.map((p) => slice(text, p.span)),
        [...underlines],
      );
      assert.ok(
        r.problems.every((p) => p.message.zh && p.message.en && (p.fixes?.length ?? 0) > 0),
        'every problem has a fix',
      );
      assert.equal(fixed(text), CLEAN, 'the fixes write the clean cell');
    });
  }

  it('reports a value written twice with another value, and reads the first', () => {
    const text = A.replace('年度指标值：≥300人次', '年度指标值：≥3人次；年度指标值：≥4人次') + B + C;
    const r = parseIndicators(text);
    assert.equal(r.indicators[0]?.annual?.text, '≥3人次');
    assert.deepEqual(
      r.problems.map((p) => slice(text, p.span)),
      ['年度指标值：≥4人次'],
    );
    assert.match(r.problems[0]?.message.en ?? '', /written 2 times \(“≥3人次” and “≥4人次”\): only the first is read/);
    assert.equal(r.problems[0]?.fixes?.[0]?.safe, false, 'the clerk chooses which value stays');
  });

  it('leaves values that only look like slips alone', () => {
    for (const value of ['1.5-2万元', '2021.1-12月完成', '第3.2版', '≥1,000人次', '3、5级以上']) {
      const text = A.replace('实施周期指标值：≥300人次', `实施周期指标值：${value}`);
      const r = parseIndicators(text);
      assert.equal(r.indicators.length, 1, value);
      assert.equal(r.indicators[0]?.period?.text, value);
      assert.deepEqual(r.problems, [], value);
    }
  });
});
