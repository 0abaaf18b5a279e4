/**
 * `engines.node` in package.json is true: every Node version it admits is admitted by every
 * installed package's own `engines.node` (so `npm ci` on a Node we claim to support never warns
 * EBADENGINE), and the Node running the tests is one it admits.
 *
 * The ranges are read as unions of half-open intervals of versions, for the forms installed
 * packages write: `>=20`, `>= 20.19.0`, `>v`, `<v`, `<=v`, `^20.19.0`, a bare `20` or `20.1` (that
 * major or minor), `*`, comparators separated by spaces (both hold) and alternatives separated by
 * `||`. Anything else (prerelease tags, `~`, hyphen ranges) fails the test with the package named,
 * rather than being guessed at.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** A version as one number (major, minor and patch below 1000 each). */
type Version = number;
/** [from, to): from included, to excluded; to is Infinity when unbounded. */
type Interval = readonly [Version, Version];

const version = (major: number, minor = 0, patch = 0): Version => major * 1e6 + minor * 1e3 + patch;

/** `20`, `20.19` or `20.19.0` (a leading `v` allowed): the numbers written. */
function parts(text: string, range: string): number[] {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`unsupported version “${text}” in the range “${range}”`);
  const nums = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
  if (nums.some((n) => n >= 1000)) throw new Error(`version “${text}” out of range in “${range}”`);
  return nums;
}

/** The first version past what a partial version covers: `20` → 21.0.0, `20.1` → 20.2.0, `20.1.2` → 20.1.3. */
function pastPartial(nums: readonly number[]): Version {
  const [major = 0, minor = 0, patch = 0] = nums;
  if (nums.length === 1) return version(major + 1);
  if (nums.length === 2) return version(major, minor + 1);
  return version(major, minor, patch + 1);
}

/** One comparator (`>=20`, `^20.19.0`, `20`…) as an interval. */
function comparator(text: string, range: string): Interval {
  if (text === '*' || text === 'x') return [0, Infinity];
  const m = /^(>=|<=|>|<|\^|=)?(.*)$/.exec(text);
  const op = m?.[1] ?? '';
  const nums = parts(m?.[2] ?? '', range);
  const [major = 0, minor = 0, patch = 0] = nums;
  const low = version(major, minor, patch);
  switch (op) {
    case '>=':
      return [low, Infinity];
    case '>':
      return [pastPartial(nums), Infinity];
    case '<':
      return [0, low];
    case '<=':
      return [0, pastPartial(nums)];
    case '^':
      // The leftmost non-zero part stays: ^20.19.0 → [20.19.0, 21), ^0.7.1 → [0.7.1, 0.8), ^0.0.3 → [0.0.3, 0.0.4).
      if (major > 0 || nums.length === 1) return [low, version(major + 1)];
      if (minor > 0 || nums.length === 2) return [low, version(0, minor + 1)];
      return [low, version(0, 0, patch + 1)];
    default:
      return [low, pastPartial(nums)];
  }
}

/** A range as sorted, disjoint intervals. */
function parseRange(range: string): Interval[] {
  const out: Interval[] = [];
  for (const alternative of range.split('||')) {
    // `>= 20` is one comparator written with a space.
    const comparators = alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|=)\s+/g, '$1')
      .split(/\s+/)
      .filter((c) => c !== '');
    let from = 0;
    let to = Infinity;
    for (const c of comparators.length ? comparators : ['*']) {
      const [a, b] = comparator(c, range);
      from = Math.max(from, a);
      to = Math.min(to, b);
    }
    if (from < to) out.push([from, to]);
  }
  out.sort((x, y) => x[0] - y[0]);
  const merged: Array<[Version, Version]> = [];
  for (const [a, b] of out) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Whether every version in `inner` is in `outer`. */
function rangeWithin(inner: string, outer: string): boolean {
  const covering = parseRange(outer);
  return parseRange(inner).every(([a, b]) => covering.some(([c, d]) => c <= a && b <= d));
}

/** Whether one version (`v20.20.2`) is in the range. */
function satisfies(v: string, range: string): boolean {
  const [major = 0, minor = 0, patch = 0] = parts(v, v);
  const at = version(major, minor, patch);
  return parseRange(range).some(([a, b]) => a <= at && at < b);
}

interface Manifest {
  name?: string;
  version?: string;
  engines?: { node?: string } | string[];
}

const root = path.resolve(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('engines: the declared Node range and the dependencies agree', () => {
  it('reads the range forms the installed packages write', () => {
    assert.ok(rangeWithin('>=20', '>=18'));
    assert.ok(!rangeWithin('>=20', '>=22.0.0'), 'chevrotain 12+ wants Node 22');
    assert.ok(!rangeWithin('>=20', '>= 20.19.0'));
    assert.ok(rangeWithin('^20.19.0 || >=22.12.0', '>= 20.19.0'));
    assert.ok(rangeWithin('^20.19.0 || >=22.12.0', '20 || >=22'));
    assert.ok(!rangeWithin('>=20.19.0', '20 || >=22'), 'Node 21 is admitted by one, not the other');
    assert.ok(rangeWithin('^20.19.0 || >=22.12.0', '^12.20.0 || ^14.13.1 || >=16.0.0'));
    assert.ok(rangeWithin('>=20', '>=16 || 14 >=14.17'));
    assert.ok(rangeWithin('>=20', '>=0.6.11 <=0.7.0 || >=0.7.3'));
    assert.ok(!rangeWithin('>=20', '>=14 <20') && !rangeWithin('>=20', '>=18 <=20.1'));
    assert.ok(rangeWithin('>=20', '*'));
    assert.ok(satisfies('v20.20.2', '^20.19.0 || >=22.12.0') && !satisfies('v22.11.0', '^20.19.0 || >=22.12.0'));
    assert.ok(satisfies('v0.7.0', '>=0.6.11 <=0.7.0') && !satisfies('v0.7.1', '>=0.6.11 <=0.7.0'));
    assert.throws(() => parseRange('~20.1.0'), /unsupported/);
  });

  it('admits the Node running the tests', () => {
    const pkg = readJson(path.join(root, 'package.json')) as Manifest;
    const declared = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
    assert.ok(declared, 'package.json declares engines.node');
    assert.ok(satisfies(process.version, declared), `${process.version} is outside engines.node “${declared}”`);
  });

  it('admits no Node that an installed package refuses', () => {
    const pkg = readJson(path.join(root, 'package.json')) as Manifest;
    const declared = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
    assert.ok(declared);
    // Every package npm installs, nested copies included, with the path npm gave it.
    const lock = readJson(path.join(root, 'package-lock.json')) as { packages: Record<string, { optional?: boolean }> };
    const disagree: string[] = [];
    let read = 0;
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (where === '') continue;
      const file = path.join(root, where, 'package.json');
      if (!existsSync(file)) {
        // Platform packages for other machines (esbuild's, typescript's) are optional and absent.
        assert.ok(entry.optional, `${where} is not installed: run npm ci`);
        continue;
      }
      read++;
      const manifest = readJson(file) as Manifest;
      const wanted = Array.isArray(manifest.engines) ? undefined : manifest.engines?.node;
      if (wanted === undefined) continue;
      if (!rangeWithin(declared, wanted)) disagree.push(`${manifest.name}@${manifest.version} wants node “${wanted}”`);
    }
    assert.ok(read > 100, `only ${read} installed packages read`);
    assert.deepEqual(disagree, [], `engines.node “${declared}” admits versions that these refuse`);
  });
});
