/**
 * The Chevrotain grammar of the indicator language and the typed syntax tree built from it.
 *
 *   cell      := (indicator | stray)*
 *   indicator := Seq? codeName codeSep codeName codeSep name? (AnySep? value)* AnyStop* — without
 *                its Seq only where a code-name (`3-满意度指标`) starts it: a forgotten number
 *   codeName  := Code Dash Text? | Text
 *   codeSep   := Sep | Colon
 *   name      := NamePart+ (Colon | NamePart)*
 *   value     := (PeriodLabel | AnnualLabel) ValuePart*
 *   stray     := NotSeq+
 *
 * The grammar is deliberately lenient where the meaning is still clear (a missing name, separator,
 * colon, full stop, value or sequence number; a sequence number written `3．`; a label written as a
 * variant or twice or out of order) and the tree builder reports each on its exact characters with
 * the fix that writes the canonical form; Chevrotain's recovery handles the rest (a missing code or
 * separator between codes), re-synchronising at the next sequence number so that one broken
 * indicator never hides the others. The lexer never lets a value swallow what starts the next
 * indicator (see `tokens.ts`), so structure is never absorbed silently.
 */
import {
  EmbeddedActionsParser,
  tokenMatcher,
  type IRecognitionException,
  type IToken,
  type IParserErrorMessageProvider,
  type TokenType,
} from 'chevrotain';
import { HTML_SOURCE, LABELS, type Bilingual, type MarkRole } from '../vocabulary';
import {
  ALL_TOKENS,
  AnyAnnualLabel,
  AnyPeriodLabel,
  AnySep,
  AnySeq,
  AnyStop,
  Code,
  Colon,
  Dash,
  indicatorLexer,
  NamePart,
  NotSeq,
  Sep,
  Text,
  TOKEN_LABELS,
  ValuePart,
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
  readonly role: MarkRole;
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
  /**
   * The sequence number. A forgotten one reads as the number after the previous indicator's, with
   * an empty span where it belongs.
   */
  readonly seq: { readonly value: number; readonly span: Span };
  readonly level1?: CodeNode;
  readonly level2?: CodeNode;
  readonly name?: TextNode;
  readonly values: readonly ValueNode[];
  readonly period?: ValueNode;
  readonly annual?: ValueNode;
  readonly punctuation: readonly Punct[];
}

/** An edit that writes the canonical form of what a problem found. */
export interface SyntaxFix {
  readonly title: Bilingual;
  readonly edits: ReadonlyArray<{ readonly span: Span; readonly newText: string }>;
  /** True when the fix only writes what the text already means (fix-all applies it). */
  readonly safe: boolean;
  /**
   * True when it only writes marks or words of the language's structure in their canonical form
   * (a sequence mark, a full stop, a colon, a label's wording): formatting applies it too. Fixes
   * that move, remove or guess content (a repeated value, swapped values, a forgotten number) are not.
   */
  readonly format?: boolean;
}

export interface SyntaxProblem {
  readonly span: Span;
  readonly message: Bilingual;
  readonly fixes?: readonly SyntaxFix[];
}

export interface IndicatorList {
  readonly indicators: readonly IndicatorNode[];
  readonly problems: readonly SyntaxProblem[];
  readonly html: readonly Span[];
  /**
   * How many characters of the cell were read, when not all of them: a cell longer than the limit
   * (`maxCellLength`), or one so broken that reading on would only add findings nobody can list.
   */
  readonly checked?: number;
  /** Why `checked` is less than the cell: its length or its problems. */
  readonly stoppedBy?: 'length' | 'problems';
}

/** Cells of more tokens than this are parsed a segment at a time (see `parseIndicators`). */
const SEGMENT_TOKENS = 512;
/**
 * A segmented parse stops after a segment that brings the parser's and lexer's problems above
 * this: recovering from each costs tens of microseconds, and a cell's findings are listed up to
 * `MAX_FINDINGS_PER_CELL` anyway. Keeps the parse of any cell within tens of milliseconds.
 */
const PROBLEM_BOUND = 500;

/**
 * Where a cell longer than `limit` is cut: after the last full stop before the limit (a whole
 * indicator), else at the limit (never inside a surrogate pair).
 */
