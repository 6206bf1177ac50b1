import {
  applyAction, canonicalJson, computeScores, legalActions, viewFor,
  type Action, type GameState, type LegalAction, type RoleView,
} from '../core';
import { determinize } from './determinize';
import { holds, type View } from './knowledge';
import { botRandom, type Random } from './random';
import { decideStandard, MIN_GAIN, pickFrom, rankStandard } from './standard';

// The lookahead bot: the standard bot's best few actions (and ending the step) are each tried in a
// few sampled worlds consistent with the role's view, played on by standard bots for every role to
// the end of the turn (or further); the action with the best mean score for the role is taken.
// Deterministic per seed: the worlds come from the bot's own stream, the same for every candidate.

export interface LookaheadOptions {
  /** Most actions tried (the standard pick always among them). */
  candidates: number;
  /** Sampled worlds each candidate is played out in. */
  samples: number;
  /** Turns played out: 1 = to the end of this turn. */
  turns: number;
  /** Most actions in one playout. */
  maxActions: number;
}

export const DEFAULT_LOOKAHEAD: LookaheadOptions = { candidates: 3, samples: 2, turns: 1, maxActions: 400 };

const WIN_BONUS = 50;
const SHARED_LOSS_PENALTY = 50;
const LOSS_PENALTY = 20;
const CONDITION_BONUS = 8;

/** The role's score in a state, with the outcome (or, before it, the victory conditions that hold) counted in. */
export function scoreFor(s: GameState, role: string): number {
  let value = computeScores(s)[role]?.total ?? 0;
  const side = s.scenario.roles.find((r) => r.id === role)?.side;
  if (s.outcome) {
    if (s.outcome.winners.includes(role)) value += WIN_BONUS;
    else if (s.outcome.reason === 'sharedLoss') value -= SHARED_LOSS_PENALTY;
    else if (s.outcome.winningSides.length > 0) value -= LOSS_PENALTY;
    return value;
  }
  const v = s as unknown as View;
  for (const vc of s.scenario.victory) {
    if (!holds(v, vc.condition)) continue;
    value += vc.side === side ? CONDITION_BONUS : -CONDITION_BONUS / 2;
  }
  return value;
}

const actorOf = (s: GameState): string | null => (s.outcome ? null : s.pendingChoice?.role ?? s.queue[0] ?? null);

/** Playouts run so far in this process (read by the benchmark: rollouts per decision). */
export const lookaheadCounters = { rollouts: 0 };

/** Plays a world on with standard bots in every seat; returns the role's score at the end. */
export function playout(world: GameState, first: Action, role: string, options: LookaheadOptions): number {
  lookaheadCounters.rollouts += 1;
  const start = applyAction(world, first);
  if (!start.ok) return -Infinity;
  let s = start.state;
  const lastTurn = world.turn + options.turns - 1;
  for (let n = 0; n < options.maxActions && !s.outcome && s.turn <= lastTurn; n++) {
    const actor = actorOf(s);
    if (actor === null) break;
    const legal = legalActions(s, actor);
    if (legal.length === 0) break;
    let result = applyAction(s, decideStandard(viewFor(s, actor), legal, botRandom(s, actor)));
    if (!result.ok) result = applyAction(s, (legal.find((l) => l.action.type === 'endPhase') ?? legal[0]!).action);
    if (!result.ok) break;
    s = result.state;
  }
  return scoreFor(s, role);
}

function candidatesOf(v: RoleView, legal: readonly LegalAction[], random: Random, count: number): Action[] {
  const ranked = rankStandard(v, legal, random);
  const out: Action[] = [];
  const seen = new Set<string>();
  const add = (a: Action | undefined) => {
    if (!a || out.length >= count) return;
    const key = canonicalJson(a);
    if (!seen.has(key)) { seen.add(key); out.push(a); }
  };
  add(pickFrom(ranked, legal));
  const end = legal.find((l) => l.action.type === 'endPhase')?.action;
  add(end);
  for (const c of ranked) if (c.value > MIN_GAIN || !end) add(c.action);
  return out;
}

export function decideLookahead(v: RoleView, legal: readonly LegalAction[], random: Random, options: Partial<LookaheadOptions> = {}): Action {
  const o = { ...DEFAULT_LOOKAHEAD, ...options };
  if (legal.length === 1) return legal[0]!.action;
  const candidates = candidatesOf(v, legal, random, Math.max(1, o.candidates));
  if (candidates.length === 1) return candidates[0]!;
  const worlds = Array.from({ length: Math.max(1, o.samples) }, () => determinize(v, random));
  let best = candidates[0]!;
  let bestValue = -Infinity;
  for (const c of candidates) {
    let sum = 0;
    for (const w of worlds) sum += playout(w, c, v.viewer, o);
    const mean = sum / worlds.length;
    if (mean > bestValue + 1e-9) { best = c; bestValue = mean; }
  }
  return best;
}
