/**
 * The diagnostics publisher on its own, with a fake sink instead of a connection: what a document
 * lists (capped, the held cell left out while it is typed) and the status beside it.
 */
import * as assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { CheckResult, checkDocumentRules, checkRows } from '../../server/src/check';
import { DEFAULT_CONFIG } from '../../server/src/config';
import { DiagnosticConverter } from '../../server/src/lsp/diagnostics';
import { Publisher } from '../../server/src/lsp/publisher';
import { DocumentState, type Checked } from '../../server/src/lsp/session';
import { lineChange } from '../../server/src/lsp/typing';
import { Workspace, type TargetFile } from '../../server/src/lsp/workspace';
import type { StatusParams } from '../../server/src/protocol';
import { GOOD_INDICATORS, projectRow, unitRow } from '../../server/src/rules/examples';
import { FIRST_ROW, messageOf, table } from '../helpers';

const settings = { config: DEFAULT_CONFIG, file: undefined };

function checkedOf(file: TargetFile): Checked {
  return {
    version: file.version,
    lines: file.doc.lines.length,
    result: new CheckResult(checkRows(file.doc, settings), checkDocumentRules(file.doc, settings)),
    complete: true,
  };
}

describe('diagnostics publisher (a fake sink)', () => {
  const uri = 'file:///publisher/a.jxmb';
  // Two projects: the first with a wrong amount sum, the second with an unknown code.
  const rows = [
    unitRow('合计', ['3.00', '3.00']),
    unitRow('单位', ['3.00', '3.00']),
    projectRow('项目一', ['1.00', '2.00']),
    projectRow('项目二', ['2.00', '2.00'], GOOD_INDICATORS.replace('11-数量指标', '19-数量指标')),
  ];
  let sent: PublishDiagnosticsParams[];
  let statuses: StatusParams[];
  let max: number;
  let publisher: Publisher;
  let file: TargetFile;

  beforeEach(() => {
    sent = [];
    statuses = [];
    max = 1000;
    const workspace = new Workspace();
    file = workspace.set(uri, table(rows), 1, true);
    publisher = new Publisher(
      { sendDiagnostics: (p) => sent.push(p), sendStatus: (p) => statuses.push(p) },
      new DiagnosticConverter(
        () => '/docs',
        () => 'en',
      ),
      () => max,
      (f) => workspace.get(f.uri) === f,
      (_name, work) => void work,
    );
  });

  it('lists every finding with the version, and the status figures', () => {
    const state = new DocumentState(uri);
    const result = checkedOf(file);
    publisher.publish(file, state, result);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.version, 1);
    const codes = sent[0]?.diagnostics.map((d) => d.code);
    assert.ok(codes?.includes('total-mismatch') && codes.includes('unknown-code'), JSON.stringify(codes));
    assert.deepEqual(statuses, [
      {
        uri,
        total: 3,
        projects: 2,
        errors: result.result.severityCounts.errors,
        warnings: result.result.severityCounts.warnings,
      },
    ]);
  });

  it('caps the list and says how many were left out', () => {
    max = 2;
    publisher.publish(file, new DocumentState(uri), checkedOf(file));
    const diagnostics = sent[0]?.diagnostics ?? [];
    assert.equal(diagnostics.length, 2, 'at most `max` in all: one finding and the note');
    assert.match(messageOf(diagnostics[1]), /more not listed/);
  });

  it('holds the findings of the cell being typed until the cursor leaves it', () => {
    const state = new DocumentState(uri);
    const line = FIRST_ROW + 3;
    const text = file.doc.lines[line] ?? '';
    const at = text.indexOf('19-数量指标') + 2;
    state.lastEdit = { line, character: at, change: lineChange(text, text), seen: true };
    publisher.setFocus({ uri, line, character: at }, () => state);
    const result = checkedOf(file);
    publisher.publish(file, state, result);
    assert.ok(!sent[0]?.diagnostics.some((d) => d.code === 'unknown-code'), 'held while the indicator is typed');
    assert.ok(
      sent[0]?.diagnostics.some((d) => d.code === 'total-mismatch'),
      'another row still shows',
    );
    assert.equal(publisher.wouldChange(file, state), false);
    const moved = publisher.setFocus({ uri, line: 0, character: 0 }, () => state);
    assert.deepEqual(moved, [uri]);
    assert.equal(publisher.wouldChange(file, state), true);
    publisher.publish(file, state, result);
    assert.ok(
      sent[1]?.diagnostics.some((d) => d.code === 'unknown-code'),
      'shown once the cursor left',
    );
  });

  it('publishes at once when the listed rows are at hand, counting the publishes begun', async () => {
    const state = new DocumentState(uri);
    const result = checkedOf(file);
    state.checked = result;
    publisher.publishInSlices(file, state, result);
    publisher.publishInSlices(file, state, result);
    await new Promise((r) => setImmediate(r));
    assert.equal(sent.length, 2, 'both ran at once (their rows were at hand)');
    assert.equal(state.publishTurn, 2);
    assert.equal(state.published?.version, 1);
  });
});
