import { describe, expect, it } from 'vitest';
import { viewFor, type Battery, type GameState } from '../../src/core';
import { playGame } from '../../src/bots';
import { neighbours, type View } from '../../src/bots/knowledge';
import { buildCoverTable, coverTable } from '../../src/bots/threatModel';
import { loadScenario, scenarioIds, standardSeats } from '../../src/cli/scenarioFiles';

// A placement met for the first time takes the cover table made last when its batteries fire from the same places
// with the same types and owners (a wave's shots change only rounds) and the agreements and map are the same.
// In every state of games of every scenario, for each role's view, the table given must be the one made afresh;
// and so must it be right after (in every fourth state of one game), with one thing the table reads changed (a battery's type, owner, region, half
// cover, status or rounds, or the agreements), so that the check fails when the comparison leaves one out.

type Plain = Record<string, Record<string, [number, string] | undefined>>;
const plain = (table: ReturnType<typeof coverTable>): Plain =>
  Object.fromEntries([...table].map(([r, x]) => [r, { drone: x.drone && [x.drone.p, x.drone.owner], ballistic: x.ballistic && [x.ballistic.p, x.ballistic.owner] }]));

describe('cover tables taken from the placement before', () => {
  it('are the fresh tables in every state of two games of every scenario', () => {
    let checked = 0;
    let reused = 0;
    let last: unknown = null;
    for (const id of scenarioIds()) {
      const loaded = loadScenario(id);
      if (!loaded.ok) throw new Error(loaded.message);
      const scenario = loaded.value.scenario;
      const ask = (v: View, what: string, counted = false) => {
        // A new batteries list: never met before, so the table made last is taken or a new one made.
        const w = { ...v, batteries: [...v.batteries] };
        const kept = coverTable(w);
        if (counted) { checked++; if (kept === last) reused++; }
        last = kept;
        const mine = plain(kept);
        const fresh = plain(buildCoverTable(w));
        if (JSON.stringify(mine) !== JSON.stringify(fresh)) expect({ scenario: id, turn: v.turn, phase: v.phase, what, mine }).toEqual({ scenario: id, turn: v.turn, phase: v.phase, what, mine: fresh });
      };
      const vary = (s: GameState, role: string) => {
        const v = viewFor(s, role);
        ask(v, 'state', true);
        v.batteries.forEach((b, n) => {
          const other = scenario.roles.find((r) => r.id !== b.owner)!.id;
          const type = scenario.batteryTypes.find((t) => t.id !== b.type)?.id;
          const region = scenario.regions.find((r) => r.id !== b.region)!.id;
          const half = neighbours(v, b.region).find((r) => r !== b.halfCover) ?? null;
          const changed: [string, Partial<Battery>][] = [
            ['owner', { owner: other }],
            ...(type ? [['type', { type }] as [string, Partial<Battery>]] : []),
            ['region', { region }],
            ['half cover', { halfCover: half }],
            ['status', { status: b.status === 'operational' ? 'packing' : 'operational' }],
            ['rounds', { rounds: b.rounds > 0 ? 0 : 10 }],
          ];
          for (const [what, part] of changed) {
            ask(v, 'state');
            ask({ ...v, batteries: v.batteries.map((x, k) => (k === n ? { ...x, ...part } : x)) }, what);
          }
        });
        ask(v, 'state');
        ask({ ...v, agreements: [] }, 'agreements');
      };
      for (const seed of ['1', '2']) {
        const seen: [GameState, string][] = [];
        const game = playGame(scenario, seed, standardSeats(scenario), { turnHashes: false, onStep: ({ after, role }) => seen.push([after, role]) });
        for (const r of scenario.roles) seen.push([game.state, r.id]);
        // First state after state as the game went (one action apart), then each with one thing changed.
        for (const [s, role] of seen) ask(viewFor(s, role), 'state', true);
        // (every fourth state of the first game: the changed placements make many tables)
        if (seed === '1') seen.forEach(([s, role], n) => { if (n % 4 === 0) vary(s, role); });
      }
    }
    // The check means something only if tables were in fact taken again, and also made afresh.
    expect(reused).toBeGreaterThan(checked / 10);
    expect(reused).toBeLessThan(checked);
  }, 120_000);
});
