import * as assert from 'node:assert/strict';
import { parseIndicators } from '../server/src/syntax/indicators';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('indicator parser', () => {
  const cell = '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次；年度指标值：≥20000人次。2、3-满意度指标:31-服务对象满意度;满意度;实施周期指标值:≥90%;年度指标值:“甲；乙。”。';

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
    assert.deepEqual(b.punctuation.map((p) => `${p.char}${p.role}`), [':code', ';code', ';name', ':label', ';value', ':label', '。terminator']);
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
    const text = '1、1-产出指标11-数量指标；人次；实施周期指标值：1人；年度指标值：1人。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。3、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥90%；年度指标值：≥90%。';
    const r = parseIndicators(text);
    assert.ok(r.problems.length > 0);
    assert.deepEqual(r.indicators.map((i) => i.seq.value), [1, 2, 3]);
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
    assert.deepEqual(r.indicators.map((i) => [i.seq.value, i.level1?.code?.text, i.level2?.code?.text, slice(text, i.span)]), [
      [1, '1', undefined, '1、1-产出指标；'],
      [2, '2', '22', '2、2-效益指标；22-社会效益；就业率；年度指标值：≥90%。'],
    ]);
    assert.deepEqual(r.problems.map((p) => slice(text, p.span)), ['；', '；人次；实施周期指标值：1人。']);
  });

  it('names what was expected at the end of an unfinished indicator', () => {
    const r = parseIndicators('1、1-产出指标；');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]?.message.en ?? '', /expected .*code.* but found the end of the cell/);
  });

  it('never throws and keeps spans inside the cell, whatever the input', () => {
    const inputs = ['', '；；；', '1、', '、、、', '实施周期指标值：', '年度指标值：x。1、', '1、1-', '<p>', '"“', '\u0000\uffff\ud800', '9999、99-'];
    for (const text of inputs) {
      const r = parseIndicators(text);
      for (const s of [...r.problems.map((p) => p.span), ...r.indicators.map((i) => i.span)]) {
        assert.ok(s.start >= 0 && s.end <= Math.max(text.length, 1) && s.start <= s.end, `${JSON.stringify(text)}: ${JSON.stringify(s)}`);
      }
    }
  });
});
