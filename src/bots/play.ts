import {
  applyAction, closedTurns, createGame, legalActionsWordless, stateHash, viewFor,
  type Action, type BotLevel, type GameEvent, type GameState, type Scenario, type Seats,
} from '../core';
import { decide } from './index';
import type { LookaheadOptions } from './lookahead';
import { botRandom, type Random } from './random';

// Plays a whole game with a bot in every seat that acts: the loop the simulator, the tests and the
// balance report share. Every bot action goes through applyAction like anyone else's.

export interface Step { before: GameState; after: GameState; role: string; action: Action; events: GameEvent[] }
export interface BotRejection { index: number; turn: number; phase: string; role: string; action: Action; code: string; message: string }

export interface PlayOptions {
  lookahead?: Partial<LookaheadOptions>;
  /** Stop after this many accepted actions (a guard against a game that does not end). */
  maxActions?: number;
  /** Record each turn's state hash (default true; hashing a whole state is not free). */
  turnHashes?: boolean;
  onStep?: (step: Step) => void;
}

export interface PlayedGame {
  state: GameState;
  actions: Action[];
  /** The state hash after each completed turn (index 0 = turn 1), as `replay()` computes them. */
  turnHashes: string[];
  rejections: BotRejection[];
}

/** The role whose decision the game waits for: an event chooser first, then the role on step. */
export function actorOf(s: GameState): string | null {
  if (s.outcome) return null;
  return s.pendingChoice?.role ?? s.queue[0] ?? null;
}

/** Records the hash of every turn an action closed (one action can close several), as replay() does. */
export function recordTurnHashes(turnHashes: string[], state: GameState, before: number): void {
  const closed = closedTurns(state, before, turnHashes[before - 1] !== undefined);
  if (!closed) return;
  const hash = stateHash(state);
  for (let t = closed.from; t <= closed.to; t++) turnHashes[t - 1] = hash;
}

export function levelOf(seats: Seats, role: string): BotLevel {
  const seat = seats[role];
  if (seat?.kind !== 'bot') throw new Error(`${role} is not seated by a bot`);
  return seat.level;
}

/** The bot's stream for this decision, seeded on its first draw (the standard bot never draws): the same numbers. */
function lazyRandom(state: GameState, role: string): Random {
  let stream: Random | null = null;
  return () => (stream ??= botRandom(state, role))();
}

export function playGame(scenario: Scenario, seed: string, seats: Seats, options: PlayOptions = {}): PlayedGame {
  let state = createGame(scenario, seed, seats);
  const actions: Action[] = [];
  const turnHashes: string[] = [];
  const rejections: BotRejection[] = [];
  const limit = options.maxActions ?? 50_000;
  while (!state.outcome && actions.length < limit) {
    const role = actorOf(state);
    if (role === null) throw new Error(`nobody can act in the ${state.phase} phase of turn ${state.turn}`);
    // Bots read the entries' actions, costs and amounts, never their words.
    const legal = legalActionsWordless(state, role);
    if (legal.length === 0) throw new Error(`${role} has nothing it may do in the ${state.phase} phase of turn ${state.turn}`);
    let action = decide(viewFor(state, role), legal, lazyRandom(state, role), levelOf(state.seats, role), options.lookahead);
    let result = applyAction(state, action);
    if (!result.ok) {
      rejections.push({ index: actions.length, turn: state.turn, phase: state.phase, role, action, code: result.rejection.code, message: result.rejection.message });
      // Carry on with the plainest legal move so one bad decision does not stop the game.
      action = (legal.find((l) => l.action.type === 'endPhase') ?? legal[0]!).action;
      result = applyAction(state, action);
      if (!result.ok) throw new Error(`${role}: even the fallback ${action.type} was refused: ${result.rejection.message}`);
    }
    const before = state;
    state = result.state;
    actions.push(action);
    if (options.turnHashes !== false) recordTurnHashes(turnHashes, state, before.turn);
    options.onStep?.({ before, after: state, role, action, events: result.events });
  }
  return { state, actions, turnHashes, rejections };
}
