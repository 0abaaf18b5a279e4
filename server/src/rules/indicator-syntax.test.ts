import * as assert from 'node:assert/strict';
import { check, describeRule, table } from '../../../test/helpers';
import { withIndicators } from './examples';
import { indicatorSyntax } from './indicator-syntax';

const B = '2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(indicatorSyntax, [
  {
    name: 'missing level-1 code',
    rows: withIndicators(`1、产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。${B}`),
    underlines: ['产出指标'],
    messages: [{ zh: '缺少编码', en: 'has no code' }],
  },
  {
    name: 'missing colon after the label',
    rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次；实施周期指标值100人；年度指标值：100人。${B}`),
    underlines: ['实施周期指标值'],
    messages: [{ zh: '缺少冒号', en: 'expected a colon' }],
  },
  {
    name: 'missing separator before the annual label',
    rows: withIndicators(`1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人年度指标值：100人。${B}`),
    underlines: ['年'],
    messages: [{ zh: '缺少分隔符', en: 'expected the separator' }],
  },
  {
    name: 'stray text before the first indicator',
    rows: withIndicators(
      `培训人次100人；1、1-产出指标；11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。${B}`,
    ),
    underlines: ['培训人次100人；'],
    messages: [{ en: 'belongs to no indicator' }],
  },
  {
    name: 'name missing after level-2 code',
    rows: withIndicators(`1、1-产出指标；11-数量指标；实施周期指标值：100人；年度指标值：100人。${B}`),
    underlines: ['11-数量指标'],
    messages: [{ en: 'indicator’s own name' }],
  },
  {
    name: 'the sample’s mixed punctuation and long quoted values parse',
    rows: withIndicators(
      '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值:“1.新引进1名院士；2.新引进人才不超过30人。”；年度指标值:“1.新引进1名院士；2.新引进人才不超过30人。”。2、2-效益指标:22-社会效益:就业率;实施周期指标值:≥90%;年度指标值:≥90%。',
    ),
    underlines: [],
  },
]);

describe('rule indicator-syntax: a code-name without its code', () => {
  const cellOf = (text: string) => table(withIndicators(text));
  const fixesOf = (text: string) => check(cellOf(text)).filter((f) => f.rule === 'indicator-syntax');

  it('inserts the level-2 code that the name means under its parent', () => {
    const [f, ...rest] = fixesOf(`1、1-产出指标；数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。${B}`);
    assert.equal(rest.length, 0);
    assert.match(f?.message.en ?? '', /write “11-数量指标”/);
    assert.deepEqual(
      f?.fixes?.[0]?.edits.map((e) => e.newText),
      ['11-'],
    );
    assert.equal(f?.fixes?.[0]?.safe, true);
  });

  it('inserts both codes under 3, and names 3’s own class in the message', () => {
    const found = fixesOf(`1、满意度指标；服务对象满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。`);
    assert.deepEqual(
      found.map((f) => f.fixes?.[0]?.edits[0]?.newText),
      ['3-', '31-'],
    );
    assert.match(found[1]?.message.zh ?? '', /应写作“31-服务对象满意度”/);
  });

  it('gives the examples of the right parent when the name is unknown', () => {
    const [f] = fixesOf(`1、3-满意度指标；群众满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。`);
    assert.match(f?.message.zh ?? '', /可选：“31-服务对象满意度”$/);
    assert.doesNotMatch(f?.message.zh ?? '', /11-数量指标/);
  });

  it('inserts the missing level-1 class before a level-2 name standing in its place', () => {
    const found = fixesOf(`1、数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。${B}`);
    const first = found[0];
    assert.match(first?.message.en ?? '', /level-1 class “1-产出指标” and the codes are missing/);
    assert.equal(first?.fixes?.[0]?.edits[0]?.newText, '1-产出指标；11-');
  });
});

describe('rule indicator-syntax recovery', () => {
  it('a broken indicator does not hide the next one', () => {
    const text = table(
      withIndicators(`1、1-产出指标11-数量指标；培训人次；实施周期指标值：100人；年度指标值：100人。${B}`),
    );
    const found = check(text);
    assert.ok(found.some((f) => f.rule === 'indicator-syntax'));
    // The second indicator was still read: its values are checked (and are fine), and no
    // finding says that the benefit category is missing.
    assert.equal(found.filter((f) => f.rule === 'missing-category').length, 0);
  });
});
