import { GOOD_INDICATORS, projectRow } from './examples';
import type { RowRule } from './types';

export const emptyGoal: RowRule = {
  id: 'empty-goal',
  category: 'structure',
  scope: 'row',
  defaultSeverity: 'error',
  fixable: false,
  description: {
    zh: '项目有绩效指标却没有绩效目标，或有绩效目标却没有绩效指标。',
    en: 'A project has indicators but no goal, or a goal but no indicators.',
  },
  rationale: {
    zh: '绩效目标说明项目要达到什么，绩效指标说明如何衡量；缺少任何一项，项目都不能通过审核。',
    en: 'The goal says what the project is to achieve and the indicators how that is measured; a project missing either does not pass review.',
  },
  examples: {
    bad: [
      { rows: [projectRow('就业补助资金', ['100.00', '100.00'], GOOD_INDICATORS, '')] },
      { rows: [projectRow('就业补助资金', ['100.00', '100.00'], '', '促进就业。')] },
    ],
    good: [{ rows: [projectRow('就业补助资金', ['100.00', '100.00'])] }],
  },
  checkRow(row, ctx) {
    if (row.kind !== 'project' || !row.name) return;
    const hasGoal = (row.goal?.text ?? '') !== '';
    const hasIndicators = (row.indicatorCell?.text ?? '') !== '';
    if (hasGoal && !hasIndicators) {
      ctx.report({
        span: row.name.textSpan,
        message: { zh: '项目填写了绩效目标，但没有绩效指标', en: 'the project has a goal but no indicators' },
      });
    } else if (!hasGoal && hasIndicators) {
      ctx.report({
        span: row.name.textSpan,
        message: { zh: '项目填写了绩效指标，但没有绩效目标', en: 'the project has indicators but no goal' },
      });
    }
  },
};
