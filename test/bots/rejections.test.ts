import { describe, expect, it } from 'vitest';
import { setCoreAutoFreeze } from '../../src/core';
import { playGame } from '../../src/bots';
import { botSeats, FIXTURE, loadFile, SEEDS, shippedScenarios } from './support';

// Bot actions pass through applyAction like anyone's: standard bots in every seat, over SEEDS seeds
// of every scenario (20 here; `npm run test:bots` runs 200), have not one action refused.

const scenarios = [...shippedScenarios(), loadFile(FIXTURE)];

describe.each(scenarios.map((s) => [s.id, s] as const))('standard bots in every seat of %s', (_id, scenario) => {
  it(`play ${SEEDS} seeds to the end with no action refused`, () => {
    setCoreAutoFreeze(false);
    try {
      const seats = botSeats(scenario, 'standard');
      for (let seed = 1; seed <= SEEDS; seed++) {
        const game = playGame(scenario, String(seed), seats, { turnHashes: false });
        expect(game.rejections, `seed ${seed}`).toEqual([]);
        expect(game.state.outcome, `seed ${seed} ends`).not.toBeNull();
      }
    } finally {
      setCoreAutoFreeze(true);
    }
  }, 600_000);
});
