import type { GameState } from './state';
import type { Scenario } from './scenario/schema';
import { viewFor, type RoleView } from './view';

// Reads for the bots, which decide hundreds of times per game (kept apart from the rest of the core).

const scenarioViews = new WeakMap<Scenario, Map<string, Scenario>>();

/**
 * viewFor(s, role) for a role id, made as one object literal: the same fields and values (test/bots/bot-view.test.ts
 * compares the two in every state of games of every scenario), without viewFor's rest copy of the state, which is
 * slow, and with one scenario object per role and revealed flag instead of a copy per view. The fields are listed by hand: the type checker fails here if GameState gains or loses one.
 */
export function botView(s: GameState, role: string): RoleView {
  if (role === 'facilitator') return viewFor(s, role);
  const own = s.scenario.roles.find((r) => r.id === role);
  const canSee = (owner: string) => s.revealed || owner === role || (own !== undefined && owner === own.side);
  const intel = s.intel[role];
  const visibleIntel: GameState['intel'] = {};
  for (const [r, x] of Object.entries(s.intel)) if (canSee(r)) visibleIntel[r] = x;
  // The scenario as the role sees it depends only on whom it is and whether all is revealed: made once for each.
  let shown = scenarioViews.get(s.scenario);
  if (!shown) { shown = new Map(); scenarioViews.set(s.scenario, shown); }
  const key = `${s.revealed}|${role}`;
  let scenario = shown.get(key);
  if (!scenario) { scenario = { ...s.scenario, objectives: s.scenario.objectives.filter((o) => !o.hidden || canSee(o.owner)) }; shown.set(key, scenario); }
  return {
    formatVersion: s.formatVersion,
    scenario,
    scenarioHash: s.scenarioHash,
    seed: s.seed,
    seats: s.seats,
    turn: s.turn,
    phase: s.phase,
    queue: s.queue,
    paused: s.paused,
    budgets: s.budgets,
    workforce: s.workforce,
    tracks: s.tracks,
    regions: s.regions,
    batteries: s.batteries,
    stocks: s.stocks,
    pipeline: s.pipeline,
    lines: s.lines,
    transfers: s.transfers,
    projects: s.projects,
    agreements: s.agreements,
    proposals: s.proposals,
    nextId: s.nextId,
    contracts: s.contracts,
    discard: s.discard,
    eventsLeft: s.eventsLeft,
    pendingChoice: s.pendingChoice,
    doctrines: s.doctrines,
    hotline: s.hotline,
    arms: s.arms,
    movesUsed: s.movesUsed,
    turnStats: s.turnStats,
    stockout: s.stockout,
    objectivesMet: s.objectivesMet,
    tensionCause: s.tensionCause,
    history: s.history,
    log: s.log,
    actionCount: s.actionCount,
    revealed: s.revealed,
    outcome: s.outcome,
    viewer: role,
    deckSize: s.deck.length,
    nextCard: intel?.nextCard ? s.deck[0] ?? null : null,
    plannedWaves: intel?.nextWave ? s.plannedWaves : {},
    intel: visibleIntel,
  };
}
