/**
 * The Chevrotain grammar of the indicator language and the typed syntax tree built from it.
 *
 *   cell      := (indicator | stray)*
 *   indicator := Seq codeName codeSep codeName codeSep name? (AnySep? value)* AnyStop?
 *   codeName  := Code Dash Text? | Text
 *   codeSep   := Sep | Colon
 *   name      := NamePart+ (Colon | NamePart)*
 *   value     := (PeriodLabel | AnnualLabel) ValuePart*
 *   stray     := NotSeq+
 *
 * The grammar is deliberately lenient where the meaning is still clear (a missing name, separator,
 * colon or value) and the tree builder reports those precisely; Chevrotain's recovery handles the
 * rest (a missing code or separator between codes), re-synchronising at the next sequence number
 * so that one broken indicator never hides the others.
 */
import './node-compat';
import { CstParser, type CstNode, type IToken, type IParserErrorMessageProvider, type TokenType } from 'chevrotain';
import type { Bilingual } from '../catalogue';
import {
  ALL_TOKENS, AnyAnnualLabel, AnyPeriodLabel, AnySep, AnySeq, AnyStop, Code, Colon, Dash, indicatorLexer,
  NamePart, NotSeq, Sep, Text, TOKEN_LABELS, ValuePart,
} from './tokens';
import { isSpaceCode } from './chars';
import { parseValue, type ParsedValue } from './value';

/** A column range within one line, UTF-16 code units, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TextNode {
  readonly text: string;
  readonly span: Span;
}

export interface Punct {
  readonly char: string;
  readonly span: Span;
  /** Where it stands: between codes, after the name, between values, ending the indicator, after a label. */
  readonly role: 'code' | 'name' | 'value' | 'terminator' | 'label';
}

export interface CodeNode {
  readonly span: Span;
  readonly code?: TextNode;
  readonly name?: TextNode;
}

export interface ValueNode {
  readonly label: 'period' | 'annual';
  readonly labelSpan: Span;
  /** The value text's span; empty (start = end) right after the label when nothing was written. */
  readonly span: Span;
  readonly text: string;
  readonly parsed: ParsedValue;
}

export interface IndicatorNode {
  readonly span: Span;
  readonly seq: { readonly value: number; readonly span: Span };
  readonly level1?: CodeNode;
  readonly level2?: CodeNode;
  readonly name?: TextNode;
  readonly values: readonly ValueNode[];
  readonly period?: ValueNode;
  readonly annual?: ValueNode;
  readonly punctuation: readonly Punct[];
}

export interface SyntaxProblem {
  readonly span: Span;
  readonly message: Bilingual;
}

export interface IndicatorList {
  readonly indicators: readonly IndicatorNode[];
  readonly problems: readonly SyntaxProblem[];
  readonly html: readonly Span[];
}

/** Messages are built later from the structured error; the provider only carries the expected tokens. */
const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => JSON.stringify([expected.name]),
  buildNotAllInputParsedMessage: () => JSON.stringify([]),
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) =>
    JSON.stringify(Array.from(new Set(expectedPathsPerAlt.flat().map((path) => path[0]?.name).filter((n): n is string => !!n)))),
  buildEarlyExitMessage: ({ expectedIterationPaths }) =>
    JSON.stringify(Array.from(new Set(expectedIterationPaths.map((path) => path[0]?.name).filter((n): n is string => !!n)))),
};

