/**
 * Requests that walk a whole document (the outline, formatting, fix-all) answered in slices (see
 * `steps.ts`): between slices the request ends early when the client cancels it or the document
 * changes, as LSP asks of servers.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { runInSlices, type Steps } from '../steps';

/**
 * The result of `steps`, or `RequestCancelled` when the client cancelled the request, or
 * `ContentModified` when the document `changed()` meanwhile (the result would describe text the
 * client no longer has).
 */
export async function answerInSlices<T>(
  steps: Steps<T>,
  token: CancellationToken | undefined,
  changed: () => boolean,
): Promise<T | ResponseError<void>> {
  const r = await runInSlices(steps, () => token?.isCancellationRequested === true || changed());
  if (r !== 'stopped') return r.value;
  return token?.isCancellationRequested
    ? new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled')
    : new ResponseError(LSPErrorCodes.ContentModified, 'the document changed while the request was answered');
}
