import { legalActionsWordless, viewFor, type Action, type BotLevel, type GameState, type LegalAction, type RoleView } from '../core';
import { decideLookahead, type LookaheadOptions } from './lookahead';
import { botRandom, type Random } from './random';
import { decideStandard } from './standard';

// Bots: pure functions of a role's view, its legal actions and the bot's own random stream.
//   easy       seeded-random legal actions, weighted towards acting
//   standard   a heuristic per mechanic (diplomacy, industry, deployment, the Red cell)
//   lookahead  the standard bot's best few actions tried in many sampled worlds by light playouts (rollout.ts)

export { botRandom, type Random } from './random';
export { decideStandard, rankStandard } from './standard';
export { decideLookahead, DEFAULT_LOOKAHEAD, lookaheadCounters, type LookaheadOptions } from './lookahead';
export { playGame, actorOf, type PlayedGame, type PlayOptions, type BotRejection, type Step } from './play';

/** easy: a seeded-random legal action, ending the step less often than acting. */
export function decideEasy(_view: RoleView, legal: readonly LegalAction[], random: Random): Action {
  const acting = legal.filter((l) => l.action.type !== 'endPhase');
  const end = legal.find((l) => l.action.type === 'endPhase');
  if (end && (acting.length === 0 || random() < 0.35)) return end.action;
  const pool = acting.length > 0 ? acting : legal;
  return pool[Math.floor(random() * pool.length)]!.action;
}

export function decide(view: RoleView, legal: readonly LegalAction[], random: Random, level: BotLevel, lookahead?: Partial<LookaheadOptions>): Action {
  switch (level) {
    case 'easy': return decideEasy(view, legal, random);
    case 'standard': return decideStandard(view, legal, random);
    case 'lookahead': return decideLookahead(view, legal, random, lookahead);
  }
}

/** What a bot seated at `role` does now (the role must be the one to act). */
export function botAction(state: GameState, role: string, level: BotLevel, lookahead?: Partial<LookaheadOptions>): Action {
  const legal = legalActionsWordless(state, role);
  if (legal.length === 0) throw new Error(`bot ${role} has nothing it may do`);
  return decide(viewFor(state, role), legal, botRandom(state, role), level, lookahead);
}
