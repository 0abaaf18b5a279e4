/**
 * Typing comfort through the real server: a clerk types a new project row character by character —
 * name, amounts, goal, indicators — once in an editor that reports its cursor after every keystroke
 * (VS Code), once in one that never does (Neovim, Helix). The cell or indicator being typed never
 * shows an error while it is typed; its findings show once the cursor leaves it, or once typing
 * pauses (so findings held back are not findings lost).
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TYPING_PAUSE_MS } from '../../server/src/lsp/typing';
import { projectRow, unitRow } from '../../server/src/rules/examples';
import { table } from '../helpers';
import { FocusNotification } from '../../server/src/protocol';
import { useServer } from './harness';

const TEXT = table([
  unitRow('合计', ['3.00', '3.00']),
  unitRow('单位', ['3.00', '3.00']),
  projectRow('就业项目', ['3.00', '3.00']),
]);
const LINES = TEXT.split('\n');
/** The new row goes below the last one. */
const ROW = LINES.length;

// Errors on purpose: the total is not the sum (total-mismatch on 总计), and each indicator's
// level-2 code does not match its name (code-name-mismatch).
const NAME = '新项目';
const AMOUNTS = ['2.00', '1.00', '', ''];
const GOAL = '促进就业。';
const IND1 = '1、1-产出指标；12-数量指标；培训人次；实施周期指标值：≥100人次；年度指标值：≥100人次。';
const IND2 = '2、2-效益指标；21-社会效益；培训后就业率；实施周期指标值：≥90%；年度指标值：≥90%。';
const TYPED = [NAME, ...AMOUNTS, GOAL, IND1 + IND2].join('\t');
const GOAL_START = TYPED.indexOf(GOAL);
const IND_START = TYPED.indexOf(IND1);
const IND2_START = IND_START + IND1.length;

/**
 * Where the place being typed begins when the cursor stands at `c` (just after the character typed
 * last): the cell, in the amounts the first amount cell (the four amounts go together), in the
 * indicator cell the indicator.
 */
function unitStart(c: number): number {
  const cell = TYPED.slice(0, c).split('\t').length - 1;
  if (cell === 0) return 0;
  if (cell <= 4) return NAME.length + 1;
  if (cell === 5) return GOAL_START;
  return c <= IND2_START ? IND_START : IND2_START;
}

const errorsOnRow = (p: PublishDiagnosticsParams): Diagnostic[] =>
  p.diagnostics.filter((d) => d.severity === 1 && d.range.start.line === ROW);

interface Keystroke {
  readonly version: number;
  readonly cursor: number;
  readonly sentAt: number;
}

/** Publishes with an error inside the place being typed when they were made (`[]`: none). */
function violations(
  publishes: ReadonlyArray<{ p: PublishDiagnosticsParams; at: number }>,
  keystrokes: ReadonlyMap<number, Keystroke>,
  withinMs = Infinity,
): string[] {
  const out: string[] = [];
  for (const { p, at } of publishes) {
    const k = p.version === undefined ? undefined : keystrokes.get(p.version);
    if (!k || at - k.sentAt >= withinMs) continue;
    const start = unitStart(k.cursor);
    for (const d of errorsOnRow(p)) {
      if (d.range.end.character > start)
        out.push(
          `v${p.version} cursor ${k.cursor} (unit from ${start}): ${String(d.code)} at ${d.range.start.character}–${d.range.end.character}`,
        );
    }
  }
  return out;
}

const shows = (p: PublishDiagnosticsParams, code: string, from = 0) =>
  errorsOnRow(p).some((d) => d.code === code && d.range.start.character >= from);

