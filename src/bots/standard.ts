import type { Action, LegalAction } from '../core';
import { effectsValue } from './effectValue';
import { interestsOf, type Interests } from './interests';
import { budgetOf, stepsTakenNow, type View } from './knowledge';
import { scoreDiplomacy } from './diplomacy';
import { industryReserve, scoreIndustry } from './industry';
import { scoreDeployment } from './deployment';
import { scoreThreats } from './red';
import type { Random } from './random';

// The standard bot: every legal action gets a value from the heuristic of its mechanic; the best one
// is taken while it is worth more than ending the step. Pure: view, legal actions and a random stream in.

export interface BotContext {
  v: View;
  role: string;
  i: Interests;
  random: Random;
  /** BP to keep for later phases of this turn (industry needs, in diplomacy). */
  reserve: number;
  /** Interests of other roles, as this role can read them from public data (filled on demand). */
  others: Map<string, Interests>;
  /** Values worked out once per decision and asked for again (e.g. a battery's worth where it stands). */
  memo: Map<string, number>;
}

export interface Choice { action: Action; value: number }

/** An action must be worth more than this to be preferred to ending the step. */
export const MIN_GAIN = 0.25;
/** A safety valve: past this many log entries in one phase a bot ends its step. */
const MAX_STEP_ENTRIES = 250;

export function makeContext(v: View, random: Random): BotContext {
  const role = v.viewer;
  const ctx: BotContext = { v, role, i: interestsOf(v, role), random, reserve: 0, others: new Map(), memo: new Map() };
  if (v.phase === 'diplomacy') ctx.reserve = Math.min(budgetOf(v, role), industryReserve(ctx));
  return ctx;
}

export function remember(ctx: BotContext, key: string, compute: () => number): number {
  let found = ctx.memo.get(key);
  if (found === undefined) { found = compute(); ctx.memo.set(key, found); }
  return found;
}

export function interestsFor(ctx: BotContext, role: string): Interests {
  if (role === ctx.role) return ctx.i;
  let found = ctx.others.get(role);
  if (!found) { found = interestsOf(ctx.v, role); ctx.others.set(role, found); }
  return found;
}

/** The BP price of an action: dearer when it would eat into what later phases need. */
export function costOf(ctx: BotContext, cost: number): number {
  if (cost <= 0) return 0;
  const spare = budgetOf(ctx.v, ctx.role) - ctx.reserve;
  const over = Math.max(0, cost - Math.max(0, spare));
  return cost * ctx.i.bp + over * ctx.i.bp * 3;
}

function scoreOne(ctx: BotContext, l: LegalAction): Choice | null {
  const a = l.action;
  switch (a.type) {
    case 'endPhase': return { action: a, value: 0 };
    case 'chooseEventOption': return scoreChoice(ctx, a);
    case 'playMove': {
      const move = ctx.v.scenario.moves.find((m) => m.id === a.move);
      if (!move) return null;
      const value = effectsValue(ctx.v, ctx.i, move.effects, { actor: ctx.role, target: a.target ?? null });
      return { action: a, value: value - costOf(ctx, move.cost) };
    }
    case 'proposeAgreement': case 'answerProposal': case 'counterProposal': case 'breakAgreement':
    case 'holdExercise': case 'reassureAlly':
      return scoreDiplomacy(ctx, l);
    case 'fundLine': case 'surgeLine': case 'improveQuality': case 'startTechStep': case 'startProject':
    case 'orderInterceptors': case 'transferStock': case 'repairRegion':
      return scoreIndustry(ctx, l);
    case 'orderRedeploy': case 'setDoctrine': case 'setHalfCover':
      return scoreDeployment(ctx, l);
    case 'launchWave': case 'launchProvocation':
      return scoreThreats(ctx, l);
    default: return null;
  }
}

function scoreChoice(ctx: BotContext, a: Extract<Action, { type: 'chooseEventOption' }>): Choice | null {
  const pending = ctx.v.pendingChoice;
  const card = pending ? ctx.v.scenario.deck.find((c) => c.id === pending.card) : undefined;
  const option = card?.choice?.options[a.option];
  if (!option) return { action: a, value: 0 };
  return { action: a, value: effectsValue(ctx.v, ctx.i, option.effects, { actor: ctx.role, target: null }) };
}

/** Every legal action with its value, best first (ties kept in legal order). */
export function rankStandard(v: View, legal: readonly LegalAction[], random: Random): Choice[] {
  const ctx = makeContext(v, random);
  const scored: Choice[] = [];
  for (const l of legal) {
    const c = scoreOne(ctx, l);
    if (c && Number.isFinite(c.value)) scored.push(c);
  }
  // The sort is stable: ties stay in legal order.
  return scored.sort((x, y) => y.value - x.value);
}

export function decideStandard(v: View, legal: readonly LegalAction[], random: Random): Action {
  const end = legal.find((l) => l.action.type === 'endPhase');
  if (end && stepsTakenNow(v, v.viewer) > MAX_STEP_ENTRIES) return end.action;
  // Only the best counts here: the first of the highest value in legal order, as the stable sort of rankStandard puts it first.
  const ctx = makeContext(v, random);
  let best: Choice | null = null;
  for (const l of legal) {
    const c = scoreOne(ctx, l);
    if (c && Number.isFinite(c.value) && (best === null || c.value > best.value)) best = c;
  }
  return pickFrom(best ? [best] : [], legal);
}

/** The standard choice from a ranking: the best action while it beats ending the step. */
export function pickFrom(ranked: readonly Choice[], legal: readonly LegalAction[]): Action {
  const end = legal.find((l) => l.action.type === 'endPhase');
  const best = ranked[0];
  if (!best) return (end ?? legal[0]!).action;
  if (end && best.action.type !== 'endPhase' && best.value <= MIN_GAIN) return end.action;
  return best.action;
}
