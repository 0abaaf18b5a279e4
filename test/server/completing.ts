/**
 * Completion items applied and filtered as VS Code applies and filters them, for the tests that
 * type through the server (`completion.test.ts`, `forms.test.ts`).
 */
import * as assert from 'node:assert/strict';
import { InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';

// ---- Applying an item as VS Code does

/** A snippet's text read into literal text and placeholders, in the order they appear. */
type SnippetPart = { readonly text: string } | { readonly tabstop: number; readonly options: readonly string[] };

/** Reads `$n`, `${n}`, `${n:default}` and `${n|a,b|}` with their escapes (the subset our server writes). */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text) parts.push({ text });
    text = '';
  };
  while (i < snippet.length) {
    const c = snippet[i] ?? '';
    if (c === '\\' && i + 1 < snippet.length) {
      text += snippet[i + 1];
      i += 2;
      continue;
    }
    const simple = /^\$(\d+)/.exec(snippet.slice(i));
    if (simple) {
      flush();
      parts.push({ tabstop: Number(simple[1]), options: [''] });
      i += simple[0].length;
      continue;
    }
    const braced = /^\$\{(\d+)(?:(:)|(\|)|\})/.exec(snippet.slice(i));
    if (braced) {
      flush();
      const n = Number(braced[1]);
      i += braced[0].length;
      if (!braced[2] && !braced[3]) {
        parts.push({ tabstop: n, options: [''] });
        continue;
      }
      // A default (`:`) up to `}`, or choices (`|`) up to `|}`, with escapes.
      const options: string[] = [];
      let cur = '';
      for (;;) {
        const d = snippet[i] ?? '';
        if (i >= snippet.length) throw new Error(`unterminated placeholder in ${snippet}`);
        if (d === '\\') {
          cur += snippet[i + 1] ?? '';
          i += 2;
        } else if (braced[3] && d === ',') {
          options.push(cur);
          cur = '';
          i++;
        } else if (braced[3] && d === '|' && snippet[i + 1] === '}') {
          i += 2;
          break;
        } else if (braced[2] && d === '}') {
          i++;
          break;
        } else {
          cur += d;
          i++;
        }
      }
      options.push(cur);
      parts.push({ tabstop: n, options });
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return parts;
}

export interface Applied {
  readonly line: string;
  /** Where the cursor is after accepting: the first placeholder, else the end of the insertion. */
  readonly cursor: number;
  /** Each placeholder's start and end in the line, by tabstop number ($0 last). */
  readonly tabstops: ReadonlyArray<{ readonly n: number; readonly start: number; readonly end: number }>;
  /** Where the edit starts and the text it replaced and inserted. */
  readonly start: number;
  readonly replaced: string;
  readonly inserted: string;
}

/**
 * Applies an item to a line as VS Code does in replace mode: an `InsertReplaceEdit`'s `replace`
 * range, or the `TextEdit`'s range, is replaced by the new text; a snippet's placeholders take
 * their default, a choice the option `choose` names (the first when not given).
 */
export function applyItem(
  line: string,
  item: CompletionItem,
  choose: (n: number, options: readonly string[]) => string = (_, o) => o[0] ?? '',
): Applied {
  const edit = item.textEdit;
  assert.ok(edit, `item ${item.label} has no textEdit`);
  const range = 'range' in edit ? edit.range : edit.replace;
  assert.equal(range.start.line, range.end.line);
  const start = range.start.character;
  const end = range.end.character;
  let inserted = '';
  const tabstops: Array<{ n: number; start: number; end: number }> = [];
  if (item.insertTextFormat === InsertTextFormat.Snippet) {
    for (const part of parseSnippet(edit.newText)) {
      if ('text' in part) {
        inserted += part.text;
        continue;
      }
      const value = part.options.length > 1 ? choose(part.tabstop, part.options) : (part.options[0] ?? '');
      tabstops.push({ n: part.tabstop, start: start + inserted.length, end: start + inserted.length + value.length });
      inserted += value;
    }
  } else {
    inserted = edit.newText;
  }
  tabstops.sort((a, b) => (a.n === 0 ? 1e9 : a.n) - (b.n === 0 ? 1e9 : b.n));
  const first = tabstops[0];
  return {
    line: line.slice(0, start) + inserted + line.slice(end),
    cursor: first ? first.start : start + inserted.length,
    tabstops,
    start,
    replaced: line.slice(start, end),
    inserted,
  };
}

/** The range an item edits (an InsertReplaceEdit's replace range). */
export function rangeOf(item: CompletionItem): { start: number; end: number } {
  const edit = item.textEdit;
  if (!edit) return { start: -1, end: -1 };
  const r = 'range' in edit ? edit.range : edit.replace;
  return { start: r.start.character, end: r.end.character };
}

/**
 * VS Code's filtering, simplified: an item stays when the text between its range's start and the
 * cursor is a prefix of its filterText (or label), ignoring case, or failing that matches it as a
 * subsequence whose first character is the filterText's first (VS Code's fuzzy matcher also
 * anchors the first character at a word start). Items then rank by preselect, then sortText, then
 * label (VS Code ranks by match score first; our items that survive the filter score alike).
 */
export function visible(list: CompletionList, line: string, cursor: number): CompletionItem[] {
  const matches = (word: string, target: string): boolean => {
    const w = word.toLowerCase();
    const t = target.toLowerCase();
    if (t.startsWith(w)) return true;
    if (!w || w[0] !== t[0]) return false;
    let j = 0;
    for (const ch of t) if (ch === w[j]) j++;
    return j >= w.length;
  };
  return list.items
    .filter((item) => {
      const { start } = rangeOf(item);
      if (start < 0 || start > cursor) return false;
      return matches(line.slice(start, cursor), item.filterText ?? item.label);
    })
    .sort(
      (a, b) =>
        Number(!!b.preselect) - Number(!!a.preselect) ||
        (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) ||
        a.label.localeCompare(b.label),
    );
}
