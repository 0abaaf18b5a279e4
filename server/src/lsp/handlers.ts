/**
 * The wrappers every handler goes through, so that no request or notification takes the server
 * down: a failure is logged and answered with an LSP error (requests) or dropped (notifications,
 * timers, background work). Requests that walk a whole document are answered in slices.
 */
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Steps } from '../steps';
import { answerInSlices } from './slices';
import type { TargetFile } from './workspace';

const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

export class Handlers {
  constructor(
    /** Where failures are written (the client's log). */
    private readonly logError: (message: string) => void,
    /** The target file a request's document is, if the server knows it. */
    private readonly fileOf: (uri: string) => TargetFile | undefined,
  ) {}

  /** For notifications and timers: a failure is logged and the server goes on. */
  guard<P, R>(name: string, fallback: R, fn: (p: P) => R): (p: P) => R {
    const report = (e: unknown) => this.logError(`${name} failed: ${describe(e)}`);
    return (p: P) => {
      try {
        const r = fn(p);
        if (r instanceof Promise) r.catch(report);
        return r;
      } catch (e) {
        report(e);
        return fallback;
      }
    };
  }

  /** Work that goes on in slices after its handler returned: a failure is logged, never unhandled. */
  background(name: string, work: Promise<unknown>): void {
    work.catch((e: unknown) => this.logError(`${name} failed: ${describe(e)}`));
  }

  /** A request's failure: logged, and answered with an LSP error. */
  private failed(name: string, e: unknown): ResponseError<void> {
    this.logError(`${name} failed: ${describe(e)}`);
    return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${e instanceof Error ? e.message : String(e)}`);
  }

  /** For requests: a failure is logged and answered with an LSP error; the server goes on. */
  request<P, R>(name: string, fn: (p: P) => R): (p: P) => R | ResponseError<void> {
    return (p: P) => {
      try {
        return fn(p);
      } catch (e) {
        return this.failed(name, e);
      }
    };
  }

  /** For requests about one target file, answered `empty` when the server does not know it. */
  fileRequest<P extends { readonly textDocument: { readonly uri: string } }, R>(
    name: string,
    empty: R,
    fn: (file: TargetFile, p: P) => R,
  ): (p: P) => R | ResponseError<void> {
    return this.request(name, (p: P) => {
      const file = this.fileOf(p.textDocument.uri);
      return file ? fn(file, p) : empty;
    });
  }

  /**
   * For requests that walk a whole document (outline, formatting, fix-all): answered in slices, so
   * that other requests are answered meanwhile; a cancelled request or an edit ends them early.
   */
  requestInSlices<P extends { readonly textDocument: { readonly uri: string } }, T>(
    name: string,
    empty: T,
    steps: (file: TargetFile, p: P) => Steps<T>,
  ): (p: P, token: CancellationToken) => Promise<T | ResponseError<void>> {
    return async (p, token) => {
      try {
        const file = this.fileOf(p.textDocument.uri);
        if (!file) return empty;
        return await answerInSlices(steps(file, p), token, () => this.fileOf(p.textDocument.uri) !== file);
      } catch (e) {
        return this.failed(name, e);
      }
    };
  }
}
