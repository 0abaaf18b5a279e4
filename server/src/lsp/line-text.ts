/**
 * An open document's text as lines, updated from LSP's incremental changes in time proportional to
 * the lines an edit touches. A keystroke in a 10 MB table must not copy, split or hash the whole
 * text (which `TextDocument` plus a re-split would): unchanged lines stay the very same string
 * objects, so the parser recognises them by identity and reuses their rows.
 *
 * Positions follow LSP (and `vscode-languageserver-textdocument`): `\r\n`, `\r` and `\n` each end a
 * line; a character past a line's end means its end; a line past the last means the document's end.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';

export interface LineText {
  /** The lines without their breaks. */
  readonly lines: readonly string[];
  /** The break after each line: '\r\n', '\n', '\r', or '' for the last. */
  readonly eols: readonly string[];
  /** Length in UTF-16 units, breaks included. */
  readonly length: number;
}

const BREAK = /\r\n|\r|\n/g;

/** Splits text into lines and their breaks. */
export function toLineText(text: string): LineText {
  const lines: string[] = [];
  const eols: string[] = [];
  let start = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m !== null; m = BREAK.exec(text)) {
    lines.push(text.slice(start, m.index));
    eols.push(m[0]);
    start = m.index + m[0].length;
  }
  lines.push(text.slice(start));
  eols.push('');
  return { lines, eols, length: text.length };
}

/** The whole text (for the rare reader that needs it: detection of a target table, a full re-read). */
export function textOf(t: LineText, maxLines = Infinity): string {
  let out = '';
  const n = Math.min(t.lines.length, maxLines);
  for (let i = 0; i < n; i++) out += (t.lines[i] ?? '') + (t.eols[i] ?? '');
  return out;
}

interface Pos {
  readonly line: number;
  readonly character: number;
}

/** A position made valid: inside the document, never inside a line break. */
function clamp(t: LineText, p: Pos): Pos {
  const last = t.lines.length - 1;
  if (p.line < 0) return { line: 0, character: 0 };
  if (p.line > last) return { line: last, character: (t.lines[last] ?? '').length };
  return { line: p.line, character: Math.max(0, Math.min(p.character, (t.lines[p.line] ?? '').length)) };
}

const before = (a: Pos, b: Pos): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Applies one change (incremental, or the whole text when it has no range). */
export function applyChange(t: LineText, change: TextDocumentContentChangeEvent): LineText {
  if (!('range' in change) || !change.range) return toLineText(change.text);
  let start = clamp(t, change.range.start);
  let end = clamp(t, change.range.end);
  if (!before(start, end)) [start, end] = [end, start];
  let first = start.line;
  const last = end.line;
  let piece =
    (t.lines[first] ?? '').slice(0, start.character) +
    change.text +
    (t.lines[last] ?? '').slice(end.character) +
    (t.eols[last] ?? '');
  // A lone '\r' before the edit and a '\n' it starts with become one break: take that line in. (A
  // '\r' the edit ends with meets the line's own break inside `piece`.)
  if (piece.startsWith('\n') && first > 0 && t.eols[first - 1] === '\r') {
    first--;
    piece = `${t.lines[first] ?? ''}\r${piece}`;
  }
  const part = toLineText(piece);
  // `piece` ends with the last line's break (or is the document's end): its split leaves one empty
  // line after that break, which is not a line of its own unless the document ends there.
  const atEnd = last === t.lines.length - 1;
  const newLines = atEnd ? part.lines : part.lines.slice(0, -1);
  const newEols = atEnd ? part.eols : part.eols.slice(0, -1);
  // One copy per version (earlier versions stay as they were); no spreading, which a paste of
  // hundreds of thousands of lines would overflow the stack with.
  let lines: string[];
  let eols: readonly string[];
  if (newLines.length === last - first + 1) {
    lines = t.lines.slice();
    newLines.forEach((l, i) => {
      lines[first + i] = l;
    });
    // A keystroke leaves the breaks as they were: share them (both versions are immutable).
    if (newEols.every((e, i) => e === t.eols[first + i])) eols = t.eols;
    else {
      const copy = t.eols.slice();
      newEols.forEach((e, i) => {
        copy[first + i] = e;
      });
      eols = copy;
    }
  } else {
    lines = t.lines.slice(0, first).concat(newLines, t.lines.slice(last + 1));
    eols = t.eols.slice(0, first).concat(newEols, t.eols.slice(last + 1));
  }
  let removed = 0;
  for (let i = first; i <= last; i++) removed += (t.lines[i] ?? '').length + (t.eols[i] ?? '').length;
  return { lines, eols, length: t.length - removed + piece.length };
}

export function applyChanges(t: LineText, changes: readonly TextDocumentContentChangeEvent[]): LineText {
  let out = t;
  for (const c of changes) out = applyChange(out, c);
  return out;
}
