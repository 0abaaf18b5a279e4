/**
 * Builds the TextMate grammar (syntaxes/perf-target.tmLanguage.json) from the catalogue and the
 * vocabulary, so that the codes, comparators, units, labels, HTML residue and columns it
 * highlights are the lists the parser and the value reader use, never typed twice.
 * `npm run generate` writes it; a test fails when the committed file is stale.
 */
import { CATALOGUE, MONEY_UNITS } from '../server/src/catalogue';
import {
  AMOUNT_COLUMNS,
  COLUMNS,
  COMPARATOR_FORMS,
  DASH_CHARS,
  DEPARTMENT_WORDS,
  DIRECTION_WORDS,
  FORM_COLUMNS,
  FORM_FIELDS,
  FORM_TITLE_SOURCE,
  HEADER_COLUMNS,
  HEADER_FIRST,
  HTML_SOURCE,
  HTML_TAG_SOURCE,
  LABEL_PATTERN,
  MEASURE_UNITS,
  MONEY_UNIT_WORDS,
  NATURE_WORDS,
  NUMBER_SOURCE,
  PER_MARKS,
  SCALES,
  STANDARD_WORDS,
  TITLE_MARK,
  UNIT_VARIANTS,
} from '../server/src/vocabulary';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const alternatives = (items: readonly string[]) =>
  [...new Set(items)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
/** Every dash the parser reads between a code and its name (`-` first, literal in a class). */
const DASH = `[${DASH_CHARS}]`;
/** A code as written: ASCII or full-width digits (the parser reads both). */
const codeAsWritten = (code: string) =>
  `(?:${code}|${code.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))})`;
/** The catalogue's JavaScript pattern in Oniguruma's syntax (`\x{3000}` for `\u3000`). */
const oniguruma = (source: string) => source.replace(/\\u([0-9a-fA-F]{4})/g, '\\x{$1}');

/** A class's names as written: official and aliases, with or without 指标. */
const classNames = (c: (typeof CATALOGUE)[number]) =>
  [c.name, ...c.aliases].flatMap((n) => (n.endsWith('指标') ? [n, n.slice(0, -2)] : [n, `${n}指标`]));

/** Every name of a level's classes. */
export const levelNames = (level: 1 | 2): string[] => CATALOGUE.filter((c) => c.level === level).flatMap(classNames);

function codePattern(level: 1 | 2): string {
  const codes = CATALOGUE.filter((c) => c.level === level);
  // A code only counts with one of its own names (official, alias, with or without 指标).
  const parts = codes.map((c) => {
    const names = classNames(c);
    return `${codeAsWritten(c.code)}(?=${DASH}\\s*(?:${alternatives(names)}))`;
  });
  return `(?<![0-9０-９])(${parts.join('|')})\\s*(${DASH})\\s*([^；;：:。\\t]*)`;
}

/** Every comparator the value reader reads, symbols and words, before or after the number. */
const ALL_COMPARATORS = COMPARATOR_FORMS.map((f) => f.text);
/** Every unit the value reader reads, as written (`％` too). */
const ALL_UNITS = [...MEASURE_UNITS, ...Object.keys(UNIT_VARIANTS)];
/** HTML residue: the pattern the row splitter and the lexer use, with the same limits. */
const HTML = oniguruma(HTML_SOURCE);
/** Tags before a line's first word (`<p>项目名称`). */
const LEADING_TAGS = `(?:${oniguruma(HTML_TAG_SOURCE)})*`;
/** The amount columns, each a tab and a cell. */
const AMOUNTS = AMOUNT_COLUMNS.length;

/** The last column: the indicators, the rest of the line. */
const INDICATORS_COLUMN = COLUMNS.length - 1;

/** A project row's cells in column order: the amounts required, the goal and indicators optional. */
function projectMatch(): string {
  const cells = COLUMNS.map((c, i) => {
    if (i === 0) return '([^\\t]*)';
    if (c.amount) return '\\t([^\\t]*)';
    return i === INDICATORS_COLUMN ? '(?:\\t(.*))?' : '(?:\\t([^\\t]*))?';
  });
  return `^${cells.join('')}$`;
}

function projectCaptures(): Record<number, unknown> {
  const text = [{ include: '#html' }, { include: '#document-number' }];
  return Object.fromEntries(
    COLUMNS.map((c, i) => {
      if (i === 0) return [i + 1, { name: 'entity.name.function.project.perf-target', patterns: text }];
      if (c.amount) return [i + 1, { patterns: [{ include: '#amount' }] }];
      if (i === INDICATORS_COLUMN)
        return [i + 1, { name: 'meta.indicators.perf-target', patterns: [{ include: '#indicators' }] }];
      return [i + 1, { name: 'string.unquoted.goal.perf-target', patterns: text }];
    }),
  );
}

/**
 * A project row whose goal or indicator cell Excel copied with line breaks: the cell opens a quote
 * (`\t"…`) that its line leaves open (every quote after it doubled), and the row goes on over the
 * next lines until a quote that is not doubled ends the cell — as `rowExtent` in the parser reads it.
 */
function quotedCellRule(column: number): Record<string, unknown> {
  const cells = COLUMNS.slice(0, column)
    .map((_, i) => (i === 0 ? '([^\\t]*)' : '\\t([^\\t]*)'))
    .join('');
  const indicators = column === INDICATORS_COLUMN;
  const own = projectCaptures();
  const beginCaptures: Record<number, unknown> = Object.fromEntries(
    Object.entries(own).filter(([k]) => Number(k) <= column),
  );
  const content = own[column + 1];
  beginCaptures[column + 1] = { name: 'punctuation.definition.string.begin.excel-quote.perf-target' };
  beginCaptures[column + 2] = content;
  return {
    comment: `A project row whose ${indicators ? 'indicator' : 'goal'} cell spans lines (Excel's quoted cell).`,
    begin: `^${cells}\\t(")((?:[^"]|"")*)$`,
    beginCaptures,
    // The closing quote: not doubled, at the end of the line or before the next cell.
    end: indicators ? '(?<!")(")(?!")(?=\\t|$)' : '(?<!")(")(?!")(?:\\t(.*))?$',
    endCaptures: {
      1: { name: 'punctuation.definition.string.end.excel-quote.perf-target' },
      ...(indicators ? {} : { 2: own[INDICATORS_COLUMN + 1] }),
    },
    contentName: indicators ? 'meta.indicators.perf-target' : 'string.unquoted.goal.perf-target',
    patterns: indicators ? [{ include: '#indicators' }] : [{ include: '#html' }, { include: '#document-number' }],
  };
}

/** A comparator, symbol or word, wherever it stands. */
const COMPARATOR_RULE = { name: 'keyword.operator.comparison.perf-target', match: alternatives(ALL_COMPARATORS) };
/** A number with its scale and unit (`4.1万人`, `20元/人`), as the value reader reads them. */
const NUMBER_RULE = {
  match: `(${NUMBER_SOURCE})\\s*(${alternatives(Object.keys(SCALES))})?\\s*(${alternatives(ALL_UNITS)})?(?:(${alternatives(PER_MARKS)})(${alternatives(ALL_UNITS)}|[\\x{4e00}-\\x{9fff}]))?`,
  captures: {
    1: { name: 'constant.numeric.perf-target' },
    2: { name: 'constant.numeric.scale.perf-target' },
    3: { name: 'keyword.other.unit.perf-target' },
    4: { name: 'keyword.other.unit.perf-target' },
    5: { name: 'keyword.other.unit.perf-target' },
  },
};

// ---- application forms
// TextMate reads one line at a time and knows no layout, so a form is highlighted by what its cells
// hold: a cell that is exactly a class name, a column name, a label, a direction, nature or baseline
// word, or a lone comparator. Every word comes from the vocabulary and the catalogue. A form's header
// block runs from a label line (项目名称 …) and its grid from its header line (一级指标 …), each until
// a line of another kind; a line with such a cell outside them is a form line too. Every pattern is
// anchored at a tab or the line's start and bounded, so none backtracks over a long line.

const SPACE = '[ \\x{3000}]';
/** A name as forms write it: a space may fall between its characters (`年度本级 预算金额`). */
const spaced = (name: string) => [...name].map(escape).join(`${SPACE}?`);
const spacedAlternatives = (items: readonly string[]) =>
  [...new Set(items)]
    .sort((a, b) => b.length - a.length)
    .map(spaced)
    .join('|');
/** A whole cell holding `body` (spaces aside); group 1 is the body unless `capture` is false. */
const wholeCell = (body: string, capture = true) =>
  `(?<![^\\t])${SPACE}*(${capture ? '' : '?:'}${body})${SPACE}*(?=\\t|$)`;
/** A bracketed tail (`(包含数字及文字描述)`, `(万元)`), as the form reader ignores it. */
const TAIL = `(?:${SPACE}*[(（][^\\t()（）]{0,40}[)）])`;
/** A label's numbering (`(一)`, `1、`, `其中:`), as the form reader strips it. */
const NUMBERING = `(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[0-9]{1,3}[、.．)）]|其中${SPACE}*[：:]?)`;

const LEVEL1_NAMES = levelNames(1);
const LEVEL2_NAMES = levelNames(2);
const COLUMN_NAMES = FORM_COLUMNS.flatMap((c) => c.names);
const GRID_FIRST_NAMES = FORM_COLUMNS.filter((c) => c.role === 'level1').flatMap((c) => c.names);
const DIRECTIONS = [...DIRECTION_WORDS.up, ...DIRECTION_WORDS.down];
const NATURES = [...NATURE_WORDS.quantitative, ...NATURE_WORDS.qualitative];
/**
 * The labels that open a header block (or its footer): not the column labels (`金额`, `项目`), totals
 * (`合计`) or money patterns, which seven-column rows also start with.
 */
const OPENING_ROLES: ReadonlySet<string> = new Set(['column', 'total', 'money']);
const OPENING_LABELS = FORM_FIELDS.filter((f) => !OPENING_ROLES.has(f.role)).flatMap((f) => f.names);
const FIELD_LABELS = FORM_FIELDS.flatMap((f) => f.names);
/** The labels the vocabulary gives by pattern (`…资金`, `…小计`), their end anchored at the cell's end. */
const FIELD_PATTERNS = FORM_FIELDS.flatMap((f) => (f.pattern ? [oniguruma(f.pattern.replace(/\$$/, ''))] : []));

const label = (names: string) => `${NUMBERING}?${SPACE}*(?:${names})${TAIL}{0,2}${SPACE}*[：:]?`;
/** A grid header cell: a column's name, with a bracketed tail or not. */
const COLUMN_CELL = `(?:${spacedAlternatives(COLUMN_NAMES)})${TAIL}?`;
const GRID_HEADER = `.*?${wholeCell(`(?:${spacedAlternatives(GRID_FIRST_NAMES)})${TAIL}?`, false)}`;
const OPENING_LABEL = wholeCell(label(spacedAlternatives(OPENING_LABELS)), false);

/**
 * Lines of a seven-column table, which end a form's regions: its title, preface, header and rows.
 * Each is tried at a line's start only and never lets two quantifiers share a character, so a long
 * line of spaces or tabs costs one pass.
 */
const TITLES = `${TITLE_MARK}|${oniguruma(FORM_TITLE_SOURCE)}`;
const TITLE_LINE = `[^\\t]*(?:${TITLES})`;
const PREFACE_LINE = `\\s*(?:${alternatives([...DEPARTMENT_WORDS, ...MONEY_UNIT_WORDS])})\\s*[：:]`;
const SEVEN_HEADER = `${SPACE}*(?:${oniguruma(HTML_TAG_SOURCE)}${SPACE}*)*${HEADER_FIRST}[^\\t]*\\t.*?${wholeCell(alternatives(HEADER_COLUMNS), false)}`;
const SEVEN_ROW = `(?:[^\\t]*\\t){${INDICATORS_COLUMN}}[^\\t]*?[0-9０-９]${DASH}`;
const SEVEN = `${TITLE_LINE}|${PREFACE_LINE}|${SEVEN_HEADER}|${SEVEN_ROW}`;

/** The cells of a form line that hold a word of a form: a class, a column, a label, a direction … */
function formCells(): Record<string, unknown> {
  const scoped = (body: string, name: string) => ({ match: wholeCell(body), captures: { 1: { name } } });
  return {
    patterns: [
      { include: '#html' },
      scoped(alternatives(LEVEL1_NAMES), 'entity.name.tag.level1.perf-target'),
      scoped(alternatives(LEVEL2_NAMES), 'entity.other.attribute-name.level2.perf-target'),
      scoped(COLUMN_CELL, 'markup.heading.header.perf-target'),
      scoped(label(spacedAlternatives(FIELD_LABELS)), 'keyword.other.preface.perf-target'),
      scoped(alternatives(DIRECTIONS), 'keyword.other.direction.perf-target'),
      scoped(alternatives(NATURES), 'keyword.other.nature.perf-target'),
      scoped(alternatives(STANDARD_WORDS), 'constant.other.standard.perf-target'),
      scoped(alternatives(ALL_COMPARATORS), 'keyword.operator.comparison.perf-target'),
    ],
  };
}

/** What a grid's value cells hold: values as the value reader reads them, and a baseline after one. */
function formValues(): Record<string, unknown> {
  return {
    patterns: [
      {
        comment: 'A baseline after a value: `100%(计划标准)`.',
        match: `([(（])(${alternatives(STANDARD_WORDS)})([)）])`,
        captures: {
          1: { name: 'punctuation.definition.standard.begin.perf-target' },
          2: { name: 'constant.other.standard.perf-target' },
          3: { name: 'punctuation.definition.standard.end.perf-target' },
        },
      },
      COMPARATOR_RULE,
      NUMBER_RULE,
      {
        comment: 'A unit column’s cell: a unit alone (`人次`, `%`).',
        match: wholeCell(alternatives(ALL_UNITS)),
        captures: { 1: { name: 'keyword.other.unit.perf-target' } },
      },
    ],
  };
}

/** A header block's money cell: a whole cell that is a number, with a money unit or not (`6.30`, `250万`). */
const MONEY_CELL = {
  match: wholeCell(
    `([+-]?[0-9][0-9,]*(?:\\.[0-9]+)?)${SPACE}*(${alternatives([...Object.keys(MONEY_UNITS), ...Object.keys(SCALES)])})?`,
  ),
  captures: {
    2: { name: 'constant.numeric.amount.perf-target' },
    3: { name: 'keyword.other.unit.perf-target' },
  },
};

/** A form's header block: its labels, those the vocabulary gives by pattern too (`(一)财政拨款小计`). */
function formBlock(): Record<string, unknown> {
  return {
    comment: 'A form’s header block: from a label line (项目名称 …) to its grid or a seven-column line.',
    name: 'meta.form.header.perf-target',
    begin: `^(?!${SEVEN})(?=${OPENING_LABEL})`,
    while: `^(?!${GRID_HEADER}|${SEVEN})`,
    patterns: [
      {
        match: wholeCell(label(`[^\\t：:]{0,14}?(?:${FIELD_PATTERNS.join('|')})`)),
        captures: { 1: { name: 'keyword.other.preface.perf-target' } },
      },
      { include: '#form-cells' },
      MONEY_CELL,
    ],
  };
}

/** A form's indicator grid: from its header line (一级指标 …) to a label line or a seven-column line. */
function formGrid(): Record<string, unknown> {
  return {
    comment: 'A form’s indicator grid: from its header line to the next header block or a seven-column line.',
    name: 'meta.form.grid.perf-target',
    begin: `^(?!${SEVEN})(?=${GRID_HEADER})`,
    while: `^(?!${OPENING_LABEL}|${SEVEN})`,
    patterns: [{ include: '#form-cells' }, { include: '#form-values' }],
  };
}

/** A form line outside the regions: it has a cell only forms hold (a class name, a column name …). */
function formRow(): Record<string, unknown> {
  const keys = [...LEVEL1_NAMES, ...LEVEL2_NAMES, ...DIRECTIONS, ...NATURES, ...STANDARD_WORDS, ...ALL_COMPARATORS];
  return {
    comment: 'A line of a form outside its regions: a cell holds a class, column, direction, nature or baseline.',
    match: `^(?!${SEVEN})(?=.*?${wholeCell(`${alternatives(keys)}|${COLUMN_CELL}`, false)})(.*)$`,
    captures: {
      1: { name: 'meta.form.row.perf-target', patterns: [{ include: '#form-cells' }, { include: '#form-values' }] },
    },
  };
}

export function buildGrammar(): Record<string, unknown> {
  // A whole cell (between tabs or HTML tags) that is a number; anything else in an amount cell is invalid.
  const amount = {
    name: 'constant.numeric.amount.perf-target',
    match: '(?<=\\t|>)[ ]*[+-]?[0-9][0-9,]*(?:\\.[0-9]+)?[ ]*(?=\\t|<|$)',
  };
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Performance Targets (绩效目标表)',
    scopeName: 'source.perf-target',
    comment: 'Generated by `npm run generate` from server/src/catalogue.ts; edit scripts/grammar.ts, not this file.',
    patterns: [
      { include: '#form-grid' },
      { include: '#form-block' },
      { include: '#header' },
      { include: '#total' },
      { include: '#form-row' },
      { include: '#unit' },
      { include: '#project-quoted-indicators' },
      { include: '#project-quoted-goal' },
      { include: '#project' },
      { include: '#preface' },
    ],
    repository: {
      preface: {
        patterns: [
          { name: 'markup.heading.title.perf-target', match: `^\\s*${LEADING_TAGS}\\s*\\S*${TITLE_MARK}.*$` },
          // A form's title (`项目支出绩效目标申报表`): a line of one cell that holds one.
          { name: 'markup.heading.title.perf-target', match: `^(?=[^\\t]*$)(?=[^\\t]*?(?:${TITLES})).*$` },
          {
            match: `^\\s*(${alternatives([...DEPARTMENT_WORDS, ...MONEY_UNIT_WORDS])})\\s*([：:])(.*)$`,
            captures: {
              1: { name: 'keyword.other.preface.perf-target' },
              2: { name: 'punctuation.separator.key-value.perf-target' },
              3: { name: 'string.unquoted.preface.perf-target' },
            },
          },
        ],
      },
      header: {
        name: 'markup.heading.header.perf-target',
        match: `^\\s*${LEADING_TAGS}\\s*${HEADER_FIRST}[^\\t]*(?:\\t.*)?$`,
      },
      html: { name: 'comment.other.html-residue.perf-target', match: HTML },
      'form-grid': formGrid(),
      'form-block': formBlock(),
      'form-row': formRow(),
      'form-cells': formCells(),
      'form-values': formValues(),
      amount: {
        patterns: [
          { include: '#html' },
          amount,
          { name: 'invalid.illegal.amount.perf-target', match: '(?<=\\t|>)[^\\t<>]*[^\\t<> ][^\\t<>]*' },
        ],
      },
      total: {
        match: `^(${LEADING_TAGS}[ \\x{3000}]*合[ \\x{3000}]*计[ \\x{3000}]*${LEADING_TAGS})((?:\\t[^\\t]*){0,${AMOUNTS}})(.*)$`,
        captures: {
          1: { name: 'keyword.other.total.perf-target', patterns: [{ include: '#html' }] },
          2: { patterns: [{ include: '#amount' }] },
        },
      },
      unit: {
        comment: 'A row with amounts but no goal and no indicators: a unit (资金使用单位).',
        match: `^([^\\t]+)((?:\\t[^\\t]*){${AMOUNTS}})((?:\\t(?:\\s|${oniguruma(HTML_TAG_SOURCE)})*){0,2})$`,
        captures: {
          1: { name: 'entity.name.namespace.unit.perf-target', patterns: [{ include: '#html' }] },
          2: { patterns: [{ include: '#amount' }] },
        },
      },
      'project-quoted-indicators': quotedCellRule(INDICATORS_COLUMN),
      'project-quoted-goal': quotedCellRule(INDICATORS_COLUMN - 1),
      project: {
        comment: 'A project row: the name, the amounts, then the goal and the indicators, which may be missing.',
        match: projectMatch(),
        captures: projectCaptures(),
      },
      'document-number': {
        name: 'constant.other.document-number.perf-target',
        match: '[\\x{4e00}-\\x{9fff}]{1,8}[〔\\[［(（][0-9]{4}[〕\\]］)）][0-9]{1,5}号',
      },
      indicators: {
        patterns: [
          { include: '#html' },
          {
            match: '(?:^|(?<=[。；;\\s>]))([0-9０-９]{1,4})\\s*(、)',
            captures: {
              1: { name: 'constant.numeric.sequence.perf-target' },
              2: { name: 'punctuation.separator.sequence.perf-target' },
            },
          },
          {
            match: codePattern(1),
            captures: {
              1: { name: 'constant.language.code.level1.perf-target' },
              2: { name: 'punctuation.separator.dash.perf-target' },
              3: { name: 'entity.name.tag.level1.perf-target' },
            },
          },
          {
            match: codePattern(2),
            captures: {
              1: { name: 'constant.language.code.level2.perf-target' },
              2: { name: 'punctuation.separator.dash.perf-target' },
              3: { name: 'entity.other.attribute-name.level2.perf-target' },
            },
          },
          {
            match: `(${oniguruma(LABEL_PATTERN)})\\s*([：:])?`,
            captures: {
              1: { name: 'keyword.other.label.perf-target' },
              2: { name: 'punctuation.separator.key-value.perf-target' },
            },
          },
          { name: 'string.quoted.double.perf-target', match: '“[^“”]*”|"[^"]*"|‘[^‘’]*’' },
          COMPARATOR_RULE,
          NUMBER_RULE,
          { name: 'punctuation.separator.perf-target', match: '[；;]' },
          { name: 'punctuation.separator.key-value.perf-target', match: '[：:]' },
          { name: 'punctuation.terminator.perf-target', match: '。' },
        ],
      },
    },
  };
}

export function renderGrammar(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}
