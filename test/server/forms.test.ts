/**
 * Editing an application form through the real server (issue 18): hover, completion, the outline,
 * folding, export and the table view read the form's model, on a form built here with CJK text and
 * a surrogate pair, CRLF line ends, a BOM, merged (empty) 一级/二级 cells and a name cell Excel
 * copied over two lines. A new grid row is typed one character at a time, accepting items as VS
 * Code filters them.
 */
import * as assert from 'node:assert/strict';
import type {
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
} from 'vscode-languageserver-protocol';
import { ExportRequest, TableOutlineRequest, TableRowsRequest } from '../../server/src/protocol';
import { applyItem, visible } from './completing';
import { textAt } from '../helpers';
import { useServer } from './harness';

const LINES = [
  '\uFEFF2024年项目支出绩效目标申报表',
  '单位：万元',
  '项目名称\t乡村😀文化活动补助',
  '预算单位\t某县文化馆',
  '项目资金\t资金总额\t30.00',
  '\t财政拨款\t30.00',
  '年度目标\t开展文化活动，丰富群众生活',
  '绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t计量单位\t分值\t绩效标准',
  '\t产出指标\t数量指标\t举办演出场次\t≥\t20\t场\t30\t计划标准',
  // 一级 merged with the row above.
  '\t\t质量指标\t演出合格率\t＝\t100\t%\t20\t历史标准',
  // 一级 and 二级 merged, and a name Excel copied over two lines.
  '\t\t\t"覆盖行政村',
  '数量"\t≥\t15\t个\t10\t计划标准',
  // A non-standard level-1 name (an alias), and a level-1 name written as the level-2.
  '\t效果指标\t社会效益指标\t受益群众人次\t≥\t5000\t人次\t20\t计划标准',
  '\t满意度指标\t满意度指标\t群众满意度\t≥\t90\t%\t20\t计划标准',
];

/** The (line, character) of `needle` on the first line holding `lineNeedle` (UTF-16, as LSP counts). */
function at(lines: readonly string[], needle: string, lineNeedle = needle, offset = 0): Position {
  const line = lines.findIndex((l) => l.includes(lineNeedle) && l.includes(needle));
  assert.ok(line >= 0, `not found: ${needle}`);
  return { line, character: (lines[line] ?? '').indexOf(needle) + offset };
}

const hoverText = (h: Hover | null): string => {
  assert.ok(h, 'no hover');
  const c = h.contents;
  return typeof c === 'object' && 'value' in c ? c.value : JSON.stringify(c);
};

/** Whether `inner` lies within `outer`. */
function within(inner: Range, outer: Range): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

