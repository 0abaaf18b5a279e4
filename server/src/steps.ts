/**
 * Long work over a whole document, written once as a generator that `yield`s between small steps:
 * `runAll` drives it to its end at once (the command line, tests); `runInSlices` drives it about
 * `SLICE_MS` at a time and lets the event loop run in between (the language server, where a hover
 * or a keystroke must never wait behind an outline or a fix-all of a city's table).
 */

/** Work that pauses at each `yield` and returns its result at the end. */
export type Steps<T> = Generator<void, T, void>;

/** About how long one slice of work may keep the event loop (ms). */
export const SLICE_MS = 10;

/** Yields to the event loop: long work is done in slices so that requests are answered meanwhile. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `steps` to the end without pausing. */
export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Steps run between two looks at the clock. */
const STEPS_PER_LOOK = 8;

/** Runs `steps` for about one slice (`SLICE_MS`): their result if they ended, else undefined. */
export function runSlice<T>(steps: Steps<T>): { readonly value: T } | undefined {
  const start = Date.now();
  for (let n = 1; ; n++) {
    const r = steps.next();
    if (r.done) return { value: r.value };
    if (n % STEPS_PER_LOOK === 0 && Date.now() - start > SLICE_MS) return undefined;
  }
}

/**
 * Runs `steps` in slices of about `SLICE_MS`, yielding to the event loop between them; stops
 * (answering `stopped`) as soon as `stop()` says so at the start of a slice.
 */
export async function runInSlices<T>(steps: Steps<T>, stop: () => boolean): Promise<{ readonly value: T } | 'stopped'> {
  for (;;) {
    const r = runSlice(steps);
    if (r) return r;
    await yieldToEventLoop();
    if (stop()) {
      steps.return(undefined as never);
      return 'stopped';
    }
  }
}