describe('language server: typing comfort', function () {
  this.timeout(60000);
  // A server per test: one that has heard a cursor report takes its client for one that sends them.
  const server = useServer({}, { perTest: true });

  /** Opens the table and adds an empty line below it for the new row; returns the next version. */
  async function openWithEmptyRow(uri: string): Promise<number> {
    await server.open(uri, TEXT);
    const last = LINES[LINES.length - 1] ?? '';
    const next = server.nextDiagnostics(uri, (p) => p.version === 2);
    server.change(uri, 2, [
      {
        range: { start: { line: ROW - 1, character: last.length }, end: { line: ROW - 1, character: last.length } },
        text: '\n',
      },
    ]);
    await next;
    return 3;
  }

  it('with the cursor reported after each keystroke, shows no error in the cell or indicator being typed until the cursor leaves it', async () => {
    const uri = 'untitled:typed-with-focus';
    let version = await openWithEmptyRow(uri);
    const focus = (line: number, character: number) =>
      server.connection.sendNotification(FocusNotification.type, { uri, line, character });
    await focus(ROW, 0);
    const publishes: Array<{ p: PublishDiagnosticsParams; at: number }> = [];
    const stop = server.onDiagnostics((p) => {
      if (p.uri === uri) publishes.push({ p, at: Date.now() });
    });
    const keystrokes = new Map<number, Keystroke>();
    for (let c = 0; c < TYPED.length; c++) {
      const v = version++;
      keystrokes.set(v, { version: v, cursor: c + 1, sentAt: Date.now() });
      const published = server.nextDiagnostics(uri, (p) => p.version === v);
      server.change(uri, v, [
        { range: { start: { line: ROW, character: c }, end: { line: ROW, character: c } }, text: TYPED[c] ?? '' },
      ]);
      await focus(ROW, c + 1);
      await published;
    }
    stop();
    // The cursor leaves the row: the last indicator's finding shows.
    const left = server.nextDiagnostics(uri, (p) => shows(p, 'code-name-mismatch', IND2_START));
    await focus(0, 0);
    const after = await left;
    assert.deepEqual(violations(publishes, keystrokes), []);
    assert.ok(publishes.length >= TYPED.length, `${publishes.length} publishes`);
    // Findings of the cells left behind show while the next ones are typed.
    const typedAt = (p: PublishDiagnosticsParams) => keystrokes.get(p.version ?? -1)?.cursor ?? -1;
    assert.ok(
      publishes.some(({ p }) => typedAt(p) > GOAL_START && typedAt(p) < IND_START && shows(p, 'total-mismatch')),
      'total-mismatch once the amounts are left',
    );
    assert.ok(
      publishes.some(({ p }) => typedAt(p) > IND2_START + 1 && shows(p, 'code-name-mismatch')),
      'the first indicator’s finding while the second is typed',
    );
    assert.deepEqual(
      errorsOnRow(after)
        .map((d) => d.code)
        .sort(),
      ['code-name-mismatch', 'code-name-mismatch', 'total-mismatch'],
    );
  });

  it('without cursor reports, shows no error in the cell being typed while keystrokes come faster than the pause, and shows it after the pause', async () => {
    const uri = 'untitled:typed-without-focus';
    let version = await openWithEmptyRow(uri);
    const publishes: Array<{ p: PublishDiagnosticsParams; at: number }> = [];
    const stop = server.onDiagnostics((p) => {
      if (p.uri === uri) publishes.push({ p, at: Date.now() });
    });
    const keystrokes = new Map<number, Keystroke>();
    const INTERVAL_MS = 50;
    let lastSent = 0;
    for (let c = 0; c < TYPED.length; c++) {
      const v = version++;
      lastSent = Date.now();
      keystrokes.set(v, { version: v, cursor: c + 1, sentAt: lastSent });
      server.change(uri, v, [
        { range: { start: { line: ROW, character: c }, end: { line: ROW, character: c } }, text: TYPED[c] ?? '' },
      ]);
      await new Promise((r) => setTimeout(r, INTERVAL_MS));
    }
    const lastVersion = version - 1;
    // After the pause, the findings of the indicator typed last.
    const paused = await server.nextDiagnostics(
      uri,
      (p) => p.version === lastVersion && shows(p, 'code-name-mismatch', IND2_START),
      TYPING_PAUSE_MS + 10000,
    );
    const waited = Date.now() - lastSent;
    stop();
    // A publish made after the server saw a pause (this process stalled past it) may show them.
    assert.deepEqual(violations(publishes, keystrokes, TYPING_PAUSE_MS), []);
    assert.ok(waited >= TYPING_PAUSE_MS - INTERVAL_MS, `the held findings came ${waited} ms after the last keystroke`);
    const typedAt = (p: PublishDiagnosticsParams) => keystrokes.get(p.version ?? -1)?.cursor ?? -1;
    // The row rules still publish at once: findings of the cells left behind show while typing on.
    assert.ok(
      publishes.some(({ p }) => typedAt(p) > GOAL_START && typedAt(p) < IND_START && shows(p, 'total-mismatch')),
      'total-mismatch once the amounts are left',
    );
    assert.ok(
      publishes.some(
        ({ p }) => typedAt(p) > IND2_START + 1 && typedAt(p) < TYPED.length && shows(p, 'code-name-mismatch'),
      ),
      'the first indicator’s finding while the second is typed',
    );
    assert.deepEqual(
      errorsOnRow(paused)
        .map((d) => d.code)
        .sort(),
      ['code-name-mismatch', 'code-name-mismatch', 'total-mismatch'],
    );
    // Far fewer publishes than keystrokes showed a new error on the row being typed.
    let before = new Set<string>();
    let fresh = 0;
    for (const { p } of publishes) {
      const now = new Set(errorsOnRow(p).map((d) => `${String(d.code)}@${d.range.start.character}`));
      if ([...now].some((k) => !before.has(k))) fresh++;
      before = now;
    }
    assert.ok(fresh <= 5, `${fresh} publishes brought a new error`);
  });
});
