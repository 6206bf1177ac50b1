import { describe, expect, it } from 'vitest';
import { viewFor, type GameState } from '../../src/core';
import { playGame } from '../../src/bots';
import { interestsOf } from '../../src/bots/interests';
import { loadScenario, scenarioIds, standardSeats } from '../../src/cli/scenarioFiles';

// The standard bot remembers each goal's weights while the values of the goal's quantities are the same
// (interests.ts, InterestBuilder.goal). A copy of the view shares no object with anything remembered, so
// its interests are worked out afresh (interests do not read the log, left out of the copy): in every state of a game of every scenario they must be the same,
// lever by lever in the same order, to the last bit.

describe('interests remembered goal by goal', () => {
  it('are those worked out afresh in every state of a game of every scenario', () => {
    for (const id of scenarioIds()) {
      const loaded = loadScenario(id);
      if (!loaded.ok) throw new Error(loaded.message);
      const scenario = loaded.value.scenario;
      let step = 0;
      const check = (s: GameState, viewer: string) => {
        const v = viewFor(s, viewer);
        // The viewer's own interests at every step, the others' (as in diplomacy) at every fifth.
        for (const r of step++ % 5 === 0 ? scenario.roles.map((x) => x.id) : [viewer]) {
          const kept = interestsOf(v, r);
          const fresh = interestsOf(structuredClone({ ...v, log: [] }), r);
          if (kept.bp !== fresh.bp || JSON.stringify([...kept.levers]) !== JSON.stringify([...fresh.levers]))
            expect({ scenario: id, turn: s.turn, phase: s.phase, viewer, role: r, bp: kept.bp, levers: [...kept.levers] })
              .toEqual({ scenario: id, turn: s.turn, phase: s.phase, viewer, role: r, bp: fresh.bp, levers: [...fresh.levers] });
        }
      };
      playGame(scenario, '1', standardSeats(scenario), { turnHashes: false, onStep: ({ before, role }) => check(before, role) });
    }
  }, 120_000);
});
