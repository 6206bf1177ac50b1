import { playingRoles, type Action, type Scenario, type Seats } from '../core';
import { createStore, type GameStore } from './store';
import { browserStorage, SAVING_OFF, tabStorage, writeAutosave, type ForkOrigin, type OriginProblem, type WriteResult } from './autosave';
import { formatReplayFile } from './replayFile';
import { replayFileOf, safeName } from './replayImport';
import type { Speed } from '../view/theme';

// The game being played now: its store, plus the few settings that live outside the rules
// (animation speed). Scenes reach the session through here; the rules stay in the store's state.

export interface Session {
  store: GameStore;
  /** Human-seated roles in the scenario's order: they get briefings and the hotseat curtain. */
  humans: string[];
  /** Resumed from the autosave (the hotseat curtain falls before anyone's screen shows). */
  resumed: boolean;
  /** A game forked from a replay: the original and the action it left at, kept for export and comparison. */
  origin: ForkOrigin | null;
  /** A resumed save whose origin could not be used: the game shows why once, and offers the kept text. */
  originProblem: (OriginProblem & { key: string | null }) | null;
  /** The last autosave's result (the board says so once when it fails). */
  saveStatus: WriteResult;
}

export type { ForkOrigin, OriginProblem };

export interface SessionOptions {
  /** Actions already played (a resumed save or a fork); the rules re-run them. */
  log?: readonly Action[];
  resumed?: boolean;
  origin?: ForkOrigin | null;
  originProblem?: Session['originProblem'];
}

let current: Session | null = null;
let speed: Speed = 'normal';
const IN_GAME_FLAG = 'forge-shield/in-game';

export function startSession(scenario: Scenario, seats: Seats, seed: string, options: SessionOptions = {}): void {
  current?.store.stop();
  const store = createStore(scenario, seed, seats, options.log ?? []);
  const state = store.getState();
  const humans = playingRoles(state).filter((r) => seats[r]?.kind === 'human' || seats[r]?.kind === 'facilitator');
  const session: Session = { store, humans, resumed: options.resumed ?? false, origin: options.origin ?? null, originProblem: options.originProblem ?? null, saveStatus: { ok: true } };
  current = session;
  // Autosave after every action (and after an undo): the store's log is the truth it writes.
  let slotIsOurs = false;
  const save = () => {
    const storage = browserStorage();
    if (!storage) { session.saveStatus = SAVING_OFF; return; }
    const s = store.getState();
    session.saveStatus = writeAutosave(storage, { scenario, seed, seats, actions: store.getLog(), hash: store.hash(), finished: s.outcome !== null, origin: session.origin }, new Date().toISOString(), slotIsOurs);
    slotIsOurs = session.saveStatus.ok;
  };
  store.subscribe(() => { if (current === session) save(); });
  save();
  markInGame(true);
  exposeForTests();
}

/** A forked game's two replay files: the original exactly as it was opened, and this game so far. */
export function forkFiles(session: Session): { original: { name: string; text: string }; fork: { name: string; text: string } } | null {
  const { origin, store } = session;
  if (!origin) return null;
  const fork = replayFileOf(store.game());
  return {
    original: { name: `${safeName(origin.file.scenarioId)}-${safeName(origin.file.seed)}-original.replay.json`, text: formatReplayFile(origin.file) },
    fork: { name: `${safeName(store.scenario.id)}-${safeName(store.seed)}-fork-at-${origin.at}.replay.json`, text: fork.text },
  };
}

/** Set while a game is on screen in this tab, so a reload resumes it directly (sessionStorage outlives a reload, not the tab). */
export function markInGame(on: boolean): void {
  try {
    if (on) tabStorage()?.setItem(IN_GAME_FLAG, '1');
    else tabStorage()?.removeItem(IN_GAME_FLAG);
  } catch { /* no room: the menu offers Resume instead */ }
}

export const wasInGame = (): boolean => tabStorage()?.getItem(IN_GAME_FLAG) === '1';

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

interface ForgeHandle { game?: unknown; session?: Session; setSpeed?: (s: Speed) => void }

/**
 * What the browser tests read back: the session in play itself (its store's scenario, seed, seats, log,
 * hash and state; its origin), read in the page (test/e2e/forge.ts), so the game's JS carries no
 * accessors of its own for them.
 */
function exposeForTests(): void {
  const w = window as unknown as { __forge?: ForgeHandle };
  const handle = (w.__forge ??= {});
  if (!current) return;
  handle.session = current;
  handle.setSpeed = setSpeed;
}
