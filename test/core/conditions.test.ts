import { describe, expect, it } from 'vitest';
import { applyAction, createGame, setCoreAutoFreeze, type GameState, type Quantity, type Scenario } from '../../src/core';
import { evaluate, quantityFields, quantityValue } from '../../src/core/conditions';
import { sharedLossReached } from '../../src/core/rules/assessment';
import { playGame } from '../../src/bots';
import { loadScenario, scenarioIds, standardSeats } from '../../src/cli/scenarioFiles';

// quantityFields(q) lists what quantityValue reads for q: a value worked out from one state must hold for
// any state whose listed fields are the same. Checked by grafting a state's listed fields onto a later
// state of the same game: the value must be the first state's. The shared-loss verdict, remembered
// while the fields its conditions read are unchanged, must be the plain one in every state.

function samples(sc: Scenario): Quantity[] {
  const role = sc.roles[0]!.id;
  const theatre = sc.theatres[0]!.id;
  const item = sc.items[0]?.id ?? 'none';
  return [
    { track: `tension:${theatre}` }, { budget: role }, { stock: role, item }, { stock: role, item, theatre },
    { techLevel: sc.techTransfers[0]?.id ?? 'none' }, { protectedPct: theatre }, { protectedPct: 'all' },
    { disabledRegions: 'all' }, { longestStockout: role, item }, { arms: role }, { armsChange: role },
    { agreements: 'defencePact' }, { agreements: 'alliance', party: role }, { leakers: 'all' }, { leakers: theatre },
    { onTimePct: role }, { gaps: 'all' }, { operationalBatteries: role }, { operationalBatteries: role, theatre }, { turn: true },
  ];
}

function states(sc: Scenario, seed: string): GameState[] {
  const seats = standardSeats(sc);
  const game = playGame(sc, seed, seats, { turnHashes: false });
  const out: GameState[] = [];
  let s = createGame(sc, seed, seats);
  game.actions.forEach((a, i) => {
    const r = applyAction(s, a);
    if (!r.ok) throw new Error(r.rejection.message);
    s = r.state;
    if (i % 7 === 0) out.push(s);
  });
  return out;
}

describe('what a quantity reads', () => {
  it('a quantity counts only the fields quantityFields lists, in games of every scenario', () => {
    setCoreAutoFreeze(true);
    let compared = 0;
    let differing = 0;
    for (const id of scenarioIds()) {
      const loaded = loadScenario(id);
      if (!loaded.ok) throw new Error(loaded.message);
      const sc = loaded.value.scenario;
      const seen = states(sc, '1');
      for (const q of samples(sc)) {
        for (let i = 0; i + 5 < seen.length; i += 3) {
          const [early, late] = [seen[i]!, seen[i + 5]!];
          const grafted = { ...late } as Record<string, unknown>;
          for (const f of quantityFields(q)) grafted[f] = early[f];
          const want = quantityValue(early, q);
          expect(quantityValue(grafted as unknown as GameState, q), `${id} ${JSON.stringify(q)}`).toBe(want);
          compared++;
          if (quantityValue(late, q) !== want) differing++;
        }
      }
    }
    // The check has teeth only where the later state's value differs: it must, often.
    expect(differing).toBeGreaterThan(compared / 10);
  }, 120_000);

  it('the remembered shared-loss verdict is the plain one in every state', () => {
    for (const id of scenarioIds()) {
      const loaded = loadScenario(id);
      if (!loaded.ok) throw new Error(loaded.message);
      const sc = loaded.value.scenario;
      for (const s of states(sc, '2')) {
        const plain = !s.outcome && (sc.theatres.some((t) => (s.tracks[`tension:${t.id}`] ?? 0) >= 10) || sc.sharedLoss.some((l) => evaluate(s, l.condition)));
        expect(sharedLossReached(s)).toBe(plain);
        // A change to a field it reads is seen at once.
        if (!s.outcome && sc.theatres[0]) {
          const hot = { ...s, tracks: { ...s.tracks, [`tension:${sc.theatres[0].id}`]: 10 } };
          expect(sharedLossReached(hot)).toBe(true);
          expect(sharedLossReached(s)).toBe(plain);
        }
      }
    }
  }, 120_000);
});
