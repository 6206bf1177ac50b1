import { playingRoles, type Action, type Outcome, type Scenario, type Seats } from '../core';
import { createStore, type GameStore } from './store';
import type { Speed } from '../view/theme';

// The game being played now: its store, plus the few settings that live outside the rules
// (animation speed). Scenes reach the session through here; the rules stay in the store's state.

export interface Session {
  store: GameStore;
  /** Human-seated roles in the scenario's order: they get briefings and the hotseat curtain. */
  humans: string[];
}

let current: Session | null = null;
let speed: Speed = 'normal';

export function startSession(scenario: Scenario, seats: Seats, seed: string): Session {
  current?.store.stop();
  const store = createStore(scenario, seed, seats);
  const state = store.getState();
  const humans = playingRoles(state).filter((r) => seats[r]?.kind === 'human' || seats[r]?.kind === 'facilitator');
  current = { store, humans };
  exposeForTests();
  return current;
}

export function currentSession(): Session | null {
  return current;
}

export function endSession(): void {
  current?.store.stop();
  current = null;
}

export const getSpeed = (): Speed => speed;
export function setSpeed(next: Speed): void {
  speed = next;
}

/** A fresh seed for a new game: short, readable, easy to type back in. */
export function randomSeed(): string {
  const words = ['amber', 'basalt', 'cobalt', 'delta', 'ember', 'fjord', 'granite', 'harbor', 'iris', 'juniper', 'kestrel', 'lumen'];
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return `${words[bytes[0]! % words.length]}-${1000 + (bytes[1]! % 9000)}`;
}

interface ForgeHandle {
  game?: unknown;
  session?: { scenarioId: string; seed: string; seats: Seats; log(): Action[]; hash(): string; outcome(): Outcome | null };
  setSpeed?: (s: Speed) => void;
}

/** What the browser tests read back: the seed, the seats and the action log of the game in play. */
function exposeForTests(): void {
  const w = window as unknown as { __forge?: ForgeHandle };
  const handle = (w.__forge ??= {});
  const s = current;
  if (!s) return;
  handle.session = {
    scenarioId: s.store.scenario.id,
    seed: s.store.seed,
    seats: s.store.seats,
    log: () => JSON.parse(JSON.stringify(s.store.getLog())) as Action[],
    hash: () => s.store.hash(),
    outcome: () => s.store.getState().outcome,
  };
  handle.setSpeed = setSpeed;
}
