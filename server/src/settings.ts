/**
 * The one settings path: which settings apply to a checked file, for the command line and the
 * language server alike (issue 15). Given the file (or, for text that is no file on disk, the
 * directory it stands in), the resolver finds the nearest `.perf-target.json` in that directory or
 * above, reads it leniently, lays the editor's `perfTarget.*` settings on top, and returns the
 * `Config` together with the path that `ignore[].files` globs are matched against. Both front ends
 * pass the result to the checks as it is (`ResolvedSettings` is a `Settings`), so they cannot
 * disagree on a file's findings unless the editor's own settings say otherwise.
 *
 * Precedence, lowest first:
 *   1. the built-in defaults;
 *   2. the nearest `.perf-target.json` (the whole file: files further up are not merged in; a file
 *      that is not valid JSON still is the nearest, and applies as the defaults with a problem);
 *      `--config FILE` on the command line replaces the search;
 *   3. the editor's settings that are set (not null, not an empty list), each key replacing the
 *      file's, except `rules`, merged rule by rule. The command line has no such layer.
 * The search goes up to the filesystem root in both front ends, so that a settings file above the
 * opened folder applies in the editor as it does on the command line.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bilingual } from './catalogue';
import { CONFIG_FILE, DEFAULT_CONFIG, readConfig, type Config } from './config';
import { decode } from './decode';
import { RULE_IDS } from './rules';

/** What the checks take: a config, and the checked file's path relative to the settings' base. */
export interface Settings {
  readonly config: Config;
  /** Path relative to `base`, `/`-separated, for `ignore` entries with `files`; undefined for text that is no file (standard input, an untitled document): no `files` glob matches it. */
  readonly file: string | undefined;
}

/** A problem in the settings: where (a settings file's path, or `EDITOR_SETTINGS`) and what. */
export interface SettingsIssue {
  readonly source: string;
  readonly text: Bilingual;
}

/** How the editor's layer is named in issues found only once it is laid on the file's. */
export const EDITOR_SETTINGS = 'perfTarget.* settings';

export interface ResolvedSettings extends Settings {
  /** The settings file that applies (absolute), or undefined when none was found. */
  readonly source: string | undefined;
  /** The directory `file` is relative to: the settings file's, else the innermost workspace root holding the file, else the file's own. */
  readonly base: string | undefined;
  /** What was wrong in the settings that apply; the rest of them still applies. */
  readonly issues: readonly SettingsIssue[];
}

/** A file to check, or the directory that text which is no file (standard input, untitled) stands in. */
export type SettingsTarget = { readonly path: string } | { readonly directory: string | undefined };

/** Reads a settings file: its text, or undefined when there is none (missing, or not a file). Other failures throw. */
export type SettingsReader = (path: string) => string | undefined;

const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** The disk: settings files may be in any encoding a target file may (decoded the same way). */
export const readSettingsFile: SettingsReader = (path) => {
  try {
    return decode(readFileSync(path)).text;
  } catch (e) {
    if (ABSENT.has((e as { code?: string }).code ?? '')) return undefined;
    throw e;
  }
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The editor's layer on the file's: values that are set (not null, not an empty list) win; rule severities merge. */
export function mergeSettings(fromFile: unknown, fromEditor: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = isRecord(fromFile) ? { ...fromFile } : {};
  if (!isRecord(fromEditor)) return out;
  for (const [key, value] of Object.entries(fromEditor)) {
    if (value === null || value === undefined) continue;
    if (key === 'rules' && isRecord(value) && (out['rules'] === undefined || isRecord(out['rules']))) {
      out['rules'] = { ...(isRecord(out['rules']) ? out['rules'] : {}), ...value };
    } else if (key === 'rules') {
      // Not an object: passed on as it is, so that reading it names the problem.
      out['rules'] = value;
    } else if (['tolerance', 'requiredCategories', 'punctuationStyle', 'ignore', 'maxCellLength'].includes(key)) {
      if (Array.isArray(value) && value.length === 0 && key !== 'requiredCategories') continue;
      out[key] = value;
    }
    // Other keys are the editor's own (focusMode, maxDiagnosticsPerFile…), not check settings.
  }
  return out;
}

/** Where JSON.parse stopped, as a line and column of `text` (V8 names a position). */
function jsonErrorPlace(text: string, e: unknown): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!m) return undefined;
  const at = Math.min(Number(m[1]), text.length);
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

