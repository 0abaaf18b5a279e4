import * as assert from 'node:assert/strict';
import { applyEdits, check, describeRule, table } from '../../../test/helpers';
import { withIndicators } from './examples';
import { nonstandardCharacters } from './nonstandard-characters';

const B = '2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

describeRule(nonstandardCharacters, [
  {
    name: 'an em dash after the level-1 code',
    rows: withIndicators(`1、1—产出指标；11-数量指标；人次；实施周期指标值：≥1人次；年度指标值：≥1人次。${B}`),
    underlines: ['—'],
    messages: [{ zh: '“—” 应写作半角 “-”' }],
  },
  {
    name: 'a full-width hyphen after the level-2 code',
    rows: withIndicators(`1、1-产出指标；12－质量指标；合格率；实施周期指标值：≥95%；年度指标值：≥95%。${B}`),
    underlines: ['－'],
  },
  {
    name: 'the horizontal bar and the hyphen',
    rows: withIndicators(`1、1―产出指标；12‐质量指标；合格率；实施周期指标值：≥95%；年度指标值：≥95%。${B}`),
    underlines: ['―产出指标；12‐'],
  },
  {
    name: 'a full-width level-2 code',
    rows: withIndicators(
      `1、1-产出指标；11-数量指标；人次；实施周期指标值：≥1人次；年度指标值：≥1人次。2、2-效益指标；２２-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`,
    ),
    underlines: ['２２'],
  },
  {
    name: 'a full-width sequence number',
    rows: withIndicators(`１、1-产出指标；11-数量指标；人次；实施周期指标值：≥1人次；年度指标值：≥1人次。${B}`),
    underlines: ['１'],
  },
  {
    name: 'full-width digits, point and percent in a value',
    rows: withIndicators(`1、1-产出指标；12-质量指标；合格率；实施周期指标值：≥９５．５％；年度指标值：≥95.5%。${B}`),
    underlines: ['９５．５％'],
    messages: [{ en: '“９５．５％” in “1、合格率” as “95.5%”' }],
  },
  {
    name: 'a full-width point that is punctuation stays',
    rows: withIndicators(
      `1、1-产出指标；13-时效指标；完成时间；实施周期指标值：年底前完成．；年度指标值：年底前完成。${B}`,
    ),
    underlines: [],
  },
]);

describe('rule nonstandard-characters: reading and fixing', () => {
  it('reads full-width codes and IME dashes by their meaning: no code finding, and the fix writes ASCII', () => {
    const text = table(
      withIndicators(
        `1、1—产出指标；12－质量指标；合格率；实施周期指标值：≥３００人次；年度指标值：≥300人次。2、2-效益指标；２２-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`,
      ),
    );
    const found = check(text);
    assert.deepEqual(
      found.filter((f) => f.rule !== 'nonstandard-characters').map((f) => f.rule),
      [],
    );
    const fixes = found.flatMap((f) => f.fixes?.[0]?.edits ?? []);
    assert.equal(
      applyEdits(text, fixes),
      table(withIndicators(`1、1-产出指标；12-质量指标；合格率；实施周期指标值：≥300人次；年度指标值：≥300人次。${B}`)),
    );
  });
});
