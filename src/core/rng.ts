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

export function restorePrng(state: RngState): Prng {
  const prng = alea('', { state: { ...state } });
  return { next: () => prng(), state: () => prng.state() as RngState };
}

/** A die roll from a uniform draw: 1..sides. */
export const dieFromUniform = (u: number, sides: number): number => 1 + Math.floor(u * sides);