export const settingsMessages = {
  badJson: (where: { line: number; column: number } | undefined): Bilingual =>
    where
      ? {
          zh: `设置文件不是有效的 JSON（第 ${where.line} 行第 ${where.column} 列附近），本次改用默认设置`,
          en: `settings are not valid JSON (near line ${where.line}, column ${where.column}); using the defaults`,
        }
      : {
          zh: '设置文件不是有效的 JSON（在文件末尾前中断），本次改用默认设置',
          en: 'settings are not valid JSON (cut short before the end); using the defaults',
        },
  cannotRead: (detail: string): Bilingual => ({
    zh: `无法读取设置文件（${detail}），本次改用默认设置`,
    en: `cannot read the settings file (${detail}); using the defaults`,
  }),
};

/** One settings file as read: its parsed content (undefined when unusable) and its reading problems. */
interface FileLayer {
  readonly parsed: unknown;
  readonly issues: readonly SettingsIssue[];
}

/** A settings file with the editor's layer on it: the config shared by every file it applies to. */
interface Layered {
  readonly config: Config;
  readonly issues: readonly SettingsIssue[];
}

export interface ResolverOptions {
  /** The editor's `perfTarget` settings (VS Code's `workspace/configuration`); none on the command line. */
  readonly editor?: unknown;
  /** Workspace roots (absolute paths): the base of `ignore` globs when no settings file applies. */
  readonly roots?: readonly string[];
  /** A settings file that applies to every file instead of the search (`--config`). */
  readonly explicit?: string;
  readonly read?: SettingsReader;
  /** Told once per settings file (and once for the editor's layer alone) what was wrong in it. */
  readonly onIssues?: (issues: readonly SettingsIssue[]) => void;
}

/**
 * Resolves the settings of files, reading each directory and settings file once until `clear()`
 * (the server clears on a settings file's change and on the editor's settings' change). Files
 * under the same settings file share one `Config` object, so the checks' caches keyed by config
 * are shared too. Never throws.
 */
export class SettingsResolver {
  /** The nearest settings file of a directory (null: none up to the root). */
  private readonly nearest = new Map<string, string | null>();
  private readonly files = new Map<string, FileLayer>();
  /** Per settings file ('' for none): the config with the editor's layer. */
  private readonly layered = new Map<string, Layered>();
  private readonly roots: readonly string[];

  constructor(private readonly options: ResolverOptions = {}) {
    this.roots = (options.roots ?? []).map((r) => resolve(r));
  }

  /** Forgets what was read: settings files are read again when next asked for. */
  clear(): void {
    this.nearest.clear();
    this.files.clear();
    this.layered.clear();
  }

  /** The settings of a file, or of text standing in a directory. */
  resolve(target: SettingsTarget): ResolvedSettings {
    let path: string | undefined;
    let dir: string | undefined;
    if ('path' in target) {
      path = resolve(target.path);
      dir = dirname(path);
    } else if (target.directory !== undefined) dir = resolve(target.directory);
    const source =
      this.options.explicit !== undefined
        ? resolve(this.options.explicit)
        : dir !== undefined
          ? this.nearestOf(dir)
          : undefined;
    const { config, issues } = this.layeredOf(source);
    const base = source !== undefined ? dirname(source) : ((path !== undefined ? this.rootOf(path) : undefined) ?? dir);
    const file = path !== undefined && base !== undefined ? toGlobPath(relative(base, path)) : undefined;
    return { config, file, source, base, issues };
  }

