import { describe, expect, it } from 'vitest';
import { viewFor, type GameState, type Scenario } from '../../src/core';
import { playGame } from '../../src/bots';
import { freshInterests, interestsOf, type Interests } from '../../src/bots/interests';
import { loadScenario, scenarioIds, standardSeats } from '../../src/cli/scenarioFiles';

// A role's interests are kept from the last time they were asked, goal by goal, while the quantities each
// goal counted have the same values. In every state of games of every scenario, the kept interests of every
// role must be the fresh ones: the same levers, added in the same order, to the last bit. (A quantity is not
// counted again when none of its fields changed since the role's last interests: leaving a field out of
// changedFields makes this test fail.)

const plain = (i: Interests) => ({ role: i.role, side: i.side, red: i.red, bp: i.bp, levers: [...i.levers] });

/** Plays two games of `scenario`, checking every role's kept interests against fresh ones in every state; how many were checked and reused. */
function checkGames(id: string, scenario: Scenario): { checked: number; reused: number } {
  let checked = 0;
  let reused = 0;
  const last = new Map<string, Interests>();
  const check = (s: GameState) => {
    for (const r of scenario.roles) {
      const v = viewFor(s, r.id);
      const kept = interestsOf(v, r.id);
      if (last.get(r.id) === kept) reused++;
      last.set(r.id, kept);
      const mine = plain(kept);
      const fresh = plain(freshInterests(v, r.id));
      checked++;
      // Object.is on every weight: the same levers in the same order (richardsonValue sums them in that order).
      const same = mine.bp === fresh.bp && mine.levers.length === fresh.levers.length
        && mine.levers.every(([k, w], n) => fresh.levers[n]![0] === k && Object.is(fresh.levers[n]![1], w));
      if (!same) expect({ scenario: id, turn: s.turn, phase: s.phase, ...mine }).toEqual({ scenario: id, turn: s.turn, phase: s.phase, ...fresh });
    }
  };
  for (const seed of ['1', '2']) {
    const game = playGame(scenario, seed, standardSeats(scenario), { turnHashes: false, onStep: ({ after }) => check(after) });
    check(game.state);
  }
  return { checked, reused };
}

const scenarioOf = (id: string): Scenario => {
  const loaded = loadScenario(id);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.value.scenario;
};

describe('interests kept between decisions', () => {
  it('are the fresh interests in every state of two games of every scenario', () => {
    let checked = 0;
    let reused = 0;
    for (const id of scenarioIds()) {
      const n = checkGames(id, scenarioOf(id));
      checked += n.checked;
      reused += n.reused;
    }
    // The check means something only if interests were in fact kept, and also worked out again.
    expect(reused).toBeGreaterThan(checked / 10);
    expect(reused).toBeLessThan(checked);
  }, 120_000);

  it('share a goal between roles only when its condition names no actor or target', () => {
    // Both allied nations get this objective with the same points; naming the actor, it weighs each one's own budget.
    const scenario = scenarioOf('umbrella-gap');
    const own = { id: 'own-budget', owner: 'allies', text: 'Keep a war chest.', condition: { compare: { budget: 'actor' }, op: '>=', value: 1000 }, points: 5 };
    checkGames('umbrella-gap', { ...scenario, objectives: [...scenario.objectives, own] } as Scenario);
  }, 60_000);
});
