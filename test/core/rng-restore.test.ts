import { describe, expect, it } from 'vitest';
import alea from 'seedrandom/lib/alea.js';
import { createStreams, restorePrng } from '../../src/core/rng';

// restorePrng runs alea's step on the stored numbers instead of seeding a generator and overwriting it:
// it must draw exactly what seedrandom's alea restored from the same state draws, and write back the same state.

describe('restorePrng', () => {
  it('draws what seedrandom\'s alea draws from the same state, and gives back the same state', () => {
    for (let k = 0; k < 200; k++) {
      const state = createStreams(`seed-${k}`).threats;
      const reference = alea('', { state: { ...state } });
      const restored = restorePrng(state);
      for (let i = 0; i < 100; i++) expect(restored.next()).toBe(reference());
      expect(restored.state()).toEqual(reference.state());
      expect(Object.keys(restored.state())).toEqual(Object.keys(reference.state() as object));
    }
  });
});
