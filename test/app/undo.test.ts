import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, replay, type Seats } from '../../src/core';
import { createStore, type GameStore } from '../../src/app/store';
import { checkUndo } from '../../src/app/undo';

const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8')));
if (!parsed.ok) throw new Error('first-contract does not parse');
const scenario = parsed.scenario;

/** Plays until `role` is on step with a non-ending action it can take that draws no chance. */
function stepOf(store: GameStore, role: string) {
  for (let guard = 0; guard < 400 && store.actor() !== role; guard++) {
    const actor = store.actor()!;
    const legal = store.legalFor(actor);
    store.dispatch((legal.find((l) => l.action.type === 'chooseEventOption') ?? legal.find((l) => l.action.type === 'endPhase') ?? legal[0]!).action);
  }
  expect(store.actor()).toBe(role);
}

describe('undo', () => {
  const seats: Seats = { poland: { kind: 'human' }, korea: { kind: 'human' } };

  it('takes back a seat’s own action within its step, leaving no trace in the log', () => {
    const store = createStore(scenario, 'undo-1', seats);
    let undone = 0;
    for (let guard = 0; guard < 400 && !store.getState().outcome; guard++) {
      const role = store.actor()!;
      const legal = store.legalFor(role);
      const act = legal.find((l) => l.action.type !== 'endPhase' && l.action.type !== 'chooseEventOption');
      if (act && guard % 2 === 0) {
        const before = store.getState();
        const hash = store.hash();
        const log = store.getLog().length;
        expect(store.dispatch(act.action).ok).toBe(true);
        if (store.canUndo(role).ok) {
          expect(store.undo(role).ok).toBe(true);
          expect(store.getState()).toBe(before);
          expect(store.hash()).toBe(hash);
          expect(store.getLog()).toHaveLength(log);
          // The shorter log replays to the same state: undo left no trace.
          expect(replay(scenario, 'undo-1', seats, store.getLog()).finalHash).toBe(hash);
          undone++;
          // Take it again for real, so the game moves on.
          store.dispatch(act.action);
        }
      } else {
        store.dispatch((legal.find((l) => l.action.type === 'chooseEventOption') ?? legal.find((l) => l.action.type === 'endPhase') ?? legal[0]!).action);
      }
    }
    expect(undone).toBeGreaterThan(3);
  });

  it('undoes several of the seat’s actions in a row, but no further than the start of its step', () => {
    const store = createStore(scenario, 'undo-5', seats);
    stepOf(store, 'poland');
    while (store.getState().phase !== 'industry' || store.actor() !== 'poland') {
      const actor = store.actor()!;
      store.dispatch(store.legalFor(actor).find((l) => l.action.type === 'chooseEventOption' || l.action.type === 'endPhase')!.action);
    }
    const start = store.getLog().length;
    let taken = 0;
    for (const l of store.legalFor('poland')) {
      if (l.action.type === 'endPhase' || taken >= 2) continue;
      if (store.dispatch(l.action).ok && store.actor() === 'poland') taken++;
    }
    expect(taken).toBe(2);
    expect(store.undo('poland').ok).toBe(true);
    expect(store.undo('poland').ok).toBe(true);
    expect(store.getLog()).toHaveLength(start);
    expect(store.undo('poland').ok).toBe(false);
  });

  it('does not undo for another seat, for a bot, or after the step has passed', () => {
    const store = createStore(scenario, 'undo-2', seats);
    stepOf(store, 'poland');
    expect(store.canUndo('poland').ok).toBe(false);
    store.dispatch({ type: 'endPhase', role: 'poland' });
    const ended = store.canUndo('poland');
    expect(ended.ok).toBe(false);
    if (!ended.ok) expect(ended.reason).toMatch(/phase|another seat/);
    expect(store.canUndo('korea').ok).toBe(false);
    const bots = createStore(scenario, 'undo-3', { poland: { kind: 'bot', level: 'easy' }, korea: { kind: 'human' } });
    expect(bots.canUndo('poland')).toMatchObject({ ok: false, reason: expect.stringContaining('person') });
  });

  it('refuses when the action drew on chance (the rng part of the state changed)', () => {
    const store = createStore(scenario, 'undo-4', seats);
    stepOf(store, 'poland');
    const before = store.getState();
    const action = { type: 'endPhase', role: 'poland' } as const;
    expect(checkUndo(before, before, action, 'poland', seats).ok).toBe(true);
    const drew = { ...before, rng: { ...before.rng, threats: { ...before.rng.threats, c: before.rng.threats.c + 1 } } };
    expect(checkUndo(before, drew, action, 'poland', seats)).toMatchObject({ ok: false, reason: expect.stringContaining('chance') });
    const otherPhase = { ...before, phase: before.phase === 'industry' ? 'deployment' : 'industry' } as typeof before;
    expect(checkUndo(before, otherPhase, action, 'poland', seats).ok).toBe(false);
    const handedOver = { ...before, queue: ['korea', ...before.queue.filter((r) => r !== 'korea')] };
    expect(checkUndo(before, handedOver, action, 'poland', seats)).toMatchObject({ ok: false, reason: expect.stringContaining('another seat') });
  });
});
