/**
 * When documents are parsed and checked, and what they publish (Langium's document builder, in
 * small): after a keystroke the row rules at once and the cross-row rules when typing pauses;
 * large documents in slices; a complete check on request. Newer versions and other settings make
 * older work moot. Each document's timers live in its `DocumentState`.
 */
import { CheckResult, checkDocumentRules, checkRows, rowFindingsAt, warmRowChecks, type RowChecks } from '../check';
import type { Bilingual } from '../i18n';
import { LANGUAGE_ID } from '../protocol';
import type { Finding } from '../rules/types';
import type { ResolvedSettings } from '../settings';
import { warmRows } from '../syntax/document';
import { yieldToEventLoop } from '../steps';
import type { Handlers } from './handlers';
import { textOf } from './line-text';
import type { Publisher } from './publisher';
import type { Checked, DocumentState, DocumentStates, OpenDocument } from './session';
import { lineChange, TYPING_PAUSE_MS } from './typing';
import { isTargetFile, type TargetFile, type Workspace } from './workspace';

/**
 * Documents longer than this (UTF-16 units, about 32 MB) are not parsed: the server says so once
 * and answers their requests empty instead of freezing the editor.
 */
export const MAX_DOCUMENT_CHARS = 32 * 1024 * 1024;

/** Documents opened with more characters than this are parsed and checked in slices. */
const BACKGROUND_PARSE_CHARS = 256 * 1024;

/** How long the cross-row checks wait for typing to pause. */
const FULL_CHECK_DELAY_MS = 250;

export interface ValidatorContext {
  readonly workspace: Workspace;
  readonly states: DocumentStates;
  readonly publisher: Publisher;
  readonly handlers: Handlers;
  readonly settingsFor: (uri: string) => ResolvedSettings;
  /** Clears a document's diagnostics (a document too large to check). */
  readonly clear: (uri: string) => void;
  /** Tells the clerk something once (a document too large to check). */
  readonly warn: (message: Bilingual) => void;
}

export class Validator {
  constructor(private readonly ctx: ValidatorContext) {}

  /** A document opened or edited: parse it (reusing its unchanged rows) and check it. */
  changed(d: OpenDocument): void {
    const { workspace, states } = this.ctx;
    if (d.languageId !== LANGUAGE_ID && !isTargetFile(d.uri, textOf(d.text, 40))) return;
    const state = states.of(d.uri);
    if (d.text.length > MAX_DOCUMENT_CHARS) {
      // Degrade on purpose: no parse, no findings, empty answers; say so once per document.
      workspace.delete(d.uri);
      state.checked = undefined;
      this.ctx.clear(d.uri);
      if (!state.tooLarge) {
        state.tooLarge = true;
        const name = d.uri.split('/').pop() ?? d.uri;
        const mb = (d.text.length / (1024 * 1024)).toFixed(1);
        const limit = MAX_DOCUMENT_CHARS / (1024 * 1024);
        this.ctx.warn({
          zh: `${name} 有 ${mb} M 字符，超过 ${limit} M 的上限：不检查此文件，也不提供悬停、补全等功能。可用命令行 perf-target check 检查。`,
          en: `${name} has ${mb} M characters, above the ${limit} M limit: it is not checked and has no hovers or completion. The command line (perf-target check) can check it.`,
        });
      }
      return;
    }
    state.tooLarge = false;
    const before = workspace.get(d.uri);
    if (!before?.open && d.text.length > BACKGROUND_PARSE_CHARS) {
      // A large document opened: parse and check it in slices, answering requests meanwhile.
      this.ctx.handlers.background('open', this.openInSlices(d));
      return;
    }
    const file = workspace.set(d.uri, d.text.lines, d.version, true);
    if (before && before.open) {
      // The first line that differs is where the clerk is typing (unchanged lines are the same strings).
      const n = Math.min(before.doc.lines.length, file.doc.lines.length);
      let line = 0;
      while (line < n && before.doc.lines[line] === file.doc.lines[line]) line++;
      const change = lineChange(before.doc.lines[line], file.doc.lines[line] ?? '');
      state.lastEdit = { line, character: change.end, change, seen: false };
      if (!this.ctx.publisher.followsFocus) this.typingUntilPause(state);
      this.schedule(state);
    } else {
      this.validateFull(d.uri);
    }
  }

  /** The complete check of the file's current version (row findings reused from the last check). */
  checkedOf(file: TargetFile): Checked {
    const state = this.ctx.states.of(file.uri);
    const c = state.checked;
    if (c && c.version === file.version && c.complete) return c;
    const settings = this.ctx.settingsFor(file.uri);
    return this.record(
      state,
      file,
      checkRows(file.doc, settings, c?.result.rows),
      checkDocumentRules(file.doc, settings),
    );
  }

  /** Checks every known file completely and publishes each: the counts of the workspace. */
  checkWorkspace(): { files: number; errors: number; warnings: number } {
    let files = 0;
    let errors = 0;
    let warnings = 0;
    for (const file of this.ctx.workspace.all()) {
      const result = this.checkedOf(file);
      this.ctx.publisher.publish(file, this.ctx.states.of(file.uri), result);
      files++;
      const c = result.result.severityCounts;
      errors += c.errors;
      warnings += c.warnings;
    }
    return { files, errors, warnings };
  }

