/** Builders for the rows that rule examples (docs and registry tests) are written in. */

/** A well-formed indicator list: one output and one benefit indicator. */
export const GOOD_INDICATORS =
  '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。' +
  '2、2-效益指标；22-社会效益；培训后就业率；实施周期指标值：≥90%；年度指标值：≥90%。';

/** A project row: name, amounts (总计, 财政拨款, 财政专户拨款, 其他资金), goal, indicators. */
export function projectRow(
  name: string,
  amounts: readonly string[],
  indicators: string = GOOD_INDICATORS,
  goal = '开展职业技能培训，促进就业。',
): string {
  const cells = [name, ...[0, 1, 2, 3].map((i) => amounts[i] ?? ''), goal, indicators];
  return cells.join('\t');
}

/** A unit (or 合计) row: a name and amounts, no goal, no indicators. */
export function unitRow(name: string, amounts: readonly string[]): string {
  return [name, ...[0, 1, 2, 3].map((i) => amounts[i] ?? ''), '', ''].join('\t');
}

/** A project whose indicator cell is `indicators`, with matching amounts. */
export function withIndicators(indicators: string, total = '100.00'): string[] {
  return [projectRow('职业技能培训项目', [total, total], indicators)];
}

/** A rule example that is a whole application form, as it stands (no table around it). */
export function formExample(rows: readonly string[]): { readonly layout: 'form'; readonly rows: readonly string[] } {
  return { layout: 'form', rows };
}
