import { viewObject, type GameState } from './state';
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
const intelViews = new WeakMap<GameState['intel'], Map<string, GameState['intel']>>();

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
  const key = `${s.revealed}|${role}`;
  // The intelligence a viewer sees is made once per intel record (it changes far less often than the state).
  let seen = intelViews.get(s.intel);
  if (!seen) { seen = new Map(); intelViews.set(s.intel, seen); }
  let visibleIntel = seen.get(key);
  if (!visibleIntel) {
    visibleIntel = {};
    for (const [r, x] of Object.entries(s.intel)) if (canSee(r)) visibleIntel[r] = x;
    seen.set(key, visibleIntel);
  }
  let shown = scenarioViews.get(s.scenario);
  if (!shown) { shown = new Map(); scenarioViews.set(s.scenario, shown); }
  let scenario = shown.get(key);
  if (!scenario) { scenario = { ...s.scenario, objectives: s.scenario.objectives.filter((o) => !o.hidden || canSee(o.owner)) }; shown.set(key, scenario); }
  const nextCard = facilitator || intel?.nextCard ? s.deck[0] ?? null : null;
  return viewObject(s, scenario, role, nextCard, facilitator || intel?.nextWave ? s.plannedWaves : {}, visibleIntel);
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
