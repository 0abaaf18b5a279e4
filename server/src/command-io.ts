/**
 * What a command of the command line writes to and how it reads its input file, shared by the
 * commands kept outside `cli.ts` (workbooks, convert). Never throws: an unreadable file is said once
 * on standard error, in the clerk's language.
 */
import type { Bilingual } from './catalogue';

export interface CommandIo {
  out(s: string): void;
  err(s: string): void;
}

/** The text of `path` (shown as `shown`), or undefined after saying why it cannot be read. */
export function readOrSay(
  path: string,
  shown: string,
  readText: (path: string) => string,
  io: CommandIo,
  say: (t: Bilingual) => string,
  describe: (e: unknown) => Bilingual,
): string | undefined {
  try {
    return readText(path);
  } catch (e) {
    io.err(`perf-target: ${shown}: ${say(describe(e))}`);
    return undefined;
  }
}
