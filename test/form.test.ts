/** The application-form reader: forms built here in every column variant, and tables that are no form. */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CheckResult, checkDocument, checkDocumentRules, checkRows, checkText } from '../server/src/check';
import { looksLikeTargetTable } from '../server/src/decode';
import type { ModelIndicator, ModelProject, ModelTable } from '../server/src/model/types';
import { parseDocument, type TargetDocument } from '../server/src/syntax/document';
import { columnRole, fieldRole, formAmount, labelKey } from '../server/src/syntax/form';

const form = (...rows: string[]): string => rows.join('\n');

function forms(doc: TargetDocument): ModelTable[] {
  return doc.tables.flatMap((t) => (t.layout === 'form' && t.model ? [t.model] : []));
}

function onlyProject(text: string): ModelProject {
  const found = forms(parseDocument(text));
  assert.equal(found.length, 1, 'one form');
  const p = found[0]?.projects[0];
  assert.ok(p, 'a project');
  return p;
}

const part = (i: ModelIndicator | undefined, key: keyof ModelIndicator): string | undefined => {
  const v = i?.[key];
  return v && typeof v === 'object' && 'text' in v ? v.text : undefined;
};

/** A Hunan-style form: merged label column, 指标值及单位, 绩效标准, merged 一级/二级 cells. */
const HUNAN = form(
  '2024年项目支出绩效目标申报表',
  '填报单位:(盖章)\t\t\t单位:万元',
  '项目支出名称\t道路保洁服务\t预算部门\t某市环境卫生处',
  '年度本级 预算金额\t120\t上级资金\t30',
  '项目支出实施期\t2024.01-2024.12',
  '实施期绩效目标\t完成全市主次干道保洁',
  '本年度绩效目标\t完成全市主次干道保洁，道路洁净率达到95%',
  '本年度 绩效指标\t一级指标\t二级指标\t三级指标\t指标值及单位\t绩效标准',
  '\t产出指标\t数量指标\t保洁道路面积\t≥120万平方米\t计划标准',
  '\t\t\t保洁车辆数\t20辆\t计划标准',
  '\t\t质量指标\t道路洁净率\t≥95%\t行业标准',
  '\t效益指标\t社会效益指标\t市民出行环境改善\t明显改善\t计划标准',
  '\t满意度指标\t服务对象满意度指标\t市民满意度\t≥90%\t计划标准',
  '财政部门审核意见\t同意',
);

