/**
 * Each message of the custom protocol (`server/src/protocol.ts`, `docs/protocol.md`) through its
 * typed definition, against the real server over stdio: the initialization options, and
 * `perfTarget/status`, `perfTarget/focus`, `perfTarget/checkWorkspace` and `perfTarget/export` as
 * the extension sends and reads them. A method renamed on one side only fails here.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  ErrorCodes,
  LSPErrorCodes,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import {
  CheckWorkspaceRequest,
  ExportRequest,
  FocusNotification,
  StatusNotification,
  type CheckWorkspaceResult,
  type ExportResult,
  type StatusParams,
} from '../../server/src/protocol';
import { projectRow, unitRow } from '../../server/src/rules/examples';
import { messageOf, table } from '../helpers';
import { useServer } from './harness';

/** Where the extension says the rules' pages are; the server links each diagnostic there. */
const DOCS = join('/nowhere', 'perf-target', 'docs', 'rules');

/** `n` projects whose 总计 is off (a `total-mismatch` error each), under a 合计 of 3.00. */
function wrongTotals(n: number): { readonly text: string; readonly lineOf: (i: number) => number } {
  const text = table([
    unitRow('合计', ['3.00', '3.00']),
    ...Array.from({ length: n }, (_, i) => projectRow(`项目${i}`, ['2.00', '1.00'])),
  ]);
  const lines = text.split('\n');
  return { text, lineOf: (i) => lines.findIndex((l) => l.startsWith(`项目${i}\t`)) };
}

const errors = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.severity === 1);

describe('the custom protocol through its typed definitions', function () {
  this.timeout(60000);
  // The extension's initialization options win over `InitializeParams.locale`.
  const server = useServer({ locale: 'en', initializationOptions: { locale: 'zh-cn', docsRoot: DOCS } });

  it('initializationOptions: the display language and the directory of the rules’ pages', async () => {
    const uri = 'untitled:init.jxmb';
    const d = await server.open(uri, wrongTotals(1).text);
    const total = d.diagnostics.find((x) => x.code === 'total-mismatch');
    assert.match(messageOf(total), /^总计 2\.00 ≠ 财政拨款/);
    assert.equal(total?.codeDescription?.href, pathToFileURL(join(DOCS, 'total-mismatch.md')).toString());
  });

  it(`${StatusNotification.method}: after a publish, the file’s total in 万元, projects and every error and warning`, async () => {
    const uri = 'untitled:status.jxmb';
    const d = await server.open(uri, wrongTotals(4).text);
    const status: StatusParams = await server.status(uri);
    assert.deepEqual(status, {
      uri,
      total: 3,
      projects: 4,
      errors: errors(d).length,
      warnings: d.diagnostics.filter((x) => x.severity === 2).length,
    });
    assert.ok(status.errors >= 4);
  });

  it(`${FocusNotification.method}: the listed findings follow the cursor, and null takes them back to the top`, async () => {
    const uri = 'untitled:focus.jxmb';
    const n = 60;
    const { text, lineOf } = wrongTotals(n);
    await server.open(uri, text);
    server.settings = { maxDiagnosticsPerFile: 5 };
    const listsLine = (line: number) => (p: PublishDiagnosticsParams) =>
      p.uri === uri && errors(p).some((x) => x.range.start.line === line);
    let next = server.nextDiagnostics(uri, (p) => p.diagnostics.length === 5 && listsLine(lineOf(0))(p));
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const top = await next;
    assert.ok(!listsLine(lineOf(n - 1))(top), 'no cursor yet: the first rows’ findings');
    // Without focus notifications nothing would move the list: an editor that sends none keeps it at the top.
    next = server.nextDiagnostics(uri, listsLine(lineOf(n - 1)));
    await server.connection.sendNotification(FocusNotification.type, { uri, line: lineOf(n - 1), character: 0 });
    assert.ok(!listsLine(lineOf(0))(await next), 'the list moved to the cursor');
    next = server.nextDiagnostics(uri, listsLine(lineOf(0)));
    await server.connection.sendNotification(FocusNotification.type, null);
    await next;
    server.settings = {};
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  });

  it(`${CheckWorkspaceRequest.method}: checks and publishes every known target file, answering the counts`, async () => {
    const published = new Set<string>();
    const stop = server.onDiagnostics((p) => published.add(p.uri));
    const counts: CheckWorkspaceResult = await server.connection.sendRequest(CheckWorkspaceRequest.type);
    stop();
    // No workspace folder: the documents the tests above opened.
    assert.deepEqual([...published].sort(), ['untitled:focus.jxmb', 'untitled:init.jxmb', 'untitled:status.jxmb']);
    assert.equal(counts.files, 3);
    const last = (uri: string) => server.statuses.filter((s) => s.uri === uri).pop();
    assert.equal(
      counts.errors,
      [...published].reduce((k, uri) => k + (last(uri)?.errors ?? 0), 0),
    );
    assert.ok(counts.errors >= 1 + 4 + 60);
  });

  it(`${ExportRequest.method}: the parsed model of a known file; RequestFailed for any other uri, or none`, async () => {
    const model: ExportResult = await server.connection.sendRequest(ExportRequest.type, {
      uri: 'untitled:status.jxmb',
    });
    assert.equal(model.unit, '万元');
    assert.deepEqual(
      model.tables[0]?.projects.map((p) => [p.name, p.amounts.total]),
      [0, 1, 2, 3].map((i) => [`项目${i}`, 2]),
    );
    const failed = (e: { code?: number }) => e.code === LSPErrorCodes.RequestFailed;
    await assert.rejects(server.connection.sendRequest(ExportRequest.type, { uri: 'untitled:unknown.jxmb' }), failed);
    // A client that leaves out the params gets an error too, not a crash.
    await assert.rejects(
      server.connection.sendRequest(ExportRequest.method),
      (e: { code?: number }) => e.code === ErrorCodes.InvalidParams,
    );
    assert.equal((await server.connection.sendRequest(CheckWorkspaceRequest.type)).files, 3, 'the server is still up');
  });
});
