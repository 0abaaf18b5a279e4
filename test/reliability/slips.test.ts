/**
 * Silence means correct (issue 13): a clean indicator cell mutated by any slip of a clerk's keyboard
 * or IME, at any place the slip can happen, either gets a finding on its line or still reads exactly
 * as the clean cell does (its export is unchanged). The slips are generated, each at a random
 * occurrence of the place it can happen, over generated clean cells.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CATALOGUE } from '../../server/src/catalogue';
import { DASH_CHARS } from '../../server/src/vocabulary';
import { checkDocument } from '../../server/src/check';
import { exportDocument } from '../../server/src/export';
import { projectRow } from '../../server/src/rules/examples';
import { parseDocument } from '../../server/src/syntax/document';
import { FIRST_ROW, table } from '../helpers';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 300);

/** Names other than the three every cell has: an indicator's name is never repeated in a clean cell. */
const NAMES = [
  '补贴惠及人次',
  '补贴发放准确率',
  '按时完成率',
  '人均成本',
  '城镇新增就业人数',
  '知晓率',
  '补贴对象满意度',
];
/** Values that fit each class's measure (so that the clean cell is silent), quoted text included. */
const VALUES: Readonly<Record<string, readonly string[]>> = {
  count: ['≥20000人次', '≥4.1万人', '10个'],
  rate: ['≥95%', '100%'],
  time: ['≤30天', '≤6个月'],
  money: ['≤1.5万元', '≤2000元'],
  any: ['≥90%', '≥1000人次', '“覆盖全区10个街道；惠及3000人。”'],
};

/** A clean indicator: a level-2 code under its own level-1 code, a name, the same value twice. */
const indicator = fc
  .constantFrom(...CATALOGUE.filter((e) => e.level === 2))
  .chain((l2) =>
    fc.record({
      l2: fc.constant(l2),
      name: fc.constantFrom(...NAMES),
      value: fc.constantFrom(...(VALUES[l2.measure ?? 'any'] ?? ['≥90%'])),
    }),
  )
  .map((x) =>
    // A 100% satisfaction target is a note (satisfaction-duplicate): a clean cell asks for less.
    x.name.includes('满意') && x.value === '100%' ? { ...x, value: '≥95%' } : x,
  );

/** A clean cell of one to five indicators, output, benefit and satisfaction all present. */
const cleanCell = fc.uniqueArray(indicator, { minLength: 0, maxLength: 4, selector: (x) => x.name }).map((extra) => {
  const base = [
    { l2: CATALOGUE.find((e) => e.code === '11'), name: '培训人次', value: '≥100人次' },
    { l2: CATALOGUE.find((e) => e.code === '22'), name: '就业率', value: '≥90%' },
    { l2: CATALOGUE.find((e) => e.code === '31'), name: '满意度', value: '≥90%' },
  ];
  return [...base, ...extra]
    .map((x, i) => {
      const l2 = x.l2;
      const l1 = CATALOGUE.find((e) => e.code === l2?.parent);
      return `${i + 1}、${l1?.code}-${l1?.name}；${l2?.code}-${l2?.name}；${x.name}；实施周期指标值：${x.value}；年度指标值：${x.value}。`;
    })
    .join('');
});

type Slip = (cell: string, pick: number) => string | undefined;

/** Replaces the `pick`-th match of `re` (modulo their count) by `to(match)`; undefined when none. */
function atMatch(cell: string, re: RegExp, pick: number, to: (m: RegExpExecArray) => string): string | undefined {
  const all = [...cell.matchAll(new RegExp(re.source, 'g'))];
  const m = all[pick % Math.max(1, all.length)];
  if (!m || m.index === undefined) return undefined;
  return cell.slice(0, m.index) + to(m) + cell.slice(m.index + m[0].length);
}

const FULL = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const SEQ_MARKS = ['．', '.', '。', '，', ',', '）', ')', '：', ':', ' '];
const COLON_SLIPS = ['；', ';', '，', ',', '、', ''];
const LABEL_SLIPS = ['实施期指标值', '实施周期值', '实施周期目标值', '周期指标值'];
const ANNUAL_SLIPS = ['年度目标值', '全年指标值', '本年度指标值', '年度值'];

