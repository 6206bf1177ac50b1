import { describe, expect, it } from 'vitest';
import { viewFor, type GameState, type RoleView } from '../../src/core';
import { playGame } from '../../src/bots';
import { loadScenario, scenarioIds, standardSeats } from '../../src/cli/scenarioFiles';

// viewFor is built as one object literal with a remembered scenario per viewer (bots ask for a view before
// every decision). The plain definition of a view is the state without its hidden parts: in every state of
// games of every scenario, for every role, viewFor must show the same fields in the same order with the same values.

function definition(s: GameState, role: string): RoleView {
  const facilitator = role === 'facilitator';
  const own = s.scenario.roles.find((r) => r.id === role);
  const canSee = (owner: string) => facilitator || s.revealed || owner === role || (own !== undefined && owner === own.side);
  const intel = s.intel[role];
  const { rng: _rng, deck, plannedWaves, intel: allIntel, ...rest } = s;
  return {
    ...rest,
    scenario: { ...s.scenario, objectives: s.scenario.objectives.filter((o) => !o.hidden || canSee(o.owner)) },
    viewer: role,
    deckSize: deck.length,
    nextCard: facilitator || intel?.nextCard ? deck[0] ?? null : null,
    plannedWaves: facilitator || intel?.nextWave ? plannedWaves : {},
    intel: Object.fromEntries(Object.entries(allIntel).filter(([r]) => canSee(r))),
  };
}

function sameView(s: GameState, role: string): void {
  const mine = viewFor(s, role) as unknown as Record<string, unknown>;
  const rules = definition(s, role) as unknown as Record<string, unknown>;
  expect(Object.keys(mine)).toEqual(Object.keys(rules));
  for (const key of Object.keys(rules)) {
    if (key === 'scenario') {
      const a = mine.scenario as Record<string, unknown>;
      const b = rules.scenario as Record<string, unknown>;
      expect(Object.keys(a)).toEqual(Object.keys(b));
      for (const k of Object.keys(b)) {
        if (k === 'objectives') expect(a[k]).toEqual(b[k]);
        else if (a[k] !== b[k]) expect({ role, key: `scenario.${k}`, value: a[k] }).toEqual({ role, key: `scenario.${k}`, value: b[k] });
      }
    } else if (key === 'intel' || key === 'plannedWaves') {
      expect(mine[key]).toEqual(rules[key]);
    } else if (mine[key] !== rules[key]) {
      expect({ role, key, value: mine[key] }).toEqual({ role, key, value: rules[key] });
    }
  }
}

describe('viewFor', () => {
  it('is the plain definition in every state of two games of every scenario, for every role and the public', () => {
    for (const id of scenarioIds()) {
      const loaded = loadScenario(id);
      if (!loaded.ok) throw new Error(loaded.message);
      const scenario = loaded.value.scenario;
      const roles = [...scenario.roles.map((r) => r.id), 'public', 'facilitator'];
      for (const seed of ['1', '2']) {
        const game = playGame(scenario, seed, standardSeats(scenario), {
          turnHashes: false,
          onStep: ({ before }) => { for (const r of roles) sameView(before, r); },
        });
        for (const r of roles) sameView(game.state, r);
        // Everything revealed (the debrief's view): every objective and every role's intelligence shows.
        const revealed = { ...game.state, revealed: true };
        for (const r of roles) sameView(revealed, r);
      }
    }
  }, 120_000);
});
