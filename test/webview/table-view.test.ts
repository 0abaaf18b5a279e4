/**
 * The table view's page (`dist/table-view.js`) in a real headless Chromium, fed the server's model
 * of the sample (and of a 12 000-project table) as the extension feeds it, with a fake
 * `acquireVsCodeApi` recording what the page posts: rows rendered with their findings, only the
 * lines in sight in the page, a click posting the exact range, the filter, an update patching only
 * the changed row, the editor's cursor followed, keyboard navigation.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../bench/generate';
import { childrenOf, level1Codes } from '../../server/src/catalogue';
import { checkDocument } from '../../server/src/check';
import { outlineSteps, tableRows, type TableSource } from '../../server/src/lsp/table-model';
import type { TableOutlineResult } from '../../server/src/protocol';
import type { Finding } from '../../server/src/rules/types';
import { runAll } from '../../server/src/steps';
import { parseDocument } from '../../server/src/syntax/document';
import type { FromView, ToView, ViewFormStrings, ViewStrings } from '../../client/src/table-messages';
import { Browser, CHROMIUM, hasChromium } from './chromium';

const root = join(__dirname, '..', '..', '..');
const sample = readFileSync(join(root, 'seeds', '000_5e46737169912d50.txt'), 'utf8');
const SEVERITY = { error: 0, warning: 1, information: 2, hint: 3 } as const;

function sourceOf(text: string, uri: string, check = true, version = 1): TableSource {
  const doc = parseDocument(text);
  const byLine = new Map<number, Finding[]>();
  const totals = [0, 0, 0, 0];
  for (const f of check ? checkDocument(doc) : []) {
    byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
    totals[SEVERITY[f.severity]] = (totals[SEVERITY[f.severity]] ?? 0) + 1;
  }
  return {
    uri,
    version,
    doc,
    count: (line, s) => (byLine.get(line) ?? []).filter((f) => SEVERITY[f.severity] === s).length,
    totals,
    findingsAt: (line) => byLine.get(line) ?? [],
  };
}

const STRINGS: ViewStrings = {
  columns: ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金'],
  indicatorColumns: ['序号', '一级指标', '二级指标', '指标名称', '实施周期指标值', '年度指标值'],
  goal: '绩效目标',
  total: '总计',
  summary: '{0} 个项目 · {1} 个指标 · {2} 个错误 · {3} 个警告 · {4} 个提示',
  onlyFindings: '只显示有问题的行',
  unit: '单位：',
  department: '部门：',
  year: '年度：',
  difference: '差额',
  share: '占本单位总计的 {0}',
  loading: '加载中…',
  empty: '不是绩效目标表。',
  expand: '展开',
  collapse: '折叠',
  errors: '错误',
  warnings: '警告',
  notes: '提示',
  unitNotStated: '（未注明，按万元读）',
};

const FORM_STRINGS: ViewFormStrings = {
  columns: {
    level1: '一级指标',
    level2: '二级指标',
    name: '三级指标',
    nature: '指标性质',
    direction: '指标方向',
    comparator: '运算符号',
    value: '指标值',
    period: '实施期指标值',
    annual: '年度指标值',
    unit: '计量单位',
    weight: '分值',
    standard: '绩效标准',
    explanation: '指标解释',
    note: '备注',
  },
  department: '预算单位',
  period: '实施期',
  periodGoal: '实施期绩效目标',
  annualGoal: '年度绩效目标',
  goal: '绩效目标',
  carried: '合并单元格：写在第 {0} 行',
};

describe('the table view’s strings', () => {
  it('every string of the table view has a Chinese translation', () => {
    const client = readFileSync(join(root, 'client', 'src', 'table-view.ts'), 'utf8');
    const zh = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const used = [...client.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1] ?? '');
    assert.ok(used.includes('Level 3') && used.includes('Merged cell: written on line {0}'));
    for (const s of used) assert.ok(zh[s], `l10n/bundle.l10n.zh-cn.json lacks “${s}”`);
  });
});

describe('the table view’s page in Chromium', function () {
  this.timeout(120000);
  let browser: Browser;
  let dir: string;
  let src: TableSource;
  let outline: TableOutlineResult;
  /** Everything the page posted, in order. */
  const posted: FromView[] = [];

  before(async () => {
    // `npm test` installs Chromium first (`out/test/e2e/run.js --system-deps`): a page test that
    // cannot run fails rather than passing unseen.
    assert.ok(
      hasChromium(),
      `the table view's page tests need Chromium at ${CHROMIUM}: node out/test/e2e/run.js --system-deps`,
    );
    dir = mkdtempSync(join(tmpdir(), 'perf-target-webview-'));
    const dist = (f: string) => pathToFileURL(join(root, 'dist', f)).toString();
    writeFileSync(
      join(dir, 'index.html'),
      `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${dist('table-view-style.css')}">
<script>
window.__posted = [];
window.__state = undefined;
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => window.__state, setState: (s) => { window.__state = s; } });
</script></head><body><script src="${dist('table-view.js')}"></script></body></html>`,
    );
    browser = await Browser.launch(1000, 600);
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const send = (m: ToView) => browser.evaluate(`window.postMessage(${JSON.stringify(m)}, '*')`);
  /** Takes what the page posted since, answering its requests for rows from `src`. */
  async function pump(): Promise<FromView[]> {
    const got = await browser.evaluate<FromView[]>('window.__posted.splice(0)');
    for (const m of got) {
      posted.push(m);
      if (m.type === 'rows' && m.version === src.version) {
        const r = tableRows(src, m.from, m.to, 'zh-cn');
        await send({ type: 'rows', version: r.version, rows: r.rows });
      }
    }
    return got;
  }
  /** Pumps until the page asks for nothing more (its window is complete). */
  async function settle(): Promise<void> {
    for (let quiet = 0; quiet < 3;) {
      const got = await pump();
      quiet = got.length === 0 ? quiet + 1 : 0;
      await new Promise((r) => setTimeout(r, 40));
    }
  }
  const count = (selector: string) =>
    browser.evaluate<number>(`document.querySelectorAll(${JSON.stringify(selector)}).length`);

  async function load(source: TableSource, strings: ViewStrings = STRINGS): Promise<void> {
    src = source;
    outline = runAll(outlineSteps(src, 'zh-cn'));
    posted.length = 0;
    await browser.goto(pathToFileURL(join(dir, 'index.html')).toString());
    await browser.until(
      'ready',
      async () => (await pump()).some((m) => m.type === 'ready') || posted.some((m) => m.type === 'ready'),
    );
    const codes = {
      level1: level1Codes().map((c) => `${c.code}-${c.name}`),
      level2: Object.fromEntries(
        level1Codes().map((c) => [c.code, childrenOf(c.code).map((k) => `${k.code}-${k.name}`)]),
      ),
    };
    await send({
      type: 'init',
      strings,
      settings: { scrollViewWithEditor: true, scrollEditorWithView: true },
      locale: 'zh-cn',
      codes,
    });
    await send({ type: 'outline', outline });
    await settle();
  }

  it('renders the sample: summary, heading with the money unit, units, projects, goals and indicators with their findings', async () => {
    await load(sourceOf(sample, 'file:///sample.jxmb'));
    const summary = await browser.evaluate<string>("document.getElementById('summary').textContent");
    assert.match(
      summary,
      new RegExp(
        `^${outline.summary.projects} 个项目 · ${outline.summary.indicators} 个指标 · ${outline.summary.counts[0]} 个错误`,
      ),
    );
    assert.match(await browser.evaluate<string>("document.querySelector('.line.table').textContent"), /单位：万元/);
    assert.equal(await count('.line.table svg rect'), outline.tables[0]?.units.length);
    assert.ok((await count('.line.unit')) >= 1);
    assert.ok((await count('.line.project')) >= 3);
    assert.ok((await count('.line.indicator .cell.value')) >= 4, 'indicator values are drawn once the rows came');
    assert.equal(await count('.loading'), 0, 'every line in sight has its row');
    // 就业补助资金's annual value glues two targets: an error on that cell, its message on hover.
    const glued = await browser.evaluate<{ cls: string; title: string } | null>(`(() => {
      const c = [...document.querySelectorAll('.line.indicator .cell.value')].find((e) => e.textContent.startsWith('≥20000人次≥45000人次'));
      return c ? { cls: c.className, title: c.title } : null; })()`);
    assert.ok(glued);
    assert.match(glued.cls, /f-error/);
    assert.match(glued.title, /定量/);
    // Amounts right-aligned in the money unit.
    assert.equal(
      await browser.evaluate<string>("getComputedStyle(document.querySelector('.line.project .amount')).textAlign"),
      'right',
    );
    assert.deepEqual(browser.problems, []);
    // PERF_TARGET_WEBVIEW_SHOT=file.png: a picture of the page (no theme: the browser's defaults).
    const shot = process.env['PERF_TARGET_WEBVIEW_SHOT'];
    if (shot)
      writeFileSync(
        shot,
        Buffer.from((await browser.page<{ data: string }>('Page.captureScreenshot', { format: 'png' })).data, 'base64'),
      );
  });

  it('a click on an indicator’s value posts the exact range of that value', async () => {
    const r = tableRows(src, 0, outline.projects.length, 'zh-cn').rows.find((x) => x.name.text === '就业补助资金');
    const value = r?.indicators[0]?.annual;
    assert.ok(value);
    const box = await browser.evaluate<{ x: number; y: number }>(`(() => {
      const c = [...document.querySelectorAll('.line.indicator .cell.value')].find((e) => e.textContent === ${JSON.stringify(value.text)});
      const b = c.getBoundingClientRect(); return { x: b.left + 5, y: b.top + b.height / 2 }; })()`);
    await browser.click(box.x, box.y);
    const got = await browser.until('a reveal', async () => (await pump()).find((m) => m.type === 'reveal'));
    assert.deepEqual(got, { type: 'reveal', range: value.range });
  });

  it('a right-click on a cell with a finding asks for its quick fixes at the finding’s place', async () => {
    const r = tableRows(src, 0, outline.projects.length, 'zh-cn').rows.find((x) => x.name.text === '就业补助资金');
    const value = r?.indicators[0]?.annual;
    const finding = value?.findings?.[0];
    assert.ok(value && finding);
    const box = await browser.evaluate<{ x: number; y: number }>(`(() => {
      const c = [...document.querySelectorAll('.line.indicator .cell.value')].find((e) => e.textContent === ${JSON.stringify(value.text)});
      const b = c.getBoundingClientRect(); return { x: b.left + 5, y: b.top + b.height / 2 }; })()`);
    await browser.page('Input.dispatchMouseEvent', {
      type: 'mousePressed',
      x: box.x,
      y: box.y,
      button: 'right',
      clickCount: 1,
    });
    await browser.page('Input.dispatchMouseEvent', {
      type: 'mouseReleased',
      x: box.x,
      y: box.y,
      button: 'right',
      clickCount: 1,
    });
    const got = await browser.until('a request for fixes', async () => (await pump()).find((m) => m.type === 'fixes'));
    assert.deepEqual(got, { type: 'fixes', range: finding.range });
  });

  it('the filter keeps only rows with findings', async () => {
    const all = await count('.line.project');
    await browser.evaluate("document.getElementById('only-findings').click()");
    await settle();
    const names = await browser.evaluate<string[]>(
      "[...document.querySelectorAll('.line.project .cell.name')].map((e) => e.textContent)",
    );
    const withFindings = new Set(outline.projects.filter((p) => p.counts.some((n) => n > 0)).map((p) => p.name));
    assert.ok(names.length > 0 && names.length <= all);
    for (const n of names) assert.ok(withFindings.has(n), n);
    await browser.evaluate("document.getElementById('only-findings').click()");
    await settle();
    assert.equal(await count('.line.project'), all);
  });

  it('an update patches only the changed row: the other lines keep their elements', async () => {
    await browser.evaluate("document.querySelectorAll('.line').forEach((e) => { e.__kept = true; })");
    const before = await count('.line');
    // The server's answer after an edit of one project: a new version, that project's key changed.
    const target = 1;
    const edited: TableOutlineResult = {
      ...outline,
      version: outline.version + 1,
      projects: outline.projects.map((p, i) =>
        i === target ? { ...p, name: `${p.name}（改）`, key: `${p.key}*` } : p,
      ),
    };
    src = { ...src, version: edited.version };
    outline = edited;
    await send({ type: 'outline', outline: edited });
    const asked = await browser.until('the changed row asked for', async () =>
      (await pump()).find((m) => m.type === 'rows'),
    );
    assert.ok(asked.type === 'rows' && asked.from <= target && asked.to > target && asked.version === edited.version);
    await settle();
    const fresh = await browser.evaluate<string[]>(
      "[...document.querySelectorAll('.line')].filter((e) => !e.__kept).map((e) => e.dataset.sig)",
    );
    assert.ok(fresh.length > 0, 'the changed project was drawn again');
    assert.ok(fresh.length < before, `${fresh.length} of ${before} lines drawn again`);
    for (const sig of fresh) assert.match(sig, new RegExp(`^(po|pc|g|i[0-9]+):${target}\\|`), sig);
  });

  it('follows the editor’s cursor (the row highlighted and revealed) and moves with the keyboard', async () => {
    const p = outline.projects[outline.projects.length - 1];
    assert.ok(p);
    await send({ type: 'cursor', line: p.line, character: 1 });
    await browser.until('the selected row', () =>
      browser.evaluate<boolean>(
        `document.querySelector('.line.selected .cell.name')?.textContent === ${JSON.stringify(p.name)}`,
      ),
    );
    await browser.evaluate("document.getElementById('scroller').focus()");
    await browser.press('ArrowDown', 'ArrowDown', 40);
    await settle();
    const next = await browser.evaluate<string>("document.querySelector('.line.selected').className");
    assert.match(next, /goal|indicator/);
    await browser.press('Enter', 'Enter', 13);
    const reveal = await browser.until('a reveal', async () => (await pump()).find((m) => m.type === 'reveal'));
    assert.ok(reveal.type === 'reveal' && reveal.range.start.line >= p.line);
  });

  it('edits in place: a double-click opens an input, Enter posts the edit of that span; codes are chosen under their parent', async () => {
    await load(sourceOf(sample, 'file:///sample.jxmb'));
    const r = tableRows(src, 0, outline.projects.length, 'zh-cn').rows.find((x) => x.name.text === '就业补助资金');
    const value = r?.indicators[0]?.period;
    assert.ok(value && r);
    const at = (text: string, selector: string) =>
      browser.evaluate<{ x: number; y: number }>(`(() => {
      const c = [...document.querySelectorAll(${JSON.stringify(selector)})].find((e) => e.textContent === ${JSON.stringify(text)});
      const b = c.getBoundingClientRect(); return { x: b.left + 5, y: b.top + b.height / 2 }; })()`);
    const box = await at(value.text, '.line.indicator .cell.value');
    await browser.page('Input.dispatchMouseEvent', {
      type: 'mousePressed',
      x: box.x,
      y: box.y,
      button: 'left',
      clickCount: 2,
    });
    await browser.page('Input.dispatchMouseEvent', {
      type: 'mouseReleased',
      x: box.x,
      y: box.y,
      button: 'left',
      clickCount: 2,
    });
    await browser.until('the input', () =>
      browser.evaluate<boolean>("document.activeElement?.classList.contains('editor')"),
    );
    await browser.page('Input.insertText', { text: '≥21000人次' });
    await browser.press('Enter', 'Enter', 13);
    const edit = await browser.until('the edit', async () => (await pump()).find((m) => m.type === 'edit'));
    assert.deepEqual(edit, {
      type: 'edit',
      version: outline.version,
      range: value.range,
      old: value.text,
      text: '≥21000人次',
    });
    // A level-2 code: the catalogue's codes under 1 (产出指标), the written one chosen.
    const level2 = r.indicators[0]?.level2;
    assert.ok(level2);
    const code = await at(level2.text, '.line.indicator .cell.level2');
    await browser.page('Input.dispatchMouseEvent', {
      type: 'mousePressed',
      x: code.x,
      y: code.y,
      button: 'left',
      clickCount: 2,
    });
    await browser.page('Input.dispatchMouseEvent', {
      type: 'mouseReleased',
      x: code.x,
      y: code.y,
      button: 'left',
      clickCount: 2,
    });
    const options = await browser.until('the choice', () =>
      browser.evaluate<string[] | null>(
        "(() => { const s = document.querySelector('select.editor'); return s ? [...s.options].map((o) => o.value) : null; })()",
      ),
    );
    assert.deepEqual(
      options,
      childrenOf('1').map((k) => `${k.code}-${k.name}`),
    );
    await browser.press('Escape', 'Escape', 27);
    assert.equal(await count('select.editor'), 0);
  });

  it('12 000 projects: only the lines in sight are in the page, also after scrolling to the middle', async () => {
    const big = sourceOf(generate(sample, 10 * 1024 * 1024), 'file:///big.jxmb', false);
    const started = Date.now();
    await load(big);
    const openMs = Date.now() - started;
    assert.ok(outline.projects.length > 10000);
    const lines = await count('.line:not(.heads)');
    assert.ok(lines > 10 && lines < 120, `${lines} lines in the page`);
    await browser.evaluate(
      "(() => { const s = document.getElementById('scroller'); s.scrollTop = s.scrollHeight / 2; })()",
    );
    await new Promise((r) => setTimeout(r, 100));
    await settle();
    const middle = await browser.evaluate<number[]>(
      "[...document.querySelectorAll('.line.project')].map((e) => Number(e.dataset.sig.split('|')[0].split(':')[1]))",
    );
    assert.ok(middle.length > 0 && Math.min(...middle) > 3000, `projects ${middle.join(',')}`);
    assert.ok((await count('.line:not(.heads)')) < 120);
    assert.equal(await count('.loading'), 0);
    const asked = posted.filter((m) => m.type === 'rows');
    for (const m of asked) if (m.type === 'rows') assert.ok(m.to - m.from <= 200, `asked for ${m.to - m.from} rows`);
    console.log(
      `      ${outline.projects.length} projects: page ready in ${openMs} ms (outline built, sent and drawn)`,
    );
  });

  it('an application form: its details, its grid under the form’s columns, merged cells carried, findings, clicks and edits', async () => {
    const form = (name: string) => [
      '2024年项目支出绩效目标申报表',
      '填报单位：（盖章）  单位：万元',
      `项目名称\t${name}\t主管部门\t某市城市管理局`,
      '项目资金\t资金总额\t120',
      '\t其中：财政拨款\t100',
      '\t其他资金\t20',
      '实施期\t2024.01-2024.12',
      '年度绩效目标\t完成主次干道清扫保洁，垃圾日产日清',
      '一级指标\t二级指标\t三级指标\t运算符号\t指标值\t计量单位\t分值\t备注',
      '产出指标\t数量指标\t清扫保洁面积\t≥\t300\t万平方米\t40\t',
      '\t质量指标\t垃圾清运率\t=\t≥60%\t%\t30\t',
      '\t时效指标\t完成时间\t≤\t12\t月\t20\t',
      '效益指标\t满意度指标\t群众满意度\t≥\t90\t%\t20\t抽样调查',
    ];
    const text = [...form('城乡环卫一体化运营'), '', ...form('公厕管护')].join('\r\n');
    await load(sourceOf(text, 'file:///form.jxmb'), { ...STRINGS, form: FORM_STRINGS });
    assert.deepEqual(
      await browser.evaluate<string[]>(
        "[...document.querySelectorAll('.line.project .cell.name')].map((e) => e.textContent)",
      ),
      ['城乡环卫一体化运营', '公厕管护'],
    );
    assert.equal(await count('.loading'), 0, 'every line in sight has its row');
    assert.equal(await count('.line.detail'), 12);
    assert.equal(await count('.line.indicator.form'), 8);
    // The details: the form's own labels, amounts indented by depth, in the money unit.
    const details = await browser.evaluate<string[][]>(
      "[...document.querySelectorAll('.line.detail')].slice(0, 6).map((e) => [...e.children].map((c) => c.className.includes('depth-1') ? '  ' + c.textContent : c.textContent))",
    );
    assert.deepEqual(details, [
      ['主管部门', '某市城市管理局'],
      ['实施期', '2024.01-2024.12'],
      ['资金总额', '120.00'],
      ['  其中：财政拨款', '100.00'],
      ['  其他资金', '20.00'],
      ['年度绩效目标', '完成主次干道清扫保洁，垃圾日产日清'],
    ]);
    // The grid's column names, and each row's cells under them.
    const grid = await browser.evaluate<
      Array<{ cells: string[]; lefts: number[] }>
    >(`[...document.querySelectorAll('.line.form-head, .line.indicator.form')].slice(0, 5).map((e) => {
        const cells = [...e.children].slice(1);
        return { cells: cells.map((c) => c.textContent), lefts: cells.map((c) => Math.round(c.getBoundingClientRect().left)) };
      })`);
    assert.deepEqual(
      grid.map((g) => g.cells),
      [
        ['一级指标', '二级指标', '三级指标', '运算符号', '指标值', '计量单位', '分值', '备注'],
        ['产出指标', '数量指标', '清扫保洁面积', '≥', '300', '万平方米', '40', ''],
        ['产出指标', '质量指标', '垃圾清运率', '=', '≥60%', '%', '30', ''],
        ['产出指标', '时效指标', '完成时间', '≤', '12', '月', '20', ''],
        ['效益指标', '满意度指标', '群众满意度', '≥', '90', '%', '20', '抽样调查'],
      ],
    );
    for (const g of grid) assert.deepEqual(g.lefts, grid[0]?.lefts, 'the cells stand under their column names');
    // The merged 一级 cell is carried down, dimmed, saying where it is written.
    const carried = await browser.evaluate<string[]>(
      "[...document.querySelectorAll('.line.indicator.form .cell.carried')].map((e) => e.textContent + '|' + e.title)",
    );
    assert.deepEqual(carried.slice(0, 2), ['产出指标|合并单元格：写在第 10 行', '产出指标|合并单元格：写在第 10 行']);
    // Findings on their cells: 满意度指标 under 效益指标.
    const level2 = await browser.evaluate<{ cls: string; title: string } | null>(`(() => {
      const c = [...document.querySelectorAll('.line.indicator.form .cell.fc-level2')].find((e) => e.textContent === '满意度指标');
      return c ? { cls: c.className, title: c.title } : null; })()`);
    assert.ok(level2);
    assert.match(level2.cls, /finding f-(error|warning)/);
    assert.match(level2.title, /效益指标/);
    assert.ok((await count('.line.indicator.form .finding')) >= 4);
    // A click on a cell reveals exactly it; a double-click edits it in place.
    const row = tableRows(src, 0, 1, 'zh-cn').rows[0];
    const name = row?.form?.indicators[0]?.cells.name;
    const value = row?.form?.indicators[0]?.cells.value;
    assert.ok(name && value);
    const at = (text: string, selector: string) =>
      browser.evaluate<{ x: number; y: number }>(`(() => {
      const c = [...document.querySelectorAll(${JSON.stringify(selector)})].find((e) => e.textContent === ${JSON.stringify(text)});
      const b = c.getBoundingClientRect(); return { x: b.left + 5, y: b.top + b.height / 2 }; })()`);
    const box = await at(name.text, '.line.indicator.form .cell');
    await browser.click(box.x, box.y);
    const reveal = await browser.until('a reveal', async () => (await pump()).find((m) => m.type === 'reveal'));
    assert.deepEqual(reveal, { type: 'reveal', range: name.range });
    const v = await at(value.text, '.line.indicator.form .cell.value');
    for (const type of ['mousePressed', 'mouseReleased'])
      await browser.page('Input.dispatchMouseEvent', { type, x: v.x, y: v.y, button: 'left', clickCount: 2 });
    await browser.until('the input', () =>
      browser.evaluate<boolean>("document.activeElement?.classList.contains('editor')"),
    );
    await browser.page('Input.insertText', { text: '350' });
    await browser.press('Enter', 'Enter', 13);
    const edit = await browser.until('the edit', async () => (await pump()).find((m) => m.type === 'edit'));
    assert.deepEqual(edit, { type: 'edit', version: outline.version, range: value.range, old: '300', text: '350' });
    // The editor's cursor on 垃圾清运率's row selects that grid line.
    await send({ type: 'cursor', line: 10, character: 6 });
    await browser.until('the selected grid line', () =>
      browser.evaluate<boolean>(
        "document.querySelector('.line.selected')?.textContent.includes('垃圾清运率') === true",
      ),
    );
    assert.deepEqual(browser.problems, []);
  });

  it('says so when the document is no target table', async () => {
    await send({ type: 'empty' });
    await browser.until('the message', () =>
      browser.evaluate<boolean>("document.getElementById('summary').textContent.includes('不是绩效目标表')"),
    );
    assert.equal(await count('.line:not(.heads)'), 0);
  });
});
