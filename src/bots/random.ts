import alea from 'seedrandom/lib/alea.js';
import type { GameState } from '../core';

// A bot's own random stream: never one of the game's streams, so a bot's dice cannot shift the rules'.

export type Random = () => number;

/** The bot's stream for this decision: derived from the game seed, the role and the action count. */
export function botRandom(state: Pick<GameState, 'seed' | 'actionCount'>, role: string): Random {
  return alea(`${state.seed}|bot|${role}|${state.actionCount}`);
}
