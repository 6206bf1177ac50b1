import { finishDraft } from 'immer';
import type { Scenario } from './scenario/schema';
import { copyState, type GameState, type LogEntry } from './state';
import { createCtx, type Ctx, type GameEvent } from './context';
import { appendLog } from './log';
import { lightState, written, type LightRecord } from './lightStep';

// One step over a game state (a light step or an immer draft, see lightStep.ts), with the embedded
// scenario kept out of the draft.
// The scenario never changes during a game, but rules read it constantly; read through a draft,
// every region, card and role it touches would get its own proxy (most of an action's time).
// So the scenario is a frozen object assigned into the draft: immer hands back assigned values
// as they are and skips frozen ones when it finalises. The state's shape and hash are unchanged.

// immer's array-methods plugin (array reads on the underlying array instead of a proxy per element) is
// not loaded: since steps start light and the heavy ones read plain pictures (snapshot.ts, currentList),
// it no longer made replays measurably faster, and it cost 0.7 KB gzip of the game's JS.

let deepFreeze = true;

/** Mirrors immer's auto-freeze setting: when on, the scenario is frozen all the way down too. */
export function setScenarioDeepFreeze(on: boolean): void {
  deepFreeze = on;
}

const sealed = new WeakMap<Scenario, { copy: Scenario; deep: boolean }>();

/** Freezes a plain value all the way down (already frozen parts are left as they are). */
export function freezeAll(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) freezeAll(child);
}

/**
 * Freezes a value the state keeps unchanged for good (a turn's record): all the way down when auto-freeze
 * is on, like every other part of a state then; with it off, the value itself only. That is what immer
 * (it skips a frozen value when it finalises a step) and the hashes (a frozen entry of an append-only list
 * remembers its running digest) look at, and the parts of a state are not frozen anyway then.
 */
export function freezeKept(value: object): void {
  if (deepFreeze) freezeAll(value);
  else Object.freeze(value);
}

/** The scenario as a frozen object (the same one for every state of a game). */
export function sealScenario(scenario: Scenario): Scenario {
  let found = sealed.get(scenario);
  if (!found) {
    if (Object.isFrozen(scenario) && !deepFreeze) return scenario;
    found = { copy: Object.isFrozen(scenario) ? scenario : Object.freeze({ ...scenario }), deep: false };
    sealed.set(scenario, found);
    if (found.copy !== scenario) sealed.set(found.copy, found);
  }
  if (deepFreeze && !found.deep) {
    // Made while auto-freeze was off: freeze what it holds now that mutation should be caught.
    for (const child of Object.values(found.copy)) freezeAll(child);
    found.deep = true;
  }
  return found.copy;
}

/**
 * One step over a game state: `step` gets a context over the state, first as a light step and, once
 * a rule reaches into a list or nested record, as an immer draft (see lightStep.ts). Its log entries
 * are appended after the step has finished: copying a long log inside the draft costs immer a walk over it.
 */
export function produceGame(state: GameState, actor: string | null, step: (ctx: Ctx) => void, events?: GameEvent[]): GameState {
  const scenario = sealScenario(state.scenario);
  const light = lightState(state, scenario);
  const ctx = createCtx(light.state, actor, state.log);
  // The caller's list of events, when it gives one, is filled directly.
  if (events) ctx.events = events;
  ctx.writesLog = false;
  light.record.ctx = ctx;
  // A step that throws leaves its draft unfinished: immer holds nothing open for a draft made by createDraft.
  step(ctx);
  const added = ctx.logged;
  const next = light.record.draft ? (finishDraft(light.record.draft) as GameState) : lightNext(light.record);
  if (added.length === 0) return next;
  const log = appendLog(state.log, added, deepFreeze);
  if (!deepFreeze) {
    // A state immer has just made: nobody else holds it yet.
    (next as { log: LogEntry[][] }).log = log;
    return next;
  }
  const frozen = copyState(next);
  frozen.log = log;
  return Object.freeze(frozen);
}

/**
 * The state after a step that stayed light: the old one with the written fields replaced, made as
 * immer would make it (same fields in the same order, the new parts frozen alike when auto-freeze is on).
 */
function lightNext(l: LightRecord): GameState {
  // The step is over: its own copy of the state is the next state (nothing writes to it any more).
  const next = l.next;
  if (!deepFreeze) return next;
  for (const [key, value] of Object.entries(next)) if (written(l, key)) freezeAll(value);
  return Object.freeze(next);
}