class IndicatorParser extends CstParser {
  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages, nodeLocationTracking: 'onlyOffset' });
    this.performSelfAnalysis();
  }

  // The alternatives of each OR are built once: a literal array of closures in the rule body
  // would be allocated again at every call (Chevrotain's performance guide says the same).
  private cellAlts?: Array<{ ALT: () => unknown }>;
  private codeNameAlts?: Array<{ ALT: () => unknown }>;
  private codeSepAlts?: Array<{ ALT: () => unknown }>;
  private nameAlts?: Array<{ ALT: () => unknown }>;
  private labelAlts?: Array<{ ALT: () => unknown }>;

  public cell = this.RULE('cell', () => {
    this.MANY(() => {
      this.OR(this.cellAlts ??= [
        { ALT: () => this.SUBRULE(this.indicator) },
        { ALT: () => this.SUBRULE(this.stray) },
      ]);
    });
  });

  private stray = this.RULE('stray', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(NotSeq));
  });

  private indicator = this.RULE('indicator', () => {
    this.CONSUME(AnySeq);
    this.SUBRULE(this.codeName, { LABEL: 'level1' });
    this.SUBRULE(this.codeSep);
    this.SUBRULE2(this.codeName, { LABEL: 'level2' });
    this.SUBRULE2(this.codeSep);
    this.OPTION(() => this.SUBRULE(this.name));
    this.MANY(() => {
      this.OPTION2(() => this.CONSUME(AnySep));
      this.SUBRULE(this.value);
    });
    this.OPTION3(() => this.CONSUME(AnyStop));
  });

  private codeName = this.RULE('codeName', () => {
    this.OR(this.codeNameAlts ??= [
      {
        ALT: () => {
          this.CONSUME(Code);
          this.CONSUME(Dash);
          this.OPTION(() => this.CONSUME(Text));
        },
      },
      { ALT: () => this.CONSUME2(Text) },
    ]);
  });

  private codeSep = this.RULE('codeSep', () => {
    this.OR(this.codeSepAlts ??= [{ ALT: () => this.CONSUME(Sep) }, { ALT: () => this.CONSUME(Colon) }]);
  });

  private name = this.RULE('name', () => {
    this.CONSUME(NamePart);
    this.MANY(() => {
      this.OR(this.nameAlts ??= [{ ALT: () => this.CONSUME2(NamePart) }, { ALT: () => this.CONSUME(Colon) }]);
    });
  });

  private value = this.RULE('value', () => {
    this.OR(this.labelAlts ??= [{ ALT: () => this.CONSUME(AnyPeriodLabel) }, { ALT: () => this.CONSUME(AnyAnnualLabel) }]);
    this.MANY(() => this.CONSUME(ValuePart));
  });
}

let parserInstance: IndicatorParser | undefined;
function parser(): IndicatorParser {
  parserInstance ??= new IndicatorParser();
  return parserInstance;
}

// ---------------------------------------------------------------------------------------------
// Tree building

function isToken(x: CstNode | IToken): x is IToken {
  return (x as IToken).image !== undefined;
}

/** A token from the input (not one recovery inserted, which has no offset). */
function isReal(t: IToken): boolean {
  return !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

/** Tokens of a CST node in source order (recovery-inserted tokens left out). */
function tokensOf(node: CstNode): IToken[] {
  const out: IToken[] = [];
  const walk = (n: CstNode): void => {
    for (const list of Object.values(n.children)) {
      for (const c of list) {
        if (isToken(c)) {
          if (isReal(c)) out.push(c);
        } else walk(c);
      }
    }
  };
  walk(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** A node's extent [start, end) from Chevrotain's location tracking, or from its tokens after recovery. */
function extent(node: CstNode): [number, number] | undefined {
  const loc = node.location;
  if (loc && loc.startOffset >= 0 && loc.endOffset !== undefined && loc.endOffset >= loc.startOffset) return [loc.startOffset, loc.endOffset + 1];
  const toks = tokensOf(node);
  const first = toks[0];
  const last = toks[toks.length - 1];
  return first && last ? [first.startOffset, end(last)] : undefined;
}

// The builder reads CST children in place, without filtered copies: it runs for every indicator
// of a file, and its garbage was a large share of a whole check's collection time.

/** The child nodes under `key`. */
function childNodes(node: CstNode, key: string): readonly CstNode[] {
  return (node.children[key] ?? NO_CHILDREN) as CstNode[];
}

/** The first real token under `key`. */
function firstToken(node: CstNode, key: string): IToken | undefined {
  const list = node.children[key];
  if (!list) return undefined;
  for (const c of list) if (isToken(c) && isReal(c)) return c;
  return undefined;
}

/** The real tokens under `key`, when there may be several. */
function childTokens(node: CstNode, key: string): readonly IToken[] {
  const list = node.children[key];
  if (!list) return NO_TOKENS;
  let all = true;
  for (const c of list) if (!isToken(c) || !isReal(c)) all = false;
  return all ? (list as IToken[]) : list.filter((c): c is IToken => isToken(c) && isReal(c));
}

const NO_CHILDREN: readonly CstNode[] = Object.freeze([]);
const NO_TOKENS: readonly IToken[] = Object.freeze([]);

const end = (t: IToken): number => t.startOffset + t.image.length;

function isA(t: IToken, type: TokenType): boolean {
  return t.tokenType === type || (t.tokenType.CATEGORIES ?? []).includes(type);
}

/** Digits of a sequence number or code, full-width digits read as ASCII. */
function digits(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) ascii = false;
  }
  if (ascii) return s;
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^0-9]/g, '');
}

interface BuildContext {
  readonly source: string;
  readonly base: number;
  readonly problems: SyntaxProblem[];
}

function span(ctx: BuildContext, start: number, stop: number): Span {
  return { start: ctx.base + start, end: ctx.base + stop };
}

