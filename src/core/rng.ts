import alea from 'seedrandom/lib/alea.js';
import type { RngState } from './state';
import { STREAMS, type Stream } from './vocabulary';

// One alea stream per subsystem, kept in the state, so a change in one subsystem's rules never
// shifts another subsystem's dice, and a saved state carries its dice with it.

export interface Prng { next(): number; state(): RngState }

export function createStreams(seed: string): Record<Stream, RngState> {
  const out = {} as Record<Stream, RngState>;
  for (const stream of STREAMS) out[stream] = alea(`${seed}/${stream}`, { state: true }).state() as RngState;
  return out;
}

/**
 * A stream restored from its four numbers. alea's own restore seeds a generator first (six Mash passes and
 * four closures) and then overwrites its state; this runs alea's step (seedrandom/lib/alea.js, `next`)
 * on the numbers directly: the same arithmetic, so the same draws and the same state written back.
 */
export function restorePrng(state: RngState): Prng {
  let { c, s0, s1, s2 } = state;
  return {
    next: () => {
      const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
      s0 = s1;
      s1 = s2;
      return (s2 = t - (c = t | 0));
    },
    state: () => ({ c, s0, s1, s2 }),
  };
}

/** A die roll from a uniform draw: 1..sides. */
export const dieFromUniform = (u: number, sides: number): number => 1 + Math.floor(u * sides);
