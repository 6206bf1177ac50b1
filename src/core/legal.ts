import { entry, unworded, type LegalAction } from './actions';
import type { GameState } from './state';
import { roleName } from './context';
import { legalChoices } from './rules/events';
import { answerPending, legalDiplomacy, legalDiplomacyQuick } from './rules/diplomacy';
import { legalIndustry } from './rules/industry';
import { legalDeployment } from './rules/deployment';
import { legalThreats } from './rules/threats';
import { legalMoves } from './rules/moves';
import { hasFacilitator, legalFacilitator } from './rules/facilitator';

/** What the role on step can do in the current phase (no common gating: the flow uses it to skip idle roles). */
export function legalActionsFor(s: GameState, role: string): LegalAction[] {
  const out: LegalAction[] = [];
  switch (s.phase) {
    case 'diplomacy': legalDiplomacy(s, role, out); break;
    case 'industry': legalIndustry(s, role, out); break;
    case 'deployment': legalDeployment(s, role, out); break;
    case 'threats': legalThreats(s, role, out); break;
    default: return out;
  }
  legalMoves(s, role, out);
  if (!answerPending(s, role))
    out.push(entry({ type: 'endPhase', role }, 0, () => ['End my step', `${roleName(s, role)} is done for this phase.`]));
  return out;
}

// The flow asks after every action whether the role on step has anything but "end my step" left.
// The lists are filled into a sink that notes the first entry; the legal functions stop once
// `answered(out)` (throwing from push to stop cost more than the rest of the check).
interface Sink { found: boolean; push(entry: LegalAction): number }
const newSink = (): Sink => ({ found: false, push() { this.found = true; return 1; } });
const asList = (sink: Sink): LegalAction[] => sink as unknown as LegalAction[];

function anyEntry(fill: (out: LegalAction[]) => unknown): boolean {
  const sink = newSink();
  fill(asList(sink));
  return sink.found;
}

/** Whether legalActionsFor(s, role) would list anything but ending the step (without building the list or its words). */
export const hasActionBesidesEnd = (s: GameState, role: string): boolean => unworded(() => anyBesidesEnd(s, role));

function anyBesidesEnd(s: GameState, role: string): boolean {
  switch (s.phase) {
    // Exercises and reassurances first: when one is open the answer comes before any proposal is checked.
    case 'diplomacy': if (anyEntry((out) => legalDiplomacyQuick(s, role, out)) || anyEntry((out) => legalDiplomacy(s, role, out))) return true; break;
    case 'industry': if (anyEntry((out) => legalIndustry(s, role, out))) return true; break;
    // A role with batteries can always change a doctrine (each threat kind has more than one).
    case 'deployment': if (s.batteries.some((b) => b.owner === role)) return true; break;
    case 'threats': if (anyEntry((out) => legalThreats(s, role, out))) return true; break;
    default: return false;
  }
  return anyEntry((out) => legalMoves(s, role, out));
}

/** Everything the role may do now, with the valid choices, for the board and for bots. */
export function legalActions(s: GameState, role: string): LegalAction[] {
  if (role === 'facilitator') return hasFacilitator(s) ? legalFacilitator(s) : [];
  if (s.outcome || s.paused) return [];
  if (s.pendingChoice) return legalChoices(s, role);
  if (s.queue[0] !== role) return [];
  return legalActionsFor(s, role);
}

/** legalActions without the words nobody reads in a simulation: the same entries, label and effect empty (bots read the actions, costs and amounts). */
export const legalActionsWordless = (s: GameState, role: string): LegalAction[] => unworded(() => legalActions(s, role));
