import * as assert from 'node:assert/strict';
import { check, describeRule, underlined } from '../../../test/helpers';
import { unknownLayout } from './unknown-layout';

describeRule(unknownLayout, []);

/** A budget statement: columns no target table has, rows of codes and amounts. */
const STATEMENT = [
  '2023年部门支出预算表',
  '单位：万元',
  '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  '201\t一般公共服务支出\t120.5\t100\t20.5',
  '20101\t人大事务\t50\t40\t10',
  '20102\t政协事务\t70.5\t60\t10.5',
].join('\n');

describe('rule unknown-layout: one note and nothing else', () => {
  it('a table of unknown columns yields exactly one finding in total, at its header', () => {
    const found = check(STATEMENT);
    assert.deepEqual(
      found.map((f) => [f.rule, f.line]),
      [['unknown-layout', 2]],
    );
    const [f] = found;
    assert.ok(f && underlined(STATEMENT, f).startsWith('科目编码'));
    assert.ok(f.message.zh.includes('科目编码') && f.message.en.includes('does not read'));
    assert.equal(f.severity, 'information');
  });

  it('one note per table of unknown columns, whatever their rows would break', () => {
    const bad = `${STATEMENT}\n202\t外交支出\t1.2.3\t<p>9</p>\t`;
    assert.deepEqual(
      check(bad).map((f) => f.rule),
      ['unknown-layout'],
    );
  });

  it('says nothing about a seven-column table or a form', () => {
    const form = [
      '项目支出绩效目标表',
      '项目名称\t测试项目',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t培训人数\t≥100人',
    ].join('\n');
    assert.deepEqual(
      check(form).filter((f) => f.rule === 'unknown-layout'),
      [],
    );
  });
});
