import { describe, expect, it } from 'vitest';
import { coverage, type GameState } from '../../src/core';
import { playGame } from '../../src/bots';
import { loadScenario, scenarioIds, standardSeats } from '../../src/cli/scenarioFiles';

// Waves and gaps ask for the cover of one region alone (coverage's `only`), which skips the batteries
// that neither stand in it nor half-cover it. It must be that region's cover as coverage of every
// region has it, with and without a battery left out, in every state of games of every scenario.

function sameCover(s: GameState): void {
  const except = [null, s.batteries[0]?.id ?? null];
  for (const leaving of except) {
    const all = coverage(s, leaving);
    for (const r of s.scenario.regions) expect(coverage(s, leaving, r.id)[r.id]).toEqual(all[r.id]);
  }
}

describe('coverage of one region', () => {
  it("is that region's cover in every region's coverage, in every state of a game of every scenario", () => {
    for (const id of scenarioIds()) {
      const loaded = loadScenario(id);
      if (!loaded.ok) throw new Error(loaded.message);
      const scenario = loaded.value.scenario;
      const game = playGame(scenario, '1', standardSeats(scenario), { turnHashes: false, onStep: ({ before }) => sameCover(before) });
      sameCover(game.state);
    }
  }, 120_000);
});
