import {
  applyAction, createGame, legalActions, stateHash,
  type Action, type ApplyResult, type GameEvent, type GameState, type LegalAction, type Scenario, type Seats,
} from '../core';
import { actorOf, botAction } from '../bots';
import { checkUndo, type UndoCheck } from './undo';

// The store: the one place that holds the game state and the action log. Scenes read it and dispatch
// intents; bot seats are played from here, paced so the board's animations can show each step.

export type StoreListener = (state: GameState, events: readonly GameEvent[], action: Action | null) => void;

export interface Pacing {
  /** Milliseconds a bot waits before acting (0 = at once). */
  botDelay(): number;
  /** Resolves when the board has finished showing what just happened (animations, dialogs). */
  settled(): Promise<void>;
}

export interface GameStore {
  getState(): GameState;
  /** Every accepted action, in order: the truth a replay re-runs. */
  getLog(): readonly Action[];
  readonly seed: string;
  readonly seats: Seats;
  readonly scenario: Scenario;
  /** The game as a replay or a debrief reads it: scenario, seed, seats and a copy of the log. */
  game(): { scenario: Scenario; seed: string; seats: Seats; actions: Action[] };
  subscribe(listener: StoreListener): () => void;
  dispatch(action: Action): ApplyResult;
  legalFor(role: string): LegalAction[];
  /** The role whose decision the game waits for (an event choice first, then the role on step), or null. */
  actor(): string | null;
  isBot(role: string): boolean;
  hash(): string;
  setPacing(pacing: Pacing | null): void;
  /** Starts playing bot seats (call once the board is listening). */
  start(): void;
  stop(): void;
  /** May this human seat take back its last action now (docs/replay-format.md, "Undo")? */
  canUndo(role: string): UndoCheck;
  /** Takes back the seat's last action: the state and the log return to before it. */
  undo(role: string): UndoCheck;
}

const IMMEDIATE: Pacing = { botDelay: () => 0, settled: () => Promise.resolve() };

/** The role whose decision the game waits for (the bots' own rule): an event choice first, then the role on step. */
export { actorOf };

/** A store for a new game, or for one resumed or forked from an action log (throws if the rules refuse it). */
export function createStore(scenario: Scenario, seed: string, seats: Seats, initialLog: readonly Action[] = []): GameStore {
  let state = createGame(scenario, seed, seats);
  const log: Action[] = [];
  // states[i] is the state before log[i]; immer shares structure, so keeping them is cheap.
  const states: GameState[] = [state];
  for (const [i, action] of initialLog.entries()) {
    const result = applyAction(state, action);
    if (!result.ok) throw new Error(`action ${i + 1} of the log was refused: ${result.rejection.message}`);
    state = result.state;
    log.push(action);
    states.push(state);
  }
  const listeners = new Set<StoreListener>();
  let pacing: Pacing = IMMEDIATE;
  let running = false;
  let botPending = false;

  const isBot = (role: string) => seats[role]?.kind === 'bot';

  const notify = (events: readonly GameEvent[], action: Action | null) => {
    for (const l of [...listeners]) l(state, events, action);
  };

  const dispatch = (action: Action): ApplyResult => {
    const result = applyAction(state, action);
    if (result.ok) {
      state = result.state;
      log.push(action);
      states.push(state);
      notify(result.events, action);
      scheduleBot();
    }
    return result;
  };

  async function playBot(): Promise<void> {
    await pacing.settled();
    const delay = pacing.botDelay();
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    botPending = false;
    // A paused game (the facilitator's pause) holds the bots until it is resumed.
    if (!running || state.paused) return;
    const role = actorOf(state);
    if (!role || !isBot(role)) return;
    const seat = seats[role];
    const level = seat?.kind === 'bot' ? seat.level : 'standard';
    dispatch(botAction(state, role, level));
  }

  function scheduleBot(): void {
    if (!running || botPending || state.paused) return;
    const role = actorOf(state);
    if (!role || !isBot(role)) return;
    botPending = true;
    void playBot().catch((err: unknown) => {
      botPending = false;
      console.error('A bot could not act:', err);
    });
  }

  return {
    getState: () => state,
    getLog: () => log,
    seed,
    seats,
    scenario,
    game: () => ({ scenario, seed, seats, actions: [...log] }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch,
    legalFor: (role) => legalActions(state, role),
    actor: () => actorOf(state),
    isBot,
    hash: () => stateHash(state),
    setPacing(p) {
      pacing = p ?? IMMEDIATE;
    },
    start() {
      running = true;
      scheduleBot();
    },
    stop() {
      running = false;
    },
    canUndo: (role) => checkUndo(states[log.length - 1], state, log[log.length - 1], role, seats),
    undo(role) {
      const check = checkUndo(states[log.length - 1], state, log[log.length - 1], role, seats);
      if (!check.ok) return check;
      log.pop();
      states.pop();
      state = states[states.length - 1]!;
      notify([], null);
      return check;
    },
  };
}
