import { describe, expect, it } from 'vitest';
import { viewFor, type GameState } from '../../src/core';
import { playGame } from '../../src/bots';
import { needs, needsNow } from '../../src/bots/industry';
import type { View } from '../../src/bots/knowledge';
import type { BotContext } from '../../src/bots/standard';
import { loadScenario, scenarioIds, standardSeats } from '../../src/cli/scenarioFiles';

// The industry reserve's threat and interceptor needs are kept from the last time they were asked while what
// they read is the same (a role's diplomacy decisions come one after another). In every state of games of every
// scenario, asked for the role that acted (after its action, as its next decision asks), the kept needs must be the
// fresh ones; and so must they be right after, for the same view with one thing it reads changed (another role, turn,
// phase, seats, scenario, batteries, agreements, doctrines, stocks, pipeline or revealed waves), so that the check
// fails when the memo leaves out one of them.

describe('industry needs kept between decisions', () => {
  it('are the fresh needs in every state of two games of every scenario', () => {
    let checked = 0;
    let reused = 0;
    let last: unknown = null;
    for (const id of scenarioIds()) {
      const loaded = loadScenario(id);
      if (!loaded.ok) throw new Error(loaded.message);
      const scenario = loaded.value.scenario;
      const ask = (v: View, role: string, what: string) => {
        // The needs read only the view and the role.
        const ctx = { v, role } as BotContext;
        const kept = needs(ctx);
        // Counted for the asks as the game makes them.
        if (what === 'acted') { checked++; if (kept === last) reused++; }
        last = kept;
        const fresh = needsNow(ctx);
        if (kept.length !== fresh.length || kept.some((x, n) => !Object.is(x, fresh[n])))
          expect({ scenario: id, turn: v.turn, phase: v.phase, role, what, kept }).toEqual({ scenario: id, turn: v.turn, phase: v.phase, role, what, kept: fresh });
      };
      // Then again, with one thing changed in turn (the kept needs are of the unchanged view).
      const vary = (s: GameState, role: string) => {
        const v = viewFor(s, role);
        const other = scenario.roles.find((r) => r.id !== role)!.id;
        const changed: [string, Partial<View>][] = [
          ['turn', { turn: v.turn + 1 }],
          ['phase', { phase: v.phase === 'threats' ? 'industry' : 'threats' }],
          ['seats', { seats: Object.fromEntries(scenario.roles.map((r) => [r.id, { kind: 'scripted' as const }])) }],
          ['scenario', { scenario: { ...v.scenario, orderLeadTime: v.scenario.orderLeadTime + 1 } }],
          ['batteries', { batteries: [] }],
          ['agreements', { agreements: [] }],
          ['doctrines', { doctrines: {} }],
          ['stocks', { stocks: {} }],
          ['pipeline', { pipeline: [] }],
          // A large wave of every threat type at every region.
          ['revealed waves', { plannedWaves: Object.fromEntries(scenario.theatres.map((t) => [t.id, scenario.regions.filter((r) => r.theatre === t.id)
            .flatMap((r) => scenario.threatTypes.map((x) => ({ threat: x.id, target: r.id, count: 50 })))])) }],
        ];
        ask(v, role, 'state');
        ask(v, other, 'role');
        for (const [what, part] of changed) { ask(v, role, 'state'); ask({ ...v, ...part }, role, what); }
      };
      for (const seed of ['1', '2']) {
        const acted: [GameState, string][] = [];
        const game = playGame(scenario, seed, standardSeats(scenario), {
          turnHashes: false,
          onStep: ({ after, role }) => { ask(viewFor(after, role), role, 'acted'); acted.push([after, role]); },
        });
        for (const r of scenario.roles) acted.push([game.state, r.id]);
        for (const [s, role] of acted) vary(s, role);
      }
    }
    // The check means something only if needs were in fact kept, and also worked out again.
    expect(reused).toBeGreaterThan(checked / 10);
    expect(reused).toBeLessThan(checked);
  }, 120_000);
});
