/**
 * The `perf-target` command line:
 *
 *   perf-target check [--format text|json] [--locale zh-cn|en] [--config FILE] [--exit-zero] PATH...
 *   perf-target export [--format json] FILE
 *   perf-target rules [--locale zh-cn|en]
 *
 * Exit codes: 0 no error-severity finding, 1 at least one, 2 a usage or file problem (the other
 * files are still checked). Messages are one line, never a stack trace.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { checkText, countSeverities, describeCounts } from './check';
import { CONFIG_FILE, DEFAULT_CONFIG, readConfig, type Config } from './config';
import { BinaryFileError, decode, looksLikeTargetTable } from './decode';
import { exportDocument } from './export';
import { localize, toLocale, type Locale } from './i18n';
import { RULE_IDS, RULES } from './rules';
import type { Finding } from './rules/types';
import { parseDocument } from './syntax/document';

const VERSION = '0.1.0';

class UsageError extends Error {}

interface Options {
  command: 'check' | 'export' | 'rules' | 'help' | 'version';
  format: 'text' | 'json';
  locale: Locale;
  config?: string;
  exitZero: boolean;
  paths: string[];
}

const HELP = `Usage:
  perf-target check [--format text|json] [--locale zh-cn|en] [--config FILE] [--exit-zero] PATH...
      Check target files (项目支出绩效目标表). A directory is searched for .jxmb files and for
      .txt/.tsv files that hold a target table. Exit 1 when an error is found, 2 on a usage or file problem.
  perf-target export [--format json] FILE
      Print the parsed tables, units, projects and indicators as JSON.
  perf-target rules [--locale zh-cn|en]
      List the rules with their default severity.
Settings come from the nearest ${CONFIG_FILE} above each file (or --config).`;

function defaultLocale(): Locale {
  const env = process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'] || '';
  return toLocale(env.split('.')[0]?.replace('_', '-'));
}

export function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { command: 'help', format: 'text', locale: defaultLocale(), exitZero: false, paths: [] };
  const args = [...argv];
  const first = args.shift();
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return opts;
  if (first === '--version' || first === '-v') return { ...opts, command: 'version' };
  if (first !== 'check' && first !== 'export' && first !== 'rules') throw new UsageError(`unknown command "${first}" (expected check, export or rules)`);
  opts.command = first;
  const valueOf = (flag: string): string => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (args.length > 0) {
    const a = args.shift() ?? '';
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = () => inline ?? valueOf(flag);
    if (flag === '--format') {
      const f = take();
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}"`);
      if (opts.command === 'export' && f !== 'json') throw new UsageError('export only writes --format json');
      opts.format = f;
    } else if (flag === '--locale') {
      const l = take().toLowerCase();
      if (l !== 'zh-cn' && l !== 'en') throw new UsageError(`--locale must be zh-cn or en, not "${l}"`);
      opts.locale = l;
    } else if (flag === '--config') {
      opts.config = take();
    } else if (flag === '--exit-zero') {
      opts.exitZero = true;
    } else if (flag === '--help' || flag === '-h') {
      return { ...opts, command: 'help' };
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option "${flag}"`);
    } else {
      opts.paths.push(a);
    }
  }
  if ((opts.command === 'check' || opts.command === 'export') && opts.paths.length === 0) throw new UsageError(`${opts.command} needs at least one file`);
  if (opts.command === 'export' && opts.paths.length > 1) throw new UsageError('export takes one file');
  return opts;
}

const TARGET_EXTENSIONS = /\.(jxmb|txt|tsv)$/i;

/** Files to check under a directory: .jxmb always, .txt/.tsv when they hold a target table. */
function collect(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (entry.isFile() && TARGET_EXTENSIONS.test(entry.name)) {
      if (/\.jxmb$/i.test(entry.name)) out.push(path);
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

interface LoadedConfig {
  readonly config: Config;
  readonly base: string;
}

const configCache = new Map<string, LoadedConfig | undefined>();

function loadConfigFile(path: string, warn: (m: string) => void): LoadedConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    warn(`${path}: cannot read settings (${e instanceof Error ? e.message : String(e)}); using the defaults`);
    return { config: DEFAULT_CONFIG, base: dirname(path) };
  }
  const { config, problems } = readConfig(parsed, RULE_IDS);
  for (const p of problems) warn(`${path}: ${p}`);
  return { config, base: dirname(path) };
}

