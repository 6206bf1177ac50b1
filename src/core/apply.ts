import { ACTION_TYPES, FACILITATOR, FACILITATOR_ACTIONS, type Action, type ActionType, type Rejection } from './actions';
import type { GameState } from './state';
import { produceGame } from './produce';
import { flushCtx, peekField, roleName, type Ctx, type GameEvent } from './context';
import { reject } from './rejections';
import { advance, advanceWouldRun, endStep, idleRoleOnStep, phaseName, skipIdle } from './flow';
import { checkSharedLoss, sharedLossReached } from './rules/assessment';
import { applyChoice, checkChoice } from './rules/events';
import { answerPending, applyDiplomacy, checkDiplomacy, type DiplomacyAction } from './rules/diplomacy';
import { applyIndustry, checkIndustry, type IndustryAction } from './rules/industry';
import { applyDeployment, checkDeployment, type DeploymentAction } from './rules/deployment';
import { applyThreats, checkThreats, type ThreatAction } from './rules/threats';
import { applyMove, checkMove, moveById } from './rules/moves';
import { applyFacilitator, checkFacilitator, hasFacilitator, type FacilitatorAction } from './rules/facilitator';
import type { Phase } from './vocabulary';

export type ApplyResult =
  | { ok: true; state: GameState; events: GameEvent[] }
  | { ok: false; state: GameState; rejection: Rejection };

/** The phase of each family's actions: the one list of which action belongs to which family. */
const PHASE_OF: Partial<Record<ActionType, FamilyPhase>> = {
  proposeAgreement: 'diplomacy', answerProposal: 'diplomacy', counterProposal: 'diplomacy', breakAgreement: 'diplomacy',
  holdExercise: 'diplomacy', reassureAlly: 'diplomacy',
  fundLine: 'industry', surgeLine: 'industry', improveQuality: 'industry', startTechStep: 'industry', startProject: 'industry',
  orderInterceptors: 'industry', transferStock: 'industry', repairRegion: 'industry',
  orderRedeploy: 'deployment', setDoctrine: 'deployment', setHalfCover: 'deployment',
  launchWave: 'threats', launchProvocation: 'threats',
};

type FamilyPhase = Extract<Phase, 'diplomacy' | 'industry' | 'deployment' | 'threats'>;
interface Family { check(s: GameState, a: Action): Rejection | null; apply(ctx: Ctx, a: Action): void }

/** Each family's check and rule, found through PHASE_OF. */
const FAMILIES: Record<FamilyPhase, Family> = {
  diplomacy: { check: (s, a) => checkDiplomacy(s, a as DiplomacyAction), apply: (ctx, a) => applyDiplomacy(ctx, a as DiplomacyAction) },
  industry: { check: (s, a) => checkIndustry(s, a as IndustryAction), apply: (ctx, a) => applyIndustry(ctx, a as IndustryAction) },
  deployment: { check: (s, a) => checkDeployment(s, a as DeploymentAction), apply: (ctx, a) => applyDeployment(ctx, a as DeploymentAction) },
  threats: { check: (s, a) => checkThreats(s, a as ThreatAction), apply: (ctx, a) => applyThreats(ctx, a as ThreatAction) },
};

/** The one entry: the next state and what happened, or a rejection with the very same state. */
export function applyAction(state: GameState, action: Action): ApplyResult {
  const rejection = checkAction(state, action);
  if (rejection) return { ok: false, state, rejection };
  const events: GameEvent[] = [];
  let next = produceGame(state, action.role, (ctx) => {
    perform(ctx, action);
    ctx.s.actionCount = peekField(ctx.s, 'actionCount') + 1;
    flushCtx(ctx);
  }, events);
  // Shared loss and the automatic steps are looked at on the finished state (reading through the
  // draft is slow); most actions need neither, and the others get a second step with the same result.
  if (sharedLossReached(next) || advanceWouldRun(next)) {
    next = produceGame(next, action.role, (ctx) => {
      if (!checkSharedLoss(ctx)) advance(ctx);
      flushCtx(ctx);
    }, events);
  }
  return { ok: true, state: settle(next, events), events };
}

