/**
 * Application forms in workbooks (issue 18): a sheet holding a form (an indicator grid's header
 * row) is imported as the form's rows, merged cells empty but their first, as Excel copies them;
 * the form reader reads that text, and findings name their sheet and cell. A form's text is
 * exported as one sheet of its rows, 一级/二级 carried down merged again.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from '../server/src/syntax/document';
import { cellOfFinding, exportWorkbook, importWorkbook, type ImportedText } from '../server/src/workbook/table';
import { readXlsx, STYLE, writeXlsx, type OutCell, type OutSheet } from '../server/src/workbook/xlsx';
import { table } from './helpers';
import { projectRow, unitRow } from '../server/src/rules/examples';

function imported(bytes: Uint8Array): ImportedText {
  const r = importWorkbook(bytes);
  if (!r.ok) assert.fail(r.message.en);
  return r.value;
}

const cell = (value: string | number): OutCell => ({ value, style: STYLE.text });

/**
 * A form as a finance system's sheet holds it, from column B: the title merged across, the 一级 and
 * 二级 merged down (the covered cells, as some writers leave them, still holding the value), an
 * amount stored as a number.
 */
function formSheet(): OutSheet {
  const rows: Array<Array<OutCell | undefined> | undefined> = [
    [undefined, cell('项目支出绩效目标申报表'), cell('项目支出绩效目标申报表')],
    [undefined, cell('单位：万元')],
    [undefined, cell('项目名称'), cell('社区养老服务补贴')],
    [undefined, cell('预算单位'), cell('某区民政局')],
    [undefined, cell('资金总额'), cell(120)],
    [undefined, cell('财政拨款'), cell(120)],
    [undefined, cell('年度目标'), cell('为辖区老人提供居家养老服务。')],
    [undefined, cell('一级指标'), cell('二级指标'), cell('三级指标'), cell('指标值'), cell('计量单位')],
    [undefined, cell('产出指标'), cell('数量指标'), cell('服务老人人数'), cell('≥500'), cell('人')],
    [undefined, cell('产出指标'), cell('数量指标'), cell('上门服务次数'), cell('≥6000'), cell('人次')],
    [undefined, cell('产出指标'), cell('质量指标'), cell('服务合格率'), cell('≥95'), cell('%')],
    [undefined, cell('满意度指标'), cell('服务对象满意度指标'), cell('老人满意度'), cell('≥90'), cell('%')],
  ];
  return {
    name: '申报表',
    rows,
    merges: [
      { firstRow: 0, firstCol: 1, lastRow: 0, lastCol: 5 },
      { firstRow: 8, firstCol: 1, lastRow: 10, lastCol: 1 },
      { firstRow: 8, firstCol: 2, lastRow: 9, lastCol: 2 },
    ],
    frozenRows: 0,
    widths: [8, 12, 12, 16, 10, 10],
  };
}

const FORM_TEXT = [
  '项目支出绩效目标申报表',
  '单位：万元',
  '项目名称\t社区养老服务补贴',
  '预算单位\t某区民政局',
  '资金总额\t120',
  '财政拨款\t120',
  '年度目标\t为辖区老人提供居家养老服务。',
  '一级指标\t二级指标\t三级指标\t指标值\t计量单位',
  '产出指标\t数量指标\t服务老人人数\t≥500\t人',
  '\t\t上门服务次数\t≥6000\t人次',
  '\t质量指标\t服务合格率\t≥95\t%',
  '满意度指标\t服务对象满意度指标\t老人满意度\t≥90\t%',
].join('\n');

describe('workbooks: application forms', () => {
  it('imports a form sheet as its rows, merged cells empty but their first', () => {
    const text = imported(writeXlsx([formSheet()]));
    assert.equal(text.text, FORM_TEXT);
    assert.deepEqual(text.notes, []);
    assert.deepEqual(text.places[8], { sheet: '申报表', row: 8, firstCol: 1 });
  });

  it('reads the imported text as a form: amounts, goal, indicators with 一级/二级 carried down', () => {
    const doc = parseDocument(imported(writeXlsx([formSheet()])).text);
    assert.deepEqual(
      doc.tables.map((t) => t.layout),
      ['form'],
    );
    const p = doc.tables[0]?.model?.projects[0];
    assert.ok(p);
    assert.equal(p.name?.text, '社区养老服务补贴');
    assert.deepEqual(
      p.amounts.map((a) => [a.role, a.value]),
      [
        ['total', 120],
        ['source', 120],
      ],
    );
    assert.equal(p.goals.annual?.text, '为辖区老人提供居家养老服务。');
    assert.deepEqual(
      p.indicators.map((i) => [i.level1?.text, i.level2?.text, i.name?.text, i.value?.text, i.unit?.text]),
      [
        ['产出指标', '数量指标', '服务老人人数', '≥500', '人'],
        ['产出指标', '数量指标', '上门服务次数', '≥6000', '人次'],
        ['产出指标', '质量指标', '服务合格率', '≥95', '%'],
        ['满意度指标', '服务对象满意度指标', '老人满意度', '≥90', '%'],
      ],
    );
    assert.deepEqual(
      p.indicators.map((i) => i.carried ?? {}),
      [{}, { level1: true, level2: true }, { level1: true }, {}],
    );
  });

  it('names the sheet and cell of a place in a form', () => {
    const book = imported(writeXlsx([formSheet()]));
    const doc = parseDocument(book.text);
    const ind = doc.tables[0]?.model?.projects[0]?.indicators[2];
    assert.ok(ind?.value && ind.name);
    assert.deepEqual(cellOfFinding(book, doc, ind.value.place.line, ind.value.place.span), {
      sheet: '申报表',
      cell: 'E11',
      character: 1,
    });
    assert.equal(cellOfFinding(book, doc, ind.name.place.line, ind.name.place.span)?.cell, 'D11');
  });

  it('imports form sheets after each other and beside a seven-column sheet', () => {
    const seven = table([unitRow('单位', ['1.00', '1.00']), projectRow('项目', ['1.00', '1.00'])]);
    const both = imported(writeXlsx([formSheet(), { ...formSheet(), name: '第二张' }]));
    assert.deepEqual(
      parseDocument(both.text).tables.map((t) => t.layout),
      ['form', 'form'],
    );
    const mixed = exportWorkbook(`${seven}\n\n${FORM_TEXT}`);
    assert.equal(readXlsx(mixed).sheets.length, 2);
    const text = imported(mixed).text;
    assert.deepEqual(
      parseDocument(text).tables.map((t) => t.layout),
      ['seven-column', 'form'],
    );
  });

  it('exports a form as one sheet of its rows, the carried 一级/二级 merged, and reads it back', () => {
    const bytes = exportWorkbook(FORM_TEXT);
    const sheets = readXlsx(bytes).sheets;
    assert.equal(sheets.length, 1);
    assert.equal(sheets[0]?.name, '某区民政局');
    assert.deepEqual(
      [...(sheets[0]?.merges ?? [])].sort((a, b) => a.firstCol - b.firstCol || a.firstRow - b.firstRow),
      [
        { firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 4 },
        { firstRow: 8, firstCol: 0, lastRow: 10, lastCol: 0 },
        { firstRow: 8, firstCol: 1, lastRow: 9, lastCol: 1 },
      ],
    );
    assert.equal(imported(bytes).text, FORM_TEXT);
  });
});
