/**
 * The JSON schema of `.perf-target.json` (schemas/perf-target.schema.json), from the rule registry
 * and the catalogue: rule ids and severities as enums, so that VS Code completes and checks them
 * while the file is written (`contributes.jsonValidation`). `npm run generate` writes it;
 * test/settings.test.ts fails when it is stale or disagrees with what `readConfig` accepts.
 */
import { level1Codes } from '../server/src/catalogue';
import { type CONFIG_KEYS, DEFAULT_CONFIG, PUNCTUATION_STYLES } from '../server/src/config';
import { RULE_IDS, RULES } from '../server/src/rules';
import { SEVERITIES } from '../server/src/rules/types';

export const SCHEMA_PATH = 'schemas/perf-target.schema.json';

/** A description in both languages, English first (the schema has one text per field). */
const both = (en: string, zh: string) => `${en}\n\n${zh}`;

type Json = Record<string, unknown>;

export function renderSchema(): Json {
  const properties: Record<(typeof CONFIG_KEYS)[number], Json> = {
    $schema: { type: 'string' },
    rules: {
      type: 'object',
      description: both(
        'Severity of each rule; a rule not listed keeps its default.',
        '各规则的严重程度；未列出的规则保持默认值。',
      ),
      properties: Object.fromEntries(
        RULES.map((r) => [
          r.id,
          {
            enum: [...SEVERITIES],
            default: r.defaultSeverity,
            description: both(
              `${r.description.en} (default: ${r.defaultSeverity})`,
              `${r.description.zh}（默认：${r.defaultSeverity}）`,
            ),
          },
        ]),
      ),
      additionalProperties: false,
    },
    tolerance: {
      type: 'number',
      minimum: 0,
      default: DEFAULT_CONFIG.tolerance,
      description: both(
        'Difference in 万元 a sum may show before it is reported (converted to each table’s money unit).',
        '合计允许的差额（万元，按各表的金额单位换算），超过即报告。',
      ),
    },
    requiredCategories: {
      type: 'array',
      items: { enum: level1Codes().map((c) => c.code) },
      default: [...DEFAULT_CONFIG.requiredCategories],
      description: both('Level-1 codes every project must have indicators in.', '每个项目必须具备的一级指标编码。'),
    },
    punctuationStyle: {
      enum: [...PUNCTUATION_STYLES],
      default: DEFAULT_CONFIG.punctuationStyle,
      description: both(
        'Full-width, half-width, or whatever each file uses most (consistent).',
        '全角、半角，或与文件中多数一致（consistent）。',
      ),
    },
    ignore: {
      type: 'array',
      description: both(
        'Findings not reported. Each entry narrows by rule, project and files (a glob over the file’s path relative to this file’s folder: **, *, ?); an entry with none of them silences everything.',
        '不报告的问题。每项按规则、项目和文件（相对本文件所在目录的路径通配：**、*、?）限定；三者皆无的项忽略全部问题。',
      ),
      items: {
        type: 'object',
        properties: {
          rule: {
            enum: [...RULE_IDS],
            description: both('A rule id; every rule when absent.', '规则 id；不写时为全部规则。'),
          },
          project: {
            type: 'string',
            description: both(
              'A project (or unit) name, exactly as in the table; every project when absent.',
              '项目（或单位）名称，与表中一字不差；不写时为全部项目。',
            ),
          },
          files: {
            type: 'string',
            description: both(
              'A glob over the file’s path relative to this file’s folder, such as 2024/**; every file when absent.',
              '相对本文件所在目录的路径通配，如 2024/**；不写时为全部文件。',
            ),
          },
        },
        additionalProperties: false,
      },
    },
    maxCellLength: {
      type: 'integer',
      minimum: 1000,
      default: DEFAULT_CONFIG.maxCellLength,
      description: both(
        'Characters of an indicator cell that are checked; one note says a longer cell was not checked to its end.',
        '每个绩效指标单元格检查的字符数；更长的单元格只检查到上限，并有一条提示说明。',
      ),
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '.perf-target.json',
    description: both(
      'Settings of the performance target checker (perf-target): the nearest .perf-target.json above a file applies, in the editor and on the command line.',
      '绩效目标表检查（perf-target）的设置：文件所在目录或其上级目录中最近的 .perf-target.json 生效，编辑器与命令行相同。',
    ),
    type: 'object',
    properties,
    additionalProperties: false,
  };
}
