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

  public cell = this.RULE('cell', () => {
    this.MANY(() => {
      this.OR([
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
    this.OR([
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
    this.OR([{ ALT: () => this.CONSUME(Sep) }, { ALT: () => this.CONSUME(Colon) }]);
  });

  private name = this.RULE('name', () => {
    this.CONSUME(NamePart);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME2(NamePart) }, { ALT: () => this.CONSUME(Colon) }]);
    });
  });

  private value = this.RULE('value', () => {
    this.OR([{ ALT: () => this.CONSUME(AnyPeriodLabel) }, { ALT: () => this.CONSUME(AnyAnnualLabel) }]);
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

/** Tokens of a CST node in source order (recovery-inserted tokens, which have no offset, left out). */
function tokensOf(node: CstNode): IToken[] {
  const out: IToken[] = [];
  const walk = (n: CstNode): void => {
    for (const list of Object.values(n.children)) {
      for (const c of list) {
        if (isToken(c)) {
          if (!c.isInsertedInRecovery && Number.isFinite(c.startOffset)) out.push(c);
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

function childNodes(node: CstNode, key: string): CstNode[] {
  return (node.children[key] ?? []).filter((c): c is CstNode => !isToken(c));
}

function childTokens(node: CstNode, key: string): IToken[] {
  return (node.children[key] ?? []).filter((c): c is IToken => isToken(c) && !c.isInsertedInRecovery && Number.isFinite(c.startOffset));
}

const end = (t: IToken): number => t.startOffset + t.image.length;

function isA(t: IToken, type: TokenType): boolean {
  return t.tokenType === type || (t.tokenType.CATEGORIES ?? []).includes(type);
}

/** Digits of a sequence number or code, full-width digits read as ASCII. */
function digits(s: string): string {
  if (/^[0-9]+$/.test(s)) return s;
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
  const code = childTokens(node, 'Code')[0];
  const name = childTokens(node, 'Text')[0];
  // One object shape whatever is missing (absent parts are undefined): faster than spreading.
  return {
    span: span(ctx, ext[0], ext[1]),
    code: code ? { text: digits(code.image), span: span(ctx, code.startOffset, end(code)) } : undefined,
    name: name ? { text: name.image, span: span(ctx, name.startOffset, end(name)) } : undefined,
  };
}

function buildIndicator(ctx: BuildContext, node: CstNode): IndicatorNode | undefined {
  const ext = extent(node);
  const seqTok = childTokens(node, 'AnySeq')[0];
  if (!seqTok || !ext) return undefined;
  const punctuation: Punct[] = [];
  const l1 = buildCodeName(ctx, childNodes(node, 'level1')[0]);
  const l2 = buildCodeName(ctx, childNodes(node, 'level2')[0]);
  for (const sepNode of childNodes(node, 'codeSep')) {
    for (const t of [...childTokens(sepNode, 'Sep'), ...childTokens(sepNode, 'Colon')]) {
      punctuation.push({ char: t.image, span: span(ctx, t.startOffset, end(t)), role: 'code' });
    }
  }
  const nameNode = childNodes(node, 'name')[0];
  const nameExt = nameNode ? extent(nameNode) : undefined;
  const name: TextNode | undefined = nameExt
    ? { text: ctx.source.slice(nameExt[0], nameExt[1]), span: span(ctx, nameExt[0], nameExt[1]) }
    : undefined;

  // Values and the separators before them, in source order.
  const values: ValueNode[] = [];
  const seps = childTokens(node, 'AnySep');
  // Where the codes and the name end: the first value's separator stands after that.
  let previousEnd = Math.max(end(seqTok), ...punctuation.map((p) => p.span.end - ctx.base), l1 ? l1.span.end - ctx.base : 0, l2 ? l2.span.end - ctx.base : 0, nameExt ? nameExt[1] : 0);
  for (const vn of childNodes(node, 'value')) {
    const labelTok = childTokens(vn, 'AnyPeriodLabel')[0] ?? childTokens(vn, 'AnyAnnualLabel')[0];
    if (!labelTok) continue;
    const kind: ValueNode['label'] = isA(labelTok, AnyPeriodLabel) ? 'period' : 'annual';
    const parts = childTokens(vn, 'ValuePart');
    const firstPart = parts[0];
    const lastPart = parts[parts.length - 1];
    const vStart = firstPart ? firstPart.startOffset : end(labelTok);
    const vEnd = lastPart ? end(lastPart) : end(labelTok);
    const text = ctx.source.slice(vStart, vEnd);
    const colonChar = /[：:]$/.exec(labelTok.image)?.[0];
    if (colonChar) {
      punctuation.push({ char: colonChar, span: span(ctx, end(labelTok) - 1, end(labelTok)), role: 'label' });
    } else {
      ctx.problems.push({
        span: span(ctx, labelTok.startOffset, end(labelTok)),
        message: { zh: `“${labelTok.image.trim()}”后缺少冒号“：”`, en: `expected a colon “：” after “${labelTok.image.trim()}”` },
      });
    }
    values.push({
      label: kind,
      labelSpan: span(ctx, labelTok.startOffset, end(labelTok)),
      span: span(ctx, vStart, vEnd),
      text,
      parsed: parseValue(text),
    });
    // The separator before this value stands between what came before and the label.
    const sep = seps.find((t) => t.startOffset >= previousEnd && end(t) <= labelTok.startOffset && isBlank(ctx.source.slice(end(t), labelTok.startOffset)));
    if (sep) {
      punctuation.push({ char: sep.image, span: span(ctx, sep.startOffset, end(sep)), role: values.length === 1 ? 'name' : 'value' });
    } else if (!isBlank(ctx.source.slice(previousEnd, labelTok.startOffset)) || values.length > 1) {
      const labelText = labelTok.image.replace(/[：:\s\u3000]/g, '');
      ctx.problems.push({
        span: span(ctx, labelTok.startOffset, labelTok.startOffset + 1),
        message: { zh: `“${labelText}”前缺少分隔符“；”`, en: `expected the separator “；” before “${labelText}”` },
      });
    }
    previousEnd = vEnd;
  }
  const stop = childTokens(node, 'AnyStop')[0];
  if (stop) punctuation.push({ char: stop.image, span: span(ctx, stop.startOffset, end(stop)), role: 'terminator' });

  const seqDigits = digits(seqTok.image);
  return {
    span: span(ctx, ext[0], ext[1]),
    seq: { value: seqDigits === '' ? Number.NaN : Number(seqDigits), span: span(ctx, seqTok.startOffset, end(seqTok)) },
    level1: l1,
    level2: l2,
    name,
    values,
    period: values.find((v) => v.label === 'period'),
    annual: values.find((v) => v.label === 'annual'),
    punctuation: punctuation.sort((a, b) => a.span.start - b.span.start),
  };
}

/** Nothing but whitespace and HTML residue (which the lexer skips). */
function isBlank(text: string): boolean {
  return text.replace(/<\/?[A-Za-z][^<>]*>|&(?:nbsp|amp|lt|gt|quot|#[0-9]{1,6});/g, '').trim() === '';
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
  indicators.sort((a, b) => a.span.start - b.span.start);
  problems.sort((a, b) => a.span.start - b.span.start);
  return { indicators, problems, html };
}

export function abbreviate(text: string, max = 20): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