  /**
   * The findings on lines `from`..`to` of the file's current version, as published: a request about
   * a few lines (hover, quick fixes) never waits for a whole check of a large file under way.
   */
  findingsOnLines(file: TargetFile, from: number, to: number): Finding[] {
    const c = this.ctx.states.get(file.uri)?.checked;
    const current = c && c.version === file.version ? c.result : undefined;
    const out: Finding[] = [];
    const last = Math.min(to, file.doc.rows.length - 1);
    // A row of several lines has its findings at its first line.
    const first = Math.max(0, Math.min(from, file.doc.rows[from]?.line ?? from));
    for (let line = first; line <= last; line++) {
      if (!current && file.doc.rows[line]?.line !== line) continue;
      // One push per finding: spreading a line's findings into arguments overflowed the stack on a
      // giant line (hovering in it threw `Maximum call stack size exceeded`).
      for (const f of current ? current.at(line) : rowFindingsAt(file.doc, line, this.ctx.settingsFor(file.uri)))
        out.push(f);
    }
    return out;
  }

  /** Settings changed: every check is moot; the open documents are checked again. */
  refresh(): void {
    const { states, workspace } = this.ctx;
    states.forgetChecks();
    for (const uri of states.openUris()) if (workspace.get(uri)) this.validateFull(uri);
  }

  /** Publishes again what `uri` lists when the clerk's view of it changed (the cursor moved, typing paused). */
  republish(uri: string): void {
    const file = this.ctx.workspace.get(uri);
    const state = this.ctx.states.get(uri);
    const c = state?.checked;
    if (file && state && c && c.version === file.version && this.ctx.publisher.wouldChange(file, state))
      this.ctx.publisher.publishInSlices(file, state, c);
  }

  private record(
    state: DocumentState,
    file: TargetFile,
    rows: RowChecks,
    documentFindings: readonly Finding[],
  ): Checked {
    const result: Checked = {
      version: file.version,
      lines: file.doc.lines.length,
      result: new CheckResult(rows, documentFindings),
      complete: true,
    };
    state.checked = result;
    return result;
  }

  private validateFull(uri: string): void {
    const file = this.ctx.workspace.get(uri);
    if (file) this.ctx.handlers.background('check', this.checkInSlices(file));
  }

  /**
   * The complete check of the file's current version in slices (row findings reused from the last
   * check), then its publish; a newer version or other settings make it moot. In slices, so that no
   * request waits for a whole check after a settings change.
   */
  private async checkInSlices(file: TargetFile): Promise<void> {
    const { workspace, states } = this.ctx;
    const settings = this.ctx.settingsFor(file.uri);
    const stale = () => workspace.get(file.uri) !== file || this.ctx.settingsFor(file.uri) !== settings;
    const step = async () => {
      await yieldToEventLoop();
      return !stale();
    };
    const state = states.of(file.uri);
    const c = state.checked;
    let result = c && c.version === file.version && c.complete ? c : undefined;
    if (!result) {
      if (!(await warmRowChecks(file.doc, settings.config, stale)) || !(await step())) return;
      const rowChecks = checkRows(file.doc, settings, c?.result.rows);
      if (!(await step())) return;
      const documentFindings = checkDocumentRules(file.doc, settings);
      if (!(await step())) return;
      result = this.record(state, file, rowChecks, documentFindings);
    }
    this.ctx.publisher.publishInSlices(file, state, result);
  }

  /**
   * After a keystroke: the row rules at once (the previous cross-row findings kept while the line
   * count is unchanged), then everything once typing pauses. Newer versions make older work moot.
   */
  private schedule(state: DocumentState): void {
    const { workspace, handlers } = this.ctx;
    const { uri } = state;
    const version = workspace.get(uri)?.version;
    setImmediate(
      handlers.guard('validate', undefined, () => {
        const file = workspace.get(uri);
        if (!file || file.version !== version) return;
        const previous = state.checked;
        const rows = checkRows(file.doc, this.ctx.settingsFor(uri), previous?.result.rows);
        const lines = file.doc.lines.length;
        const kept = previous && previous.lines === lines ? previous.result.documentFindings : [];
        const result: Checked = { version: file.version, lines, result: new CheckResult(rows, kept), complete: false };
        state.checked = result;
        // Its listed findings are built first, in slices: the cursor may be far from the rows whose
        // results are kept, and those are rebuilt a slice at a time, never in one turn.
        this.ctx.publisher.publishInSlices(file, state, result);
      }),
    );
    const full = handlers.guard('validate', undefined, () => {
      const file = workspace.get(uri);
      if (file && file.version === version) this.validateFull(uri);
    });
    state.after('full-check', FULL_CHECK_DELAY_MS, () => full(undefined));
  }

  /**
   * Without focus notifications: the cell edited last holds its findings until typing pauses, then
   * they are published (only the timer of the latest version does it; a newer edit restarts it).
   */
  private typingUntilPause(state: DocumentState): void {
    const { workspace, handlers } = this.ctx;
    const version = workspace.get(state.uri)?.version;
    state.typing = true;
    const pause = handlers.guard('pause', undefined, () => {
      const file = workspace.get(state.uri);
      if (!file || file.version !== version) return;
      state.typing = false;
      // A check still under way publishes with nothing held when it ends.
      this.republish(state.uri);
    });
    state.after('typing-pause', TYPING_PAUSE_MS, () => pause(undefined));
  }

  /** Parses and checks a newly opened large document in slices; a newer version makes it moot. */
  private async openInSlices(d: OpenDocument): Promise<void> {
    const { workspace, states } = this.ctx;
    const version = d.version;
    const stale = () => states.document(d.uri)?.version !== version;
    const { lines } = d.text;
    // The didOpen handler returns at once: the requests behind the message come before any parsing.
    await yieldToEventLoop();
    if (stale()) return;
    const rows = await warmRows(lines, workspace.cacheOf(d.uri), stale);
    if (!rows) return;
    // The rest in steps too, each well under the time a request may wait.
    await this.checkInSlices(workspace.set(d.uri, lines, version, true, rows));
  }
}
