/**
 * The `perf-target` command line:
 *
 *   perf-target check [--format text|json] [--notes] [--locale zh|en] [--config FILE] [--exit-zero] PATH...
 *   perf-target export [--format json] FILE
 *   perf-target export --format xlsx FILE -o BOOK.xlsx
 *   perf-target import BOOK.xlsx [-o FILE] [--sheet NAME]
 *   perf-target convert [--to seven-column|form] [--format text|json] [-o OUT] FILE
 *   perf-target rules [--locale zh|en]
 *
 * Every message is in the clerk's language (`resolveLocale`: `--locale`, `LC_ALL`, `LC_MESSAGES`,
 * `LANG`, `LANGUAGE`, the system's). Exit codes: 0 no error-severity finding, 1 at least one, 2 a
 * usage, file or settings problem or no target file found (the other files are still checked).
 * Messages are one line, never a stack trace. `-` reads standard input.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, countSeverities, describeCounts } from './check';
import { CONFIG_FILE } from './config';
import { BinaryFileError, decode, looksLikeTargetTable } from './decode';
import { exportDocument } from './export';
import { runConvert, type ConvertTarget } from './convert';
import { localize, parseLocaleFlag, resolveLocale, systemLocale, type Bilingual, type Locale } from './i18n';
import { RULES } from './rules';
import type { Finding, Severity } from './rules/types';
import { SettingsResolver } from './settings';
import { didYouMean } from './suggest';
import { parseDocument, placeOf } from './syntax/document';
import {
  cellOfFinding,
  readWorkbookText,
  runExportXlsx,
  runImport,
  WORKBOOK_FILE,
  WORKBOOK_IN_DIRECTORY,
  WorkbookError,
} from './workbook/commands';

const VERSION = '0.1.0';

/** How standard input is named in the output. */
export const STDIN_NAME = '<stdin>';

class UsageError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

const COMMANDS = ['check', 'export', 'import', 'convert', 'rules'] as const;
const OPTIONS = [
  '--format',
  '--locale',
  '--config',
  '--exit-zero',
  '--notes',
  '--help',
  '--version',
  '--output',
  '--sheet',
  '--to',
] as const;

interface Options {
  command: 'check' | 'export' | 'import' | 'convert' | 'rules' | 'help' | 'version';
  format: 'text' | 'json' | 'xlsx';
  /** `-o`: where import and export write. */
  output?: string;
  /** `--sheet`: the one sheet import reads. */
  sheet?: string;
  /** `--to`: the layout convert writes (else the other one than the file's). */
  to?: ConvertTarget;
  locale: Locale;
  config?: string;
  exitZero: boolean;
  /** List information and hint findings in text output (they are always counted). */
  notes: boolean;
  paths: string[];
}