export function cutAt(source: string, limit: number): number {
  if (source.length <= limit) return source.length;
  const stop = source.lastIndexOf('。', limit - 1);
  if (stop >= limit / 2) return stop + 1;
  const c = source.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/** Messages are built later from the structured error; the provider only carries the expected tokens. */
const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => JSON.stringify([expected.name]),
  buildNotAllInputParsedMessage: () => JSON.stringify([]),
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) =>
    JSON.stringify(
      Array.from(
        new Set(
          expectedPathsPerAlt
            .flat()
            .map((path) => path[0]?.name)
            .filter((n): n is string => !!n),
        ),
      ),
    ),
  buildEarlyExitMessage: ({ expectedIterationPaths }) =>
    JSON.stringify(
      Array.from(new Set(expectedIterationPaths.map((path) => path[0]?.name).filter((n): n is string => !!n))),
    ),
};

// ---------------------------------------------------------------------------------------------
// Parsing: Chevrotain's recogniser with embedded actions that note the tokens each part of an
// indicator consumed. No CST: a cell yields one tree, the typed one, never a CST (nodes, child maps,
// location objects) built only to be walked once and dropped. The notes are kept as tokens are
// consumed, so an indicator that recovery abandons half-way keeps what it had read, as the partial
// CST nodes did.

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
  /** Full stops after the first (`。。`). */
  readonly extraStops: IToken[];
}

const noCode = (): CodeNotes => ({ start: -1, end: -1, code: undefined, text: undefined });

/** What a code-name token is. */
const enum CodePart {
  Code,
  Dash,
  Text,
}

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
    if (!this.noted(t) || !this.ind) return;
    if (this.ind.stop) this.ind.extraStops.push(t);
    else this.ind.stop = t;
  }

  private noteStray(t: IToken): void {
    const s = this.strays[this.strays.length - 1];
    if (!this.RECORDING_PHASE && s && isReal(t)) widen(s, t);
  }

  // The alternatives of each OR are built once: a literal array of closures in the rule body
  // would be allocated again at every call (Chevrotain's performance guide says the same).
  private cellAlts?: Array<{ ALT: () => unknown; GATE?: () => boolean; IGNORE_AMBIGUITIES?: boolean }>;
  private codeNameAlts?: Array<{ ALT: () => unknown }>;
  private codeSepAlts?: Array<{ ALT: () => unknown }>;
  private nameAlts?: Array<{ ALT: () => unknown }>;
  private labelAlts?: Array<{ ALT: () => unknown }>;

  /**
   * An indicator starts at a sequence number, or at a code-name of one or two digits whose number was
   * forgotten (`3-满意度指标`); any other text is stray.
   */
  private startsIndicator(): boolean {
    const first = this.LA(1);
    if (tokenMatcher(first, AnySeq)) return true;
    if (
      !tokenMatcher(first, Code) ||
      first.image.length > 2 ||
      !tokenMatcher(this.LA(2), Dash) ||
      !tokenMatcher(this.LA(3), Text)
    )
      return false;
    // Only where an indicator can begin: at the start of the cell, or right after a full stop or a
    // value (an empty one too: right after its label).
    const before = this.LA(0);
    return (
      !isReal(before) ||
      tokenMatcher(before, AnyStop) ||
      tokenMatcher(before, ValuePart) ||
      tokenMatcher(before, AnyPeriodLabel) ||
      tokenMatcher(before, AnyAnnualLabel)
    );
  }

  public cell = this.RULE('cell', () => {
    this.MANY(() => {
      this.OR(
        (this.cellAlts ??= [
          // The gate decides; both alternatives may start with a code, which Chevrotain cannot tell apart.
          { GATE: () => this.startsIndicator(), ALT: () => this.SUBRULE(this.indicator), IGNORE_AMBIGUITIES: true },
          { ALT: () => this.SUBRULE(this.stray) },
        ]),
      );
    });
  });

  private stray = this.RULE('stray', () => {
    if (!this.RECORDING_PHASE) this.strays.push({ start: -1, end: -1 });
    this.AT_LEAST_ONE(() => this.noteStray(this.CONSUME(NotSeq)));
  });

  private indicator = this.RULE('indicator', () => {
    if (!this.RECORDING_PHASE) {
      this.ind = {
        start: -1,
        end: -1,
        seq: undefined,
        level1: undefined,
        level2: undefined,
        codeSeps: [],
        name: { start: -1, end: -1 },
        values: [],
        seps: [],
        stop: undefined,
        extraStops: [],
      };
      this.indicators.push(this.ind);
    }
    this.OPTION4(() => this.noteSeq(this.CONSUME(AnySeq)));
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
    this.MANY2(() => this.noteStop(this.CONSUME(AnyStop)));
  });

  private codeName = this.RULE('codeName', () => {
    this.OR(
      (this.codeNameAlts ??= [
        {
          ALT: () => {
            this.noteCode(this.CONSUME(Code), CodePart.Code);
            this.noteCode(this.CONSUME(Dash), CodePart.Dash);
            this.OPTION(() => this.noteCode(this.CONSUME(Text), CodePart.Text));
          },
        },
        { ALT: () => this.noteCode(this.CONSUME2(Text), CodePart.Text) },
      ]),
    );
  });

  private codeSep = this.RULE('codeSep', () => {
    this.OR(
      (this.codeSepAlts ??= [
        { ALT: () => this.noteCodeSep(this.CONSUME(Sep)) },
        { ALT: () => this.noteCodeSep(this.CONSUME(Colon)) },
      ]),
    );
  });

  private name = this.RULE('name', () => {
    this.noteName(this.CONSUME(NamePart));
    this.MANY(() => {
      this.OR(
        (this.nameAlts ??= [
          { ALT: () => this.noteName(this.CONSUME2(NamePart)) },
          { ALT: () => this.noteName(this.CONSUME(Colon)) },
        ]),
      );
    });
  });

  private value = this.RULE('value', () => {
    if (!this.RECORDING_PHASE && this.ind) {
      this.val = { label: undefined, parts: [] };
      this.ind.values.push(this.val);
    }
    this.OR(
      (this.labelAlts ??= [
        { ALT: () => this.noteLabel(this.CONSUME(AnyPeriodLabel)) },
        { ALT: () => this.noteLabel(this.CONSUME(AnyAnnualLabel)) },
      ]),
    );
    this.MANY(() => this.noteValuePart(this.CONSUME(ValuePart)));
  });
}

