/**
 * What a rule is. Each rule lives in its own file (`rules/<id>.ts`) with its metadata, its checks
 * and, beside it, its tests (`rules/<id>.test.ts`); `rules/index.ts` lists them; the docs in
 * `docs/rules/` are generated from the metadata here (`npm run generate`).
 */
import type { Bilingual, MoneyUnit } from '../catalogue';
import type { Config } from '../config';
import type { Layout, ModelProject, ModelTable, Place } from '../model/types';
import type { ParsedRow, Span, TargetDocument } from '../syntax/document';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export type RuleCategory = 'structure' | 'arithmetic' | 'syntax' | 'codes' | 'values' | 'style';

/** A replacement inside one line. */
export interface Edit {
  readonly line: number;
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: Bilingual;
  readonly edits: readonly Edit[];
  /** Safe fixes are applied by "fix all"; the others are offered one by one. */
  readonly safe: boolean;
}

export interface Related {
  readonly line: number;
  readonly span: Span;
  readonly message: Bilingual;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly line: number;
  readonly span: Span;
  readonly message: Bilingual;
  readonly related?: readonly Related[];
  readonly fixes?: readonly Fix[];
  /** The project (or unit) the finding belongs to, for ignores and summaries. */
  readonly project?: string;
}

/** A report without its line: row rules see a row, not where it stands. */
export interface RowFix {
  readonly title: Bilingual;
  readonly edits: ReadonlyArray<{ readonly span: Span; readonly newText: string }>;
  readonly safe: boolean;
}

export interface RowReport {
  readonly span: Span;
  readonly message: Bilingual;
  /** Other places in the same row. */
  readonly related?: ReadonlyArray<{ readonly span: Span; readonly message: Bilingual }>;
  readonly fixes?: readonly RowFix[];
}

export interface RowContext {
  readonly config: Config;
  /** The money unit of the table the row stands in (its amounts are in it). */
  readonly unit: MoneyUnit;
  /** The row as the model reads it (made on first use, once per row for every rule). */
  readonly project: ModelProject;
  report(r: RowReport): void;
}

export interface DocumentContext {
  readonly config: Config;
  report(r: Omit<Finding, 'rule' | 'severity'>): void;
}

export interface RuleExample {
  /**
   * Rows of a table body (tab-separated, as in a file); the test harness adds the header. With
   * `layout: 'form'`, the whole text of an application form, as it stands.
   */
  readonly rows: readonly string[];
  readonly layout?: 'form';
  readonly note?: Bilingual;
}

interface RuleMeta {
  readonly id: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** One sentence: what the rule finds. */
  readonly description: Bilingual;
  /** Why it matters and what to write instead. */
  readonly rationale: Bilingual;
  /** Whether the rule offers fixes. */
  readonly fixable: boolean;
  /** Documented examples; also run by the registry test (each `bad` must fire, each `good` stay silent). */
  readonly examples: { readonly bad: readonly RuleExample[]; readonly good: readonly RuleExample[] };
}

/** A report on a project of the model: its places may stand on several rows. */
export interface ProjectReport {
  readonly place: Place;
  readonly message: Bilingual;
  readonly related?: ReadonlyArray<{ readonly place: Place; readonly message: Bilingual }>;
  readonly fixes?: readonly Fix[];
  /**
   * This report's severity while the rule keeps its default (a rule whose findings differ in weight:
   * a contradiction and a mere note); a severity the settings give the rule applies to every report.
   * Honoured on application forms; on a seven-column row every report has the rule's severity.
   */
  readonly severity?: Severity;
}

export interface ProjectContext {
  readonly config: Config;
  /** The money unit of the project's amounts. */
  readonly unit: MoneyUnit;
  readonly layout: Layout;
  /** The table the project stands in (a form's reader notes are there). */
  readonly table: ModelTable | undefined;
  report(r: ProjectReport): void;
}

/** What a rule checks on a project of the model, in whatever layout it was read from. */
interface ProjectCheck {
  /**
   * On a rule of scope `row` or `document`, run on the projects of the layouts its row or
   * document check does not read (application forms); on a rule of scope `project`, on every project.
   */
  checkProject?(project: ModelProject, ctx: ProjectContext): void;
}

/** A rule that looks at one row at a time: cheap, and cached per row text. */
export interface RowRule extends RuleMeta, ProjectCheck {
  readonly scope: 'row';
  checkRow(row: ParsedRow, ctx: RowContext): void;
}

/** A rule that compares rows (sums, numbering across rows, stray lines). */
export interface DocumentRule extends RuleMeta, ProjectCheck {
  readonly scope: 'document';
  check(doc: TargetDocument, ctx: DocumentContext): void;
}

/**
 * A rule about a project's meaning, in any layout: on the seven-column layout it runs as a row
 * rule on the row's model (`rules/project.ts`), on a form on the form's project.
 */
export interface ProjectRule extends RuleMeta {
  readonly scope: 'project';
  checkProject(project: ModelProject, ctx: ProjectContext): void;
}

/**
 * A rule about what only application forms have (weights, a unit column, a comparator column, the
 * reader's notes): it runs on each form's project and on nothing else.
 */
export interface FormRule extends RuleMeta {
  readonly scope: 'form';
  checkProject(project: ModelProject, ctx: ProjectContext): void;
}

export type Rule = RowRule | DocumentRule | ProjectRule | FormRule;
