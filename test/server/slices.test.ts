/**
 * Work over a whole document in slices: the same result as running it at once, other work done
 * between slices, and a request ended early when it is cancelled or its document changes.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { generate } from '../../bench/generate';
import { DEFAULT_CONFIG } from '../../server/src/config';
import { formatDocument, formatSteps } from '../../server/src/lsp/formatting';
import { answerInSlices } from '../../server/src/lsp/slices';
import { documentSymbols, documentSymbolSteps } from '../../server/src/lsp/symbols';
import { runAll, runInSlices, SLICE_MS, type Steps } from '../../server/src/steps';
import { parseDocument } from '../../server/src/syntax/document';

/** Steps that keep the event loop about `ms` in all, counting how often they resumed. */
function* busy(ms: number): Steps<number> {
  const end = Date.now() + ms;
  let n = 0;
  while (Date.now() < end) {
    n++;
    yield;
  }
  return n;
}

const sample = readFileSync(join(__dirname, '..', '..', '..', 'seeds', '000_5e46737169912d50.txt'), 'utf8');

describe('work in slices', () => {
  it('answers what running it at once answers', async () => {
    const doc = parseDocument(generate(sample, 200 * 1024));
    const symbols = await runInSlices(documentSymbolSteps(doc), () => false);
    assert.deepEqual(symbols, { value: documentSymbols(doc) });
    const edits = await answerInSlices(formatSteps(doc, DEFAULT_CONFIG), undefined, () => false);
    assert.deepEqual(edits, formatDocument(doc, DEFAULT_CONFIG));
    assert.equal(runAll(busy(1)) > 0, true);
  });

  it('lets other work run between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const r = await runInSlices(busy(SLICE_MS * 8), () => false);
    clearInterval(timer);
    assert.notEqual(r, 'stopped');
    assert.ok(ticks >= 3, `the event loop ran ${ticks} times meanwhile`);
  });

  it('ends a cancelled request with RequestCancelled and a changed document with ContentModified', async () => {
    const source = new CancellationTokenSource();
    setTimeout(() => source.cancel(), SLICE_MS * 2);
    const cancelled = await answerInSlices(busy(SLICE_MS * 50), source.token, () => false);
    assert.ok(cancelled instanceof ResponseError && cancelled.code === LSPErrorCodes.RequestCancelled);
    let changed = false;
    setTimeout(() => {
      changed = true;
    }, SLICE_MS * 2);
    const modified = await answerInSlices(busy(SLICE_MS * 50), undefined, () => changed);
    assert.ok(modified instanceof ResponseError && modified.code === LSPErrorCodes.ContentModified);
  });
});
