/**
 * The checker's bookkeeping for large files: row results are kept for the latest rows only, counts
 * for every row; findings read later (the server's `CheckResult.at`) must equal a whole check
 * (`checkDocument`), and a re-check after an edit must equal a check from scratch.
 */
import * as assert from 'node:assert/strict';
import {
  CheckResult,
  checkDocument,
  checkDocumentRules,
  checkingRowCache,
  checkRows,
  countSeverities,
  severityIndex,
} from '../server/src/check';
import type { Finding } from '../server/src/rules/types';
import { DEFAULT_CONFIG } from '../server/src/config';
import { projectRow } from '../server/src/rules/examples';
import { parseDocument } from '../server/src/syntax/document';
import { table } from './helpers';

const WEAK = '1、1-产出指标；11-数量指标；培训人次；实施周期指标值：≥10人次；年度指标值：≥100人次。';
// More rows than results are kept (4 096), each with findings: a wrong total, and a weak value on some.
const rows = Array.from({ length: 5000 }, (_, i) =>
  projectRow(`项目${i}`, ['2.00', '1.00'], i % 3 === 0 ? WEAK : undefined),
);
const text = table(rows);

/** How many findings of each severity, most severe first (as `CheckResult.totals`). */
function totalsOf(findings: readonly Finding[]): number[] {
  const totals = [0, 0, 0, 0];
  for (const f of findings) totals[severityIndex(f.severity)] = (totals[severityIndex(f.severity)] ?? 0) + 1;
  return totals;
}

describe('checker bookkeeping', function () {
  this.timeout(60000);
  const options = { config: DEFAULT_CONFIG, file: undefined };

  it('reads evicted rows’ findings again, equal to a whole check, with the same counts', () => {
    const doc = parseDocument(
      text,
      checkingRowCache(() => DEFAULT_CONFIG),
    );
    const lean = new CheckResult(checkRows(doc, options), checkDocumentRules(doc, options));
    const whole = checkDocument(doc, options);
    const first = doc.tables[0]?.projects[0]?.line ?? -1;
    assert.ok(lean.at(first).some((f) => f.rule === 'total-mismatch'));
    assert.deepEqual(
      lean.at(first),
      whole.filter((f) => f.line === first),
    );
    assert.deepEqual(lean.findings, whole);
    assert.deepEqual(lean.totals, totalsOf(whole));
    const c = countSeverities(whole);
    assert.deepEqual([lean.severityCounts.errors, lean.severityCounts.warnings], [c.errors, c.warnings]);
    assert.equal(c.errors, 5000);
  });

  it('re-checks after an edit exactly as from scratch, reusing the unchanged rows’ counts', () => {
    const cache = checkingRowCache(() => DEFAULT_CONFIG);
    const before = parseDocument(text, cache);
    const previous = checkRows(before, options);
    const lines = [...before.lines];
    const at = before.tables[0]?.projects[10]?.line ?? 0;
    lines[at] = projectRow('项目10', ['1.00', '1.00']);
    const after = parseDocument(lines, cache, before);
    const again = new CheckResult(checkRows(after, options, previous), []);
    const scratch = new CheckResult(checkRows(parseDocument(lines), options), []);
    assert.deepEqual(again.totals, scratch.totals);
    assert.deepEqual(again.at(at), []);
    assert.deepEqual(again.findings, scratch.findings);
  });
});

describe('checker counts on a pathological line', function () {
  this.timeout(60000);
  it('counts more findings of one severity on one line than fit in the packed form', () => {
    // 9 000 cells with HTML residue past the indicators of one project row: a warning each (a cell
    // lists at most 100 findings, so they are spread over cells, as in a table pasted as one line).
    const line = `${projectRow('项目', ['1.00', '1.00'])}${'\t<b>x</b>'.repeat(9000)}`;
    const doc = parseDocument(
      table([line]),
      checkingRowCache(() => DEFAULT_CONFIG),
    );
    const lean = new CheckResult(checkRows(doc, { config: DEFAULT_CONFIG, file: undefined }), []);
    const found = totalsOf(lean.findings);
    assert.ok(Math.max(...found) > 8192, `totals ${found.join(',')}`);
    assert.deepEqual(lean.totals, found);
  });
});
