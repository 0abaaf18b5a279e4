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
import { EmbeddedActionsParser, type IToken, type IParserErrorMessageProvider, type TokenType } from 'chevrotain';
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

// ---------------------------------------------------------------------------------------------
// Parsing: Chevrotain's recogniser with embedded actions that note the tokens each part of an
// indicator consumed. No CST: building one and then walking it made two trees of every cell (the
// CST's nodes, child maps and location objects were most of a check's garbage). The notes are kept
// as tokens are consumed, so an indicator that recovery abandons half-way keeps what it had read,
// as the partial CST nodes did.

/** Where a part's real tokens start and end; -1 while it has none. */
interface Extent {
  start: number;
  end: number;
}

/** Widens an extent to take in a token read after the ones before it. */
function widen(e: Extent, t: IToken): void {
  if (e.start < 0) e.start = t.startOffset;
  e.end = end(t);
}

/** The tokens of one code-name (`11-数量指标`). */
interface CodeNotes extends Extent {
  code: IToken | undefined;
  text: IToken | undefined;
}

/** The tokens of one value (`年度指标值：≥20000人次`). */
interface ValueNotes {
  label: IToken | undefined;
  readonly parts: IToken[];
}

/** The tokens of one indicator, as consumed. */
interface IndicatorNotes extends Extent {
  seq: IToken | undefined;
  level1: CodeNotes | undefined;
  level2: CodeNotes | undefined;
  /** The separators between the codes (and after the second code). */
  readonly codeSeps: IToken[];
  readonly name: Extent;
  readonly values: ValueNotes[];
  /** The separators before values. */
  readonly seps: IToken[];
  stop: IToken | undefined;
}


const noCode = (): CodeNotes => ({ start: -1, end: -1, code: undefined, text: undefined });

/** What a code-name token is. */
const enum CodePart { Code, Dash, Text }

class IndicatorParser extends EmbeddedActionsParser {
  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  /** What the last parse read (taken by `take`). */
  private indicators: IndicatorNotes[] = [];
  /** Text belonging to no indicator. */
  private strays: Extent[] = [];
  /** The indicator, code-name and value being read. */
  private ind: IndicatorNotes | undefined;
  private code: CodeNotes | undefined;
  private val: ValueNotes | undefined;

  override reset(): void {
    super.reset();
    this.take();
  }

  /** The notes of the last parse, handed over (the parser keeps no reference to them). */
  take(): { readonly indicators: readonly IndicatorNotes[]; readonly strays: readonly Extent[] } {
    const out = { indicators: this.indicators, strays: this.strays };
    this.indicators = [];
    this.strays = [];
    this.ind = undefined;
    this.code = undefined;
    this.val = undefined;
    return out;
  }

  // Notes are written only while parsing: in the recording phase of `performSelfAnalysis`, which
  // runs the rule bodies to learn the grammar, tokens are placeholders (Chevrotain's RECORDING_PHASE
  // flag, the documented way to write ACTION-like code without a closure per call).

  /** A token of the current indicator: widens its extent. Inserted tokens (recovery) are left out. */
  private noted(t: IToken): boolean {
    const ind = this.ind;
    if (this.RECORDING_PHASE || !ind || !isReal(t)) return false;
    widen(ind, t);
    return true;
  }

  private noteSeq(t: IToken): void {
    if (this.noted(t) && this.ind && !this.ind.seq) this.ind.seq = t;
  }

  private noteCode(t: IToken, part: CodePart): void {
    const c = this.code;
    if (!this.noted(t) || !c) return;
    widen(c, t);
    if (part === CodePart.Code) c.code ??= t;
    else if (part === CodePart.Text) c.text ??= t;
  }

  private noteCodeSep(t: IToken): void {
    if (this.noted(t)) this.ind?.codeSeps.push(t);
  }

  private noteName(t: IToken): void {
    if (this.noted(t) && this.ind) widen(this.ind.name, t);
  }

  private noteLabel(t: IToken): void {
    if (this.noted(t) && this.val) this.val.label ??= t;
  }

