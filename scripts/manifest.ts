/**
 * The parts of the extension manifest that come from the rule registry: one `perfTarget.rules`
 * property per rule, with its default severity, and its description in package.nls*.json.
 */
import { RULES } from '../server/src/rules';
import { SEVERITIES } from '../server/src/rules/types';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function rulesProperty(pkg: Json): Json {
  const contributes = isRecord(pkg['contributes']) ? pkg['contributes'] : {};
  const configuration = isRecord(contributes['configuration']) ? contributes['configuration'] : {};
  const properties = isRecord(configuration['properties']) ? configuration['properties'] : {};
  const rules = properties['perfTarget.rules'];
  if (!isRecord(rules)) throw new Error('package.json lacks contributes.configuration.properties["perfTarget.rules"]');
  return rules;
}

/** Returns the three files with their generated parts brought up to date (the rest untouched). */
export function renderManifest(pkg: Json, nls: Json, nlsZh: Json): { pkg: Json; nls: Json; nlsZh: Json } {
  const next = structuredClone(pkg);
  const rules = rulesProperty(next);
  rules['properties'] = Object.fromEntries(
    RULES.map((r) => [
      r.id,
      {
        type: 'string',
        enum: [...SEVERITIES],
        default: r.defaultSeverity,
        markdownDescription: `%rule.${r.id}%`,
      },
    ]),
  );
  const withRules = (base: Json, pick: (r: (typeof RULES)[number]) => string): Json => {
    const out: Json = Object.fromEntries(Object.entries(base).filter(([k]) => !k.startsWith('rule.')));
    for (const r of RULES) out[`rule.${r.id}`] = pick(r);
    return out;
  };
  return {
    pkg: next,
    nls: withRules(nls, (r) => r.description.en),
    nlsZh: withRules(nlsZh, (r) => r.description.zh),
  };
}

export const jsonText = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;
