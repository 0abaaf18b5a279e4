/**
 * Writes every generated file: docs/rules/ from the rules' metadata, the TextMate grammar from the
 * catalogue, the JSON schema of .perf-target.json, and the rule settings of the manifest
 * (`npm run generate`). Tests fail when a committed copy is stale.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedDocs } from './docs';
import { renderGrammar } from './grammar';
import { jsonText, renderManifest } from './manifest';
import { renderSchema, SCHEMA_PATH } from './schema';

const root = join(__dirname, '..', '..');
const files = generatedDocs();
files.set('syntaxes/perf-target.tmLanguage.json', renderGrammar());
files.set(SCHEMA_PATH, jsonText(renderSchema()));
const read = (name: string) => JSON.parse(readFileSync(join(root, name), 'utf8')) as Record<string, unknown>;
const manifest = renderManifest(read('package.json'), read('package.nls.json'), read('package.nls.zh-cn.json'));
files.set('package.json', jsonText(manifest.pkg));
files.set('package.nls.json', jsonText(manifest.nls));
files.set('package.nls.zh-cn.json', jsonText(manifest.nlsZh));
for (const old of readdirSync(join(root, 'docs', 'rules'))) {
  if (!files.has(`docs/rules/${old}`)) rmSync(join(root, 'docs', 'rules', old));
}
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
process.stdout.write(`wrote ${files.size} generated files\n`);
