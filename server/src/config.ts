/**
 * Settings shared by the command line (`.perf-target.json`) and the editor (`perfTarget.*`
 * settings), so that a file checked in either place gives the same findings.
 */
import { lookupCode, type Bilingual } from './catalogue';
import { SEVERITIES, type SeveritySetting } from './rules/types';
import { didYouMean } from './suggest';

export type PunctuationStyle = 'fullwidth' | 'halfwidth' | 'consistent';

export interface IgnoreEntry {
  /** A rule id; every rule when absent. */
  readonly rule?: string;
  /** A project (or unit) name, exactly as in the table; every project when absent. */
  readonly project?: string;
  /** A glob over the file's path relative to the config file (`**`, `*`, `?`); every file when absent. */
  readonly files?: string;
}

export interface Config {
  /** Severity per rule id; a rule not listed keeps its default. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** The difference (万元) a sum may show before it is reported; 0 reports a single cent. */
  readonly tolerance: number;
  /** Level-1 codes every project must have indicators in. */
  readonly requiredCategories: readonly string[];
  readonly punctuationStyle: PunctuationStyle;
  readonly ignore: readonly IgnoreEntry[];
  /** Characters of an indicator cell that are checked; the rest of a longer cell is not (one note says so). */
  readonly maxCellLength: number;
}

export const DEFAULT_CONFIG: Config = Object.freeze({
  rules: Object.freeze({}),
  tolerance: 0,
  requiredCategories: Object.freeze(['1', '2']),
  punctuationStyle: 'fullwidth',
  ignore: Object.freeze([]),
  maxCellLength: 20_000,
});

export const CONFIG_FILE = '.perf-target.json';

export interface ConfigResult {
  readonly config: Config;
  /** What was wrong in the input, one line each in English (the server's log); the rest of the input still applies. */
  readonly problems: readonly string[];
  /** The same problems in both languages (the command line speaks the clerk's). */
  readonly issues: readonly Bilingual[];
}

/** The keys a settings object may have. */
export const CONFIG_KEYS = [
  'rules',
  'tolerance',
  'requiredCategories',
  'punctuationStyle',
  'ignore',
  'maxCellLength',
  '$schema',
] as const;

export const PUNCTUATION_STYLES = ['fullwidth', 'halfwidth', 'consistent'] as const;

/** ` — did you mean "x"?` / `，是否想写 "x"？`, or nothing when no known word is near. */
function hint(input: string, known: readonly string[]): Bilingual {
  const near = didYouMean(input, known);
  return near === undefined ? { zh: '', en: '' } : { zh: `，是否想写 "${near}"？`, en: ` — did you mean "${near}"?` };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Records one problem of the input, in both languages. */
type Problem = (zh: string, en: string) => void;

/**
 * Reads a settings object (parsed JSON or VS Code's configuration) leniently: every valid part is
 * kept, every invalid part is named in `problems` and replaced by its default. Never throws.
 */
export function readConfig(input: unknown, knownRules: readonly string[]): ConfigResult {
  const issues: Bilingual[] = [];
  const problem: Problem = (zh, en) => {
    issues.push({ zh, en });
  };
  const result = (config: Config): ConfigResult => ({ config, problems: issues.map((i) => i.en), issues });
  if (input === undefined || input === null) return result(DEFAULT_CONFIG);
  if (!isRecord(input)) {
    problem('设置必须是一个对象（{ … }）', 'settings must be an object');
    return result(DEFAULT_CONFIG);
  }
  // Each part in this order, so that the problems are listed in it.
  const rules = readRules(input['rules'], knownRules, problem);
  const tolerance = readTolerance(input['tolerance'], problem);
  const requiredCategories = readRequiredCategories(input['requiredCategories'], problem);
  const punctuationStyle = readPunctuationStyle(input['punctuationStyle'], problem);
  const ignore = readIgnore(input['ignore'], knownRules, problem);
  const maxCellLength = readMaxCellLength(input['maxCellLength'], problem);
  for (const key of Object.keys(input)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const h = hint(key, CONFIG_KEYS);
      problem(`未知设置 "${key}"${h.zh}`, `unknown setting "${key}"${h.en}`);
    }
  }
  return result({ rules, tolerance, requiredCategories, punctuationStyle, ignore, maxCellLength });
}