const HELP: Bilingual = {
  en: `Usage:
  perf-target check [--format text|json] [--notes] [--locale zh|en] [--config FILE] [--exit-zero] PATH...
      Check target files (项目支出绩效目标表). A directory is searched for .jxmb files and for
      .txt/.tsv files that hold a target table; "-" reads standard input.
      Text output lists the errors, then the warnings; notes (information, hint) are counted in the
      summary and listed with --notes. JSON output lists every finding.
      --exit-zero: exit 0 even when errors are found (usage, file and settings problems still exit 2).
  perf-target export [--format json] FILE
      Print the parsed tables, units, projects and indicators as JSON ("-" reads standard input).
  perf-target export --format xlsx FILE -o BOOK.xlsx
      Write the target file as an Excel workbook (one sheet per table).
  perf-target import BOOK.xlsx [-o FILE] [--sheet NAME]
      Write the target tables of a workbook as target text (standard output by default).
      check also reads .xlsx workbooks, naming findings by sheet and cell (BOOK.xlsx:Sheet1!G12:35).
  perf-target convert [--to seven-column|form] [--format text|json] [-o OUT] FILE
      Turn application forms (一级指标/二级指标/三级指标 grids) into a seven-column table, or a
      seven-column table into application forms (default: the other layout than the file's).
      What the target cannot hold is listed on standard error (in the JSON with --format json).
  perf-target rules [--locale zh|en]
      List the rules with their default severity.
Settings come from the nearest ${CONFIG_FILE} above each file (or --config).
Language: --locale, else LC_ALL, LC_MESSAGES, LANG, LANGUAGE, else the system's (zh, zh-cn, zh_CN, zh-Hans: Chinese).
Exit codes: 0 no error found, 1 an error found, 2 a usage, file or settings problem, or no target file found.`,
  zh: `用法：
  perf-target check [--format text|json] [--notes] [--locale zh|en] [--config 文件] [--exit-zero] 路径...
      检查绩效目标表（项目支出绩效目标表）。目录中查找 .jxmb 文件和含目标表的 .txt/.tsv 文件；
      路径写 "-" 时读标准输入。
      文本输出先列错误，再列警告；提示（information、hint）只在末行计数，加 --notes 时列出。
      JSON 输出列出全部结果。
      --exit-zero：发现错误也以 0 退出（用法、文件和设置问题仍以 2 退出）。
  perf-target export [--format json] 文件
      以 JSON 输出解析出的表、单位、项目和指标（文件写 "-" 时读标准输入）。
  perf-target export --format xlsx 文件 -o 工作簿.xlsx
      把目标表文件写成 Excel 工作簿（每张表一个工作表）。
  perf-target import 工作簿.xlsx [-o 文件] [--sheet 工作表名]
      把工作簿中的绩效目标表写成目标表文本（默认写到标准输出）。
      check 也可直接检查 .xlsx 工作簿，结果按工作表和单元格标明（工作簿.xlsx:Sheet1!G12:35）。
  perf-target convert [--to seven-column|form] [--format text|json] [-o 输出文件] 文件
      把申报表（一级指标/二级指标/三级指标表格）转为七列的绩效目标表，或把七列的表转为申报表
      （默认转为与文件不同的另一种格式）。目标格式放不下的内容列在标准错误输出（--format json 时写入 JSON）。
  perf-target rules [--locale zh|en]
      列出全部规则及其默认严重程度。
设置取自每个文件所在目录及其上级目录中最近的 ${CONFIG_FILE}（或 --config 指定的文件）。
语言：取 --locale；未指定时依次取 LC_ALL、LC_MESSAGES、LANG、LANGUAGE，再取系统设置（zh、zh-cn、zh_CN、zh-Hans 均为中文）。
退出码：0 未发现错误；1 发现错误；2 用法、文件或设置有问题，或未找到目标表文件。`,
};

