/**
 * The one settings path (issue 15): which `.perf-target.json` applies to a file, with the editor's
 * layer on top, and the path its `ignore` globs match. The command line and the server both ask
 * `SettingsResolver`; `test/server/settings.test.ts` holds their findings equal over the protocol.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, parse } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkText } from '../server/src/check';
import { CONFIG_KEYS, DEFAULT_CONFIG, PUNCTUATION_STYLES, readConfig } from '../server/src/config';
import {
  directoriesAbove,
  EDITOR_SETTINGS,
  SettingsResolver,
  type SettingsIssue,
  type SettingsReader,
} from '../server/src/settings';
import { RULE_IDS, RULES } from '../server/src/rules';
import { projectRow, unitRow } from '../server/src/rules/examples';
import { SEVERITIES } from '../server/src/rules/types';
import { jsonText } from '../scripts/manifest';
import { renderSchema, SCHEMA_PATH } from '../scripts/schema';
import { table } from './helpers';

/** An in-memory disk: settings files by absolute path; every path asked for is noted. */
function disk(files: Record<string, unknown>): { read: SettingsReader; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    read: (path) => {
      asked.push(path);
      const v = files[path];
      return v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
    },
  };
}

const ROOT = parse(process.cwd()).root;
const W = join(ROOT, 'w');
const at = (...parts: string[]) => join(W, ...parts);
const settingsAt = (...parts: string[]) => join(W, ...parts, '.perf-target.json');

