import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDocs } from '../scripts/docs';
import { RULES } from '../server/src/rules';

const root = join(__dirname, '..', '..');
const rulesDir = join(root, 'server', 'src', 'rules');

/** The rule ids the command line, settings and docs promise (issue #2). */
const CONTRACT = [
  'row-columns', 'amount-invalid', 'amount-style', 'html-residue', 'empty-goal',
  'total-mismatch', 'subtotal-mismatch',
  'indicator-syntax', 'indicator-numbering',
  'unknown-code', 'code-name-mismatch', 'code-parent-mismatch', 'missing-category', 'duplicate-indicator',
  'value-missing', 'value-not-measurable', 'value-period-annual-mismatch', 'value-multiple-comparators', 'percent-out-of-range', 'cost-exceeds-budget',
  'punctuation-style',
];

describe('rule registry', () => {
  it('holds exactly the promised rule ids, once each', () => {
    assert.deepEqual([...RULES.map((r) => r.id)].sort(), [...CONTRACT].sort());
  });

  it('every rule lives in its own file with a test file beside it', () => {
    const files = readdirSync(rulesDir);
    for (const r of RULES) {
      assert.ok(files.includes(`${r.id}.ts`), `${r.id}.ts`);
      assert.ok(files.includes(`${r.id}.test.ts`), `${r.id}.test.ts`);
      assert.match(readFileSync(join(rulesDir, `${r.id}.ts`), 'utf8'), new RegExp(`id: '${r.id}'`));
    }
    const ruleFiles = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['index.ts', 'types.ts', 'util.ts', 'examples.ts'].includes(f));
    assert.deepEqual(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort(), RULES.map((r) => r.id).sort(), 'every rule file is registered');
  });

  it('every rule has bilingual metadata and examples of both kinds', () => {
    for (const r of RULES) {
      for (const b of [r.description, r.rationale]) assert.ok(b.zh && b.en, r.id);
      assert.ok(r.examples.bad.length > 0 && r.examples.good.length > 0, r.id);
    }
  });

  it('docs/rules/ is generated from the current metadata (run `npm run generate`)', () => {
    for (const [path, content] of generatedDocs()) {
      assert.ok(existsSync(join(root, path)), `${path} is missing`);
      assert.equal(readFileSync(join(root, path), 'utf8'), content, `${path} is stale`);
    }
  });
});
