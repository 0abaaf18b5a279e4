/**
 * Workbooks built by hand for the tests, part by part, imitating what Excel, WPS, LibreOffice and
 * finance systems write (shared vs inline strings, rich text, merges, hidden rows, formulas with
 * cached values, namespace prefixes, cells without `r`), and the hostile ones. Only the zip writer
 * is the project's; every XML part is written here as the other programs write it.
 */
import { deflateRawSync } from 'node:zlib';
import { writeZip, type ZipInput } from '../server/src/workbook/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface BookSheet {
  readonly name: string;
  /** The worksheet part's XML. */
  readonly xml: string;
  readonly state?: 'hidden';
}

/** A workbook of these sheets (and this shared-strings part, when given); `extra` adds or replaces parts. */
export function book(
  sheets: readonly BookSheet[],
  shared?: string,
  extra: Record<string, string | Buffer> = {},
): Buffer {
  const parts: Record<string, string | Buffer> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((s, k) => `<sheet name="${s.name}" sheetId="${k + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${k + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join('')}${shared !== undefined ? `<Relationship Id="rId99" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ...Object.fromEntries(sheets.map((s, k) => [`xl/worksheets/sheet${k + 1}.xml`, s.xml])),
    ...(shared !== undefined ? { 'xl/sharedStrings.xml': shared } : {}),
    ...extra,
  };
  return writeZip(
    Object.entries(parts).map(([name, data]): ZipInput => ({
      name,
      data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data,
    })),
  );
}

export const worksheet = (body: string, prefix = ''): string =>
  prefix
    ? `<?xml version="1.0" encoding="UTF-8"?><${prefix}:worksheet xmlns:${prefix}="${MAIN}">${body}</${prefix}:worksheet>`
    : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}">${body}</worksheet>`;