  private noteValuePart(t: IToken): void {
    if (this.noted(t)) this.val?.parts.push(t);
  }

  private noteSep(t: IToken): void {
    if (this.noted(t)) this.ind?.seps.push(t);
  }

  private noteStop(t: IToken): void {
    if (this.noted(t) && this.ind) this.ind.stop ??= t;
  }

  private noteStray(t: IToken): void {
    const s = this.strays[this.strays.length - 1];
    if (!this.RECORDING_PHASE && s && isReal(t)) widen(s, t);
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
    if (!this.RECORDING_PHASE) this.strays.push({ start: -1, end: -1 });
    this.AT_LEAST_ONE(() => this.noteStray(this.CONSUME(NotSeq)));
  });

  private indicator = this.RULE('indicator', () => {
    if (!this.RECORDING_PHASE) {
      this.ind = {
        start: -1, end: -1, seq: undefined, level1: undefined, level2: undefined, codeSeps: [],
        name: { start: -1, end: -1 }, values: [], seps: [], stop: undefined,
      };
      this.indicators.push(this.ind);
    }
    this.noteSeq(this.CONSUME(AnySeq));
    if (!this.RECORDING_PHASE && this.ind) this.code = this.ind.level1 = noCode();
    this.SUBRULE(this.codeName);
    this.SUBRULE(this.codeSep);
    if (!this.RECORDING_PHASE && this.ind) this.code = this.ind.level2 = noCode();
    this.SUBRULE2(this.codeName);
    this.SUBRULE2(this.codeSep);
    this.OPTION(() => this.SUBRULE(this.name));
    this.MANY(() => {
      this.OPTION2(() => this.noteSep(this.CONSUME(AnySep)));
      this.SUBRULE(this.value);
    });
    this.OPTION3(() => this.noteStop(this.CONSUME(AnyStop)));
  });

  private codeName = this.RULE('codeName', () => {
    this.OR(this.codeNameAlts ??= [
      {
        ALT: () => {
          this.noteCode(this.CONSUME(Code), CodePart.Code);
          this.noteCode(this.CONSUME(Dash), CodePart.Dash);
          this.OPTION(() => this.noteCode(this.CONSUME(Text), CodePart.Text));
        },
      },
      { ALT: () => this.noteCode(this.CONSUME2(Text), CodePart.Text) },
    ]);
  });

  private codeSep = this.RULE('codeSep', () => {
    this.OR(this.codeSepAlts ??= [
      { ALT: () => this.noteCodeSep(this.CONSUME(Sep)) },
      { ALT: () => this.noteCodeSep(this.CONSUME(Colon)) },
    ]);
  });

  private name = this.RULE('name', () => {
    this.noteName(this.CONSUME(NamePart));
    this.MANY(() => {
      this.OR(this.nameAlts ??= [
        { ALT: () => this.noteName(this.CONSUME2(NamePart)) },
        { ALT: () => this.noteName(this.CONSUME(Colon)) },
      ]);
    });
  });

  private value = this.RULE('value', () => {
    if (!this.RECORDING_PHASE && this.ind) {
      this.val = { label: undefined, parts: [] };
      this.ind.values.push(this.val);
    }
    this.OR(this.labelAlts ??= [
      { ALT: () => this.noteLabel(this.CONSUME(AnyPeriodLabel)) },
      { ALT: () => this.noteLabel(this.CONSUME(AnyAnnualLabel)) },
    ]);
    this.MANY(() => this.noteValuePart(this.CONSUME(ValuePart)));
  });
}

let parserInstance: IndicatorParser | undefined;
function parser(): IndicatorParser {
  parserInstance ??= new IndicatorParser();
  return parserInstance;
}

// ---------------------------------------------------------------------------------------------
// Tree building

