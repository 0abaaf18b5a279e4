/**
 * How project rules run. On the seven-column layout a project rule is a row rule over the row's
 * model (so its results are cached with the row like every row rule's); on an application form
 * every rule with a `checkProject` (form rules among them) runs on the form's project during the
 * document pass.
 */
import type { Bilingual } from '../catalogue';
import type { Span } from '../syntax/indicators';
import type { Config } from '../config';
import type { ModelTable } from '../model/types';
import type { Finding, ProjectContext, ProjectRule, Rule, RowRule, Severity } from './types';

/** A rule that throws must not take the checker down: its failure becomes a finding. */
export function internalError(rule: string, e: unknown, span: Span): { span: Span; message: Bilingual } {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    span,
    message: { zh: `规则 ${rule} 内部出错：${detail}`, en: `rule ${rule} failed internally: ${detail}` },
  };
}

/** A project rule as a row rule: it reads a project row's model, its places all in that row. */
export function asRowRule(rule: ProjectRule): RowRule {
  return {
    ...rule,
    scope: 'row',
    checkRow(row, ctx) {
      if (row.kind !== 'project') return;
      rule.checkProject(ctx.project, {
        config: ctx.config,
        unit: ctx.unit,
        layout: 'seven-column',
        table: undefined,
        report: (r) =>
          ctx.report({
            span: r.place.span,
            message: r.message,
            ...(r.related ? { related: r.related.map((x) => ({ span: x.place.span, message: x.message })) } : {}),
            ...(r.fixes
              ? {
                  fixes: r.fixes.map((f) => ({
                    ...f,
                    edits: f.edits.map((e) => ({ span: e.span, newText: e.newText })),
                  })),
                }
              : {}),
          }),
      });
    },
  };
}

/** Every rule's `checkProject` over the projects of a form; `push` receives each finding. */
export function checkFormProjects(
  table: ModelTable,
  rules: ReadonlyArray<{ readonly rule: Rule; readonly severity: Severity }>,
  config: Config,
  push: (f: Finding) => void,
): void {
  for (const project of table.projects) {
    for (const { rule, severity } of rules) {
      if (!rule.checkProject) continue;
      // A report may weigh less (or more) than the rule's default, unless the settings set the rule's severity.
      const fixed = config.rules[rule.id] !== undefined;
      const ctx: ProjectContext = {
        config,
        unit: table.unit,
        layout: table.layout,
        table,
        report: (r) =>
          push({
            rule: rule.id,
            severity: fixed ? severity : (r.severity ?? severity),
            line: r.place.line,
            span: r.place.span,
            message: r.message,
            project: project.name?.text,
            related: r.related?.map((x) => ({ line: x.place.line, span: x.place.span, message: x.message })),
            fixes: r.fixes,
          }),
      };
      try {
        rule.checkProject(project, ctx);
      } catch (e) {
        push({ rule: rule.id, severity, line: project.place.line, ...internalError(rule.id, e, project.place.span) });
      }
    }
  }
}
