/**
 * The workbook figures of `npm run bench` (issue 17): exporting a generated table as an .xlsx and
 * importing it back, timed in turns with the plain full check of the same text in one process, and
 * reported as ratios to that check.
 */
import { performance } from 'node:perf_hooks';
import { checkText } from '../server/src/check';
import { decode } from '../server/src/decode';
import { exportWorkbook, importWorkbook } from '../server/src/workbook/table';
import { generate } from './generate';

export interface WorkbookTimes {
  readonly mb: number;
  readonly projects: number;
  readonly bookMB: number;
  readonly checkMs: number;
  readonly exportMs: number;
  readonly importMs: number;
  /** Import and check of the workbook, as `perf-target check BOOK.xlsx` does. */
  readonly checkBookMs: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Times export, import and the full check of a generated table of `mb` MB, `runs` rounds in turns. */
export function workbookTimes(sample: string, mb: number, runs: number): WorkbookTimes {
  const text = generate(sample, mb * 1024 * 1024).replace(/\n+$/, '');
  const bytes = Buffer.from(text, 'utf8');
  let book = exportWorkbook(text);
  const t = { check: [] as number[], export: [] as number[], import: [] as number[], checkBook: [] as number[] };
  for (let i = 0; i < runs; i++) {
    let s = performance.now();
    checkText(decode(bytes).text);
    t.check.push(performance.now() - s);
    s = performance.now();
    book = exportWorkbook(text);
    t.export.push(performance.now() - s);
    s = performance.now();
    const r = importWorkbook(book);
    t.import.push(performance.now() - s);
    if (!r.ok || r.value.text !== text) throw new Error('the workbook did not give the text back');
    s = performance.now();
    checkText(r.value.text);
    t.checkBook.push(performance.now() - s + (t.import[t.import.length - 1] ?? 0));
  }
  return {
    mb: bytes.length / 1024 / 1024,
    projects: (text.match(/\n[^\t\n]*\t[^\t\n]*\t[^\t\n]*\t[^\t\n]*\t[^\t\n]*\t[^\t\n]+\t/g) ?? []).length,
    bookMB: book.length / 1024 / 1024,
    checkMs: median(t.check),
    exportMs: median(t.export),
    importMs: median(t.import),
    checkBookMs: median(t.checkBook),
  };
}
