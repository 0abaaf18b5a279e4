/**
 * Tokens of the indicator language (the 绩效指标 cell), in two lexer modes:
 *
 * - `structure`: sequence numbers, codes, names, separators and the value labels;
 * - `value`: free text after `实施周期指标值：` / `年度指标值：`, where `；` and `。` are text unless they
 *   stand right before the next label or the next indicator (decided by lookahead).
 *
 * Every pattern has a first character Chevrotain can infer (no complement sets), so both modes
 * stay on the lexer's optimised path; `test/lexer.test.ts` builds the lexer with
 * `ensureOptimizations: true` to keep it that way. Chinese ranges are explicit because Chevrotain
 * rebuilds patterns without the `u` flag.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import {
  DASH_CHARS,
  HTML_ENTITY_SOURCE,
  HTML_SOURCE,
  LABEL_PATTERN,
  LABEL_VARIANTS,
  type Bilingual,
  COLON_MARKS,
  COMMA_MARKS,
  SEPARATOR_MARKS,
} from '../vocabulary';

/** A positive character class for "any UTF-16 code unit except these", so first chars stay inferable. */
export function anyExcept(excluded: string): string {
  const codes = Array.from(new Set(Array.from(excluded, (c) => c.charCodeAt(0)))).sort((a, b) => a - b);
  const hex = (n: number) => `\\u${n.toString(16).padStart(4, '0')}`;
  const parts: string[] = [];
  let from = 0;
  for (const c of codes) {
    if (c > from) parts.push(c - 1 > from ? `${hex(from)}-${hex(c - 1)}` : hex(from));
    from = c + 1;
  }
  if (from <= 0xffff) parts.push(`${hex(from)}-\\uffff`);
  return `[${parts.join('')}]`;
}

const SP = '[ \\u3000\\u00a0]';
/**
 * Space between an indicator's end and what follows, line breaks included: a cell copied from
 * Excel with line breaks (Alt+Enter) is one cell, often with one indicator per line.
 */
const GAP = '[ \\u3000\\u00a0\\r\\n]{0,6}';
/** Every dash a keyboard or IME writes between a code and its name (the canonical one first). */
const DASHES = DASH_CHARS;
/** A digit as written: ASCII or full-width (read by its meaning, reported as style). */
const DIGIT = '[0-9０-９]';
/** Marks a keyboard or IME puts where `、` belongs after a sequence number (`3．` `3.` `3。` `3，` `3）`). */
const SEQ_SLIPS = '．.。，,）)：:';
const LABELS = LABEL_PATTERN;
/** End of input: Chevrotain rejects `$`, so say "no character follows". */
const END = `(?!${anyExcept('')})`;
/** An HTML entity, which the HtmlTag token takes: text stops before one. */
const ENTITY = HTML_ENTITY_SOURCE;
/** A code-name starts here: `3-满意度指标` (a code, a dash, then a name in Chinese). */
const CODE_NAME_AHEAD = `${SP}{0,2}${DIGIT}{1,2}${SP}{0,2}[${DASHES}]${SP}{0,2}[\\u4e00-\\u9fff]`;
/** A sequence number with a wrong mark, standing before a code-name: `3．3-满意度指标`. */
const SEQ_SLIP = `[（(]?${DIGIT}{1,4}${SP}{0,2}[${SEQ_SLIPS}](?=${CODE_NAME_AHEAD})`;
/**
 * Lookahead for the start of an indicator: `2、1-` (a sequence number followed by a code), the same
 * with a wrong mark (`2．1-产出`), or a code-name whose number was forgotten (`1-产出指标`).
 */
const NEXT_INDICATOR = `(?:${DIGIT}{1,4}${SP}{0,2}、${SP}{0,2}${DIGIT}{1,2}${SP}{0,2}[${DASHES}]|${SEQ_SLIP}|${CODE_NAME_AHEAD})`;

// Categories the parser consumes.
export const AnySep = createToken({ name: 'AnySep', pattern: Lexer.NA });
export const AnyStop = createToken({ name: 'AnyStop', pattern: Lexer.NA });
export const AnySeq = createToken({ name: 'AnySeq', pattern: Lexer.NA });
export const AnyPeriodLabel = createToken({ name: 'AnyPeriodLabel', pattern: Lexer.NA });
export const AnyAnnualLabel = createToken({ name: 'AnyAnnualLabel', pattern: Lexer.NA });
export const ValuePart = createToken({ name: 'ValuePart', pattern: Lexer.NA });
export const NamePart = createToken({ name: 'NamePart', pattern: Lexer.NA });
/** Everything that cannot start an indicator; what the parser skips as stray text. */
export const NotSeq = createToken({ name: 'NotSeq', pattern: Lexer.NA });

/** Line breaks of a cell copied from Excel with Alt+Enter (a quoted cell): space between tokens. */
export const LineBreak = createToken({
  name: 'LineBreak',
  pattern: /\r\n|\r|\n/,
  line_breaks: true,
  group: Lexer.SKIPPED,
});
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: new RegExp(`${SP}+`), group: Lexer.SKIPPED });
export const HtmlTag = createToken({
  name: 'HtmlTag',
  pattern: new RegExp(HTML_SOURCE),
  group: 'html',
});

