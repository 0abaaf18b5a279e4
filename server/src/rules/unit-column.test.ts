import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, underlined } from '../../../test/helpers';
import { unitColumn } from './unit-column';

describeRule(unitColumn, []);

const WITH_UNIT = '一级指标\t二级指标\t三级指标\t指标值\t计量单位';
const WITHOUT_UNIT = '一级指标\t二级指标\t三级指标\t指标值及单位';

function form(header: string, rows: readonly string[]): string {
  return ['项目绩效目标表', '项目名称\t测试项目', header, ...rows].join('\n');
}

function found(text: string): Array<{ text: string; en: string }> {
  return check(text)
    .filter((f) => f.rule === 'unit-column')
    .map((f) => ({ text: underlined(text, f), en: f.message.en }));
}

function fixed(text: string, n = 0): string {
  const f = check(text).find((x) => x.rule === 'unit-column');
  return applyEdits(text, f?.fixes?.[n]?.edits ?? []);
}

describe('rule unit-column', () => {
  it('knows the unit column from the grid’s header even when every unit cell is empty', () => {
    const f = found(form(WITH_UNIT, ['产出指标\t数量指标\t出差人数\t8\t', '产出指标\t数量指标\t培训人数\t10\t']));
    assert.deepEqual(
      f.map((x) => x.text),
      ['8', '10'],
    );
    assert.ok(f.every((x) => x.en.includes('the unit column is empty')));
  });

  it('reports a number without a unit where the unit column is empty', () => {
    const f = found(form(WITH_UNIT, ['产出指标\t数量指标\t出差人数\t8\t', '产出指标\t数量指标\t培训人数\t10\t人']));
    assert.deepEqual(
      f.map((x) => x.text),
      ['8'],
    );
    assert.ok(f[0]?.en.includes('the unit column is empty'), f[0]?.en);
  });

  it('reports a bare number where the form has no unit column', () => {
    const f = found(form(WITHOUT_UNIT, ['产出指标\t质量指标\t审稿率\t1', '产出指标\t数量指标\t车辆数\t10辆']));
    assert.deepEqual(
      f.map((x) => x.text),
      ['1'],
    );
    assert.ok(f[0]?.en.includes('no unit column'), f[0]?.en);
  });

  it('reports a unit in the value column beside a unit column, once or twice written', () => {
    const text = form(WITH_UNIT, ['产出指标\t数量指标\t车辆数\t10辆\t', '产出指标\t数量指标\t培训人数\t≥100人\t人']);
    assert.deepEqual(
      found(text).map((x) => x.text),
      ['辆', '人'],
    );
    const twice = form(WITH_UNIT, ['产出指标\t数量指标\t培训人数\t≥100人\t人']);
    assert.ok(fixed(twice).endsWith('培训人数\t≥100\t人'), fixed(twice));
  });

  it('reports a number in the unit column', () => {
    const f = found(form(WITH_UNIT, ['产出指标\t时效指标\t到位时间\t44,561\t44,561']));
    assert.ok(
      f.some((x) => x.text === '44,561' && x.en.includes('holds a number')),
      JSON.stringify(f),
    );
    assert.equal(f.length, 1, 'the value, a date serial, is serial-date’s');
  });

  it('reports a per-unit written for a count, with a fix', () => {
    const text = form(WITH_UNIT, ['产出指标\t数量指标\t出差人次\t24\t人/次']);
    assert.deepEqual(
      found(text).map((x) => x.text),
      ['人/次'],
    );
    assert.ok(fixed(text).endsWith('出差人次\t24\t人次'));
    assert.deepEqual(found(form(WITH_UNIT, ['产出指标\t数量指标\t人均出差次数\t3\t次/人'])), []);
  });

  it('reports a Latin unit in the wrong case, with fixes to 米 and m', () => {
    const text = form(WITHOUT_UNIT, ['产出指标\t数量指标\t雾炮车射程\t≥80M']);
    assert.deepEqual(
      found(text).map((x) => x.text),
      ['M'],
    );
    assert.ok(fixed(text, 0).endsWith('≥80米'));
    assert.ok(fixed(text, 1).endsWith('≥80m'));
    assert.deepEqual(
      found(form(WITHOUT_UNIT, ['产出指标\t数量指标\t带宽\t≥100MB', '产出指标\t数量指标\t覆盖\t5G'])),
      [],
    );
  });

  it('leaves dates, periods and qualitative values alone', () => {
    const rows = [
      '产出指标\t时效指标\t服务周期\t2023.07-2024.01\t',
      '产出指标\t时效指标\t完成时间\t2023年12月\t',
      '产出指标\t质量指标\t空气质量\t优良\t',
      '产出指标\t数量指标\t培训人数\t100\t人',
    ];
    assert.deepEqual(found(form(WITH_UNIT, rows)), []);
  });
});

describe('rule unit-column: measures without a unit by nature', () => {
  it('asks no unit of a coefficient or an index', () => {
    const text = form(WITHOUT_UNIT, [
      '效益指标\t生态效益指标\t农田灌溉水有效利用系数\t≥0.6',
      '效益指标\t社会效益指标\t空气质量指数\t≤80',
    ]);
    assert.deepEqual(found(text), []);
  });
});
