import type { Action, Rejection } from './actions';
import type { Scenario } from './scenario/schema';
import type { GameState, Seats } from './state';
import { createGame } from './create';
import { applyAction } from './apply';
import { stateHash } from './view';

export interface ReplayResult {
  state: GameState;
  /** The state hash after each completed turn, index 0 = turn 1. */
  turnHashes: string[];
  finalHash: string;
  /** Set when an action of the log was rejected: where, and why. */
  failure: { index: number; turn: number; rejection: Rejection } | null;
}

/** Re-runs a game from its scenario, seed, seats and action log. */
export function replay(scenario: Scenario, seed: string, seats: Seats, actions: readonly Action[]): ReplayResult {
  let state = createGame(scenario, seed, seats);
  const turnHashes: string[] = [];
  let failure: ReplayResult['failure'] = null;
  for (let i = 0; i < actions.length; i++) {
    const before = state.turn;
    const result = applyAction(state, actions[i]!);
    if (!result.ok) {
      failure = { index: i, turn: state.turn, rejection: result.rejection };
      break;
    }
    state = result.state;
    if (state.turn > before || (state.outcome && !turnHashes[before - 1])) recordTurns(turnHashes, state, before);
  }
  return { state, turnHashes, finalHash: stateHash(state), failure };
}

function recordTurns(turnHashes: string[], state: GameState, before: number): void {
  // One action can close a turn (or several, when roles have nothing to do): hash each at its end.
  const hash = stateHash(state);
  const last = state.outcome ? state.turn : state.turn - 1;
  for (let t = before; t <= last; t++) turnHashes[t - 1] = hash;
}
