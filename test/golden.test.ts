/**
 * Golden tests over the sample: the whole export (every project and indicator in its field) and
 * every finding in both languages. After a deliberate change, review the diff and regenerate with
 * `UPDATE_GOLDEN=1 npm test`.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../server/src/check';
import { decode } from '../server/src/decode';
import { exportDocument } from '../server/src/export';
import { parseDocument } from '../server/src/syntax/document';

const root = join(__dirname, '..', '..');
const sample = join(root, 'seeds', '000_5e46737169912d50.txt');

function golden(name: string, actual: string): void {
  const path = join(root, 'test', 'golden', name);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, actual);
  assert.equal(
    actual,
    readFileSync(path, 'utf8'),
    `${name} differs; if intended, run UPDATE_GOLDEN=1 npm test and review the diff`,
  );
}

describe('golden: the sample table', () => {
  const doc = parseDocument(decode(readFileSync(sample)).text);

  it('exports every unit, project and indicator in its field', () => {
    golden('sample.export.json', `${JSON.stringify(exportDocument(doc), null, 2)}\n`);
  });

  it('has 5 units, 35 projects and the right indicator counts', () => {
    const t = doc.tables[0];
    assert.ok(t);
    assert.equal(t.units.length, 5);
    assert.equal(t.projects.length, 35);
    assert.equal(
      t.projects.reduce((n, p) => n + (p.row.indicators?.indicators.length ?? 0), 0),
      108,
    );
    assert.equal(
      t.projects.reduce((n, p) => n + (p.row.indicators?.problems.length ?? 0), 0),
      0,
    );
  });

  it('gives the same findings as before, in both languages', () => {
    const lines = checkDocument(doc).map(
      (f) =>
        `${f.line + 1}:${f.span.start + 1}-${f.span.end + 1} ${f.severity} ${f.rule}\n  ${f.message.zh}\n  ${f.message.en}`,
    );
    golden('sample.findings.txt', `${lines.join('\n')}\n`);
  });
});
