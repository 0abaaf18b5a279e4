import { formatNumber } from '../i18n';
import type { Located } from '../model/types';
import { withIndicators } from './examples';
import { classCode, measuresOf, textSpan, valuesOf } from '../model/meaning';
import type { RowRule } from './types';

/** The cost class (成本指标). */
const COST = '14';

const where = (l: Located) => ({ line: l.place.line, span: textSpan(l) });

export const amountWrittenUnit: RowRule = {
  id: 'amount-written-unit',
  category: 'arithmetic',
  scope: 'row',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    zh: '申报表的金额带了单位（“250万”“3万元”），而表格已注明金额单位；成本指标值只写了“万”没写“元”。',
    en: 'A form’s amount is written with a unit (“250万”, “3万元”) although the table states its money unit; a cost value says 万 without 元.',
  },
  rationale: {
    zh: '表头已注明“单位：万元”时，金额栏只写数字；“250万”既重复了单位，又容易与“250万元”“250万元万元”混淆，导入预算系统时会被拒绝。成本指标值中的“万”只是数量级，应写完整的货币单位（“250万元”）。七列表格的金额栏本来只能写数字（见 amount-invalid），本规则只检查申报表。',
    en: 'When the table states “单位：万元”, an amount cell holds the number alone; “250万” repeats the unit, is easily misread and is refused by the budget system’s import. In a cost value, 万 is only a scale: write the money unit (“250万元”). Seven-column amounts can only be numbers (see amount-invalid); this rule checks forms.',
  },
  examples: {
    bad: [
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '填报单位:(盖章) 单位:万元',
          '项目支出名称\t雾炮车降尘抑尘服务',
          '年度本级预算金额\t250万',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t数量指标\t配备车辆数\t10辆',
        ],
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '填报单位:(盖章) 单位:万元',
          '项目支出名称\t雾炮车降尘抑尘服务',
          '年度本级预算金额\t250',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t成本指标\t服务总成本\t≤250万',
        ],
      },
    ],
    good: [
      {
        rows: withIndicators('1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。'),
      },
      {
        layout: 'form',
        rows: [
          '项目支出绩效目标申报表',
          '填报单位:(盖章) 单位:万元',
          '项目支出名称\t雾炮车降尘抑尘服务',
          '年度本级预算金额\t250',
          '一级指标\t二级指标\t三级指标\t指标值',
          '产出指标\t成本指标\t服务总成本\t≤250万元',
        ],
      },
    ],
  },
  checkRow() {
    // Seven-column amounts are numbers or invalid (amount-invalid); nothing more to say here.
  },
  checkProject(project, ctx) {
    for (const a of project.amounts) {
      if (!a.writtenUnit || !a.cell || a.value === undefined) continue;
      const number = formatNumber(a.value);
      const same = a.writtenUnit === ctx.unit || `${a.writtenUnit}元` === ctx.unit;
      ctx.report({
        place: where(a.cell),
        message: {
          zh: `金额“${a.cell.text.trim()}”带了单位，而表格的金额单位是${ctx.unit}：只写数字 ${number}`,
          en: `the amount “${a.cell.text.trim()}” is written with a unit although the table’s money unit is ${ctx.unit}: write the number alone, ${number}`,
        },
        fixes: [
          {
            title: { zh: `改为 ${number}（${ctx.unit}）`, en: `write ${number} (${ctx.unit})` },
            edits: [{ ...where(a.cell), newText: number }],
            safe: same,
          },
        ],
      });
    }
    for (const ind of project.indicators) {
      if (classCode(ind) !== COST || ind.unit?.text.trim()) continue;
      for (const v of valuesOf(ind)) {
        const measures = measuresOf(ind, v);
        const m = measures[0];
        if (measures.length !== 1 || !m || m.scale === 1 || m.unit !== '') continue;
        const written = v.text.slice(m.start, m.end);
        const start = v.place.span.start + m.start;
        const span = { start, end: v.place.span.start + m.end };
        const fixed = `${written}元`;
        ctx.report({
          place: { line: v.place.line, span },
          message: {
            zh: `成本指标值“${written}”只写了数量级“万”，没有货币单位：写成“${fixed}”`,
            en: `the cost “${written}” has a scale (万) but no money unit: write “${fixed}”`,
          },
          fixes: [
            {
              title: { zh: `改为“${fixed}”`, en: `write “${fixed}”` },
              edits: [{ line: v.place.line, span, newText: fixed }],
              safe: true,
            },
          ],
        });
      }
    }
  },
};