const msg = {
  unknownCommand: (c: string): Bilingual => {
    const near = didYouMean(c, COMMANDS);
    return {
      zh: `未知命令 "${c}"（应为 check、export、import、convert 或 rules）${near ? `，是否想写 "${near}"？` : ''}`,
      en: `unknown command "${c}" (expected check, export, import, convert or rules)${near ? ` — did you mean "${near}"?` : ''}`,
    };
  },
  unknownOption: (o: string): Bilingual => {
    const near = didYouMean(o, OPTIONS);
    return {
      zh: `未知选项 "${o}"${near ? `，是否想写 "${near}"？` : ''}`,
      en: `unknown option "${o}"${near ? ` — did you mean "${near}"?` : ''}`,
    };
  },
  needsValue: (flag: string): Bilingual => ({ zh: `${flag} 后面需要一个值`, en: `${flag} needs a value` }),
  badFormat: (f: string): Bilingual => ({
    zh: `--format 只能是 text 或 json，不能是 "${f}"`,
    en: `--format must be text or json, not "${f}"`,
  }),
  exportJsonOnly: {
    zh: 'export 只输出 JSON（--format json）或工作簿（--format xlsx）',
    en: 'export only writes --format json or --format xlsx',
  } as Bilingual,
  workbook: {
    needsOutput: {
      zh: 'export --format xlsx 需要 -o 工作簿.xlsx',
      en: 'export --format xlsx needs -o BOOK.xlsx',
    } as Bilingual,
    importOneFile: { zh: 'import 需要且只接受一个工作簿', en: 'import takes one workbook' } as Bilingual,
    notForCommand: (o: string): Bilingual => ({
      zh: `${o} 只用于 import、export 和 convert`,
      en: `${o} is only for import, export and convert`,
    }),
  },
  convert: {
    oneFile: { zh: 'convert 需要且只接受一个文件', en: 'convert takes one file' } as Bilingual,
    badTarget: (t: string): Bilingual => ({
      zh: `--to 只能是 seven-column 或 form，不能是 "${t}"`,
      en: `--to must be seven-column or form, not "${t}"`,
    }),
    onlyConvert: { zh: '--to 只用于 convert', en: '--to is only for convert' } as Bilingual,
  },
  badLocale: (l: string): Bilingual => ({
    zh: `--locale 只能是 zh（zh-cn、zh_CN、zh-Hans…）或 en，不能是 "${l}"`,
    en: `--locale must be zh (zh-cn, zh_CN, zh-Hans…) or en, not "${l}"`,
  }),
  needsFile: (command: string): Bilingual =>
    command === 'export'
      ? { zh: 'export 需要一个文件', en: 'export needs a file' }
      : { zh: 'check 需要至少一个文件或目录', en: 'check needs at least one file or directory' },
  exportOneFile: { zh: 'export 只接受一个文件', en: 'export takes one file' } as Bilingual,
  notText: { zh: '不是文本文件', en: 'not a text file' } as Bilingual,
  noSuchFile: { zh: '没有这个文件或目录', en: 'no such file or directory' } as Bilingual,
  permissionDenied: { zh: '没有读取权限', en: 'permission denied' } as Bilingual,
  isDirectory: { zh: '是目录，不是文件', en: 'is a directory' } as Bilingual,
  notADirectory: (detail: string): Bilingual => ({
    zh: '无法读取：路径中有一段不是目录',
    en: `cannot read (${detail})`,
  }),
  cannotRead: (detail: string): Bilingual => ({ zh: `无法读取（${detail}）`, en: `cannot read (${detail})` }),
  noTargets: {
    zh: '没有找到目标表文件（.jxmb 文件，或含目标表的 .txt/.tsv 文件）',
    en: 'no target files found (.jxmb files, or .txt/.tsv files holding a target table)',
  } as Bilingual,
  internal: (detail: string): Bilingual => ({ zh: `内部错误：${detail}`, en: `internal error: ${detail}` }),
  summary: (files: number, counts: Bilingual, hiddenNotes: number): Bilingual => ({
    zh: `检查了 ${files} 个文件：${counts.zh}${hiddenNotes > 0 ? '（提示未列出，加 --notes 列出）' : ''}`,
    en: `${files} file(s) checked: ${counts.en}${hiddenNotes > 0 ? ' (notes not listed; --notes lists them)' : ''}`,
  }),
};

/** The `--locale` given in `argv` (`--locale X` or `--locale=X`), if any. */
function localeArg(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--locale') value = argv[i + 1];
    else if (a.startsWith('--locale=')) value = a.slice('--locale='.length);
  }
  return value;
}

