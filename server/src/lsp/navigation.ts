/**
 * Go to definition (a derived project `X（编外人员聘用经费）` → `X`; a project → the projects of the
 * same name in other files), references (a policy document number or an indicator name → every row
 * that uses it) and document highlights.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver';
import type { RowRef } from '../syntax/document';
import { inSpan, placeAt, rangeOf, toRange } from './positions';
import type { TargetFile, Workspace } from './workspace';

/** Policy document numbers such as 穗财社[2023]33号 or 财预〔2021〕101号. */
const DOC_NUMBER = /[\u4e00-\u9fff]{1,8}[〔[［(（][0-9]{4}[〕\]］)）][0-9]{1,5}号/g;

/** `X（编外人员聘用经费）` → `X`: the base project a derived one belongs to. */
export function baseProjectName(name: string): string | undefined {
  const m = /^(.+?)[（(][^（）()]{1,40}[）)]$/.exec(name.trim());
  return m?.[1]?.trim();
}

function nameLocation(uri: string, ref: RowRef): Location {
  return { uri, range: rangeOf(ref, ref.row.name?.textSpan ?? { start: 0, end: 0 }) };
}

function projectsNamed(workspace: Workspace, name: string): Array<[TargetFile, RowRef]> {
  const out: Array<[TargetFile, RowRef]> = [];
  for (const file of workspace.all()) {
    for (const ref of file.projects) if (ref.row.name?.text === name) out.push([file, ref]);
  }
  return out;
}

export function definition(file: TargetFile, pos: Position, workspace: Workspace): Location[] {
  const place = placeAt(file.doc, pos);
  if (place?.kind !== 'name' || place.ref.row.kind !== 'project') return [];
  const name = place.ref.row.name?.text ?? '';
  const base = baseProjectName(name);
  const targets: Location[] = [];
  if (base) for (const [f, ref] of projectsNamed(workspace, base)) targets.push(nameLocation(f.uri, ref));
  for (const [f, ref] of projectsNamed(workspace, name)) {
    if (f.uri === file.uri && ref.line === place.ref.line) continue;
    if (f.uri !== file.uri) targets.push(nameLocation(f.uri, ref));
  }
  return targets;
}

/** The document number under the cursor, if any, with its span in the line. */
function docNumberAt(line: string, character: number): { text: string; start: number; end: number } | undefined {
  return documentNumbers(line).find((n) => inSpan(n, character));
}

/** Every policy document number in a line, with its span. */
export function documentNumbers(line: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  DOC_NUMBER.lastIndex = 0;
  for (let m = DOC_NUMBER.exec(line); m !== null; m = DOC_NUMBER.exec(line))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

function occurrences(line: string, text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = line.indexOf(text); i >= 0; i = line.indexOf(text, i + text.length))
    out.push({ start: i, end: i + text.length });
  return out;
}

type Target = { kind: 'doc-number'; text: string } | { kind: 'indicator-name'; text: string };

function targetAt(file: TargetFile, pos: Position): Target | undefined {
  const line = file.doc.lines[pos.line];
  if (line === undefined) return undefined;
  const num = docNumberAt(line, pos.character);
  if (num) return { kind: 'doc-number', text: num.text };
  const place = placeAt(file.doc, pos);
  if (place?.kind === 'indicator-name' && place.indicator.name)
    return { kind: 'indicator-name', text: place.indicator.name.text };
  return undefined;
}

function uses(file: TargetFile, target: Target): Location[] {
  const out: Location[] = [];
  if (target.kind === 'doc-number') {
    file.doc.lines.forEach((line, i) => {
      if (!line.includes(target.text)) return;
      for (const span of occurrences(line, target.text)) out.push({ uri: file.uri, range: toRange(i, span) });
    });
  } else {
    for (const use of file.indicators()) {
      if (use.indicator.name === target.text)
        out.push({ uri: file.uri, range: rangeOf(use.ref, use.indicator.nameSpan) });
    }
  }
  return out;
}

export function references(
  file: TargetFile,
  pos: Position,
  workspace: Workspace,
  includeDeclaration: boolean,
): Location[] {
  const target = targetAt(file, pos);
  if (!target) return [];
  const out: Location[] = [];
  // A loop, not push(...): a number cited on every row of a city's tables is too many arguments.
  for (const f of workspace.all()) for (const l of uses(f, target)) out.push(l);
  if (!includeDeclaration) {
    return out.filter(
      (l) =>
        !(
          l.uri === file.uri &&
          l.range.start.line === pos.line &&
          l.range.start.character <= pos.character &&
          l.range.end.character >= pos.character
        ),
    );
  }
  return out;
}

export function highlights(file: TargetFile, pos: Position): DocumentHighlight[] {
  const target = targetAt(file, pos);
  if (!target) return [];
  return uses(file, target).map((l) => ({ range: l.range, kind: DocumentHighlightKind.Text }));
}
