import {
  applyAction, canonicalJson, computeScores, legalActionsWordless,
  type Action, type GameState, type LegalAction, type RoleView,
} from '../core';
import { determinize } from './determinize';
import { actorOf } from './play';
import { holds, isRedRole, type View } from './knowledge';
import type { Random } from './random';
import { MIN_GAIN, pickFrom, rankStandard } from './standard';
import { rolloutAction } from './rollout';
import { redPlayed } from './threatModel';

// The lookahead bot: the standard bot's best few actions (and ending the step) are each tried in many
// sampled worlds consistent with the role's view, played on to the end of the turn by a cheap rollout
// policy (rollout.ts), and the reached states are scored for the role. It keeps the standard pick
// unless another candidate does clearly better over the same worlds. Deterministic per seed: the worlds
// come from the bot's own stream, the same for every candidate.

export interface LookaheadOptions {
  /** Most actions tried (the standard pick always among them). */
  candidates: number;
  /** Sampled worlds per candidate at the full candidate count: a decision plays candidates × samples
   *  playouts in all, spread over the candidates it has (fewer candidates, more worlds each). */
  samples: number;
  /** Turns played out: 1 = to the end of this turn. */
  turns: number;
  /** Most actions in one playout. */
  maxActions: number;
}

export const DEFAULT_LOOKAHEAD: LookaheadOptions = { candidates: 4, samples: 50, turns: 1, maxActions: 120 };

const WIN_BONUS = 50;
const SHARED_LOSS_PENALTY = 50;
const LOSS_PENALTY = 20;
const CONDITION_BONUS = 8;
/** Mean points over the same worlds another candidate must gain over the standard pick to replace it:
 *  the playouts are short and their policy crude, so only a clear difference overrides the heuristics. */
const OVERRIDE_MARGIN = 0.5;

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

/** Playouts run so far in this process, and decisions where a candidate replaced the standard pick (read by the benchmark). */
export const lookaheadCounters = { rollouts: 0, overrides: 0 };

const leftBeforeThreats = (s: GameState): boolean => !beforeThreats(s) || s.pendingChoice !== null;
const never = (): boolean => false;


/**
 * Plays the rollout policy on from `s` until the turn `lastTurn` is over, the game ends, `maxActions`
 * were taken, or `until` says stop. In the last turn a played Red cell's launches are the end of it:
 * its waves strike when launched, and the rest (closing steps, the assessment, next turn's events)
 * costs more than the rest of a playout and is left to the score of the state reached.
 */
function playOn(s: GameState, options: LookaheadOptions, lastTurn: number, until: (s: GameState) => boolean): GameState {
  // A Red cell seated by anyone but the script: its launches strike as they are made.
  const cutAtLaunches = redPlayed(s);
  for (let n = 0; n < options.maxActions && !s.outcome && s.turn <= lastTurn && !until(s); n++) {
    const actor = actorOf(s);
    if (actor === null) break;
    const action = rolloutAction(s, actor);
    if (cutAtLaunches && s.turn === lastTurn && s.phase === 'threats' && action.type === 'endPhase' && !s.pendingChoice && isRedRole(s as unknown as View, actor)) break;
    let result = applyAction(s, action);
    if (!result.ok) {
      // The policy's shortcut was refused (e.g. a proposal must be answered first): a plain legal move.
      const legal = legalActionsWordless(s, actor);
      if (legal.length === 0) break;
      result = applyAction(s, (legal.find((l) => l.action.type === 'endPhase') ?? legal[0]!).action);
    }
    if (!result.ok) break;
    s = result.state;
  }
  return s;
}

const beforeThreats = (s: GameState): boolean => s.phase === 'diplomacy' || s.phase === 'industry' || s.phase === 'deployment';

/** The same position in another sampled world: its dice, its deck and (when still to come) its planned waves. */
function graft(s: GameState, from: GameState, world: GameState): GameState {
  return {
    ...s,
    rng: world.rng,
    deck: s.deck === from.deck ? world.deck : s.deck,
    plannedWaves: s.plannedWaves === from.plannedWaves ? world.plannedWaves : s.plannedWaves,
  };
}

/**
 * Plays `first` in every world and the rollout policy on from there; returns the role's mean score.
 * Before the threats phase the policy's moves do not depend on the hidden parts: when the candidate and
 * that stretch throw no dice, the stretch is played once (in the first world) and each world goes on
 * from there with its own dice, deck and waves. Otherwise every world is played out from the start.
 */
export function playouts(worlds: readonly GameState[], first: Action, role: string, options: LookaheadOptions): number {
  const lastTurn = worlds[0]!.turn + options.turns - 1;
  const w0 = worlds[0]!;
  let shared: GameState | null = null;
  if (beforeThreats(w0) && !w0.pendingChoice) {
    const start = applyAction(w0, first);
    if (!start.ok) return -Infinity;
    const reached = start.state.rng === w0.rng ? playOn(start.state, options, lastTurn, leftBeforeThreats) : null;
    if (reached && reached.rng === w0.rng) shared = reached;
  }
  let sum = 0;
  for (const w of worlds) {
    lookaheadCounters.rollouts += 1;
    let s: GameState;
    if (shared) s = shared.outcome || shared.turn > lastTurn ? shared : graft(shared, w0, w);
    else {
      const start = applyAction(w, first);
      if (!start.ok) return -Infinity;
      s = start.state;
    }
    sum += scoreFor(playOn(s, options, lastTurn, never), role);
  }
  return sum / worlds.length;
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
  const budget = Math.max(1, o.candidates) * Math.max(1, o.samples);
  const worlds = Array.from({ length: Math.max(1, Math.ceil(budget / candidates.length)) }, () => determinize(v, random));
  // Every candidate is played in the same worlds: the differences are paired, so a few dozen worlds tell.
  const means = candidates.map((c) => playouts(worlds, c, v.viewer, o));
  let best = 0;
  for (let k = 1; k < candidates.length; k++) if (means[k]! > means[best]! + 1e-9) best = k;
  if (means[best]! <= means[0]! + OVERRIDE_MARGIN) return candidates[0]!;
  lookaheadCounters.overrides += 1;
  return candidates[best]!;
}
