import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import type { Config } from '../config';
import { withIndicators } from './examples';
import { missingCategory } from './missing-category';
import { formRows } from './util';

const OUTPUT = '1、1-产出指标；11-数量指标；人次；实施周期指标值：1人；年度指标值：1人。';
const SATISFACTION = '2、3-满意度指标；31-服务对象满意度；满意率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(missingCategory, [
  {
    name: 'no benefit indicator',
    rows: withIndicators(OUTPUT + SATISFACTION),
    underlines: ['职业技能培训项目'],
    messages: [{ zh: '“2-效益指标”', en: 'no 2 (Benefit) indicator' }],
  },
  {
    name: 'configured to require satisfaction as well',
    rows: withIndicators(OUTPUT + SATISFACTION),
    config: { requiredCategories: ['1', '3'] },
    underlines: [],
  },
  {
    name: 'a level-2 code under the wrong parent still counts for its own class',
    rows: withIndicators(`${OUTPUT}2、3-满意度指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`),
    config: { requiredCategories: ['1'] },
    underlines: [],
  },
]);

function onForm(rows: readonly string[], config: Partial<Config> = {}) {
  const text = rows.join('\n');
  const found = check(text, config).filter((f) => f.rule === 'missing-category');
  return { found, underlines: found.map((f) => underlined(text, f)) };
}

describe('rule missing-category on application forms', () => {
  it('reports the classes a form lacks, once, on the grid’s first row', () => {
    const { found, underlines } = onForm(
      formRows(['产出指标\t数量指标\t出差人数\t8人', '产出指标\t成本指标\t出差总成本\t1万元']),
    );
    assert.deepEqual(underlines, ['产出指标']);
    assert.equal(found[0]?.line, formRows([]).length);
    assert.ok(found[0]?.message.zh.includes('缺少“效益指标”类指标'));
    const sat = onForm(formRows(['产出指标\t数量指标\t出差人数\t8人']), { requiredCategories: ['1', '2', '3'] });
    assert.ok(sat.found[0]?.message.en.includes('效益指标 (Benefit) or 满意度指标 (Satisfaction)'));
  });

  it('reads classes by name: non-standard level-1 names, or a 二级’s parent when the 一级 is unknown', () => {
    assert.deepEqual(
      onForm(formRows(['项目完成指标\t数量指标\t扶助户数\t63户', '项目效益指标\t社会效益指标\t政策知晓率\t≥90%']))
        .underlines,
      [],
    );
    assert.deepEqual(
      onForm(formRows(['绩效\t数量指标\t扶助户数\t63户', '\t社会效益指标\t政策知晓率\t≥90%'])).underlines,
      [],
    );
  });

  it('satisfaction under 效益指标 counts as benefit, not as satisfaction', () => {
    const rows = formRows(['产出指标\t数量指标\t车辆数\t10辆', '效益指标\t服务对象满意度指标\t市民满意度\t≥90%']);
    assert.deepEqual(onForm(rows).underlines, []);
    assert.deepEqual(onForm(rows, { requiredCategories: ['3'] }).underlines, ['产出指标']);
  });
});
