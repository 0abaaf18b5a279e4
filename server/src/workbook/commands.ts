/**
 * The command line's workbook side: `perf-target import`, `perf-target export --format xlsx`, and
 * reading a workbook for `perf-target check`. `cli.ts` only dispatches here; every message is
 * `Bilingual`, said in the clerk's language by the caller's `say`.
 */
import { readOrSay, type CommandIo } from '../command-io';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Bilingual } from '../i18n';
import { WorkbookError, refuse } from './errors';
import { exportWorkbookWithNotes, importWorkbook, type ImportedText } from './table';
import { ZIP_LIMITS } from './zip';

export { cellOfFinding } from './table';
export { WorkbookError } from './errors';

/** Files read as workbooks by `check` and `import` (`.xls` to be told to save as `.xlsx`). */
export const WORKBOOK_FILE = /\.(xlsx|xlsm|xls)$/i;
/** Workbooks a directory given to `check` contributes. */
export const WORKBOOK_IN_DIRECTORY = /\.xlsx$/i;

/** A workbook file's target text. Throws a `WorkbookError`, or the file system's error. */
export function readWorkbookText(path: string, sheet?: string): ImportedText {
  const size = statSync(path).size;
  if (size > ZIP_LIMITS.fileBytes) {
    refuse({
      zh: `工作簿文件超过 ${ZIP_LIMITS.fileBytes / 1024 / 1024} MB 上限`,
      en: `the workbook file is larger than the limit of ${ZIP_LIMITS.fileBytes / 1024 / 1024} MB`,
    });
  }
  const result = importWorkbook(readFileSync(path), sheet === undefined ? {} : { sheet });
  if (!result.ok) throw new WorkbookError(result.message);
  return result.value;
}

export type WorkbookIo = CommandIo;

const msg = {
  cannotWrite: (detail: string): Bilingual => ({ zh: `无法写入（${detail}）`, en: `cannot write (${detail})` }),
};

function write(path: string, data: string | Buffer, io: WorkbookIo, say: (t: Bilingual) => string): boolean {
  try {
    writeFileSync(path, data);
    return true;
  } catch (e) {
    io.err(
      `perf-target: ${path}: ${say(msg.cannotWrite((e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e))))}`,
    );
    return false;
  }
}

/**
 * `perf-target import BOOK.xlsx [-o FILE] [--sheet NAME]`: the text to standard output or FILE,
 * notes (hidden rows, sheets skipped) to standard error. 0, or 2 when the workbook cannot be read.
 */
export function runImport(
  path: string,
  output: string | undefined,
  sheet: string | undefined,
  io: WorkbookIo,
  say: (t: Bilingual) => string,
  describe: (e: unknown) => Bilingual,
): number {
  let imported: ImportedText;
  try {
    imported = readWorkbookText(path, sheet);
  } catch (e) {
    io.err(`perf-target: ${path}: ${say(describe(e))}`);
    return 2;
  }
  for (const note of imported.notes) io.err(`perf-target: ${path}: ${say(note)}`);
  if (output === undefined) {
    io.out(imported.text);
    return 0;
  }
  // A text file ends with a line break.
  return write(output, `${imported.text}\n`, io, say) ? 0 : 2;
}

/**
 * `perf-target export --format xlsx FILE -o BOOK.xlsx`: 0, or 2 when FILE cannot be read or BOOK
 * written; cells longer than Excel shows are mentioned on standard error (the workbook keeps them).
 */
export function runExportXlsx(
  path: string,
  shown: string,
  output: string,
  readText: (path: string) => string,
  io: WorkbookIo,
  say: (t: Bilingual) => string,
  describe: (e: unknown) => Bilingual,
): number {
  const text = readOrSay(path, shown, readText, io, say, describe);
  if (text === undefined) return 2;
  const { bytes, notes } = exportWorkbookWithNotes(text);
  for (const note of notes) io.err(`perf-target: ${output}: ${say(note)}`);
  return write(output, bytes, io, say) ? 0 : 2;
}