/** `rules`: the severity of each known rule; unknown rules and severities are problems. */
function readRules(r: unknown, knownRules: readonly string[], problem: Problem): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  if (r === undefined) return rules;
  if (!isRecord(r)) {
    problem('"rules" 必须是“规则 id → 严重程度”的对象', '"rules" must be an object of rule id → severity');
    return rules;
  }
  for (const [id, sev] of Object.entries(r)) {
    if (!knownRules.includes(id)) {
      const h = hint(id, knownRules);
      problem(`"rules" 中有未知规则 "${id}"${h.zh}`, `unknown rule "${id}" in "rules"${h.en}`);
    } else if (typeof sev !== 'string' || !SEVERITIES.includes(sev as SeveritySetting)) {
      const h = typeof sev === 'string' ? hint(sev, SEVERITIES) : { zh: '', en: '' };
      const shown = typeof sev === 'string' ? `"${sev}"` : JSON.stringify(sev);
      problem(
        `"rules.${id}" 的严重程度 ${shown} 无效，应为 ${SEVERITIES.join('、')} 之一${h.zh}`,
        `unknown severity ${shown} for "rules.${id}": must be one of ${SEVERITIES.join(', ')}${h.en}`,
      );
    } else rules[id] = sev as SeveritySetting;
  }
  return rules;
}

function readTolerance(t: unknown, problem: Problem): number {
  if (t === undefined) return DEFAULT_CONFIG.tolerance;
  if (typeof t === 'number' && Number.isFinite(t) && t >= 0) return t;
  problem('"tolerance" 必须是不小于 0 的数（万元）', '"tolerance" must be a number of 万元, 0 or more');
  return DEFAULT_CONFIG.tolerance;
}

function readRequiredCategories(c: unknown, problem: Problem): readonly string[] {
  if (c === undefined) return DEFAULT_CONFIG.requiredCategories;
  if (Array.isArray(c) && c.every((x) => typeof x === 'string' && lookupCode(x)?.level === 1)) return c as string[];
  problem(
    '"requiredCategories" 必须是一级指标代码的列表，如 ["1", "2"]',
    '"requiredCategories" must be a list of level-1 codes such as ["1", "2"]',
  );
  return DEFAULT_CONFIG.requiredCategories;
}

function readPunctuationStyle(p: unknown, problem: Problem): PunctuationStyle {
  if (p === undefined) return DEFAULT_CONFIG.punctuationStyle;
  if (p === 'fullwidth' || p === 'halfwidth' || p === 'consistent') return p;
  const h = typeof p === 'string' ? hint(p, PUNCTUATION_STYLES) : { zh: '', en: '' };
  problem(
    `"punctuationStyle" 必须是 "fullwidth"、"halfwidth" 或 "consistent"${h.zh}`,
    `"punctuationStyle" must be "fullwidth", "halfwidth" or "consistent"${h.en}`,
  );
  return DEFAULT_CONFIG.punctuationStyle;
}

/** `ignore`: the well-formed entries (one naming an unknown rule is kept, and named as a problem). */
function readIgnore(list: unknown, knownRules: readonly string[], problem: Problem): IgnoreEntry[] {
  const ignore: IgnoreEntry[] = [];
  if (list === undefined) return ignore;
  if (!Array.isArray(list)) {
    problem('"ignore" 必须是 {rule, project, files} 的列表', '"ignore" must be a list of {rule, project, files}');
    return ignore;
  }
  for (const e of list) {
    if (!isRecord(e) || !['rule', 'project', 'files'].every((k) => e[k] === undefined || typeof e[k] === 'string')) {
      problem(
        '"ignore" 的每一项必须是对象，"rule"、"project"、"files" 的值为字符串',
        'each "ignore" entry must be an object with string "rule", "project" and/or "files"',
      );
      continue;
    }
    if (typeof e['rule'] === 'string' && !knownRules.includes(e['rule'])) {
      const h = hint(e['rule'], knownRules);
      problem(`"ignore" 中有未知规则 "${e['rule']}"${h.zh}`, `unknown rule "${e['rule']}" in "ignore"${h.en}`);
    }
    ignore.push({
      ...(typeof e['rule'] === 'string' ? { rule: e['rule'] } : {}),
      ...(typeof e['project'] === 'string' ? { project: e['project'] } : {}),
      ...(typeof e['files'] === 'string' ? { files: e['files'] } : {}),
    });
  }
  return ignore;
}

function readMaxCellLength(m: unknown, problem: Problem): number {
  if (m === undefined) return DEFAULT_CONFIG.maxCellLength;
  if (typeof m === 'number' && Number.isInteger(m) && m >= 1000) return m;
  problem(
    '"maxCellLength" 必须是不小于 1000 的整数（字符数）',
    '"maxCellLength" must be a whole number of characters, 1000 or more',
  );
  return DEFAULT_CONFIG.maxCellLength;
}

/** Converts a glob (`**`, `*`, `?`, `/` as separator) to an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether an ignore entry silences `rule` for `project` in `file` (a path relative to the config). */
export function isIgnored(
  config: Config,
  rule: string,
  project: string | undefined,
  file: string | undefined,
): boolean {
  return config.ignore.some(
    (e) =>
      (e.rule === undefined || e.rule === rule) &&
      (e.project === undefined || e.project === project) &&
      (e.files === undefined || (file !== undefined && globToRegExp(e.files).test(file.replace(/\\/g, '/')))),
  );
}