/** The nearest .perf-target.json above `file`, read once per directory. */
function findConfig(file: string, warn: (m: string) => void): LoadedConfig | undefined {
  let dir = dirname(resolve(file));
  const visited: string[] = [];
  for (;;) {
    if (configCache.has(dir)) {
      const hit = configCache.get(dir);
      for (const v of visited) configCache.set(v, hit);
      return hit;
    }
    visited.push(dir);
    const candidate = join(dir, CONFIG_FILE);
    let found: LoadedConfig | undefined;
    try {
      if (statSync(candidate).isFile()) found = loadConfigFile(candidate, warn);
    } catch {
      found = undefined;
    }
    if (found) {
      for (const v of visited) configCache.set(v, found);
      return found;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      for (const v of visited) configCache.set(v, undefined);
      return undefined;
    }
    dir = parent;
  }
}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

function describeReadError(path: string, e: unknown): string {
  if (e instanceof BinaryFileError) return `${path}: not a text file`;
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return `${path}: no such file or directory`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied`;
  if (code === 'EISDIR') return `${path}: is a directory`;
  return `${path}: cannot read (${e instanceof Error ? e.message : String(e)})`;
}

function readText(path: string): string {
  return decode(readFileSync(path)).text;
}

export function run(argv: readonly string[], io: Io): number {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`perf-target: ${e.message}\n${HELP}`);
      return 2;
    }
    throw e;
  }
  if (opts.command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (opts.command === 'version') {
    io.out(VERSION);
    return 0;
  }
  if (opts.command === 'rules') {
    for (const r of RULES) io.out(`${r.id.padEnd(30)} ${r.defaultSeverity.padEnd(12)} ${localize(r.description, opts.locale)}`);
    return 0;
  }
  let fileProblem = false;
  const warn = (m: string) => io.err(`perf-target: ${m}`);
  let explicit: LoadedConfig | undefined;
  if (opts.config) {
    try {
      statSync(opts.config);
      explicit = loadConfigFile(opts.config, warn);
    } catch (e) {
      warn(describeReadError(opts.config, e));
      return 2;
    }
  }

  if (opts.command === 'export') {
    const path = opts.paths[0] ?? '';
    try {
      const doc = parseDocument(readText(path));
      io.out(JSON.stringify({ file: path, ...exportDocument(doc) }, null, 2));
      return 0;
    } catch (e) {
      warn(describeReadError(path, e));
      return 2;
    }
  }

  const files: string[] = [];
  for (const p of opts.paths) {
    try {
      if (statSync(p).isDirectory()) {
        const before = files.length;
        collect(p, files);
        if (files.length === before) warn(`${p}: no target files found`);
      } else files.push(p);
    } catch (e) {
      warn(describeReadError(p, e));
      fileProblem = true;
    }
  }
  const all: Array<{ file: string; finding: Finding }> = [];
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (e) {
      warn(describeReadError(file, e));
      fileProblem = true;
      continue;
    }
    const loaded = explicit ?? findConfig(file, warn);
    const { findings } = checkText(text, {
      config: loaded?.config ?? DEFAULT_CONFIG,
      ...(loaded ? { file: relative(loaded.base, resolve(file)) } : {}),
    });
    for (const finding of findings) all.push({ file, finding });
  }

  if (opts.format === 'json') {
    io.out(JSON.stringify(all.map(({ file, finding: f }) => ({
      file,
      line: f.line + 1,
      column: f.span.start + 1,
      endLine: f.line + 1,
      endColumn: f.span.end + 1,
      severity: f.severity,
      rule: f.rule,
      message: localize(f.message, opts.locale),
    })), null, 2));
  } else {
    for (const { file, finding: f } of all) {
      io.out(`${file}:${f.line + 1}:${f.span.start + 1} ${f.severity} ${f.rule} ${localize(f.message, opts.locale)}`);
    }
    const counts = describeCounts(countSeverities(all.map((x) => x.finding)));
    io.out(opts.locale === 'zh-cn' ? `检查了 ${files.length} 个文件：${counts.zh}` : `${files.length} file(s) checked: ${counts.en}`);
  }
  if (fileProblem) return 2;
  if (!opts.exitZero && all.some((x) => x.finding.severity === 'error')) return 1;
  return 0;
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
    process.stderr.write(`perf-target: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    code = 2;
  }
  process.exitCode = code;
}

if (require.main === module) main();