describe('application forms: the reader', () => {
  it('tells grid columns and header-block labels by their names, spaces, numbering and units aside', () => {
    assert.equal(columnRole('一级指标'), 'level1');
    assert.equal(columnRole('一级\n指标'), 'level1');
    assert.equal(columnRole('指标值(包含数字及文字描述)'), 'value');
    assert.equal(columnRole('指标值及单位'), 'value');
    assert.equal(columnRole('年度指标值'), 'annual');
    assert.equal(columnRole('实施期指标值'), 'period');
    assert.equal(columnRole('度量单位'), 'unit');
    assert.equal(columnRole('计量单位'), 'unit');
    assert.equal(columnRole('权重（%）'), 'weight');
    assert.equal(columnRole('分值'), 'weight');
    assert.equal(columnRole('指标性质'), 'nature');
    assert.equal(columnRole('指标方向'), 'direction');
    assert.equal(columnRole('绩效标准'), 'standard');
    assert.equal(columnRole('项目名称'), undefined);
    assert.equal(labelKey('（一）财政拨款小计'), '财政拨款小计');
    assert.equal(labelKey('项目资金（万元）'), '项目资金');
    assert.equal(labelKey('其中：财政拨款数'), '财政拨款数');
    assert.equal(fieldRole('年度本级 预算金额'), 'money');
    assert.equal(fieldRole('2、政府性基金'), 'money');
    assert.equal(fieldRole('项目支出名称'), 'name');
    assert.equal(fieldRole('项目支出实施期'), 'period');
    assert.equal(fieldRole('年度资金总额'), 'total');
    assert.equal(fieldRole('预算单位'), 'department');
    assert.equal(fieldRole('本年度绩效目标'), 'annualGoal');
    assert.equal(fieldRole('金额(万元)'), 'column');
    assert.equal(fieldRole('区域内符合计划生育政策的家庭进行政策特别扶助'), undefined);
  });

  it('reads amounts as forms write them, in the table’s money unit', () => {
    assert.deepEqual(formAmount('6.30', '万元'), { value: 6.3 });
    assert.deepEqual(formAmount('1,234.50', '万元'), { value: 1234.5 });
    assert.deepEqual(formAmount('250万', '万元'), { value: 250, writtenUnit: '万' });
    assert.deepEqual(formAmount('3万元', '元'), { value: 30000, writtenUnit: '万元' });
    assert.deepEqual(formAmount('１２', '万元'), { value: 12 });
    assert.deepEqual(formAmount('金额(万元)', '万元'), { value: undefined });
  });

  it('reads a Hunan-style form: header block, two goals, a merged label column and merged classes', () => {
    const doc = parseDocument(HUNAN);
    assert.deepEqual(
      doc.tables.map((t) => t.layout),
      ['form'],
    );
    const p = onlyProject(HUNAN);
    assert.equal(p.name?.text, '道路保洁服务');
    assert.equal(p.department?.text, '某市环境卫生处');
    assert.equal(p.period?.text, '2024.01-2024.12');
    assert.equal(p.goals.period?.text, '完成全市主次干道保洁');
    assert.match(p.goals.annual?.text ?? '', /洁净率/);
    assert.deepEqual(
      p.amounts.map((a) => [a.label.text, a.role, a.value]),
      [
        ['年度本级 预算金额', 'source', 120],
        ['上级资金', 'source', 30],
      ],
    );
    assert.equal(p.indicators.length, 5);
    const second = p.indicators[1];
    assert.equal(part(second, 'level1'), '产出指标');
    assert.equal(part(second, 'level2'), '数量指标');
    assert.deepEqual(second?.carried, { level1: true, level2: true });
    assert.equal(part(second, 'name'), '保洁车辆数');
    assert.equal(part(second, 'value'), '20辆');
    assert.equal(part(second, 'standard'), '计划标准');
    // A new 一级 drops the carried 二级.
    assert.equal(part(p.indicators[3], 'level2'), '社会效益指标');
    assert.equal(p.fields.find((f) => f.role === 'review')?.value?.text, '同意');
  });

  it('places every part on its own row and cell (UTF-16 spans of the row’s text)', () => {
    const doc = parseDocument(HUNAN);
    const p = forms(doc)[0]?.projects[0];
    for (const ind of p?.indicators ?? []) {
      for (const key of ['level1', 'level2', 'name', 'value', 'standard'] as const) {
        const v = ind[key];
        if (!v) continue;
        const row = doc.rows[v.place.line]?.row;
        assert.equal(row?.text.slice(v.place.span.start, v.place.span.end), v.text, `${key} of ${ind.name?.text}`);
      }
    }
  });

  it('reads an Inner-Mongolia-style grid: 指标性质, 指标方向, 目标值, 计量单位, 分值, 备注, the 一级 on every row', () => {
    const text = form(
      '某项目绩效目标表',
      '项目名称\t社区服务经费',
      '实施单位\t某社区服务中心',
      '投入目标 (万元)\t资金来源\t年初安排金额(万元)',
      '\t资金总额\t10',
      '\t其中: 财政拨款数\t8',
      '\t其他资金\t2',
      '年度目标\t开展社区服务',
      '绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分)\t一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值\t备注',
      '\t产出指标\t数量指标\t服务人次\t定量\t正向\t2000\t人次\t50\t',
      '\t效益指标\t社会效益指标\t居民参与率\t定量\t正向\t80\t%\t30\t',
      '\t满意度指标\t服务对象满意度指标\t居民满意度\t定量\t正向\t90\t%\t10\t',
    );
    const p = onlyProject(text);
    assert.deepEqual(
      p.amounts.map((a) => [a.role, a.depth, a.value]),
      [
        ['total', 0, 10],
        ['source', 1, 8],
        ['source', 1, 2],
      ],
    );
    assert.equal(p.weights?.total, 90);
    assert.deepEqual(p.weights?.byLevel1, [
      { name: '产出指标', value: 50 },
      { name: '效益指标', value: 30 },
      { name: '满意度指标', value: 10 },
    ]);
    const first = p.indicators[0];
    assert.equal(part(first, 'nature'), '定量');
    assert.equal(part(first, 'direction'), '正向');
    assert.equal(part(first, 'value'), '2000');
    assert.equal(part(first, 'unit'), '人次');
    assert.equal(part(first, 'weight'), '50');
    assert.equal(first?.carried, undefined);
  });

  it('reads cells by their content when two columns hold each other’s words, and notes it', () => {
    const text = form(
      '项目名称\t测试项目',
      '一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位',
      '产出指标\t数量指标\t培训人次\t正向\t≥\t100\t人次',
      '产出指标\t成本指标\t培训成本\t反向\t≤\t5\t万元',
    );
    const t = forms(parseDocument(text))[0];
    const ind = t?.projects[0]?.indicators[0];
    assert.equal(part(ind, 'direction'), '正向');
    assert.equal(part(ind, 'comparator'), '≥');
    assert.deepEqual(
      t?.notes.map((n) => [n.kind, n.subject, n.holds]),
      [
        ['column-content', '指标性质', 'direction'],
        ['column-content', '指标方向', 'comparator'],
      ],
    );
  });

  it('reads separate 实施期 and 年度 value columns, a value column named with its description, and wrapped header cells', () => {
    const text = form(
      '项目名称\t测试项目',
      '"一级\n指标"\t"二级\n指标"\t三级指标\t实施期指标值\t年度指标值\t度量单位\t权重',
      '产出指标\t数量指标\t培训人次\t≥300\t≥100\t人次\t100',
    );
    const ind = onlyProject(text).indicators[0];
    assert.equal(part(ind, 'period'), '≥300');
    assert.equal(part(ind, 'annual'), '≥100');
    assert.equal(part(ind, 'unit'), '人次');
    assert.equal(part(ind, 'weight'), '100');
    const described = form(
      '项目名称\t测试项目',
      '绩效指标\t一级指标\t二级指标\t三级指标\t指标值(包含数字及文字描述)',
      '绩效指标\t产出指标\t数量指标\t补助人数\t63人',
    );
    const t = forms(parseDocument(described))[0];
    assert.equal(part(t?.projects[0]?.indicators[0], 'value'), '63人');
    assert.deepEqual(
      t?.notes.map((n) => n.kind),
      ['merged-label-repeated'],
    );
  });

  it('reads a name that ends like a money label (就业补助资金) as the name beside 项目名称', () => {
    const p = onlyProject(
      form(
        '项目名称\t就业补助资金\t主管部门\t某局',
        '一级指标\t二级指标\t三级指标\t指标值',
        '产出指标\t数量指标\t补贴人次\t≥100人次',
      ),
    );
    assert.equal(p.name?.text, '就业补助资金');
    assert.equal(p.department?.text, '某局');
    assert.deepEqual(p.amounts, []);
  });

  it('reads sources the vocabulary does not name (中央补助, 县级配套) as sources, each its own amount', () => {
    const p = onlyProject(
      form(
        '项目名称\t某项目',
        '项目资金（万元）\t资金总额\t800',
        '\t其中：中央补助\t500',
        '\t县级配套\t200',
        '\t上年结转\t50',
        '一级指标\t二级指标\t三级指标\t指标值',
        '产出指标\t数量指标\t建设处数\t≥30处',
      ),
    );
    assert.deepEqual(
      p.amounts.map((a) => [a.label.text, a.role, a.value]),
      [
        ['资金总额', 'total', 800],
        ['其中：中央补助', 'source', 500],
        ['县级配套', 'source', 200],
        ['上年结转', 'source', 50],
      ],
    );
  });

  it('reads the year’s column of a funding block with 实施期 and 年度 amount columns', () => {
    const p = onlyProject(
      form(
        '项目名称\t某项目',
        '项目资金（万元）\t\t实施期资金总额\t年度资金总额',
        '\t资金总额\t3000\t1200',
        '\t其中：财政拨款\t2600\t1000',
        '\t其他资金\t400\t200',
        '一级指标\t二级指标\t三级指标\t指标值',
        '产出指标\t数量指标\t建设面积\t≥1万亩',
      ),
    );
    assert.deepEqual(
      p.amounts.map((a) => [a.label.text, a.value]),
      [
        ['资金总额', 1200],
        ['其中：财政拨款', 1000],
        ['其他资金', 200],
      ],
    );
  });

  it('reads `label：value` in one cell, labels it does not know beside their values, and keeps each value to itself', () => {
    const p = onlyProject(
      form(
        '广东省省级财政专项资金绩效目标申报表',
        '专项资金名称：乡村振兴资金',
        '主管部门：某省农业农村厅\t\t\t填报日期：2024年3月',
        '主管部门及代码\t[203]某市生态环境局\t\t\t实施单位\t某市环境监测站',
        '项目属性\t经常性项目\t\t\t项目期\t1年',
        '一级指标\t二级指标\t三级指标\t指标值',
        '产出指标\t数量指标\t监测点位数\t≥30个',
      ),
    );
    assert.equal(p.name?.text, '乡村振兴资金');
    assert.equal(p.department?.text, '某省农业农村厅');
    assert.equal(p.period?.text, '1年');
    assert.equal(p.fields.find((f) => f.label.text === '实施单位')?.value?.text, '某市环境监测站');
    assert.equal(p.fields.find((f) => f.label.text === '项目属性')?.value?.text, '经常性项目');
  });

  it('takes comparators under 指标性质 as the budget systems’ template writes them, with no note', () => {
    const t = forms(
      parseDocument(
        form(
          '项目名称\t某项目',
          '一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重(%)',
          '产出指标\t数量指标\t维护路灯数量\t≥\t12000\t盏\t100',
        ),
      ),
    )[0];
    assert.equal(part(t?.projects[0]?.indicators[0], 'comparator'), '≥');
    assert.deepEqual(t?.notes, []);
  });

  it('reads a funding block with subtotals, a column name where an amount should be, and a goal below its label', () => {
    const text = form(
      '项目支出绩效目标申报表',
      '项目名称\t困难家庭扶助',
      '项目资金(万元)\t年度资金总额\t金额(万元)',
      '\t(一)财政拨款小计\t6.30',
      '\t1、一般公共预算\t6.30',
      '\t2、政府性基金\t0.00',
      '\t(二)其他收入\t0.00',
      '总体目标\t年度目标',
      '\t对困难家庭进行扶助',
      '绩效指标\t一级指标\t二级指标\t三级指标\t指标值',
      '\t产出指标\t数量指标\t扶助户数\t63户',
    );
    const p = onlyProject(text);
    assert.deepEqual(
      p.amounts.map((a) => [a.label.text, a.role, a.depth, a.value]),
      [
        ['年度资金总额', 'total', 0, undefined],
        ['(一)财政拨款小计', 'subtotal', 1, 6.3],
        ['1、一般公共预算', 'source', 2, 6.3],
        ['2、政府性基金', 'source', 2, 0],
        ['(二)其他收入', 'source', 1, 0],
      ],
    );
    assert.equal(p.amounts[0]?.cell?.text, '金额(万元)');
    assert.equal(p.goals.annual?.text, '对困难家庭进行扶助');
  });

  it('reads a department-whole form: budget block, goals over several rows, duties with their amounts', () => {
    const text = form(
      '部门整体支出绩效目标表',
      '部门(单位)名称\t某研究室\t部门预算编码\t901001',
      '年度预算安排(万元)\t资金总额\t100',
      '\t项目支出\t40',
      '\t基本支出\t60',
      '年度总体目标\t目标1:保障运转;',
      '\t目标2:完成编纂。',
      '年度履职目标\t部门职能\t年度目标任务\t支出项目名称\t预算金额(万元)',
      '\t编纂地方志\t完成年鉴\t编纂经费\t40',
      '\t日常运转\t发放工资\t基本支出\t60',
      '一级指标\t二级指标\t三级指标\t指标解释\t目标值',
      '产出指标\t数量指标\t年鉴出版册数\t2册(计划标准)\t≥2册',
    );
    const p = onlyProject(text);
    assert.equal(p.name?.text, '某研究室');
    assert.equal(p.goals.annual?.text, '目标1:保障运转;\n目标2:完成编纂。');
    assert.deepEqual(
      p.spending.map((s) => [s.task?.text, s.item?.text, s.amount?.value]),
      [
        ['完成年鉴', '编纂经费', 40],
        ['发放工资', '基本支出', 60],
      ],
    );
    assert.equal(part(p.indicators[0], 'explanation'), '2册(计划标准)');
    assert.equal(part(p.indicators[0], 'value'), '≥2册');
  });

  it('reads several forms in one file, each a table of its own', () => {
    const one = (name: string): string[] => [
      '项目支出绩效目标申报表',
      `项目名称\t${name}`,
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t培训人次\t≥100人次',
      '\t\t培训天数\t≥5天',
      '',
    ];
    const second = ['项目名称\t第三个项目', '一级指标\t二级指标\t三级指标\t指标值', '产出指标\t数量指标\t场次\t≥2场'];
    const doc = parseDocument(form(...one('甲项目'), ...one('乙项目'), ...second));
    const found = forms(doc);
    assert.deepEqual(
      found.map((t) => t.projects[0]?.name?.text),
      ['甲项目', '乙项目', '第三个项目'],
    );
    assert.deepEqual(
      found.map((t) => t.projects[0]?.indicators.length),
      [2, 2, 1],
    );
    assert.equal(part(found[0]?.projects[0]?.indicators[1], 'level2'), '数量指标');
  });

  it('reads a form with CRLF line ends and a BOM alike', () => {
    const plain = onlyProject(HUNAN);
    const crlf = onlyProject(`\uFEFF${HUNAN.replace(/\n/g, '\r\n')}`);
    assert.equal(crlf.name?.text, plain.name?.text);
    assert.deepEqual(
      crlf.indicators.map((i) => i.name?.text),
      plain.indicators.map((i) => i.name?.text),
    );
  });

  it('gives a form no seven-column findings (no row-columns, amount-invalid or indicator-syntax flood)', () => {
    const sevenColumn = new Set(['row-columns', 'amount-invalid', 'indicator-syntax', 'empty-goal', 'total-mismatch']);
    const flood = checkDocument(parseDocument(HUNAN)).filter(
      (f) => sevenColumn.has(f.rule) && !/form|表单|资金|amount/i.test(f.message.en),
    );
    assert.deepEqual(
      flood.map((f) => `${f.line + 1} ${f.rule}`),
      [],
    );
    // The server's incremental result (row counts, each line's findings) says the same.
    const doc = parseDocument(HUNAN);
    const result = new CheckResult(checkRows(doc), checkDocumentRules(doc));
    assert.deepEqual(
      result.findings.map((f) => `${f.line}:${f.rule}`),
      checkDocument(doc).map((f) => `${f.line}:${f.rule}`),
    );
    for (let line = 0; line < doc.lines.length; line++)
      assert.ok(
        result.at(line).every((f) => !sevenColumn.has(f.rule) || f.rule === 'amount-invalid'),
        `line ${line}`,
      );
    // The command line's one pass reads the same tables and findings.
    const once = checkText(HUNAN);
    assert.deepEqual(
      once.doc.tables.map((t) => t.layout),
      ['form'],
    );
    assert.deepEqual(
      once.findings.map((f) => `${f.line}:${f.rule}`),
      checkDocument(parseDocument(HUNAN)).map((f) => `${f.line}:${f.rule}`),
    );
  });

  it('reads the same form after edits as a fresh parse (incremental parsing)', () => {
    let doc = parseDocument(HUNAN);
    let lines = HUNAN.split('\n');
    const edits: Array<[number, string]> = [
      [9, '\t\t\t保洁车辆数\t25辆\t计划标准'],
      [7, '本年度 绩效指标\t二级指标\t三级指标\t指标值及单位\t绩效标准'],
      [7, '本年度 绩效指标\t一级指标\t二级指标\t三级指标\t指标值及单位\t绩效标准'],
    ];
    for (const [line, text] of edits) {
      // A new array per version, as the server keeps them.
      lines = lines.map((l, i) => (i === line ? text : l));
      doc = parseDocument(lines, undefined, doc);
      const fresh = parseDocument(lines);
      assert.deepEqual(
        doc.tables.map((t) => [
          t.layout,
          t.startLine,
          t.endLine,
          t.model?.projects[0]?.indicators.map((i) => i.value?.text),
        ]),
        fresh.tables.map((t) => [
          t.layout,
          t.startLine,
          t.endLine,
          t.model?.projects[0]?.indicators.map((i) => i.value?.text),
        ]),
      );
    }
  });

  it('never reads the seven-column sample or a seven-column table as a form', () => {
    const seeds = join(__dirname, '..', '..', 'seeds');
    for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
      const doc = parseDocument(readFileSync(join(seeds, f), 'utf8'));
      assert.ok(
        doc.tables.every((t) => t.layout === 'seven-column'),
        f,
      );
    }
  });

  it('marks a table of other columns as unknown, and checks none of its rows as seven-column rows', () => {
    const text = form(
      '2024年部门收支总表',
      '单位:万元',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '201\t一般公共服务支出\t100\t60\t40',
      '20101\t人大事务\t50\t30\t20',
    );
    const doc = parseDocument(text);
    assert.deepEqual(
      doc.tables.map((t) => t.layout),
      ['unknown'],
    );
    const rowRules = new Set(['row-columns', 'amount-invalid', 'indicator-syntax', 'empty-goal', 'total-mismatch']);
    assert.deepEqual(
      checkDocument(doc).filter((f) => rowRules.has(f.rule)),
      [],
    );
  });

  it('marks a two-column statement with a group row above its header as unknown', () => {
    const doc = parseDocument(
      form(
        '部门收入总表',
        '收入\t\t支出\t',
        '项目\t预算数\t项目\t预算数',
        '一般公共预算拨款收入\t12000\t一般公共服务支出\t8000',
      ),
    );
    assert.deepEqual(
      doc.tables.map((t) => t.layout),
      ['unknown'],
    );
    assert.deepEqual(
      checkDocument(doc).map((f) => f.rule),
      ['unknown-layout'],
    );
  });

  it('keeps a seven-column row being typed without a header a seven-column row', () => {
    for (const text of ['就业补助\t', '就业补助\t100\t100', '就业补助\t100\t100\t\t\t目标\t1、1-产出指标']) {
      assert.deepEqual(
        parseDocument(text).tables.map((t) => t.layout),
        ['seven-column'],
        text,
      );
    }
  });

  it('tells a form in a .txt file by its title or its grid header, for the editor and the command line', () => {
    assert.ok(looksLikeTargetTable(HUNAN));
    assert.ok(looksLikeTargetTable(form('项目名称\t某项目', '一级指标\t二级指标\t三级指标\t指标值')));
    assert.ok(!looksLikeTargetTable(form('会议纪要', '一级指标和二级指标的设置')));
  });

  it('reads a hostile form in bounded time: a grid header of many columns and a block row of many labels', () => {
    const many = Array.from({ length: 20_000 }, () => '项目名称').join('\t');
    const header = ['一级指标', '二级指标', '三级指标', '指标值', ...Array.from({ length: 20_000 }, () => '备注')].join(
      '\t',
    );
    const doc = parseDocument(form(many, header, '产出指标\t数量指标\t人次\t5'));
    assert.equal(forms(doc).length, 1);
  });
});
