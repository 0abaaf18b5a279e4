/**
 * Completion that edits (issue 13), through the real bundled server: items accepted in the middle
 * of existing text give exactly the intended line, and a clerk typing a new project row one
 * character at a time, accepting items as VS Code filters and ranks them, gets most of the
 * indicator cell from completion with no error shown in the indicator being typed.
 */
import * as assert from 'node:assert/strict';
import {
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { parseRow } from '../../server/src/syntax/document';
import { projectRow, unitRow } from '../../server/src/rules/examples';
import { table } from '../helpers';
import { FocusNotification } from '../../server/src/protocol';
import { useServer } from './harness';
import { applyItem, parseSnippet, rangeOf, visible, type Applied } from './completing';

// ---- The workspace: projects whose indicator names completion offers

const SEEN =
  '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥5000人次；年度指标值：≥5000人次。' +
  '2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥85%；年度指标值：≥85%。' +
  '3、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。' +
  '4、1-产出指标；12-质量指标；验收合格率；实施周期指标值：≥95%；年度指标值：≥95%。' +
  '5、1-产出指标；11-数量指标；😀培训𠀋人次；实施周期指标值：≥100人次；年度指标值：≥100人次。';
const BASE_ROWS = [
  unitRow('合计', ['10.00', '10.00']),
  unitRow('就业局', ['10.00', '10.00']),
  projectRow('就业补贴项目', ['10.00', '10.00'], SEEN),
];

/** A project row with this indicator cell, and where the cell starts. */
function rowWith(cell: string): { line: string; cellStart: number } {
  const line = projectRow('试验项目', ['1.00', '1.00'], cell);
  return { line, cellStart: line.length - cell.length };
}

describe('completion that edits (issue 13)', function () {
  this.timeout(60000);
  let version = 1;
  const uri = 'untitled:completion.jxmb';
  let lineNo = 0;
  let text = '';
  const server = useServer();

  before(async () => {
    text = `${table(BASE_ROWS)}\n`;
    lineNo = text.split('\n').length - 1;
    await server.open(uri, text);
  });

  /** Puts `line` on the working line and asks for completion at `character`. */
  async function completeAt(line: string, character: number): Promise<CompletionList> {
    const lines = text.split('\n');
    const old = lines[lineNo] ?? '';
    lines[lineNo] = line;
    text = lines.join('\n');
    server.change(uri, ++version, [
      { range: { start: { line: lineNo, character: 0 }, end: { line: lineNo, character: old.length } }, text: line },
    ]);
    const list = await server.connection.sendRequest<CompletionList | null>('textDocument/completion', {
      textDocument: { uri },
      position: { line: lineNo, character },
    });
    return list ?? { isIncomplete: false, items: [] };
  }

  /** The cell with `|` marking the cursor: completion there, the item labelled `label` accepted. */
  async function accept(
    marked: string,
    label: string,
    choose?: (n: number, options: readonly string[]) => string,
  ): Promise<{ cell: string; applied: Applied; item: CompletionItem; list: CompletionList }> {
    const cursorInCell = marked.indexOf('|');
    const { line, cellStart } = rowWith(marked.replace('|', ''));
    const list = await completeAt(line, cellStart + cursorInCell);
    const item = list.items.find((i) => i.label === label);
    assert.ok(item, `no item ${label} at ${marked}: ${JSON.stringify(list.items.map((i) => i.label))}`);
    const shown = visible(list, line, cellStart + cursorInCell);
    assert.ok(shown.includes(item), `${label} is filtered out by what was typed at ${marked}`);
    const applied = applyItem(line, item, choose);
    return { cell: applied.line.slice(cellStart), applied, item, list };
  }

  const HEAD = '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次；年度指标值：≥20000人次。';
  const SAT = '3、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：≥90%；年度指标值：≥90%。';

  describe('accepting each kind of item in the middle of existing text', () => {
    it('a level-1 code before the separator that follows, and over the code it replaces', async () => {
      let r = await accept(`${HEAD}2、|；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`, '2-效益指标');
      assert.equal(r.cell, `${HEAD}2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`);
      assert.equal(r.item.command, undefined, 'the cursor stays before the existing separator: no reopening');
      r = await accept(
        `${HEAD}2、|1-产出指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`,
        '2-效益指标',
      );
      assert.equal(r.cell, `${HEAD}2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`);
      r = await accept(`${HEAD}2、2|`, '2-效益指标');
      assert.equal(r.cell, `${HEAD}2、2-效益指标；`);
      assert.equal(r.item.command?.command, 'editor.action.triggerSuggest');
    });

    it('a level-2 code typed in front of `；指标名称` (the issue’s example)', async () => {
      const r = await accept('1、1-产出指标；1|；指标名称；实施周期指标值：≥95%；年度指标值：≥95%。', '12-质量指标');
      assert.equal(r.cell, '1、1-产出指标；12-质量指标；指标名称；实施周期指标值：≥95%；年度指标值：≥95%。');
      // The codes the project does not use yet come first.
      const list = await completeAt(
        rowWith(`${HEAD}2、1-产出指标；`).line,
        rowWith(`${HEAD}2、1-产出指标；`).line.length,
      );
      assert.deepEqual(
        list.items.map((i) => i.label),
        ['12-质量指标', '13-时效指标', '14-成本指标', '11-数量指标'],
      );
    });

    it('a name before `；实施周期指标值：`, a name at the end, a name with surrogate pairs', async () => {
      let r = await accept(
        `${HEAD}2、2-效益指标；22-社会效益；就|；实施周期指标值：≥90%；年度指标值：≥90%。`,
        '就业率',
      );
      assert.equal(r.cell, `${HEAD}2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`);
      r = await accept(`${HEAD}2、2-效益指标；22-社会效益；就|实施周期指标值：≥90%；年度指标值：≥90%。`, '就业率');
      assert.equal(r.cell, `${HEAD}2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。`);
      r = await accept(`${HEAD}2、2-效益指标；22-社会效益；就|`, '就业率');
      assert.equal(r.cell, `${HEAD}2、2-效益指标；22-社会效益；就业率；实施周期指标值：`);
      assert.equal(r.item.command?.command, 'editor.action.triggerSuggest');
      // The whole name is replaced, the part after the cursor too; columns are UTF-16.
      r = await accept(
        '1、1-产出指标；11-数量指标；😀|培训；实施周期指标值：≥100人次；年度指标值：≥100人次。',
        '😀培训𠀋人次',
      );
      assert.equal(
        r.cell,
        '1、1-产出指标；11-数量指标；😀培训𠀋人次；实施周期指标值：≥100人次；年度指标值：≥100人次。',
      );
    });

    it('a label before a value that is already there', async () => {
      const r = await accept(
        '1、1-产出指标；11-数量指标；补贴惠及人次；|≥20000人次；年度指标值：≥20000人次。',
        '实施周期指标值：',
      );
      assert.equal(r.cell, HEAD);
      assert.equal(r.item.command, undefined);
    });

    it('values: a comparator before a number, a unit before the next label', async () => {
      let r = await accept(
        '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：|20000人次；年度指标值：≥20000人次。',
        '≥',
      );
      assert.equal(r.cell, HEAD);
      r = await accept(
        '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000|；年度指标值：≥20000人次。',
        '≥20000人次',
      );
      assert.equal(r.cell, HEAD);
      r = await accept(
        '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人|；年度指标值：≥20000人次。',
        '≥20000人次',
      );
      assert.equal(r.cell, HEAD);
    });

    it('the annual value from the whole-period value, after the value, after its `；` and in an empty annual value', async () => {
      const start = '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次';
      // After the value: the rest of the indicator in one item, and the annual label alone.
      let r = await accept(`${start}|${SAT}`, '；年度指标值：≥20000人次。');
      assert.equal(r.cell, `${HEAD}${SAT}`);
      assert.ok(r.list.items.some((i) => i.label === '；年度指标值：'));
      assert.ok(!r.list.items.some((i) => /^[≥≤＞＜＝]$/.test(i.label)), 'no comparator glued to a finished value');
      // After its `；`.
      r = await accept(`${start}；|${SAT}`, '年度指标值：≥20000人次。');
      assert.equal(r.cell, `${HEAD}${SAT}`);
      // In the empty annual value the snippet left: no second `。`, no second label.
      r = await accept(`${start}；年度指标值：|。${SAT}`, '≥20000人次');
      assert.equal(r.cell, `${HEAD}${SAT}`);
      r = await accept(`${start}|；年度指标值：。${SAT}`, '；年度指标值：≥20000人次');
      assert.equal(r.cell, `${HEAD}${SAT}`);
      // Over an annual value being typed.
      r = await accept(`${start}；年度指标值：≥2|0。`, '≥20000人次');
      assert.equal(r.cell, HEAD);
    });

    it('the full stop after the annual value, before the next indicator', async () => {
      const r = await accept(`${HEAD.slice(0, -1)}|${SAT}`, '。');
      assert.equal(r.cell, `${HEAD}${SAT}`);
      assert.equal(r.item.command?.command, 'editor.action.triggerSuggest');
    });

    it('the new-indicator snippet between two indicators, each placeholder filled in turn', async () => {
      // The project has output and satisfaction indicators: the snippet proposes a benefit one, number 2.
      const r = await accept(`${HEAD}|${SAT}`, '2、new indicator');
      assert.equal(r.cell, `${HEAD}2、2-效益指标；21-经济效益；；实施周期指标值：；年度指标值：。${SAT}`);
      const first = r.applied.tabstops[0];
      assert.ok(first);
      assert.deepEqual(
        parseSnippet(r.item.textEdit?.newText ?? '').flatMap((p) =>
          'options' in p && p.options.length > 1 ? [p.options] : [],
        ),
        [['21-经济效益', '22-社会效益', '23-生态效益', '24-可持续影响']],
      );
      const { cellStart } = rowWith('');
      // $1, the choice, overtyped with `2`, then a level-2 code accepted: no doubled `；`.
      const choice = r.applied.line.slice(0, first.start) + '2' + r.applied.line.slice(first.end);
      let cell = choice.slice(cellStart);
      let at = first.start - cellStart + 1;
      let step = await accept(`${cell.slice(0, at)}|${cell.slice(at)}`, '22-社会效益');
      assert.equal(step.cell, `${HEAD}2、2-效益指标；22-社会效益；；实施周期指标值：；年度指标值：。${SAT}`);
      // $2, the name.
      cell = step.cell;
      at = cell.indexOf('；；') + 1;
      step = await accept(`${cell.slice(0, at)}就|${cell.slice(at)}`, '就业率');
      assert.equal(step.cell, `${HEAD}2、2-效益指标；22-社会效益；就业率；实施周期指标值：；年度指标值：。${SAT}`);
      // $3, the whole-period value: a comparator, then a unit.
      cell = step.cell;
      at = cell.indexOf('就业率；实施周期指标值：') + '就业率；实施周期指标值：'.length;
      step = await accept(`${cell.slice(0, at)}|${cell.slice(at)}`, '≥');
      assert.equal(step.cell, `${HEAD}2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥；年度指标值：。${SAT}`);
      step = await accept(`${cell.slice(0, at)}≥90|${cell.slice(at)}`, '≥90%');
      assert.equal(step.cell, `${HEAD}2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：。${SAT}`);
      // $4, the annual value, copied.
      cell = step.cell;
      at = cell.indexOf('≥90%；年度指标值：') + '≥90%；年度指标值：'.length;
      step = await accept(`${cell.slice(0, at)}|${cell.slice(at)}`, '≥90%');
      assert.equal(
        step.cell,
        `${HEAD}2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。${SAT}`,
      );
    });

    it('an untouched snippet does not pass the check', async () => {
      const r = await accept(`${HEAD}|`, '2、new indicator');
      const next = version + 1;
      const errors = (p: PublishDiagnosticsParams) =>
        p.diagnostics.filter((x) => x.range.start.line === lineNo && x.severity === 1).map((x) => x.code);
      // This client sends no cursor: the edited cell's findings come once typing pauses.
      const published = server.nextDiagnostics(
        uri,
        (p) => p.version === next && errors(p).includes('indicator-syntax'),
      );
      await completeAt(r.applied.line, 0);
      const d = errors(await published);
      assert.ok(d.includes('indicator-syntax') && d.includes('value-missing'), JSON.stringify(d));
    });

    it('never offers the word being typed as an item of itself, nor text glued to it', async () => {
      // After `。`, typing `2`: the next indicator, not `≥20000人次。2人`.
      let list = await completeAt(rowWith(`${HEAD}2`).line, rowWith(`${HEAD}2`).line.length);
      assert.deepEqual(
        list.items.map((i) => i.label),
        ['2、new indicator', '2、'],
      );
      const { cellStart, line } = rowWith(`${HEAD}2`);
      assert.ok(
        list.items.every((i) => rangeOf(i).start === cellStart + HEAD.length && rangeOf(i).end === line.length),
      );
      // A whole code, a whole name under the cursor: not offered again.
      list = await completeAt(rowWith('1、1-产出指标').line, rowWith('1、1-产出指标').line.length);
      assert.ok(!list.items.some((i) => i.textEdit?.newText === '1-产出指标'));
      list = await completeAt(
        rowWith('1、1-产出指标；11-数量指标；就业率；实施周期指标值：').line,
        rowWith('1、1-产出指标；11-数量指标；就业率').line.length,
      );
      assert.ok(list.items.every((i) => i.textEdit?.newText !== '就业率'));
      // The three full-stop cases of a finished annual value: nothing that repeats it.
      list = await completeAt(rowWith(HEAD.slice(0, -1)).line, rowWith(HEAD.slice(0, -1)).line.length);
      assert.deepEqual(
        list.items.map((i) => i.label),
        ['。'],
      );
    });

    it('writes the file’s own half-width punctuation, in a CRLF file', async () => {
      const halfUri = 'untitled:half.jxmb';
      const half = SEEN.replace(/；/g, ';').replace(/：/g, ':');
      const halfText = `${table([unitRow('合计', ['10.00', '10.00']), unitRow('就业局', ['10.00', '10.00']), projectRow('就业补贴项目', ['10.00', '10.00'], half)]).replace(/\n/g, '\r\n')}\r\n`;
      await server.open(halfUri, halfText);
      const n = halfText.split('\r\n').length - 1;
      const marked = '1、1-产出指标;11-数量指标;😀|;实施周期指标值:;年度指标值:。';
      const { line, cellStart } = rowWith(marked.replace('|', ''));
      server.change(halfUri, 2, [
        { range: { start: { line: n, character: 0 }, end: { line: n, character: 0 } }, text: line },
      ]);
      const at = cellStart + marked.indexOf('|');
      let list = await server.connection.sendRequest<CompletionList>('textDocument/completion', {
        textDocument: { uri: halfUri },
        position: { line: n, character: at },
      });
      const name = list.items.find((i) => i.label === '😀培训𠀋人次');
      assert.ok(name);
      assert.equal(
        applyItem(line, name).line.slice(cellStart),
        '1、1-产出指标;11-数量指标;😀培训𠀋人次;实施周期指标值:;年度指标值:。',
      );
      const end = `${half.slice(0, half.indexOf('2、'))}`;
      const second = rowWith(end).line;
      server.change(halfUri, 3, [
        { range: { start: { line: n, character: 0 }, end: { line: n, character: line.length } }, text: second },
      ]);
      list = await server.connection.sendRequest<CompletionList>('textDocument/completion', {
        textDocument: { uri: halfUri },
        position: { line: n, character: second.length },
      });
      const snippet = list.items.find((i) => i.insertTextFormat === InsertTextFormat.Snippet);
      assert.ok(snippet);
      assert.equal(
        applyItem(second, snippet).line.slice(rowWith(end).cellStart),
        `${end}2、2-效益指标;21-经济效益;;实施周期指标值:;年度指标值:。`,
      );
    });
  });

  describe('a clerk typing a new project row', () => {
    it('gets at least 85 % of the indicator cell from completion, the exact row, and no error shown in the cell being typed', async function () {
      this.timeout(120000);
      const cell =
        '1、1-产出指标；11-数量指标；补贴惠及人次；实施周期指标值：≥20000人次；年度指标值：≥20000人次。' +
        '2、2-效益指标；22-社会效益；就业率；实施周期指标值：≥90%；年度指标值：≥90%。' +
        '3、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：≥95%；年度指标值：≥95%。' +
        '4、1-产出指标；12-质量指标；验收合格率；实施周期指标值：≥98%；年度指标值：≥98%。';
      const intended = projectRow('职业培训补贴项目', ['5.00', '5.00'], cell, '补贴职业培训两万人次。');
      const cellStart = intended.length - cell.length;
      const docUri = 'untitled:typing.jxmb';
      const docText = `${table(BASE_ROWS)}\n`;
      const n = docText.split('\n').length - 1;
      await server.open(docUri, docText);
      let v = 1;
      let line = '';
      let cursor = 0;
      /** Where each character of the line came from: typed ('t') or inserted by an item ('i'). */
      let origin: string[] = [];
      const errorsSeen: string[] = [];
      let keystrokes = 0;
      let accepted = 0;

      /** Sends the edit and the cursor as the extension does, then asks for completion there. */
      async function edit(
        start: number,
        end: number,
        inserted: string,
        from: 't' | 'i',
        after: number,
      ): Promise<CompletionList> {
        const old = line.slice(start, end);
        // Characters an item writes again where they already were keep where they came from.
        let p = 0;
        while (p < old.length && p < inserted.length && old[p] === inserted[p]) p++;
        let s = 0;
        while (
          s < old.length - p &&
          s < inserted.length - p &&
          old[old.length - 1 - s] === inserted[inserted.length - 1 - s]
        )
          s++;
        origin = [
          ...origin.slice(0, start + p),
          ...Array.from({ length: inserted.length - p - s }, () => from),
          ...origin.slice(end - s),
        ];
        line = line.slice(0, start) + inserted + line.slice(end);
        cursor = after;
        assert.equal(origin.length, line.length);
        server.change(docUri, ++v, [
          { range: { start: { line: n, character: start }, end: { line: n, character: end } }, text: inserted },
        ]);
        return focusAndComplete();
      }

      async function focusAndComplete(): Promise<CompletionList> {
        await server.connection.sendNotification(FocusNotification.type, { uri: docUri, line: n, character: cursor });
        const list = await server.connection.sendRequest<CompletionList | null>('textDocument/completion', {
          textDocument: { uri: docUri },
          position: { line: n, character: cursor },
        });
        // Everything sent before the answer has been handled: the publish of this version, if not
        // in yet, is made with the cursor known.
        const last = server.diagnostics.get(docUri);
        const d =
          last?.version === v
            ? last
            : await server.nextDiagnostics(docUri, (p: PublishDiagnosticsParams) => p.version === v);
        noErrorWhereTyping(d.diagnostics);
        return list ?? { isIncomplete: false, items: [] };
      }

      /** Errors shown in the indicator cell while typing in it, outside and inside the indicator at the cursor. */
      function noErrorWhereTyping(diagnostics: readonly Diagnostic[]): void {
        if (cursor < cellStart) return;
        const row = parseRow(line);
        const ind = row.indicators?.indicators.find((i) => i.span.start <= cursor && cursor <= i.span.end);
        for (const d of diagnostics) {
          if (d.severity !== 1 || d.range.start.line > n || d.range.end.line < n) continue;
          if (d.range.end.character < cellStart) continue;
          const inside = !!ind && d.range.start.character <= ind.span.end && d.range.end.character >= ind.span.start;
          errorsSeen.push(
            `${inside ? 'IN' : 'cell'} ${String(d.code)} at ${JSON.stringify(line.slice(cellStart, cursor))}|${JSON.stringify(line.slice(cursor))}`,
          );
        }
      }

      await edit(0, 0, '', 't', 0);
      let list: CompletionList | undefined;
      while (line !== intended) {
        assert.ok(keystrokes + accepted < 2000, 'the clerk is stuck');
        assert.equal(line.slice(0, cursor), intended.slice(0, cursor));
        // Tab over what a snippet already wrote right, to the next place that needs typing.
        let k = cursor;
        while (k < line.length && line[k] === intended[k]) k++;
        if (k > cursor) {
          cursor = k;
          await focusAndComplete();
          list = undefined; // moving to a placeholder opens no list
          if (line === intended) break;
        }
        const top: CompletionItem | undefined = list ? visible(list, line, cursor)[0] : undefined;
        if (top) {
          const taken = take(top);
          if (taken) {
            accepted++;
            const next = await edit(
              taken.start,
              taken.start + taken.replaced.length,
              taken.inserted,
              'i',
              taken.cursor,
            );
            list = top.command?.command === 'editor.action.triggerSuggest' ? next : undefined;
            continue;
          }
        }
        keystrokes++;
        if (process.env['DEBUG_CLERK'] && cursor >= cellStart)
          console.log(
            'typed at',
            JSON.stringify(line.slice(cellStart, cursor).slice(-25)),
            JSON.stringify(line.slice(cursor).slice(0, 20)),
            'top:',
            top?.label,
            list?.items.length,
          );
        const ch = intended.slice(cursor).match(/^[\s\S]/u)?.[0] ?? '';
        list = await edit(cursor, cursor, ch, 't', cursor + ch.length);
      }

      /** The item, applied, when it writes what the clerk means to type next (a snippet's choices picked to fit). */
      function take(item: CompletionItem): Applied | undefined {
        const { start } = rangeOf(item);
        if (item.insertTextFormat === InsertTextFormat.Snippet) {
          // The snippet fits when its text, each placeholder standing for some text, starts the
          // intended rest of the line; each choice picks the option that fits.
          const parts = parseSnippet(item.textEdit?.newText ?? '');
          const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const pattern = parts
            .map((p) =>
              'text' in p
                ? esc(p.text)
                : p.options.length > 1
                  ? `(${p.options.map(esc).join('|')})`
                  : p.tabstop === 0
                    ? ''
                    : '([^；;。]+?)',
            )
            .join('');
          const m = new RegExp(`^${pattern}`, 'u').exec(intended.slice(start));
          if (!m) return undefined;
          const choices = parts.filter((p) => !('text' in p) && p.tabstop !== 0);
          return applyItem(
            line,
            item,
            (nth) => m[1 + choices.findIndex((p) => 'tabstop' in p && p.tabstop === nth)] ?? '',
          );
        }
        const applied = applyItem(line, item);
        if (applied.cursor <= cursor || !intended.startsWith(applied.line.slice(0, applied.cursor))) return undefined;
        return applied;
      }

      const fromItems = origin.slice(cellStart).filter((o) => o === 'i').length;
      const share = fromItems / cell.length;
      console.log(
        `      indicator cell: ${cell.length} characters, ${fromItems} from ${accepted} items (${(share * 100).toFixed(1)} %), ${origin.slice(cellStart).length - fromItems} typed; ${keystrokes} keystrokes in the row`,
      );
      assert.equal(line, intended);
      assert.ok(share >= 0.85, `only ${(share * 100).toFixed(1)} % of the indicator cell came from completion`);
      assert.deepEqual(errorsSeen, []);
    });
  });
});
