import type { Scenario } from './scenario/schema';
import type { Battery, GameState, Seats } from './state';
import { createStreams } from './rng';
import { produceGame } from './produce';
import { hashValue } from './hash';
import { pairKey } from './trackIds';
import { flushCtx } from './context';
import { advance, startTurn } from './flow';
import { settle } from './apply';
import { emptyTurnStatsValue } from './turnStats';
import { formAgreement } from './rules/diplomacy';
import { shuffleDeck } from './rules/events';

/** Seats every role as the scenario suggests; the caller overrides per role. */
export function defaultSeats(scenario: Scenario): Seats {
  const seats: Seats = {};
  for (const r of scenario.roles) seats[r.id] = r.seat === 'bot' ? { kind: 'bot', level: r.bot } : { kind: r.seat };
  return seats;
}

// A scenario never changes once parsed (a game's rules treat it as frozen, see produce.ts): its hash is
// worked out once per scenario object, not again for every game and replay of it (≈ 0.6 ms a time).
const scenarioHashes = new WeakMap<Scenario, string>();
function scenarioHashOf(scenario: Scenario): string {
  let hash = scenarioHashes.get(scenario);
  if (hash === undefined) {
    hash = hashValue(scenario);
    scenarioHashes.set(scenario, hash);
  }
  return hash;
}

export function createGame(scenario: Scenario, seed: string, seats: Seats = defaultSeats(scenario)): GameState {
  const tracks: Record<string, number> = {};
  for (const t of scenario.theatres) tracks[`tension:${t.id}`] = t.tension;
  for (const r of scenario.roles) {
    tracks[`support:${r.id}`] = r.support;
    tracks[`reputation:${r.id}`] = r.reputation;
    tracks[`readiness:${r.id}`] = r.readiness;
  }
  // Every pair of roles has trust and interoperability; unlisted pairs start neutral.
  for (let i = 0; i < scenario.roles.length; i++)
    for (let j = i + 1; j < scenario.roles.length; j++) {
      const key = pairKey(scenario.roles[i]!.id, scenario.roles[j]!.id);
      tracks[`trust:${key}`] = 5;
      tracks[`interop:${key}`] = 0;
    }
  for (const p of scenario.pairs) {
    const key = pairKey(p.roles[0], p.roles[1]);
    tracks[`trust:${key}`] = p.trust;
    tracks[`interop:${key}`] = p.interop;
  }
  for (const t of scenario.tracks) tracks[t.id] = t.start;

  const batteries: Battery[] = scenario.batteries.map((b) => {
    const type = scenario.batteryTypes.find((t) => t.id === b.type)!;
    const capacity = type.launchers * type.roundsPerLauncher;
    return {
      id: b.id, name: b.name, type: b.type, owner: b.owner, region: b.region, home: b.region, halfCover: b.halfCover ?? null,
      status: 'operational', destination: null, mode: null, loadsLeft: 0, turnsLeft: 0, rounds: capacity, capacity, awayTurns: 0,
    };
  });
  const stocks: Record<string, number> = {};
  for (const x of scenario.stockpiles) {
    const key = `${x.owner}|${x.item}|${x.theatre}`;
    stocks[key] = (stocks[key] ?? 0) + x.amount;
  }
  const r = scenario.richardson;

  const initial: GameState = {
    formatVersion: 1,
    scenario,
    scenarioHash: scenarioHashOf(scenario),
    seed,
    seats,
    turn: 1,
    phase: 'events',
    queue: [],
    paused: false,
    rng: createStreams(seed),
    budgets: Object.fromEntries(scenario.roles.map((r) => [r.id, r.budget.start])),
    workforce: Object.fromEntries(scenario.roles.map((r) => [r.id, r.workforce])),
    tracks,
    regions: Object.fromEntries(scenario.regions.map((r) => [r.id, { damage: 0, counterDrone: r.counterDrone }])),
    batteries,
    stocks,
    pipeline: [],
    lines: scenario.lines.map((l) => ({
      id: l.id, name: l.name, item: l.item, region: l.region, owners: l.owners.map((o) => ({ ...o })),
      buildLeft: l.built ? 0 : l.buildTurns, ramp: l.built || l.buildTurns === 0 ? 3 : 0, capacity: l.capacity, surges: [],
      upkeep: l.upkeep, quality: l.quality, requiredTech: l.requiredTech ?? null, fundedThisTurn: false, produced: 0, lotsLost: 0,
    })),
    transfers: scenario.techTransfers.map((t) => ({ id: t.id, donor: t.donor, recipient: t.recipient, level: t.level, building: null, refusals: 0 })),
    projects: [],
    agreements: [],
    proposals: [],
    nextId: 0,
    contracts: Object.fromEntries(scenario.contracts.map((c) => [c.id, { delivered: 0, late: 0, onTimeChecks: 0, onTimeMet: 0 }])),
    deck: [],
    discard: [],
    eventsLeft: 0,
    pendingChoice: null,
    intel: Object.fromEntries(scenario.roles.map((r) => [r.id, { nextCard: false, nextWave: false, reports: [] }])),
    plannedWaves: {},
    doctrines: Object.fromEntries(scenario.roles.map((r) => [r.id, { ...r.doctrine }])),
    hotline: Object.fromEntries(scenario.theatres.map((t) => [t.id, false])),
    arms: r
      ? { levels: { [r.x]: r.start.x, [r.y]: r.start.y }, change: { [r.x]: 0, [r.y]: 0 }, k: r.k, l: r.l, a: r.a, b: r.b, g: r.g, h: r.h }
      : null,
    movesUsed: {},
    turnStats: emptyTurnStatsValue(),
    stockout: {},
    objectivesMet: {},
    tensionCause: Object.fromEntries(scenario.theatres.map((t) => [t.id, null])),
    history: [],
    log: [],
    actionCount: 0,
    revealed: false,
    outcome: null,
  };

  const started = produceGame(initial, null, (ctx) => {
    for (const a of scenario.agreements)
      formAgreement(ctx, a.type, a.parties, { bp: 0, duration: a.duration ?? null }, { transfer: a.transfer ?? null, line: a.line ?? null, quiet: true });
    shuffleDeck(ctx);
    startTurn(ctx);
    advance(ctx);
    flushCtx(ctx);
  });
  return settle(started, []);
}