describe('settings: one resolver for the command line and the server', () => {
  it('applies the nearest .perf-target.json, and the path below it for ignore globs', () => {
    const { read } = disk({
      [settingsAt()]: { rules: { 'punctuation-style': 'warning' }, tolerance: 1 },
      [settingsAt('2024')]: { rules: { 'punctuation-style': 'off' } },
    });
    const r = new SettingsResolver({ read, roots: [W] });
    const nested = r.resolve({ path: at('2024', 'a', 'x.jxmb') });
    assert.equal(nested.source, settingsAt('2024'));
    assert.equal(nested.base, at('2024'));
    assert.equal(nested.file, 'a/x.jxmb');
    assert.equal(nested.config.rules['punctuation-style'], 'off');
    // The nearest file applies whole: the parent's tolerance is not merged in.
    assert.equal(nested.config.tolerance, 0);
    const top = r.resolve({ path: at('2025', 'y.jxmb') });
    assert.equal(top.source, settingsAt());
    assert.equal(top.file, '2025/y.jxmb');
    assert.equal(top.config.rules['punctuation-style'], 'warning');
    assert.equal(top.config.tolerance, 1);
  });

  it('walks up to the filesystem root, past the workspace root, reading each directory once', () => {
    const { read, asked } = disk({});
    const r = new SettingsResolver({ read, roots: [at('project')] });
    const s = r.resolve({ path: at('project', 'sub', 'x.jxmb') });
    assert.equal(s.source, undefined);
    assert.equal(s.config, DEFAULT_CONFIG);
    assert.deepEqual(s.issues, []);
    // Without a settings file, globs are relative to the workspace root that holds the file.
    assert.equal(s.base, at('project'));
    assert.equal(s.file, 'sub/x.jxmb');
    assert.deepEqual(asked, [
      settingsAt('project', 'sub'),
      settingsAt('project'),
      settingsAt(),
      join(ROOT, '.perf-target.json'),
    ]);
    // A second file in the same tree reads nothing again; a sibling directory reads only itself.
    r.resolve({ path: at('project', 'sub', 'y.jxmb') });
    r.resolve({ path: at('project', 'other', 'z.jxmb') });
    assert.deepEqual(asked.slice(4), [settingsAt('project', 'other')]);
    // A file outside every root: globs relative to its own directory.
    assert.equal(r.resolve({ path: join(ROOT, 'elsewhere', 'x.jxmb') }).file, 'x.jxmb');
  });

  it('applies a settings file above the workspace root, as the command line does', () => {
    const { read } = disk({ [settingsAt()]: { rules: { 'html-residue': 'off' } } });
    const s = new SettingsResolver({ read, roots: [at('project')] }).resolve({ path: at('project', 'x.jxmb') });
    assert.equal(s.source, settingsAt());
    assert.equal(s.file, 'project/x.jxmb');
    assert.equal(s.config.rules['html-residue'], 'off');
  });

  it('stops at a settings file that is not valid JSON: the defaults, with the problem told once', () => {
    const { read } = disk({
      [settingsAt()]: { rules: { 'html-residue': 'off' } },
      [settingsAt('2024')]: '{\n  "rules": { "html-residue": "off", }\n}\n',
    });
    const told: SettingsIssue[][] = [];
    const r = new SettingsResolver({ read, onIssues: (i) => told.push([...i]) });
    const s = r.resolve({ path: at('2024', 'x.jxmb') });
    assert.equal(s.source, settingsAt('2024'));
    assert.equal(s.config, DEFAULT_CONFIG, 'the parent file does not stand in for a broken one');
    assert.equal(s.issues.length, 1);
    assert.equal(s.issues[0]?.source, settingsAt('2024'));
    assert.match(
      s.issues[0]?.text.en ?? '',
      /^settings are not valid JSON \(near line 2, column \d+\); using the defaults$/,
    );
    assert.match(s.issues[0]?.text.zh ?? '', /^设置文件不是有效的 JSON/);
    r.resolve({ path: at('2024', 'y.jxmb') });
    assert.equal(told.length, 1, 'told once per settings file');
    // Cleared (a settings file changed): read and told again.
    r.clear();
    r.resolve({ path: at('2024', 'y.jxmb') });
    assert.equal(told.length, 2);
  });

  it('names unreadable settings, JSON that is no object and unknown rules, keeping the rest', () => {
    const failing: SettingsReader = (path) => {
      if (path === settingsAt('locked'))
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      if (path === settingsAt('list')) return '[1, 2]';
      if (path === settingsAt('typo'))
        return JSON.stringify({ rules: { 'punctuation-styel': 'off', 'html-residue': 'off' } });
      return undefined;
    };
    const r = new SettingsResolver({ read: failing, editor: { tolerance: 2 } });
    const locked = r.resolve({ path: at('locked', 'x.jxmb') });
    assert.match(locked.issues[0]?.text.en ?? '', /cannot read the settings file \(EACCES\)/);
    const list = r.resolve({ path: at('list', 'x.jxmb') });
    assert.deepEqual(
      list.issues.map((i) => i.text.en),
      ['settings must be an object'],
    );
    assert.equal(list.config.tolerance, 2, "the editor's layer still applies");
    const typo = r.resolve({ path: at('typo', 'x.jxmb') });
    assert.match(typo.issues[0]?.text.en ?? '', /unknown rule "punctuation-styel".*did you mean "punctuation-style"/);
    assert.equal(typo.config.rules['html-residue'], 'off');
  });

  it('lays the editor settings that are set on the file: keys replace, rules merge rule by rule', () => {
    const { read } = disk({
      [settingsAt()]: {
        rules: { 'punctuation-style': 'off', 'html-residue': 'hint' },
        tolerance: 1,
        punctuationStyle: 'halfwidth',
      },
    });
    const editor = {
      rules: { 'html-residue': 'error' },
      tolerance: 0.5,
      punctuationStyle: null,
      requiredCategories: null,
      maxDiagnosticsPerFile: 10,
      focusMode: true,
    };
    const s = new SettingsResolver({ read, editor }).resolve({ path: at('x.jxmb') });
    assert.deepEqual(s.config.rules, { 'punctuation-style': 'off', 'html-residue': 'error' });
    assert.equal(s.config.tolerance, 0.5);
    assert.equal(s.config.punctuationStyle, 'halfwidth', 'null in the editor: the file decides');
    assert.deepEqual(s.config.requiredCategories, DEFAULT_CONFIG.requiredCategories);
    assert.deepEqual(s.issues, [], "the editor's own settings are no check settings, and no problem");
    // Without a settings file the editor's layer alone applies, its problems named as the editor's.
    const alone = new SettingsResolver({ read: () => undefined, editor: { rules: { nope: 'off' } } }).resolve({
      path: at('x.jxmb'),
    });
    assert.equal(alone.issues[0]?.source, EDITOR_SETTINGS);
  });

  it('gives every file under one settings file the same Config object (the checks cache by it)', () => {
    const { read } = disk({ [settingsAt()]: { tolerance: 1 } });
    const r = new SettingsResolver({ read });
    assert.equal(r.resolve({ path: at('a', 'x.jxmb') }).config, r.resolve({ path: at('b', 'y.jxmb') }).config);
  });

  it('resolves text that is no file (standard input, untitled) in its directory, where no files glob matches it', () => {
    const { read } = disk({ [settingsAt()]: { ignore: [{ rule: 'total-mismatch', files: '**' }] } });
    const r = new SettingsResolver({ read, roots: [W] });
    const stdin = r.resolve({ directory: W });
    assert.equal(stdin.source, settingsAt());
    assert.equal(stdin.file, undefined);
    assert.deepEqual(
      r.resolveUri('untitled:Untitled-1'),
      stdin,
      'an untitled document stands in the first workspace root',
    );
    assert.equal(r.resolveUri(pathToFileURL(at('2024', 'x.jxmb')).toString()).file, '2024/x.jxmb');
    assert.equal(
      new SettingsResolver({ read }).resolveUri('untitled:x').source,
      undefined,
      'no workspace: no settings file',
    );
  });

  it('names the folders above the workspace roots, where a settings file applies too (the server watches them)', () => {
    assert.deepEqual(directoriesAbove([at('a'), at('b', 'c')]).sort(), [ROOT, W, at('b')].sort());
    assert.deepEqual(directoriesAbove([W, at('a')]), [ROOT], 'a root inside another adds nothing');
    assert.deepEqual(directoriesAbove([ROOT]), []);
  });

  it('takes --config instead of the search, its globs relative to it', () => {
    const { read, asked } = disk({ [join(ROOT, 'conf', 'ci.json')]: { rules: { 'html-residue': 'off' } } });
    const s = new SettingsResolver({ read, explicit: join(ROOT, 'conf', 'ci.json') }).resolve({ path: at('x.jxmb') });
    assert.equal(s.config.rules['html-residue'], 'off');
    assert.equal(s.file, '../w/x.jxmb');
    assert.deepEqual(asked, [join(ROOT, 'conf', 'ci.json')]);
  });

  it('matches ignore globs on the path below the settings file, on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-target-settings-'));
    mkdirSync(join(dir, '2024', 'q1'), { recursive: true });
    mkdirSync(join(dir, '2025'), { recursive: true });
    writeFileSync(
      join(dir, '.perf-target.json'),
      JSON.stringify({ ignore: [{ rule: 'total-mismatch', project: '项目', files: '2024/**' }] }),
    );
    const broken = table([
      unitRow('合计', ['1.00', '1.00']),
      unitRow('单位', ['1.00', '1.00']),
      projectRow('项目', ['2.00', '1.00']),
    ]);
    const r = new SettingsResolver({ roots: [dir] });
    const rules = (path: string) => checkText(broken, r.resolve({ path })).findings.map((f) => f.rule);
    assert.ok(!rules(join(dir, '2024', 'q1', 'x.jxmb')).includes('total-mismatch'));
    assert.ok(!rules(join(dir, '2024', 'x.jxmb')).includes('total-mismatch'));
    assert.ok(rules(join(dir, '2025', 'x.jxmb')).includes('total-mismatch'));
    assert.ok(rules(join(dir, 'x.jxmb')).includes('total-mismatch'));
    // Text that is no file: the glob does not match it.
    assert.ok(checkText(broken, r.resolve({ directory: dir })).findings.some((f) => f.rule === 'total-mismatch'));
  });
});