// ---- structure mode
export const Seq = createToken({ name: 'Seq', pattern: new RegExp(`${DIGIT}{1,4}${SP}{0,2}、`), categories: [AnySeq] });
/** A sequence number written with another mark than `、` before a code-name (`3．3-满意度指标`). */
export const SeqSlip = createToken({ name: 'SeqSlip', pattern: new RegExp(SEQ_SLIP), categories: [AnySeq] });
export const Code = createToken({
  name: 'Code',
  pattern: new RegExp(`${DIGIT}{1,4}(?=${SP}{0,2}[${DASHES}])`),
  categories: [NamePart, NotSeq],
});
export const Dash = createToken({ name: 'Dash', pattern: new RegExp(`[${DASHES}]`), categories: [NamePart, NotSeq] });
export const Sep = createToken({
  name: 'Sep',
  pattern: new RegExp(`[${SEPARATOR_MARKS}]`),
  categories: [AnySep, NotSeq],
});
export const Colon = createToken({ name: 'Colon', pattern: new RegExp(`[${COLON_MARKS}]`), categories: [NotSeq] });
export const Stop = createToken({ name: 'Stop', pattern: /。/, categories: [AnyStop, NotSeq] });
/**
 * What may follow a label: its colon, a mark typed in its place (not a separator before more), or
 * such a mark before the colon (`实施周期指标值、：`).
 */
const LABEL_END = `${SP}{0,2}(?:[${COLON_MARKS}]|[${SEPARATOR_MARKS}${COMMA_MARKS}、．.]${SP}{0,2}[${COLON_MARKS}]|[${SEPARATOR_MARKS}${COMMA_MARKS}、．.](?!${SP}{0,3}(?:${LABELS}|${NEXT_INDICATOR}|${END})))?`;
const PERIOD_LABEL = new RegExp(`(?:${LABEL_VARIANTS.period})${LABEL_END}`);
const ANNUAL_LABEL = new RegExp(`(?:${LABEL_VARIANTS.annual})${LABEL_END}`);
export const PeriodLabel = createToken({
  name: 'PeriodLabel',
  pattern: PERIOD_LABEL,
  push_mode: 'value',
  categories: [AnyPeriodLabel, NotSeq],
});
export const AnnualLabel = createToken({
  name: 'AnnualLabel',
  pattern: ANNUAL_LABEL,
  push_mode: 'value',
  categories: [AnyAnnualLabel, NotSeq],
});
export const Text = createToken({
  name: 'Text',
  // Stops before a label and before a code (`11-`), so that a missing separator between codes is seen.
  pattern: new RegExp(
    `(?:(?!${LABELS}|${ENTITY}|${DIGIT}{1,4}${SP}{0,2}[${DASHES}]|${SEQ_SLIP})${anyExcept('；;：:。<\t\r\n \u3000\u00a0')})+`,
  ),
  categories: [NamePart, NotSeq],
});
/** A `<` that is not an HTML tag. */
export const OddChar = createToken({ name: 'OddChar', pattern: /</, categories: [NamePart, NotSeq] });

// ---- value mode
export const ValueEndSep = createToken({
  name: 'ValueEndSep',
  pattern: new RegExp(`[${SEPARATOR_MARKS}${COMMA_MARKS}](?=${GAP}(?:${LABELS}))`),
  pop_mode: true,
  categories: [AnySep, NotSeq],
});
/**
 * `。` ending a value: before the next indicator, the end of the cell, or another `。` (a value never
 * holds `。。` unquoted: the second is an extra full stop, reported by the parser).
 */
