/** Shared test helpers: building tables, checking them, and asserting findings by rule. */
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { checkDocument } from '../server/src/check';
import { DEFAULT_CONFIG, type Config } from '../server/src/config';
import type { Finding, Rule, RuleExample } from '../server/src/rules/types';
import { parseDocument, type LinePosition } from '../server/src/syntax/document';

export const HEADER = '项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标';

/**
 * A published diagnostic's message, which LSP 3.18 allows to be markup: the server sends plain text,
 * and this holds it (and that the diagnostic is there).
 */
export function messageOf(d: { message: string | MarkupContent } | undefined): string {
  assert.ok(d, 'the diagnostic is published');
  if (typeof d.message !== 'string') assert.fail(`a plain-text message, not ${JSON.stringify(d.message)}`);
  return d.message;
}

/** A complete target file around the given body rows. */
export function table(rows: readonly string[]): string {
  return ['项目支出绩效目标表（含转移支付项目）', '', '部门名称：测试单位', '', '单位：万元', '', HEADER, ...rows].join(
    '\n',
  );
}

/** Line number (0-based) of the first body row in `table(...)`. */
export const FIRST_ROW = 7;

export function check(text: string, config: Partial<Config> = {}): Finding[] {
  return checkDocument(parseDocument(text), { config: { ...DEFAULT_CONFIG, ...config }, file: undefined });
}

export function findingsOf(rule: string, rows: readonly string[], config: Partial<Config> = {}): Finding[] {
  return check(table(rows), config).filter((f) => f.rule === rule);
}

/** The text of a rule example: a table around its rows, or an application form as it stands. */
export function exampleText(ex: RuleExample): string {
  return ex.layout === 'form' ? ex.rows.join('\n') : table(ex.rows);
}

/** The text a finding underlines (its span is of its row's text; a row may span lines). */
export function underlined(text: string, f: Finding): string {
  const ref = parseDocument(text).rows[f.line];
  return ref?.row.text.slice(f.span.start, f.span.end) ?? '';
}

export interface Case {
  readonly name: string;
  readonly rows: readonly string[];
  /** The whole text instead (an application form): `rows` are then not wrapped in a table. */
  readonly text?: string;
  readonly config?: Partial<Config>;
  /** The text each finding underlines, in order; [] for silence. */
  readonly underlines: readonly string[];
  /** Substrings every finding's Chinese and English message must contain (in order of findings). */
  readonly messages?: ReadonlyArray<{ readonly zh?: string; readonly en?: string }>;
}

function exampleTitle(kind: string, i: number, ex: RuleExample): string {
  return `${kind} example ${i + 1}${ex.note ? ` (${ex.note.en})` : ''}`;
}

/**
 * The tests every rule gets: its documented examples (each bad one fires, each good one is silent)
 * and its own cases, which pin what is underlined and what the message says.
 */
export function describeRule(rule: Rule, cases: readonly Case[]): void {
  describe(`rule ${rule.id}`, () => {
    rule.examples.bad.forEach((ex, i) => {
      it(exampleTitle('bad', i, ex), () => {
        const found = check(exampleText(ex)).filter((f) => f.rule === rule.id);
        assert.ok(found.length > 0, `expected ${rule.id} to fire on:\n${ex.rows.join('\n')}`);
      });
    });
    rule.examples.good.forEach((ex, i) => {
      it(exampleTitle('good', i, ex), () => {
        assert.deepEqual(
          check(exampleText(ex))
            .filter((f) => f.rule === rule.id)
            .map((f) => f.message.en),
          [],
        );
      });
    });
    for (const c of cases) {
      it(c.name, () => {
        const text = c.text ?? table(c.rows);
        const found = check(text, c.config ?? {}).filter((f) => f.rule === rule.id);
        assert.deepEqual(
          found.map((f) => underlined(text, f)),
          [...c.underlines],
        );
        for (const f of found) {
          assert.equal(f.severity, c.config?.rules?.[rule.id] ?? rule.defaultSeverity);
          assert.ok(f.message.zh.length > 0 && f.message.en.length > 0, 'both languages');
        }
        c.messages?.forEach((m, i) => {
          const f = found[i];
          assert.ok(f, `finding ${i}`);
          if (m.zh) assert.ok(f.message.zh.includes(m.zh), `zh message «${f.message.zh}» lacks «${m.zh}»`);
          if (m.en) assert.ok(f.message.en.includes(m.en), `en message «${f.message.en}» lacks «${m.en}»`);
        });
      });
    }
  });
}

/** Applies edits (each within one row: a span of the row starting at its line) to a text, last first. */
export function applyEdits(
  text: string,
  edits: ReadonlyArray<{ line: number; span: { start: number; end: number }; newText: string }>,
): string {
  const doc = parseDocument(text);
  // Each row's text at its first line; the other lines of a row of several lines drop out.
  const rows: Array<string | undefined> = doc.lines.map((l, i) =>
    doc.rows[i]?.line === i ? (doc.rows[i]?.row.text ?? l) : undefined,
  );
  const sorted = [...edits].sort((a, b) => b.line - a.line || b.span.start - a.span.start);
  for (const e of sorted) {
    const r = rows[e.line] ?? '';
    rows[e.line] = r.slice(0, e.span.start) + e.newText + r.slice(e.span.end);
  }
  return rows.filter((r) => r !== undefined).join('\n');
}

/**
 * HTML residue at and past the vocabulary's limits, each with whether it is residue: the row
 * splitter, the lexer, the html-residue rule and the TextMate grammar must all agree on each.
 */
export const HTML_CASES: ReadonlyArray<readonly [text: string, residue: boolean]> = [
  ['<p>', true],
  ['</span>', true],
  ['<br/>', true],
  ['<td class="x">', true],
  ['<p\u3000class="x">', true],
  [`<a${'b'.repeat(15)}>`, true],
  [`<a${'b'.repeat(16)}>`, false],
  [`<td ${'x'.repeat(300)}>`, true],
  [`<td ${'x'.repeat(301)}>`, false],
  ['&nbsp;', true],
  ['&amp;', true],
  ['&quot;', true],
  ['&#12288;', true],
  ['&#123456;', true],
  ['&#1234567;', false],
  ['&copy;', false],
  ['<1p>', false],
];

/** The text an LSP range covers in `text` (its lines joined by `\n`, as a row spanning lines is). */
export function textAt(text: string, r: { readonly start: LinePosition; readonly end: LinePosition }): string {
  const lines = text.split(/\r?\n/);
  const offset = (p: LinePosition) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return lines.join('\n').slice(offset(r.start), offset(r.end));
}
