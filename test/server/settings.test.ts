/**
 * Issue 15 over the protocol: the server publishes, for each file, exactly the findings that
 * `perf-target check --format json` reports for it (rule, place, severity) when the settings come
 * from a nested `.perf-target.json` and `ignore` entries with `files` globs — and again after that
 * settings file is changed, deleted and created (`workspace/didChangeWatchedFiles`).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  FileChangeType,
  type CodeAction,
  type PublishDiagnosticsParams,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { useServer } from './harness';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'bin', 'perf-target.js');
const sample = join(root, 'seeds', '000_5e46737169912d50.txt');

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/** A finding as both front ends can say it: rule, 1-based place, severity. */
const key = (rule: string, line: number, column: number, endLine: number, endColumn: number, severity: string) =>
  `${line}:${column}-${endLine}:${endColumn} ${severity} ${rule}`;

/** What `perf-target check --format json` reports for `file`, sorted. */
function cliFindings(file: string): string[] {
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--exit-zero', file], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  assert.equal(r.status, 0, r.stderr);
  const found = JSON.parse(r.stdout) as Array<{
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    rule: string;
  }>;
  return found.map((f) => key(f.rule, f.line, f.column, f.endLine, f.endColumn, f.severity)).sort();
}

/** The same of a publish. */
function published(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics
    .map((d) =>
      key(
        String(d.code),
        d.range.start.line + 1,
        d.range.start.character + 1,
        d.range.end.line + 1,
        d.range.end.character + 1,
        SEVERITIES[(d.severity ?? 1) - 1] ?? '?',
      ),
    )
    .sort();
}

const count = (findings: readonly string[], rule: string) => findings.filter((f) => f.endsWith(` ${rule}`)).length;

describe('language server and command line: one settings path (issue 15)', function () {
  this.timeout(60000);
  let dir: string;
  let nested: string;
  let settings: string;
  let other: string;
  const uriOf = (path: string) => pathToFileURL(path).toString();

  /** Tells the server a settings file changed, and waits until both files publish what the command line reports. */
  async function agreeAfter(change: () => void, type: FileChangeType): Promise<{ nested: string[]; other: string[] }> {
    change();
    const expected = { nested: cliFindings(nested), other: cliFindings(other) };
    const waits = (
      [
        ['nested', nested],
        ['other', other],
      ] as const
    ).map(async ([name, path]) => {
      try {
        await server.nextDiagnostics(uriOf(path), (p) => published(p).join('\n') === expected[name].join('\n'), 15000);
      } catch {
        const last = server.diagnostics.get(uriOf(path));
        assert.deepEqual(
          last ? published(last) : [],
          expected[name],
          `${name}: the server's findings after the settings file changed`,
        );
      }
    });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(settings), type }],
    });
    await Promise.all(waits);
    return expected;
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'perf-target-settings-ws-'));
    mkdirSync(join(dir, '2024', 'q1'), { recursive: true });
    mkdirSync(join(dir, '2025'), { recursive: true });
    nested = join(dir, '2024', 'q1', 'sample.txt');
    other = join(dir, '2025', 'sample.txt');
    copyFileSync(sample, nested);
    copyFileSync(sample, other);
    // The workspace's settings: html-residue ignored under 2024/ (which its own file overrides).
    writeFileSync(
      join(dir, '.perf-target.json'),
      JSON.stringify({
        ignore: [
          { rule: 'html-residue', files: '2024/**' },
          { rule: 'missing-category', files: '2025/*.txt' },
        ],
      }),
    );
    // The nested one: punctuation off, one rule ignored by a glob relative to it.
    settings = join(dir, '2024', '.perf-target.json');
    writeFileSync(
      settings,
      JSON.stringify({
        rules: { 'punctuation-style': 'off' },
        ignore: [{ rule: 'value-not-measurable', files: 'q1/*.txt' }],
      }),
    );
  });
  // Started after the hook above has made the workspace.
  const server = useServer(() => ({ folders: [uriOf(dir)] }));

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes what perf-target check reports, with a nested .perf-target.json and ignore globs', async () => {
    const expected = { nested: cliFindings(nested), other: cliFindings(other) };
    // The settings are the ones meant: the nested file applies whole to 2024/, the workspace's to 2025/.
    assert.equal(count(expected.nested, 'punctuation-style'), 0);
    assert.equal(count(expected.nested, 'value-not-measurable'), 0);
    assert.ok(count(expected.nested, 'html-residue') > 0, 'the workspace file is not merged into the nested one');
    assert.ok(count(expected.other, 'punctuation-style') > 0);
    assert.ok(count(expected.other, 'html-residue') > 0, 'the glob 2024/** does not match 2025/');
    assert.equal(count(expected.other, 'missing-category'), 0);
    assert.ok(count(expected.other, 'value-not-measurable') > 0);
    for (const [path, want] of [
      [nested, expected.nested],
      [other, expected.other],
    ] as const) {
      const d = await server.open(uriOf(path), readFileSync(path, 'utf8'));
      // The first publish of an open is a complete check.
      assert.deepEqual(published(d), want, path);
    }
  });

  it('writes "ignore this rule for this project" into the settings file that applies, keeping what it holds', async () => {
    const uri = uriOf(nested);
    const d = server.diagnostics.get(uri)?.diagnostics.find((x) => x.code === 'html-residue');
    assert.ok(d, 'an html-residue finding in a project row');
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const ignore = actions.find((a) => a.title.startsWith('Ignore html-residue for'));
    const change = ignore?.edit?.documentChanges?.find((c): c is TextDocumentEdit => 'edits' in c);
    assert.equal(change?.textDocument.uri, uriOf(settings), 'the nested file, not the workspace folder’s');
    const written = JSON.parse((change?.edits[0] as TextEdit | undefined)?.newText ?? '') as {
      rules: unknown;
      ignore: unknown[];
    };
    assert.deepEqual(written.rules, { 'punctuation-style': 'off' });
    assert.equal(written.ignore.length, 2);
  });

  it('follows the nested settings file when it changes, is deleted and is created again', async () => {
    const changed = await agreeAfter(
      () => writeFileSync(settings, JSON.stringify({ rules: { 'punctuation-style': 'error' } })),
      FileChangeType.Changed,
    );
    assert.ok(
      count(changed.nested, 'punctuation-style') > 0 &&
        changed.nested.some((f) => f.includes(' error punctuation-style')),
    );
    assert.ok(count(changed.nested, 'value-not-measurable') > 0);

    // Deleted: the workspace's file applies to 2024/ again, its glob matching there.
    const deleted = await agreeAfter(() => rmSync(settings), FileChangeType.Deleted);
    assert.equal(count(deleted.nested, 'html-residue'), 0);
    assert.ok(count(deleted.nested, 'punctuation-style') > 0);

    const created = await agreeAfter(
      () => writeFileSync(settings, JSON.stringify({ rules: { 'punctuation-style': 'off' } })),
      FileChangeType.Created,
    );
    assert.equal(count(created.nested, 'punctuation-style'), 0);
    assert.ok(count(created.other, 'punctuation-style') > 0, 'the other folder keeps its settings');
  });
});

