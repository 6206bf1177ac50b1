import type { Action, Rejection } from './actions';
import type { Scenario } from './scenario/schema';
import type { GameState, Seats } from './state';
import { createGame } from './create';
import { applyAction } from './apply';
import { stateHashUnchanging } from './view';

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
  // The states of this replay are ours alone and never written to once made: the canonical text of their
  // unchanged parts (the same objects from one turn's state to the next) is worked out once.
  const unchanging = new WeakMap<object, string>();
  for (let i = 0; i < actions.length; i++) {
    const before = state.turn;
    const result = applyAction(state, actions[i]!);
    if (!result.ok) {
      failure = { index: i, turn: state.turn, rejection: result.rejection };
      break;
    }
    state = result.state;
    const closed = closedTurns(state, before, turnHashes[before - 1] !== undefined);
    if (closed) {
      const hash = stateHashUnchanging(state, unchanging);
      for (let t = closed.from; t <= closed.to; t++) turnHashes[t - 1] = hash;
    }
  }
  return { state, turnHashes, finalHash: stateHashUnchanging(state, unchanging), failure };
}

/**
 * The turns an action closed, given the turn it was taken in: a turn's hash is the hash of the state
 * after the action during which it ended. One action can close several turns (when every role has
 * nothing to do) and the game's end closes the turn it ends in (unless that turn already has its hash).
 */
export function closedTurns(after: GameState, before: number, beforeHasHash: boolean): { from: number; to: number } | null {
  if (after.turn > before) return { from: before, to: after.outcome ? after.turn : after.turn - 1 };
  if (after.outcome && !beforeHasHash) return { from: before, to: after.turn };
  return null;
}
