/**
 * No function of the product's code is longer than `MAX_LINES` lines as Prettier lays it out (the
 * tree is Prettier-formatted, so its lines are Prettier's): a longer one is split into named parts.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type * as TS from 'typescript';

const root = join(__dirname, '..', '..');
const MAX_LINES = 100;

/** The TypeScript API, loaded from `node_modules` when the test runs (not bundled into it). */
const ts = createRequire(__filename)('typescript') as typeof TS;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** `file:line name (n lines)` for every function, method, accessor or arrow of `text` longer than `max` lines. */
function longFunctions(file: string, text: string, max: number): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line;
  const out: string[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = lineOf(node.getStart(sf));
      const lines = lineOf(node.end) - first + 1;
      if (lines > max) {
        const named = node.name ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name : undefined);
        const name = named ? named.getText(sf) : '(anonymous)';
        out.push(`${file}:${first + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('function length', () => {
  it(`no function in server/src or client/src is longer than ${MAX_LINES} lines`, () => {
    const files = [...sourceFiles(join(root, 'server', 'src')), ...sourceFiles(join(root, 'client', 'src'))];
    assert.ok(files.length > 20, 'the sources were found');
    assert.deepEqual(
      files.flatMap((f) => longFunctions(relative(root, f), readFileSync(f, 'utf8'), MAX_LINES)),
      [],
    );
  });

  it('finds functions, methods and arrows one line too long, and only those', () => {
    const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `    const v${i} = ${i};`).join('\n');
    const text = [
      `export function long(): void {\n${body(MAX_LINES + 1)}\n}`,
      `export function short(): void {\n${body(MAX_LINES)}\n}`,
      `class C {\n  method(): void {\n${body(MAX_LINES + 1)}\n  }\n}`,
      `export const arrow = (): void => {\n${body(MAX_LINES + 1)}\n};`,
    ].join('\n');
    const lines = MAX_LINES + 1;
    assert.deepEqual(longFunctions('x.ts', text, MAX_LINES), [
      `x.ts:1 long (${lines} lines)`,
      `x.ts:${2 * MAX_LINES + 3} method (${lines} lines)`,
      `x.ts:${3 * MAX_LINES + 5} arrow (${lines} lines)`,
    ]);
  });
});
