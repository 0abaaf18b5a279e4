import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../server/src/config';
import { formatLine } from '../server/src/lsp/formatting';
import { projectRow } from '../server/src/rules/examples';

const CLEAN =
  '1、1-产出指标；12-质量指标；合格率；实施周期指标值：≥95.5%；年度指标值：≥95.5%。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥300人次；年度指标值：≥300人次。';
const row = (cell: string, amount = '12.50') => projectRow('项目', [amount, amount], cell);

describe('formatting: what the clerk meant, in canonical characters', () => {
  const CASES: ReadonlyArray<[string, string]> = [
    ['IME dashes', CLEAN.replace('1-产出', '1—产出').replace('12-质量', '12－质量').replace('22-社会', '22―社会')],
    [
      'full-width codes, numbers and percent',
      CLEAN.replace('22-', '２２-').replace('≥95.5%；年度', '≥９５．５％；年度').replace('2、', '２、'),
    ],
    ['a sequence mark typed wrong', CLEAN.replace('2、', '2．')],
    ['missing and doubled full stops', CLEAN.replace('≥95.5%。', '≥95.5%').replace(/。$/, '。。')],
    [
      'label variants and a colon typed as a separator',
      CLEAN.replace('年度指标值：≥95.5%', '年度目标值；≥95.5%').replace('实施周期指标值：≥300', '实施期指标值：≥300'),
    ],
  ];
  for (const [what, cell] of CASES) {
    it(`formats ${what}`, () => {
      assert.equal(formatLine(row(cell), DEFAULT_CONFIG), row(CLEAN));
    });
  }

  it('formats a full-width amount as an amount', () => {
    assert.equal(formatLine(row(CLEAN, '１２.５０'), DEFAULT_CONFIG), row(CLEAN, '12.50'));
    assert.equal(formatLine(row(CLEAN, '１，２３４．５０'), DEFAULT_CONFIG), row(CLEAN, '1,234.50'));
  });

  it('leaves what moves or guesses content to the quick fixes', () => {
    const swapped = CLEAN.replace(
      '实施周期指标值：≥95.5%；年度指标值：≥95.5%',
      '年度指标值：≥95.5%；实施周期指标值：≥95.5%',
    );
    assert.equal(formatLine(row(swapped), DEFAULT_CONFIG), row(swapped));
    const repeated = CLEAN.replace('年度指标值：≥95.5%', '年度指标值：≥95.5%；年度指标值：≥95.5%');
    assert.equal(formatLine(row(repeated), DEFAULT_CONFIG), row(repeated));
    const unnumbered = CLEAN.replace('2、', '');
    assert.equal(formatLine(row(unnumbered), DEFAULT_CONFIG), row(unnumbered));
  });
});
