import { describeRule } from '../../../test/helpers';
import { emptyGoal } from './empty-goal';
import { GOOD_INDICATORS, projectRow } from './examples';

describeRule(emptyGoal, [
  {
    name: 'indicators without goal',
    rows: [projectRow('就业项目', ['1.00', '1.00'], GOOD_INDICATORS, '')],
    underlines: ['就业项目'],
    messages: [{ zh: '没有绩效目标', en: 'no goal' }],
  },
  {
    name: 'goal without indicators',
    rows: [projectRow('就业项目', ['1.00', '1.00'], '', '目标')],
    underlines: ['就业项目'],
    messages: [{ zh: '没有绩效指标', en: 'no indicators' }],
  },
  {
    name: 'a unit row has neither and is not a project',
    rows: [projectRow('某单位', ['1.00', '1.00'], '', '')],
    underlines: [],
  },
]);
