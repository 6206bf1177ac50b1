// The one door into the rules core. Everything outside src/core/ imports from here.
import { setAutoFreeze } from 'immer';
import { setScenarioDeepFreeze } from './produce';

export { parseScenario, type ScenarioResult } from './scenario/parse';
export type { Scenario, ScenarioInput, Role, Region, Card, Move, Condition, Effect, Quantity } from './scenario/schema';
export { formatPath, issueToError, describeValue, type ScenarioError } from './scenario/messages';
export { createGame, defaultSeats } from './create';
export { applyAction, checkAction, type ApplyResult } from './apply';
export { legalActions, legalActionsWordless } from './legal';
export { viewFor, stateHash, type RoleView } from './view';
export { replay, closedTurns, type ReplayResult } from './replay';
export { hashValue, canonicalJson } from './hash';
export { logEntries, logSize, type GameLog } from './log';
export { phaseName, turnLabel, playingRoles } from './flow';
export { coverage, gaps } from './rules/deployment';
export { revealLabel } from './rules/facilitator';
export { airTurns, loadsWaiting } from './rules/deploymentMap';
export { transparencyTrack } from './rules/diplomacyAgreements';
export { detectionChance } from './rules/threatsResolve';
export { drawWaves } from './rules/threats';
export { shuffle } from './rules/events';
export { trackBounds } from './context';
export { pairKey } from './trackIds';
export { computeScores } from './rules/assessment';
export { protectedPct, stockOf, isDisabled, quantityFields, quantityValue, bindRole, bindPlace, compareHolds } from './conditions';
export { trackName, roleName, plural, capitalise, type GameEvent, type ShotRecord } from './context';
export { REJECTION_CODES, type RejectionCode } from './rejections';
export { FACILITATOR, ACTION_TYPES, type Action, type ActionType, type LegalAction, type Rejection } from './actions';
export type { GameState, Seat, Seats, Battery, Line, Agreement, Proposal, Outcome, TurnRecord, LogEntry } from './state';
export * from './vocabulary';

/**
 * Immer freezes every produced state by default, which catches stray mutation in development and
 * tests; production builds and the simulator switch it off for speed (results are identical).
 */
export function setCoreAutoFreeze(on: boolean): void {
  setAutoFreeze(on);
  setScenarioDeepFreeze(on);
}
