/**
 * The four published application forms in test/fixtures/forms (copies of ../shared/layouts, with
 * their source notes): each anomaly their notes list is found, at its line, by the rule that means
 * it; what the notes confirm as correct stays silent.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../server/src/check';
import type { Finding } from '../server/src/rules/types';
import { parseDocument } from '../server/src/syntax/document';

const dir = join(__dirname, '..', '..', 'test', 'fixtures', 'forms');

/** An anomaly of a form's notes: its number there, the 1-based line, the rules that may report it. */
interface Anomaly {
  readonly note: string;
  readonly line: number;
  readonly rules: readonly string[];
}

const FORMS: Readonly<Record<string, { readonly found: readonly Anomaly[]; readonly silent: readonly string[] }>> = {
  'guangyuan-zhaohua-2021-tekun': {
    found: [
      { note: '1 (年度资金总额 holds the column name)', line: 5, rules: ['amount-invalid'] },
      { note: '4 (项目完成指标)', line: 17, rules: ['code-name-mismatch'] },
      { note: '4 (项目效益指标)', line: 22, rules: ['code-name-mismatch'] },
      { note: '5 (满意度指标 as a 二级)', line: 24, rules: ['code-name-mismatch', 'code-parent-mismatch'] },
      { note: '6 (独生子 vs 独生子女)', line: 17, rules: ['name-differs-from-goal'] },
      { note: '7 (a goal sentence with 100%)', line: 22, rules: ['indicator-is-goal'] },
      { note: '8 (长期)', line: 23, rules: ['value-not-measurable'] },
      { note: '9 (a period as a time value)', line: 19, rules: ['value-is-period'] },
      { note: '9 (12月底到位)', line: 20, rules: ['value-in-prose', 'value-not-measurable'] },
      { note: '10 (a sentence holding 1000元/人)', line: 21, rules: ['value-in-prose'] },
      { note: '11 (绩效指标 repeated)', line: 17, rules: ['form-layout'] },
      { note: '12 (100% satisfaction)', line: 25, rules: ['satisfaction-duplicate', 'percent-out-of-range'] },
    ],
    silent: ['subtotal-mismatch', 'cost-exceeds-budget'],
  },
  'ningde-fangzhi-2019-dept-whole': {
    found: [
      { note: '2 (履职 基本支出 171.41 vs 110.61)', line: 15, rules: ['total-mismatch', 'subtotal-mismatch'] },
      { note: '3 (staff welfare from a project fund)', line: 14, rules: ['staff-pay-in-project'] },
      { note: '4 (时效 under 数量)', line: 17, rules: ['code-parent-mismatch'] },
      { note: '5 (a goal sentence as an indicator)', line: 18, rules: ['indicator-is-goal'] },
      { note: '6 (60% vs ≥60%)', line: 19, rules: ['value-multiple-comparators'] },
      { note: '7 (90% vs 1)', line: 20, rules: ['value-multiple-comparators'] },
      { note: '7 (100% vs 1)', line: 21, rules: ['value-multiple-comparators'] },
      { note: '8 (2019年12月 vs 100%)', line: 22, rules: ['value-multiple-comparators'] },
      { note: '9 (2019年度) )', line: 3, rules: ['unbalanced-brackets'] },
      { note: '10 (a file name as the title)', line: 1, rules: ['form-layout'] },
    ],
    silent: [],
  },
  'wuhai-supply-coop-2021-recycling': {
    found: [
      { note: '1 (weights total 90, not 100)', line: 13, rules: ['weights-total'] },
      { note: '2 (44,561 as a date)', line: 17, rules: ['serial-date'] },
      { note: '2 (44,561 as a date)', line: 19, rules: ['serial-date'] },
      { note: '2 (a value in the unit column)', line: 17, rules: ['unit-column'] },
      { note: '3 (no unit)', line: 14, rules: ['unit-column'] },
      { note: '4 (人/次)', line: 15, rules: ['unit-column'] },
      { note: '5 (a cost of 0)', line: 20, rules: ['zero-cost'] },
      { note: '5 (a cost of 0)', line: 23, rules: ['zero-cost'] },
      ...[20, 21, 22, 23, 24].map((line) => ({ note: '6 (反向 with =)', line, rules: ['comparator-contradiction'] })),
      { note: '10 (指标性质 and 指标方向 swapped)', line: 13, rules: ['form-layout'] },
    ],
    silent: ['total-mismatch', 'subtotal-mismatch', 'cost-exceeds-budget', 'amount-invalid'],
  },
  'xiangtan-sanitation-2023-fogcannon': {
    found: [
      { note: '1 (250万)', line: 4, rules: ['amount-written-unit'] },
      { note: '2 (an annual budget over two years)', line: 5, rules: ['goals-identical'] },
      { note: '3 (identical goals)', line: 7, rules: ['goals-identical'] },
      { note: '4 (the period as a time value)', line: 12, rules: ['value-is-period'] },
      { note: '5 (80M)', line: 10, rules: ['unit-column'] },
      { note: '6 (优良)', line: 11, rules: ['value-not-measurable'] },
      ...[14, 16, 17].map((line) => ({ note: '7 (empty indicators)', line, rules: ['value-missing'] })),
      { note: '8 (satisfaction under 社会效益)', line: 15, rules: ['code-parent-mismatch'] },
      { note: '8 (two satisfaction targets)', line: 18, rules: ['satisfaction-duplicate'] },
      { note: '9 (满意度 as a 二级 under 效益)', line: 18, rules: ['code-parent-mismatch'] },
      { note: '10 (empty review)', line: 19, rules: ['form-layout'] },
    ],
    silent: ['total-mismatch', 'cost-exceeds-budget'],
  },
};

const SEVEN_COLUMN = ['row-columns', 'indicator-syntax', 'empty-goal', 'indicator-numbering', 'unknown-code'];

describe('the four published forms (test/fixtures/forms): every anomaly their notes list', () => {
  for (const [name, expected] of Object.entries(FORMS)) {
    describe(name, () => {
      const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
      let findings: Finding[] = [];
      before(() => {
        findings = checkDocument(parseDocument(text));
      });
      it('is read as one form', () => {
        assert.deepEqual(
          parseDocument(text).tables.map((t) => t.layout),
          ['form'],
        );
      });
      for (const a of expected.found) {
        it(`anomaly ${a.note}, line ${a.line}: ${a.rules.join(' or ')}`, () => {
          const at = findings.filter((f) => f.line + 1 === a.line);
          assert.ok(
            at.some((f) => a.rules.includes(f.rule)),
            `line ${a.line} has ${at.map((f) => f.rule).join(', ') || 'nothing'}`,
          );
        });
      }
      it(`says nothing of what the notes confirm (${expected.silent.join(', ') || 'no sums to confirm'}), nor any seven-column finding`, () => {
        const wrong = findings.filter((f) => expected.silent.includes(f.rule) || SEVEN_COLUMN.includes(f.rule));
        assert.deepEqual(
          wrong.map((f) => `${f.line + 1} ${f.rule}: ${f.message.en}`),
          [],
        );
      });
    });
  }
});
