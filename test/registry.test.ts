import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDocs } from '../scripts/docs';
import { jsonText, renderManifest } from '../scripts/manifest';
import { RULES } from '../server/src/rules';

const root = join(__dirname, '..', '..');
const rulesDir = join(root, 'server', 'src', 'rules');

/** The rule ids the command line, settings and docs promise (issue #2). */
const CONTRACT = [
  'row-columns',
  'amount-invalid',
  'amount-style',
  'html-residue',
  'empty-goal',
  'cell-limits',
  'multi-line-cell',
  'total-mismatch',
  'subtotal-mismatch',
  'money-unit-mismatch',
  'staff-pay-in-project',
  'indicator-syntax',
  'indicator-numbering',
  'unknown-code',
  'code-name-mismatch',
  'code-parent-mismatch',
  'missing-category',
  'duplicate-indicator',
  'value-missing',
  'value-not-measurable',
  'value-period-annual-mismatch',
  'value-multiple-comparators',
  'percent-out-of-range',
  'cost-exceeds-budget',
  'punctuation-style',
  'nonstandard-characters',
  'unbalanced-brackets',
  // application forms and other layouts (issue 18: what forms add)
  'unknown-layout',
  'form-layout',
  'weights-total',
  'comparator-contradiction',
  'falling-indicator',
  'unit-column',
  'serial-date',
  'baseline-tag',
  'placeholder-value',
  // a project's meaning, in every layout (issue #18)
  'amount-written-unit',
  'indicator-is-goal',
  'value-is-period',
  'value-in-prose',
  'zero-cost',
  'goals-identical',
  'satisfaction-duplicate',
  'name-differs-from-goal',
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
    const ruleFiles = files.filter(
      (f) =>
        f.endsWith('.ts') &&
        !f.endsWith('.test.ts') &&
        !['index.ts', 'types.ts', 'util.ts', 'examples.ts', 'project.ts'].includes(f),
    );
    assert.deepEqual(
      ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort(),
      RULES.map((r) => r.id).sort(),
      'every rule file is registered',
    );
  });

  it('every rule has bilingual metadata and examples of both kinds', () => {
    for (const r of RULES) {
      for (const b of [r.description, r.rationale]) assert.ok(b.zh && b.en, r.id);
      assert.ok(r.examples.bad.length > 0 && r.examples.good.length > 0, r.id);
    }
  });

  it('the manifest’s rule settings and their descriptions are generated from the registry (run `npm run generate`)', () => {
    const read = (name: string) => readFileSync(join(root, name), 'utf8');
    const json = (name: string) => JSON.parse(read(name)) as Record<string, unknown>;
    const m = renderManifest(json('package.json'), json('package.nls.json'), json('package.nls.zh-cn.json'));
    assert.equal(read('package.json'), jsonText(m.pkg));
    assert.equal(read('package.nls.json'), jsonText(m.nls));
    assert.equal(read('package.nls.zh-cn.json'), jsonText(m.nlsZh));
    const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const zh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'every manifest string has a Chinese translation');
    for (const key of read('package.json').match(/%[A-Za-z0-9.-]+%/g) ?? []) assert.ok(en[key.slice(1, -1)], key);
  });

  it('every client string has a Chinese translation', () => {
    const client = readFileSync(join(root, 'client', 'src', 'extension.ts'), 'utf8');
    const zh = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const used = [...client.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1] ?? '');
    assert.ok(used.length > 5);
    for (const s of used) assert.ok(zh[s], `l10n/bundle.l10n.zh-cn.json lacks “${s}”`);
  });

  it('docs/rules/ is generated from the current metadata (run `npm run generate`)', () => {
    for (const [path, content] of generatedDocs()) {
      assert.ok(existsSync(join(root, path)), `${path} is missing`);
      assert.equal(readFileSync(join(root, path), 'utf8'), content, `${path} is stale`);
    }
  });
});
