import { describeRule } from '../../../test/helpers';
import { amountInvalid } from './amount-invalid';
import { projectRow, unitRow } from './examples';

describeRule(amountInvalid, [
  {
    name: 'a unit in the amount',
    rows: [projectRow('项目', ['100万', '100.00'])],
    underlines: ['100万'],
    messages: [{ zh: '总计“100万”不是金额', en: 'total “100万” is not an amount' }],
  },
  {
    name: 'HTML around a valid amount is not this rule',
    rows: [projectRow('项目', ['<p>100.00</p>', '100.00'])],
    underlines: [],
  },
  {
    name: 'full-width digits are an amount (amount-style writes them in ASCII)',
    rows: [unitRow('单位', ['１００', '１００']), projectRow('项目', ['１，２３４．５０', '1,234.50'])],
    underlines: [],
  },
  {
    name: 'a full-width unit is not',
    rows: [unitRow('单位', ['', '１００万'])],
    underlines: ['１００万'],
    messages: [{ en: 'fiscal appropriation' }],
  },
  {
    name: 'negative and plain numbers are amounts',
    rows: [projectRow('项目', ['-1.00', '-1.00']), projectRow('项目二', ['1234.5', '1234.5'])],
    underlines: [],
  },
]);