export function parseArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  system: string | undefined = systemLocale(),
): Options {
  // The language first, so that a usage error is already in the clerk's language.
  const flag = localeArg(argv);
  const locale = resolveLocale(flag !== undefined && parseLocaleFlag(flag) ? flag : undefined, env, system);
  const opts: Options = { command: 'help', format: 'text', locale, exitZero: false, notes: false, paths: [] };
  const args = [...argv];
  const first = args.shift();
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return opts;
  if (first === '--version' || first === '-v') return { ...opts, command: 'version' };
  if (first !== 'check' && first !== 'export' && first !== 'import' && first !== 'convert' && first !== 'rules')
    throw new UsageError(msg.unknownCommand(first));
  opts.command = first;
  const valueOf = (flag: string): string => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(msg.needsValue(flag));
    return v;
  };
  while (args.length > 0) {
    const a = args.shift() ?? '';
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const take = () => inline ?? valueOf(flag);
    if (flag === '--format') {
      const f = take();
      if (opts.command === 'export' && f !== 'json' && f !== 'xlsx') throw new UsageError(msg.exportJsonOnly);
      if (f !== 'text' && f !== 'json' && (f !== 'xlsx' || opts.command !== 'export'))
        throw new UsageError(msg.badFormat(f));
      opts.format = f;
    } else if (flag === '--to') {
      if (opts.command !== 'convert') throw new UsageError(msg.convert.onlyConvert);
      const t = take();
      if (t !== 'seven-column' && t !== 'form') throw new UsageError(msg.convert.badTarget(t));
      opts.to = t;
    } else if (flag === '-o' || flag === '--output' || flag === '--sheet') {
      if (opts.command !== 'import' && opts.command !== 'export' && (opts.command !== 'convert' || flag === '--sheet'))
        throw new UsageError(msg.workbook.notForCommand(flag));
      if (flag === '--sheet') opts.sheet = take();
      else opts.output = take();
    } else if (flag === '--locale') {
      const l = take();
      const parsed = parseLocaleFlag(l);
      if (!parsed) throw new UsageError(msg.badLocale(l));
      opts.locale = parsed;
    } else if (flag === '--config') {
      opts.config = take();
    } else if (flag === '--exit-zero') {
      opts.exitZero = true;
    } else if (flag === '--notes') {
      opts.notes = true;
    } else if (flag === '--help' || flag === '-h') {
      return { ...opts, command: 'help' };
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(msg.unknownOption(flag));
    } else {
      opts.paths.push(a);
    }
  }
  if ((opts.command === 'check' || opts.command === 'export') && opts.paths.length === 0)
    throw new UsageError(msg.needsFile(opts.command));
  if (opts.command === 'export' && opts.paths.length > 1) throw new UsageError(msg.exportOneFile);
  if (opts.command === 'import' && opts.paths.length !== 1) throw new UsageError(msg.workbook.importOneFile);
  if (opts.command === 'convert' && opts.paths.length !== 1) throw new UsageError(msg.convert.oneFile);
  if (opts.command === 'export' && opts.format === 'xlsx' && opts.output === undefined)
    throw new UsageError(msg.workbook.needsOutput);
  return opts;
}

const TARGET_EXTENSIONS = /\.(jxmb|txt|tsv|xlsx)$/i;

/** Files to check under a directory: .jxmb always, .txt/.tsv when they hold a target table. */
function collect(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (entry.isFile() && TARGET_EXTENSIONS.test(entry.name)) {
      if (/\.jxmb$/i.test(entry.name) || WORKBOOK_IN_DIRECTORY.test(entry.name)) out.push(path);
      else {
        try {
          if (looksLikeTargetTable(decode(readFileSync(path)).text)) out.push(path);
        } catch {
          // unreadable or binary files in a directory are not target files
        }
      }
    }
  }
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Standard input's bytes (`-`); the process's own when absent. */
  stdin?(): Uint8Array;
}

function describeReadError(e: unknown): Bilingual {
  if (e instanceof BinaryFileError) return msg.notText;
  if (e instanceof WorkbookError) return e.text;
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return msg.noSuchFile;
  if (code === 'EACCES' || code === 'EPERM') return msg.permissionDenied;
  if (code === 'EISDIR') return msg.isDirectory;
  const detail = code ?? (e instanceof Error ? e.message : String(e));
  if (code === 'ENOTDIR') return msg.notADirectory(detail);
  return msg.cannotRead(detail);
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };
const isNote = (s: Severity) => s === 'information' || s === 'hint';

/** `help`, `version` and `rules`: what the command line says about itself (undefined for any other command). */
function runInfo(command: Options['command'], io: Io, say: (text: Bilingual) => string): number | undefined {
  if (command === 'help') io.out(say(HELP));
  else if (command === 'version') io.out(VERSION);
  else if (command === 'rules')
    for (const r of RULES) io.out(`${r.id.padEnd(30)} ${r.defaultSeverity.padEnd(12)} ${say(r.description)}`);
  else return undefined;
  return 0;
}

