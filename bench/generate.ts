/**
 * A deterministic (seeded) generator of realistic target files of any size, built from the
 * sample's rows: varied names, amounts that add up, long quoted values, mixed punctuation, and
 * about one row in ten carrying a defect the rules look for.
 */
import { formatWan } from '../server/src/i18n';
import { parseDocument } from '../server/src/syntax/document';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SampleProject {
  readonly name: string;
  readonly goal: string;
  readonly indicators: string;
}

function sampleProjects(sample: string): SampleProject[] {
  const doc = parseDocument(sample);
  return doc.tables
    .flatMap((t) => t.projects)
    .map((p) => ({
      name: p.row.name?.text ?? '项目',
      goal: p.row.goal?.text ?? '',
      indicators: p.row.indicators && p.row.indicatorCell ? p.row.indicatorCell.text : '',
    }));
}

const DEFECTS: ReadonlyArray<(cells: string[], rnd: () => number) => void> = [
  // A total off by a cent.
  (c) => {
    c[1] = formatWan(Number((c[1] ?? '0').replace(/,/g, '')) + 0.01);
  },
  // A level-2 code under the wrong parent.
  (c) => {
    c[6] = (c[6] ?? '').replace('3-满意度指标；31', '2-效益指标；31').replace('3-满意度指标:31', '2-效益指标:31');
  },
  // Half-width punctuation.
  (c) => {
    c[6] = (c[6] ?? '').replace(/；/g, ';').replace(/：/g, ':');
  },
  // HTML residue.
  (c) => {
    c[0] = `<p>${c[0] ?? ''}</p>`;
    c[5] = `<p>${c[5] ?? ''}</p>`;
  },
  // Two targets glued together.
  (c) => {
    c[6] = (c[6] ?? '').replace(/年度指标值：(≥[0-9]+人次)/, '年度指标值：$1≥45000人次');
  },
  // A broken indicator: the separator between codes lost.
  (c) => {
    c[6] = (c[6] ?? '').replace('1-产出指标；11', '1-产出指标11');
  },
  // An amount that is not a number.
  (c, rnd) => {
    c[2] = `${Math.floor(rnd() * 100)}万`;
  },
  // A code and name that disagree.
  (c) => {
    c[6] = (c[6] ?? '').replace('11-数量指标', '11-质量指标');
  },
];

const LONG_VALUE =
  '“1.新引进1名诺贝尔奖获得者；新引进1名中国科学院院士或中国工程院院士；2.新引进的高级管理人才、高端创新人才不超过30人；新引进的文化艺术、体育竞技人才不超过10人。”';

/** A target file of about `bytes` UTF-8 bytes (tables of 3–8 units of 5–30 projects each). */
export function generate(sample: string, bytes: number, seed = 20261124): string {
  const rnd = random(seed);
  const projects = sampleProjects(sample);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const header = '项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标';
  const out: string[] = [];
  let size = 0;
  let tableNo = 0;
  while (size < bytes) {
    tableNo++;
    const units: string[][] = [];
    let grand = 0;
    const unitCount = 3 + Math.floor(rnd() * 6);
    for (let u = 0; u < unitCount; u++) {
      const rows: string[] = [];
      let unitTotal = 0;
      const n = 5 + Math.floor(rnd() * 26);
      for (let i = 0; i < n; i++) {
        const p = pick(projects);
        const cents = 100 + Math.floor(rnd() * 5_000_000);
        const amount = cents / 100;
        unitTotal += cents;
        let indicators = p.indicators;
        if (rnd() < 0.05) indicators = indicators.replace(/年度指标值：[^；。]*/, `年度指标值：${LONG_VALUE}`);
        const cells = [
          `${p.name}（${tableNo}-${u + 1}-${i + 1}）`,
          formatWan(amount),
          formatWan(amount),
          '',
          '',
          p.goal,
          indicators,
        ];
        if (rnd() < 0.1) pick(DEFECTS)(cells, rnd);
        rows.push(cells.join('\t'));
      }
      grand += unitTotal;
      const t = formatWan(unitTotal / 100);
      units.push([`第${tableNo}表单位${u + 1}\t${t}\t${t}\t\t\t\t`, ...rows, ...(rnd() < 0.3 ? [''] : [])]);
    }
    const g = formatWan(grand / 100);
    const table = [
      '项目支出绩效目标表（含转移支付项目）',
      '',
      `部门名称：第${tableNo}部门`,
      '',
      '单位：万元',
      '',
      header,
      `合计\t${g}\t${g}\t\t\t\t`,
      ...units.flat(),
      '',
    ];
    const text = table.join('\n');
    out.push(text);
    size += Buffer.byteLength(text, 'utf8') + 1;
  }
  return out.join('\n');
}
