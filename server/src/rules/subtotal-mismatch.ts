import { formatWan } from '../i18n';
import type { ModelAmount, ModelProject, Place } from '../model/types';
import type { RowRef } from '../syntax/document';
import { labelKey } from '../syntax/form';
import { AMOUNT_COLUMNS, AMOUNT_COLUMNS_EN, SPENDING_KINDS } from '../vocabulary';
import { projectRow, unitRow } from './examples';
import { EPSILON, formRows, toleranceIn, topParts } from './util';
import type { MoneyUnit } from '../catalogue';
import type { DocumentContext, DocumentRule, ProjectContext, Related } from './types';

/** At most this many parts are listed as related information. */
const MAX_RELATED = 50;

function compare(
  ctx: DocumentContext,
  money: MoneyUnit,
  owner: RowRef,
  parts: readonly RowRef[],
  what: { zh: string; en: string },
): void {
  for (let col = 0; col < 4; col++) {
    const amount = owner.row.amounts[col];
    if (!amount || amount.value === undefined) continue;
    const values = parts.map((p) => p.row.amounts[col]?.value);
    if (values.some((v) => v === undefined)) continue;
    const sum = values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
    const diff = amount.value - sum;
    if (Math.abs(diff) <= toleranceIn(money, ctx.config.tolerance) + EPSILON) continue;
    const related: Related[] = parts.slice(0, MAX_RELATED).map((p) => ({
      line: p.line,
      span: p.row.amounts[col]?.cell.textSpan ?? p.row.name?.textSpan ?? { start: 0, end: 0 },
      message: {
        zh: `${p.row.name?.text ?? ''}：${formatWan(p.row.amounts[col]?.value ?? 0)}`,
        en: `${p.row.name?.text ?? ''}: ${formatWan(p.row.amounts[col]?.value ?? 0)}`,
      },
    }));
    const fixed = formatWan(sum);
    ctx.report({
      line: owner.line,
      span: amount.cell.textSpan,
      message: {
        zh: `${AMOUNT_COLUMNS[col]} ${formatWan(amount.value)} ≠ ${what.zh}之和 ${fixed}（${parts.length} 行，相差 ${formatWan(diff)} ${money}）`,
        en: `${AMOUNT_COLUMNS_EN[col]} ${formatWan(amount.value)} ≠ the sum of ${what.en}, ${fixed} (${parts.length} rows, off by ${formatWan(diff)} ${money})`,
      },
      related,
      ...(owner.row.name ? { project: owner.row.name.text } : {}),
      fixes: [
        {
          title: { zh: `改为 ${fixed}`, en: `Change to ${fixed}` },
          safe: false,
          edits: [{ line: owner.line, span: amount.cell.textSpan, newText: fixed }],
        },
      ],
    });
  }
}