function buildCodeName(ctx: BuildContext, node: CstNode | undefined): CodeNode | undefined {
  if (!node) return undefined;
  const ext = extent(node);
  if (!ext) return undefined;
  const code = firstToken(node, 'Code');
  const name = firstToken(node, 'Text');
  // One object shape whatever is missing (absent parts are undefined): faster than spreading.
  return {
    span: span(ctx, ext[0], ext[1]),
    code: code ? { text: digits(code.image), span: span(ctx, code.startOffset, end(code)) } : undefined,
    name: name ? { text: name.image, span: span(ctx, name.startOffset, end(name)) } : undefined,
  };
}

function punct(ctx: BuildContext, t: IToken, role: Punct['role']): Punct {
  return { char: t.image, span: span(ctx, t.startOffset, end(t)), role };
}

function buildIndicator(ctx: BuildContext, node: CstNode): IndicatorNode | undefined {
  const ext = extent(node);
  const seqTok = firstToken(node, 'AnySeq');
  if (!seqTok || !ext) return undefined;
  const punctuation: Punct[] = [];
  const l1 = buildCodeName(ctx, childNodes(node, 'level1')[0]);
  const l2 = buildCodeName(ctx, childNodes(node, 'level2')[0]);
  // Where the codes and the name end: the first value's separator stands after that.
  let previousEnd = Math.max(end(seqTok), l1 ? l1.span.end - ctx.base : 0, l2 ? l2.span.end - ctx.base : 0);
  for (const sepNode of childNodes(node, 'codeSep')) {
    for (const key of ['Sep', 'Colon']) {
      for (const t of childTokens(sepNode, key)) {
        punctuation.push(punct(ctx, t, 'code'));
        previousEnd = Math.max(previousEnd, end(t));
      }
    }
  }
  const nameNode = childNodes(node, 'name')[0];
  const nameExt = nameNode ? extent(nameNode) : undefined;
  const name: TextNode | undefined = nameExt
    ? { text: ctx.source.slice(nameExt[0], nameExt[1]), span: span(ctx, nameExt[0], nameExt[1]) }
    : undefined;
  if (nameExt) previousEnd = Math.max(previousEnd, nameExt[1]);

  // Values and the separators before them, in source order.
  const values: ValueNode[] = [];
  const seps = childTokens(node, 'AnySep');
  for (const vn of childNodes(node, 'value')) {
    const labelTok = firstToken(vn, 'AnyPeriodLabel') ?? firstToken(vn, 'AnyAnnualLabel');
    if (!labelTok) continue;
    const kind: ValueNode['label'] = isA(labelTok, AnyPeriodLabel) ? 'period' : 'annual';
    const parts = childTokens(vn, 'ValuePart');
    const firstPart = parts[0];
    const lastPart = parts[parts.length - 1];
    const labelEnd = end(labelTok);
    const vStart = firstPart ? firstPart.startOffset : labelEnd;
    const vEnd = lastPart ? end(lastPart) : labelEnd;
    const text = ctx.source.slice(vStart, vEnd);
    const colonChar = labelTok.image[labelTok.image.length - 1];
    if (colonChar === '：' || colonChar === ':') {
      punctuation.push({ char: colonChar, span: span(ctx, labelEnd - 1, labelEnd), role: 'label' });
    } else {
      ctx.problems.push({
        span: span(ctx, labelTok.startOffset, labelEnd),
        message: { zh: `“${labelTok.image.trim()}”后缺少冒号“：”`, en: `expected a colon “：” after “${labelTok.image.trim()}”` },
      });
    }
    values.push({
      label: kind,
      labelSpan: span(ctx, labelTok.startOffset, labelEnd),
      span: span(ctx, vStart, vEnd),
      text,
      parsed: parseValue(text),
    });
    // The separator before this value stands between what came before and the label.
    let sep: IToken | undefined;
    for (const t of seps) {
      if (t.startOffset >= previousEnd && end(t) <= labelTok.startOffset && isBlank(ctx.source, end(t), labelTok.startOffset)) {
        sep = t;
        break;
      }
    }
    if (sep) {
      punctuation.push(punct(ctx, sep, values.length === 1 ? 'name' : 'value'));
    } else if (!isBlank(ctx.source, previousEnd, labelTok.startOffset) || values.length > 1) {
      const labelText = labelTok.image.replace(/[：:\s\u3000]/g, '');
      ctx.problems.push({
        span: span(ctx, labelTok.startOffset, labelTok.startOffset + 1),
        message: { zh: `“${labelText}”前缺少分隔符“；”`, en: `expected the separator “；” before “${labelText}”` },
      });
    }
    previousEnd = vEnd;
  }
  const stop = firstToken(node, 'AnyStop');
  if (stop) punctuation.push(punct(ctx, stop, 'terminator'));

  const seqDigits = digits(seqTok.image);
  let period: ValueNode | undefined;
  let annual: ValueNode | undefined;
  for (const v of values) {
    if (v.label === 'period') period ??= v;
    else annual ??= v;
  }
  return {
    span: span(ctx, ext[0], ext[1]),
    seq: { value: seqDigits === '' ? Number.NaN : Number(seqDigits), span: span(ctx, seqTok.startOffset, end(seqTok)) },
    level1: l1,
    level2: l2,
    name,
    values,
    period,
    annual,
    punctuation: inPlaceOrder(punctuation),
  };
}

