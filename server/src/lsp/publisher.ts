/**
 * Publishing diagnostics: which findings a document lists now (at most `maxDiagnostics`, the edited
 * row and those near the cursor first; none of the cell or indicator being typed: `typing.ts`) and
 * the status that goes with them. It reads a document's state and the editor's focus and writes
 * to a `PublishSink` — the connection, or a test's fake.
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { CheckResult } from '../check';
import { MONEY_UNITS } from '../catalogue';
import type { FocusParams, StatusParams } from '../protocol';
import type { Finding } from '../rules/types';
import { offsetIn } from '../syntax/document';
import { runInSlices, runSlice, type Steps } from '../steps';
import { linesToShow, selectFindings, type DiagnosticConverter } from './diagnostics';
import type { Checked, DocumentState } from './session';
import { isHeld, typingUnit, type TypingUnit } from './typing';
import type { TargetFile } from './workspace';

export interface PublishSink {
  sendDiagnostics(params: PublishDiagnosticsParams): void;
  sendStatus(params: StatusParams): void;
}

/** How the clerk looks at a document: where the listed findings centre, and what is being typed. */
export interface View {
  readonly anchor: number;
  /** The cell or indicator being typed, whose findings wait. */
  readonly held?: TypingUnit;
  /** Identifies `held` across publishes ('' for none). */
  readonly hidden: string;
}

/** Has the row results of `lines` at hand, a step per line (see `CheckResult.warm`). */
function* warmSteps(result: CheckResult, lines: readonly number[]): Steps<void> {
  for (const line of lines) {
    yield* result.warmSteps(line);
    yield;
  }
}

export class Publisher {
  /** Where the editor's cursor is (`perfTarget/focus`); undefined when no target file has focus. */
  private focus: FocusParams | undefined;
  /** Whether the client sends `perfTarget/focus` (VS Code's extension does; Neovim and Helix do not). */
  private focusClient = false;

  constructor(
    private readonly sink: PublishSink,
    private readonly converter: DiagnosticConverter,
    /** `perfTarget.maxDiagnosticsPerFile` (0: no limit). */
    private readonly maxDiagnostics: () => number,
    /** Whether `file` is still the current version of its document. */
    private readonly isCurrent: (file: TargetFile) => boolean,
    /** Runs work that goes on after the caller returned (failures logged). */
    private readonly background: (name: string, work: Promise<unknown>) => void,
  ) {}

  /** Whether the client says where its cursor is (then typing ends when the cursor leaves). */
  get followsFocus(): boolean {
    return this.focusClient;
  }

  /** The cursor moved (or left the target files): the documents whose listing may change. */
  setFocus(focus: FocusParams | null, stateOf: (uri: string) => DocumentState | undefined): string[] {
    const old = this.focus;
    this.focus = focus ?? undefined;
    this.focusClient = true;
    if (this.focus) {
      const edit = stateOf(this.focus.uri)?.lastEdit;
      if (edit) edit.seen = true;
    }
    return [...new Set([old?.uri, this.focus?.uri])].filter((u): u is string => u !== undefined);
  }

  /** Where the clerk works in a document: the cursor, else the last edited line, else the top. */
  private anchorOf(state: DocumentState): number {
    if (this.focus && this.focus.uri === state.uri) return this.focus.line;
    return state.lastEdit?.line ?? 0;
  }

  /**
   * Where the clerk is typing, if the findings there are to wait (see `typing.ts`). With focus
   * notifications: the cursor, while it stays on the line edited last (until it leaves the cell or
   * indicator). Without: the place edited last, until typing pauses.
   */
  private typingAt(state: DocumentState): { readonly line: number; readonly character: number } | undefined {
    const edit = state.lastEdit;
    if (!edit) return undefined;
    if (this.focusClient) {
      const focus = this.focus;
      if (!focus || focus.uri !== state.uri || focus.line !== edit.line) return undefined;
      // Typing at the cursor moves it: until the editor reports it, it stands where the edit ended
      // (a publish between a keystroke and its cursor report showed the unit just begun, "2" of
      // "2、"). An edit elsewhere on the line (a quick fix) leaves the cursor where it was.
      const typed = !edit.seen && focus.character >= edit.change.start && focus.character <= edit.change.oldEnd;
      return typed ? edit : focus;
    }
    return state.typing ? edit : undefined;
  }

