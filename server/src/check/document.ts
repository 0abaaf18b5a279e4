/**
 * The document rules (rows against each other: sums, structure, forms' projects). Guarantees: their
 * findings come in place order, after `ignore`; a table of unknown columns gets `unknown-layout`'s
 * note and nothing else; a rule that throws becomes an `internal-error` finding at the first line.
 */
import { DEFAULT_CONFIG, type Config } from '../config';
import { RULES } from '../rules';
import { checkFormProjects, internalError } from '../rules/project';
import { unknownLayout } from '../rules/unknown-layout';
import type { DocumentRule, Finding, Rule, Severity } from '../rules/types';
import { layoutAtLine, type TargetDocument } from '../syntax/document';
import type { CheckOptions } from './checker';
import { byPlace, notIgnored, severityOf } from './findings';

/** The document rules' findings (sums, structure across rows), in place order. */
export function checkDocumentRules(doc: TargetDocument, options: CheckOptions = {}): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const found: Finding[] = [];
  // A table of unknown columns gets one note (`unknown-layout`) and nothing else.
  const unknown = doc.tables.some((t) => t.layout === 'unknown');
  const push = (f: Finding): void => {
    if (unknown && f.rule !== unknownLayout.id && layoutAtLine(doc, f.line) === 'unknown') return;
    if (notIgnored(f, config, options.file)) found.push(f);
  };
  const active: Array<{ rule: Rule; severity: Severity }> = [];
  for (const rule of RULES) {
    const severity = severityOf(config, rule.id, rule.defaultSeverity);
    if (severity === 'off') continue;
    active.push({ rule, severity });
    if (rule.scope === 'document') runDocumentRule(rule, severity, doc, config, push);
  }
  // A form's project is checked here, by every rule that reads the model.
  for (const t of doc.tables) if (t.layout === 'form' && t.model) checkFormProjects(t.model, active, config, push);
  return found.sort(byPlace);
}

/** One document rule over `doc`, its reports `push`ed as findings of `severity`. */
function runDocumentRule(
  rule: DocumentRule,
  severity: Severity,
  doc: TargetDocument,
  config: Config,
  push: (f: Finding) => void,
): void {
  try {
    // The same shape as row findings: property reads over tens of thousands of findings stay monomorphic.
    rule.check(doc, {
      config,
      report: (r) =>
        push({
          rule: rule.id,
          severity,
          line: r.line,
          span: r.span,
          message: r.message,
          project: r.project,
          related: r.related,
          fixes: r.fixes,
        }),
    });
  } catch (e) {
    const { span, message } = internalError(rule.id, e, { start: 0, end: doc.lines[0]?.length ?? 0 });
    push({ rule: rule.id, severity, line: 0, span, message, project: undefined, related: undefined, fixes: undefined });
  }
}