/** Every slip, by the place in the grammar where it happens. */
const SLIPS: ReadonlyArray<[string, (mark: number) => Slip]> = [
  [
    'sequence mark',
    (k) => (c, p) =>
      atMatch(c, /[0-9]+、(?=[0-9]-)/, p, (m) => m[0].replace('、', SEQ_MARKS[k % SEQ_MARKS.length] ?? '.')),
  ],
  ['sequence number in brackets', () => (c, p) => atMatch(c, /([0-9]+)、(?=[0-9]-)/, p, (m) => `（${m[1]}）`)],
  ['sequence number forgotten', () => (c, p) => atMatch(c, /[0-9]+、(?=[0-9]-)/, p + 1, () => '')],
  ['sequence number in full-width digits', () => (c, p) => atMatch(c, /[0-9]+(?=、)/, p, (m) => FULL(m[0]))],
  ['full stop forgotten', () => (c, p) => atMatch(c, /。(?=[0-9]+、|$)/, p, () => '')],
  ['full stop doubled', () => (c, p) => atMatch(c, /。(?=[0-9]+、|$)/, p, () => '。。')],
  ['full stop as a separator', () => (c, p) => atMatch(c, /。(?=[0-9]+、)/, p, () => '；')],
  ['code forgotten', (k) => (c, p) => atMatch(c, k % 2 ? /(?<=、)[0-9]-/ : /(?<=；)[0-9]{2}-/, p, () => '')],
  [
    'code in full-width digits',
    (k) => (c, p) => atMatch(c, k % 2 ? /(?<=、)[0-9](?=-)/ : /(?<=；)[0-9]{2}(?=-)/, p, (m) => FULL(m[0])),
  ],
  [
    'IME dash',
    (k) => (c, p) => atMatch(c, /(?<=[0-9])-/, p, () => DASH_CHARS.charAt(1 + (k % (DASH_CHARS.length - 1)))),
  ],
  [
    'separator between codes',
    (k) => (c, p) => atMatch(c, /(?<=指标)；(?=[0-9]{2}-)/, p, () => ['，', ',', '、', ' ', ''][k % 5] ?? ''),
  ],
  [
    'separator before a label',
    (k) => (c, p) => atMatch(c, /；(?=实施周期|年度)/, p, () => ['', '，', ' '][k % 3] ?? ''),
  ],
  ['label colon', (k) => (c, p) => atMatch(c, /(?<=指标值)：/, p, () => COLON_SLIPS[k % COLON_SLIPS.length] ?? '')],
  [
    'period label variant',
    (k) => (c, p) => atMatch(c, /实施周期指标值/, p, () => LABEL_SLIPS[k % LABEL_SLIPS.length] ?? ''),
  ],
  [
    'annual label variant',
    (k) => (c, p) => atMatch(c, /年度指标值/, p, () => ANNUAL_SLIPS[k % ANNUAL_SLIPS.length] ?? ''),
  ],
  [
    'annual value written twice',
    () => (c, p) => atMatch(c, /年度指标值：([^。]*)(?=。[0-9]+、|。$)/, p, (m) => `${m[0]}；年度指标值：≥1${m[1]}`),
  ],
  [
    'labels in reverse order',
    () => (c, p) =>
      atMatch(
        c,
        /实施周期指标值：([^；]*)；年度指标值：([^。]*)(?=。[0-9]+、|。$)/,
        p,
        (m) => `年度指标值：${m[2]}；实施周期指标值：${m[1]}`,
      ),
  ],
  ['value in full-width digits', () => (c, p) => atMatch(c, /(?<=指标值：[≥≤]?)[0-9]+/, p, (m) => FULL(m[0]))],
];

const row = (cell: string) => projectRow('职业技能培训项目', ['100.00', '100.00'], cell);

describe('properties: clerk slips never pass in silence', function () {
  this.timeout(120000);

  it('a clean cell has no finding on its line', () => {
    fc.assert(
      fc.property(cleanCell, (cell) => {
        const found = checkDocument(parseDocument(table([row(cell)]))).filter((f) => f.line === FIRST_ROW);
        assert.deepEqual(
          found.map((f) => `${f.rule}: ${f.message.en}`),
          [],
        );
      }),
      { numRuns: 50 },
    );
  });

  for (const [what, slip] of SLIPS) {
    it(`${what}: a finding on the line, or the same reading`, () => {
      fc.assert(
        fc.property(cleanCell, fc.nat(20), fc.nat(20), (cell, pick, mark) => {
          const mutated = slip(mark)(cell, pick);
          fc.pre(mutated !== undefined && mutated !== cell);
          const text = table([row(mutated ?? cell)]);
          const doc = parseDocument(text);
          const onLine = checkDocument(doc).filter((f) => f.line === FIRST_ROW);
          if (onLine.length > 0) return;
          assert.deepEqual(
            exportDocument(doc),
            exportDocument(parseDocument(table([row(cell)]))),
            `silent, yet read otherwise:\n${mutated}`,
          );
        }),
        { numRuns: RUNS },
      );
    });
  }
});