  viewOf(file: TargetFile, state: DocumentState): View {
    const anchor = this.anchorOf(state);
    const at = this.typingAt(state);
    const ref = at ? file.doc.rows[at.line] : undefined;
    if (!at || !ref) return { anchor, hidden: '' };
    const held = typingUnit(ref.row, ref.line, offsetIn(ref, at.line, at.character));
    return { anchor, held, hidden: held.key };
  }

  /** Whether publishing now would list other findings than the last publish of this version. */
  wouldChange(file: TargetFile, state: DocumentState): boolean {
    const { anchor, hidden } = this.viewOf(file, state);
    const last = state.published;
    return (
      !last ||
      last.version !== file.version ||
      last.hidden !== hidden ||
      Math.abs(last.anchor - anchor) >= last.reanchor
    );
  }

  /**
   * Publishes once the rows it will list have their results at hand, checking them again in slices
   * when they were dropped (see `CheckResult.at`): after a large file opens, or when the cursor or
   * an edit is far from the rows checked last. Usually they are at hand and it publishes at once.
   * Only the latest call per document publishes (the cursor may move again meanwhile).
   */
  publishInSlices(file: TargetFile, state: DocumentState, result: Checked): void {
    const turn = ++state.publishTurn;
    const steps = warmSteps(result.result, linesToShow(result.result, this.maxDiagnostics(), this.anchorOf(state)));
    if (runSlice(steps)) {
      this.publish(file, state, result);
      return;
    }
    const current = () => state.publishTurn === turn && state.checked === result && this.isCurrent(file);
    this.background(
      'publish',
      runInSlices(steps, () => !current()).then((r) => {
        if (r !== 'stopped' && current()) this.publish(file, state, result);
      }),
    );
  }

  /** Lists the findings of `result` as the clerk's view asks, with the status bar's figures. */
  publish(file: TargetFile, state: DocumentState, result: Checked): void {
    const { anchor, held, hidden } = this.viewOf(file, state);
    const max = this.maxDiagnostics();
    const hide = held ? (f: Finding) => isHeld(held, f) : undefined;
    const { shown, omitted } = selectFindings(result.result, max, anchor, hide);
    const diagnostics: Diagnostic[] = shown.map((f) => this.converter.convert(file.uri, f, file.doc));
    const capped = omitted.some((n) => n > 0);
    if (capped) diagnostics.push(this.converter.omittedNote(omitted, max));
    const span = (shown[shown.length - 1]?.line ?? 0) - (shown[0]?.line ?? 0);
    state.published = {
      version: file.version,
      hidden,
      anchor,
      reanchor: capped ? Math.max(1, Math.floor(span / 4)) : Infinity,
    };
    this.sink.sendDiagnostics({ uri: file.uri, version: file.version, diagnostics });
    this.sink.sendStatus(statusOf(file, result.result));
  }
}

/** The status bar's figures: the total in 万元 (whatever unit each table states), projects, counts. */
function statusOf(file: TargetFile, result: CheckResult): StatusParams {
  const total = file.doc.tables.reduce<number | null>((acc, t) => {
    const v = t.total?.row.amounts[0]?.value;
    return v === undefined ? acc : (acc ?? 0) + v * MONEY_UNITS[t.unit].wan;
  }, null);
  const counts = result.severityCounts;
  return {
    uri: file.uri,
    total,
    projects: file.doc.tables.reduce((n, t) => n + t.projects.length, 0),
    errors: counts.errors,
    warnings: counts.warnings,
  };
}
