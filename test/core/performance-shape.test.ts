import { afterEach, describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { applyAction, canonicalJson, hashValue, legalActions, logEntries, logSize, setCoreAutoFreeze, stateHash, type GameState } from '../../src/core';
import { hasActionBesidesEnd, legalActionsFor } from '../../src/core/legal';
import { copyState } from '../../src/core/state';
import { act, actingRole, newGame } from '../support/builders';

// The shortcuts taken for speed must not change what the rules do: the idle-role check, the scenario
// kept out of drafts, the log appended in one step and the canonical-text cache of frozen data.

function randomGame(seed: string, steps: number, visit: (s: GameState) => void): GameState {
  const pick = seedrandom.alea(seed);
  let s = newGame({ seed });
  for (let i = 0; i < steps && !s.outcome; i++) {
    visit(s);
    const role = actingRole(s);
    if (!role) break;
    const options = legalActions(s, role);
    s = act(s, options[Math.floor(pick() * options.length)]!.action).state;
  }
  return s;
}

describe('speed shortcuts keep the rules as they were', () => {
  afterEach(() => setCoreAutoFreeze(true));

  it('copyState copies every field of a state, in order, as they are', () => {
    let checked = 0;
    randomGame('copy', 300, (s) => {
      const copy = copyState(s);
      expect(Object.keys(copy)).toEqual(Object.keys(s));
      for (const key of Object.keys(s) as (keyof GameState)[]) expect(copy[key]).toBe(s[key]);
      expect(copy).not.toBe(s);
      checked++;
    });
    expect(checked).toBeGreaterThan(100);
  });

  it('the idle-role check agrees with the full legal list in every state of a game', () => {
    let checked = 0;
    randomGame('idle-check', 400, (s) => {
      for (const role of s.scenario.roles.map((r) => r.id)) {
        const full = legalActionsFor(s, role).some((l) => l.action.type !== 'endPhase');
        expect(hasActionBesidesEnd(s, role), `${s.phase} ${role}`).toBe(full);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(300);
  });

  it('keeps one frozen scenario for the whole game, and a plain copy of a state plays on to the same hash', () => {
    setCoreAutoFreeze(false);
    const start = newGame({ seed: 'scenario' });
    expect(Object.isFrozen(start.scenario)).toBe(true);
    const role = actingRole(start)!;
    const action = legalActions(start, role)[0]!.action;
    const next = act(start, action).state;
    expect(next.scenario).toBe(start.scenario);
    // structuredClone gives a plain, unfrozen scenario: the rules take it as it is.
    const copy = structuredClone(start);
    expect(Object.isFrozen(copy.scenario)).toBe(false);
    const fromCopy = applyAction(copy, action);
    expect(fromCopy.ok && stateHash(fromCopy.state)).toBe(stateHash(next));
  });

  it('freezes the scenario all the way down once auto-freeze is on, even if the game began with it off', () => {
    setCoreAutoFreeze(false);
    const start = newGame({ seed: 'deep-freeze' });
    expect(Object.isFrozen(start.scenario.regions)).toBe(false);
    setCoreAutoFreeze(true);
    const role = actingRole(start)!;
    const next = act(start, legalActions(start, role)[0]!.action).state;
    expect(next.scenario).toBe(start.scenario);
    expect(Object.isFrozen(next.scenario.regions)).toBe(true);
    expect(Object.isFrozen(next.scenario.regions[0])).toBe(true);
  });

  it('appends each step’s log entries to the log before it, one entry per event', () => {
    setCoreAutoFreeze(false);
    let s = newGame({ seed: 'log' });
    for (let i = 0; i < 60 && !s.outcome; i++) {
      const role = actingRole(s)!;
      const action = legalActions(s, role)[0]!.action;
      const result = applyAction(s, action);
      if (!result.ok) throw new Error(result.rejection.message);
      const before = logEntries(s.log);
      const added = logEntries(result.state.log, before.length);
      expect(logEntries(result.state.log, 0, before.length)).toEqual(before);
      expect(added.map((e) => e.text)).toEqual(result.events.map((e) => e.text));
      expect(logSize(s.log)).toBeLessThanOrEqual(logSize(result.state.log));
      s = result.state;
    }
  });

  it('hashes frozen data exactly like the same data unfrozen, and never from a stale text', () => {
    const plain = { b: [1, 2, { c: 'x' }], a: { d: null, e: undefined } };
    const frozen = Object.freeze({ b: Object.freeze([1, 2, Object.freeze({ c: 'x' })]), a: Object.freeze({ d: null, e: undefined }) });
    expect(canonicalJson(frozen)).toBe(canonicalJson(plain));
    expect(hashValue(frozen)).toBe(hashValue(plain));
    expect(hashValue(frozen)).toBe(hashValue(frozen));
    // A frozen shell around a mutable inside is not remembered: a change inside shows.
    const inner = { n: 1 };
    const shell = Object.freeze({ inner });
    const before = hashValue(shell);
    inner.n = 2;
    expect(hashValue(shell)).not.toBe(before);
  });

  it('plays the same game to the same hash with auto-freeze on and off', () => {
    setCoreAutoFreeze(true);
    const on = randomGame('freeze-both', 300, () => {});
    setCoreAutoFreeze(false);
    const off = randomGame('freeze-both', 300, () => {});
    expect(stateHash(off)).toBe(stateHash(on));
  });
});