export function run(
  argv: readonly string[],
  io: Io,
  env: Readonly<Record<string, string | undefined>> = process.env,
): number {
  let opts: Options;
  try {
    opts = parseArgs(argv, env);
  } catch (e) {
    if (e instanceof UsageError) {
      const locale = resolveLocale(undefined, env, systemLocale());
      const flag = localeArg(argv);
      const l = flag !== undefined ? (parseLocaleFlag(flag) ?? locale) : locale;
      io.err(`perf-target: ${localize(e.text, l)}\n${localize(HELP, l)}`);
      return 2;
    }
    throw e;
  }
  const locale = opts.locale;
  const say = (text: Bilingual) => localize(text, locale);
  const warn = (where: string, text: Bilingual) => io.err(`perf-target: ${where}: ${say(text)}`);
  const info = runInfo(opts.command, io, say);
  if (info !== undefined) return info;

  let stdinBytes: Uint8Array | undefined;
  const readInput = (path: string): string => {
    if (path === '-') {
      stdinBytes ??= io.stdin ? io.stdin() : readFileSync(0);
      return decode(stdinBytes).text;
    }
    return decode(readFileSync(path)).text;
  };
  const shown = (path: string) => (path === '-' ? STDIN_NAME : path);

  let settingsProblem = false;
  if (opts.config) {
    try {
      statSync(opts.config);
    } catch (e) {
      warn(opts.config, describeReadError(e));
      return 2;
    }
  }
  // The nearest .perf-target.json above each file (or --config), each read once and its problems
  // told once: the same resolver as the language server's (settings.ts).
  const settings = new SettingsResolver({
    ...(opts.config ? { explicit: opts.config } : {}),
    onIssues: (issues) => {
      settingsProblem = true;
      for (const i of issues) warn(i.source, i.text);
    },
  });
  if (opts.config) settings.resolve({ directory: process.cwd() });

  if (opts.command === 'import')
    return runImport(opts.paths[0] ?? '', opts.output, opts.sheet, io, say, describeReadError);
  if (opts.command === 'convert') {
    const path = opts.paths[0] ?? '';
    const read = (p: string): string => (p !== '-' && WORKBOOK_FILE.test(p) ? readWorkbookText(p).text : readInput(p));
    const code = runConvert(path, shown(path), opts, read, io, say, describeReadError);
    return settingsProblem ? 2 : code;
  }
  if (opts.command === 'export' && opts.format === 'xlsx') {
    const code = runExportXlsx(
      opts.paths[0] ?? '',
      shown(opts.paths[0] ?? ''),
      opts.output ?? '',
      readInput,
      io,
      say,
      describeReadError,
    );
    return settingsProblem ? 2 : code;
  }
  if (opts.command === 'export') {
    const path = opts.paths[0] ?? '';
    try {
      const doc = parseDocument(readInput(path));
      io.out(JSON.stringify({ file: shown(path), ...exportDocument(doc) }, null, 2));
      return settingsProblem ? 2 : 0;
    } catch (e) {
      warn(shown(path), describeReadError(e));
      return 2;
    }
  }

  const { files, problem } = targetFiles(opts.paths, warn);
  const checked = checkFiles(files, settings, readInput, shown, warn);
  report(checked.all, files.length, opts, io, say);
  if (problem || checked.problem || settingsProblem) return 2;
  if (!opts.exitZero && checked.all.some((x) => x.finding.severity === 'error')) return 1;
  return 0;
}

/** A finding as a report lists it: its file, its place as lines and columns, its sheet and cell in a workbook. */
interface Reported {
  readonly file: string;
  readonly finding: Finding;
  readonly at: ReturnType<typeof placeOf>;
  readonly cell?: ReturnType<typeof cellOfFinding>;
}

