/**
 * The VS Code side of the workbook round trip (issue 17), as far as it can be held without VS Code:
 * the commands are registered, contributed to the palette and the Explorer, editor and tab menus,
 * titled in English and Chinese, and every client string of `client/src/workbook.ts` is translated.
 * (Running them in a real VS Code is the e2e suite's job.)
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Commands } from '../server/src/protocol';

const root = join(__dirname, '..', '..');
const read = (name: string): string => readFileSync(join(root, name), 'utf8');

interface Menu {
  readonly command: string;
  readonly when?: string;
}

describe('VS Code: workbook commands', () => {
  const pkg = JSON.parse(read('package.json')) as {
    contributes: { commands: Array<{ command: string; title: string }>; menus: Record<string, Menu[]> };
  };
  const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
  const zh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;

  it('contributes Open as Target Table and Save as Excel Workbook…, titled in both languages', () => {
    for (const [id, english, chinese] of [
      [Commands.openWorkbook, 'Open as Target Table', '作为绩效目标表打开'],
      [Commands.saveAsWorkbook, 'Save as Excel Workbook…', '另存为 Excel 工作簿…'],
    ]) {
      const c = pkg.contributes.commands.find((x) => x.command === id);
      assert.ok(c, id);
      const key = c.title.slice(1, -1);
      assert.equal(en[key], english);
      assert.equal(zh[key], chinese);
    }
  });

  it('offers them where a clerk looks: Explorer, editor, tab and palette', () => {
    const where = (menu: string, id: string): string | undefined =>
      pkg.contributes.menus[menu]?.find((m) => m.command === id)?.when;
    assert.equal(where('explorer/context', Commands.openWorkbook), 'resourceExtname == .xlsx');
    assert.equal(where('editor/title/context', Commands.openWorkbook), 'resourceExtname == .xlsx');
    assert.equal(where('explorer/context', Commands.saveAsWorkbook), 'resourceLangId == perf-target');
    assert.equal(where('editor/context', Commands.saveAsWorkbook), 'editorLangId == perf-target');
    // The palette shows every contributed command unless hidden: open always, save on a target table.
    assert.equal(where('commandPalette', Commands.openWorkbook), undefined);
    assert.equal(where('commandPalette', Commands.saveAsWorkbook), 'editorLangId == perf-target');
  });

  it('registers both from client/src/workbook.ts, with every client string translated', () => {
    const source = read('client/src/workbook.ts');
    for (const id of ['openWorkbook', 'saveAsWorkbook'])
      assert.ok(source.includes(`registerCommand(Commands.${id},`), id);
    assert.match(read('client/src/extension.ts'), /^\s+registerWorkbookCommands\(context\);$/m);
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    const used = [...source.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1] ?? '');
    assert.ok(used.length >= 5);
    for (const s of used) assert.ok(bundle[s], `l10n/bundle.l10n.zh-cn.json lacks “${s}”`);
  });
});