  /**
   * The settings of a document by URI: a `file:` URI is its path; any other (untitled, virtual)
   * stands in the first workspace root, as standard input stands in the working directory.
   */
  resolveUri(uri: string): ResolvedSettings {
    if (uri.startsWith('file:')) {
      let path: string | undefined;
      try {
        path = fileURLToPath(uri);
      } catch {
        path = undefined;
      }
      if (path !== undefined) return this.resolve({ path });
    }
    return this.resolve({ directory: this.roots[0] });
  }

  /** The innermost root that holds `path`. */
  private rootOf(path: string): string | undefined {
    let best: string | undefined;
    for (const r of this.roots) {
      if (isInside(r, path) && (best === undefined || r.length > best.length)) best = r;
    }
    return best;
  }

  private nearestOf(start: string): string | undefined {
    const visited: string[] = [];
    let dir = start;
    let found: string | null = null;
    for (;;) {
      const known = this.nearest.get(dir);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(dir);
      const candidate = join(dir, CONFIG_FILE);
      if (this.fileOf(candidate) !== undefined) {
        found = candidate;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const v of visited) this.nearest.set(v, found);
    return found ?? undefined;
  }

  /** A settings file as read; undefined when there is none at `path`. */
  private fileOf(path: string): FileLayer | undefined {
    const known = this.files.get(path);
    if (known) return known;
    let text: string | undefined;
    let layer: FileLayer;
    try {
      text = (this.options.read ?? readSettingsFile)(path);
      if (text === undefined) return undefined;
      layer = { parsed: JSON.parse(text), issues: [] };
    } catch (e) {
      const detail = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
      layer = {
        parsed: undefined,
        issues: [
          {
            source: path,
            text:
              e instanceof SyntaxError && text !== undefined
                ? settingsMessages.badJson(jsonErrorPlace(text, e))
                : settingsMessages.cannotRead(detail),
          },
        ],
      };
    }
    this.files.set(path, layer);
    return layer;
  }

  private layeredOf(source: string | undefined): Layered {
    const key = source ?? '';
    const known = this.layered.get(key);
    if (known) return known;
    const file = source !== undefined ? this.fileOf(source) : undefined;
    // An explicit settings file that is missing reads as one that cannot be read.
    const read: FileLayer =
      file ??
      (source !== undefined
        ? { parsed: undefined, issues: [{ source, text: settingsMessages.cannotRead('ENOENT') }] }
        : { parsed: undefined, issues: [] });
    const where = source ?? EDITOR_SETTINGS;
    const issues: SettingsIssue[] = [...read.issues];
    // JSON that is not an object is named as such; the editor's layer still applies.
    if (read.parsed !== undefined && !isRecord(read.parsed)) {
      for (const text of readConfig(read.parsed, RULE_IDS).issues) issues.push({ source: where, text });
    }
    const merged = mergeSettings(read.parsed, this.options.editor);
    let config = DEFAULT_CONFIG;
    if (Object.keys(merged).length > 0) {
      const r = readConfig(merged, RULE_IDS);
      config = r.config;
      for (const text of r.issues) issues.push({ source: where, text });
    }
    const layered: Layered = { config, issues };
    this.layered.set(key, layered);
    if (layered.issues.length > 0) this.options.onIssues?.(layered.issues);
    return layered;
  }
}

/**
 * The directories above the workspace roots (none of them a root or inside one): a settings file
 * there applies to the roots' files too, so the server watches them (the workspace's own files are
 * watched by `**` globs).
 */
export function directoriesAbove(roots: readonly string[]): string[] {
  const all = roots.map((r) => resolve(r));
  const inside = (dir: string) => all.some((r) => isInside(r, dir));
  const out = new Set<string>();
  for (const r of all) {
    for (let dir = dirname(r); !inside(dir); dir = dirname(dir)) {
      out.add(dir);
      if (dirname(dir) === dir) break;
    }
  }
  return [...out];
}

/** Whether `path` is `dir` or below it (`..x` is a name, not a step up). */
function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A relative path as `ignore` globs read it: `/` between its parts. */
function toGlobPath(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