describe('language server: a settings file above the workspace folder (issue 15)', function () {
  this.timeout(60000);
  let outer: string;
  let file: string;
  let above: string;
  const uriOf = (path: string) => pathToFileURL(path).toString();

  before(() => {
    // The folder opened is outer/ws; the settings file is outer's, as the command line finds it.
    outer = mkdtempSync(join(tmpdir(), 'perf-target-settings-above-'));
    mkdirSync(join(outer, 'ws'));
    file = join(outer, 'ws', 'sample.txt');
    copyFileSync(sample, file);
    above = join(outer, '.perf-target.json');
    writeFileSync(above, JSON.stringify({ rules: { 'punctuation-style': 'off' } }));
  });
  const server = useServer(() => ({ folders: [uriOf(join(outer, 'ws'))] }));

  after(() => {
    rmSync(outer, { recursive: true, force: true });
  });

  it('applies it as the command line does, and follows its changes through a watcher on the folders above', async () => {
    const expected = cliFindings(file);
    assert.equal(count(expected, 'punctuation-style'), 0);
    assert.deepEqual(published(await server.open(uriOf(file), readFileSync(file, 'utf8'))), expected);
    // The server asked to be told of settings files in every folder above the workspace folder.
    const watched = server.registrations
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) =>
        (r.registerOptions as { watchers: Array<{ globPattern: unknown }> }).watchers.map((w) => w.globPattern),
      );
    assert.ok(watched.includes('**/.perf-target.json'), JSON.stringify(watched));
    assert.ok(
      watched.some(
        (g) => JSON.stringify(g) === JSON.stringify({ baseUri: uriOf(outer), pattern: '.perf-target.json' }),
      ),
      JSON.stringify(watched),
    );

    writeFileSync(above, JSON.stringify({ rules: { 'punctuation-style': 'warning' } }));
    const changed = cliFindings(file);
    assert.ok(count(changed, 'punctuation-style') > 0);
    const next = server.nextDiagnostics(uriOf(file), (p) => published(p).join('\n') === changed.join('\n'), 15000);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(above), type: FileChangeType.Changed }],
    });
    await next;
  });
});