export const ValueStop = createToken({
  name: 'ValueStop',
  pattern: new RegExp(`。(?=${SP}{0,3}。)|[。.](?=${GAP}(?:${DIGIT}{1,4}${SP}{0,2}、|${NEXT_INDICATOR}|${END}))`),
  pop_mode: true,
  categories: [AnyStop, NotSeq],
});
/** `；` (or `,`) used where `。` should end an indicator before the next one. */
export const ValueSeqSep = createToken({
  name: 'ValueSeqSep',
  pattern: new RegExp(`[${SEPARATOR_MARKS}${COMMA_MARKS}](?=${GAP}${NEXT_INDICATOR})`),
  pop_mode: true,
  categories: [AnyStop, NotSeq],
});
/** The next indicator's number right after a value, with no terminator at all. */
export const SeqInValue = createToken({
  name: 'SeqInValue',
  pattern: new RegExp(`${DIGIT}{1,4}${SP}{0,2}、(?=${CODE_NAME_AHEAD})`),
  pop_mode: true,
  categories: [AnySeq],
});
/** The same with a wrong mark: `≥90%3．3-满意度指标`. */
export const SeqSlipInValue = createToken({
  name: 'SeqSlipInValue',
  pattern: new RegExp(SEQ_SLIP),
  pop_mode: true,
  categories: [AnySeq],
});
/** A code-name right after a value whose sequence number (and full stop) were forgotten: `≥90%3-满意度指标`. */
export const CodeInValue = createToken({
  name: 'CodeInValue',
  pattern: new RegExp(`${DIGIT}{1,2}(?=${SP}{0,2}[${DASHES}]${SP}{0,2}[\\u4e00-\\u9fff])`),
  pop_mode: true,
  categories: [Code, NamePart, NotSeq],
});
export const PeriodLabelInValue = createToken({
  name: 'PeriodLabelInValue',
  pattern: PERIOD_LABEL,
  pop_mode: true,
  push_mode: 'value',
  categories: [AnyPeriodLabel, NotSeq],
});
export const AnnualLabelInValue = createToken({
  name: 'AnnualLabelInValue',
  pattern: ANNUAL_LABEL,
  pop_mode: true,
  push_mode: 'value',
  categories: [AnyAnnualLabel, NotSeq],
});
export const Quoted = createToken({
  name: 'Quoted',
  pattern: /“[^“”\t\r\n]*”|"[^"\t\r\n]*"|‘[^‘’\t\r\n]*’/,
  categories: [ValuePart, NotSeq],
});
export const ValueText = createToken({
  name: 'ValueText',
  pattern: new RegExp(`(?:(?!${LABELS}|${ENTITY}|${NEXT_INDICATOR})${anyExcept('；;，,。.“"‘<\t\r\n \u3000\u00a0')})+`),
  categories: [ValuePart, NotSeq],
});
export const ValuePunct = createToken({
  name: 'ValuePunct',
  pattern: /[；;，,。.“"‘<]/,
  categories: [ValuePart, NotSeq],
});

export const MODES = {
  structure: [
    LineBreak,
    WhiteSpace,
    HtmlTag,
    Seq,
    SeqSlip,
    Code,
    Dash,
    Sep,
    Colon,
    Stop,
    PeriodLabel,
    AnnualLabel,
    Text,
    OddChar,
  ],
  value: [
    LineBreak,
    WhiteSpace,
    HtmlTag,
    ValueEndSep,
    ValueStop,
    ValueSeqSep,
    SeqInValue,
    SeqSlipInValue,
    CodeInValue,
    PeriodLabelInValue,
    AnnualLabelInValue,
    Quoted,
    ValueText,
    ValuePunct,
  ],
};

export const ALL_TOKENS: TokenType[] = [
  AnySep,
  AnyStop,
  AnySeq,
  AnyPeriodLabel,
  AnyAnnualLabel,
  ValuePart,
  NamePart,
  NotSeq,
  ...MODES.structure,
  ...MODES.value.filter((t) => !MODES.structure.includes(t)),
];

/** What each token is, for syntax messages. */
export const TOKEN_LABELS: Readonly<Record<string, Bilingual>> = {
  Seq: { zh: '序号（如“1、”）', en: 'a sequence number (“1、”)' },
  SeqSlip: { zh: '序号（如“1、”）', en: 'a sequence number (“1、”)' },
  AnySeq: { zh: '序号（如“1、”）', en: 'a sequence number (“1、”)' },
  Code: { zh: '指标编码（如“11”）', en: 'an indicator code (“11”)' },
  Dash: { zh: '编码后的“-”', en: '“-” after the code' },
  Sep: { zh: '分隔符“；”', en: 'the separator “；”' },
  AnySep: { zh: '分隔符“；”', en: 'the separator “；”' },
  Colon: { zh: '冒号“：”', en: 'a colon “：”' },
  Stop: { zh: '句号“。”', en: 'the full stop “。”' },
  AnyStop: { zh: '句号“。”', en: 'the full stop “。”' },
  PeriodLabel: { zh: '“实施周期指标值：”', en: '“实施周期指标值：” (whole-period value)' },
  AnyPeriodLabel: { zh: '“实施周期指标值：”', en: '“实施周期指标值：” (whole-period value)' },
  AnnualLabel: { zh: '“年度指标值：”', en: '“年度指标值：” (annual value)' },
  AnyAnnualLabel: { zh: '“年度指标值：”', en: '“年度指标值：” (annual value)' },
  Text: { zh: '名称', en: 'a name' },
  NamePart: { zh: '名称', en: 'a name' },
  ValuePart: { zh: '指标值', en: 'a value' },
  NotSeq: { zh: '文字', en: 'text' },
};

/**
 * Tokens carry offsets only: nothing reads their lines or columns. It also keeps them small on
 * Chevrotain 11, whose `END_OF_FILE` (created when the module loads) has `NaN` in the six position
 * fields of the full token's shape: V8 then stores those fields of every full token as separate
 * heap numbers (Chevrotain issue #2192, fixed in 12 with `-1`), nearly doubling a token, so that
 * a long cell's tokens would outgrow the young generation. The offset-only token is another shape,
 * untouched by `NaN`. `test/lexer.test.ts` holds the size and the optimised path of this config
 * (figures in docs/performance.md).
 */
export const LEXER_CONFIG = { positionTracking: 'onlyOffset', ensureOptimizations: false } as const;

export const indicatorLexer = new Lexer({ modes: MODES, defaultMode: 'structure' }, LEXER_CONFIG);
