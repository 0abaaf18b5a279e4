/**
 * The rule registry: every rule, in the order the docs list them. Adding a rule means adding its
 * file (with metadata and tests beside it) and one line here; `npm run generate` regenerates its page.
 */
import { amountInvalid } from './amount-invalid';
import { amountStyle } from './amount-style';
import { baselineTag } from './baseline-tag';
import { cellLimits } from './cell-limits';
import { codeNameMismatch } from './code-name-mismatch';
import { codeParentMismatch } from './code-parent-mismatch';
import { comparatorContradiction } from './comparator-contradiction';
import { costExceedsBudget } from './cost-exceeds-budget';
import { duplicateIndicator } from './duplicate-indicator';
import { emptyGoal } from './empty-goal';
import { fallingIndicator } from './falling-indicator';
import { formLayout } from './form-layout';
import { htmlResidue } from './html-residue';
import { indicatorNumbering } from './indicator-numbering';
import { indicatorSyntax } from './indicator-syntax';
import { missingCategory } from './missing-category';
import { moneyUnitMismatch } from './money-unit-mismatch';
import { multiLineCell } from './multi-line-cell';
import { nonstandardCharacters } from './nonstandard-characters';
import { percentOutOfRange } from './percent-out-of-range';
import { placeholderValue } from './placeholder-value';
import { punctuationStyle } from './punctuation-style';
import { rowColumns } from './row-columns';
import { serialDate } from './serial-date';
import { subtotalMismatch } from './subtotal-mismatch';
import { totalMismatch } from './total-mismatch';
import type { Rule } from './types';
import { weightsTotal } from './weights-total';
import { amountWrittenUnit } from './amount-written-unit';
import { goalsIdentical } from './goals-identical';
import { indicatorIsGoal } from './indicator-is-goal';
import { nameDiffersFromGoal } from './name-differs-from-goal';
import { satisfactionDuplicate } from './satisfaction-duplicate';
import { valueInProse } from './value-in-prose';
import { valueIsPeriod } from './value-is-period';
import { zeroCost } from './zero-cost';
import { unknownCode } from './unknown-code';
import { unbalancedBrackets } from './unbalanced-brackets';
import { staffPayInProject } from './staff-pay-in-project';
import { unitColumn } from './unit-column';
import { unknownLayout } from './unknown-layout';
import { valueMissing } from './value-missing';
import { valueMultipleComparators } from './value-multiple-comparators';
import { valueNotMeasurable } from './value-not-measurable';
import { valuePeriodAnnualMismatch } from './value-period-annual-mismatch';

export const RULES: readonly Rule[] = [
  // structure
  rowColumns,
  amountInvalid,
  amountStyle,
  htmlResidue,
  emptyGoal,
  cellLimits,
  multiLineCell,
  // structure: application forms and other layouts
  unknownLayout,
  formLayout,
  // arithmetic
  totalMismatch,
  subtotalMismatch,
  moneyUnitMismatch,
  staffPayInProject,
  // arithmetic: application forms
  weightsTotal,
  // arithmetic: meaning of a project
  amountWrittenUnit,
  // syntax
  indicatorSyntax,
  indicatorNumbering,
  // codes
  unknownCode,
  codeNameMismatch,
  codeParentMismatch,
  missingCategory,
  duplicateIndicator,
  // values
  valueMissing,
  valueNotMeasurable,
  valuePeriodAnnualMismatch,
  valueMultipleComparators,
  percentOutOfRange,
  costExceedsBudget,
  // values: application forms
  comparatorContradiction,
  fallingIndicator,
  unitColumn,
  serialDate,
  baselineTag,
  placeholderValue,
  // values: meaning of a project
  indicatorIsGoal,
  valueIsPeriod,
  valueInProse,
  zeroCost,
  goalsIdentical,
  satisfactionDuplicate,
  // style
  punctuationStyle,
  nonstandardCharacters,
  unbalancedBrackets,
  // style: meaning of a project
  nameDiffersFromGoal,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export type { Rule } from './types';