/** A token from the input (not one recovery inserted, which has no offset). */
function isReal(t: IToken): boolean {
  return !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

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

function buildCodeName(ctx: BuildContext, notes: CodeNotes | undefined): CodeNode | undefined {
  if (!notes || notes.start < 0) return undefined;
  const { code, text } = notes;
  // One object shape whatever is missing (absent parts are undefined): faster than spreading.
  return {
    span: span(ctx, notes.start, notes.end),
    code: code ? { text: digits(code.image), span: span(ctx, code.startOffset, end(code)) } : undefined,
    name: text ? { text: text.image, span: span(ctx, text.startOffset, end(text)) } : undefined,
  };
}

function punct(ctx: BuildContext, t: IToken, role: Punct['role']): Punct {
  return { char: t.image, span: span(ctx, t.startOffset, end(t)), role };
}

function buildIndicator(ctx: BuildContext, notes: IndicatorNotes): IndicatorNode | undefined {
  const seqTok = notes.seq;
  if (!seqTok || notes.start < 0) return undefined;
  const punctuation: Punct[] = [];
  const l1 = buildCodeName(ctx, notes.level1);
  const l2 = buildCodeName(ctx, notes.level2);
  // Where the codes and the name end: the first value's separator stands after that.
  let previousEnd = end(seqTok);
  if (l1) previousEnd = Math.max(previousEnd, l1.span.end - ctx.base);
  if (l2) previousEnd = Math.max(previousEnd, l2.span.end - ctx.base);
  for (const t of notes.codeSeps) {
    punctuation.push(punct(ctx, t, 'code'));
    previousEnd = Math.max(previousEnd, end(t));
  }
  const n = notes.name;
  const name: TextNode | undefined = n.start >= 0 ? { text: ctx.source.slice(n.start, n.end), span: span(ctx, n.start, n.end) } : undefined;
  if (name) previousEnd = Math.max(previousEnd, n.end);

  // Values and the separators before them, in source order.
  const values: ValueNode[] = [];
  const seps = notes.seps;
  for (const vn of notes.values) {
    const labelTok = vn.label;
    if (!labelTok) continue;
    const kind: ValueNode['label'] = isA(labelTok, AnyPeriodLabel) ? 'period' : 'annual';
    const parts = vn.parts;
    const firstPart = parts[0];
    const lastPart = parts[parts.length - 1];
    const labelEnd = end(labelTok);
    const vStart = firstPart ? firstPart.startOffset : labelEnd;
    const vEnd = lastPart ? end(lastPart) : labelEnd;
    const text = ctx.source.slice(vStart, vEnd);
    values.push({
      label: kind,
      labelSpan: span(ctx, labelTok.startOffset, labelEnd),
      span: span(ctx, vStart, vEnd),
      text,
      parsed: parseValue(text),
    });
    const colonChar = labelTok.image[labelTok.image.length - 1];
    const colon = colonChar === '：' || colonChar === ':' ? colonChar : undefined;
    if (!colon) {
      ctx.problems.push({
        span: span(ctx, labelTok.startOffset, labelEnd),
        message: { zh: `“${labelTok.image.trim()}”后缺少冒号“：”`, en: `expected a colon “：” after “${labelTok.image.trim()}”` },
      });
    }
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
    // The label's colon after the separator before it: the list is then in source order, unsorted.
    if (colon) punctuation.push({ char: colon, span: span(ctx, labelEnd - 1, labelEnd), role: 'label' });
    previousEnd = vEnd;
  }
  if (notes.stop) punctuation.push(punct(ctx, notes.stop, 'terminator'));

  const seqDigits = digits(seqTok.image);
  let period: ValueNode | undefined;
  let annual: ValueNode | undefined;
  for (const v of values) {
    if (v.label === 'period') period ??= v;
    else annual ??= v;
  }
  return {
    span: span(ctx, notes.start, notes.end),
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
  p.cell();
  const notes = p.take();
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
  for (const child of notes.indicators) {
    const ind = buildIndicator(ctx, child);
    if (ind) indicators.push(ind);
  }
  for (const stray of notes.strays) {
    if (stray.start < 0) continue;
    const text = source.slice(stray.start, stray.end);
    problems.push({
      span: span(ctx, stray.start, stray.end),
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

