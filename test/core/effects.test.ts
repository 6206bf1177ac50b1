import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import type { Effect, GameState } from '../../src/core';
import { createCtx, flushCtx, type Ctx } from '../../src/core/context';
import { applyEffects } from '../../src/core/effects';
import { edit, newGame } from '../support/builders';

/** Applies effects to a fresh copy of the state, as an action would, and returns it with its log. */
function run(state: GameState, effects: Effect[], actor: string | null = 'north', target: string | null = null): { s: GameState; log: string[] } {
  const log: string[] = [];
  const s = produce(state, (draft) => {
    const ctx: Ctx = createCtx(draft as GameState, actor);
    applyEffects(ctx, effects, { actor, target }, 'events');
    flushCtx(ctx);
    log.push(...ctx.events.map((e) => e.text));
  });
  return { s, log };
}

describe('declarative effects', () => {
  const base = newGame({ seed: 'effects' });

  it('adjusts tracks through actor/target placeholders, clamped to bounds', () => {
    const { s } = run(base, [{ adjustTrack: 'trust:actor+target', by: 20 }], 'north', 'south');
    expect(s.tracks['trust:north+south']).toBe(10);
    expect(run(base, [{ setTrack: 'tension:east', to: 0 }]).s.tracks['tension:east']).toBe(0);
  });

  it('an incident climbs tension by 1, by 2 from 7, and an open hotline halves it once', () => {
    const calm = edit(base, (d) => { d.tracks['tension:east'] = 3; });
    expect(run(calm, [{ incident: 'east' }]).s.tracks['tension:east']).toBe(4);
    const hot = edit(base, (d) => { d.tracks['tension:east'] = 7; });
    expect(run(hot, [{ incident: 'east' }]).s.tracks['tension:east']).toBe(9);
    const withLine = run(hot, [{ hotline: 'east' }, { incident: 'east' }, { incident: 'east' }]).s;
    expect(withLine.tracks['tension:east']).toBe(7 + 1 + 2);
    expect(withLine.hotline.east).toBe(false);
  });

  it('changes the arms-race coefficients and levels, never below zero', () => {
    const { s } = run(base, [{ richardson: { k: -0.1, l: -0.1 } }, { adjustArms: 'north', by: -100 }]);
    expect(s.arms?.k).toBeCloseTo(0.6, 10);
    expect(s.arms?.l).toBeCloseTo(0.6, 10);
    expect(s.arms?.levels.north).toBe(0);
  });

  it('adds stock, budget, a battery that sets up, a counter-drone layer and a line', () => {
    const { s } = run(base, [
      { addStock: 'south', item: 'interceptor', theatre: 'east', amount: 12 },
      { grantBudget: 'south', amount: 2 },
      { addBattery: base.scenario.batteryTypes[0]!.id, owner: 'south', region: 's-port' },
      { addCounterDrone: 's-port' },
      { addLine: base.scenario.lineTemplates[0]!.id, owners: [{ role: 'north', share: 100 }] },
    ]);
    expect(s.stocks['south|interceptor|east']).toBe((base.stocks['south|interceptor|east'] ?? 0) + 12);
    expect(s.budgets.south).toBe(base.budgets.south! + 2);
    expect(s.batteries.at(-1)).toMatchObject({ owner: 'south', region: 's-port', status: 'setup', turnsLeft: 1 });
    expect(s.regions['s-port']!.counterDrone).toBe(base.regions['s-port']!.counterDrone + 1);
    expect(s.lines).toHaveLength(base.lines.length + 1);
  });

  it('damages and repairs regions; enough damage disables one', () => {
    const { s, log } = run(base, [{ damageRegion: 's-logistics', amount: 5 }]);
    expect(s.regions['s-logistics']!.damage).toBe(5);
    expect(log.some((l) => l.endsWith('is disabled.'))).toBe(true);
    expect(run(s, [{ repairRegion: 's-logistics', amount: 2 }]).s.regions['s-logistics']!.damage).toBe(3);
  });

  it('rolls with logged dice and applies success or failure; conditions pick then or otherwise', () => {
    const sure: Effect = { roll: { die: 6, dice: 1, atLeast: 1, addTracks: [], bonuses: [] }, success: [{ grantBudget: 'north', amount: 1 }], failure: [] };
    const never: Effect = { roll: { die: 6, dice: 1, atLeast: 7, addTracks: [], bonuses: [] }, success: [], failure: [{ grantBudget: 'north', amount: -1 }] };
    const a = run(base, [sure]);
    expect(a.s.budgets.north).toBe(base.budgets.north! + 1);
    expect(a.log.some((l) => /d6 rolled \d = \d, needs 1: success/.test(l))).toBe(true);
    expect(run(base, [never]).s.budgets.north).toBe(base.budgets.north! - 1);
    expect(a.s.rng.events).not.toEqual(base.rng.events);
    const branch: Effect = { when: { compare: { turn: true }, op: '==', value: 1 }, then: [{ log: 'first turn' }], otherwise: [{ log: 'later' }] };
    expect(run(base, [branch]).log).toContain('first turn');
  });

  it('reveals the next card and wave to a role', () => {
    const { s } = run(base, [{ revealNext: 'south' }]);
    expect(s.intel.south).toMatchObject({ nextCard: true, nextWave: true });
  });
});

describe('crises (Hughes salvo)', () => {
  const base = newGame({ seed: 'crisis' });
  const crisis = (attackers: number): Effect => ({ crisis: 'east', attackers, alpha: 2, attackerStaying: 2, attackerDefence: 1 });

  it('a large attack damages the theatre’s most valuable regions; a small one is absorbed', () => {
    const big = run(base, [crisis(12)]).s;
    const damage = (s: GameState) => Object.entries(s.regions).filter(([id]) => id.startsWith('s-')).reduce((a, [, r]) => a + r.damage, 0);
    expect(damage(big)).toBeGreaterThan(0);
    expect(damage(run(base, [crisis(0)]).s)).toBe(0);
  });

  it('an alliance must pass a consensus roll for its deterrence to count', () => {
    const allied = edit(base, (d) => { d.agreements.push({ id: 'agr-x', type: 'alliance', parties: ['north', 'south', 'red'], since: 1, turnsLeft: null, transfer: null, line: null }); });
    const { log } = run(allied, [crisis(6)]);
    expect(log.some((l) => l.startsWith('Alliance consensus in the crisis: 2d6 rolled'))).toBe(true);
  });
});