let parserInstance: IndicatorParser | undefined;
function parser(): IndicatorParser {
  parserInstance ??= new IndicatorParser();
  return parserInstance;
}

/**
 * Builds the parser now (Chevrotain's grammar analysis, paid once per process): the server does it
 * while answering `initialize`, so that the first document opened does not wait for it.
 */
export function prepareParser(): void {
  parser();
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

/** A problem and the fix that writes the canonical form (a single edit). */
function problem(
  ctx: BuildContext,
  at: Span,
  message: Bilingual,
  fix?: { title: Bilingual; span: Span; newText: string; safe: boolean; format?: boolean },
): void {
  ctx.problems.push(
    fix
      ? {
          span: at,
          message,
          fixes: [
            {
              title: fix.title,
              safe: fix.safe,
              format: fix.format === true,
              edits: [{ span: fix.span, newText: fix.newText }],
            },
          ],
        }
      : { span: at, message },
  );
}

/** A label as written: its words, spaces, a mark typed for or before its colon, spaces, its colon. */
const LABEL_PARTS = /^(.*?)([ \u3000\u00a0]*)([；;，,、．.]?)([ \u3000\u00a0]*)([：:]?)$/;

/** The sequence number: as written, or (forgotten) the one after the previous indicator's. */
function buildSeq(ctx: BuildContext, notes: IndicatorNotes, previous: number): IndicatorNode['seq'] {
  const t = notes.seq;
  if (!t) {
    const value = (Number.isFinite(previous) ? previous : 0) + 1;
    const first = notes.level1 && notes.level1.start >= 0 ? notes.level1 : notes;
    const at = span(ctx, first.start, first.start);
    const head = abbreviate(ctx.source.slice(first.start, first.end), 12);
    problem(
      ctx,
      span(ctx, first.start, first.end > first.start ? first.end : first.start + 1),
      {
        zh: `指标“${head}”前缺少序号，应写作“${value}、${head}”`,
        en: `the indicator “${head}” has no sequence number: write “${value}、${head}”`,
      },
      {
        title: { zh: `插入序号“${value}、”`, en: `Insert the number “${value}、”` },
        span: at,
        newText: `${value}、`,
        safe: true,
      },
    );
    return { value, span: at };
  }
  const d = digits(t.image);
  const value = d === '' ? Number.NaN : Number(d);
  const at = span(ctx, t.startOffset, end(t));
  if (!t.image.trimEnd().endsWith('、')) {
    problem(
      ctx,
      at,
      {
        zh: `序号应写作“${d}、”，不是“${t.image}”：否则这条指标会被读进上一条`,
        en: `write the sequence number as “${d}、”, not “${t.image}”, or the indicator runs into the one before`,
      },
      {
        title: { zh: `改为“${d}、”`, en: `Change to “${d}、”` },
        span: at,
        newText: `${d}、`,
        safe: true,
        format: true,
      },
    );
  }
  return { value, span: at };
}

/** Reports a label written otherwise than canonically, or without its colon; the colon, if any. */
function checkLabel(ctx: BuildContext, t: IToken, kind: ValueNode['label']): string | undefined {
  const [, word = '', spaces = '', mark = '', , colon = ''] = LABEL_PARTS.exec(t.image) ?? [];
  const canonical = LABELS[kind];
  const wordEnd = t.startOffset + word.length;
  if (word !== canonical) {
    problem(
      ctx,
      span(ctx, t.startOffset, wordEnd),
      {
        zh: `标签应写作“${canonical}”，不是“${word}”`,
        en: `write the label as “${canonical}”, not “${word}”`,
      },
      {
        title: { zh: `改为“${canonical}”`, en: `Change to “${canonical}”` },
        span: span(ctx, t.startOffset, wordEnd),
        newText: canonical,
        safe: true,
        format: true,
      },
    );
  }
  const markAt = wordEnd + spaces.length;
  const markSpan = span(ctx, markAt, markAt + mark.length);
  if (mark !== '' && colon !== '') {
    problem(
      ctx,
      markSpan,
      {
        zh: `“${canonical}”的冒号前多了“${mark}”`,
        en: `an extra “${mark}” before the colon of “${canonical}”`,
      },
      { title: { zh: `删除“${mark}”`, en: `Remove “${mark}”` }, span: markSpan, newText: '', safe: true, format: true },
    );
  } else if (mark !== '') {
    problem(
      ctx,
      markSpan,
      {
        zh: `“${canonical}”后应为冒号“：”，不是“${mark}”`,
        en: `expected a colon “：” after “${canonical}”, not “${mark}”`,
      },
      {
        title: { zh: '改为冒号“：”', en: 'Change to the colon “：”' },
        span: markSpan,
        newText: '：',
        safe: true,
        format: true,
      },
    );
  } else if (colon === '') {
    problem(
      ctx,
      span(ctx, t.startOffset, end(t)),
      {
        zh: `“${canonical}”后缺少冒号“：”`,
        en: `expected a colon “：” after “${canonical}”`,
      },
      {
        title: { zh: '插入冒号“：”', en: 'Insert the colon “：”' },
        span: span(ctx, markAt, markAt),
        newText: '：',
        safe: true,
        format: true,
      },
    );
  }
  return colon === '' ? undefined : colon;
}

/** A value's label and text as written, with the offsets (in the cell) where it starts and ends. */
interface ValueExtent {
  readonly node: ValueNode;
  readonly from: number;
  readonly to: number;
  /** Where the text before it (the previous value or the name) ends. */
  readonly after: number;
}

/** Reports labels written more than once and labels in reverse order, each with the fix that mends it. */
function checkLabelOrder(ctx: BuildContext, extents: readonly ValueExtent[]): void {
  // The usual indicator, period then annual (or one of them): nothing to look at, nothing allocated.
  if (
    extents.length < 2 ||
    (extents.length === 2 && extents[0]?.node.label === 'period' && extents[1]?.node.label === 'annual')
  )
    return;
  const first = new Map<ValueNode['label'], ValueExtent>();
  const repeats = new Map<ValueNode['label'], ValueExtent[]>();
  for (const x of extents) {
    if (!first.has(x.node.label)) first.set(x.node.label, x);
    else {
      const list = repeats.get(x.node.label);
      if (list) list.push(x);
      else repeats.set(x.node.label, [x]);
    }
  }
  for (const [kind, list] of repeats) {
    const earlier = first.get(kind);
    const last = list[list.length - 1];
    const other = list.find((x) => x.node.text.trim() !== earlier?.node.text.trim());
    if (!earlier || !last) continue;
    const label = LABELS[kind];
    const times = list.length + 1;
    ctx.problems.push({
      span: span(ctx, (list[0] ?? last).from, last.to),
      message: other
        ? {
            zh: `“${label}”写了 ${times} 次（“${abbreviate(earlier.node.text)}”和“${abbreviate(other.node.text)}”），只会读取第一个`,
            en: `“${label}” is written ${times} times (“${abbreviate(earlier.node.text)}” and “${abbreviate(other.node.text)}”): only the first is read`,
          }
        : { zh: `“${label}”重复写了 ${times} 次`, en: `“${label}” is written ${times} times` },
      fixes: [
        {
          title: { zh: `只保留第一个“${label}”`, en: `Keep only the first “${label}”` },
          safe: !other,
          edits: list.map((x) => ({ span: span(ctx, x.after, x.to), newText: '' })),
        },
      ],
    });
  }
  const repeated = repeats.size > 0;
  const period = first.get('period');
  const annual = first.get('annual');
  if (repeated || !period || !annual || annual.from > period.from) return;
  const src = ctx.source;
  problem(
    ctx,
    span(ctx, annual.from, period.to),
    {
      zh: `“${LABELS.annual}”应写在“${LABELS.period}”之后`,
      en: `“${LABELS.annual}” belongs after “${LABELS.period}”`,
    },
    {
      title: { zh: '交换两个指标值的位置', en: 'Swap the two values' },
      span: span(ctx, annual.from, period.to),
      newText:
        src.slice(period.from, period.to) + src.slice(annual.to, period.from) + src.slice(annual.from, annual.to),
      safe: true,
    },
  );
}

/** Reports a missing full stop (when the indicator has values) and doubled ones. */
function checkStops(ctx: BuildContext, notes: IndicatorNotes, titleOf: () => string, hasValues: boolean): void {
  const missing = !notes.stop && hasValues;
  if (!missing && notes.extraStops.length === 0) return;
  const title = titleOf();
  if (missing) {
    const at = notes.end;
    problem(
      ctx,
      span(ctx, at - 1, at),
      {
        zh: `指标“${title}”末尾缺少句号“。”`,
        en: `the indicator “${title}” does not end with the full stop “。”`,
      },
      {
        title: { zh: '插入句号“。”', en: 'Insert the full stop “。”' },
        span: span(ctx, at, at),
        newText: '。',
        safe: true,
        format: true,
      },
    );
  }
  const extra = notes.extraStops;
  const firstExtra = extra[0];
  const lastExtra = extra[extra.length - 1];
  if (firstExtra && lastExtra && notes.stop) {
    const from = end(notes.stop);
    problem(
      ctx,
      span(ctx, firstExtra.startOffset, end(lastExtra)),
      {
        zh: `指标“${title}”末尾多了${extra.length}个句号`,
        en: `${extra.length} extra full stop(s) after the indicator “${title}”`,
      },
      {
        title: { zh: '删除多余的句号', en: 'Remove the extra full stops' },
        span: span(ctx, from, end(lastExtra)),
        newText: '',
        safe: true,
        format: true,
      },
    );
  }
}

function buildIndicator(ctx: BuildContext, notes: IndicatorNotes, previousSeq: number): IndicatorNode | undefined {
  if (notes.start < 0) return undefined;
  const seq = buildSeq(ctx, notes, previousSeq);
  const punctuation: Punct[] = [];
  const l1 = buildCodeName(ctx, notes.level1);
  const l2 = buildCodeName(ctx, notes.level2);
  // Where the codes and the name end: the first value's separator stands after that.
  let previousEnd = notes.seq ? end(notes.seq) : notes.start;
  if (l1) previousEnd = Math.max(previousEnd, l1.span.end - ctx.base);
  if (l2) previousEnd = Math.max(previousEnd, l2.span.end - ctx.base);
  for (const t of notes.codeSeps) {
    punctuation.push(punct(ctx, t, 'code'));
    previousEnd = Math.max(previousEnd, end(t));
  }
  const n = notes.name;
  const name: TextNode | undefined =
    n.start >= 0 ? { text: ctx.source.slice(n.start, n.end), span: span(ctx, n.start, n.end) } : undefined;
  if (name) previousEnd = Math.max(previousEnd, n.end);

  const values = buildValues(ctx, notes, previousEnd, name !== undefined, punctuation);
  if (notes.stop) punctuation.push(punct(ctx, notes.stop, 'terminator'));
  checkStops(
    ctx,
    notes,
    () => `${Number.isFinite(seq.value) ? `${seq.value}、` : ''}${abbreviate(name?.text ?? l2?.name?.text ?? '', 12)}`,
    values.length > 0,
  );

  let period: ValueNode | undefined;
  let annual: ValueNode | undefined;
  for (const v of values) {
    if (v.label === 'period') period ??= v;
    else annual ??= v;
  }
  return {
    span: span(ctx, notes.start, notes.end),
    seq,
    level1: l1,
    level2: l2,
    name,
    values,
    period,
    annual,
    punctuation: inPlaceOrder(punctuation),
  };
}

/**
 * The indicator's values and the separators before them, in source order, from `previousEnd` (where
 * the codes and the name end); each label's colon and each separator go to `punctuation`, a missing
 * separator and the labels' order are reported.
 */
function buildValues(
  ctx: BuildContext,
  notes: IndicatorNotes,
  previousEnd: number,
  hasName: boolean,
  punctuation: Punct[],
): ValueNode[] {
  const values: ValueNode[] = [];
  const extents: ValueExtent[] = [];
  for (const vn of notes.values) {
    const labelTok = vn.label;
    if (!labelTok) continue;
    const kind: ValueNode['label'] = isA(labelTok, AnyPeriodLabel) ? 'period' : 'annual';
    const node = valueNode(ctx, labelTok, kind, vn.parts);
    values.push(node);
    const vEnd = node.span.end - ctx.base;
    extents.push({ node, from: labelTok.startOffset, to: vEnd, after: previousEnd });
    const colon = checkLabel(ctx, labelTok, kind);
    // The separator before this value stands between what came before and the label.
    const sep = separatorBefore(ctx, notes.seps, previousEnd, labelTok.startOffset);
    if (sep) {
      punctuation.push(punct(ctx, sep, values.length === 1 ? 'name' : 'value'));
    } else if (!isBlank(ctx.source, previousEnd, labelTok.startOffset) || values.length > 1 || hasName) {
      // (Without a name, the separator after the codes stands before the first label.)
      reportMissingSeparator(ctx, labelTok, kind);
    }
    // The label's colon after the separator before it: the list is then in source order, unsorted.
    const labelEnd = end(labelTok);
    if (colon) punctuation.push({ char: colon, span: span(ctx, labelEnd - 1, labelEnd), role: 'label' });
    previousEnd = vEnd;
  }
  checkLabelOrder(ctx, extents);
  return values;
}

/** A value read after its label: its text is from its first part to its last (empty right after the label). */
function valueNode(ctx: BuildContext, labelTok: IToken, kind: ValueNode['label'], parts: readonly IToken[]): ValueNode {
  const firstPart = parts[0];
  const lastPart = parts[parts.length - 1];
  const labelEnd = end(labelTok);
  const vStart = firstPart ? firstPart.startOffset : labelEnd;
  const vEnd = lastPart ? end(lastPart) : labelEnd;
  const text = ctx.source.slice(vStart, vEnd);
  return {
    label: kind,
    labelSpan: span(ctx, labelTok.startOffset, labelEnd),
    span: span(ctx, vStart, vEnd),
    text,
    parsed: parseValue(text),
  };
}

/** The first separator between `from` and `to` with nothing but blanks after it. */
function separatorBefore(ctx: BuildContext, seps: readonly IToken[], from: number, to: number): IToken | undefined {
  for (const t of seps) {
    if (t.startOffset >= from && end(t) <= to && isBlank(ctx.source, end(t), to)) return t;
  }
  return undefined;
}

/** Reports that no `；` stands before a label, with the fix inserting it. */
function reportMissingSeparator(ctx: BuildContext, labelTok: IToken, kind: ValueNode['label']): void {
  const labelText = LABELS[kind];
  const at = labelTok.startOffset;
  problem(
    ctx,
    span(ctx, at, at + 1),
    {
      zh: `“${labelText}”前缺少分隔符“；”`,
      en: `expected the separator “；” before “${labelText}”`,
    },
    {
      title: { zh: '插入分隔符“；”', en: 'Insert the separator “；”' },
      span: span(ctx, at, at),
      newText: '；',
      safe: true,
      format: true,
    },
  );
}

/** Sorts by start unless already in order (the usual case, which then allocates nothing). */
function inPlaceOrder<T extends { readonly span: Span }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) {
    if ((list[i - 1]?.span.start ?? 0) > (list[i]?.span.start ?? 0))
      return list.sort((a, b) => a.span.start - b.span.start);
  }
  return list;
}

