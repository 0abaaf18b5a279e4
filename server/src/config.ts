/**
 * Settings shared by the command line (`.perf-target.json`) and the editor (`perfTarget.*`
 * settings), so that a file checked in either place gives the same findings.
 */
import { lookupCode } from './catalogue';
import { SEVERITIES, type SeveritySetting } from './rules/types';

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
  /** What was wrong in the input, one line each; the rest of the input still applies. */
  readonly problems: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a settings object (parsed JSON or VS Code's configuration) leniently: every valid part is
 * kept, every invalid part is named in `problems` and replaced by its default. Never throws.
 */
export function readConfig(input: unknown, knownRules: readonly string[]): ConfigResult {
  const problems: string[] = [];
  if (input === undefined || input === null) return { config: DEFAULT_CONFIG, problems };
  if (!isRecord(input)) return { config: DEFAULT_CONFIG, problems: ['settings must be an object'] };
  const rules: Record<string, SeveritySetting> = {};
  if (input['rules'] !== undefined) {
    const r = input['rules'];
    if (!isRecord(r)) problems.push('"rules" must be an object of rule id → severity');
    else {
      for (const [id, sev] of Object.entries(r)) {
        if (!knownRules.includes(id)) problems.push(`unknown rule "${id}" in "rules"`);
        else if (typeof sev !== 'string' || !SEVERITIES.includes(sev as SeveritySetting)) {
          problems.push(`"rules.${id}" must be one of ${SEVERITIES.join(', ')}`);
        } else rules[id] = sev as SeveritySetting;
      }
    }
  }
  let tolerance = DEFAULT_CONFIG.tolerance;
  if (input['tolerance'] !== undefined) {
    const t = input['tolerance'];
    if (typeof t === 'number' && Number.isFinite(t) && t >= 0) tolerance = t;
    else problems.push('"tolerance" must be a number of 万元, 0 or more');
  }
  let requiredCategories = DEFAULT_CONFIG.requiredCategories;
  if (input['requiredCategories'] !== undefined) {
    const c = input['requiredCategories'];
    if (Array.isArray(c) && c.every((x) => typeof x === 'string' && lookupCode(x)?.level === 1)) requiredCategories = c as string[];
    else problems.push('"requiredCategories" must be a list of level-1 codes such as ["1", "2"]');
  }
  let punctuationStyle = DEFAULT_CONFIG.punctuationStyle;
  if (input['punctuationStyle'] !== undefined) {
    const p = input['punctuationStyle'];
    if (p === 'fullwidth' || p === 'halfwidth' || p === 'consistent') punctuationStyle = p;
    else problems.push('"punctuationStyle" must be "fullwidth", "halfwidth" or "consistent"');
  }
  const ignore: IgnoreEntry[] = [];
  if (input['ignore'] !== undefined) {
    const list = input['ignore'];
    if (!Array.isArray(list)) problems.push('"ignore" must be a list of {rule, project, files}');
    else {
      for (const e of list) {
        if (!isRecord(e) || !['rule', 'project', 'files'].every((k) => e[k] === undefined || typeof e[k] === 'string')) {
          problems.push('each "ignore" entry must be an object with string "rule", "project" and/or "files"');
          continue;
        }
        if (typeof e['rule'] === 'string' && !knownRules.includes(e['rule'])) problems.push(`unknown rule "${e['rule']}" in "ignore"`);
        ignore.push({
          ...(typeof e['rule'] === 'string' ? { rule: e['rule'] } : {}),
          ...(typeof e['project'] === 'string' ? { project: e['project'] } : {}),
          ...(typeof e['files'] === 'string' ? { files: e['files'] } : {}),
        });
      }
    }
  }
  let maxCellLength = DEFAULT_CONFIG.maxCellLength;
  if (input['maxCellLength'] !== undefined) {
    const m = input['maxCellLength'];
    if (typeof m === 'number' && Number.isInteger(m) && m >= 1000) maxCellLength = m;
    else problems.push('"maxCellLength" must be a whole number of characters, 1000 or more');
  }
  for (const key of Object.keys(input)) {
    if (!['rules', 'tolerance', 'requiredCategories', 'punctuationStyle', 'ignore', 'maxCellLength', '$schema'].includes(key)) problems.push(`unknown setting "${key}"`);
  }
  return { config: { rules, tolerance, requiredCategories, punctuationStyle, ignore, maxCellLength }, problems };
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
export function isIgnored(config: Config, rule: string, project: string | undefined, file: string | undefined): boolean {
  return config.ignore.some((e) =>
    (e.rule === undefined || e.rule === rule) &&
    (e.project === undefined || e.project === project) &&
    (e.files === undefined || (file !== undefined && globToRegExp(e.files).test(file.replace(/\\/g, '/')))));
}
