/**
 * The custom protocol is written once (`server/src/protocol.ts`) and documented (`docs/protocol.md`):
 * no method name or command id copied elsewhere as a literal, every message, option and command on
 * the page, and the manifest's commands those of the module.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MessageDirection } from 'vscode-languageserver-protocol';
import { Commands, CUSTOM_METHODS, FIX_ALL_KIND, type InitializationOptions } from '../server/src/protocol';

const root = join(__dirname, '..', '..');
const PROTOCOL = join('server', 'src', 'protocol.ts');

/** Every option of `InitializationOptions`: a key added there fails to compile until it is added here. */
const INIT_OPTIONS = { locale: true, docsRoot: true } satisfies Record<keyof InitializationOptions, true>;

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(join(root, dir))) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(join(root, path)).isDirectory()) sources(path, out);
    else if (/\.(ts|mts|mjs|js)$/.test(entry)) out.push(path);
  }
  return out;
}

/** The code of a source, without its comment lines (comments may name a method in backticks). */
function codeLines(path: string): Array<{ readonly line: number; readonly text: string }> {
  return readFileSync(join(root, path), 'utf8')
    .split('\n')
    .map((text, i) => ({ line: i + 1, text }))
    .filter(({ text }) => !/^\s*(\/\/|\/\*|\*)/.test(text));
}

describe('the custom protocol, written once', () => {
  const files = ['server/src', 'client/src', 'test', 'scripts', 'bench']
    .flatMap((d) => sources(d))
    .filter((p) => p !== PROTOCOL);

  it('finds the sources to search (the client, the server, the tests)', () => {
    for (const f of [
      join('client', 'src', 'extension.ts'),
      join('server', 'src', 'lsp', 'server.ts'),
      join('test', 'server', 'harness.ts'),
    ])
      assert.ok(files.includes(f), f);
  });

  it('names no perfTarget/ method in a string literal outside server/src/protocol.ts', () => {
    const copies = files.flatMap((f) =>
      codeLines(f)
        .filter(({ text }) => /['"`]perfTarget\//.test(text))
        .map(({ line, text }) => `${f}:${line}: ${text.trim()}`),
    );
    assert.deepEqual(copies, [], 'import the typed definition from server/src/protocol.ts');
  });

  it('writes no command id or the fix-all kind as a literal outside server/src/protocol.ts', () => {
    const ids = [...Object.values(Commands), FIX_ALL_KIND];
    const copies = files.flatMap((f) =>
      codeLines(f)
        .filter(({ text }) =>
          ids.some((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`) || text.includes(`\`${id}\``)),
        )
        .map(({ line, text }) => `${f}:${line}: ${text.trim()}`),
    );
    assert.deepEqual(copies, [], 'use Commands and FIX_ALL_KIND from server/src/protocol.ts');
  });

  it('defines each custom method once, under perfTarget/', () => {
    const methods = CUSTOM_METHODS.map((m) => m.method);
    assert.equal(new Set(methods).size, methods.length);
    for (const m of CUSTOM_METHODS) {
      assert.match(m.method, /^perfTarget\/[a-zA-Z]+$/);
      assert.equal(m.type.method, m.method);
    }
  });

  it('contributes exactly the module’s commands in package.json, and menus name only those', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command: string }>> };
    };
    const ids = Object.values(Commands) as string[];
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), [...ids].sort());
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(ids.includes(item.command), `${menu}: ${item.command}`);
    }
  });

  it('documents every message with its direction, every option and command in docs/protocol.md, linked from ARCHITECTURE.md', () => {
    const doc = readFileSync(join(root, 'docs', 'protocol.md'), 'utf8');
    const direction: Record<MessageDirection, string> = {
      [MessageDirection.clientToServer]: 'client → server',
      [MessageDirection.serverToClient]: 'server → client',
      [MessageDirection.both]: 'both ways',
    };
    for (const m of CUSTOM_METHODS) {
      const section = doc.split(`\n## \`${m.method}\`\n`)[1]?.split('\n## ')[0];
      assert.ok(section, `a section "## \`${m.method}\`"`);
      assert.ok(section.includes(`**Direction:** ${direction[m.messageDirection]}`), `${m.method}: its direction`);
      assert.ok(section.includes('**Since:**'), `${m.method}: since when`);
    }
    for (const key of Object.keys(INIT_OPTIONS)) assert.ok(doc.includes(`${key}?:`), `initialization option ${key}`);
    for (const id of [...Object.values(Commands), FIX_ALL_KIND]) assert.ok(doc.includes(`\`${id}\``), id);
    assert.ok(
      readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8').includes('(docs/protocol.md)'),
      'ARCHITECTURE.md links docs/protocol.md',
    );
  });
});
