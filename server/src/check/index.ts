/**
 * Runs the rules over a parsed document: the public face of `check/`. Row rules run per distinct
 * row; their results are cached for the rows checked most recently and their counts for every row
 * (rows are immutable and keyed by text), so re-checking after a keystroke costs the changed rows
 * plus the document rules. A complete check is `checkDocument` (the row checks read through a
 * `CheckResult`); `checkText` is the command line's one pass without caches.
 *
 * - `checker.ts`: running the row rules over a row, caching their results and counts (`Checker`).
 * - `findings.ts`: findings, their order, severities, `ignore`, counts for a report.
 * - `rows.ts`: the row rules' findings of a document, counted per line (`checkRows`).
 * - `document.ts`: the document rules (`checkDocumentRules`).
 * - `result.ts`: a document's findings line by line (`CheckResult`) and `checkDocument`.
 * - `text.ts`: the command line's one-pass check (`checkText`).
 */
export { Checker, checkerOf, wholeChecker, type CheckOptions } from './checker';
export { countSeverities, describeCounts, severityIndex, severityOf, type SeverityCounts } from './findings';
export { checkingRowCache, checkRows, rowFindingsAt, warmRowChecks, type RowChecks } from './rows';
export { checkDocumentRules } from './document';
export { CheckResult, checkDocument, checkDocumentSteps, type FindingsByLine } from './result';
export { checkText } from './text';
