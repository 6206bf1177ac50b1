import { describe, expect, it } from 'vitest';
import { FACILITATOR, legalActions, legalActionsWordless, type GameState, type Seats } from '../../src/core';
import { playGame } from '../../src/bots';
import { loadScenario, scenarioIds, standardSeats } from '../../src/cli/scenarioFiles';

// Bots ask for the legal list without its words (the simulator's loop, playGame): it must offer the
// very entries of the full list, in the same order with the same costs and amounts, only unworded.

const withoutWords = (list: ReturnType<typeof legalActions>) => list.map((l) => ({ ...l, label: '', effect: '' }));

function botGame(id: string, seats: (standard: Seats) => Seats, visit: (s: GameState) => void): void {
  const loaded = loadScenario(id);
  if (!loaded.ok) throw new Error(loaded.message);
  const { scenario } = loaded.value;
  const played = playGame(scenario, '7', seats(standardSeats(scenario)), { turnHashes: false, onStep: (step) => visit(step.before) });
  visit(played.state);
}

describe('the legal list without words', () => {
  it.each(scenarioIds())('is the full list minus its words in every state of bot games of %s', (id) => {
    let states = 0;
    let entries = 0;
    const check = (s: GameState) => {
      states++;
      for (const role of [...s.scenario.roles.map((r) => r.id), FACILITATOR]) {
        const bare = legalActionsWordless(s, role);
        const full = legalActions(s, role);
        // Same actions, order, costs and amounts, and the same shape (keys in the same order).
        expect(JSON.stringify(bare), `${s.phase} of turn ${s.turn}, ${role}`).toBe(JSON.stringify(withoutWords(full)));
        // Outside a wordless list the words are made again.
        for (const l of full) expect(l.label.length * l.effect.length, l.action.type).toBeGreaterThan(0);
        entries += full.length;
      }
    };
    // Standard bots, and easy ones (seeded-random), which wander into states the standard bots avoid,
    // with a facilitator seated (whose list is checked too).
    botGame(id, (seats) => seats, check);
    botGame(id, (seats) => ({
      ...Object.fromEntries(Object.entries(seats).map(([r, seat]) => [r, seat.kind === 'bot' ? { kind: 'bot' as const, level: 'easy' as const } : seat])),
      [FACILITATOR]: { kind: 'facilitator' as const },
    }), check);
    expect(states).toBeGreaterThan(50);
    expect(entries).toBeGreaterThan(states);
    // Two whole games of every scenario, each state listed twice: ≈ 2–5 s on a quiet machine, over vitest's
    // default 5 s on a busy one.
  }, 60_000);
});