/** Moves play past roles that have nothing left to do, each skip its own small step. */
export function settle(state: GameState, events: GameEvent[]): GameState {
  let s = state;
  for (let role = idleRoleOnStep(s); role !== null; role = idleRoleOnStep(s)) {
    const idle = role;
    // Most skips only pass the step to the next role: a light step (see lightStep.ts).
    s = produceGame(s, null, (ctx) => {
      skipIdle(ctx, idle);
      flushCtx(ctx);
    }, events);
  }
  return s;
}

const KNOWN_TYPES: ReadonlySet<unknown> = new Set(ACTION_TYPES);
const FACILITATOR_TYPES: ReadonlySet<ActionType> = new Set(FACILITATOR_ACTIONS);

export function checkAction(s: GameState, action: Action): Rejection | null {
  if (typeof action !== 'object' || action === null || !KNOWN_TYPES.has((action as { type?: unknown }).type))
    return reject('action/unknown', 'That is not an action of this game.');
  if (typeof action.role !== 'string') return reject('action/malformed', 'The action does not say which role takes it.');
  if (s.outcome) return reject('game/over', 'The game is over.');
  if (FACILITATOR_TYPES.has(action.type)) {
    if (action.role !== FACILITATOR || !hasFacilitator(s)) return reject('role/facilitator-only', 'Only the facilitator can do that.');
    return checkFacilitator(s, action as FacilitatorAction);
  }
  const role = s.scenario.roles.find((r) => r.id === action.role);
  if (!role) return reject('role/unknown', `There is no role "${action.role}" in this scenario.`);
  const seat = s.seats[role.id];
  if (!seat || seat.kind === 'scripted') return reject('role/not-seated', `${role.name} is not played by anyone in this game.`);
  if (s.paused) return reject('game/paused', 'The facilitator has paused the game.');
  if (action.type === 'chooseEventOption') {
    if (s.pendingChoice?.role !== role.id) return reject('choice/invalid', `${role.name} has no event choice to make now.`);
    return checkChoice(s, action);
  }
  if (s.pendingChoice) return reject('game/waiting-for-choice', `Waiting for ${roleName(s, s.pendingChoice.role)} to answer an event.`);
  const phase = action.type === 'playMove' ? moveById(s, action.move)?.phase : PHASE_OF[action.type];
  if (action.type !== 'endPhase' && phase !== undefined && phase !== s.phase)
    return reject('phase/wrong-phase', `That can only be done in the ${phaseName(phase).toLowerCase()} phase; it is now the ${phaseName(s.phase).toLowerCase()} phase.`);
  const onStep = s.queue[0];
  if (onStep !== role.id)
    return reject('step/not-your-step', onStep ? `It is ${roleName(s, onStep)}'s step, not ${role.name}'s.` : 'No role is on step now.');
  const family = PHASE_OF[action.type];
  if (family) return FAMILIES[family].check(s, action);
  if (action.type === 'endPhase')
    return answerPending(s, role.id) ? reject('phase/answer-pending', `${role.name} must first answer the proposals made to it.`) : null;
  if (action.type === 'playMove') return checkMove(s, action);
  return reject('action/unknown', 'That is not an action of this game.');
}

function perform(ctx: Ctx, a: Action): void {
  const family = PHASE_OF[a.type];
  if (family) return FAMILIES[family].apply(ctx, a);
  if (FACILITATOR_TYPES.has(a.type)) return applyFacilitator(ctx, a as FacilitatorAction);
  switch (a.type) {
    case 'endPhase': return endStep(ctx, a.role);
    case 'chooseEventOption': return applyChoice(ctx, a);
    case 'playMove': return applyMove(ctx, a);
    default: throw new Error(`unhandled action ${JSON.stringify(a)}`);
  }
}
