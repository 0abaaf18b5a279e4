import * as assert from 'node:assert/strict';
import { readConfig } from '../server/src/config';
import { localeOfName, parseLocaleFlag, resolveLocale, toLocale } from '../server/src/i18n';
import { RULE_IDS } from '../server/src/rules';
import { didYouMean, editDistance } from '../server/src/suggest';

describe('the command line’s locale', () => {
  it('reads every way of writing Chinese as Chinese, and C/POSIX/empty as not set', () => {
    for (const name of [
      'zh',
      'zh-cn',
      'zh-CN',
      'zh_CN',
      'zh-Hans',
      'zh-Hans-CN',
      'zh_CN.UTF-8',
      'zh_CN.GB18030',
      'zh_CN.GB18030@euro',
      'zh_SG',
      'zh_TW.UTF-8',
      'zh-Hant',
      'ZH_cn.utf8',
    ]) {
      assert.equal(localeOfName(name), 'zh-cn', name);
    }
    for (const name of ['en', 'en_US.UTF-8', 'en-GB', 'de_DE.UTF-8', 'fr', 'zu_ZA'])
      assert.equal(localeOfName(name), 'en', name);
    for (const name of [undefined, '', ' ', 'C', 'C.UTF-8', 'c.utf8', 'POSIX', 'posix'])
      assert.equal(localeOfName(name), undefined, String(name));
  });

  it('accepts zh and en with any region or script in --locale, and nothing else', () => {
    for (const v of ['zh', 'zh-cn', 'zh_CN', 'zh-Hans', 'zh-Hans-CN', 'ZH-CN', 'zh_CN.UTF-8'])
      assert.equal(parseLocaleFlag(v), 'zh-cn', v);
    for (const v of ['en', 'en-US', 'en_GB']) assert.equal(parseLocaleFlag(v), 'en', v);
    for (const v of ['fr', 'chinese', 'zhcn', '', 'C']) assert.equal(parseLocaleFlag(v), undefined, v);
  });

  it('takes --locale, then LC_ALL, LC_MESSAGES, LANG, LANGUAGE, then the system’s locale', () => {
    type Case = [
      flag: string | undefined,
      env: Record<string, string>,
      system: string | undefined,
      expected: 'zh-cn' | 'en',
    ];
    const cases: Case[] = [
      // --locale wins over everything
      ['en', { LC_ALL: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' }, 'zh-CN', 'en'],
      ['zh', { LC_ALL: 'en_US.UTF-8' }, 'en-US', 'zh-cn'],
      ['zh_CN', {}, 'en-US', 'zh-cn'],
      ['zh-Hans', {}, undefined, 'zh-cn'],
      // each variable in turn
      [undefined, { LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, 'en-US', 'zh-cn'],
      [undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'zh-CN', 'en'],
      [undefined, { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'en-US', 'zh-cn'],
      [undefined, { LANG: 'zh_CN.GB18030' }, 'en-US', 'zh-cn'],
      [undefined, { LANG: 'en_US.UTF-8', LANGUAGE: 'zh_CN' }, 'zh-CN', 'en'],
      [undefined, { LANGUAGE: 'zh_CN:en_US:en' }, 'en-US', 'zh-cn'],
      [undefined, { LANGUAGE: 'en:zh_CN' }, 'zh-CN', 'en'],
      // C and POSIX say nothing: the next source decides (a container's LANG=C)
      [undefined, { LANG: 'C' }, 'zh-CN', 'zh-cn'],
      [undefined, { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }, 'en-US', 'zh-cn'],
      [undefined, { LC_ALL: 'POSIX', LANG: 'C.UTF-8', LANGUAGE: 'zh_CN' }, 'en-US', 'zh-cn'],
      [undefined, { LANG: 'C.UTF-8' }, 'en-US', 'en'],
      [undefined, { LC_ALL: '', LANG: '' }, 'zh-Hans-CN', 'zh-cn'],
      // Windows: no variable, the system's locale (Node takes it from the user's settings)
      [undefined, {}, 'zh-CN', 'zh-cn'],
      [undefined, {}, 'zh-Hans', 'zh-cn'],
      [undefined, {}, 'en-US', 'en'],
      [undefined, {}, undefined, 'en'],
      // an invalid flag is not a choice (parseArgs reports it)
      ['fr', { LANG: 'zh_CN.UTF-8' }, 'en-US', 'zh-cn'],
    ];
    for (const [flag, env, system, expected] of cases) {
      assert.equal(resolveLocale(flag, env, system), expected, JSON.stringify({ flag, env, system }));
    }
  });

  it('leaves the server’s reading of VS Code’s display language as it was', () => {
    for (const tag of ['zh-cn', 'zh', 'zh-hans', 'zh-CN', 'zh-sg']) assert.equal(toLocale(tag), 'zh-cn', tag);
    for (const tag of ['en', 'zh-tw', 'ja', undefined]) assert.equal(toLocale(tag), 'en', String(tag));
  });
});

describe('did you mean', () => {
  it('measures edits, a swap of neighbours as one', () => {
    assert.equal(editDistance('punctuation-styel', 'punctuation-style'), 1);
    assert.equal(editDistance('tolerence', 'tolerance'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('suggests the nearest known word, or a word the input begins, and nothing when far', () => {
    assert.equal(didYouMean('punctuation-styel', RULE_IDS), 'punctuation-style');
    assert.equal(didYouMean('total-missmatch', RULE_IDS), 'total-mismatch');
    assert.equal(didYouMean('warn', ['error', 'warning', 'information', 'hint', 'off']), 'warning');
    assert.equal(didYouMean('info', ['error', 'warning', 'information', 'hint', 'off']), 'information');
    assert.equal(didYouMean('eror', ['error', 'warning', 'information', 'hint', 'off']), 'error');
    assert.equal(didYouMean('banana', RULE_IDS), undefined);
  });
});

describe('settings problems in both languages', () => {
  it('names unknown rules, severities and keys with a suggestion, in English and Chinese', () => {
    const r = readConfig(
      {
        rules: { 'punctuation-styel': 'off', 'total-mismatch': 'warn' },
        tolerence: 1,
        ignore: [{ rule: 'html-residu' }],
      },
      RULE_IDS,
    );
    assert.deepEqual(
      r.problems,
      r.issues.map((i) => i.en),
      'the server logs the English',
    );
    assert.deepEqual(
      r.issues.map((i) => i.en),
      [
        'unknown rule "punctuation-styel" in "rules" — did you mean "punctuation-style"?',
        'unknown severity "warn" for "rules.total-mismatch": must be one of error, warning, information, hint, off — did you mean "warning"?',
        'unknown rule "html-residu" in "ignore" — did you mean "html-residue"?',
        'unknown setting "tolerence" — did you mean "tolerance"?',
      ],
    );
    assert.deepEqual(
      r.issues.map((i) => i.zh),
      [
        '"rules" 中有未知规则 "punctuation-styel"，是否想写 "punctuation-style"？',
        '"rules.total-mismatch" 的严重程度 "warn" 无效，应为 error、warning、information、hint、off 之一，是否想写 "warning"？',
        '"ignore" 中有未知规则 "html-residu"，是否想写 "html-residue"？',
        '未知设置 "tolerence"，是否想写 "tolerance"？',
      ],
    );
    assert.equal(r.config.rules['total-mismatch'], undefined, 'the bad severity is dropped');
  });

  it('has a Chinese text for every problem', () => {
    const r = readConfig(
      { rules: [], tolerance: -1, requiredCategories: ['9'], punctuationStyle: 'full', ignore: [1], x: 1 },
      RULE_IDS,
    );
    assert.equal(r.issues.length, 6);
    for (const i of r.issues) assert.ok(/[\u4e00-\u9fff]/.test(i.zh) && i.zh !== i.en, i.zh);
    assert.match(r.issues[3]?.en ?? '', /did you mean "fullwidth"/);
    assert.deepEqual(readConfig(42, RULE_IDS).problems, ['settings must be an object']);
  });
});