/** What the lexer's HtmlTag token takes. */
const HTML_RESIDUE = new RegExp(HTML_SOURCE, 'g');

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

/** What the grammar noted of a cell's tokens, and where it stopped reading (a cell broken throughout). */
interface GrammarRun {
  readonly notes: { indicators: IndicatorNotes[]; strays: Extent[] };
  readonly errors: IRecognitionException[];
  /** The offset reading stopped at, when the problems passed `PROBLEM_BOUND`. */
  readonly stoppedAt?: number;
}

/**
 * Runs the grammar over a cell's tokens. A long cell (a table pasted as one line) is parsed a
 * segment of indicators at a time, each segment starting at a sequence number (where recovery
 * re-synchronises anyway), so that a cell that is broken throughout can stop being read once its
 * problems are more than any list shows. Short cells are parsed whole.
 */
function runGrammar(tokens: readonly IToken[], lexErrors: number): GrammarRun {
  const p = parser();
  const notes: { indicators: IndicatorNotes[]; strays: Extent[] } = { indicators: [], strays: [] };
  const errors: IRecognitionException[] = [];
  // Chevrotain's recovery throws and catches an exception per error it recovers from, each capturing
  // a stack trace, which on a cell of broken indicators (`1、1、1、…`, a pasted PDF) would cost more
  // than the parse. Nobody reads those traces, so none is captured while the grammar runs.
  const traces = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    if (tokens.length <= SEGMENT_TOKENS) {
      p.input = tokens as IToken[];
      p.cell();
      const n = p.take();
      errors.push(...p.errors);
      return { notes: { indicators: n.indicators as IndicatorNotes[], strays: n.strays as Extent[] }, errors };
    }
    let from = 0;
    while (from < tokens.length) {
      let to = Math.min(tokens.length, from + SEGMENT_TOKENS);
      while (to < tokens.length && !tokenMatcher(tokens[to] as IToken, AnySeq)) to++;
      p.input = tokens.slice(from, to);
      p.cell();
      const n = p.take();
      for (const x of n.indicators) notes.indicators.push(x);
      for (const x of n.strays) notes.strays.push(x);
      // The end of a segment is no end of the cell: what was expected there met the next
      // segment's sequence number, as in a parse of the whole cell.
      const next = tokens[to];
      for (const e of p.errors)
        errors.push(next && e.token.tokenType.name === 'EOF' ? { ...e, message: e.message, token: next } : e);
      from = to;
      if (from < tokens.length && errors.length + lexErrors > PROBLEM_BOUND)
        return { notes, errors, stoppedAt: (tokens[from] as IToken).startOffset };
    }
    return { notes, errors };
  } finally {
    Error.stackTraceLimit = traces;
  }
}

