/**
 * A whole sheet as Excel and WPS put it on the clipboard: every row padded with tabs to the
 * sheet's width, rows ended by CRLF, a cell with line breaks (Alt+Enter) in double quotes with its
 * breaks as LF, a quote inside such a cell doubled. Built here, not read from a shared file.
 */
import { GOOD_INDICATORS, projectRow, unitRow } from '../server/src/rules/examples';
import { HEADER } from './helpers';

/** The three indicators of the second project, one per line of its cell. */
export const CHECK_INDICATORS = [
  '1、1-产出指标；11-数量指标；检查企业数；实施周期指标值：≥100家；年度指标值：≥100家。',
  '2、2-效益指标；22-社会效益；企业合规率；实施周期指标值：≥90%；年度指标值：≥90%。',
  '3、3-满意度指标；31-服务对象满意度；企业满意度；实施周期指标值：≥85%；年度指标值：≥85%。',
];

export function excelSheet(options: { eol?: string; checkIndicators?: readonly string[] } = {}): string {
  const eol = options.eol ?? '\r\n';
  const rows = [
    '项目支出绩效目标表\t\t\t\t\t\t',
    '部门名称：广州市某区某局\t\t\t\t\t\t单位：万元',
    HEADER,
    unitRow('合计', ['300.00', '300.00']),
    unitRow('某局本级', ['300.00', '300.00']),
    projectRow('就业补助资金', ['100.00', '100.00'], GOOD_INDICATORS, '"开展职业技能培训，\n促进就业。"'),
    projectRow(
      '"""双随机""检查经费"',
      ['80.00', '80.00'],
      `"${(options.checkIndicators ?? CHECK_INDICATORS).join('\n')}"`,
      '加强监管。',
    ),
    projectRow('培训经费', ['120.00', '120.00'], GOOD_INDICATORS, '开展培训。'),
  ];
  return rows.join(eol) + eol;
}
