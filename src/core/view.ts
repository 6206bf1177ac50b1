import type { GameState } from './state';
import type { Scenario } from './scenario/schema';
import { canonicalJson, canonicalJsonUnchanging, hashString, runningDigest } from './hash';
import { logEntries } from './log';

// What a role may see: no deck order, no random-stream state, no other role's hidden objectives or
// private intelligence, and the coming wave only with intelligence that reveals it.

export type RoleView = Omit<GameState, 'rng' | 'deck' | 'plannedWaves' | 'intel'> & {
  viewer: string;
  deckSize: number;
  /** The next event card, for a role whose intelligence reveals it. */
  nextCard: string | null;
  plannedWaves: GameState['plannedWaves'];
  intel: GameState['intel'];
};

const scenarioViews = new WeakMap<Scenario, Map<string, Scenario>>();

/**
 * `role` may be a role id, 'facilitator' (sees everything but the dice) or 'public' (the projector).
 * Bots ask for a view before every decision, so the scenario as a viewer sees it is made once for each
 * viewer and revealed flag (copying it for every view was most of a view's cost). test/core/view.test.ts
 * checks it against the plain definition in every state of games of every scenario.
 */
export function viewFor(s: GameState, role: string): RoleView {
  const facilitator = role === 'facilitator';
  const own = s.scenario.roles.find((r) => r.id === role);
  const canSee = (owner: string) => facilitator || s.revealed || owner === role || (own !== undefined && owner === own.side);
  const intel = s.intel[role];
  const visibleIntel: GameState['intel'] = {};
  for (const [r, x] of Object.entries(s.intel)) if (canSee(r)) visibleIntel[r] = x;
  let shown = scenarioViews.get(s.scenario);
  if (!shown) { shown = new Map(); scenarioViews.set(s.scenario, shown); }
  const key = `${s.revealed}|${role}`;
  let scenario = shown.get(key);
  if (!scenario) { scenario = { ...s.scenario, objectives: s.scenario.objectives.filter((o) => !o.hidden || canSee(o.owner)) }; shown.set(key, scenario); }
  // Field by field in the state's order (without rng, deck, plannedWaves and intel), then the view's own: one
  // shape, where a rest-and-spread copy of the state took the engine's slow path (see copyState).
  return {
    formatVersion: s.formatVersion, scenario, scenarioHash: s.scenarioHash, seed: s.seed, seats: s.seats, turn: s.turn, phase: s.phase,
    queue: s.queue, paused: s.paused, budgets: s.budgets, workforce: s.workforce, tracks: s.tracks, regions: s.regions,
    batteries: s.batteries, stocks: s.stocks, pipeline: s.pipeline, lines: s.lines, transfers: s.transfers, projects: s.projects,
    agreements: s.agreements, proposals: s.proposals, nextId: s.nextId, contracts: s.contracts, discard: s.discard,
    eventsLeft: s.eventsLeft, pendingChoice: s.pendingChoice, doctrines: s.doctrines, hotline: s.hotline, arms: s.arms,
    movesUsed: s.movesUsed, turnStats: s.turnStats, stockout: s.stockout, objectivesMet: s.objectivesMet,
    tensionCause: s.tensionCause, history: s.history, log: s.log, actionCount: s.actionCount, revealed: s.revealed, outcome: s.outcome,
    viewer: role,
    deckSize: s.deck.length,
    nextCard: facilitator || intel?.nextCard ? s.deck[0] ?? null : null,
    plannedWaves: facilitator || intel?.nextWave ? s.plannedWaves : {},
    intel: visibleIntel,
  };
}

/** A hash of everything in the state but the embedded scenario (which `scenarioHash` stands for); the log and the
 * turn history (append-only) count through their running digests, so a hash costs the same late in a game as early. */
export function stateHash(s: GameState): string {
  return hashString(canonicalJson(hashed(s)));
}

/** stateHash for the states of one replay, remembering the text of their parts (see canonicalJsonUnchanging). */
export function stateHashUnchanging(s: GameState, unchanging: WeakMap<object, string>): string {
  return hashString(canonicalJsonUnchanging(hashed(s), unchanging));
}

function hashed(s: GameState): object {
  const { scenario: _scenario, log, history, ...rest } = s;
  return { ...rest, history: runningDigest(history), log: runningDigest(logEntries(log)) };
}