/** A recognition error as a problem naming what was expected where. */
function recognitionProblem(ctx: BuildContext, e: IRecognitionException): SyntaxProblem {
  const tok = e.token;
  const atEnd = tok.tokenType.name === 'EOF' || !Number.isFinite(tok.startOffset) || tok.startOffset < 0;
  const at = atEnd ? ctx.source.length : tok.startOffset;
  const found = atEnd ? undefined : tok.image;
  const expected = describeExpected(e.message);
  const where =
    found === undefined ? { zh: '单元格末尾', en: 'the end of the cell' } : { zh: `“${found}”`, en: `“${found}”` };
  return {
    span: found === undefined ? span(ctx, Math.max(0, at - 1), at) : span(ctx, at, at + Math.max(1, found.length)),
    message: expected.zh
      ? { zh: `此处应为${expected.zh}，实际为${where.zh}`, en: `expected ${expected.en} but found ${where.en}` }
      : { zh: `无法解析${where.zh}`, en: `cannot read ${where.en}` },
  };
}

/** Text the grammar could not place in any indicator. */
function strayProblem(ctx: BuildContext, stray: Extent): SyntaxProblem {
  const text = ctx.source.slice(stray.start, stray.end);
  return {
    span: span(ctx, stray.start, stray.end),
    message: {
      zh: `“${abbreviate(text)}”不属于任何指标：每条指标应以序号开头，如“1、1-产出指标；11-数量指标；…”`,
      en: `“${abbreviate(text)}” belongs to no indicator: each indicator starts with a sequence number, as in “1、1-产出指标；11-数量指标；…”`,
    },
  };
}

