// Diplomacy (DESIGN §5.1 agreements and the diplomacy phase of §4): the family's entry points.
import { adjustTrack, own, ownValue, roleName, say, type Ctx } from '../context';
import { pairKey } from '../trackIds';
import { breakAgreementBy } from './diplomacyAgreements';
import { exerciseKey, type DiplomacyAction } from './diplomacyCheck';
import { applyAnswer, applyCounter, applyPropose } from './diplomacyProposals';
import { EXERCISE_COST, REASSURE_COST, round2 } from './diplomacyShared';

export { checkDiplomacy, checkAnswered, type DiplomacyAction } from './diplomacyCheck';
export { legalDiplomacy, legalDiplomacyQuick } from './diplomacyLegal';
export { formAgreement, assessAgreements, hasAgreement, allianceDeterrence } from './diplomacyAgreements';
export { expireProposals, answerPending } from './diplomacyProposals';

export function applyDiplomacy(ctx: Ctx, a: DiplomacyAction): void {
  const s = ctx.s;
  switch (a.type) {
    case 'proposeAgreement': applyPropose(ctx, a); break;
    case 'answerProposal': applyAnswer(ctx, a); break;
    case 'counterProposal': applyCounter(ctx, a); break;
    case 'breakAgreement': {
      const g = s.agreements.find((x) => x.id === a.agreement);
      if (g) breakAgreementBy(ctx, g, a.role);
      break;
    }
    case 'holdExercise': {
      const budgets = own(s, 'budgets');
      budgets[a.role] = round2((budgets[a.role] ?? 0) - EXERCISE_COST);
      own(s, 'movesUsed')[exerciseKey(a.role, a.partner)] = 1;
      say(ctx, `${roleName(s, a.role)} and ${roleName(s, a.partner)} hold a joint exercise (${EXERCISE_COST} BP).`);
      adjustTrack(ctx, `interop:${pairKey(a.role, a.partner)}`, 1);
      adjustTrack(ctx, `trust:${pairKey(a.role, a.partner)}`, 1);
      break;
    }
    case 'reassureAlly': {
      const key = pairKey(a.role, a.partner);
      const budgets = own(s, 'budgets');
      budgets[a.role] = round2((budgets[a.role] ?? 0) - REASSURE_COST);
      const reassured = ownValue(s, 'turnStats', 'reassured')!;
      reassured[key] = (reassured[key] ?? 0) + 1;
      say(ctx, `${roleName(s, a.role)} publicly reassures ${roleName(s, a.partner)} (${REASSURE_COST} BP).`);
      adjustTrack(ctx, `trust:${key}`, 1);
      break;
    }
    default: break;
  }
}
