/**
 * Writes every generated file: docs/rules/ from the rules' metadata and the TextMate grammar from
 * the catalogue (`npm run generate`). Tests fail when a committed copy is stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedDocs } from './docs';
import { renderGrammar } from './grammar';

const root = join(__dirname, '..', '..');
const files = generatedDocs();
files.set('syntaxes/perf-target.tmLanguage.json', renderGrammar());
for (const old of readdirSync(join(root, 'docs', 'rules'))) {
  if (!files.has(`docs/rules/${old}`)) rmSync(join(root, 'docs', 'rules', old));
}
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
process.stdout.write(`wrote ${files.size} generated files\n`);