export const sst = (items: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.map((i) => (i.startsWith('<') ? `<si>${i}</si>` : `<si><t>${i}</t></si>`)).join('')}</sst>`;

export const HEADER_CELLS = [
  '项目名称（资金使用单位）',
  '总计',
  '财政拨款',
  '财政专户拨款',
  '其他资金',
  '绩效目标',
  '绩效指标',
];
export const INDICATORS =
  '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥500人次；年度指标值：≥500人次。2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。3、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。';

/**
 * As Excel writes it: shared strings (one with rich-text runs and a phonetic run, one an amount
 * typed as text), a title merged over A1:G1, the unit in G2, the header on row 4, a total as a
 * formula with its cached value, a hidden row and column, a cell with Alt+Enter, styled empty
 * cells past the table (trailing rows and columns).
 */
export function excelBook(): Buffer {
  const strings = [
    '项目支出绩效目标表',
    '部门名称：测试局',
    '单位：万元',
    ...HEADER_CELLS,
    '合计',
    '测试局本级',
    '就业补助资金',
    '<r><rPr><b/><sz val="11"/></rPr><t>开展职业技能培训，</t></r><r><t xml:space="preserve">\n促进就业。</t></r><rPh sb="0" eb="2"><t>カイテン</t></rPh>',
    INDICATORS,
    '"双随机"检查经费',
    '1,234.50',
    '加强监管。',
  ];
  const s = (text: string): number => strings.findIndex((x) => x === text || (text === 'rich' && x.startsWith('<r>')));
  const c = (ref: string, i: number, style = 1): string => `<c r="${ref}" s="${style}" t="s"><v>${i}</v></c>`;
  const n = (ref: string, v: string): string => `<c r="${ref}" s="2"><v>${v}</v></c>`;
  const body =
    '<dimension ref="A1:Z30"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="8" max="8" width="9" hidden="1" customWidth="1"/></cols><sheetData>' +
    `<row r="1" spans="1:7">${c('A1', s('项目支出绩效目标表'))}<c r="B1" s="1"/><c r="G1" s="1"/></row>` +
    `<row r="2">${c('A2', s('部门名称：测试局'))}${c('G2', s('单位：万元'))}</row>` +
    `<row r="4">${HEADER_CELLS.map((h, i) => c(`${String.fromCharCode(65 + i)}4`, s(h))).join('')}</row>` +
    `<row r="5">${c('A5', s('合计'))}<c r="B5" s="2"><f>SUM(B7:B8)</f><v>1334.5</v></c><c r="C5" s="2"><f>C6</f><v>1334.5</v></c><c r="D5" s="2"/></row>` +
    `<row r="6">${c('A6', s('测试局本级'))}${n('B6', '1334.5')}${n('C6', '1334.5')}</row>` +
    `<row r="7" hidden="1">${c('A7', s('就业补助资金'))}${n('B7', '100')}${n('C7', '100')}${c('F7', s('rich'))}${c('G7', s(INDICATORS))}</row>` +
    `<row r="8">${c('A8', s('"双随机"检查经费'))}${c('B8', s('1,234.50'))}<c r="C8" s="2"><v>1234.5</v></c>${c('F8', s('加强监管。'))}${c('G8', s(INDICATORS))}<c r="H8" s="1"/></row>` +
    '<row r="20"><c r="A20" s="1"/><c r="Z20" s="1"/></row>' +
    '</sheetData><mergeCells count="1"><mergeCell ref="A1:G1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  return book([{ name: 'Sheet1', xml: worksheet(body) }], sst(strings));
}

/** What `excelBook()` imports as: quoted cells where Excel would quote them, amounts as the text writes them. */
export const EXCEL_TEXT = [
  '项目支出绩效目标表',
  '部门名称：测试局\t\t\t\t\t\t单位：万元',
  '',
  HEADER_CELLS.join('\t'),
  '合计\t1,334.50\t1,334.50\t\t\t\t',
  '测试局本级\t1,334.50\t1,334.50\t\t\t\t',
  `就业补助资金\t100.00\t100.00\t\t\t"开展职业技能培训，\n促进就业。"\t${INDICATORS}`,
  `"""双随机""检查经费"\t1,234.50\t1,234.50\t\t\t加强监管。\t${INDICATORS}`,
].join('\n');

/**
 * As a finance system's export or WPS writes it: inline strings (one of rich-text runs), a
 * namespace prefix on every element, rows and cells without `r`, a header on row 3 starting in
 * column B, a string formula result (`t="str"`), a boolean, and a second sheet of notes.
 */
export function inlineBook(): Buffer {
  const is = (t: string): string => `<x:c t="inlineStr"><x:is><x:t>${t}</x:t></x:is></x:c>`;
  const empty = '<x:c/>';
  const row = (cells: string): string => `<x:row>${cells}</x:row>`;
  const body =
    '<x:sheetData>' +
    row(`${empty}${is('2024年部门项目支出绩效目标表')}`) +
    row(`${empty}${is('部门名称：某区财政局')}${empty}${empty}${is('单位：元')}`) +
    row(`${empty}${HEADER_CELLS.map(is).join('')}`) +
    row(`${empty}${is('合计')}<x:c><x:v>5000</x:v></x:c><x:c><x:v>5000</x:v></x:c>`) +
    row(
      `${empty}<x:c t="inlineStr"><x:is><x:r><x:t>培训</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>经费</x:t></x:r></x:is></x:c><x:c t="str"><x:f>"5,000.00"</x:f><x:v>5,000.00</x:v></x:c><x:c><x:v>5000</x:v></x:c>${empty}<x:c t="b"><x:v>0</x:v></x:c>${is('开展培训 &amp; 考核。')}${is(INDICATORS)}`,
    ) +
    '</x:sheetData>';
  const notes = worksheet(
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>填表说明</t></is></c></row></sheetData>',
  );
  return book([
    { name: '目标表', xml: worksheet(body, 'x') },
    { name: '说明', xml: notes },
  ]);
}

export const INLINE_TEXT = [
  '2024年部门项目支出绩效目标表',
  '部门名称：某区财政局\t\t\t单位：元',
  HEADER_CELLS.join('\t'),
  '合计\t5,000.00\t5,000.00\t\t\t\t',
  `培训经费\t5,000.00\t5,000.00\t\tFALSE\t开展培训 & 考核。\t${INDICATORS}`,
].join('\n');

/**
 * As LibreOffice writes it: shared strings, every cell with `r` and `s`, two tables on two sheets
 * (the second hidden), amounts with more than two decimals, empty styled rows after the table.
 */
export function libreOfficeBook(): Buffer {
  const strings = ['项目支出绩效目标表', '单位：万元', ...HEADER_CELLS, '项目甲', '项目乙', '目标。', INDICATORS];
  const s = (t: string): number => strings.indexOf(t);
  const c = (ref: string, t: string): string => `<c r="${ref}" s="0" t="s"><v>${s(t)}</v></c>`;
  const sheet = (name: string, amount: string): string =>
    worksheet(
      '<sheetData>' +
        `<row r="1" spans="1:7" s="0" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">${c('A1', '项目支出绩效目标表')}</row>` +
        `<row r="2" spans="1:7">${c('A2', '单位：万元')}</row>` +
        `<row r="3" spans="1:7">${HEADER_CELLS.map((h, i) => c(`${String.fromCharCode(65 + i)}3`, h)).join('')}</row>` +
        `<row r="4" spans="1:7">${c('A4', name)}<c r="B4" s="0" t="n"><v>${amount}</v></c><c r="C4" s="0" t="n"><v>${amount}</v></c>${c('F4', '目标。')}${c('G4', INDICATORS)}</row>` +
        '<row r="5" spans="1:7" hidden="false"><c r="A5" s="1"/><c r="G5" s="1"/></row>' +
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:G1"/></mergeCells>',
    );
  return book(
    [
      { name: 'Sheet1', xml: sheet('项目甲', '12.5') },
      { name: 'Sheet2', xml: sheet('项目乙', '0.125'), state: 'hidden' },
    ],
    sst(strings),
  );
}

export const LIBREOFFICE_TEXT = [
  '项目支出绩效目标表',
  '单位：万元',
  HEADER_CELLS.join('\t'),
  `项目甲\t12.50\t12.50\t\t\t目标。\t${INDICATORS}`,
  '项目支出绩效目标表',
  '单位：万元',
  HEADER_CELLS.join('\t'),
  `项目乙\t0.125\t0.125\t\t\t目标。\t${INDICATORS}`,
].join('\n');

/** A zip entry whose deflated data inflates to `size` zero bytes, declaring `declared` as its size. */
export function bombEntry(
  name: string,
  size: number,
  declared = size,
): { name: string; data: Buffer; declared: number } {
  return { name, data: deflateRawSync(Buffer.alloc(size), { level: 9 }), declared };
}

/** A zip of raw deflated entries with the sizes they declare (which may lie), CRCs of zero. */
export function rawZip(entries: ReadonlyArray<{ name: string; data: Buffer; declared: number }>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.declared, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
