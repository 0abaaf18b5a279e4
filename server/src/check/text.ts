/**
 * The command line's check: one pass, no caches. Guarantees: its findings are `checkDocument`'s as
 * a report reads them (rule, severity, place, message, project; `test/document.test.ts` holds them
 * equal), without fixes or related places; it keeps no row's results, so a 10 MB file's check holds
 * no more than its findings.
 */
import type { Finding } from '../rules/types';
import {
  Grouper,
  groupRows,
  parseRow,
  rowExtent,
  rowText,
  splitLines,
  type RowRef,
  type TargetDocument,
} from '../syntax/document';
import { checkable, checkerFor, runRowRules, type CheckOptions } from './checker';
import { checkDocumentRules } from './document';
import { mergeSorted, notIgnored, placeFindings, ReportedFinding } from './findings';
import { readsRows } from './rows';

/**
 * What `perf-target check` does with a text: one pass that parses each line and runs the row rules
 * on it while its indicator tree is at hand, then the document rules. The only check besides
 * `checkDocument`, and it exists for memory: it keeps no caches and no row's results (nothing will
 * ask again), so a 10 MB check holds its findings and nothing more. Its findings are those of
 * `checkDocument` as a report reads them (rule, severity, place, message, project; a test in
 * `test/document.test.ts` holds them equal): their fixes and related places, which only an editor
 * applies or shows, are not kept.
 */
export function checkText(
  text: string | readonly string[],
  options: CheckOptions = {},
): { doc: TargetDocument; findings: Finding[] } {
  const { config, rules } = checkerFor(options);
  const lines = typeof text === 'string' ? splitLines(text) : text;
  const rows = new Array<RowRef>(lines.length);
  let found: Finding[] = [];
  // Tables as the rows go by: a row's money unit is known when it is reached (see `Grouper`), and
  // the grouping is the document's (no second pass over the rows).
  const grouper = new Grouper();
  let sawGrid = false;
  for (let line = 0, count: number; line < lines.length; line += count) {
    count = rowExtent(lines, line);
    const row = parseRow(rowText(lines, line, count), config.maxCellLength);
    const ref: RowRef = { line, row };
    for (let k = 0; k < count; k++) rows[line + k] = ref;
    grouper.add(ref);
    sawGrid ||= row.text.includes('一级');
    if (!checkable(row)) continue;
    const results = runRowRules(row, rules, config, grouper.unit);
    if (results.length === 0) continue;
    for (const f of placeFindings(results, row, line, config, ReportedFinding)) {
      if (notIgnored(f, config, options.file)) found.push(f);
    }
  }
  // A form or a table of unknown columns is only known once its grid or its rows are seen: its
  // rows' seven-column findings go.
  const tables = sawGrid ? groupRows(rows) : grouper.finish();
  const doc: TargetDocument = { lines, rows, tables };
  if (tables.some((t) => t.layout !== 'seven-column')) found = found.filter((f) => readsRows(doc, f.line));
  found = mergeSorted(
    found,
    checkDocumentRules(doc, options).map((f) => new ReportedFinding(f.rule, f.severity, f.line, f, f.project)),
  );
  return { doc, findings: found };
}
