/** Shared test helpers: building tables, checking them, and asserting findings by rule. */
import * as assert from 'node:assert/strict';
import { checkDocument } from '../server/src/check';
import { DEFAULT_CONFIG, type Config } from '../server/src/config';
import type { Finding, Rule, RuleExample } from '../server/src/rules/types';
import { parseDocument } from '../server/src/syntax/document';

export const HEADER = '项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标';

/** A complete target file around the given body rows. */
export function table(rows: readonly string[]): string {
  return ['项目支出绩效目标表（含转移支付项目）', '', '部门名称：测试单位', '', '单位：万元', '', HEADER, ...rows].join('\n');
}

/** Line number (0-based) of the first body row in `table(...)`. */
export const FIRST_ROW = 7;

export function check(text: string, config: Partial<Config> = {}): Finding[] {
  return checkDocument(parseDocument(text), { config: { ...DEFAULT_CONFIG, ...config }, file: undefined });
}

export function findingsOf(rule: string, rows: readonly string[], config: Partial<Config> = {}): Finding[] {
  return check(table(rows), config).filter((f) => f.rule === rule);
}

/** The text a finding underlines. */
export function underlined(text: string, f: Finding): string {
  const line = text.split(/\r\n|\r|\n/)[f.line] ?? '';
  return line.slice(f.span.start, f.span.end);
}

export interface Case {
  readonly name: string;
  readonly rows: readonly string[];
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
        assert.ok(findingsOf(rule.id, ex.rows).length > 0, `expected ${rule.id} to fire on:\n${ex.rows.join('\n')}`);
      });
    });
    rule.examples.good.forEach((ex, i) => {
      it(exampleTitle('good', i, ex), () => {
        assert.deepEqual(findingsOf(rule.id, ex.rows).map((f) => f.message.en), []);
      });
    });
    for (const c of cases) {
      it(c.name, () => {
        const text = table(c.rows);
        const found = check(text, c.config ?? {}).filter((f) => f.rule === rule.id);
        assert.deepEqual(found.map((f) => underlined(text, f)), [...c.underlines]);
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

/** Applies edits (each within one line) to a text, last first. */
export function applyEdits(text: string, edits: ReadonlyArray<{ line: number; span: { start: number; end: number }; newText: string }>): string {
  const lines = text.split('\n');
  const sorted = [...edits].sort((a, b) => b.line - a.line || b.span.start - a.span.start);
  for (const e of sorted) {
    const l = lines[e.line] ?? '';
    lines[e.line] = l.slice(0, e.span.start) + e.newText + l.slice(e.span.end);
  }
  return lines.join('\n');
}
