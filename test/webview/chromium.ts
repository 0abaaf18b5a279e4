/**
 * A headless Chromium driven over the Chrome DevTools Protocol on a pipe (`--remote-debugging-pipe`:
 * JSON messages separated by NUL on fds 3 and 4), for testing the webview's page in a real browser
 * without a WebSocket library. The browser is Debian's, as the end-to-end suite uses
 * (`test/e2e/run.ts` installs it); `PERF_TARGET_CHROMIUM` names another.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = process.env['PERF_TARGET_CHROMIUM'] ?? '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM);

interface Pending {
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: Error) => void;
}

export class Browser {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';
  private session = '';
  private readonly events: Array<{ method: string; params: unknown }> = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const out = child.stdio[4] as Readable;
    const input = child.stdio[3] as Writable;
    this.input = input;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
        const text = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        const m = JSON.parse(text) as {
          id?: number;
          result?: unknown;
          error?: { message: string };
          method?: string;
          params?: unknown;
        };
        if (m.id !== undefined) {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          if (m.error) p?.reject(new Error(m.error.message));
          else p?.resolve(m.result);
        } else if (m.method) {
          this.events.push({ method: m.method, params: m.params });
        }
      }
    });
    child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  private readonly input: Writable;

  /** Starts the browser with one page of `width`×`height` CSS pixels. */
  static async launch(width = 1000, height = 600): Promise<Browser> {
    const profile = mkdtempSync(join(tmpdir(), 'perf-target-chromium-'));
    const child = spawn(
      CHROMIUM,
      [
        '--headless=new',
        '--remote-debugging-pipe',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--no-default-browser-check',
        '--allow-file-access-from-files',
        `--user-data-dir=${profile}`,
        `--window-size=${width},${height}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
    );
    const browser = new Browser(child, profile);
    const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    browser.session = sessionId;
    await browser.page('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    await browser.page('Runtime.enable', {});
    return browser;
  }

  send<T>(method: string, params: object, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => resolve(v as T), reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** A command to the page's session. */
  page<T>(method: string, params: object): Promise<T> {
    return this.send<T>(method, params, this.session);
  }

  /** Evaluates `expression` in the page (awaiting a promise) and answers its value as JSON. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.page<{
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails)
      throw new Error(`${r.exceptionDetails.text} ${r.exceptionDetails.exception?.description ?? ''}`);
    return r.result.value as T;
  }

  /** Navigates and waits for the page's load. */
  async goto(url: string): Promise<void> {
    await this.page('Page.enable', {});
    await this.page('Page.navigate', { url });
    await this.until('the page loaded', () => this.evaluate<boolean>("document.readyState === 'complete'"));
  }

  /** Polls `probe` until it answers a truthy value. */
  async until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 10000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v !== undefined && v !== null && v !== false) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** A key pressed in the page (key down and up), as a user would. */
  async press(key: string, code = key, keyCode = 0): Promise<void> {
    for (const type of ['keyDown', 'keyUp'])
      await this.page('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: keyCode });
  }

  /** A mouse click at page coordinates. */
  async click(x: number, y: number): Promise<void> {
    for (const type of ['mousePressed', 'mouseReleased'])
      await this.page('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
  }

  /** Console messages and exceptions the page reported. */
  get problems(): string[] {
    return this.events.filter((e) => e.method === 'Runtime.exceptionThrown').map((e) => JSON.stringify(e.params));
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.send('Browser.close', {}), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // already gone
    }
    if (this.child.exitCode === null) {
      this.child.kill();
      await new Promise((r) => {
        this.child.once('exit', r);
        setTimeout(r, 2000).unref();
      });
    }
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