export const subtotalMismatch: DocumentRule = {
  id: 'subtotal-mismatch',
  category: 'arithmetic',
  scope: 'document',
  defaultSeverity: 'error',
  fixable: true,
  description: {
    zh: '单位小计不等于其下项目之和，或合计不等于各单位之和（逐列核对）；申报表的小计不等于其下各项之和，或年度履职目标的预算金额与资金安排的基本支出、项目支出不符。',
    en: 'A unit’s subtotal is not the sum of its projects, or 合计 is not the sum of the units (column by column); a form’s subtotal (小计) is not the sum of its items, or the duties’ (年度履职目标) amounts disagree with the funding block’s 基本支出 or 项目支出.',
  },
  rationale: {
    zh: '单位行的每一列必须等于其下各项目之和，合计必须等于各单位之和；源系统的舍入可能造成 0.01 的差额，同样需要报告，允许的误差由 tolerance 设置。申报表中“(一)财政拨款小计”等于其下“1、2、3、”各项之和；部门整体支出表中，履职目标里支出项目为“基本支出”的金额应等于资金安排的基本支出，其余支出项目之和应等于项目支出。',
    en: 'Each column of a unit row must equal the sum of its projects, and 合计 the sum of the units; rounding in the source system can leave 0.01, which is reported too unless the `tolerance` setting allows it. On a form, a subtotal such as “(一)财政拨款小计” equals the numbered items beneath it; on a department-whole form, a duty paid from 基本支出 has the funding block’s 基本支出 amount, and the other duties sum to its 项目支出.',
  },
  examples: {
    bad: [
      {
        rows: [
          unitRow('合计', ['300.00', '300.00']),
          unitRow('某单位', ['300.00', '300.00']),
          projectRow('项目甲', ['100.00', '100.00']),
          projectRow('项目乙', ['199.99', '199.99']),
        ],
      },
      {
        rows: [
          unitRow('合计', ['301.00', '301.00']),
          unitRow('某单位', ['300.00', '300.00']),
          projectRow('项目甲', ['300.00', '300.00']),
        ],
      },
      {
        layout: 'form',
        rows: formRows(undefined, [
          '部门整体支出绩效目标表',
          '部门(单位)名称\t某区档案馆',
          '年度预算安排(万元)\t资金总额\t171.41',
          '\t项目支出\t60.8',
          '\t基本支出\t110.61',
          '年度履职目标\t部门职能\t年度目标任务\t支出项目名称\t预算金额(万元)',
          '\t档案整理\t完成馆藏档案数字化\t档案数字化经费\t49.8',
          '\t档案利用\t开放档案查阅服务\t档案利用经费\t11',
          '\t日常运行\t按时发放人员工资\t基本支出\t171.41',
        ]),
        note: {
          zh: '部门整体支出表：履职目标中的基本支出写成了资金总额',
          en: 'a department-whole form: the duties’ 基本支出 is the grand total',
        },
      },
    ],
    good: [
      {
        layout: 'form',
        rows: formRows(undefined, [
          '项目支出绩效目标申报表',
          '项目名称\t社区助餐服务补助',
          '项目资金(万元)\t年度资金总额\t100',
          '\t(一)财政拨款小计\t80',
          '\t1、一般公共预算\t70',
          '\t2、政府性基金\t10',
          '\t(二)其他收入\t20',
        ]),
      },
      {
        rows: [
          unitRow('合计', ['300.00', '300.00']),
          unitRow('某单位', ['300.00', '300.00']),
          projectRow('项目甲', ['100.00', '100.00']),
          projectRow('项目乙', ['200.00', '200.00']),
        ],
      },
    ],
  },
  check(doc, ctx) {
    for (const table of doc.tables) {
      for (const unit of table.units) {
        compare(ctx, table.unit, unit.ref, unit.projects, {
          zh: `“${unit.ref.row.name?.text ?? ''}”下各项目`,
          en: `its projects`,
        });
      }
      if (table.total) {
        if (table.units.length > 0) {
          compare(ctx, table.unit, table.total, [...table.units.map((u) => u.ref), ...table.looseProjects], {
            zh: '各单位',
            en: 'the units',
          });
        } else if (table.projects.length > 0) {
          compare(ctx, table.unit, table.total, table.projects, { zh: '各项目', en: 'the projects' });
        }
      }
    }
  },
  checkProject(project, ctx) {
    subtotals(project, ctx);
    duties(project, ctx);
  },
};

function within(ctx: ProjectContext, diff: number): boolean {
  return Math.abs(diff) <= toleranceIn(ctx.unit, ctx.config.tolerance) + EPSILON;
}

function amountRelated(a: ModelAmount): { place: Place; message: { zh: string; en: string } } {
  const name = labelKey(a.label.text);
  return {
    place: (a.cell ?? a.label).place,
    message: { zh: `${name}：${formatWan(a.value ?? 0)}`, en: `${name}: ${formatWan(a.value ?? 0)}` },
  };
}

/** Each part of a form's funding block that has items beneath it (`(一)财政拨款小计` ⇥ `1、…`) against their sum. */
function subtotals(project: ModelProject, ctx: ProjectContext): void {
  const { amounts } = project;
  amounts.forEach((parent, i) => {
    if (parent.depth !== 1) return;
    const items: ModelAmount[] = [];
    for (let k = i + 1; k < amounts.length && (amounts[k]?.depth ?? 0) > 1; k++) items.push(amounts[k] as ModelAmount);
    if (items.length === 0 || !parent.cell || parent.value === undefined) return;
    if (items.some((a) => a.value === undefined)) return;
    const sum = items.reduce((acc, a) => acc + (a.value ?? 0), 0);
    const diff = parent.value - sum;
    if (within(ctx, diff)) return;
    // One item under a part that is no 小计 may be an “of which”: the rest is not listed.
    if (items.length === 1 && diff > 0 && parent.role !== 'subtotal') return;
    const name = labelKey(parent.label.text);
    const fixed = formatWan(sum);
    ctx.report({
      place: parent.cell.place,
      message: {
        zh: `${name} ${formatWan(parent.value)} ≠ 其下各项之和 ${fixed}（${items.length} 项，相差 ${formatWan(diff)} ${ctx.unit}）`,
        en: `${name} ${formatWan(parent.value)} ≠ the sum of its items, ${fixed} (${items.length} items, off by ${formatWan(diff)} ${ctx.unit})`,
      },
      related: items.map(amountRelated),
      ...(parent.writtenUnit
        ? {}
        : {
            fixes: [
              {
                title: { zh: `改为 ${fixed}`, en: `Change to ${fixed}` },
                safe: false,
                edits: [{ line: parent.cell.place.line, span: parent.cell.place.span, newText: fixed }],
              },
            ],
          }),
    });
  });
}

const BASIC = new Set(SPENDING_KINDS.basic.map(labelKey));
const PROJECT = new Set(SPENDING_KINDS.project.map(labelKey));

/**
 * A department's duties (年度履职目标) against its funding block: a duty paid from 基本支出 has the
 * block's 基本支出; the others together are its 项目支出.
 */