/**
 * Parses one 绩效指标 cell. `base` is the cell's offset in its row, so that every span is an offset
 * of the row's text. Never throws.
 */
export function parseIndicators(whole: string, base = 0, limit = Number.POSITIVE_INFINITY): IndicatorList {
  let checked = cutAt(whole, limit);
  let stoppedBy: IndicatorList['stoppedBy'] = checked < whole.length ? 'length' : undefined;
  const source = checked < whole.length ? whole.slice(0, checked) : whole;
  const problems: SyntaxProblem[] = [];
  const ctx: BuildContext = { source, base, problems };
  const lexed = indicatorLexer.tokenize(source);
  const run = runGrammar(lexed.tokens, lexed.errors.length);
  if (run.stoppedAt !== undefined) {
    checked = run.stoppedAt;
    stoppedBy = 'problems';
  }
  const stopped = checked < source.length;
  for (const e of lexed.errors) {
    if (stopped && e.offset >= checked) break;
    problems.push({
      span: span(ctx, e.offset, e.offset + Math.max(1, e.length)),
      message: {
        zh: `无法识别的字符“${source.substr(e.offset, e.length)}”`,
        en: `unexpected character “${source.substr(e.offset, e.length)}”`,
      },
    });
  }
  const html = (lexed.groups['html'] ?? [])
    .filter((t) => !stopped || t.startOffset < checked)
    .map((t) => span(ctx, t.startOffset, end(t)));
  for (const e of run.errors) problems.push(recognitionProblem(ctx, e));
  const indicators: IndicatorNode[] = [];
  let previousSeq = 0;
  for (const child of run.notes.indicators) {
    const ind = buildIndicator(ctx, child, previousSeq);
    if (ind) {
      indicators.push(ind);
      previousSeq = ind.seq.value;
    }
  }
  for (const stray of run.notes.strays) if (stray.start >= 0) problems.push(strayProblem(ctx, stray));
  const list = { indicators: inPlaceOrder(indicators), problems: inPlaceOrder(problems), html };
  return checked < whole.length ? { ...list, checked, stoppedBy } : list;
}

export function abbreviate(text: string, max = 20): string {
  // Counts code points up to `max` only: a stray run can be a whole giant line.
  let i = 0;
  for (let n = 0; n < max; n++) {
    if (i >= text.length) return text;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i >= text.length ? text : `${text.slice(0, i)}…`;
}
