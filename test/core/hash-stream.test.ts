import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { canonicalJson } from '../../src/core';
import { runningDigest } from '../../src/core/hash';
import { fnv1a64Reference } from '../support/fnvReference';

// The running digest feeds log entries to FNV-1a piece by piece (no joined text): it must give the
// digits of the definition, d(k) = FNV(d(k−1) + canonical JSON of entry k), whatever the entries hold.

const byDefinition = (list: readonly unknown[]): string => {
  let d = '';
  for (const e of list) d = fnv1a64Reference(d + canonicalJson(e));
  return d;
};

describe('running digest, piece by piece', () => {
  it('matches the definition for entries with quotes, backslashes, control characters, surrogates and odd shapes', () => {
    const rng = seedrandom.alea('digest');
    const odd = ['"', '\\', '\n', '\u0001', '\u001f', '\ud83d\ude00', '\ud83d', '\ude00', 'é', '×', '≥', '\u2028', 'a'];
    const text = () => Array.from({ length: Math.floor(rng() * 12) }, () => odd[Math.floor(rng() * odd.length)]).join('');
    const entries: unknown[] = [];
    for (let i = 0; i < 300; i++) {
      const r = rng();
      if (r < 0.8) entries.push(Object.freeze({ turn: i % 7, phase: rng() < 0.5 ? 'threats' : text(), role: rng() < 0.3 ? null : text(), text: text() }));
      else if (r < 0.85) entries.push(Object.freeze({ turn: Number.NaN, phase: 'x', role: null, text: text() }));
      else if (r < 0.9) entries.push(Object.freeze({ turn: 1, phase: 'x', role: null, text: 'extra key', more: [1, { b: 2, a: text() }] }));
      else if (r < 0.95) entries.push(Object.freeze({ b: text(), a: [i, null] }));
      else entries.push(text());
    }
    for (const n of [0, 1, 2, 63, 64, 65, 128, 200, 300]) expect(runningDigest(entries.slice(0, n))).toBe(byDefinition(entries.slice(0, n)));
    // Again, now that some entries remember their digests.
    for (const n of [300, 129, 64, 250]) expect(runningDigest(entries.slice(0, n))).toBe(byDefinition(entries.slice(0, n)));
  });
});