/** Sorts by start unless already in order (the usual case, which then allocates nothing). */
function inPlaceOrder<T extends { readonly span: Span }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) {
    if ((list[i - 1]?.span.start ?? 0) > (list[i]?.span.start ?? 0)) return list.sort((a, b) => a.span.start - b.span.start);
  }
  return list;
}

const HTML_RESIDUE = /<\/?[A-Za-z][^<>]*>|&(?:nbsp|amp|lt|gt|quot|#[0-9]{1,6});/g;

/** `source[from, to)` holds nothing but whitespace and HTML residue (which the lexer skips). */
function isBlank(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x3c || c === 0x26) return source.slice(from, to).replace(HTML_RESIDUE, '').trim() === '';
    if (!isSpaceCode(c)) return false;
  }
  return true;
}

function describeExpected(json: string): Bilingual {
  let names: string[] = [];
  try {
    const parsed: unknown = JSON.parse(json);
    if (Array.isArray(parsed)) names = parsed.filter((x): x is string => typeof x === 'string');
  } catch {
    names = [];
  }
  const labels = names.map((n) => TOKEN_LABELS[n] ?? { zh: n, en: n });
  return {
    zh: labels.map((l) => l.zh).join('或'),
    en: labels.map((l) => l.en).join(' or '),
  };
}

/**
 * Parses one 绩效指标 cell. `base` is the cell's column in its line, so that every span is a
 * column of that line. Never throws.
 */
export function parseIndicators(source: string, base = 0): IndicatorList {
  const problems: SyntaxProblem[] = [];
  const ctx: BuildContext = { source, base, problems };
  const lexed = indicatorLexer.tokenize(source);
  for (const e of lexed.errors) {
    problems.push({
      span: span(ctx, e.offset, e.offset + Math.max(1, e.length)),
      message: { zh: `无法识别的字符“${source.substr(e.offset, e.length)}”`, en: `unexpected character “${source.substr(e.offset, e.length)}”` },
    });
  }
  const html = (lexed.groups['html'] ?? []).map((t) => span(ctx, t.startOffset, end(t)));
  const p = parser();
  p.input = lexed.tokens;
  const cst = p.cell();
  for (const e of p.errors) {
    const tok = e.token;
    const atEnd = tok.tokenType.name === 'EOF' || !Number.isFinite(tok.startOffset) || tok.startOffset < 0;
    const at = atEnd ? source.length : tok.startOffset;
    const found = atEnd ? undefined : tok.image;
    const expected = describeExpected(e.message);
    const where = found === undefined
      ? { zh: '单元格末尾', en: 'the end of the cell' }
      : { zh: `“${found}”`, en: `“${found}”` };
    problems.push({
      span: found === undefined ? span(ctx, Math.max(0, at - 1), at) : span(ctx, at, at + Math.max(1, found.length)),
      message: expected.zh
        ? { zh: `此处应为${expected.zh}，实际为${where.zh}`, en: `expected ${expected.en} but found ${where.en}` }
        : { zh: `无法解析${where.zh}`, en: `cannot read ${where.en}` },
    });
  }
  const indicators: IndicatorNode[] = [];
  for (const child of childNodes(cst, 'indicator')) {
    const ind = buildIndicator(ctx, child);
    if (ind) indicators.push(ind);
  }
  for (const stray of childNodes(cst, 'stray')) {
    const ext = extent(stray);
    if (!ext) continue;
    const text = source.slice(ext[0], ext[1]);
    problems.push({
      span: span(ctx, ext[0], ext[1]),
      message: {
        zh: `“${abbreviate(text)}”不属于任何指标：每条指标应以序号开头，如“1、1-产出指标；11-数量指标；…”`,
        en: `“${abbreviate(text)}” belongs to no indicator: each indicator starts with a sequence number, as in “1、1-产出指标；11-数量指标；…”`,
      },
    });
  }
  return { indicators: inPlaceOrder(indicators), problems: inPlaceOrder(problems), html };
}

export function abbreviate(text: string, max = 20): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

