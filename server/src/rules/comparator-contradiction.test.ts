import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, underlined } from '../../../test/helpers';
import { comparatorContradiction } from './comparator-contradiction';

describeRule(comparatorContradiction, []);

/** A form with the given grid header and indicator rows. */
function form(header: string, rows: readonly string[]): string {
  return ['项目绩效目标表', '项目名称\t测试项目', header, ...rows].join('\n');
}

const HEADER = '一级指标\t二级指标\t三级指标\t指标方向\t运算符号\t指标值\t计量单位';

function found(text: string): Array<{ text: string; severity: string; en: string; zh: string }> {
  return check(text)
    .filter((f) => f.rule === 'comparator-contradiction')
    .map((f) => ({ text: underlined(text, f), severity: f.severity, en: f.message.en, zh: f.message.zh }));
}

describe('rule comparator-contradiction', () => {
  it('reports a comparator column that contradicts the value', () => {
    const f = found(form(HEADER, ['产出指标\t质量指标\t合格率\t正向\t=\t≥60\t%']));
    assert.deepEqual(
      f.map((x) => [x.text, x.severity]),
      [['=', 'warning']],
    );
    assert.ok(f[0]?.en.includes('the comparator column says “=” but the value says “≥60”'), f[0]?.en);
  });

  it('is silent when the column and the value agree', () => {
    assert.deepEqual(found(form(HEADER, ['产出指标\t质量指标\t合格率\t正向\t≥\t≥60\t%'])), []);
  });

  it('reports a reverse indicator with a floor, as a warning, with a fix writing ≤', () => {
    const text = form(HEADER, ['产出指标\t成本指标\t人均成本\t反向\t≥\t500\t元/人']);
    const f = found(text);
    assert.deepEqual(
      f.map((x) => [x.text, x.severity]),
      [['≥', 'warning']],
    );
    assert.ok(f[0]?.zh.includes('「人均成本」是反向指标'), f[0]?.zh);
    const finding = check(text).find((x) => x.rule === 'comparator-contradiction');
    const fixed = applyEdits(text, finding?.fixes?.[0]?.edits ?? []);
    assert.ok(fixed.includes('人均成本\t反向\t≤\t500'), fixed);
    assert.deepEqual(found(fixed), []);
  });

  it('reads the comparator in the value when the form has no comparator column', () => {
    const header = '一级指标\t二级指标\t三级指标\t指标方向\t指标值';
    const f = found(form(header, ['产出指标\t成本指标\t人均成本\t反向\t不低于500元']));
    assert.deepEqual(
      f.map((x) => x.text),
      ['不低于500元'],
    );
  });

  it('notes a reverse indicator written with =, asking for ≤', () => {
    const f = found(form(HEADER, ['产出指标\t成本指标\t总成本\t反向\t=\t3\t万元']));
    assert.deepEqual(
      f.map((x) => [x.text, x.severity]),
      [['=', 'information']],
    );
    assert.ok(f[0]?.en.includes('write ≤'), f[0]?.en);
  });

  it('reports a forward indicator with a ceiling', () => {
    const f = found(form(HEADER, ['产出指标\t质量指标\t合格率\t正向\t≤\t90\t%']));
    assert.deepEqual(
      f.map((x) => [x.text, x.severity]),
      [['≤', 'warning']],
    );
  });

  it('reads direction and comparator by content when their columns are swapped', () => {
    const header = '一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位';
    const f = found(form(header, ['产出指标\t成本指标\t办公费总成本\t反向\t=\t0\t万元']));
    assert.deepEqual(
      f.map((x) => [x.text, x.severity]),
      [['=', 'information']],
    );
  });
});

describe('rule comparator-contradiction: deadlines', () => {
  it('takes ≤ on a forward date or time limit as how a deadline is written', () => {
    const text = [
      '项目名称\t某项目',
      '一级指标\t二级指标\t三级指标\t指标方向\t运算符号\t目标值',
      '产出指标\t时效指标\t工程开工时间\t正向\t≤\t2024年5月1日',
      '产出指标\t数量指标\t改造户数\t正向\t≤\t200户',
    ].join('\n');
    assert.deepEqual(
      check(text)
        .filter((f) => f.rule === 'comparator-contradiction')
        .map((f) => f.line),
      [3],
    );
  });
});
