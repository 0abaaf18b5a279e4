import * as assert from 'node:assert/strict';
import { moneyInWan, parseValue } from '../server/src/syntax/value';

const first = (text: string) => {
  const m = parseValue(text).measures[0];
  return m && { comparator: m.comparator, value: m.value, unit: m.unit };
};

describe('value reader', () => {
  it('reads symbol comparators, numbers and units', () => {
    assert.deepEqual(first('≥20000人次'), { comparator: '≥', value: 20000, unit: '人次' });
    assert.deepEqual(first('≤180000元/辆'), { comparator: '≤', value: 180000, unit: '元/辆' });
    assert.deepEqual(first('>3.1万条/月'), { comparator: '>', value: 31000, unit: '条/月' });
    assert.deepEqual(first('≧95％'), { comparator: '≥', value: 95, unit: '%' });
  });

  it('reads word forms before and after the number', () => {
    assert.deepEqual(first('不少于1次'), { comparator: '≥', value: 1, unit: '次' });
    assert.deepEqual(first('90%以上'), { comparator: '≥', value: 90, unit: '%' });
    assert.deepEqual(first('约10万卷'), { comparator: '≈', value: 100000, unit: '卷' });
    assert.deepEqual(first('不超过100万元/年'), { comparator: '≤', value: 1000000, unit: '元/年' });
  });

  it('expands 万 and 亿 and converts money to 万元', () => {
    const m = parseValue('≥42亿元').measures[0];
    assert.ok(m);
    assert.equal(m.value, 4.2e9);
    assert.equal(moneyInWan(m), 420000);
    const w = parseValue('≤18万元').measures[0];
    assert.ok(w);
    assert.equal(moneyInWan(w), 18);
    const n = parseValue('≥4.1万人').measures[0];
    assert.equal(n && moneyInWan(n), undefined);
  });

  it('recognises a range', () => {
    const v = parseValue('6≤PH值≤9');
    assert.equal(v.range?.low.value, 6);
    assert.equal(v.range?.high.value, 9);
    assert.equal(v.range?.subject, 'PH值');
  });

  it('tells qualitative, quantitative and empty values apart', () => {
    assert.equal(parseValue('本年内完成').kind, 'qualitative');
    assert.equal(parseValue('12月底前完成').kind, 'quantitative');
    assert.equal(parseValue('  ').kind, 'empty');
    assert.equal(parseValue('不超过缴费额的2/3').measures[0]?.value, 2 / 3);
  });

  it('knows when nothing but measures is written', () => {
    assert.equal(parseValue('≥20000人次≥45000人次').onlyMeasures, true);
    assert.equal(parseValue('≥20000人次≥45000人次').measures.length, 2);
    assert.equal(parseValue('准确率达到99%').onlyMeasures, false);
    assert.equal(parseValue('准确率达到99%').remainder, '准确率');
  });
});

import { formatWan } from '../server/src/i18n';

describe('formatWan', () => {
  it('writes amounts as the finance system does', () => {
    assert.equal(formatWan(67805.48), '67,805.48');
    assert.equal(formatWan(0), '0.00');
    assert.equal(formatWan(22265.7), '22,265.70');
    assert.equal(formatWan(1234567.891), '1,234,567.89');
    assert.equal(formatWan(-0.01), '-0.01');
    assert.equal(formatWan(999.995), '1,000.00');
    assert.equal(formatWan(100), '100.00');
  });
});
