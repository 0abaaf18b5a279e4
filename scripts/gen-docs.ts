/** Writes docs/rules/ from the rules' metadata (`npm run docs`). */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedDocs } from './docs';

const root = join(__dirname, '..', '..');
const files = generatedDocs();
for (const old of readdirSync(join(root, 'docs', 'rules'))) {
  if (!files.has(`docs/rules/${old}`)) rmSync(join(root, 'docs', 'rules', old));
}
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
process.stdout.write(`wrote ${files.size} files under docs/rules/\n`);
