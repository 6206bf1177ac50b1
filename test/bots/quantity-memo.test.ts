import { describe, expect, it } from 'vitest';
import { quantityValue, viewFor, type GameState, type Quantity, type Scenario } from '../../src/core';
import { playGame } from '../../src/bots';
import { COUNTED, countedFields, quantity } from '../../src/bots/knowledge';
import { countThreats, expectedThreats, exposure, exposureNow, passiveDefence, passiveNow } from '../../src/bots/threatModel';
import { loadScenario, scenarioIds, standardSeats } from '../../src/cli/scenarioFiles';

// The bots remember a quantity's value while the state fields it counts from are the same objects
// (the rules' own quantityFields, read from the view). In every state of games of every scenario,
// each quantity the scenario names must count what the rules count.

/** Every quantity a scenario names: in conditions (objectives, victory, shared loss, rules, moves, rolls, …) and score items. */
function quantitiesOf(scenario: Scenario): Quantity[] {
  const found = new Set<Quantity>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) { for (const y of x) walk(y); return; }
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, unknown>;
    if ('compare' in o && typeof o.compare === 'object') found.add(o.compare as Quantity);
    if ('quantity' in o && typeof o.quantity === 'object') found.add(o.quantity as Quantity);
    for (const y of Object.values(o)) walk(y);
  };
  walk(scenario);
  return [...found];
}

describe('quantities (and expected threats and exposures) remembered by the fields they count from', () => {
  it('count what the rules count in every state of two games of every scenario', () => {
    for (const id of scenarioIds()) {
      const loaded = loadScenario(id);
      if (!loaded.ok) throw new Error(loaded.message);
      const scenario = loaded.value.scenario;
      const quantities = quantitiesOf(scenario);
      expect(quantities.length).toBeGreaterThan(0);
      const check = (s: GameState, role: string) => {
        const v = viewFor(s, role);
        // The view's counted fields are read by name, in COUNTED's order.
        const fields = countedFields(v);
        COUNTED.forEach((f, n) => expect(fields[n]).toBe(v[f]));
        for (const q of quantities) {
          for (const b of [{ actor: role, target: null }, { actor: null, target: null }]) {
            const mine = quantity(v, q, b);
            const rules = quantityValue(s, q, b);
            if (mine !== rules) expect({ scenario: id, turn: s.turn, phase: s.phase, role, q, b, mine }).toEqual({ scenario: id, turn: s.turn, phase: s.phase, role, q, b, mine: rules });
          }
        }
        // Exposures are kept per theatre and horizon while the turn, the phase, the seats, the revealed waves and the launches are the same.
        for (const t of scenario.theatres)
          for (const turns of [1, 3, 6]) {
            const mine = exposure(v, t.id, turns);
            const fresh = exposureNow(v, t.id, turns);
            if (JSON.stringify(mine) !== JSON.stringify(fresh)) expect({ scenario: id, turn: s.turn, phase: s.phase, role, theatre: t.id, turns, mine }).toEqual({ scenario: id, turn: s.turn, phase: s.phase, role, theatre: t.id, turns, mine: fresh });
          }
        // A region's passive defences are kept while the agreements and the region's state are the same.
        for (const r of scenario.regions) {
          const { q, drone } = passiveDefence(v, r.id);
          const fresh = passiveNow(v, r.id);
          if (q !== fresh.q || drone !== fresh.drone) expect({ scenario: id, turn: s.turn, role, region: r.id, q, drone }).toEqual({ scenario: id, turn: s.turn, role, region: r.id, q: fresh.q, drone: fresh.drone });
        }
        // Expected threats are remembered per turn, seats, whether the turn's threats are done, and revealed waves.
        for (const r of scenario.regions) {
          for (const kind of ['drone', 'ballistic'] as const) {
            for (const turns of [1, 3, 6]) {
              const mine = expectedThreats(v, r.id, kind, turns);
              const fresh = countThreats(v, r.id, kind, turns);
              if (mine !== fresh) expect({ scenario: id, turn: s.turn, phase: s.phase, role, region: r.id, kind, turns, mine }).toEqual({ scenario: id, turn: s.turn, phase: s.phase, role, region: r.id, kind, turns, mine: fresh });
            }
          }
        }
      };
      for (const seed of ['1', '2']) {
        const game = playGame(scenario, seed, standardSeats(scenario), { turnHashes: false, onStep: ({ before, role }) => check(before, role) });
        for (const r of scenario.roles) check(game.state, r.id);
      }
    }
  }, 120_000);
});
