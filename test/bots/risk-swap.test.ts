import { describe, expect, it } from 'vitest';
import { viewFor, type Battery, type GameState } from '../../src/core';
import { playGame } from '../../src/bots';
import { interestsOf } from '../../src/bots/interests';
import { neighbours, theatreOf, type View } from '../../src/bots/knowledge';
import { theatreRisk, theatreRiskSwapped } from '../../src/bots/threatModel';
import { loadScenario, standardSeats } from '../../src/cli/scenarioFiles';

// theatreRiskSwapped works out only the terms a battery's move or half cover changes, over kept terms and covers.
// In the deployment states of games, it must give theatreRisk over the changed placement to the last bit (fails when
// the moved battery's new region is left out of the changed terms).

const withBatteries = (v: View, batteries: Battery[]): View => ({ ...v, batteries });

describe('theatreRiskSwapped', () => {
  it('is theatreRisk over the changed placement, to the last bit, in the deployment states of games', () => {
    let checked = 0;
    for (const id of ['umbrella-gap', 'two-theatres']) {
      const loaded = loadScenario(id);
      if (!loaded.ok) throw new Error(loaded.message);
      const scenario = loaded.value.scenario;
      const check = (s: GameState, role: string) => {
        const v = viewFor(s, role);
        const i = interestsOf(v, role);
        // Every swap of the view is asked first, as a decision asks them one after another (the terms keep what they
        // met), and compared afterwards with theatreRisk over the changed placement.
        const asked: [number, () => number][] = [];
        v.batteries.forEach((b, n) => {
          if (b.owner !== role || b.status !== 'operational') return;
          const others = (x: Battery | null) => v.batteries.flatMap((y, k) => (k !== n ? [y] : x ? [x] : []));
          for (const h of [3, 6]) {
            // Taken away, and moved to a region (set up there without half cover).
            for (const theatre of v.scenario.theatres.map((t) => t.id))
              asked.push([theatreRiskSwapped(v, i, theatre, h, n, null, null), () => theatreRisk(withBatteries(v, others(null)), i, theatre, h)]);
            for (const r of v.scenario.regions) {
              if (r.id === b.region) continue;
              const moved = { ...b, region: r.id, halfCover: null };
              asked.push([theatreRiskSwapped(v, i, r.theatre, h, n, r.id, null), () => theatreRisk(withBatteries(v, others(moved)), i, r.theatre, h)]);
              checked++;
            }
            // Half cover of a neighbour, or none.
            const own = theatreOf(v, b.region);
            if (own === undefined) continue;
            for (const half of [null, ...neighbours(v, b.region)]) {
              const covering = { ...b, halfCover: half };
              asked.push([theatreRiskSwapped(v, i, own, h, n, b.region, half), () => theatreRisk(withBatteries(v, others(covering)), i, own, h)]);
              checked++;
            }
          }
        });
        for (const [swapped, fresh] of asked) expect(swapped).toBe(fresh());
      };
      for (const seed of ['1']) {
        playGame(scenario, seed, standardSeats(scenario), {
          turnHashes: false,
          onStep: ({ before, role }) => { if (before.phase === 'deployment' && !before.pendingChoice) check(before, role); },
        });
      }
    }
    expect(checked).toBeGreaterThan(1000);
  }, 120_000);
});
