/**
 * What the server keeps per document: one `DocumentState` per URI, dropped in one piece when the
 * document closes (its timers with it). A file known only from disk has a state once it has been
 * checked (a workspace check); an open document's state holds its text.
 */
import type { CheckResult } from '../check';
import type { LineText } from './line-text';
import type { LineEdit } from './typing';

/** An open document as the client sent it, kept as lines (an edit costs the lines it touches). */
export interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly text: LineText;
}

/** A checked version of a document. */
export interface Checked {
  readonly version: number;
  /** Line count of the checked version: cross-row findings stay valid only while it holds. */
  readonly lines: number;
  readonly result: CheckResult;
  /** False while the document rules' findings are those of an earlier version. */
  readonly complete: boolean;
}

/**
 * Where a document was edited last: the line, what changed in it (`character`: where the change
 * ends) and whether a focus notification came since (`seen`).
 */
export interface LastEdit {
  readonly line: number;
  readonly character: number;
  readonly change: LineEdit;
  seen: boolean;
}

/**
 * What the last publish listed, so that a cursor move republishes only when it matters: another
 * cell or indicator held back (or none any more), or a capped list's cursor moved more than
 * `reanchor` lines.
 */
export interface PublishedView {
  readonly version: number;
  readonly hidden: string;
  readonly anchor: number;
  readonly reanchor: number;
}

/** The timers a document may have: the cross-row check after typing pauses, the end of typing. */
export type TimerKind = 'full-check' | 'typing-pause';

export class DocumentState {
  /** The open document (undefined for a file known from disk only). */
  document: OpenDocument | undefined;
  checked: Checked | undefined;
  lastEdit: LastEdit | undefined;
  /** Without focus notifications: typed in, with no pause of `TYPING_PAUSE_MS` since. */
  typing = false;
  /** Above the size the server parses; said once. */
  tooLarge = false;
  published: PublishedView | undefined;
  /** Counts publishes begun: only the latest one publishes. */
  publishTurn = 0;
  private readonly timers = new Map<TimerKind, NodeJS.Timeout>();

  constructor(readonly uri: string) {}

  /** Runs `fn` after `ms`, in place of the timer of that kind. */
  after(kind: TimerKind, ms: number, fn: () => void): void {
    clearTimeout(this.timers.get(kind));
    this.timers.set(
      kind,
      setTimeout(() => {
        this.timers.delete(kind);
        fn();
      }, ms),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** Every document's state by URI. */
export class DocumentStates {
  private readonly states = new Map<string, DocumentState>();

  get(uri: string): DocumentState | undefined {
    return this.states.get(uri);
  }

  /** The state of `uri`, made when it has none. */
  of(uri: string): DocumentState {
    let s = this.states.get(uri);
    if (!s) {
      s = new DocumentState(uri);
      this.states.set(uri, s);
    }
    return s;
  }

  /** The open document of `uri`, if it is open. */
  document(uri: string): OpenDocument | undefined {
    return this.states.get(uri)?.document;
  }

  /** The URIs of the open documents. */
  *openUris(): Generator<string> {
    for (const [uri, s] of this.states) if (s.document) yield uri;
  }

  /** Drops what the server kept of `uri`, timers included. */
  close(uri: string): void {
    this.states.get(uri)?.dispose();
    this.states.delete(uri);
  }

  /** Forgets every check (the settings changed). */
  forgetChecks(): void {
    for (const s of this.states.values()) s.checked = undefined;
  }
}
