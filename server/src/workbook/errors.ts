/**
 * The one error the workbook modules raise: a clear one-line bilingual message. Every other
 * exception inside them (a read past a buffer's end, a zlib error) is turned into one of these at
 * the module's boundary (`readXlsx`, `importWorkbook`), so a caller never sees a stack trace.
 */
import type { Bilingual } from '../i18n';

export class WorkbookError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

/** Raises a `WorkbookError`. */
export function refuse(text: Bilingual): never {
  throw new WorkbookError(text);
}

/** The message of anything thrown while reading a workbook: ours as is, anything else as a damaged file. */
export function asWorkbookError(e: unknown): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const detail = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
  return new WorkbookError({
    zh: '工作簿已损坏或格式不对，无法读取',
    en: `the workbook is damaged or not in the expected format (${detail})`,
  });
}