/** The files to check under `paths` (directories walked; `-` standard input); a path with none is a problem. */
function targetFiles(
  paths: readonly string[],
  warn: (where: string, text: Bilingual) => void,
): { files: string[]; problem: boolean } {
  const files: string[] = [];
  let problem = false;
  for (const p of paths) {
    if (p === '-') {
      files.push(p);
      continue;
    }
    try {
      if (statSync(p).isDirectory()) {
        const before = files.length;
        collect(p, files);
        if (files.length === before) {
          warn(p, msg.noTargets);
          problem = true;
        }
      } else files.push(p);
    } catch (e) {
      warn(p, describeReadError(e));
      problem = true;
    }
  }
  return { files, problem };
}

/** Checks each file (a workbook as its imported text) with the settings that apply to it. */
function checkFiles(
  files: readonly string[],
  settings: SettingsResolver,
  readInput: (path: string) => string,
  shown: (path: string) => string,
  warn: (where: string, text: Bilingual) => void,
): { all: Reported[]; problem: boolean } {
  const all: Reported[] = [];
  let problem = false;
  for (const file of files) {
    let text: string;
    // A workbook is checked as its imported text; findings are named by sheet and cell.
    let book: ReturnType<typeof readWorkbookText> | undefined;
    try {
      book = file !== '-' && WORKBOOK_FILE.test(file) ? readWorkbookText(file) : undefined;
      for (const note of book?.notes ?? []) warn(file, note);
      text = book?.text ?? readInput(file);
    } catch (e) {
      warn(shown(file), describeReadError(e));
      problem = true;
      continue;
    }
    // Standard input takes the settings of the working directory, as a file there would.
    const { doc, findings } = checkText(
      text,
      settings.resolve(file === '-' ? { directory: process.cwd() } : { path: file }),
    );
    // A row may span lines (a quoted cell with line breaks): its spans are placed through it.
    for (const finding of findings) {
      const cell = book && cellOfFinding(book, doc, finding.line, finding.span);
      all.push({ file: shown(file), finding, at: placeOf(doc, finding.line, finding.span), ...(cell ? { cell } : {}) });
    }
  }
  return { all, problem };
}

/**
 * Writes the findings: JSON, everything; text, every error, then every warning (each in file and
 * line order), notes (information, hint) counted and listed last only when asked for.
 */
function report(
  all: readonly Reported[],
  fileCount: number,
  opts: Options,
  io: Io,
  say: (text: Bilingual) => string,
): void {
  if (opts.format === 'json') {
    io.out(
      JSON.stringify(
        all.map(({ file, finding: f, at, cell }) => ({
          file,
          ...(cell ? { sheet: cell.sheet, cell: cell.cell } : {}),
          line: at.start.line + 1,
          column: at.start.character + 1,
          endLine: at.end.line + 1,
          endColumn: at.end.character + 1,
          severity: f.severity,
          rule: f.rule,
          message: say(f.message),
        })),
        null,
        2,
      ),
    );
    return;
  }
  const listed = all
    .map((x, i) => ({ ...x, i }))
    .filter((x) => opts.notes || !isNote(x.finding.severity))
    .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.i - b.i);
  for (const { file, finding: f, at, cell } of listed) {
    const place = cell
      ? `${cell.sheet}!${cell.cell}:${cell.character}`
      : `${at.start.line + 1}:${at.start.character + 1}`;
    io.out(`${file}:${place} ${f.severity} ${f.rule} ${say(f.message)}`);
  }
  const counts = countSeverities(all.map((x) => x.finding));
  io.out(say(msg.summary(fileCount, describeCounts(counts), opts.notes ? 0 : counts.notes)));
}

/** Entry point of the bundled command line. */
export function main(): void {
  // A closed pipe (`perf-target check … | head`) ends the output quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  let code: number;
  try {
    code = run(process.argv.slice(2), {
      out: (s) => process.stdout.write(`${s}\n`),
      err: (s) => process.stderr.write(`${s}\n`),
    });
  } catch (e) {
    const locale = resolveLocale(localeArg(process.argv.slice(2)), process.env, systemLocale());
    process.stderr.write(
      `perf-target: ${localize(msg.internal(e instanceof Error ? e.message : String(e)), locale)}\n`,
    );
    code = 2;
  }
  process.exitCode = code;
}

if (require.main === module) main();