describe('settings: the JSON schema of .perf-target.json', () => {
  const repo = join(__dirname, '..', '..');
  const schema = renderSchema();
  const props = schema['properties'] as Record<string, Record<string, unknown>>;

  it('is generated from the registry (run `npm run generate`) and contributed for .perf-target.json', () => {
    assert.equal(readFileSync(join(repo, SCHEMA_PATH), 'utf8'), jsonText(schema), `${SCHEMA_PATH} is stale`);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      contributes: { jsonValidation?: Array<{ fileMatch: string; url: string }> };
    };
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.perf-target.json', url: `./${SCHEMA_PATH}` }]);
    assert.match(readFileSync(join(repo, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m, 'the schema is packaged');
  });

  it('allows what readConfig accepts: its keys, every rule id with every severity, the level-1 codes', () => {
    assert.deepEqual(Object.keys(props).sort(), [...CONFIG_KEYS].sort());
    const rules = (props['rules']?.['properties'] ?? {}) as Record<string, { enum: string[]; default: string }>;
    assert.deepEqual(Object.keys(rules), [...RULE_IDS]);
    for (const [id, p] of Object.entries(rules)) {
      assert.deepEqual(p.enum, [...SEVERITIES]);
      assert.deepEqual(readConfig({ rules: Object.fromEntries(p.enum.map((s) => [id, s])) }, RULE_IDS).issues, []);
      assert.equal(p.default, RULES.find((r) => r.id === id)?.defaultSeverity);
    }
    const ignoreRule = (
      (props['ignore']?.['items'] as Record<string, unknown>)['properties'] as Record<string, { enum?: string[] }>
    )['rule'];
    assert.deepEqual(ignoreRule?.enum, [...RULE_IDS]);
    const codes = (props['requiredCategories']?.['items'] as { enum: string[] }).enum;
    assert.deepEqual(readConfig({ requiredCategories: codes }, RULE_IDS).issues, []);
    assert.notDeepEqual(
      readConfig({ requiredCategories: ['4'] }, RULE_IDS).issues,
      [],
      'a code the schema leaves out is refused',
    );
    assert.deepEqual(props['punctuationStyle']?.['enum'], [...PUNCTUATION_STYLES]);
    assert.equal(props['maxCellLength']?.['minimum'], 1000);
    assert.notDeepEqual(readConfig({ maxCellLength: 999 }, RULE_IDS).issues, []);
  });
});