describe('editing an application form (issue 18)', function () {
  this.timeout(60000);
  const server = useServer({ locale: 'zh-cn' });
  const uri = 'untitled:form.jxmb';
  const text = `${LINES.join('\r\n')}\r\n`;
  // The document's lines as the server counts them (the BOM is a character of line 0).
  const lines = text.split('\r\n');

  before(async () => {
    await server.open(uri, text);
  });

  const hover = (pos: Position) =>
    server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos });

  describe('hover', () => {
    it('a level-1 name: the catalogue’s explanation, and the canonical name of a non-standard one', async () => {
      let h = await hover(at(lines, '产出指标', '举办演出场次', 1));
      assert.match(hoverText(h), /1-产出指标/);
      assert.match(hoverText(h), /项目资金直接交付/);
      const pos = at(lines, '产出指标', '举办演出场次');
      assert.deepEqual(h?.range, { start: pos, end: { line: pos.line, character: pos.character + 4 } });
      h = await hover(at(lines, '效果指标', '效果指标', 2));
      assert.match(hoverText(h), /规范名称：\*\*效益指标\*\*（此处写作“效果指标”）/);
    });

    it('a level-2 name: its class, a level-1 name in the 二级 column, and what a merged cell carries', async () => {
      let h = await hover(at(lines, '数量指标', '举办演出场次', 1));
      assert.match(hoverText(h), /11-数量指标/);
      assert.match(hoverText(h), /上级：1-产出指标/);
      // `满意度指标` twice on its row: the second is the 二级.
      const row = at(lines, '群众满意度');
      const second = (lines[row.line] ?? '').indexOf('满意度指标', 3);
      h = await hover({ line: row.line, character: second + 1 });
      assert.match(hoverText(h), /是一级指标名称，写在了二级指标列/);
      assert.match(hoverText(h), /服务对象满意度/);
      // The empty 一级 cell below `产出指标`: what it carries.
      h = await hover({ line: at(lines, '演出合格率').line, character: 1 });
      assert.match(hoverText(h), /沿用上方合并单元格/);
      assert.match(hoverText(h), /1-产出指标/);
    });

    it('a grid header cell: what the column means', async () => {
      let h = await hover(at(lines, '计量单位', '绩效指标', 1));
      assert.match(hoverText(h), /\*\*计量单位\*\*/);
      assert.match(hoverText(h), /度量单位/, 'its other names');
      // 指标性质 may hold comparators, as the budget systems' template writes them.
      h = await hover(at(lines, '指标性质', '绩效指标', 1));
      assert.match(hoverText(h), /有的表在此列写运算符号/);
    });

    it('a unit, a comparator, a standard and a value', async () => {
      // The first `人次` is in the name; the unit cell is the one after `5000`.
      const row = lines[at(lines, '受益群众人次').line] ?? '';
      let h = await hover({ line: at(lines, '受益群众人次').line, character: row.indexOf('\t人次') + 2 });
      assert.match(hoverText(h), /计量单位\*\*：人次/);
      assert.match(hoverText(h), /计数单位/);
      h = await hover({
        line: at(lines, '演出合格率').line,
        character: row.length && (lines[at(lines, '演出合格率').line] ?? '').indexOf('＝'),
      });
      assert.match(hoverText(h), /运算符号\*\* ＝：等于/);
      h = await hover(at(lines, '历史标准', '历史标准', 1));
      assert.match(hoverText(h), /绩效标准/);
      h = await hover(at(lines, '5000', '5000', 1));
      assert.match(hoverText(h), /定量指标值/);
    });

    it('a name Excel copied over two lines: the hover stands on both lines, after the BOM and CRLF', async () => {
      const second = at(lines, '数量"');
      const h = await hover({ line: second.line, character: 1 });
      assert.match(hoverText(h), /\*\*覆盖行政村 数量\*\*（产出指标 › 质量指标）/);
      assert.match(hoverText(h), /本表分值合计 100/);
      const first = at(lines, '覆盖行政村');
      assert.deepEqual(h?.range, {
        start: { line: first.line, character: first.character },
        end: { line: second.line, character: 2 },
      });
      // The title line starts with the BOM: no hover, no error.
      assert.equal(await hover({ line: 0, character: 3 }), null);
    });
  });

  describe('completion', () => {
    const complete = async (pos: Position): Promise<CompletionList> =>
      (await server.connection.sendRequest<CompletionList | null>('textDocument/completion', {
        textDocument: { uri },
        position: pos,
      })) ?? { isIncomplete: false, items: [] };
    const labels = (l: CompletionList) => l.items.map((i) => i.label);

    it('in an empty (merged) 一级 cell the level-1 names; in a 二级 cell those under the row’s carried 一级', async () => {
      const line = at(lines, '演出合格率').line;
      let list = await complete({ line, character: 1 });
      assert.deepEqual(labels(list), ['产出指标', '效益指标', '满意度指标']);
      assert.deepEqual(
        list.items[0]?.textEdit && 'range' in list.items[0].textEdit ? list.items[0].textEdit.range : undefined,
        {
          start: { line, character: 1 },
          end: { line, character: 1 },
        },
      );
      // In `质量指标`: the level-2 names of 产出指标 (carried), the cell's text replaced, itself left out.
      const q = at(lines, '质量指标', '演出合格率', 2);
      list = await complete(q);
      assert.deepEqual(labels(list), ['数量指标', '时效指标', '成本指标']);
      const edit = list.items[0]?.textEdit;
      assert.ok(edit && 'range' in edit);
      assert.deepEqual(edit.range, {
        start: { line, character: q.character - 2 },
        end: { line, character: q.character + 2 },
      });
      // Under `效果指标` (an alias of 效益指标): the benefit classes.
      list = await complete(at(lines, '社会效益指标', '效果指标', 1));
      assert.deepEqual(labels(list), ['经济效益', '社会效益', '生态效益', '可持续影响']);
    });

    it('units with the class’s kind first, the comparator column’s words, the standards', async () => {
      const line = at(lines, '演出合格率').line;
      const row = lines[line] ?? '';
      // 质量指标 measures rates: `%` first (the cell holds it, so it is left out), then the counts.
      let list = await complete({ line, character: row.indexOf('\t%\t') + 1 });
      assert.ok(!labels(list).includes('%'));
      list = await complete({
        line: at(lines, '举办演出场次').line,
        character: (lines[at(lines, '举办演出场次').line] ?? '').indexOf('\t场\t') + 1,
      });
      assert.equal(labels(list)[0], '人', 'a count class: count units first');
      assert.ok(labels(list).includes('%') && labels(list).includes('万元'));
      // The 指标性质 column holds comparators: comparators first, then the nature words.
      list = await complete({ line, character: row.indexOf('＝') });
      assert.deepEqual(labels(list).slice(0, 4), ['≥', '＞', '≤', '＜']);
      assert.ok(labels(list).includes('定量') && labels(list).includes('定性'));
      list = await complete(at(lines, '历史标准', '历史标准', 0));
      assert.deepEqual(labels(list), ['计划标准', '行业标准', '其他标准', '经验标准']);
    });

    it('nothing in the header block, the seven-column items nowhere in a form', async () => {
      assert.deepEqual(labels(await complete(at(lines, '某县文化馆'))), []);
      assert.deepEqual(labels(await complete(at(lines, '举办演出场次', '举办演出场次', 2))), []);
    });

    it('typing a new grid row one character at a time, accepting items as VS Code filters them', async () => {
      const cells = ['', '产出指标', '时效指标', '演出筹备周期', '≤', '30', '个工作日', '0', '计划标准'];
      const target = cells.join('\t');
      const lineNo = lines.length - 1; // the empty line after the last CRLF
      let version = 1;
      let line = '';
      const set = (next: string) => {
        server.change(uri, ++version, [
          {
            range: { start: { line: lineNo, character: 0 }, end: { line: lineNo, character: line.length } },
            text: next,
          },
        ]);
        line = next;
      };
      const accepted: string[] = [];
      for (const [i, cell] of cells.entries()) {
        if (i > 0) set(`${line}\t`);
        const start = line.length;
        // The item is picked from the list as soon as it shows (before typing, when it is among the first three).
        const tryAccept = async (typed: number): Promise<boolean> => {
          const list = await complete({ line: lineNo, character: line.length });
          const shown = visible(list, line, line.length);
          const item = shown.find((it: CompletionItem) => it.label === cell);
          if (!item || (typed === 0 && shown.indexOf(item) > 2)) return false;
          const applied = applyItem(line, item);
          set(applied.line);
          accepted.push(cell);
          return true;
        };
        let done = cell === '' || (await tryAccept(0));
        for (let k = 0; !done && k < cell.length; k++) {
          set(`${line}${cell[k] ?? ''}`);
          done = line.slice(start) === cell || (await tryAccept(k + 1));
        }
        assert.equal(line.slice(start), cell, `cell ${i}`);
      }
      assert.equal(line, target);
      // `≤` is typed (the list offers it, the typed text is then the item itself).
      assert.deepEqual(accepted, ['产出指标', '时效指标', '个工作日', '计划标准']);
      // The row is read as an indicator of the form: its outline entry and hover.
      const h = await hover({ line: lineNo, character: line.indexOf('演出筹备') + 1 });
      assert.match(hoverText(h), /演出筹备周期\*\*（产出指标 › 时效指标）/);
      // Back to the form as it was, for the other tests.
      set('');
    });
  });

  describe('outline, folding, export and the table view', () => {
    it('the outline: project → 一级 → 二级 → indicators, ranges through the rows', async () => {
      const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
        textDocument: { uri },
      });
      assert.equal(symbols.length, 1);
      const project = symbols[0];
      assert.ok(project);
      assert.equal(project.name, '乡村😀文化活动补助');
      assert.match(project.detail ?? '', /某县文化馆/);
      assert.match(project.detail ?? '', /30\.00 万元/);
      const tree = (s: DocumentSymbol): unknown => (s.children?.length ? { [s.name]: s.children.map(tree) } : s.name);
      assert.deepEqual(project.children?.map(tree), [
        { 产出指标: [{ 数量指标: ['举办演出场次'] }, { 质量指标: ['演出合格率', '覆盖行政村 数量'] }] },
        { 效果指标: [{ 社会效益指标: ['受益群众人次'] }] },
        { 满意度指标: [{ 满意度指标: ['群众满意度'] }] },
      ]);
      // Every range within its parent's, selections within ranges (VS Code drops the outline otherwise).
      const check = (s: DocumentSymbol) => {
        assert.ok(within(s.selectionRange, s.range), s.name);
        for (const c of s.children ?? []) {
          assert.ok(within(c.range, s.range), `${c.name} in ${s.name}`);
          check(c);
        }
      };
      check(project);
      const twoLines = project.children?.[0]?.children?.[1]?.children?.[1];
      const first = at(lines, '覆盖行政村');
      assert.deepEqual(twoLines?.selectionRange, {
        start: first,
        end: { line: first.line + 1, character: 2 },
      });
    });

    it('folding: the form, and each 一级 class of several rows', async () => {
      const folds = await server.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', {
        textDocument: { uri },
      });
      const out = at(lines, '举办演出场次').line;
      assert.ok(folds.some((f) => f.startLine === 0 && f.endLine >= lines.length - 2));
      assert.ok(folds.some((f) => f.startLine === out && f.endLine === out + 3));
    });

    it('export: the table’s layout and the form from its model', async () => {
      const result = await server.connection.sendRequest(ExportRequest.type, { uri });
      assert.equal(result.tables.length, 1);
      const t = result.tables[0];
      assert.ok(t && t.layout === 'form' && 'form' in t && t.form);
      assert.equal(t.title, '2024年项目支出绩效目标申报表');
      assert.equal(t.unitStated, true);
      const p = t.form.projects[0];
      assert.ok(p);
      assert.equal(p.name, '乡村😀文化活动补助');
      assert.equal(p.department?.text, '某县文化馆');
      assert.deepEqual(
        p.amounts.map((a) => [a.label, a.role, a.depth, a.value]),
        [
          ['资金总额', 'total', 0, 30],
          ['财政拨款', 'source', 1, 30],
        ],
      );
      assert.equal(p.goals.annual?.text, '开展文化活动，丰富群众生活');
      assert.equal(p.indicators.length, 5);
      const merged = p.indicators[2];
      assert.ok(merged);
      assert.equal(merged.name?.text, '覆盖行政村\n数量');
      assert.equal(merged.level1?.text, '产出指标');
      assert.deepEqual(merged.carried, { level1: true, level2: true });
      assert.equal(merged.comparator?.text, '≥');
      assert.equal(merged.value?.measures[0]?.value, 15);
      assert.equal(merged.unit?.text, '个');
      assert.equal(merged.weight?.text, '10');
      assert.equal(merged.standard?.text, '计划标准');
      assert.deepEqual(merged.name?.range.start, at(lines, '覆盖行政村'));
      // Comparators under 指标性质 are the budget systems' template, not a swapped column: no note.
      assert.deepEqual(
        t.form.notes.map((n) => [n.kind, n.subject, n.holds]),
        [],
      );
    });

    it('the table view shows the form: its project and its grid, each cell where it is written', async () => {
      const outline = await server.connection.sendRequest(TableOutlineRequest.type, { uri });
      assert.equal(outline.tables.length, 1);
      assert.equal(outline.tables[0]?.layout, 'form');
      assert.deepEqual(
        outline.projects.map((p) => [p.name, p.indicators, p.amounts[0]]),
        [['乡村😀文化活动补助', 5, 30]],
      );
      const { rows } = await server.connection.sendRequest(TableRowsRequest.type, {
        uri,
        version: outline.version,
        from: 0,
        to: 1,
      });
      const form = rows[0]?.form;
      assert.ok(form);
      const cells = form.indicators.flatMap((ind) => Object.values(ind.cells));
      assert.ok(cells.length > 20);
      for (const c of cells) assert.equal(textAt(text, c.range), c.text, JSON.stringify(c));
      // The name Excel copied over two lines: its range runs across them.
      const split = form.indicators[2]?.cells.name;
      assert.ok(split);
      assert.equal(split.range.end.line, split.range.start.line + 1);
      assert.equal(form.indicators[2]?.cells.level1?.carried, true);
    });
  });
});