function duties(project: ModelProject, ctx: ProjectContext): void {
  const paid = project.spending.filter((s) => s.amount?.value !== undefined && s.amount.cell);
  if (paid.length === 0) return;
  const parts = topParts(project);
  const blockBasic = parts.find((a) => BASIC.has(labelKey(a.label.text)) && a.value !== undefined);
  const blockProject = parts.find((a) => PROJECT.has(labelKey(a.label.text)) && a.value !== undefined);
  const total = project.amounts.find((a) => a.role === 'total' && a.value !== undefined);
  const isBasic = (item: string | undefined): boolean => item !== undefined && BASIC.has(labelKey(item));
  const all = paid.reduce((acc, s) => acc + (s.amount?.value ?? 0), 0);
  const wholeWrong =
    total?.value !== undefined && paid.some((s) => isBasic(s.item?.text)) && !within(ctx, all - total.value);
  const whole =
    wholeWrong && total?.value !== undefined
      ? {
          zh: `；履职目标各项合计 ${formatWan(all)} ≠ ${labelKey(total.label.text)} ${formatWan(total.value)}`,
          en: `; the duties total ${formatWan(all)} ≠ ${labelKey(total.label.text)} ${formatWan(total.value)}`,
        }
      : { zh: '', en: '' };
  let reported = false;
  if (blockBasic?.value !== undefined) {
    for (const s of paid) {
      const a = s.amount;
      if (!a?.cell || a.value === undefined || !isBasic(s.item?.text)) continue;
      if (within(ctx, a.value - blockBasic.value)) continue;
      const name = labelKey(blockBasic.label.text);
      ctx.report({
        place: a.cell.place,
        message: {
          zh: `履职目标中“${s.item?.text ?? name}”的预算金额 ${formatWan(a.value)} ≠ 资金安排的${name} ${formatWan(blockBasic.value)}${whole.zh}`,
          en: `the duty paid from “${s.item?.text ?? name}” has ${formatWan(a.value)}, but the funding block’s ${name} is ${formatWan(blockBasic.value)}${whole.en}`,
        },
        related: [amountRelated(blockBasic), ...(total ? [amountRelated(total)] : [])],
      });
      reported = true;
    }
  }
  const others = paid.filter((s) => !isBasic(s.item?.text));
  // Duties that add up to the whole budget name its basic spending their own way (`机关运转`): they
  // are not the 项目支出 alone.
  const parts2 = (blockBasic?.value ?? NaN) + (blockProject?.value ?? NaN);
  const coverWhole =
    (total?.value !== undefined && within(ctx, all - total.value)) ||
    (Number.isFinite(parts2) && within(ctx, all - parts2));
  if (blockProject?.value !== undefined && blockProject.cell && others.length > 0 && !coverWhole) {
    reported = projectItems(blockProject, others, ctx) || reported;
  }
  // Duties that cover the whole budget (基本支出 among them) but do not add up to it, no part said why.
  const opener = project.fields.find((f) => f.role === 'spending');
  if (!reported && wholeWrong && total?.value !== undefined && opener) {
    ctx.report({
      place: opener.label.place,
      message: {
        zh: `履职目标各项预算金额之和 ${formatWan(all)} ≠ ${labelKey(total.label.text)} ${formatWan(total.value)}（相差 ${formatWan(all - total.value)} ${ctx.unit}）`,
        en: `the duties’ amounts sum to ${formatWan(all)} ≠ ${labelKey(total.label.text)} ${formatWan(total.value)} (off by ${formatWan(all - total.value)} ${ctx.unit})`,
      },
      related: [amountRelated(total)],
    });
  }
}

/** The duties not paid from 基本支出 against the block's 项目支出; whether they disagree. */
function projectItems(blockProject: ModelAmount, others: ModelProject['spending'], ctx: ProjectContext): boolean {
  if (blockProject.value === undefined || !blockProject.cell) return false;
  const sum = others.reduce((acc, s) => acc + (s.amount?.value ?? 0), 0);
  const diff = blockProject.value - sum;
  if (within(ctx, diff)) return false;
  const name = labelKey(blockProject.label.text);
  ctx.report({
    place: blockProject.cell.place,
    message: {
      zh: `${name} ${formatWan(blockProject.value)} ≠ 履职目标中各支出项目之和 ${formatWan(sum)}（${others.length} 项，相差 ${formatWan(diff)} ${ctx.unit}）`,
      en: `${name} ${formatWan(blockProject.value)} ≠ the sum of the duties’ spending items, ${formatWan(sum)} (${others.length} items, off by ${formatWan(diff)} ${ctx.unit})`,
    },
    related: others.flatMap((s) =>
      s.amount?.cell
        ? [
            {
              place: s.amount.cell.place,
              message: {
                zh: `${s.item?.text ?? ''}：${formatWan(s.amount.value ?? 0)}`,
                en: `${s.item?.text ?? ''}: ${formatWan(s.amount.value ?? 0)}`,
              },
            },
          ]
        : [],
    ),
  });
  return true;
}
