/**
 * The server's settings: the workspace's `.perf-target.json` (the same file the command line
 * reads) with the editor's `perfTarget.*` settings on top, so that the editor and a batch run give
 * the same findings unless the clerk overrides something in the editor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, DEFAULT_CONFIG, readConfig, type Config } from '../config';
import { RULE_IDS } from '../rules';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Editor values that are set (not null, not empty) override the file's; rule severities merge. */
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
  }
  return out;
}

export interface ResolvedSettings {
  readonly config: Config;
  readonly problems: readonly string[];
}

/** Reads `.perf-target.json` in `folder` (missing is fine) and applies the editor's settings. */
export function resolveSettings(folder: string | undefined, editor: unknown): ResolvedSettings {
  const problems: string[] = [];
  let fromFile: unknown;
  if (folder) {
    try {
      fromFile = JSON.parse(readFileSync(join(folder, CONFIG_FILE), 'utf8'));
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'ENOENT') problems.push(`${CONFIG_FILE}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const merged = mergeSettings(fromFile, editor);
  if (Object.keys(merged).length === 0) return { config: DEFAULT_CONFIG, problems };
  const r = readConfig(merged, RULE_IDS);
  return { config: r.config, problems: [...problems, ...r.problems] };
}
