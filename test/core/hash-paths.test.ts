import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { canonicalJson } from '../../src/core';
import { canonicalJsonUnchanging, hashString, runningDigest } from '../../src/core/hash';
import { fnv1a64Reference } from '../support/fnvReference';

// The hash's faster paths must give exactly the digits and text of the plain definitions.


/** Canonical JSON by its definition: keys sorted, undefined members left out, non-finite numbers as null. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj).filter((k) => obj[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return value === undefined ? 'null' : JSON.stringify(value);
}

describe('hash paths', () => {
  it('FNV-1a 64 matches the BigInt reference on random text of every length up to 300, any code unit', () => {
    const rng = seedrandom.alea('fnv');
    for (let n = 0; n <= 300; n++) {
      const text = Array.from({ length: n }, () => String.fromCharCode(Math.floor(rng() * 0x10000))).join('');
      expect(hashString(text)).toBe(fnv1a64Reference(text));
    }
  });

  it('serialises like the definition, with frozen and unfrozen parts mixed, and again from what it remembers', () => {
    const inner = Object.freeze({ z: [1, 2.5, -0, 1e21, Number.NaN], a: 'q"uote\\\u2028', u: undefined });
    const value = { b: [inner, null, undefined, true], a: { y: Object.freeze([inner, 'x']), x: Infinity }, 'é': 'ü', '': 0 };
    expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson(Object.freeze({ k: inner }))).toBe(reference({ k: inner }));
  });

  it('remembers the text of unfrozen objects only in the memo it is given, and never lets a frozen parent keep an unfrozen child', () => {
    const memo = new WeakMap<object, string>();
    const child = { b: 2, a: [1, { c: 'x' }] };
    const parent = Object.freeze({ child, n: 1 });
    expect(canonicalJsonUnchanging({ parent, child }, memo)).toBe(reference({ parent, child }));
    expect(canonicalJsonUnchanging({ child, parent }, memo)).toBe(reference({ child, parent }));
    expect(memo.get(child)).toBe(reference(child));
    child.b = 3;
    // Outside the memo the child is read again, and so is the frozen parent that holds it.
    expect(canonicalJson(parent)).toBe(reference(parent));
    expect(canonicalJson(parent)).toContain('"b":3');
  });

  it('gives the digest from scratch for prefixes, longer lists and branches, whatever was digested before', () => {
    const entry = (i: number, branch = '') => Object.freeze({ turn: i >> 4, phase: 'threats', role: null, text: `entry ${i}${branch}` });
    const trunk = Array.from({ length: 300 }, (_, i) => entry(i));
    const branch = [...trunk.slice(0, 150), ...Array.from({ length: 100 }, (_, i) => entry(150 + i, ' (other branch)'))];
    const scratch = (list: readonly object[]) => runningDigest(list.map((e) => ({ ...e })));
    for (const n of [0, 1, 63, 64, 65, 130, 200, 300, 299, 10]) expect(runningDigest(trunk.slice(0, n))).toBe(scratch(trunk.slice(0, n)));
    for (const n of [250, 151, 149, 240]) expect(runningDigest(branch.slice(0, n))).toBe(scratch(branch.slice(0, n)));
    expect(runningDigest(trunk)).toBe(scratch(trunk));
  });

  it('digests log entries as canonical JSON, whatever their key order, and other shapes the general way', () => {
    const entries: object[] = [
      { turn: 3, phase: 'industry', role: 'poland', text: 'Poland funds "the line" — 2 BP.' },
      { text: 'No role', role: null, phase: 'threats', turn: 12 },
      { turn: 1, phase: 'events', role: null, text: 'An extra key', extra: 1 },
      { turn: 1, phase: 'events', text: 'No role key' },
      { turn: Number.NaN, phase: 'events', role: null, text: 'Odd turn' },
      Object.freeze({ turn: 2, phase: 'assessment', role: 'korea', text: '한국 ✓' }),
    ];
    let expected = '';
    for (const e of entries) expected = hashString(expected + reference(e));
    expect(runningDigest(entries)).toBe(expected);
  });
});
