import type { LegalAction } from './actions';
import type { GameState } from './state';
import { roleName } from './context';
import { legalChoices } from './rules/events';
import { answerPending, legalDiplomacy } from './rules/diplomacy';
import { legalIndustry } from './rules/industry';
import { legalDeployment } from './rules/deployment';
import { legalThreats } from './rules/threats';
import { legalMoves } from './rules/moves';
import { hasFacilitator, legalFacilitator } from './rules/facilitator';

/** What the role on step can do in the current phase (no common gating: the flow uses it to skip idle roles). */
export function legalActionsFor(s: GameState, role: string): LegalAction[] {
  const out: LegalAction[] = [];
  switch (s.phase) {
    case 'diplomacy': out.push(...legalDiplomacy(s, role)); break;
    case 'industry': out.push(...legalIndustry(s, role)); break;
    case 'deployment': out.push(...legalDeployment(s, role)); break;
    case 'threats': out.push(...legalThreats(s, role)); break;
    default: return out;
  }
  out.push(...legalMoves(s, role));
  if (!answerPending(s, role))
    out.push({ action: { type: 'endPhase', role }, label: 'End my step', cost: 0, effect: `${roleName(s, role)} is done for this phase.` });
  return out;
}

/** Everything the role may do now, with the valid choices, for the board and for bots. */
export function legalActions(s: GameState, role: string): LegalAction[] {
  if (role === 'facilitator') return hasFacilitator(s) ? legalFacilitator(s) : [];
  if (s.outcome || s.paused) return [];
  if (s.pendingChoice) return legalChoices(s, role);
  if (s.queue[0] !== role) return [];
  return legalActionsFor(s, role);
}
