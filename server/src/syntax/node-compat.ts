/**
 * Chevrotain 13 targets Node 22 and calls `Object.groupBy` (Node 21+) while analysing a grammar.
 * The command line also runs on Node 20, so supply the standard behaviour there. VS Code's
 * extension host (Node 22+) never takes this branch.
 */
type GroupBy = <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) => Partial<Record<PropertyKey, T[]>>;

const objectWithGroupBy = Object as unknown as { groupBy?: GroupBy };

if (typeof objectWithGroupBy.groupBy !== 'function') {
  const groupBy: GroupBy = <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) => {
    const out: Partial<Record<PropertyKey, T[]>> = Object.create(null);
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      (out[k] ??= []).push(item);
    }
    return out;
  };
  Object.defineProperty(Object, 'groupBy', { value: groupBy, writable: true, configurable: true });
}

export {};
